"""One pager for every long list: a page number from the query string and the figures a page shows."""

from dataclasses import dataclass

from django.http import HttpRequest

MAX_PAGE = 10_000


def page_number(request: HttpRequest) -> int | None:
    """The `page` query parameter (1 when absent); None when it is not a page number in 1..MAX_PAGE."""
    try:
        page = int(request.GET.get("page", "1"))
    except ValueError:
        return None
    return page if 1 <= page <= MAX_PAGE else None


@dataclass(frozen=True)
class Page:
    """What a paged list shows beside its rows: "rows first–last of total", previous and next page."""

    number: int
    size: int
    shown: int
    total: int
    cap: int | None = None  # set when the total was counted only up to `cap` (there are more): "af over cap"

    @property
    def offset(self) -> int:
        return (self.number - 1) * self.size

    def as_context(self) -> dict:
        return {
            "total": self.total,
            "total_cap": self.cap,
            "page": self.number,
            "first": self.offset + 1,
            "last": self.offset + self.shown,
            "previous_page": self.number - 1 if self.number > 1 else None,
            "next_page": self.number + 1 if self.offset + self.shown < self.total else None,
        }


def offset_for(number: int, size: int) -> int:
    return (number - 1) * size

"""What higher apps tell the access log. The log imports none of them: each registers here from its
AppConfig.ready (cases from `tryg/cases/hooks.py`).

Subject resolvers: what a coordinator knows, turned into the log's references.
    register_subject_resolver(kind, fn), kind "case" (a case number) or "person" (name words or a CPR number);
    fn(municipality_id: int, text: str) -> Found. It raises ValidationError for text of the wrong form (the form
    shows the message on the field). A search field is offered only when its kind is registered.

Row describers: the people-readable side of a page of rows, read at once.
    register_row_describer(type_label, fn), type_label as stored in object_type/subject_type ("cases.case");
    fn(events: list[AuditEvent], *, municipality_id: int, names: bool) -> {event.id: RowLabel}.
    Each distinct fn is called once per page with every row whose object type (or, failing that, whose data
    subject type) it registered for, so its query count must not grow with the rows. It describes only data of
    `municipality_id`; with names=False it leaves RowLabel.person empty (the log strips it anyway).

Refusal alerts: repeated refusals of one user, told to someone.
    register_refusal_alert(fn); fn(burst: RefusalBurst) when a user's refused attempts in one municipality's
    log reach REFUSAL_THRESHOLD within REFUSAL_WINDOW, and for each further refusal of the burst (fn tells a
    burst once; see `tryg.audit.alerts`).
"""

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

KINDS = ("case", "person")


@dataclass(frozen=True)
class Found:
    """What a lookup found: `refs` maps a type label to ids; a row matches when its object or its data subject is
    one of them. `subjects` are the data subjects found (the search's own log row names one when there is one).
    `truncated` says the lookup stopped at its limit (the page asks for a narrower search). `criterion` is how
    the search's own log row names what was searched for (for a person: keyed hashes, never the name)."""

    refs: Mapping[str, Sequence[str]] = field(default_factory=dict)
    subjects: Sequence[tuple[str, str]] = ()
    truncated: bool = False
    criterion: str = ""

    @property
    def empty(self) -> bool:
        return not any(self.refs.values())


@dataclass(frozen=True)
class RowLabel:
    """A row in words: what it is about ("Sag", "Opgave"), the case number, the person's name, and the detail
    in Danish where the stored one is a code (empty: the stored detail is shown)."""

    what: str = ""
    case: str = ""
    person: str = ""
    detail: str | None = None


@dataclass(frozen=True)
class RefusalBurst:
    """One user's refused attempts reaching the threshold in one municipality's log."""

    municipality_id: int
    actor_id: int | None
    username: str
    count: int
    window: timedelta
    last_at: datetime


SubjectResolver = Callable[[int, str], Found]
RowDescriber = Callable[..., dict[int, RowLabel]]
RefusalAlert = Callable[[RefusalBurst], None]

SUBJECT_RESOLVERS: dict[str, SubjectResolver] = {}
ROW_DESCRIBERS: dict[str, RowDescriber] = {}
REFUSAL_ALERTS: list[RefusalAlert] = []


def register_subject_resolver(kind: str, fn: SubjectResolver) -> None:
    if kind not in KINDS:
        raise ValueError(f"unknown lookup kind {kind!r}")
    SUBJECT_RESOLVERS[kind] = fn


def register_row_describer(type_label: str, fn: RowDescriber) -> None:
    ROW_DESCRIBERS[type_label] = fn


def register_refusal_alert(fn: RefusalAlert) -> None:
    if fn not in REFUSAL_ALERTS:
        REFUSAL_ALERTS.append(fn)

"""Domain errors: a service's refusal that is a ValidationError for forms and carries a stable API code."""

from django.core.exceptions import ValidationError
from django.http import Http404


class DomainError(ValidationError):
    """Raised by a service for a refusal the API names with its own code (e.g. "not_pending", "forbidden_channel").

    Pages treat it as any ValidationError (`tryg.core.forms.form_errors_from`); the API's exception handler
    answers 400 with `{"error": {"code": <code>, "message": <message>, "fields": {<field>: [<message>]}}}`."""

    def __init__(self, message, *, code: str, field: str | None = None):
        self.api_code = code
        self.field = field
        super().__init__({field: [ValidationError(message, code=code)]} if field else message, code=code)


class Refused(Http404):
    """The 404 an access function raises for an object the user may not see, or that does not exist: the same
    answer either way, so existence does not leak. It names the target for the access log's "refused" row
    (`object_type`, `object_id`) and, where known, the municipality that holds it, so that municipality's
    coordinator sees the attempt. Any other Http404 from a view is logged as refused too, by its URL name."""

    def __init__(self, object_type: str = "", object_id="", *, municipality_id: int | None = None, reason: str = ""):
        super().__init__(reason or "refused")
        self.object_type = object_type
        self.object_id = "" if object_id is None else str(object_id)
        self.municipality_id = municipality_id
        self.reason = reason

"""Domain errors: a service's refusal that is a ValidationError for forms and carries a stable API code."""

from django.core.exceptions import ValidationError


class DomainError(ValidationError):
    """Raised by a service for a refusal the API names with its own code (e.g. "not_pending", "forbidden_channel").

    Pages treat it as any ValidationError (`tryg.core.forms.form_errors_from`); the API's exception handler
    answers 400 with `{"error": {"code": <code>, "message": <message>, "fields": {<field>: [<message>]}}}`."""

    def __init__(self, message, *, code: str, field: str | None = None):
        self.api_code = code
        self.field = field
        super().__init__({field: [ValidationError(message, code=code)]} if field else message, code=code)

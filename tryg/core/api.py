"""One error shape for the whole API: {"error": {"code", "message", "fields"}}."""

from django.core.exceptions import PermissionDenied, RequestDataTooBig
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from drf_spectacular.utils import inline_serializer
from rest_framework import exceptions, serializers, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from .errors import DomainError
from .refusals import report_refusal


def error_body(code: str, message: str, fields: dict | None = None) -> dict:
    return {"error": {"code": code, "message": message, "fields": fields or {}}}


# The error shape for drf-spectacular: every app documents its error responses with this one.
ErrorSerializer = inline_serializer(
    "Error",
    {
        "error": inline_serializer(
            "ErrorBody",
            {
                "code": serializers.CharField(),
                "message": serializers.CharField(),
                "fields": serializers.DictField(child=serializers.ListField(child=serializers.CharField())),
            },
        )
    },
)


# Answers every API operation may give, documented on each (drf-spectacular postprocessing hook), so that the
# schema tells the truth and a schema-driven fuzzer (benchmarks/fuzz.py) can hold the API to it.
COMMON_ERRORS = {
    "400": "Invalid input: a field, a query parameter or the body (not JSON, too large, nested too deeply).",
    "401": "No valid credentials (a bearer token or a verified session).",
    "404": "Not found, or not yours to see: the two look the same.",
}


def document_common_errors(result, generator, request, public):
    error = {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
    for operations in result.get("paths", {}).values():
        for method, operation in operations.items():
            if method in {"get", "post", "put", "patch", "delete"}:
                responses = operation.setdefault("responses", {})
                for code, description in COMMON_ERRORS.items():
                    responses.setdefault(code, {**error, "description": description})
                # gunicorn answers a request line over 4 KB itself, before Django (an HTML body).
                responses.setdefault("414", {"description": "Request line too long (answered by the app server)."})
    return result


def _flatten(detail, prefix: str = "") -> dict:
    """DRF's nested error detail as the schema's flat map {"field": ["message", ...]}: a nested field is named
    by its path ("person.name", "related_persons.1.name", "warning_signs.0")."""
    if isinstance(detail, dict):
        out = {}
        for key, value in detail.items():
            out.update(_flatten(value, f"{prefix}.{key}" if prefix else str(key)))
        return out
    if isinstance(detail, list):
        out = {}
        messages = [str(v) for v in detail if not isinstance(v, dict | list)]
        if messages:
            out[prefix or "non_field_errors"] = messages
        for index, value in enumerate(detail):
            if isinstance(value, dict | list) and value:
                out.update(_flatten(value, f"{prefix}.{index}" if prefix else str(index)))
        return out
    return {prefix or "non_field_errors": [str(detail)]}


def exception_handler(exc, context):
    if isinstance(exc, RequestDataTooBig):  # over settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        return Response(error_body("too_large", "Forespørgslen er for stor."), status=status.HTTP_400_BAD_REQUEST)
    if isinstance(exc, DomainError):
        fields = exc.message_dict if exc.field else {}
        return Response(error_body(exc.api_code, " ".join(exc.messages), fields), status=status.HTTP_400_BAD_REQUEST)
    if isinstance(exc, DjangoValidationError):
        fields = exc.message_dict if hasattr(exc, "error_dict") else {"non_field_errors": exc.messages}
        return Response(error_body("invalid", "Ugyldige data.", fields), status=status.HTTP_400_BAD_REQUEST)
    if isinstance(exc, Http404 | PermissionDenied | exceptions.NotFound | exceptions.PermissionDenied):
        # Forbidden objects look the same as unknown ones, and every refusal is reported once.
        request = context.get("request")
        if request is not None:
            report_refusal(request, exc if isinstance(exc, Http404) else Http404())
        exc = exceptions.NotFound()
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, ApiError):
        body = error_body(exc.default_code, str(exc.detail), exc.fields)
    elif isinstance(exc, exceptions.ValidationError):
        body = error_body("invalid", "Ugyldige data.", _flatten(exc.detail))
    else:
        detail = exc.detail if isinstance(exc, exceptions.APIException) else str(exc)
        code = getattr(exc, "default_code", "error")
        if isinstance(detail, dict | list):
            body = error_body(code, str(exc.default_detail), _flatten(detail))
        else:
            body = error_body(code, str(detail))
    response.data = body
    return response


class ApiError(exceptions.APIException):
    """Raise from API code for a domain error with a stable code, e.g. ApiError("walk_finished", "...")."""

    status_code = 400

    def __init__(self, code: str, message: str, *, status_code: int = 400, fields: dict | None = None):
        self.status_code = status_code
        self.default_code = code
        self.detail = message
        self.fields = fields or {}
        super().__init__(detail=message, code=code)


def valid(serializer_class, request, *, data=None) -> dict:
    """The request body (or `data`) parsed by `serializer_class`; invalid input raises the API's 400 error shape.
    Every app's API parses input through this one helper."""
    ser = serializer_class(data=request.data if data is None else data)
    ser.is_valid(raise_exception=True)
    return ser.validated_data

"""The OpenAPI schema tells the truth about errors: every operation documents 400, 401 and 404 in the one error
shape, so the fuzzer (benchmarks/fuzz.py) can hold every answer to it."""

import pytest

pytestmark = pytest.mark.django_db


def test_every_operation_documents_the_common_error_answers(client):
    schema = client.get("/api/schema/?format=json").json()
    field_errors = schema["components"]["schemas"]["ErrorBody"]["properties"]["fields"]
    assert field_errors["additionalProperties"] == {"type": "array", "items": {"type": "string"}}
    operations = [
        (path, method, operation)
        for path, methods in schema["paths"].items()
        for method, operation in methods.items()
        if method in {"get", "post", "put", "patch", "delete"}
    ]
    assert len(operations) >= 30
    for path, method, operation in operations:
        for code in ("400", "401", "404"):
            body = operation["responses"][code]["content"]["application/json"]["schema"]
            assert body == {"$ref": "#/components/schemas/Error"}, (method, path, code)

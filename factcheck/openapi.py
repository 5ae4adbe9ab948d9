"""The OpenAPI schema documents the errors every operation really answers.

drf-spectacular documents the success response a view declares. The
refusals come from shared code instead (validation, permissions, lookups,
the body cap, the throttles, the state machine: all JSON with a `detail`),
so they are added here, once, to every operation they can come from.
"""

from typing import Any

ERROR_SCHEMA = {
    "type": "object",
    "properties": {
        "detail": {"type": "string", "description": "What went wrong, in one sentence."},
        "errors": {"description": "Field-level problems, keyed by field."},
    },
    "required": ["detail"],
}
EVERY_OPERATION = {
    "400": "Invalid input: a field, filter, id or page out of range.",
    "401": "Not signed in.",
    "403": "Signed in without the right role or relation to this object.",
    "404": "No such object, or a page past the last one.",
    "429": "Throttled, or locked out after failed sign-ins; see Retry-After.",
}
WITH_A_BODY = {
    "409": "Wrong state for this action, or a stale version.",
    "413": "Request body too large.",
    "415": "Unsupported media type: send JSON (or a urlencoded form).",
}
WRITES = {"post", "put", "patch", "delete"}


def document_errors(result: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
    result.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR_SCHEMA
    content = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
    for operations in result.get("paths", {}).values():
        for method, operation in operations.items():
            codes = {**EVERY_OPERATION, **(WITH_A_BODY if method in WRITES else {})}
            responses = operation.setdefault("responses", {})
            for code, description in codes.items():
                response = responses.setdefault(code, {"description": description})
                response.setdefault("content", content)
    return result

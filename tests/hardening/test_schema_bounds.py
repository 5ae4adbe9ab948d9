"""Every whole number a client can send is bounded in the OpenAPI schema.

A bound in the schema is a bound in the code: the fields, filters, converters
and pagination that produce these schemas refuse anything outside it with a
400. An integer input without a maximum is how `poll_interval=4e23` and
`?claim=353470207377354129408` became 500s; a new one fails here.
"""

from typing import Any

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def resolve(schema: dict[str, Any], components: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        schema = components[schema["$ref"].rsplit("/", 1)[1]]
    return schema


def unbounded(schema: dict[str, Any], components: dict[str, Any], where: str) -> list[str]:
    schema = resolve(schema, components)
    if schema.get("readOnly"):
        return []
    if schema.get("type") == "integer":
        missing = [k for k in ("minimum", "maximum") if k not in schema]
        return [f"{where}: no {', '.join(missing)}"] if missing else []
    found = []
    for name, prop in schema.get("properties", {}).items():
        found += unbounded(prop, components, f"{where}.{name}")
    if "items" in schema:
        found += unbounded(schema["items"], components, f"{where}[]")
    for key in ("allOf", "oneOf", "anyOf"):
        for part in schema.get(key, []):
            found += unbounded(part, components, where)
    return found


def test_every_integer_input_has_a_minimum_and_a_maximum(admin_user) -> None:
    client = Client()
    client.force_login(admin_user)
    schema = client.get("/api/v1/schema/?format=json").json()
    components = schema["components"]["schemas"]

    problems = []
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            for parameter in operation.get("parameters", []):
                where = f"{method.upper()} {path} {parameter['in']} {parameter['name']}"
                problems += unbounded(parameter["schema"], components, where)
            for media, body in operation.get("requestBody", {}).get("content", {}).items():
                problems += unbounded(
                    body["schema"], components, f"{method.upper()} {path} {media}"
                )

    assert not problems, "\n".join(problems)

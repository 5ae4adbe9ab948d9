"""The API's JSON parser, refusing NUL characters anywhere in the document.

DRF's CharField refuses a NUL, but ids, slugs and choices reach lookups
through other fields, and PostgreSQL raises on a NUL in any string it is
handed. One check at parse time covers every field of every endpoint.
"""

from typing import Any

from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser


def has_nul(data: Any) -> bool:
    if isinstance(data, str):
        return "\x00" in data
    if isinstance(data, dict):
        return any(has_nul(key) or has_nul(value) for key, value in data.items())
    if isinstance(data, list):
        return any(has_nul(item) for item in data)
    return False


class NulFreeJSONParser(JSONParser):
    def parse(self, stream: Any, media_type: str | None = None, parser_context: Any = None) -> Any:
        data = super().parse(stream, media_type, parser_context)
        if has_nul(data):
            raise ParseError("NUL characters are not accepted.")
        return data

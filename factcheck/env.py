"""Typed readers for environment variables that fail loudly on bad values.

A typo in production configuration must stop the process at start-up, not
surface hours later as a half-working desk.
"""

import os
from collections.abc import Mapping


class ConfigError(ValueError):
    """A configuration value is missing or malformed."""


_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str | None = None, environ: Mapping[str, str] = os.environ) -> str:
    value = environ.get(name)
    if value is None:
        if default is None:
            raise ConfigError(f"{name} must be set")
        return default
    return value


def env_bool(name: str, default: bool = False, environ: Mapping[str, str] = os.environ) -> bool:
    raw = environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ConfigError(f"{name} must be a boolean (1/0, true/false, yes/no, on/off), got {raw!r}")


def env_int(
    name: str, default: int, environ: Mapping[str, str] = os.environ, minimum: int = 0
) -> int:
    raw = environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ConfigError(f"{name} must be an integer, got {raw!r}") from None
    if value < minimum:
        raise ConfigError(f"{name} must be at least {minimum}, got {value}")
    return value


def env_list(name: str, environ: Mapping[str, str] = os.environ) -> list[str]:
    raw = environ.get(name, "")
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_url(name: str, schemes: tuple[str, ...], environ: Mapping[str, str] = os.environ) -> str:
    """An optional URL; empty means unset. The scheme must be one of `schemes`."""
    raw = environ.get(name, "").strip()
    if not raw:
        return ""
    scheme, separator, _ = raw.partition("://")
    if not separator or scheme not in schemes:
        raise ConfigError(f"{name} must be a URL starting with one of {schemes}, got {raw!r}")
    return raw

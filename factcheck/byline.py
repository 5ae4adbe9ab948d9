"""The byline setting, read at start-up: a bad value stops the process with its name."""

from factcheck.env import ConfigError

BYLINE_ROLES = ("checker", "editor")


def byline_roles(value: str) -> tuple[str, ...]:
    """ "checker,editor" -> ("checker", "editor"); "none" or "" -> ()."""
    roles = [part.strip().lower() for part in value.split(",") if part.strip()]
    if roles == ["none"]:
        return ()
    unknown = [role for role in roles if role not in BYLINE_ROLES]
    if unknown:
        raise ConfigError(
            f"FACTCHECK_BYLINE: {', '.join(unknown)} is not one of checker, editor, none."
        )
    return tuple(role for role in BYLINE_ROLES if role in roles)

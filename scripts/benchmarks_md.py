"""Rewrite one `## ` section of BENCHMARKS.md, shared by the bench scripts.

Each script owns one section; the others belong to other parts of the project and stay
exactly as they are.
"""

from __future__ import annotations

import re
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parent.parent / "BENCHMARKS.md"


def rewrite_section(new_section: str, path: Path = BENCHMARKS) -> None:
    """Replace the section headed by new_section's first line (up to the next `## `
    heading), or append it when BENCHMARKS.md has none yet."""
    heading = new_section.split("\n", 1)[0]
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    pattern = re.compile(rf"^{re.escape(heading)}\n.*?(?=^## |\Z)", re.M | re.S)
    body = new_section.rstrip("\n") + "\n"
    if pattern.search(text):
        text = pattern.sub(lambda _: body + "\n", text, count=1)
    else:
        text = text.rstrip("\n") + "\n\n" + body
    path.write_text(text.rstrip("\n") + "\n", encoding="utf-8")

"""Server-rendered SVG charts: pure functions from numbers to markup.

Every label is escaped here; the result is safe to mark as such. Each chart
carries a role and a title for screen readers, and the page shows the same
numbers as a table beside it.
"""

from html import escape

# Distinguishable for the common colour-vision deficiencies (Okabe–Ito), dark enough on white.
PALETTE = ("#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#6b6b6b")
FONT = 11


def _open(width: int, height: int, title: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" '
        f'role="img" aria-label="{escape(title)}"><title>{escape(title)}</title>'
    )


def _number(value: float) -> str:
    return f"{value:.0f}" if float(value).is_integer() else f"{value:.1f}"


def bar_chart(
    rows: list[tuple[str, float]], *, title: str, unit: str = "", width: int = 380
) -> str:
    """Horizontal bars, one per (label, value), longest scaled to the width."""
    if not rows:
        return _empty(title, width)
    bar, gap, label_width, value_width = 20, 8, 140, 50
    height = len(rows) * (bar + gap) + gap
    top = max(value for _, value in rows) or 1
    span = width - label_width - value_width
    parts = [_open(width, height, title)]
    for index, (label, value) in enumerate(rows):
        y = gap + index * (bar + gap)
        length = max(1.0, span * value / top) if value else 0
        text_y = y + bar / 2 + FONT / 2 - 1
        short = label if len(label) <= 22 else label[:21] + "…"
        parts.append(
            f'<text x="{label_width - 6}" y="{text_y}" text-anchor="end">{escape(short)}</text>'
            f'<rect x="{label_width}" y="{y}" width="{length:.1f}" height="{bar}" '
            f'fill="{PALETTE[0]}"><title>{escape(label)}: '
            f"{_number(value)}{escape(unit)}</title></rect>"
            f'<text x="{label_width + length + 6:.1f}" y="{text_y}">'
            f"{_number(value)}{escape(unit)}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


def stacked_columns(
    columns: list[str], series: list[tuple[str, list[int]]], *, title: str, width: int = 880
) -> str:
    """One column per label (a day), stacked by series (an outlet), with a legend."""
    if not columns or not series:
        return _empty(title, width)
    left, bottom, legend_row = 34, 28, 18
    legend_height = legend_row * ((len(series) + 2) // 3)
    plot_height = 180
    height = plot_height + bottom + legend_height + 10
    totals = [sum(values[i] for _, values in series) for i in range(len(columns))]
    top = max(totals) or 1
    slot = (width - left - 8) / len(columns)
    column_width = max(2.0, slot * 0.7)
    parts = [_open(width, height, title)]
    for tick in (0, top / 2, top):
        y = plot_height - plot_height * tick / top + 4
        parts.append(
            f'<line x1="{left}" x2="{width - 4}" y1="{y:.1f}" y2="{y:.1f}" stroke="#d5dae1"/>'
            f'<text x="{left - 4}" y="{y + 4:.1f}" text-anchor="end">{_number(tick)}</text>'
        )
    for i, label in enumerate(columns):
        x = left + i * slot + (slot - column_width) / 2
        base: float = plot_height + 4
        for s, (name, values) in enumerate(series):
            if not values[i]:
                continue
            h = plot_height * values[i] / top
            base -= h
            parts.append(
                f'<rect x="{x:.1f}" y="{base:.1f}" width="{column_width:.1f}" height="{h:.1f}" '
                f'fill="{PALETTE[s % len(PALETTE)]}"><title>{escape(label)}, {escape(name)}: '
                f"{values[i]}</title></rect>"
            )
        every = max(1, len(columns) // 7)
        if i % every == 0:
            parts.append(
                f'<text x="{x + column_width / 2:.1f}" y="{plot_height + 20}" '
                f'text-anchor="middle">{escape(label)}</text>'
            )
    for s, (name, _) in enumerate(series):
        x = left + (s % 3) * ((width - left) / 3)
        y = plot_height + bottom + 8 + (s // 3) * legend_row
        short = name if len(name) <= 26 else name[:25] + "…"
        parts.append(
            f'<rect x="{x:.1f}" y="{y}" width="12" height="12" fill="{PALETTE[s % len(PALETTE)]}"/>'
            f'<text x="{x + 16:.1f}" y="{y + 10}">{escape(short)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _empty(title: str, width: int) -> str:
    return _open(width, 40, title) + '<text x="0" y="24">Nothing to show yet.</text></svg>'

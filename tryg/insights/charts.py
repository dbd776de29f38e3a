"""Charts as accessible inline SVG, drawn on the server from the suppressed tables (no JavaScript, no third party).

Each chart is an `<svg role="img">` with a `<title>` and a `<desc>` (named by aria-labelledby), colours that meet
contrast on white and also carry a text label (legend text, values written on the chart), a viewBox so it scales to
390 px and prints. The table beside it is the alternative; the figure links to it. Hidden (suppressed) numbers are
never drawn as their value: a trend line has a gap with "< 5", a stacked bar draws what is hidden together as one
grey "skjult" part (its size is the total minus the visible parts, which the total already tells).
"""

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

# Two series (previous, current) and up to six stacked parts; all at least 4.5:1 against white.
SERIES = ["#5a6b7b", "#0059b3"]
PARTS = ["#0059b3", "#b35900", "#2e7d32", "#7b1fa2", "#ad1457", "#00695c", "#5d4037"]
HIDDEN = "#757575"


def _svg(uid: str, title: str, desc: str, width: int, height: int, body: list[str]) -> SafeString:
    t, d = escape(title), escape(desc)
    return mark_safe(  # noqa: S308 - every text is escaped above or below
        f'<svg class="ins-chart" viewBox="0 0 {width} {height}" role="img" '
        f'aria-labelledby="{uid}-t {uid}-d" xmlns="http://www.w3.org/2000/svg" preserveAspectRatio="xMinYMin meet">'
        f'<title id="{uid}-t">{t}</title><desc id="{uid}-d">{d}</desc>{"".join(body)}</svg>'
    )


def trend(table, uid: str) -> SafeString:
    """Two lines (previous and current period) over the buckets of the period, gaps where a point is hidden."""
    labels = table.row_labels
    series = [[row[i] for row in table.shown.cells] for i in range(2)]
    top = max([c.value for s in series for c in s if not c.hidden] + [5])
    width, height, left, bottom, right, up = 420, 260, 34, 215, 405, 44
    step = (right - left) / max(len(labels) - 1, 1)

    def x(i):
        return left + i * step

    def y(v):
        return bottom - (bottom - up) * v / top

    body = [f'<line x1="{left}" y1="{bottom}" x2="{right}" y2="{bottom}" stroke="#333"/>']
    for frac in (0, 0.5, 1):
        v = round(top * frac)
        body.append(
            f'<text x="{left - 6}" y="{y(v) + 4:.0f}" text-anchor="end" font-size="12" fill="#333">{v}</text>'
            f'<line x1="{left}" y1="{y(v):.0f}" x2="{right}" y2="{y(v):.0f}" stroke="#ddd"/>'
        )
    for i, label in enumerate(labels):
        body.append(
            f'<text x="{x(i):.0f}" y="{bottom + 18}" text-anchor="middle" font-size="12" fill="#333">'
            f"{escape(label)}</text>"
        )
    for s, cells in enumerate(series):
        colour = SERIES[s]
        dash = ' stroke-dasharray="6 4"' if s == 0 else ""
        run: list[str] = []
        for i, cell in enumerate(cells):
            if cell.hidden:
                if run:
                    body.append(_polyline(run, colour, dash))
                    run = []
                body.append(
                    f'<text x="{x(i):.0f}" y="{bottom - 6 - 14 * s}" text-anchor="middle" font-size="11" '
                    f'fill="{colour}">{escape(cell.text)}</text>'
                )
                continue
            run.append(f"{x(i):.1f},{y(cell.value):.1f}")
            shape = (
                f'<circle cx="{x(i):.1f}" cy="{y(cell.value):.1f}" r="4" fill="{colour}"/>'
                if s
                else f'<rect x="{x(i) - 4:.1f}" y="{y(cell.value) - 4:.1f}" width="8" height="8" fill="{colour}"/>'
            )
            body.append(shape)
        if run:
            body.append(_polyline(run, colour, dash))
    # Legend: text, line style and marker shape, not colour alone.
    for s, label in enumerate(table.columns):
        lx = left + s * 170
        style = ' stroke-dasharray="6 4"' if s == 0 else ""
        marker = (
            f'<circle cx="{lx + 14}" cy="16" r="4" fill="{SERIES[s]}"/>'
            if s
            else f'<rect x="{lx + 10}" y="12" width="8" height="8" fill="{SERIES[s]}"/>'
        )
        body.append(
            f'<line x1="{lx}" y1="16" x2="{lx + 28}" y2="16" stroke="{SERIES[s]}" stroke-width="3"{style}/>{marker}'
            f'<text x="{lx + 36}" y="20" font-size="13" fill="#222">{escape(label)}</text>'
        )
    desc = _("Linjediagram. %(a)s stiplet med firkanter, %(b)s fuldt optrukket med prikker. %(d)s") % {
        "a": table.columns[0],
        "b": table.columns[1],
        "d": table.description,
    }
    return _svg(uid, table.title, desc, width, height + 10, body)


def _polyline(points: list[str], colour: str, dash: str) -> str:
    return f'<polyline points="{" ".join(points)}" fill="none" stroke="{colour}" stroke-width="3"{dash}/>'


def stacked(table, uid: str) -> SafeString:
    """One horizontal bar per column (period), stacked by row; the hidden parts together as one grey part."""
    columns = table.columns
    parts_per_column = []
    for c in range(len(columns)):
        parts = [(i, table.shown.cells[i][c]) for i in range(len(table.row_labels))]
        visible = [(i, cell.value) for i, cell in parts if not cell.hidden and cell.value]
        total = table.shown.col_totals[c] if table.shown.col_totals else None
        hidden_sum = None
        if total is not None and not total.hidden:
            hidden_sum = total.value - sum(v for _i, v in visible)
        parts_per_column.append((visible, hidden_sum, any(cell.hidden for _i, cell in parts)))
    top = max([sum(v for _i, v in vis) + (h or 0) for vis, h, _a in parts_per_column] + [1])
    width, left, right, bar, gap = 420, 64, 405, 34, 26
    body = []
    yy = 10
    for c, (visible, hidden_sum, any_hidden) in enumerate(parts_per_column):
        body.append(
            f'<text x="{left - 8}" y="{yy + bar / 2 + 5:.0f}" text-anchor="end" font-size="13" fill="#222">'
            f"{escape(columns[c])}</text>"
        )
        xx = left
        for i, value in visible:
            w = (right - left) * value / top
            body.append(
                f'<rect x="{xx:.1f}" y="{yy}" width="{w:.1f}" height="{bar}" fill="{PARTS[i % len(PARTS)]}" '
                f'stroke="#fff"><title>{escape(table.row_labels[i])}: {value}</title></rect>'
            )
            if w > 26:
                body.append(
                    f'<text x="{xx + w / 2:.1f}" y="{yy + bar / 2 + 5:.0f}" text-anchor="middle" font-size="12" '
                    f'fill="#fff">{value}</text>'
                )
            xx += w
        if any_hidden:
            hidden_title, hidden_note = _("Skjult (små tal)"), _("grå: skjult")
            if hidden_sum:
                w = (right - left) * hidden_sum / top
                body.append(
                    f'<rect x="{xx:.1f}" y="{yy}" width="{w:.1f}" height="{bar}" fill="{HIDDEN}" stroke="#fff">'
                    f"<title>{escape(hidden_title)}</title></rect>"
                )
                xx += w
            body.append(
                f'<text x="{min(xx + 4, right - 40):.1f}" y="{yy + bar + 14}" font-size="11" fill="#333">'
                f"{escape(hidden_note)}</text>"
            )
        yy += bar + gap
    # Legend rows: a swatch and the category's name for every part that is drawn.
    drawn = sorted({i for visible, _h, _a in parts_per_column for i, _v in visible})
    for n, i in enumerate(drawn):
        lx, ly = 6 + (n % 2) * 210, yy + 4 + (n // 2) * 22
        body.append(
            f'<rect x="{lx}" y="{ly}" width="14" height="14" fill="{PARTS[i % len(PARTS)]}"/>'
            f'<text x="{lx + 20}" y="{ly + 12}" font-size="13" fill="#222">{escape(table.row_labels[i])}</text>'
        )
    height = yy + 10 + ((len(drawn) + 1) // 2) * 22
    desc = _("Stablede søjler, én pr. kolonne, med en farve og et navn pr. kategori. %(d)s") % {"d": table.description}
    return _svg(uid, table.title, desc, width, height, body)


def gauge(measure, columns: list[str], uid: str) -> SafeString:
    """A share on time as a half-circle gauge for the current period, the previous one as a marker."""
    current, previous = measure.values[-1], measure.values[0] if len(measure.values) > 1 else None
    width, height, cx, cy, r = 240, 150, 120, 120, 90
    body = [f'<path d="M {cx - r} {cy} A {r} {r} 0 0 1 {cx + r} {cy}" fill="none" stroke="#e0e0e0" stroke-width="22"/>']
    import math

    def point(share):
        angle = math.pi * (1 - share / 100)
        return cx + r * math.cos(angle), cy - r * math.sin(angle)

    if current is not None:
        px, py = point(current)
        large = 0
        body.append(
            f'<path d="M {cx - r} {cy} A {r} {r} 0 {large} 1 {px:.1f} {py:.1f}" fill="none" stroke="{SERIES[1]}" '
            f'stroke-width="22"/>'
        )
        text = f"{current} %"
    else:
        text = _("skjult")
    if previous is not None:
        qx, qy = point(previous)
        body.append(f'<circle cx="{qx:.1f}" cy="{qy:.1f}" r="7" fill="#fff" stroke="{SERIES[0]}" stroke-width="3"/>')
    body.append(
        f'<text x="{cx}" y="{cy - 10}" text-anchor="middle" font-size="26" font-weight="bold" fill="#222">'
        f"{escape(text)}</text>"
        f'<text x="{cx - r}" y="{cy + 20}" text-anchor="middle" font-size="11" fill="#333">0 %</text>'
        f'<text x="{cx + r}" y="{cy + 20}" text-anchor="middle" font-size="11" fill="#333">100 %</text>'
    )
    desc = _("Måler. %(label)s: %(b)s i %(cb)s; ringen markerer %(a)s i %(ca)s.") % {
        "label": measure.label,
        "b": measure.texts[-1],
        "cb": columns[-1],
        "a": measure.texts[0],
        "ca": columns[0],
    }
    return _svg(uid, measure.label, desc, width, height + 20, body)


def charts_for(table) -> list[dict]:
    """The charts of a table (or of a Measures' gauges), each {"svg", "label"}; the id ties it to its table."""
    uid = f"chart-{table.key}"
    if getattr(table, "chart", "") == "trend":
        return [{"svg": trend(table, uid)}]
    if getattr(table, "chart", "") == "stacked":
        return [{"svg": stacked(table, uid)}]
    out = []
    for n, measure in enumerate(getattr(table, "rows", []) if hasattr(table, "columns") else []):
        if getattr(measure, "gauge", False):
            out.append({"svg": gauge(measure, table.columns, f"{uid}-{n}")})
    return out

"""Small counts are never shown: the ONE suppression rule of every statistic, page, chart and export.

`suppress(values, ...)` takes a table of counts of people or cases (rows × columns) and says, cell by cell, what may
be shown. A count from 1 to 4 is *primary* suppressed and shown as "< 5" (0 reveals nobody and is shown). The table's
margins — column totals, row totals and the difference between two periods — are linear relations between the cells:
a reader who sees a total and all cells but one can work the hidden one out. So the rule then hides further cells
(*complementary* suppression) until

1. no hidden cell is determined by the visible numbers and the relations (checked exactly, by Gaussian elimination
   over the rationals: a hidden cell is determined when its unit vector lies in the row space of the relations
   restricted to the hidden cells), and
2. in every relation whose total is visible, the hidden cells together amount to 5 or more (two hidden cells adding
   up to 2 would each be 1).

A further cell to hide is chosen from a relation that leaks: a difference before a cell, a cell before a total, and
the smallest value first, so totals — which other tables show too — stay visible unless they are small themselves.
Shares are shown only when numerator and denominator are both visible (`share`), and a median or mean only over 5
or more (`enough`). Nothing about which rows exist is hidden: the row labels are fixed lists (channels, outcomes).
"""

from dataclasses import dataclass, field
from fractions import Fraction

THRESHOLD = 5

# What a member of a relation is; the rule hides the lowest rank first.
DIFFERENCE, CELL, TOTAL = 0, 1, 2


@dataclass
class Shown:
    """One number as it may be shown: `value` is None when hidden; `text` is what a page, chart or export prints."""

    value: int | None
    primary: bool = False  # hidden because the number itself is small
    secondary: bool = False  # hidden because it would reveal a small number

    @property
    def hidden(self) -> bool:
        return self.value is None

    @property
    def text(self) -> str:
        if self.primary:
            return "< 5"
        if self.secondary:
            return "–"
        return str(self.value)

    def __str__(self) -> str:
        return self.text


@dataclass
class Suppressed:
    """The table after suppression: cells[r][c], and the margins that were asked for."""

    cells: list[list[Shown]]
    col_totals: list[Shown] = field(default_factory=list)
    row_totals: list[Shown] = field(default_factory=list)
    grand_total: Shown | None = None
    differences: list[Shown] = field(default_factory=list)  # per row: column 1 minus column 0
    total_difference: Shown | None = None

    @property
    def any_hidden(self) -> bool:
        every = [c for row in self.cells for c in row] + self.col_totals + self.row_totals + self.differences
        every += [x for x in (self.grand_total, self.total_difference) if x is not None]
        return any(c.hidden for c in every)


def is_small(value: int) -> bool:
    return 0 < value < THRESHOLD


def suppress(
    values: list[list[int]],
    *,
    col_totals: bool = True,
    row_totals: bool = False,
    difference: bool = False,
) -> Suppressed:
    """Suppress a table of counts. `difference` (two columns only) adds column 1 minus column 0 per row (and of the
    column totals), as shown when two periods stand side by side."""
    rows = len(values)
    cols = len(values[0]) if rows else 0
    if any(len(row) != cols for row in values):
        raise ValueError("every row needs the same number of columns")
    if any((not isinstance(v, int)) or v < 0 for row in values for v in row):
        raise ValueError("counts are whole numbers from 0")
    if difference and cols != 2:
        raise ValueError("a difference needs exactly two columns")

    # Members: (kind, key) -> value and rank. Relations: {member: coefficient} summing to 0.
    value: dict[tuple, int] = {}
    rank: dict[tuple, int] = {}
    relations: list[tuple[dict[tuple, int], tuple | None]] = []  # (coefficients, the relation's total member)

    def member(key: tuple, v: int, r: int) -> tuple:
        value[key], rank[key] = v, r
        return key

    for r in range(rows):
        for c in range(cols):
            member(("cell", r, c), values[r][c], CELL)
    if col_totals:
        for c in range(cols):
            total = member(("col", c), sum(values[r][c] for r in range(rows)), TOTAL)
            relations.append(({("cell", r, c): 1 for r in range(rows)} | {total: -1}, total))
    if row_totals:
        for r in range(rows):
            total = member(("row", r), sum(values[r]), TOTAL)
            relations.append(({("cell", r, c): 1 for c in range(cols)} | {total: -1}, total))
    if col_totals and row_totals:
        grand = member(("grand",), sum(map(sum, values)), TOTAL)
        relations.append(({("col", c): 1 for c in range(cols)} | {grand: -1}, grand))
        relations.append(({("row", r): 1 for r in range(rows)} | {grand: -1}, grand))
    if difference:
        for r in range(rows):
            d = member(("diff", r), values[r][1] - values[r][0], DIFFERENCE)
            relations.append(({("cell", r, 1): 1, ("cell", r, 0): -1, d: -1}, None))
        if col_totals:
            d = member(("diff-total",), value[("col", 1)] - value[("col", 0)], DIFFERENCE)
            relations.append(({("col", 1): 1, ("col", 0): -1, d: -1}, None))

    # Differences are not counts: they are hidden only to protect others (never "< 5" themselves).
    primary = {k for k, v in value.items() if rank[k] != DIFFERENCE and is_small(v)}
    hidden = set(primary)
    while True:
        leaks = _leaking_relations(relations, hidden, value, primary)
        candidates = next(([k for k in leak if k not in hidden] for leak in leaks if set(leak) - hidden), None)
        if candidates is None:
            break
        hidden.add(min(candidates, key=lambda k: (rank[k], value[k] == 0, value[k], k)))

    def shown(key: tuple) -> Shown:
        if key in primary:
            return Shown(None, primary=True)
        if key in hidden:
            return Shown(None, secondary=True)
        return Shown(value[key])

    out = Suppressed(cells=[[shown(("cell", r, c)) for c in range(cols)] for r in range(rows)])
    if col_totals:
        out.col_totals = [shown(("col", c)) for c in range(cols)]
    if row_totals:
        out.row_totals = [shown(("row", r)) for r in range(rows)]
    if col_totals and row_totals:
        out.grand_total = shown(("grand",))
    if difference:
        out.differences = [shown(("diff", r)) for r in range(rows)]
        if col_totals:
            out.total_difference = shown(("diff-total",))
    return out


def _leaking_relations(relations, hidden: set, value: dict, primary: set = frozenset()) -> list[dict]:
    """The relations through which a hidden member can be worked out (or narrowed to a small sum): empty when the
    table is safe. A relation is listed once per leak; the caller hides a visible member of the first it can."""
    if not hidden:
        return []
    out = []
    # 2. A relation with a visible total whose hidden cells add up to less than the threshold.
    for coefficients, total in relations:
        unknown = [k for k in coefficients if k in hidden]
        if unknown and total is not None and total not in hidden:
            residual = sum(value[k] for k in unknown if coefficients[k] > 0)
            if residual < THRESHOLD:
                out.append(coefficients)
    if out:
        return out
    # 1. A hidden member determined exactly by the system of relations: hide more in a relation that involves it
    # (and, failing that, in any relation that involves hidden members).
    order = sorted(hidden)
    index = {k: i for i, k in enumerate(order)}
    matrix = []
    for coefficients, _total in relations:
        row = [Fraction(0)] * len(order)
        for k, coef in coefficients.items():
            if k in index:
                row[index[k]] = Fraction(coef)
        if any(row):
            matrix.append((row, coefficients))
    determined = _determined_columns([row for row, _c in matrix], len(order))
    if not determined:
        # 3. Bounds: counts are never negative and a "< 5" is 1–4, which can pin a hidden member down too.
        pinned = _pinned_by_bounds(relations, hidden, value, primary)
        determined = [index[k] for k in pinned]
    if not determined:
        return []
    # The relations that tell a determined member most directly first (those with the fewest hidden members).
    involved = [
        (sum(1 for x in row if x != 0), n, c)
        for n, (row, c) in enumerate(matrix)
        if any(row[j] != 0 for j in determined)
    ]
    out.extend(c for _hidden, _n, c in sorted(involved, key=lambda t: (t[0], t[1])))
    out.extend(coefficients for _row, coefficients in matrix)
    return out


def _pinned_by_bounds(relations, hidden: set, value: dict, primary: set) -> list[tuple]:
    """Hidden cells and totals whose value interval propagation over the relations narrows to one number (the
    attacker's way: 9 = x + y with y ≥ 0 and 13 = x + z with z ≤ 4 gives x = 9)."""
    inf = float("inf")
    lo = {k: 1 if k in primary else (-inf if k[0].startswith("diff") else 0) for k in hidden}
    hi = {k: 4 if k in primary else inf for k in hidden}
    equations = []
    for coefficients, _total in relations:
        unknown = {k: c for k, c in coefficients.items() if k in hidden}
        if unknown:
            const = -sum(c * value[k] for k, c in coefficients.items() if k not in hidden)
            equations.append((unknown, const))

    def total(terms):
        if any(t == inf for t in terms) and any(t == -inf for t in terms):
            return None
        return sum(terms)

    for _round in range(30):
        changed = False
        for unknown, const in equations:
            for j, cj in unknown.items():
                others = [(k, c) for k, c in unknown.items() if k != j]
                low = total([c * (lo[k] if c > 0 else hi[k]) for k, c in others])
                high = total([c * (hi[k] if c > 0 else lo[k]) for k, c in others])
                if low is None or high is None:
                    continue
                a, b = const - high, const - low  # cj * x_j lies in [a, b]; cj is 1 or -1
                if cj < 0:
                    a, b = -b, -a
                if a > lo[j]:
                    lo[j], changed = a, True
                if b < hi[j]:
                    hi[j], changed = b, True
        if not changed:
            break
    return sorted(k for k in hidden if not k[0].startswith("diff") and lo[k] == hi[k])


def _determined_columns(rows: list[list[Fraction]], width: int) -> list[int]:
    """Columns j whose unit vector e_j lies in the row space of `rows` (reduced row echelon form: a pivot row with
    no other non-zero entry)."""
    m = [list(r) for r in rows]
    pivots = []
    lead = 0
    for col in range(width):
        pivot = next((i for i in range(lead, len(m)) if m[i][col] != 0), None)
        if pivot is None:
            continue
        m[lead], m[pivot] = m[pivot], m[lead]
        factor = m[lead][col]
        m[lead] = [x / factor for x in m[lead]]
        for i in range(len(m)):
            if i != lead and m[i][col] != 0:
                f = m[i][col]
                m[i] = [a - f * b for a, b in zip(m[i], m[lead], strict=True)]
        pivots.append((lead, col))
        lead += 1
        if lead == len(m):
            break
    return [col for row, col in pivots if sum(1 for x in m[row] if x != 0) == 1]


def share(part: Shown, whole: Shown) -> str:
    """A whole percentage of `whole`, or "–" when either number is hidden (it would reveal the other) or nothing."""
    if part.hidden or whole.hidden or not whole.value:
        return "–"
    return f"{round(100 * part.value / whole.value)} %"


def share_of_counts(part: int, whole: int) -> int | None:
    """A share (whole percent) of two raw counts, None when it would reveal a small count: the part, or what is left
    of the whole, is 1–4 (e.g. 2 late of 100 is 98 % on time)."""
    if whole < THRESHOLD or is_small(part) or is_small(whole - part):
        return None
    return round(100 * part / whole)


def enough(n: int) -> bool:
    """A median or a mean is shown only over THRESHOLD or more."""
    return n >= THRESHOLD

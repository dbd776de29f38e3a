"""The one suppression rule (insights/suppression.py): small counts and everything that would reveal them."""

import itertools

import pytest

from tryg.insights.suppression import share, share_of_counts, suppress


def texts(result):
    return [[c.text for c in row] for row in result.cells]


def test_it_shows_a_table_without_small_counts_as_it_is():
    result = suppress([[10, 12], [7, 30]])
    assert texts(result) == [["10", "12"], ["7", "30"]]
    assert [t.text for t in result.col_totals] == ["17", "42"]
    assert not result.any_hidden


def test_it_shows_a_count_under_five_as_under_five_and_zero_as_zero():
    result = suppress([[3, 0], [0, 0]], col_totals=False)
    assert texts(result) == [["< 5", "0"], ["0", "0"]]


def test_the_crafted_table_a_row_total_and_the_visible_cells_never_reveal_a_hidden_cell():
    # 10 + 3 + 8 = 21: with the total and 10 and 8 visible, the 3 could be worked out. Another cell must go.
    result = suppress([[10, 3, 8]], col_totals=False, row_totals=True)
    cells = result.cells[0]
    assert cells[1].text == "< 5"
    assert result.row_totals[0].text == "21"
    assert sum(c.hidden for c in cells) == 2, "a second cell is hidden to protect the small one"
    assert cells[2].text == "–", "the smallest other cell is chosen, and shown as a dash, not as small"
    _assert_no_hidden_cell_is_determined([[10, 3, 8]], result, col_totals=False, row_totals=True)


def test_complementary_suppression_holds_across_rows_and_columns():
    values = [[20, 3, 15], [12, 9, 30], [25, 14, 2]]
    result = suppress(values, col_totals=True, row_totals=True)
    assert result.cells[0][1].primary and result.cells[2][2].primary
    for r, row in enumerate(result.cells):  # no row or column equation is left with one unknown
        assert sum(c.hidden for c in row) != 1 or result.row_totals[r].hidden
    for c in range(3):
        assert sum(result.cells[r][c].hidden for r in range(3)) != 1 or result.col_totals[c].hidden


def test_the_difference_between_two_periods_never_reveals_a_small_count():
    # Last year 3 walks, this year 12: "+9" beside 12 would tell the 3.
    result = suppress([[3, 12], [40, 44]], col_totals=True, difference=True)
    assert result.cells[0][0].text == "< 5"
    row = [result.cells[0][0], result.cells[0][1], result.differences[0]]
    assert sum(c.hidden for c in row) >= 2
    assert result.col_totals[0].hidden or result.cells[1][0].hidden
    _assert_no_hidden_cell_is_determined([[3, 12], [40, 44]], result, col_totals=True, difference=True)


def test_two_small_cells_that_add_up_to_a_tiny_sum_are_protected_further():
    # 1 + 1 + 30 = 32: hiding the two ones alone would leave 2 = two cells of at least 1 each, so both are 1.
    result = suppress([[1], [1], [30]], col_totals=True)
    assert [row[0].hidden for row in result.cells] == [True, True, True]
    assert result.col_totals[0].text == "32"


def test_a_small_total_is_itself_hidden():
    result = suppress([[2], [1]], col_totals=True)
    assert result.col_totals[0].text == "< 5"


@pytest.mark.parametrize("seed", range(12))
def test_random_tables_never_leak_a_hidden_cell(seed):
    import random

    rng = random.Random(seed)
    values = [[rng.choice([0, 1, 2, 3, 4, 6, 9, 14]) for _ in range(3)] for _ in range(2)]
    result = suppress(values, col_totals=True, row_totals=True)
    _assert_no_hidden_cell_is_determined(values, result, col_totals=True, row_totals=True, top=16)


def test_shares_are_shown_only_when_both_numbers_are_visible():
    result = suppress([[3], [20]], col_totals=True)
    assert share(result.cells[0][0], result.col_totals[0]) == "–"
    assert share_of_counts(98, 100) is None  # 2 late would be revealed
    assert share_of_counts(50, 100) == 50
    assert share_of_counts(3, 3) is None


def test_it_refuses_what_is_not_a_table_of_counts():
    with pytest.raises(ValueError):
        suppress([[1, 2], [3]])
    with pytest.raises(ValueError):
        suppress([[-1]])
    with pytest.raises(ValueError):
        suppress([[1, 2, 3]], difference=True)


def _assert_no_hidden_cell_is_determined(values, result, *, top=40, **margins):
    """Brute force the attacker: every table of small-ish counts with the same visible numbers must leave each
    hidden cell with more than one possible value."""
    hidden = [(r, c) for r, row in enumerate(result.cells) for c, cell in enumerate(row) if cell.hidden]
    if not hidden:
        return
    if len(hidden) > 5:
        return  # too many to brute force in seconds; the rule's own algebra covers these
    ranges = []
    for r, c in hidden:
        v = values[r][c]
        ranges.append(range(1, 5) if result.cells[r][c].primary else range(max(0, v - 6), v + 7))
    possible = {pos: set() for pos in hidden}
    for guess in itertools.product(*ranges):
        trial = [row[:] for row in values]
        for (r, c), v in zip(hidden, guess, strict=True):
            trial[r][c] = v
        if _same_visible(suppress_margins(trial, **margins), result):
            for pos, v in zip(hidden, guess, strict=True):
                possible[pos].add(v)
    for pos, options in possible.items():
        assert len(options) > 1, f"hidden cell {pos} can be worked out: {options}"


def suppress_margins(values, *, col_totals=False, row_totals=False, difference=False):
    cols = len(values[0])
    out = {}
    if col_totals:
        out["col"] = [sum(row[c] for row in values) for c in range(cols)]
    if row_totals:
        out["row"] = [sum(row) for row in values]
    if difference:
        out["diff"] = [row[1] - row[0] for row in values]
    return out


def _same_visible(margins, result):
    for key, shown in (("col", result.col_totals), ("row", result.row_totals), ("diff", result.differences)):
        for got, cell in zip(margins.get(key, []), shown, strict=False):
            if not cell.hidden and cell.value != got:
                return False
    return True

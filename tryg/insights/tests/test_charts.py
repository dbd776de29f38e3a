"""The SVG charts: named for screen readers, and a hidden number is never drawn as its size."""

from tryg.insights.charts import charts_for, stacked, trend
from tryg.insights.indicators import Measure, Measures, Table


def _table(values, chart):
    return Table(
        key="t",
        title="Titel",
        description="Beskrivelse",
        row_labels=["A", "B", "C"],
        values=values,
        columns=["2025", "2026"],
        chart=chart,
    )


def test_a_stacked_bar_draws_hidden_parts_together_in_grey_and_names_itself():
    svg = str(stacked(_table([[10, 3], [8, 9], [12, 20]], "stacked"), "c"))
    assert 'role="img"' in svg and 'aria-labelledby="c-t c-d"' in svg and '<title id="c-t">Titel</title>' in svg
    assert "Skjult (små tal)" in svg and ">3<" not in svg
    assert "grå: skjult" in svg


def test_a_trend_line_leaves_a_gap_with_under_five_where_a_point_is_hidden():
    svg = str(trend(_table([[10, 3], [8, 9], [12, 20]], "trend"), "c"))
    assert "&lt; 5" in svg and "<polyline" in svg


def test_a_share_on_time_is_a_gauge_and_a_hidden_share_says_so():
    measures = Measures(
        "m", "Frister", "", ["2025", "2026"], [Measure("Til tiden", ["90 %", "–"], [90, None], gauge=True)]
    )
    [chart] = charts_for(measures)
    assert "skjult" in str(chart["svg"]) and "Måler." in str(chart["svg"])

"""Geometry of the server-rendered SVG trend chart (the template only draws what this returns)."""

from dataclasses import dataclass, field
from decimal import Decimal

# Drawn in a 400-unit box, shown between 20rem and 25rem wide (static/css/portal.css), with
# 15-unit labels: at the narrowest (a 320 px phone column) they still render at 12 CSS px.
WIDTH, HEIGHT = 400, 240
LEFT, RIGHT, TOP, BOTTOM = 68, 12, 16, 60
FONT_SIZE = 15


@dataclass
class Point:
    x: float
    y: float
    label: str
    value: str


@dataclass
class Tick:
    y: float
    label: str


@dataclass
class TrendChart:
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    right_edge: int = WIDTH - RIGHT
    bottom_edge: int = HEIGHT - BOTTOM
    legend_y: int = HEIGHT - 10
    font_size: int = FONT_SIZE
    points: list[Point] = field(default_factory=list)
    ticks: list[Tick] = field(default_factory=list)
    target_y: float | None = None
    target_label: str = ""

    @property
    def polyline(self):
        return " ".join(f"{p.x:.1f},{p.y:.1f}" for p in self.points)


def _nice_top(value: Decimal) -> Decimal:
    """Round the axis top up to 1, 2, 2.5 or 5 times a power of ten."""
    if value <= 0:
        return Decimal(1)
    exponent = value.adjusted()
    base = Decimal(10) ** exponent
    for step in (1, 2, Decimal("2.5"), 5, 10):
        if value <= base * step:
            return base * step
    return base * 10


def trend_chart(indicator) -> TrendChart | None:
    """A line through the indicator's figures per period with the target as a dashed line.

    None when there is nothing to draw (the page then says "chưa có số liệu").
    """
    series = indicator.series
    if not series:
        return None
    values = [m.value for m in series]
    top = _nice_top(max([*values, indicator.target, indicator.baseline or 0]))
    chart = TrendChart()
    inset = 24  # keeps the first and last period labels inside the drawing
    plot_left = chart.left + inset
    plot_width = chart.right_edge - inset - plot_left
    plot_height = chart.bottom_edge - TOP

    def y_of(value):
        return float(chart.bottom_edge - (Decimal(value) / top) * plot_height)

    count = len(series)
    for index, measurement in enumerate(series):
        x = plot_left + (plot_width / 2 if count == 1 else plot_width * index / (count - 1))
        chart.points.append(Point(x, y_of(measurement.value), measurement.period_label, measurement.value_display))
    chart.ticks = [Tick(y_of(top * k / 4), indicator.format(top * k / 4)) for k in range(5)]
    chart.target_y = y_of(indicator.target)
    chart.target_label = indicator.target_display
    return chart

"""A bar chart as geometry for a server-rendered SVG (no JavaScript, no chart library)."""

from dataclasses import dataclass

WIDTH, HEIGHT = 640, 240
MARGIN_LEFT, MARGIN_BOTTOM, MARGIN_TOP = 40, 40, 16


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    value: int
    label: str


@dataclass(frozen=True)
class BarChart:
    bars: list
    maximum: int
    width: int = WIDTH
    height: int = HEIGHT
    axis_y: int = HEIGHT - MARGIN_BOTTOM
    axis_x: int = MARGIN_LEFT
    label_y: int = HEIGHT - MARGIN_BOTTOM + 18
    top: int = MARGIN_TOP


def bar_chart(values, labels) -> BarChart:
    """Return bars scaled to the largest value (at least 1), left to right."""
    maximum = max([1, *values])
    plot_width = WIDTH - MARGIN_LEFT - 8
    plot_height = HEIGHT - MARGIN_BOTTOM - MARGIN_TOP
    slot = plot_width / max(1, len(values))
    bars = []
    for n, (value, label) in enumerate(zip(values, labels, strict=True)):
        height = plot_height * value / maximum
        bars.append(
            Bar(
                x=round(MARGIN_LEFT + n * slot + slot * 0.15, 1),
                y=round(HEIGHT - MARGIN_BOTTOM - height, 1),
                width=round(slot * 0.7, 1),
                height=round(height, 1),
                value=value,
                label=label,
            )
        )
    return BarChart(bars=bars, maximum=maximum)

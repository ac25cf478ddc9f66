"""Server-rendered SVG charts for the capacity page (no JavaScript): the geometry is
computed here, the template draws it. Each chart has a data table beside it with the same
numbers (for screen readers and for anyone who wants the figures)."""

from dataclasses import dataclass

from django.utils import formats

WIDTH = 640
HEIGHT = 260
LEFT = 44  # room for the value axis labels
BOTTOM = 36  # room for the week labels
TOP = 12


@dataclass(frozen=True)
class Bar:
    x: float
    width: float
    booked_y: float
    booked_height: float
    open_y: float
    open_height: float
    label: str
    label_x: float


@dataclass(frozen=True)
class WeeksChart:
    width: int
    height: int
    bars: list[Bar]
    top_value: int
    axis_y: float  # y of the zero line
    top_y: float
    left: int


def _nice_top(value: int) -> int:
    """A round number at or above ``value`` for the top of the value axis."""
    if value <= 10:
        return 10
    step = 10 ** (len(str(value)) - 1)
    for factor in (1, 2, 5, 10):
        if value <= factor * step:
            return factor * step
    return 10 * step


def weeks_chart(weeks) -> WeeksChart:
    """Stacked bars, one per week: people booked (bottom) and open seats (top)."""
    plot_height = HEIGHT - TOP - BOTTOM
    top_value = _nice_top(max((week.booked + week.open for week in weeks), default=0))
    slot_width = (WIDTH - LEFT) / max(len(weeks), 1)
    bar_width = slot_width * 0.6
    axis_y = TOP + plot_height
    bars = []
    for index, week in enumerate(weeks):
        booked_height = plot_height * week.booked / top_value
        open_height = plot_height * week.open / top_value
        x = LEFT + index * slot_width + (slot_width - bar_width) / 2
        bars.append(
            Bar(
                x=round(x, 1),
                width=round(bar_width, 1),
                booked_y=round(axis_y - booked_height, 1),
                booked_height=round(booked_height, 1),
                open_y=round(axis_y - booked_height - open_height, 1),
                open_height=round(open_height, 1),
                label=formats.date_format(week.starts_on, "SHORT_DATE_FORMAT"),
                label_x=round(x + bar_width / 2, 1),
            )
        )
    return WeeksChart(
        width=WIDTH,
        height=HEIGHT,
        bars=bars,
        top_value=top_value,
        axis_y=axis_y,
        top_y=TOP,
        left=LEFT,
    )


@dataclass(frozen=True)
class WaitBar:
    y: float
    width: float
    code: str
    days: int | None  # None: nothing open online
    text_x: float


@dataclass(frozen=True)
class WaitsChart:
    width: int
    height: int
    bars: list[WaitBar]
    left: int
    row_height: int


WAIT_LEFT = 150
WAIT_ROW = 22
WAIT_LIMIT = 20  # the longest waits only; the table lists every office


def waits_chart(figures) -> WaitsChart:
    """Horizontal bars: days until the soonest open time, longest first (an office with
    nothing open online gets a full-width bar)."""
    shown = list(figures)[:WAIT_LIMIT]
    longest = max((f.days_to_soonest or 0 for f in shown), default=0) or 1
    plot_width = WIDTH - WAIT_LEFT - 90
    bars = []
    for index, each in enumerate(shown):
        days = each.days_to_soonest
        width = plot_width if days is None else plot_width * max(days, 0) / longest
        bars.append(
            WaitBar(
                y=TOP + index * WAIT_ROW,
                width=round(max(width, 1), 1),
                code=each.office.code,
                days=days,
                text_x=round(WAIT_LEFT + max(width, 1) + 6, 1),
            )
        )
    return WaitsChart(
        width=WIDTH,
        height=TOP * 2 + WAIT_ROW * max(len(bars), 1),
        bars=bars,
        left=WAIT_LEFT,
        row_height=WAIT_ROW - 6,
    )

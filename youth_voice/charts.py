"""Bar charts of a question's answers, drawn on the server as SVG.

No JavaScript and no styles in the page (the Content-Security-Policy allows neither inline): the
geometry is worked out here and the template writes it as SVG attributes. Each chart is an image
with a title and a description in words (every answer, its count and percent) for screen readers,
and the summary always shows the same figures as a table beside it.
"""

from dataclasses import dataclass

from django.utils.text import Truncator
from django.utils.translation import gettext as _

WIDTH = 640
BAR_SPACE = 500  # the longest bar; the rest of the width holds the figures after it
LABEL_LINE = 16  # the answer's label, above its bar
BAR_HEIGHT = 20
ROW_GAP = 14
ROW_HEIGHT = LABEL_LINE + 4 + BAR_HEIGHT + ROW_GAP
LABEL_MAX_CHARS = 80  # a longer label is cut in the chart; the table and description keep it whole
MAX_BARS = 25  # beyond this (a number question's many values, say) the table reads better alone


@dataclass(frozen=True)
class Bar:
    label: str
    figures: str  # "12 (60%)"
    label_y: int  # baseline of the label
    bar_y: int  # top of the bar
    width: float  # of the bar, in the chart's units

    @property
    def figures_x(self) -> float:
        return self.width + 6

    @property
    def figures_y(self) -> int:
        return self.bar_y + BAR_HEIGHT - 5


@dataclass(frozen=True)
class BarChart:
    bars: list[Bar]
    height: int
    description: str
    width: int = WIDTH


def bar_chart(choices) -> BarChart | None:
    """A chart of `ChoiceFigure`s (count and percent per answer), or None when there is nothing
    to draw or too much to draw well."""
    if not choices or len(choices) > MAX_BARS:
        return None
    most = max(choice.count for choice in choices) or 1
    bars = []
    for row, choice in enumerate(choices):
        top = row * ROW_HEIGHT
        figures = _("%(count)s (%(percent)s%%)") % {"count": choice.count, "percent": choice.percent}
        bars.append(
            Bar(
                label=Truncator(str(choice.label)).chars(LABEL_MAX_CHARS),
                figures=figures,
                label_y=top + LABEL_LINE - 3,
                bar_y=top + LABEL_LINE + 4,
                width=round(BAR_SPACE * choice.count / most, 1),
            )
        )
    description = "; ".join(
        _("%(label)s: %(count)s (%(percent)s%%)")
        % {"label": choice.label, "count": choice.count, "percent": choice.percent}
        for choice in choices
    )
    return BarChart(bars=bars, height=len(choices) * ROW_HEIGHT - ROW_GAP, description=description)

"""The team chart and a child's journey timeline as PDFs for a service meeting, drawn from the
same domain models the screen draws (domain/team_chart, domain/timeline)."""

from __future__ import annotations

import datetime as dt

from reportlab.lib.colors import HexColor
from reportlab.platypus import KeepTogether, PageBreak, Spacer
from reportlab.platypus.flowables import Flowable

from ..domain.dates import format_long
from ..domain.plain_words import days
from ..domain.team_chart import BarTone, ChildBar, TeamChart
from ..domain.timeline import Timeline, label_levels
from .fonts import BOLD, REGULAR
from .service_layout import (
    FLAG,
    GOOD,
    INK,
    MUTED,
    PLANNED,
    RULE,
    TARGET,
    body,
    heading,
    service_pdf,
    usable_width,
)

TEAM_TITLE = "Lasting Home team chart"
TIMELINE_TITLE = "Lasting Home journey timeline"
BARS_PER_PAGE = 26
NAME_WIDTH = 150


def team_chart_pdf(chart: TeamChart, scope: str = "") -> bytes:
    """Every bar (several pages for a large team), then the stage counts."""
    width = usable_width(wide=True)
    story: list[Flowable] = [
        heading(f"Days from matching meeting to visit or panel, {chart.year}"),
        body(chart.summary + (f" {scope}" if scope else ""), colour=MUTED),
        body(
            f"Targets: Head of Service decision within {chart.decision_target} days; visit "
            f"within {chart.visit_target} days of the matching meeting. Green: reached within "
            f"the target; red: over it; pale: still waiting (to today). Printed "
            f"{format_long(chart.today)}.",
            colour=MUTED,
        ),
        Spacer(1, 6),
    ]
    pages = [chart.bars[i : i + BARS_PER_PAGE] for i in range(0, len(chart.bars), BARS_PER_PAGE)]
    for number, bars in enumerate(pages):
        if number:
            story.append(PageBreak())
        story.append(_Bars(chart, bars, width))
    story += [
        Spacer(1, 14),
        KeepTogether([heading("Children waiting at each stage", 14), _Stages(chart, width)]),
    ]
    return service_pdf(TEAM_TITLE, story, TEAM_TITLE, wide=True)


def timeline_pdf(timeline: Timeline) -> bytes:
    width = usable_width(wide=True)
    story: list[Flowable] = [
        heading(f"{timeline.child_name}: the journey so far"),
        body(f"{timeline.route.label} route. Printed {format_long(timeline.today)}.", colour=MUTED),
        Spacer(1, 10),
        _Timeline(timeline, width),
        Spacer(1, 10),
        body(timeline.summary),
    ]
    return service_pdf(TIMELINE_TITLE, story, timeline.child_name, wide=True)


class _Bars(Flowable):
    ROW = 17

    def __init__(self, chart: TeamChart, bars: tuple[ChildBar, ...], width: float):
        super().__init__()
        self.chart, self.bars, self.width = chart, bars, width
        self.height = 26 + self.ROW * max(1, len(bars))

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def _x(self, days: int) -> float:
        span = self.width - NAME_WIDTH - 40
        return NAME_WIDTH + span * days / max(1, self.chart.longest)

    def draw(self) -> None:
        c = self.canv
        top = self.height - 20
        if not self.bars:
            c.setFont(REGULAR, 10)
            c.setFillColor(HexColor(MUTED))
            c.drawString(0, top - 12, "No matching meetings held yet this year.")
            return
        for number, bar in enumerate(self.bars):
            y = top - (number + 1) * self.ROW
            c.setFillColor(HexColor(INK))
            _text(c, 0, y + 4, _fit(bar.name, 30), 8.5)
            fill, edge = BAR_COLOURS[bar.tone(self.chart.visit_target)]
            c.setFillColor(HexColor(fill))
            c.setStrokeColor(HexColor(edge))
            c.rect(
                NAME_WIDTH, y + 2, max(1.5, self._x(bar.days) - NAME_WIDTH), 11, stroke=1, fill=1
            )
            c.setFillColor(HexColor(INK))
            waiting = "" if bar.reached else " (waiting)"
            c.drawString(self._x(bar.days) + 4, y + 4, f"{bar.days}{waiting}")
        for target, label, dash in (
            (self.chart.decision_target, "Decision due", (2, 2)),
            (self.chart.visit_target, "Visit target", ()),
        ):
            x = self._x(target)
            c.setStrokeColor(HexColor(TARGET))
            if dash:
                c.setDash(*dash)
            c.line(x, top - len(self.bars) * self.ROW, x, top + 4)
            c.setDash()
            c.setFont(BOLD, 8)
            c.setFillColor(HexColor(TARGET))
            c.drawCentredString(x, top + 8, f"{label}: {days(target)}")


class _Stages(Flowable):
    ROW = 16

    def __init__(self, chart: TeamChart, width: float):
        super().__init__()
        self.chart, self.width = chart, width
        self.height = self.ROW * max(1, len(chart.stages)) + 4

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        most = max([1, *(stage.count for stage in self.chart.stages)])
        for number, stage in enumerate(self.chart.stages):
            y = self.height - (number + 1) * self.ROW
            c.setFillColor(HexColor(INK))
            _text(c, 0, y + 3, stage.label, 9)
            left = 260
            c.setFillColor(HexColor("#1f6f8b"))
            c.rect(left, y + 2, (self.width - left - 40) * stage.count / most, 11, stroke=0, fill=1)
            c.setFillColor(HexColor(INK))
            c.drawString(
                left + (self.width - left - 40) * stage.count / most + 4, y + 3, str(stage.count)
            )


class _Timeline(Flowable):
    def __init__(self, timeline: Timeline, width: float):
        super().__init__()
        self.timeline, self.width = timeline, width
        self.height = 140 + 30 * len(timeline.windows)

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def _x(self, day: dt.date) -> float:
        first, last = self.timeline.first_day, self.timeline.last_day
        span = max(1, (last - first).days)
        return 60 + (self.width - 120) * (day - first).days / span

    def draw(self) -> None:
        c, line = self.canv, self.timeline
        axis = self.height - 90
        c.setStrokeColor(HexColor(RULE))
        c.setLineWidth(2)
        c.line(20, axis, self.width - 20, axis)
        c.setLineWidth(1)
        today = self._x(line.today)
        c.setStrokeColor(HexColor(MUTED))
        c.setDash(3, 3)
        c.line(today, axis - 20 - 30 * len(line.windows), today, axis + 8)
        c.setDash()
        c.setFont(BOLD, 8)
        c.setFillColor(HexColor(MUTED))
        c.drawCentredString(today, axis - 30 - 30 * len(line.windows), "Today")
        for gap in line.gaps:
            middle = (self._x(gap.after.day) + self._x(gap.before.day)) / 2
            c.setFont(REGULAR, 8)
            c.setFillColor(HexColor(MUTED))
            c.drawCentredString(middle, axis - 14, days(gap.days))
        from reportlab.pdfbase.pdfmetrics import stringWidth

        spans = []
        for step in line.steps:
            half = (
                max(
                    stringWidth(step.label, BOLD, 8.5),
                    stringWidth("00/00/0000 (planned)", REGULAR, 8),
                )
                / 2
            )
            spans.append((self._x(step.day) - half, self._x(step.day) + half))
        for level_number, step in zip(label_levels(spans, gap=6), line.steps, strict=True):
            x = self._x(step.day)
            c.setStrokeColor(HexColor(INK))
            c.setFillColor(HexColor("#ffffff" if step.planned else "#1f6f8b"))
            c.circle(x, axis, 5, stroke=1, fill=1)
            # Label and date together, on as many levels as close dates need.
            level = axis + 16 + level_number * 30
            c.setStrokeColor(HexColor(RULE))
            c.line(x, axis + 6, x, level - 2)
            c.setFillColor(HexColor(INK))
            _text(c, x, level + 11, step.label, 8.5, centred=True)
            c.setFont(REGULAR, 8)
            c.setFillColor(HexColor(MUTED))
            when = step.day.strftime("%d/%m/%Y") + (" (planned)" if step.planned else "")
            c.drawCentredString(x, level, when)
        for number, window in enumerate(line.windows):
            y = axis - 34 - number * 30
            start, due = self._x(window.start), self._x(window.due)
            colour = FLAG if window.late(line.today) else GOOD
            c.setFillColor(HexColor(colour))
            c.setStrokeColor(HexColor(colour))
            c.rect(start, y, max(2, due - start), 8, stroke=1, fill=0)
            c.setFont(REGULAR, 8.5)
            c.drawString(start, y - 11, f"{window.label}: {window.verdict(line.today)}")


def _text(c, x: float, y: float, text: str, size: float, centred: bool = False) -> None:  # type: ignore[no-untyped-def]
    """One line of user text with its baseline at y, each script in a font that has its
    letters (Urdu joined and right to left), through the documents' one text layout."""
    from reportlab.lib.enums import TA_CENTER, TA_LEFT

    from .style import name_style
    from .text_block import draw_layout, lay_out

    room = 240.0
    text_style = name_style(size, INK, False, TA_CENTER if centred else TA_LEFT)
    layout = lay_out(text, text_style, room, cut_long=False)
    left = x - room / 2 if centred else x
    draw_layout(c, layout, left, y + text_style.size, room)


# (fill, edge) for each tone: green within the target, red over it; pale while waiting.
BAR_COLOURS = {
    BarTone.WITHIN: (GOOD, GOOD),
    BarTone.OVER: (FLAG, FLAG),
    BarTone.WAITING: ("#c9dbe4", PLANNED),
    BarTone.WAITING_OVER: ("#f1c4bf", FLAG),
}


def _fit(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"

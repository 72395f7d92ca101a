"""One child's page: who they are, where their journey stands, and the tabs for each part."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QListWidget,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.child import ChildRecord, DecisionRoute
from ...domain.child_status import ChildStatus
from ...domain.dates import format_long
from ...domain.journey import Flag, JourneySettings
from ...storage.caseload import CaseloadStore
from ...storage.status_facts import status_now
from ..clash_chooser import ClashChooser
from ..messages import UserMessages
from ..section_context import ChildSectionContext, ChildSectionFactory
from ..store_signals import Change, store_signals
from ..widgets import plain_label
from .pdf_output import PdfOutput
from .section_form import SectionForm
from .timeline_box import TimelineBox


class ChildPage(QWidget):
    editRequested = Signal(str)
    recordChanged = Signal(str)

    def __init__(
        self,
        store: CaseloadStore,
        child_id: str,
        today: dt.date,
        settings: JourneySettings,
        messages: UserMessages,
        sections: Sequence[tuple[str, ChildSectionFactory]],
        parent: QWidget | None = None,
        clashes: ClashChooser | None = None,
    ):
        super().__init__(parent)
        self.store = store
        self.child_id = child_id
        self.today = today
        self.settings = settings
        self.messages = messages

        header = self._header()

        # A list of the parts down the side (there are too many for tabs), each built the first
        # time it is opened, so choosing a child in the caseload is quick.
        self.section_list = QListWidget()
        self.section_list.setAccessibleName("Parts of this child's record")
        self.section_list.setSpacing(2)
        self.section_stack = QStackedWidget()
        self.overview = QWidget()
        self._context = ChildSectionContext(
            store=store,
            child_id=child_id,
            today=today,
            messages=messages,
            record_changed=self._section_changed_record,
            clashes=clashes or ClashChooser(self),
        )
        self._factories: list[ChildSectionFactory | None] = [None]
        self._built: dict[int, QWidget] = {0: self._scrolling(self.overview)}
        self._holders: dict[int, QWidget] = {}
        self.section_stack.addWidget(self._built[0])
        self.section_list.addItem("Profile and journey")
        for title, factory in sections:
            self.section_list.addItem(title)
            self._factories.append(factory)
        _as_wide_as_its_names(self.section_list)
        self.section_list.currentRowChanged.connect(self.show_section)
        self.section_list.setCurrentRow(0)

        body = QHBoxLayout()
        body.addWidget(self.section_list)
        body.addWidget(self.section_stack, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addLayout(body, 1)
        self.refresh()
        # The page shows what is stored now: any save to this child, from any screen, together
        # mode, an import or the team, is shown at once.
        store_signals(store).changed.connect(self._store_changed)
        save = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.activated.connect(self.save_open_part)

    def _header(self) -> QVBoxLayout:
        """The child's name, facts, stage and flags, and what to do next."""
        self.name = plain_label(name="Headline", selectable=True)
        self.facts = plain_label(name="Subtle", selectable=True)
        self.stage = plain_label(name="Stage", selectable=True)
        self.stage.setWordWrap(False)
        self.flags = plain_label(name="Flag", selectable=True)
        self.worry = plain_label(name="Flag", selectable=True)
        self.worry.setAccessibleName("What the child said about how they feel")
        self.next_step = plain_label(selectable=True)
        self.edit_button = QPushButton("Edit details and dates", objectName="Primary")
        self.edit_button.clicked.connect(lambda: self.editRequested.emit(self.child_id))

        header = QVBoxLayout()
        top = QHBoxLayout()
        top.addWidget(self.name, 1)
        top.addWidget(self.edit_button, 0, Qt.AlignmentFlag.AlignTop)
        header.addLayout(top)
        header.addWidget(self.facts)
        badges = QHBoxLayout()
        badges.addWidget(self.stage, 0, Qt.AlignmentFlag.AlignTop)
        badges.addWidget(self.flags, 1, Qt.AlignmentFlag.AlignTop)
        header.addLayout(badges)
        header.addWidget(self.worry)
        header.addWidget(self.next_step)
        return header

    @property
    def section_titles(self) -> list[str]:
        return [self.section_list.item(i).text() for i in range(self.section_list.count())]

    def show_section(self, row: int) -> QWidget | None:
        """Open one part of the record (building it the first time)."""
        if row < 0:
            return None
        widget = self._built.get(row)
        if widget is None:
            factory = self._factories[row]
            assert factory is not None
            try:
                widget = factory(self._context)
            except Exception as error:  # one broken part must not hide the child's record
                widget = plain_label(f"This part could not be shown: {error}", selectable=True)
            self._built[row] = widget
            # A part that does not scroll by itself scrolls here: no part may make the window
            # wider or taller than the screen.
            holder = widget if isinstance(widget, SectionForm) else self._scrolling(widget)
            self._holders[row] = holder
            self.section_stack.addWidget(holder)
        if self.section_list.currentRow() != row:
            self.section_list.setCurrentRow(row)
        self.section_stack.setCurrentWidget(self._holders.get(row, widget))
        return widget

    def section(self, title: str) -> QWidget:
        """The part with this title, opened (for the worker window and tests)."""
        widget = self.show_section(self.section_titles.index(title))
        assert widget is not None
        return widget

    def unsaved_sections(self) -> list[str]:
        """Titles of opened parts holding typed changes that have not been saved."""
        titles = self.section_titles
        return [
            titles[row]
            for row, widget in self._built.items()
            if callable(getattr(widget, "has_unsaved_changes", None))
            and widget.has_unsaved_changes()
        ]

    def save_open_part(self) -> bool:
        """Ctrl+S: save the part on screen, if it is one that saves."""
        row = self.section_list.currentRow()
        widget = self._built.get(row)
        save = getattr(widget, "save", None)
        return bool(save()) if callable(save) else False

    def keep_drafts_now(self) -> bool:
        """Every opened part with typing writes its draft now (before a lock or shut-down);
        False if any could not be kept."""
        kept = True
        for widget in self._built.values():
            keep = getattr(widget, "keep_draft_now", None)
            if callable(keep):
                kept = keep() is not False and kept
        return kept

    def _store_changed(self, change: Change) -> None:
        if change.child_id != self.child_id:
            return
        try:
            self.refresh()
        except KeyError:
            return  # the child was removed: the window closes this page
        for widget in self._built.values():
            # Parts that only show things (the child's voice, the bin) show them anew; forms
            # look after themselves, keeping any typing.
            if not hasattr(widget, "has_unsaved_changes") and callable(
                getattr(widget, "refresh", None)
            ):
                widget.refresh()

    def _scrolling(self, inner: QWidget) -> QScrollArea:
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        return scroll

    def _section_changed_record(self) -> None:
        self.refresh()
        self.recordChanged.emit(self.child_id)

    def refresh(self) -> None:
        child = self.store.child(self.child_id)
        status = status_now(self.store, self.child_id, self.today)
        self.name.setText(child.display_name + ("  (archived)" if child.archived else ""))
        age = child.age(self.today)
        facts = [
            f"Age {age}" if age is not None else "Date of birth not recorded",
            child.home_type.label,
            child.route.label,
            f"Together-mode look: {child.age_band(self.today).label.lower()}",
        ]
        if child.service:
            facts.append(child.service)
        self.facts.setText("  ·  ".join(facts))
        self.stage.setText(status.stage_label)
        self._show_flags(status)
        self.next_step.setText(f"Next: {status.next_step}")
        self._fill_overview(child)

    def _show_flags(self, status: ChildStatus) -> None:
        """The same reasons, in the same words, as the tracker and the caseload. The child's
        worry has its own line: the worker sees it here, the child never sees an alarm."""
        worry = [r.text for r in status.reasons if r.flag is Flag.CHILD_WORRIED]
        others = [r.text for r in status.reasons if r.flag is not Flag.CHILD_WORRIED]
        self.flags.setText("; ".join(others))
        self.flags.setVisible(bool(others))
        self.worry.setText(worry[0] if worry else "")
        self.worry.setVisible(bool(worry))

    def _fill_overview(self, child: ChildRecord) -> None:
        old = self.overview.layout()
        if old is not None:
            QWidget().setLayout(old)  # re-parent the old layout so it is deleted
        people = child.people
        who = QFormLayout()
        for label, value in (
            ("Preferred name", child.known_as),
            ("Carers", people.carers_text),
            ("Allocated social worker", people.social_worker),
            ("Supervising social worker", people.supervising_social_worker),
            ("Team Manager", people.team_manager),
            ("IRO", people.iro),
            ("Head of Service / Panel Chair", people.decision_maker),
        ):
            who.addRow(label, plain_label(value or "Not recorded", selectable=True))
        case_system = QFormLayout()
        for label, value in (
            ("Person ID", child.case_id),
            ("Legal status", child.legal_status),
            ("Placement start", format_long(child.placement_start)),
        ):
            case_system.addRow(label, plain_label(value or "Not recorded", selectable=True))
        journey = QFormLayout()
        dates = child.journey
        panel = child.route is DecisionRoute.PANEL
        rows = [("Matching meeting", format_long(dates.matching_meeting))]
        if not panel:
            rows += [
                ("Recommendation sent", format_long(dates.recommendation_sent)),
                ("Head of Service decision due", format_long(dates.head_of_service_due)),
            ]
        rows += [
            ("Decision", dates.decision.label if dates.decision else ""),
            ("Decision date", format_long(dates.decision_date)),
            ("Panel" if panel else "Commitment visit", format_long(dates.visit)),
            ("Celebration", format_long(dates.celebration)),
        ]
        for label, value in rows:
            journey.addRow(label, plain_label(value or "Not yet", selectable=True))
        layout = QVBoxLayout()
        output = PdfOutput(self.store, self.messages)
        self.timeline_box = TimelineBox(child, self.today, self.settings, output)
        layout.addWidget(self.timeline_box)
        for title, form in (
            ("Journey", journey),
            ("People around the child", who),
            ("Case system", case_system),
        ):
            box = QGroupBox(title)
            box.setLayout(form)
            layout.addWidget(box)
        layout.addStretch(1)
        self.overview.setLayout(layout)


def _as_wide_as_its_names(names: QListWidget) -> None:
    # As wide as the longest part's name, no wider: the forms beside it need the room.
    texts = [names.item(row).text() for row in range(names.count())]
    names.setFixedWidth(max(names.fontMetrics().horizontalAdvance(t) for t in texts) + 40)

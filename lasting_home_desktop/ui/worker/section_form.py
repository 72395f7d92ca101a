"""What every adults' form on a child's page shares: a scrolling form with an explicit Save
(Ctrl+S), problems all shown at once with their fields marked, and, through `PartKeeper`, the
three promises: it shows what is stored now, saving never overwrites anything newer, and typing
is never lost (a draft a moment after it stops)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...domain.child import ChildRecord, DecisionRoute, RecordProblem
from ...domain.journey import JourneyDates
from ...domain.parts import part_title
from ...storage.caseload import ChildNotFound
from ...storage.changes import RECORD
from ...storage.safe_files import StorageWriteError
from ..form_state import capture, on_any_edit, restore
from ..section_context import ChildSectionContext
from ..widgets import plain_label
from .form_fields import (  # noqa: F401 (the forms import these from here)
    date_field,
    mark_problem,
    on_left,
    read_date,
    read_pence,
    read_time,
    show_date,
    text_box,
)
from .part_keeper import PartKeeper, SaveStopped


class SectionForm(QWidget):
    """Subclasses name their `record_type` (its SECTION is the part they keep), build their
    fields in `build`, fill them in `reload`, and in `store_changes` either return the problems
    that stop a save or call `save_record(record, **journey_dates)` and return []."""

    saved = Signal()
    what = "form"  # "matching meeting record": used in messages
    heading = ""
    intro = ""
    record_type: Any = None

    def __init__(self, context: ChildSectionContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        from ...storage.adults import AdultRecords

        self.records = AdultRecords(context.store)
        self._build_frame()
        self.build()
        self.column.addStretch(1)
        self.keeper = PartKeeper(
            self,
            context.store,
            context.child_id,
            (self.part, RECORD),
            state=self.form_state,
            restore=self.restore_form_state,
            reload=self._reload_all,
            on_stale=self._show_stale,
            empty=lambda part: self.record_type().to_dict() if part == self.part else None,
            on_related=self.show_facts,
            draft_delay_ms=context.draft_delay_ms,
        )
        self.keeper.load()
        when = self.keeper.offer_draft(
            context.messages,
            f"You were writing the {part_title(self.part).lower()} part when Lasting Home closed",
            f"{self.child.known_as}'s {self.what}",
        )
        if when:
            self.status.setText(f"Your typing from {when} is back. Save it when you are ready.")
        on_any_edit(self, self.keeper.typed)

    def _build_frame(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.stale = plain_label(name="Flag")
        self.stale.hide()
        outer.addWidget(self.stale)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.body = QWidget()
        self.column = QVBoxLayout(self.body)
        if self.heading:
            self.column.addWidget(plain_label(self.heading, "Headline"))
        if self.intro:
            self.column.addWidget(plain_label(self.intro, "Subtle"))
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # A long label goes above its field, so the fields keep their width on a small screen.
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.column.addLayout(self.form)
        scroll.setWidget(self.body)
        outer.addWidget(scroll, 1)
        bar = QHBoxLayout()
        bar.setContentsMargins(8, 4, 8, 8)
        self.status = plain_label(name="Subtle")
        self.save_button = QPushButton("Save", objectName="Primary")
        self.save_button.setToolTip("Save this part (Ctrl+S)")
        self.save_button.clicked.connect(self.save)
        bar.addWidget(self.status, 1)
        bar.addWidget(self.save_button)
        outer.addLayout(bar)

    # -- for subclasses ------------------------------------------------------------------------

    def build(self) -> None:
        raise NotImplementedError

    def reload(self) -> None:
        raise NotImplementedError

    def store_changes(self) -> list[str]:
        raise NotImplementedError

    def show_facts(self) -> None:
        """Show again the facts this form shows from other parts (what the child chose, the
        minutes...), leaving the fields and any typing alone. Forms showing such facts fill
        them here, and call it from `reload`."""

    def form_state(self) -> dict[str, Any]:
        """What the fields hold, as plain data (a form with more than fields adds to it)."""
        return capture(self)

    def restore_form_state(self, state: dict[str, Any]) -> None:
        restore(self, state)

    @property
    def child(self) -> ChildRecord:
        return self.context.store.child(self.context.child_id)

    @property
    def on_panel_route(self) -> bool:
        return self.child.route is DecisionRoute.PANEL

    @property
    def part(self) -> str:
        return self.record_type.SECTION if self.record_type is not None else ""

    def _reload_all(self) -> None:
        self.reload()
        self.stale.hide()

    def _show_stale(self, text: str) -> None:
        self.stale.setText(text)
        self.stale.show()

    # -- saving --------------------------------------------------------------------------------

    def save(self) -> bool:
        """Save if everything is fine; otherwise say what to change and keep what was typed."""
        self._clear_marks()
        try:
            problems = self.store_changes()
        except RecordProblem as problem:
            problems = problem.problems
        except SaveStopped:
            self.status.setText("Not saved yet: your typing is still here.")
            return False
        except ChildNotFound:
            self.context.messages.tell(
                "This child's record is no longer here",
                "It was deleted while you were typing, so this could not be saved. Your typing "
                "is kept as a draft on this laptop.",
                problem=True,
            )
            return False
        except StorageWriteError as error:
            self.context.messages.tell(
                "Lasting Home could not save", error.kind_message, problem=True
            )
            return False
        finally:
            self._saving = False
        if problems:
            self._show_problems(problems)
            return False
        merged = self.status.text() if self.status.text().startswith("Saved, together") else ""
        self.status.setText(merged or f"Saved {dt.datetime.now():%H:%M}.")
        self.context.record_changed()
        self.keeper.load()
        self.saved.emit()
        return True

    def save_record(self, record: Any, **journey: Any) -> None:
        """Store the form's record (and any journey dates it sets) without overwriting what
        was saved meanwhile. Raises SaveStopped if the worker goes back to their typing."""
        mine: dict[str, dict[str, Any] | None] = {}
        if journey:
            base = self.keeper.base.get(RECORD) or self.keeper.stored(RECORD)
            child = dict(base.data or {})
            dates = JourneyDates.from_dict(child.get("journey") or {})
            child["journey"] = JourneyDates(**{**vars(dates), **journey}).to_dict()
            mine[RECORD] = child
        mine[record.SECTION] = record.to_dict()
        merged = self.keeper.save(
            mine,
            self.context.today,
            self.context.clashes,
            f"{self.child.known_as}'s {self.what} was changed elsewhere too",
        )
        if merged:
            self.status.setText("Saved, together with changes made elsewhere meanwhile.")

    def _show_problems(self, problems: list[str]) -> None:
        marked = self._mark_fields_named_in(problems)
        self.status.setText(
            "Not saved yet: please check the details listed"
            + (" (marked in the form)." if marked else ".")
        )
        self.context.messages.tell(
            f"Please check the {self.what}",
            "\n".join(f"• {problem}" for problem in problems),
            problem=True,
        )

    def _mark_fields_named_in(self, problems: list[str]) -> int:
        """Mark each field whose label a problem names ("The concerns is 10,001 characters
        long"), beside those a date, money or time reader marked already."""
        text = " ".join(problems).casefold()
        marked = 0
        for row in range(self.form.rowCount()):
            label = self.form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            field = self.form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            if label is None or field is None or field.widget() is None:
                continue
            words = getattr(label.widget(), "text", lambda: "")().strip(" *").casefold()
            if field.widget().property("problem") or (words and words in text):
                mark_problem(field.widget())
                marked += 1
        return marked

    def _clear_marks(self) -> None:
        for row in range(self.form.rowCount()):
            field = self.form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            if (
                field is not None
                and field.widget() is not None
                and field.widget().property("problem")
            ):
                mark_problem(field.widget(), False)

    # -- typing, drafts and leaving --------------------------------------------------------------

    def own_changes(self):  # type: ignore[no-untyped-def]
        """Around a save the form makes itself (a photo added at once): not news to it."""
        return self.keeper.own_changes()

    def has_unsaved_changes(self) -> bool:
        return self.keeper.unsaved()

    def keep_draft_now(self) -> bool:
        return self.keeper.keep_draft_now()

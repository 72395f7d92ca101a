"""Add or edit a child: profile, the people around them and the journey dates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...domain.child import (
    LEGAL_STATUSES,
    AgeBand,
    ChildRecord,
    DecisionRoute,
    HomeType,
    PeopleAroundChild,
    RecordProblem,
    join_names,
    split_names,
)
from ...domain.dates import DateProblem, format_long, format_short, parse_date
from ...domain.journey import Decision, JourneyDates
from ...storage.safe_files import StorageWriteError
from ..screen_fit import fit_dialog
from .child_form_problems import fields_named_in
from .form_fields import mark_problem
from .part_keeper import SaveStopped

SaveChild = Callable[[ChildRecord], ChildRecord]


def _choices(accessible: str, items: list[tuple[str, object]]) -> QComboBox:
    box = QComboBox()
    box.setAccessibleName(accessible)
    for text, data in items:
        box.addItem(text, data)
    return box


def _form(*rows: tuple[str | QLabel, QWidget | QHBoxLayout]) -> QFormLayout:
    form = QFormLayout()
    for label, field in rows:
        form.addRow(label, field)
    return form


def _date_field(accessible: str) -> QLineEdit:
    field = QLineEdit(placeholderText="DD/MM/YYYY")
    field.setAccessibleName(accessible)
    field.setMaximumWidth(140)
    return field


class ChildForm(QDialog):
    """Stays open, with everything typed kept, until the record saves cleanly."""

    def __init__(
        self,
        today: dt.date,
        save: SaveChild,
        child: ChildRecord | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.today = today
        self._save = save
        self._original = child
        self.saved: ChildRecord | None = None
        # Asked before the form closes without saving (Cancel, Escape, the window's close);
        # True lets it close. Set by `child_form_keeping` to protect what was typed.
        self.may_close: Callable[[], bool] = lambda: True
        self.setWindowTitle("Edit child" if child else "Add a child")
        fit_dialog(self, QSize(620, 760))
        self.highlighted: list[QWidget] = []

        self.problems = QLabel(objectName="Flag")
        self.problems.setTextFormat(Qt.TextFormat.PlainText)
        self.problems.setWordWrap(True)
        self.problems.hide()
        self._build_fields()

        body = QWidget()
        column = QVBoxLayout(body)
        for title, form in self._groups():
            box = QGroupBox(title)
            box.setLayout(form)
            column.addWidget(box)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.addButton("Save", QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setObjectName("Primary")
        self.save_button.setToolTip("Save (Ctrl+S)")
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.try_save)
        buttons.accepted.connect(self.try_save)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.problems)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)

        self.sent.textChanged.connect(self._show_due)
        self.route.currentIndexChanged.connect(self._route_changed)
        if child is not None:
            self._fill(child)
        self._route_changed()

    def _build_fields(self) -> None:
        self.first_name = self._line("First name")
        self.preferred_name = self._line("Preferred name (what the child likes to be called)")
        self.last_name = self._line("Last name")
        self.date_of_birth = _date_field("Date of birth")
        self.look = _choices("Look in together mode", [("From the date of birth", None)])
        for band in AgeBand:
            self.look.addItem(band.label, band)
        self.home_type = _choices("Home type", [(home.label, home) for home in HomeType])
        self.route = _choices("Decision route", [(route.label, route) for route in DecisionRoute])
        self.service = self._line("Service or division")

        self.case_id = self._line("Person ID in the case system (for example the LCS ID)")
        self.case_id.setMaximumWidth(220)
        self.legal_status = _choices("Legal status", [("", "")] + [(s, s) for s in LEGAL_STATUSES])
        self.legal_status.setEditable(True)
        self.placement_start = _date_field("Placement start date")

        self.carers = self._line("Carers (for example: Jo and Sam)")
        self.social_worker = self._line("Allocated social worker")
        self.supervising = self._line("Supervising social worker")
        self.team_manager = self._line("Team Manager")
        self.iro = self._line("Independent Reviewing Officer (IRO)")
        self.decision_maker = self._line("Head of Service or Panel Chair")

        self.matching = _date_field("Matching meeting date")
        self.sent = _date_field("Recommendation sent to the Head of Service")
        self.due = QLabel(objectName="Subtle")
        self.decision = _choices("Decision", [("Not yet decided", None)])
        for decision in Decision:
            self.decision.addItem(decision.label, decision)
        self.decision_date = _date_field("Decision date")
        self.visit = _date_field("Commitment visit or panel date")
        self.celebration = _date_field("Celebration date")
        self.visit_label = QLabel("Commitment visit")

    def _groups(self) -> list[tuple[str, QFormLayout]]:
        profile = _form(
            ("First name *", self.first_name),
            ("Preferred name", self.preferred_name),
            ("Last name *", self.last_name),
            ("Date of birth", self.date_of_birth),
            ("Together-mode look", self.look),
            ("Home", self.home_type),
            ("Decision route", self.route),
            ("Service or division", self.service),
        )
        case_system = _form(
            ("Person ID (e.g. LCS ID)", self.case_id),
            ("Legal status", self.legal_status),
            ("Placement start", self.placement_start),
        )
        people = _form(
            ("Carers", self.carers),
            ("Allocated social worker", self.social_worker),
            ("Supervising social worker", self.supervising),
            ("Team Manager", self.team_manager),
            ("IRO", self.iro),
            ("Head of Service / Panel Chair", self.decision_maker),
        )
        sent_row = QHBoxLayout()
        sent_row.addWidget(self.sent)
        sent_row.addWidget(self.due, 1)
        journey = _form(
            ("Matching meeting", self.matching),
            ("Recommendation sent", sent_row),
            ("Decision", self.decision),
            ("Decision date", self.decision_date),
            (self.visit_label, self.visit),
            ("Celebration", self.celebration),
        )
        return [
            ("The child", profile),
            ("Case system", case_system),
            ("People", people),
            ("Journey", journey),
        ]

    def _line(self, accessible: str) -> QLineEdit:
        field = QLineEdit()
        field.setAccessibleName(accessible)
        return field

    def _fill(self, child: ChildRecord) -> None:
        self.first_name.setText(child.first_name)
        self.preferred_name.setText(child.preferred_name)
        self.last_name.setText(child.last_name)
        self.date_of_birth.setText(format_short(child.date_of_birth))
        self.look.setCurrentIndex(max(0, self.look.findData(child.age_band_override)))
        self.home_type.setCurrentIndex(self.home_type.findData(child.home_type))
        self.route.setCurrentIndex(self.route.findData(child.route))
        self.service.setText(child.service)
        self.case_id.setText(child.case_id)
        self.legal_status.setCurrentText(child.legal_status)
        self.placement_start.setText(format_short(child.placement_start))
        people = child.people
        self.carers.setText(join_names(list(people.carers)))
        self.social_worker.setText(people.social_worker)
        self.supervising.setText(people.supervising_social_worker)
        self.team_manager.setText(people.team_manager)
        self.iro.setText(people.iro)
        self.decision_maker.setText(people.decision_maker)
        dates = child.journey
        self.matching.setText(format_short(dates.matching_meeting))
        self.sent.setText(format_short(dates.recommendation_sent))
        self.decision.setCurrentIndex(max(0, self.decision.findData(dates.decision)))
        self.decision_date.setText(format_short(dates.decision_date))
        self.visit.setText(format_short(dates.visit))
        self.celebration.setText(format_short(dates.celebration))

    def _route_changed(self) -> None:
        panel = self.route.currentData() is DecisionRoute.PANEL
        self.visit_label.setText("Panel date" if panel else "Commitment visit")
        self.sent.setEnabled(not panel)

    def _show_due(self) -> None:
        try:
            sent = parse_date(self.sent.text())
        except DateProblem:
            sent = None
        due = JourneyDates(recommendation_sent=sent).head_of_service_due
        self.due.setText(f"Decision due by {format_long(due)}" if due else "")

    def _dates(self) -> tuple[dict[str, dt.date | None], list[tuple[str, QWidget]]]:
        """Every date field read; the ones that cannot be read are None, with their problem."""
        found: dict[str, dt.date | None] = {}
        problems: list[tuple[str, QWidget]] = []
        for name, field, label in (
            ("date_of_birth", self.date_of_birth, "Date of birth"),
            ("placement_start", self.placement_start, "Placement start"),
            ("matching_meeting", self.matching, "Matching meeting"),
            ("recommendation_sent", self.sent, "Recommendation sent"),
            ("decision_date", self.decision_date, "Decision date"),
            ("visit", self.visit, self.visit_label.text()),
            ("celebration", self.celebration, "Celebration"),
        ):
            try:
                found[name] = parse_date(field.text())
            except DateProblem as problem:
                found[name] = None
                problems.append((f"{label}: {problem}", field))
        return found, problems

    def _from_fields(self, dates: dict[str, dt.date | None]) -> ChildRecord:
        journey = JourneyDates(
            matching_meeting=dates["matching_meeting"],
            recommendation_sent=dates["recommendation_sent"],
            decision=self.decision.currentData(),
            decision_date=dates["decision_date"],
            visit=dates["visit"],
            celebration=dates["celebration"],
        )
        values = dict(
            first_name=self.first_name.text(),
            last_name=self.last_name.text(),
            preferred_name=self.preferred_name.text(),
            date_of_birth=dates["date_of_birth"],
            age_band_override=self.look.currentData(),
            home_type=self.home_type.currentData(),
            route=self.route.currentData(),
            service=self.service.text(),
            case_id=self.case_id.text(),
            legal_status=self.legal_status.currentText(),
            placement_start=dates["placement_start"],
            people=PeopleAroundChild(
                carers=split_names(self.carers.text()),
                social_worker=self.social_worker.text().strip(),
                supervising_social_worker=self.supervising.text().strip(),
                team_manager=self.team_manager.text().strip(),
                iro=self.iro.text().strip(),
                decision_maker=self.decision_maker.text().strip(),
            ),
            journey=journey,
        )
        if self._original is not None:
            return self._original.with_changes(**values)
        return ChildRecord(**values)

    def record(self) -> ChildRecord:
        """What the form says now; RecordProblem lists every date that cannot be read."""
        dates, problems = self._dates()
        if problems:
            raise RecordProblem([text for text, _field in problems])
        return self._from_fields(dates)

    def all_problems(self) -> list[tuple[str, list[QWidget]]]:
        """Every problem at once, each with the fields it is about: dates that cannot be read,
        and everything the record itself would refuse (names, lengths, dates out of order)."""
        dates, unreadable = self._dates()
        found = [(text, [field]) for text, field in unreadable]
        for text in self._from_fields(dates).problems(self.today):
            found.append((text, fields_named_in(self, text)))
        return found

    def try_save(self) -> bool:
        """Save and close, or show every problem at once, highlight the fields, keep the typing."""
        problems = self.all_problems()
        if problems:
            self._show_problems(problems)
            return False
        try:
            self.saved = self._save(self.record())
        except RecordProblem as problem:
            self._show_problems([(text, fields_named_in(self, text)) for text in problem.problems])
            return False
        except StorageWriteError as error:
            self._show_problems([(error.kind_message, [])])
            return False
        except SaveStopped:
            return False  # the worker went back to their typing: all of it is still here
        self._clear_highlights()
        self.accept()
        return True

    def reject(self) -> None:
        if self.may_close():
            super().reject()

    def _show_problems(self, problems: list[tuple[str, list[QWidget]]]) -> None:
        count = len(problems)
        heading = "Please check this:" if count == 1 else f"Please check these {count} things:"
        self.problems.setText(heading + "\n" + "\n".join(f"• {text}" for text, _ in problems))
        self.problems.show()
        self._clear_highlights()
        for text, fields in problems:
            for field in fields:
                mark_problem(field)
                field.setToolTip(text)
                self.highlighted.append(field)
        if self.highlighted:
            self.highlighted[0].setFocus()

    def _clear_highlights(self) -> None:
        for field in self.highlighted:
            mark_problem(field, False)
            field.setToolTip("")
        self.highlighted = []

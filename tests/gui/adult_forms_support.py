"""Shared set-up for the adults' form tests: a store with one child, and a page context."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from lasting_home_desktop.domain.child import ChildRecord, DecisionRoute, PeopleAroundChild
from lasting_home_desktop.domain.journey import JourneyDates
from lasting_home_desktop.storage.caseload import CaseloadStore
from lasting_home_desktop.ui.clash_chooser import RecordedClashChooser
from lasting_home_desktop.ui.messages import RecordedMessages
from lasting_home_desktop.ui.worker.sections import ChildSectionContext


class Page:
    """Stands in for the child's page: counts how often a form said the record changed."""

    def __init__(self, folder: Path, today: dt.date, child: ChildRecord):
        self.folder = folder
        self.today = today
        self.store = CaseloadStore.open(folder)
        self.child = self.store.add_child(child, today)
        self.messages = RecordedMessages()
        self.clashes = RecordedClashChooser()
        self.changes = 0

    def changed(self) -> None:
        self.changes += 1

    def context(self) -> ChildSectionContext:
        return ChildSectionContext(
            store=self.store,
            child_id=self.child.id,
            today=self.today,
            messages=self.messages,
            record_changed=self.changed,
            clashes=self.clashes,
        )

    def restart(self) -> None:
        """Close the store and open it again, as after quitting and starting the app."""
        self.store.close()
        self.store = CaseloadStore.open(self.folder)

    def problems(self) -> str:
        return "\n".join(detail for _headline, detail, problem in self.messages.told if problem)


def make_child(route: DecisionRoute = DecisionRoute.COMMITMENT_VISIT, **journey) -> ChildRecord:
    return ChildRecord(
        "Aleksandra",
        "Nowak",
        preferred_name="Ola",
        date_of_birth=dt.date(2017, 5, 3),
        route=route,
        people=PeopleAroundChild(
            carers=("Jo Bright", "Sam Bright"),
            social_worker="Amina Rahman",
            supervising_social_worker="Kasia Zielińska",
            team_manager="Priya Shah",
            iro="David Okafor",
            decision_maker="Helen Marsh",
        ),
        journey=JourneyDates(**journey),
    )

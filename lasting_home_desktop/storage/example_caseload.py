"""Fill a data folder with fictional example children, with everything the app shows for them."""

from __future__ import annotations

import datetime as dt

from ..domain.child import ChildRecord
from ..domain.demo import example_children
from .caseload import CaseloadStore
from .example_drawings import add_example_drawings

DEFAULT_COUNT = 12


def add_example_children(
    store: CaseloadStore, today: dt.date, count: int = DEFAULT_COUNT, seed: int = 2026
) -> list[ChildRecord]:
    """All the example children and their sections land in one write, or nothing does."""
    examples = example_children(count, today, seed=seed)
    with store.transaction():
        added = store.add_children([example.record for example in examples], today)
        for example in examples:
            for name, data in example.sections.items():
                store.save_section(name, example.record.id, data)
    add_example_drawings(store, examples)
    return added

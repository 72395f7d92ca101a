"""Which fields of the child's details form a problem is about, so each can be marked."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

# Which fields a problem from the record is about, by the words it uses (the record's own
# sentences, in domain/child.py and domain/journey.py).
_FIELD_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("child's first name", ("first_name",)),
    ("first name is", ("first_name",)),
    ("child's last name", ("last_name",)),
    ("last name is", ("last_name",)),
    ("preferred name", ("preferred_name",)),
    ("service or division", ("service",)),
    ("supervising social worker", ("supervising",)),
    ("the social worker's name", ("social_worker",)),
    ("Team Manager's name", ("team_manager",)),
    ("IRO's name", ("iro",)),
    ("Panel Chair's name", ("decision_maker",)),
    ("carers' names", ("carers",)),
    ("date of birth", ("date_of_birth",)),
    ("person ID", ("case_id",)),
    ("legal status", ("legal_status",)),
    ("placement", ("placement_start",)),
    ("date of the decision", ("decision_date",)),
    ("no decision", ("decision",)),
    ("matching meeting (", ("matching",)),
    ("recommendation was sent", ("sent",)),
    ("decision date (", ("decision_date",)),
    ("commitment visit (", ("visit",)),
    ("panel date (", ("visit",)),
    ("celebration (", ("celebration",)),
)


def fields_named_in(form: object, text: str) -> list[QWidget]:
    lowered = text.lower()
    names: list[str] = []
    for words, fields in _FIELD_WORDS:
        if words.lower() in lowered:
            names += [name for name in fields if name not in names]
    return [getattr(form, name) for name in names]

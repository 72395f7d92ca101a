"""Every document the app makes for one child, by key, for the Documents tab and the command
line: what it is called, who it is for, and its PDF bytes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..domain.outcome import outcome_check
from ..storage.caseload import CaseloadStore
from ..storage.safe_files import atomic_write
from .book import book_pdf
from .card import MessageTooLong, card_pdf
from .certificate import certificate_pdf
from .filenames import document_file_name as file_name_for
from .filenames import unique_path_name
from .keepsakes import KeepsakeSources, keepsake_sources, unreadable_note
from .professional import PROFESSIONAL_DOCUMENTS, professional_pdf


@dataclass(frozen=True)
class DocumentKind:
    key: str
    title: str
    for_child: bool  # shown to the child: warm words, their look, never the disliked word
    description: str


DOCUMENT_KINDS: tuple[DocumentKind, ...] = (
    DocumentKind("card", "Card", True, "A personalised card: fold an A4 sheet in half."),
    DocumentKind("certificate", "Certificate", True, "Lasting Home Certificate, A4 landscape."),
    DocumentKind("book", "My Lasting Home book", True, "Everything the child chose and made."),
    DocumentKind("matching", "Matching meeting record", False, "For the case system."),
    DocumentKind("commitment", "Carers' letter of commitment", False, "For the case system."),
    DocumentKind("contributions", "Partner contributions", False, "For the case system."),
)
_KEEPSAKES: dict[str, Callable[[KeepsakeSources], bytes]] = {
    "card": card_pdf,
    "certificate": certificate_pdf,
    "book": book_pdf,
}


def kind(key: str) -> DocumentKind:
    return next(k for k in DOCUMENT_KINDS if k.key == key)


def not_ready(store: CaseloadStore, child_id: str, key: str) -> str:
    """Why this document should not be made yet ("" when it can be)."""
    if key in ("card", "certificate"):
        check = outcome_check(store.child(child_id))
        if not check.decided:
            return f"There is no card or certificate to make yet: {check.reason}."
    return ""


def picture_warning(store: CaseloadStore, child_id: str, key: str, today: dt.date) -> str:
    """For the child's documents: which chosen or made pictures could not be read ("" if
    all could, and for the professional records)."""
    if key not in _KEEPSAKES:
        return ""
    return unreadable_note(keepsake_sources(store, child_id, today, with_drawings=key == "book"))


def document_pdf(store: CaseloadStore, child_id: str, key: str, today: dt.date) -> bytes:
    """The PDF bytes of one document for one child."""
    if key in _KEEPSAKES:
        return _KEEPSAKES[key](keepsake_sources(store, child_id, today))
    if key in PROFESSIONAL_DOCUMENTS:
        return professional_pdf(store, child_id, key, today)
    raise KeyError(key)


def document_file_name(store: CaseloadStore, child_id: str, key: str) -> str:
    """e.g. "Aleksandra Nowak - Certificate.pdf", made safe for any file system; a long name
    is cut, never the kind of document."""
    return file_name_for(store.child(child_id).full_name, kind(key).title)


@dataclass
class WrittenDocuments:
    files: list[Path] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what was not made, and why
    warnings: list[str] = field(default_factory=list)  # made, but a picture had to be left out
    made: list[str] = field(default_factory=list)  # the keys of what was


def write_child_documents(
    store: CaseloadStore, child_id: str, keys: Sequence[str], folder: Path, today: dt.date
) -> WrittenDocuments:
    """Write the chosen documents into folder; ones that cannot be made yet are noted."""
    folder.mkdir(parents=True, exist_ok=True)
    written = WrittenDocuments()
    taken: set[str] = set()
    for key in keys:
        reason = not_ready(store, child_id, key)
        if reason:
            written.notes.append(f"{kind(key).title}: {reason}")
            continue
        try:
            data = document_pdf(store, child_id, key, today)
        except MessageTooLong as error:
            written.notes.append(f"{kind(key).title}: {error.kind_message}")
            continue
        name = unique_path_name(document_file_name(store, child_id, key), taken)
        taken.add(name)
        path = folder / name
        atomic_write(path, data)
        written.files.append(path)
        written.made.append(key)
        warning = picture_warning(store, child_id, key, today)
        if warning and warning not in written.warnings:
            written.warnings.append(warning)
    return written

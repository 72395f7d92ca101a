"""Files the worker saves outside the data folder (PDFs, spreadsheets) are ordinary files."""

from __future__ import annotations

from ...storage.caseload import CaseloadStore
from ..messages import UserMessages

UNPROTECTED_NOTE_SHOWN = "unprotected_files_note_shown"


def note_unprotected_file(store: CaseloadStore, messages: UserMessages) -> None:
    """Say once (per data folder) that files saved outside it are ordinary, unprotected files.
    Call after a PDF or spreadsheet has been saved somewhere the worker chose."""
    if store.folder_value(UNPROTECTED_NOTE_SHOWN):
        return
    messages.tell(
        "Saved files are not protected",
        "Lasting Home keeps its own data encrypted, but PDFs and spreadsheets you save "
        "elsewhere are ordinary files, so they can be printed and uploaded. Keep them on a "
        "council drive or in the case recording system, and delete copies from this laptop "
        "when you are done. This is said only once.",
    )
    store.save_folder_value(UNPROTECTED_NOTE_SHOWN, True)

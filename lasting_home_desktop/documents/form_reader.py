"""Reading a returned form: the words in its boxes and its hidden ticket, and nothing else.

A returned PDF comes from outside, so it is read as untrusted: size-limited before it is read,
refused if encrypted, and only the form's top-level fields are looked at (their names and text
values); nothing in the file is run, followed or kept: no JavaScript, no links, no attachments,
no pages drawn. Anything that does not parse gets a kind message, never a crash.
"""

from __future__ import annotations

import contextlib
import io
import logging
from collections.abc import Iterator
from pathlib import Path

from ..domain.returned_forms import (
    FIELDS_OF,
    TICKET_FIELDS,
    DamagedTicket,
    NotAForm,
    ReturnedForm,
    field_title,
    returned_form,
    ticket_from_fields,
)

# A filled form is well under 1 MB; a reader that embeds fonts on saving adds a few MB more.
MOST_BYTES = 25 * 1024 * 1024
MOST_FIELDS = 400  # ours are about fifteen; a file with thousands is not one of ours
_WANTED = set(TICKET_FIELDS).union(*FIELDS_OF.values())
_SAVE_AGAIN = (
    "If it was printed to PDF or scanned, the answers are no longer in it: ask the sender to "
    "save the form itself (File, then Save) and send it again."
)


class FormUnreadable(Exception):
    """The file cannot be read as a returned form; nothing was changed."""

    def __init__(self, headline: str, kind_message: str):
        super().__init__(f"{headline}. {kind_message}")
        self.headline = headline
        self.kind_message = kind_message


def read_form_file(path: Path) -> ReturnedForm:
    """The form in a file. FormUnreadable with a kind message for anything else."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise FormUnreadable("That is a folder", f"{path} is a folder: choose the PDF file.")
        if size > MOST_BYTES:
            raise FormUnreadable(
                "This file is too large to be a returned form",
                f"{path.name} is {size / 1024 / 1024:.0f} MB; a filled form is far smaller. "
                "Nothing has been filed.",
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise FormUnreadable("The file is not there", f"There is no file at {path}.") from None
    except OSError as error:
        raise FormUnreadable(
            "The file could not be read", f"{path}: {error.strerror or error}."
        ) from None
    return read_form_bytes(data, path.name)


def read_form_bytes(data: bytes, name: str = "This file") -> ReturnedForm:
    if len(data) > MOST_BYTES:
        raise FormUnreadable(
            "This file is too large to be a returned form", f"{name} holds too much to read."
        )
    if b"%PDF-" not in data[:1024]:
        raise FormUnreadable(
            "This is not a PDF",
            f"{name} is not a PDF file, so it cannot be a returned form. Nothing has been filed.",
        )
    raw = _field_values(data, name)
    try:
        ticket = ticket_from_fields(raw)
    except NotAForm:
        raise FormUnreadable(
            "This is not a Lasting Home form",
            f"{name} is a PDF, but not a form made by Lasting Home (or not one that still has "
            f"its boxes). Nothing has been filed. {_SAVE_AGAIN}",
        ) from None
    except DamagedTicket:
        raise FormUnreadable(
            "This form's reference is damaged",
            f"The hidden reference in {name} has been changed or damaged, so Lasting Home "
            "cannot tell which child it belongs to. Nothing has been filed. Make a fresh form "
            "for the sender, or type their answers in yourself.",
        ) from None
    unreadable = [field_title(n) for n in FIELDS_OF[ticket.kind] if raw.get(n) is _UNREADABLE]
    if unreadable:
        raise FormUnreadable(
            "Some answers could not be read",
            f"{', '.join(unreadable)} in {name} could not be read as text. Nothing has been "
            f"filed. {_SAVE_AGAIN}",
        )
    return returned_form(ticket, raw)


class _Unreadable(str):
    """A field whose value is there but is not text."""


_UNREADABLE = _Unreadable("")


def _field_values(data: bytes, name: str) -> dict[str, str]:
    """Our fields' values by name (only top-level fields: ours are never nested)."""
    from pypdf import PdfReader

    try:
        with _quiet():
            reader = PdfReader(io.BytesIO(data), strict=False)
            if reader.is_encrypted:
                raise FormUnreadable(
                    "This form is locked with a password",
                    f"{name} is encrypted, so Lasting Home does not open it. Ask the sender to "
                    "save it again without a password (or send the form unlocked) through "
                    "secure email. Nothing has been filed.",
                )
            return _values(reader)
    except FormUnreadable:
        raise
    except Exception:  # a damaged or hostile file can fail in any way: it is never a crash
        raise FormUnreadable(
            "This PDF could not be read",
            f"{name} is damaged or is not a PDF Lasting Home can read. Nothing has been "
            f"filed. {_SAVE_AGAIN}",
        ) from None


def _values(reader) -> dict[str, str]:  # noqa: ANN001 (pypdf's reader)
    root = reader.trailer["/Root"].get_object()
    form = root.get("/AcroForm")
    fields = form.get_object().get("/Fields") if form is not None else None
    if fields is None:
        return {}
    found: dict[str, str] = {}
    for index, ref in enumerate(fields.get_object()):
        if index >= MOST_FIELDS:
            break
        field = ref.get_object()
        title = field.get("/T")
        if not isinstance(title, str) or title not in _WANTED or title in found:
            continue
        value = field.get("/V")
        value = value.get_object() if value is not None else ""
        found[title] = str(value) if isinstance(value, str) else _UNREADABLE
    return found


@contextlib.contextmanager
def _quiet() -> Iterator[None]:
    """pypdf warns about every oddity in a file: the person filing it needs one clear line."""
    log = logging.getLogger("pypdf")
    level = log.level
    log.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        log.setLevel(level)

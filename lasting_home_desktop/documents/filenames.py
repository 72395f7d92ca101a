"""Safe file names made from people's names, for every system a file may be copied to."""

from __future__ import annotations

import re
import unicodedata

MOST_CHARACTERS = 80
# Names Windows keeps for devices, with or without an extension ("con.pdf" cannot be made).
_RESERVED = {"CON", "PRN", "AUX", "NUL", "CLOCK$", "CONIN$", "CONOUT$"} | {
    f"{stem}{n}" for stem in ("COM", "LPT") for n in (*"123456789", "¹", "²", "³")
}
_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
_SPACES = re.compile(r"[\s_]+")


def safe_file_name(text: str, fallback: str = "document", ext: str = "") -> str:
    """A file name from any text: letters in any script kept, separators and characters
    Windows or macOS refuse replaced, no reserved device names, no leading or trailing dots or
    spaces, at most 80 characters (with the extension), never empty."""
    ext = f".{ext.lstrip('.')}" if ext else ""
    name = unicodedata.normalize("NFC", str(text))
    name = "".join(
        ch for ch in name if unicodedata.category(ch) not in ("Cc", "Cf", "Cs", "Co", "So", "Sk")
    )
    name = _UNSAFE.sub("-", name)
    name = _SPACES.sub(" ", name).strip(" .-")
    name = re.sub(r"-{2,}", "-", name)
    room = MOST_CHARACTERS - len(ext)
    if len(name) > room:
        name = name[:room].rstrip(" .-")
    if not name:
        name = fallback
    first, dot, rest = name.partition(".")
    if first.strip().upper() in _RESERVED:
        # Windows reserves the name before the first dot whatever follows ("con.txt").
        name = f"{first.strip()} file{dot}{rest}"
    return name + ext


def document_file_name(name: str, document: str, told_apart_by: str = "") -> str:
    """ "Aleksandra Nowak - Certificate.pdf": the person's name is cut to make room, never
    the kind of document, so six documents of one child never come out as "(2)"..."(6)".
    `told_apart_by` (a person ID, a date of birth) follows the name, for children who share
    one."""
    tail = f" - {safe_file_name(document, fallback='document')}.pdf"
    person = name.strip() + (f" ({told_apart_by.strip()})" if told_apart_by.strip() else "")
    person = safe_file_name(person, fallback="child")
    room = MOST_CHARACTERS - len(tail)
    if len(person) > room:
        person = person[:room].rstrip(" .-(")
    return person + tail


def unique_path_name(name: str, taken: set[str]) -> str:
    """The name, or "name (2).pdf", "name (3).pdf"... when it is already used (any case)."""
    lowered = {t.casefold() for t in taken}
    if name.casefold() not in lowered:
        return name
    stem, dot, ext = name.rpartition(".")
    if not dot:
        stem, ext = name, ""
    number = 2
    while True:
        suffix = f" ({number})"
        candidate = f"{stem[: MOST_CHARACTERS - len(suffix) - len(ext) - 1]}{suffix}"
        candidate += f".{ext}" if ext else ""
        if candidate.casefold() not in lowered:
            return candidate
        number += 1

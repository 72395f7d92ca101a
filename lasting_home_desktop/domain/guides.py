"""The Lasting Home guides: which exist, who each is for, and the small Markdown subset they
are written in (headings, paragraphs, lists, bold, and pictures from the set), read as blocks
for PDFs and as plain sentences for reading aloud."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Children asked for this word never to be used with them.
CHILD_FORBIDDEN = re.compile(r"permanen", re.IGNORECASE)


@dataclass(frozen=True)
class GuideInfo:
    key: str
    file: str
    title: str
    for_children: bool  # read by children and young people: also offered in together mode


GUIDES: tuple[GuideInfo, ...] = (
    GuideInfo("children", "children.md", "For children", True),
    GuideInfo("young-people", "young-people.md", "For young people", True),
    GuideInfo("parents", "parents.md", "For parents", False),
    GuideInfo("foster-carers", "foster-carers.md", "For foster carers", False),
    GuideInfo("partners", "partners.md", "For partners", False),
)


# The guides offered in together mode.
CHILD_GUIDES: tuple[GuideInfo, ...] = tuple(info for info in GUIDES if info.for_children)


def guide_info(key: str) -> GuideInfo:
    for info in GUIDES:
        if info.key == key:
            return info
    raise KeyError(key)


@dataclass(frozen=True)
class Block:
    """kind: "heading" (level 1-3), "paragraph", "bullet", "number" (level = the number),
    or "picture" (text = the alt text, picture = the picture name)."""

    kind: str
    text: str
    level: int = 0
    picture: str = ""


@dataclass(frozen=True)
class Span:
    text: str
    bold: bool = False
    italic: bool = False


_HEADING = re.compile(r"^(#{1,3})\s+(.*)$")
_BULLET = re.compile(r"^\s*[-*]\s+(.*)$")
_NUMBER = re.compile(r"^\s*(\d+)[.)]\s+(.*)$")
_PICTURE = re.compile(r"^!\[([^\]]*)\]\(picture:([a-z0-9-]+)\)\s*$")
_INLINE = re.compile(r"(\*\*.+?\*\*|\*[^*\s][^*]*?\*)")


def blocks(markdown: str) -> list[Block]:
    """The guide as blocks; lines of one paragraph or list item are joined."""
    out: list[Block] = []
    open_block: Block | None = None

    def close() -> None:
        nonlocal open_block
        if open_block is not None:
            out.append(open_block)
            open_block = None

    for raw in markdown.splitlines():
        line = raw.rstrip()
        if not line.strip():
            close()
            continue
        if match := _HEADING.match(line):
            close()
            out.append(Block("heading", match.group(2).strip(), len(match.group(1))))
        elif match := _PICTURE.match(line.strip()):
            close()
            out.append(Block("picture", match.group(1), picture=match.group(2)))
        elif match := _BULLET.match(line):
            close()
            open_block = Block("bullet", match.group(1).strip())
        elif match := _NUMBER.match(line):
            close()
            open_block = Block("number", match.group(2).strip(), int(match.group(1)))
        elif open_block is not None:
            open_block = Block(
                open_block.kind, f"{open_block.text} {line.strip()}", open_block.level
            )
        else:
            open_block = Block("paragraph", line.strip())
    close()
    return out


def spans(text: str) -> list[Span]:
    """**bold** and *italic* runs of one line of guide text."""
    out: list[Span] = []
    for part in _INLINE.split(text):
        if not part:
            continue
        if part.startswith("**") and part.endswith("**") and len(part) > 4:
            out.append(Span(part[2:-2], bold=True))
        elif part.startswith("*") and part.endswith("*") and len(part) > 2:
            out.append(Span(part[1:-1], italic=True))
        else:
            out.append(Span(part))
    return out


def plain(text: str) -> str:
    return "".join(span.text for span in spans(text))


def spoken_text(markdown: str) -> str:
    """What reading aloud says: every heading, sentence and list item, without markup or
    picture names."""
    lines = []
    for block in blocks(markdown):
        if block.kind == "picture":
            continue
        sentence = plain(block.text)
        if block.kind == "heading" and not sentence.endswith((".", "?", "!", ":")):
            sentence += "."
        lines.append(sentence)
    return "\n".join(lines)


def child_word_problems(markdown: str) -> list[str]:
    """Lines that use a word children asked us not to use."""
    return [
        f"Line {number}: {line.strip()}"
        for number, line in enumerate(markdown.splitlines(), start=1)
        if CHILD_FORBIDDEN.search(line)
    ]

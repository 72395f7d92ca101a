"""The one place text becomes reportlab Paragraph markup (the guides; names and words on the
documents are drawn as plain text by documents.text_layout, never read as markup).

Paragraph text is markup: "J&C" prints wrong, "0 < 1" stops the document, "<a>" makes a link.
Every string goes through `escape_markup` before it reaches a Paragraph, so "<b>&amp;" prints
exactly as typed.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

_QUOTES = {'"': "&quot;", "'": "&#39;"}


def escape_markup(text: str) -> str:
    """User text, shown literally inside Paragraph markup."""
    return escape(str(text), _QUOTES)


def paragraph_markup(text: str) -> str:
    """Escaped, with line breaks kept as line breaks."""
    return "<br/>".join(escape_markup(line) for line in str(text).split("\n"))

"""A canvas that keeps each page until the end, so every page's header and footer can say
"Page n of m": the one way the service documents and professional records number pages."""

from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas


class NumberedCanvas(Canvas):
    """Subclasses draw each page's furniture in `furniture(total)`; `self._pageNumber` is the
    page being finished."""

    def __init__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self._pages: list[dict] = []

    def showPage(self) -> None:  # noqa: N802 (reportlab's name)
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self.furniture(total)
            super().showPage()
        super().save()

    def furniture(self, total: int) -> None:
        raise NotImplementedError

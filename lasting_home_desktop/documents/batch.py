"""Cards and certificates for every visit or panel in a date range, in one go.

Gathering reads the store (on the thread that owns it); making the PDFs touches only files, so
a screen can run it on a worker thread. A problem with one child is reported and the others are
still made. The combined file is drawn straight into one PDF (no merging library): each card and
certificate starts on the front of a sheet when printed on both sides.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from ..domain.child import ChildRecord
from ..domain.dates import format_short
from ..domain.outcome import outcome_check
from ..storage.caseload import CaseloadStore
from ..storage.safe_files import StorageWriteError, atomic_write
from .card import PAGE_H, PAGE_W, MessageTooLong, card_pdf, draw_card
from .certificate import certificate_pdf, draw_certificate
from .filenames import document_file_name, safe_file_name, unique_path_name
from .fonts import initial_font
from .keepsakes import KeepsakeSources, keepsake_sources
from .style import document_info

COMBINED_TITLE = "Lasting Home cards and certificates"
PRINTING_NOTE = (
    "Print on both sides of the paper, flipping on the short edge, at actual size (100%); "
    "then fold each card in half. Any other way, the inside of a card prints upside down."
)
# progress(children done, children in all, the name of the child just finished)
Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class ChildProblem:
    child_id: str
    name: str  # the worker-side name, so the Team Manager knows who
    message: str


@dataclass
class BatchResult:
    files: list[Path] = field(default_factory=list)
    problems: list[ChildProblem] = field(default_factory=list)  # left out, each with why
    combined: Path | None = None
    children_done: int = 0
    included: list[str] = field(default_factory=list)  # worker-side names, in the batch
    stopped: bool = False

    def summary(self) -> str:
        made = f"Made cards and certificates for {self.children_done:,} "
        made += "child" if self.children_done == 1 else "children"
        if self.included:
            made += f" ({', '.join(self.included)})"
        if self.problems:
            made += f"; {len(self.problems):,} left out (listed, with why)"
        return made + "."


def visits_between(
    children: Sequence[ChildRecord], start: dt.date, end: dt.date
) -> list[ChildRecord]:
    """Children whose commitment visit or panel falls between start and end (inclusive),
    soonest first."""
    chosen = [c for c in children if c.journey.visit and start <= c.journey.visit <= end]
    return sorted(chosen, key=lambda c: (c.journey.visit, c.display_name.casefold()))


def gather_batch(
    store: CaseloadStore, start: dt.date, end: dt.date, today: dt.date
) -> tuple[list[KeepsakeSources], list[ChildProblem]]:
    """Read everything the batch needs from the store (quick; on the store's own thread)."""
    sources, problems = [], []
    children = store.children()
    for child in visits_between(children, start, end):
        check = outcome_check(child)
        if not check.decided:
            problems.append(
                ChildProblem(child.id, child.display_name, f"Left out: {check.reason}.")
            )
            continue
        try:
            sources.append(keepsake_sources(store, child.id, today, with_drawings=False))
        except Exception as error:  # one damaged record must not stop the others
            problems.append(_problem(child, error))
    for child in children:
        # Agreed, but with no visit date no range can ever include them: say so, not nothing.
        if outcome_check(child).decided and child.journey.visit is None:
            problems.append(
                ChildProblem(
                    child.id,
                    child.display_name,
                    "Left out: agreed, but no commitment visit date is recorded yet.",
                )
            )
    return sources, problems


def make_batch(
    sources: Sequence[KeepsakeSources],
    folder: Path,
    combined: bool = False,
    progress: Progress | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> BatchResult:
    """Write each child's card and certificate into folder (and the combined PDF if asked)."""
    result = BatchResult()
    folder.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    together = None
    if combined:
        together = Canvas(buffer, pagesize=(PAGE_W, PAGE_H), pageCompression=1, **initial_font())
    if together is not None:
        document_info(together, COMBINED_TITLE)
    taken: set[str] = set()
    shared = _shared_names(sources)
    for index, item in enumerate(sources):
        if should_stop is not None and should_stop():
            result.stopped = True
            break
        child = item.child
        try:
            written = []
            # Children who share a name are told apart by their person ID or birthday.
            apart = _told_apart_by(child) if child.full_name.casefold() in shared else ""
            for kind, make in (("card", card_pdf), ("certificate", certificate_pdf)):
                name = document_file_name(child.full_name, kind.title(), apart)
                name = unique_path_name(name, taken)
                taken.add(name)
                path = folder / name
                atomic_write(path, make(item))
                written.append(path)
            if together is not None:
                _add_to_combined(together, item)
            result.files += written
            result.children_done += 1
            result.included.append(child.display_name)
        except Exception as error:
            result.problems.append(_problem(child, error))
        if progress is not None:
            progress(index + 1, len(sources), child.display_name)
    if together is not None and result.children_done:
        together.save()
        name = safe_file_name(f"{COMBINED_TITLE} {_range_text(sources)}", ext="pdf")
        result.combined = folder / name
        atomic_write(result.combined, buffer.getvalue())
    return result


def export_batch(
    store: CaseloadStore,
    start: dt.date,
    end: dt.date,
    folder: Path,
    today: dt.date,
    combined: bool = False,
    progress: Progress | None = None,
) -> BatchResult:
    """Gather and make in one call (the command line)."""
    sources, problems = gather_batch(store, start, end, today)
    result = make_batch(sources, folder, combined, progress)
    result.problems = problems + result.problems
    return result


def _add_to_combined(canvas: Canvas, item: KeepsakeSources) -> None:
    # A blank back keeps every card and certificate starting on a fresh sheet when duplexed.
    if draw_card(canvas, item) % 2:
        canvas.showPage()
    draw_certificate(canvas, item)
    canvas.showPage()
    canvas.showPage()


def _shared_names(sources: Sequence[KeepsakeSources]) -> set[str]:
    names = [item.child.full_name.casefold() for item in sources]
    return {name for name in names if names.count(name) > 1}


def _told_apart_by(child: ChildRecord) -> str:
    if child.case_id.strip():
        return child.case_id.strip()
    if child.date_of_birth is not None:
        return f"born {format_short(child.date_of_birth).replace('/', '-')}"
    return ""


def _range_text(sources: Sequence[KeepsakeSources]) -> str:
    days = [s.child.journey.visit for s in sources if s.child.journey.visit]
    if not days:
        return ""
    first, last = (format_short(day).replace("/", "-") for day in (min(days), max(days)))
    return f"{first} to {last}"


def _problem(child: ChildRecord, error: Exception) -> ChildProblem:
    if isinstance(error, StorageWriteError | MessageTooLong):
        text = error.kind_message
    elif isinstance(error, OSError):
        text = f"The file could not be written ({error.strerror or error})."
    else:
        text = f"Something in this child's record could not be used ({type(error).__name__})."
    return ChildProblem(child.id, child.display_name, text)

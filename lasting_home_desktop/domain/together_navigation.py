"""Moving through together mode: which page is open, what Next and Back do, when Next is
"Skip for now", the stars and "Page n of N". Plain data; the window only shows it."""

from __future__ import annotations

from dataclasses import dataclass

from .voice_catalogue import PAGE_ORDER, Page
from .voice_record import ChildVoice


@dataclass(frozen=True)
class NavigationState:
    """What the bottom bar and the footsteps show for one page."""

    page: Page
    number: int  # 1-based
    total: int
    done: frozenset[Page]
    visited: frozenset[Page]
    can_go_back: bool
    has_next: bool
    skip: bool  # nothing on this page yet: Next says "Skip for now"

    @property
    def stars(self) -> int:
        return len(self.done)

    @property
    def counter_text(self) -> str:
        star_word = "star" if self.stars == 1 else "stars"
        return f"Page {self.number} of {self.total}  \u2022  {self.stars} {star_word}"

    @property
    def next_text(self) -> str:
        return "Skip for now" if self.skip else "Next"

    @property
    def next_name(self) -> str:
        return "Skip this page for now" if self.skip else "Next page"


class TogetherNavigation:
    """The pages in order and the one that is open."""

    def __init__(self, pages: tuple[Page, ...] = PAGE_ORDER, start: Page | None = None):
        self.pages = pages
        self.current = start or pages[0]

    @property
    def index(self) -> int:
        return self.pages.index(self.current)

    def go_to(self, page: Page) -> Page:
        if page not in self.pages:
            raise ValueError(f"Not a together-mode page: {page}")
        self.current = page
        return page

    def next_page(self) -> Page | None:
        """The page after this one (None on the last page)."""
        index = self.index
        return self.pages[index + 1] if index + 1 < len(self.pages) else None

    def previous_page(self) -> Page | None:
        return self.pages[self.index - 1] if self.index > 0 else None

    def state(self, voice: ChildVoice, drawings: int = 0) -> NavigationState:
        done = frozenset(page for page in self.pages if voice.page_done(page, drawings))
        visited = frozenset(page for page in self.pages if voice.has_visited(page))
        page = self.current
        return NavigationState(
            page=page,
            number=self.index + 1,
            total=len(self.pages),
            done=done,
            visited=visited,
            can_go_back=self.index > 0,
            has_next=self.next_page() is not None,
            skip=page not in done and page is not Page.DONE,
        )

"""Which children to show: one rule for the caseload and the tracker.

Search ignores case and accents ("wis" finds "Wiśniewska"); the other choices narrow by stage,
social worker, Team Manager, route, home type, or to the children who need attention.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .child import HomeType
from .child_status import ChildStatus
from .journey import DecisionRoute, Stage
from .plain_words import count
from .text_search import folded


@dataclass(frozen=True)
class CaseloadFilter:
    text: str = ""
    stage: Stage | None = None
    social_worker: str = ""  # "" means anyone
    team_manager: str = ""
    route: DecisionRoute | None = None
    home_type: HomeType | None = None
    needs_attention: bool = False
    include_archived: bool = False

    @property
    def narrows(self) -> bool:
        """True when anything beyond "archived or not" is chosen."""
        return self != CaseloadFilter(include_archived=self.include_archived)

    def keeps(self, status: ChildStatus) -> bool:
        child = status.child
        if child.archived and not self.include_archived:
            return False
        if self.needs_attention and not status.needs_attention:
            return False
        if self.stage is not None and status.stage is not self.stage:
            return False
        if self.route is not None and child.route is not self.route:
            return False
        if self.home_type is not None and child.home_type is not self.home_type:
            return False
        if self.social_worker and folded(child.people.social_worker) != folded(self.social_worker):
            return False
        if self.team_manager and folded(child.people.team_manager) != folded(self.team_manager):
            return False
        return child.matches(self.text)

    def apply(self, statuses: Iterable[ChildStatus]) -> list[ChildStatus]:
        return [status for status in statuses if self.keeps(status)]

    def describe(self) -> str:
        """ "Only: Team Manager Sarah Ashworth; Lasting Home Panel." ("" when nothing is
        chosen), for the team chart's printout."""
        parts = []
        if self.text.strip():
            parts.append(f"names matching '{self.text.strip()}'")
        if self.stage is not None:
            parts.append(self.stage.label())
        if self.social_worker:
            parts.append(f"social worker {self.social_worker}")
        if self.team_manager:
            parts.append(f"Team Manager {self.team_manager}")
        if self.route is not None:
            parts.append(self.route.label)
        if self.home_type is not None:
            parts.append(self.home_type.label)
        if self.needs_attention:
            parts.append("needing attention")
        return f"Only: {'; '.join(parts)}." if parts else ""


def people_to_choose(statuses: Iterable[ChildStatus], role: str) -> list[str]:
    """The social workers (role "social_worker") or Team Managers ("team_manager") named on
    these children, each once, in alphabetical order ignoring case and accents."""
    found: dict[str, str] = {}
    for status in statuses:
        name = getattr(status.child.people, role).strip()
        if name:
            found.setdefault(folded(name), name)
    return [found[key] for key in sorted(found)]


def showing_text(shown: int, total: int, flagged: int | None = None) -> str:
    """ "12 children · 3 need attention", "Showing 1 of 12 children", "1 child"."""
    if shown == total:
        text = count(total, "child", "children")
    else:
        text = f"Showing {shown:,} of {count(total, 'child', 'children')}"
    if flagged:
        text += f" · {flagged:,} {'needs' if flagged == 1 else 'need'} attention"
    return text


def attention_count(statuses: Sequence[ChildStatus]) -> int:
    return sum(1 for status in statuses if status.needs_attention)

"""Fictional example children for demonstrations, training and tests.

Everyone here is made up. The same seed and `today` always give the same children, so a demo
can be repeated. The journeys are built backwards from the stage each child should be at, so
the example caseload always shows every stage, both routes, every kind of home and both flags.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from .child import AgeBand, ChildRecord, DecisionRoute, HomeType, PeopleAroundChild
from .demo_panel import example_panel_sections
from .demo_voice import example_voice_sections
from .journey import (
    DEFAULT_AVOID_DELAY_DAYS,
    HEAD_OF_SERVICE_WINDOW,
    Decision,
    JourneyDates,
    Stage,
)

CV = DecisionRoute.COMMITMENT_VISIT
PANEL = DecisionRoute.PANEL

# (first name, preferred name or ""), taken in turn: the mix of names Lancashire children have,
# with Polish and Urdu letters, hyphens and apostrophes, so every screen meets them early.
FIRST_NAMES: tuple[tuple[str, str], ...] = (
    ("Aleksandra", "Ola"),
    ("Zofia", "Zosia"),
    ("Łukasz", ""),
    ("Wiktoria", ""),
    ("Ayesha", "عائشہ"),
    ("Muhammad", "Mo"),
    ("Zainab", ""),
    ("Hamza", ""),
    ("Mary-Jane", "MJ"),
    ("Liam", ""),
    ("Siân", ""),
    ("Niamh", ""),
    ("Chidera", "Chi"),
    ("Tobi", ""),
    ("Ștefan", ""),
    ("Bảo", ""),
    ("Ruby", ""),
    ("Oliver", "Ollie"),
    ("Amelia", "Millie"),
    ("Jayden", ""),
    ("Freya", ""),
    ("Kacper", ""),
    ("Hafsa", ""),
    ("Tyler-James", "TJ"),
)
LAST_NAMES: tuple[str, ...] = (
    "Nowak",
    "Wiśniewska",
    "Kowalczyk",
    "Khan",
    "Hussain",
    "Begum",
    "O'Brien",
    "Smith-Okafor",
    "Taylor",
    "Hughes",
    "Nguyễn",
    "Popescu",
    "Adeyemi",
    "Walsh",
    "Brown",
    "Rahman",
)
CARER_FIRST = ("Jo", "Sam", "Pat", "Alex", "Mandy", "Gareth", "Shazia", "Tomasz", "Bev", "Kev")
CARER_LAST = ("Clarke", "Ashworth", "Iqbal", "Lis", "Duckworth", "Okoro", "Whittaker", "Shah")
WORKERS = (
    "Rachel Entwistle",
    "Imran Patel",
    "Gemma Holt",
    "Dorota Zielińska",
    "Marcus Bell",
    "Naila Chaudhry",
    "Kirsty Fox",
    "Owen Pryce",
)
TEAM_MANAGERS = ("Helen Sharples", "Tariq Mahmood", "Joanne Kay")
IROS = ("Sue Rigby", "Adebayo Cole")
HEADS_OF_SERVICE = ("Caroline Marsden",)
PANEL_CHAIRS = ("Graham Lowe",)
SERVICES = ("Children Looked After (North)", "Children Looked After (East)", "Fostering")
PANEL_SERVICE = "Children with Disabilities"

# Kinship children usually live with family; residential homes have key workers.
KINSHIP_CARERS = (("Nana", "Grandad"), ("Auntie",), ("Grandma",), ("Uncle", "Auntie"))


@dataclass(frozen=True)
class ExampleChild:
    """One fictional child: the record, plus any per-child sections (name -> JSON-able dict)
    that other parts of the app fill in so the demo shows them too."""

    record: ChildRecord
    sections: dict[str, dict[str, Any]] = field(default_factory=dict)


# An extra adds sections to an example child: extra(record, rng, today) -> {section name: data}.
# Later parts of the app (the child's choices, feelings, drawings...) add one entry here.
ExampleExtra = Callable[[ChildRecord, random.Random, dt.date], dict[str, dict[str, Any]]]
EXAMPLE_EXTRAS: tuple[ExampleExtra, ...] = (example_voice_sections, example_panel_sections)


# Each plan: (stage the child should be at, route, flag wanted). The first twelve cover every
# stage, both routes and both flags, so even the default demo shows them all.
JourneyPlan = tuple[Stage, DecisionRoute, str]
JOURNEY_PLANS: tuple[JourneyPlan, ...] = (
    (Stage.GETTING_READY, CV, "long"),
    (Stage.MATCHING_BOOKED, CV, ""),
    (Stage.MATCHING_HELD, PANEL, ""),
    (Stage.OUTCOME_TO_RECORD, PANEL, ""),
    (Stage.WITH_HEAD_OF_SERVICE, CV, "overdue"),
    (Stage.AGREED_VISIT_TO_BOOK, CV, "delay"),
    (Stage.VISIT_BOOKED, PANEL, ""),
    (Stage.VISIT_BOOKED, CV, ""),
    (Stage.VISIT_DONE, CV, ""),
    (Stage.CELEBRATED, CV, ""),
    (Stage.DEFERRED, CV, "review"),
    (Stage.NOT_AGREED, PANEL, ""),
    (Stage.AGREED_VISIT_TO_BOOK, CV, ""),
    (Stage.MATCHING_HELD, CV, ""),
    (Stage.CELEBRATED, PANEL, ""),
    (Stage.VISIT_DONE, PANEL, ""),
    (Stage.GETTING_READY, PANEL, ""),
    (Stage.MATCHING_BOOKED, PANEL, ""),
    (Stage.DEFERRED, PANEL, ""),
    (Stage.NOT_AGREED, CV, ""),
    (Stage.WITH_HEAD_OF_SERVICE, CV, ""),
)
# Mostly foster homes, as in real caseloads; every kind appears within the first six.
HOME_PATTERN: tuple[HomeType, ...] = (
    HomeType.FOSTER,
    HomeType.KINSHIP,
    HomeType.FOSTER,
    HomeType.RESIDENTIAL,
    HomeType.FOSTER,
    HomeType.SHORT_BREAKS,
    HomeType.FOSTER,
    HomeType.FOSTER,
)


def example_children(
    count: int,
    today: dt.date,
    seed: int = 2026,
    extras: Sequence[ExampleExtra] = EXAMPLE_EXTRAS,
) -> list[ExampleChild]:
    """`count` fictional children with journeys spread over every stage, route and home type."""
    rng = random.Random(seed)
    out = []
    for index in range(count):
        stage, route, flag = JOURNEY_PLANS[index % len(JOURNEY_PLANS)]
        home = HOME_PATTERN[index % len(HOME_PATTERN)]
        name = FIRST_NAMES[index % len(FIRST_NAMES)]
        # A stride through the surnames: the first twelve include O'Brien and Smith-Okafor.
        last = LAST_NAMES[(index * 5 + 3) % len(LAST_NAMES)]
        record = _example_record(rng, today, (*name, last), stage, route, flag, home)
        record = replace(record, added_on=added_on(record, stage, flag, today))
        sections: dict[str, dict[str, Any]] = {}
        for extra in extras:
            sections.update(extra(record, rng, today))
        out.append(ExampleChild(record=record, sections=sections))
    return out


def _example_record(
    rng: random.Random,
    today: dt.date,
    name: tuple[str, str, str],
    stage: Stage,
    route: DecisionRoute,
    flag: str,
    home: HomeType,
) -> ChildRecord:
    first, preferred, last = name
    # Residential homes are mostly for teenagers; other homes for any age from 4 to 17.
    youngest = 12 if home is HomeType.RESIDENTIAL else 4
    age_days = rng.randint(youngest * 365 + 30, 17 * 365 + 300)
    birth = today - dt.timedelta(days=age_days)
    panel = route is PANEL
    people = PeopleAroundChild(
        carers=_carers(rng, home, last),
        social_worker=rng.choice(WORKERS),
        supervising_social_worker=rng.choice(WORKERS),
        team_manager=rng.choice(TEAM_MANAGERS),
        iro=rng.choice(IROS),
        decision_maker=rng.choice(PANEL_CHAIRS if panel else HEADS_OF_SERVICE),
    )
    # A few children chose the other look from the one their age would give.
    override = None
    if rng.random() < 0.1:
        override = AgeBand.CHILD if age_days > 11 * 365 else AgeBand.YOUNG_PERSON
    return ChildRecord(
        id=f"{rng.getrandbits(48):012x}",
        first_name=first,
        preferred_name=preferred,
        last_name=last,
        date_of_birth=birth,
        age_band_override=override,
        home_type=home,
        route=route,
        service=PANEL_SERVICE if panel else rng.choice(SERVICES),
        people=people,
        journey=journey_for(stage, route, today, rng, flag),
    )


def _carers(rng: random.Random, home: HomeType, child_last: str) -> tuple[str, ...]:
    if home is HomeType.KINSHIP:
        return tuple(f"{title} {child_last}" for title in rng.choice(KINSHIP_CARERS))
    if home is HomeType.RESIDENTIAL:
        return (f"{rng.choice(CARER_FIRST)} {rng.choice(CARER_LAST)} (key worker)",)
    if home is HomeType.SHORT_BREAKS:
        return (f"Mum and Dad {child_last}",)
    surname = rng.choice(CARER_LAST)
    if rng.random() < 0.3:
        return (f"{rng.choice(CARER_FIRST)} {surname}",)
    first, second = rng.sample(CARER_FIRST, 2)
    return (f"{first} {surname}", f"{second} {surname}")


def journey_for(
    stage: Stage,
    route: DecisionRoute,
    today: dt.date,
    rng: random.Random,
    flag: str = "",
) -> JourneyDates:
    """Dates that put a journey at `stage` on `today` (flag "overdue" or "delay" adds that)."""

    def ago(low: int, high: int) -> dt.date:
        return today - dt.timedelta(days=rng.randint(low, high))

    def ahead(low: int, high: int) -> dt.date:
        return today + dt.timedelta(days=rng.randint(low, high))

    def after(day: dt.date, low: int, high: int) -> dt.date:
        return day + dt.timedelta(days=rng.randint(low, high))

    window = HEAD_OF_SERVICE_WINDOW.days
    if stage is Stage.GETTING_READY:
        return JourneyDates()
    if stage is Stage.MATCHING_BOOKED:
        return JourneyDates(matching_meeting=ahead(3, 30))
    if stage is Stage.MATCHING_HELD:
        return JourneyDates(matching_meeting=ago(1, 10))
    if route is DecisionRoute.PANEL:
        return _panel_journey(stage, today, ago, ahead, after)
    if stage is Stage.WITH_HEAD_OF_SERVICE:
        sent = ago(window + 2, window + 20) if flag == "overdue" else ago(0, window - 1)
        return JourneyDates(matching_meeting=after(sent, -12, -2), recommendation_sent=sent)
    if stage is Stage.AGREED_VISIT_TO_BOOK:
        if flag == "delay":
            decided = ago(DEFAULT_AVOID_DELAY_DAYS + 3, DEFAULT_AVOID_DELAY_DAYS + 25)
        else:
            decided = ago(1, DEFAULT_AVOID_DELAY_DAYS - 5)
        return _decided(decided, Decision.AGREED, after)
    if stage is Stage.VISIT_BOOKED:
        base = _decided(ago(3, 20), Decision.AGREED, after)
        return _with(base, visit=ahead(2, 25))
    if stage is Stage.VISIT_DONE:
        base = _decided(ago(25, 50), Decision.AGREED, after)
        visit = ago(1, 20)
        celebration = ahead(3, 30) if rng.random() < 0.6 else None
        return _with(base, visit=visit, celebration=celebration)
    if stage is Stage.CELEBRATED:
        decided = ago(70, 200)
        base = _decided(decided, Decision.AGREED, after)
        visit = after(decided, 7, 21)
        return _with(base, visit=visit, celebration=after(visit, 3, 30))
    if stage is Stage.DEFERRED:
        # Ranges of one width draw the same from the stream, so later children stay the same.
        decided = ago(30, 68) if flag == "review" else ago(2, 40)
        return _decided(decided, Decision.DEFERRED, after)
    if stage is Stage.NOT_AGREED:
        return _decided(ago(5, 60), Decision.NOT_AGREED, after)
    raise ValueError(f"No example journey for {stage} on the {route.label} route.")


def _decided(decided: dt.date, decision: Decision, after) -> JourneyDates:
    sent = after(decided, -13, -1)
    return JourneyDates(
        matching_meeting=after(sent, -12, -2),
        recommendation_sent=sent,
        decision=decision,
        decision_date=decided,
    )


def _panel_journey(stage: Stage, today: dt.date, ago, ahead, after) -> JourneyDates:
    if stage is Stage.VISIT_BOOKED:
        # Panels meet on the second Thursday: booked children share next month's panel.
        meeting, _unused = ago(10, 40), ahead(5, 40)
        return JourneyDates(matching_meeting=meeting, visit=second_thursday_after(today, 1))
    if stage is Stage.OUTCOME_TO_RECORD:
        panel_day = ago(1, 6)
        return JourneyDates(matching_meeting=after(panel_day, -60, -25), visit=panel_day)
    if stage is Stage.VISIT_DONE:
        panel_day = ago(1, 20)
        return JourneyDates(
            matching_meeting=after(panel_day, -60, -25),
            decision=Decision.AGREED,
            decision_date=panel_day,
            visit=panel_day,
            celebration=ahead(5, 30),
        )
    if stage is Stage.CELEBRATED:
        panel_day = ago(60, 200)
        return JourneyDates(
            matching_meeting=after(panel_day, -60, -25),
            decision=Decision.AGREED,
            decision_date=panel_day,
            visit=panel_day,
            celebration=after(panel_day, 5, 30),
        )
    if stage in (Stage.DEFERRED, Stage.NOT_AGREED):
        panel_day = ago(3, 60)
        return JourneyDates(
            matching_meeting=after(panel_day, -60, -25),
            decision=Decision.DEFERRED if stage is Stage.DEFERRED else Decision.NOT_AGREED,
            decision_date=panel_day,
            visit=panel_day,
        )
    raise ValueError(f"No example journey for {stage} on the panel route.")


def second_thursday_after(today: dt.date, months: int) -> dt.date:
    """The second Thursday of the month `months` after today's."""
    first = dt.date(
        today.year + (today.month - 1 + months) // 12, (today.month - 1 + months) % 12 + 1, 1
    )
    return first + dt.timedelta(days=(3 - first.weekday()) % 7 + 7)


def added_on(record: ChildRecord, stage: Stage, flag: str, today: dt.date) -> dt.date:
    """When the example child joined the caseload: some weeks before their first date (a long
    while ago for one still "getting ready"), from their own random stream."""
    own = random.Random(f"joined-{record.id}")
    if stage is Stage.GETTING_READY:
        return today - dt.timedelta(
            days=own.randint(100, 150) if flag == "long" else own.randint(5, 60)
        )
    first = min(
        [
            today,
            *(
                day
                for day in (record.journey.matching_meeting, record.journey.recommendation_sent)
                if day
            ),
        ]
    )
    return first - dt.timedelta(days=own.randint(20, 90))


def _with(base: JourneyDates, **changes: Any) -> JourneyDates:
    return replace(base, **changes)

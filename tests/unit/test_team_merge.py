"""The team's rule for a part changed on several laptops: the state is a function of the set of
records, so every laptop shows the same, whatever order the files came in; nothing is lost."""

import itertools
import os

from hypothesis import given, settings
from hypothesis import strategies as st

from lasting_home_desktop.domain.team_merge import (
    TeamRecord,
    clashes_still_open,
    heads_of,
    merge_revision,
    resolve_part,
    value_at,
)
from lasting_home_desktop.domain.team_records import (
    NotARecord,
    record_from_json,
    record_to_json,
)

BASE = {"service": "East", "notes": "first", "journey": {"visit": None, "decision": None}}


def rec(rid, laptop, clock, data, parents=(), ancestors=(), by="", clashes=()):
    return TeamRecord(
        rid,
        "child1",
        "record",
        laptop,
        clock,
        f"2026-11-22T10:{clock:02d}:00",
        tuple(parents),
        tuple(ancestors),
        data,
        clashes,
        by or laptop,
    )


def records(*items):
    return {r.record_id: r for r in items}


def test_one_head_is_that_data():
    """A part changed on one laptop after another is simply the newest change."""
    a = rec("a", "L1", 1, BASE)
    b = rec("b", "L2", 2, {**BASE, "notes": "second"}, ["a"])
    state = resolve_part(records(a, b))
    assert state.data["notes"] == "second"
    assert state.revision == "b" and state.heads == ("b",)
    assert state.clashes == ()


def test_changes_to_different_fields_are_both_kept():
    """Two laptops changing different fields from the same start keep both changes."""
    a = rec("a", "L1", 1, BASE)
    b = rec("b", "L2", 2, {**BASE, "notes": "from Sam"}, ["a"])
    c = rec("c", "L3", 2, {**BASE, "journey": {"visit": "2026-12-01", "decision": None}}, ["a"])
    state = resolve_part(records(a, b, c))
    assert state.data["notes"] == "from Sam"
    assert state.data["journey"]["visit"] == "2026-12-01"
    assert state.clashes == ()
    assert state.revision == merge_revision(["b", "c"]) and set(state.heads) == {"b", "c"}


def test_a_clash_keeps_every_value_with_who_wrote_it():
    """The same field changed differently: the later clock wins for now, both are offered."""
    a = rec("a", "L1", 1, BASE)
    b = rec("b", "L2", 5, {**BASE, "service": "West"}, ["a"], by="Sam")
    c = rec("c", "L3", 3, {**BASE, "service": "North"}, ["a"], by="Ali")
    state = resolve_part(records(a, b, c))
    assert state.data["service"] == "West"  # the higher Lamport clock, for now
    [clash] = state.clashes
    assert clash.path == "service" and clash.base == "East"
    assert {(o.value, o.by) for o in clash.options} == {("West", "Sam"), ("North", "Ali")}


def test_the_result_does_not_depend_on_the_order_records_arrive():
    """Every order of arrival gives the same data, clashes and revision."""
    a = rec("a", "L1", 1, BASE)
    b = rec("b", "L2", 2, {**BASE, "service": "West", "notes": "b"}, ["a"])
    c = rec("c", "L3", 2, {**BASE, "service": "North"}, ["a"])
    d = rec("d", "L1", 3, {**BASE, "journey": {"visit": "2027-01-05", "decision": "agreed"}}, ["a"])
    results = {
        repr(resolve_part(dict((r.record_id, r) for r in order)))
        for order in itertools.permutations([a, b, c, d])
    }
    assert len(results) == 1


def test_without_the_common_ancestor_every_difference_is_a_clash():
    """After a snapshot the shared start may be missing: nothing is merged away, all is kept."""
    b = rec("b", "L2", 2, {**BASE, "service": "West"}, ["a"])
    c = rec("c", "L3", 3, {**BASE, "notes": "other"}, ["a"])
    state = resolve_part(records(b, c))
    assert {clash.path for clash in state.clashes} == {"service", "notes"}
    assert state.data["notes"] == "other" and state.data["service"] == "East"


def test_a_recent_ancestor_hint_keeps_an_older_head_from_looking_concurrent():
    """A file in between is late: the newer record still says the older one came before it."""
    a = rec("a", "L1", 1, BASE)
    c = rec("c", "L2", 3, {**BASE, "notes": "third"}, ["b"], ancestors=["a"])
    state = resolve_part(records(a, c))
    assert state.heads == ("c",) and state.clashes == ()


def test_a_choice_written_over_both_heads_settles_the_clash_everywhere():
    """A worker chooses: the new record has both heads as parents, and no clash is left."""
    a = rec("a", "L1", 1, BASE)
    b = rec("b", "L2", 5, {**BASE, "service": "West"}, ["a"])
    c = rec("c", "L3", 3, {**BASE, "service": "North"}, ["a"])
    before = resolve_part(records(a, b, c))
    chosen = {**before.data, "service": "North"}
    carried = clashes_still_open(before, chosen, ["service"])
    d = rec("d", "L1", 6, chosen, ["b", "c"], clashes=carried)
    after = resolve_part(records(a, b, c, d))
    assert after.data["service"] == "North" and after.clashes == ()


def test_editing_another_field_carries_an_open_clash_forward():
    """Saving a different field of a part does not quietly settle a clash nobody chose."""
    a = rec("a", "L1", 1, BASE)
    b = rec("b", "L2", 5, {**BASE, "service": "West"}, ["a"])
    c = rec("c", "L3", 3, {**BASE, "service": "North"}, ["a"])
    before = resolve_part(records(a, b, c))
    edited = {**before.data, "notes": "typed later"}
    d = rec("d", "L1", 6, edited, ["b", "c"], clashes=clashes_still_open(before, edited))
    after = resolve_part(records(a, b, c, d))
    assert [clash.path for clash in after.clashes] == ["service"]
    assert after.data["notes"] == "typed later"
    # Typing over the field replaces the value shown; the other laptop's still waits.
    typed_over = {**before.data, "service": "South"}
    [clash] = clashes_still_open(before, typed_over)
    assert sorted(o.value for o in clash.options) == ["North", "South"]
    assert clashes_still_open(before, typed_over, ["service"]) == ()  # unless chosen


def test_a_deletion_against_a_change_is_a_clash_not_a_loss():
    """One laptop removed a part another changed: both are kept for a person to choose."""
    a = rec("a", "L1", 1, BASE)
    b = rec("b", "L2", 5, None, ["a"])
    c = rec("c", "L3", 3, {**BASE, "notes": "kept"}, ["a"])
    state = resolve_part(records(a, b, c))
    [clash] = state.clashes
    assert clash.path == ""
    assert any(o.value == {**BASE, "notes": "kept"} for o in clash.options)


def test_a_loop_of_parents_still_gives_a_state():
    """Only a broken writer makes a loop; the part still shows its newest record."""
    a = rec("a", "L1", 1, BASE, ["b"])
    b = rec("b", "L2", 2, {**BASE, "notes": "b"}, ["a"])
    assert heads_of(records(a, b)) == ["b"]
    assert resolve_part(records(a, b)).data["notes"] == "b"


def test_three_laptops_clashing_offer_three_values():
    """Nothing is lost when three laptops change one field three ways."""
    a = rec("a", "L1", 1, BASE)
    heads = [rec(n, f"L{i}", 2 + i, {**BASE, "service": n}, ["a"]) for i, n in enumerate("xyz")]
    state = resolve_part(records(a, *heads))
    [clash] = state.clashes
    assert sorted(o.value for o in clash.options) == ["x", "y", "z"]
    assert value_at(state.data, "service") == "z"


def test_records_read_back_as_written_and_bad_ones_are_refused():
    """The codec round-trips a record, and refuses what this version does not write."""
    a = rec("a1", "L1", 4, {"name": "Zoë <b>&amp;", "emoji": "🎂"}, ["p1"], ["q1"], by="Ola")
    assert record_from_json(record_to_json(a)) == a
    for bad in (
        {**record_to_json(a), "n": -1},
        {**record_to_json(a), "i": "../etc"},
        {**record_to_json(a), "p": "Not A Part"},
        {**record_to_json(a), "d": [1, 2]},
        {**record_to_json(a), "a": ["x"] * 100},
        "not a record",
    ):
        try:
            record_from_json(bad)
        except NotARecord:
            continue
        raise AssertionError(f"accepted {bad!r}")


@st.composite
def histories(draw):
    """Random graphs of records from three laptops editing two fields."""
    count = draw(st.integers(2, 7))
    items = []
    for index in range(count):
        parents = (
            draw(st.lists(st.sampled_from(range(index)), max_size=2, unique=True)) if index else []
        )
        data = (
            None
            if draw(st.integers(0, 9)) == 0
            else {
                "a": draw(st.sampled_from(["p", "q", "r"])),
                "b": draw(st.sampled_from(["s", "t"])),
            }
        )
        clock = 1 + max([items[p].lamport for p in parents], default=0) + draw(st.integers(0, 2))
        items.append(
            rec(f"r{index}", f"L{draw(st.integers(1, 3))}", clock, data, [f"r{p}" for p in parents])
        )
    return items


@settings(max_examples=int(os.environ.get("TEAM_EXAMPLES", "60")))
@given(histories(), st.randoms())
def test_any_history_in_any_order_resolves_the_same(items, rng):
    """Property: the state is a function of the set of records, not of their order."""
    shuffled = list(items)
    rng.shuffle(shuffled)
    first = resolve_part({r.record_id: r for r in items})
    second = resolve_part({r.record_id: r for r in shuffled})
    assert first == second
    # and nothing is lost: a field a head changed is kept or offered to choose
    by_id = {r.record_id: r for r in items}
    for head in first.heads:
        record = by_id[head]
        if record.data is None:
            continue
        parents = [by_id[p] for p in record.parents]
        for field in ("a", "b"):
            value = record.data[field]
            if parents and any(p.data is not None and p.data[field] == value for p in parents):
                continue  # not changed by this head
            if value in _history_values(by_id, first.heads, head, field):
                continue  # the same value another head's history had: a three-way merge
                # rightly reads it as unchanged
            offered = set()
            for clash in first.clashes:
                for option in clash.options:
                    if clash.path == field:
                        offered.add(option.value)
                    elif clash.path == "" and isinstance(option.value, dict):
                        offered.add(option.value.get(field))
            assert value == value_at(first.data, field) or value in offered


def _history_values(by_id, heads, head, field):
    """The values a field had in the histories of the other heads."""
    seen, stack, out = set(), [h for h in heads if h != head], set()
    while stack:
        record = by_id.get(stack.pop())
        if record is None or record.record_id in seen:
            continue
        seen.add(record.record_id)
        if record.data is not None and record.record_id not in heads:
            out.add(record.data[field])
        stack += list(record.parents)
    return out

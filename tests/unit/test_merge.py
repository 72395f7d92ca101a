"""Two changes to one part without seeing each other: both kept where they do not clash, both
values kept for a person to choose where they do, nothing ever lost."""

from hypothesis import given
from hypothesis import strategies as st

from lasting_home_desktop.domain.merge import (
    WHOLE_PART,
    apply_choices,
    changed_fields,
    merge_part,
)

BASE = {
    "concerns": "",
    "strengths": "Warm home",
    "attendees": [{"name": "Jo"}],
    "journey": {"recommendation_sent": "2026-11-06", "decision": None},
    "_rev": "aaa",
}


def test_changes_to_different_fields_are_both_kept():
    """A worker's concerns and a newer recommendation date from another screen both survive."""
    mine = {**BASE, "concerns": "Contact with Nan"}
    theirs = {**BASE, "journey": {**BASE["journey"], "recommendation_sent": "2026-11-09"}}
    result = merge_part(BASE, mine, theirs)
    assert result.clean
    assert result.merged["concerns"] == "Contact with Nan"
    assert result.merged["journey"]["recommendation_sent"] == "2026-11-09"
    assert result.mine_changed == ("concerns",)


def test_fields_inside_a_group_merge_one_by_one():
    """The visit date changed here and the decision there do not clash."""
    mine = {**BASE, "journey": {**BASE["journey"], "decision": "agreed"}}
    theirs = {**BASE, "journey": {**BASE["journey"], "recommendation_sent": "2026-11-09"}}
    result = merge_part(BASE, mine, theirs)
    assert result.clean
    assert result.merged["journey"] == {"recommendation_sent": "2026-11-09", "decision": "agreed"}


def test_the_same_field_changed_differently_is_a_clash_with_both_values():
    """Both values are kept; until someone chooses, the stored one stays in place."""
    mine = {**BASE, "strengths": "Warm, patient home"}
    theirs = {**BASE, "strengths": "Very warm home"}
    result = merge_part(BASE, mine, theirs)
    (clash,) = result.clashes
    assert (clash.path, clash.base, clash.mine, clash.theirs) == (
        "strengths",
        "Warm home",
        "Warm, patient home",
        "Very warm home",
    )
    assert result.merged["strengths"] == "Very warm home"
    assert apply_choices(result, {"strengths": "Warm, patient home"})["strengths"] == (
        "Warm, patient home"
    )


def test_the_same_change_on_both_sides_is_no_clash():
    """Two people typing the same thing agree."""
    mine = {**BASE, "concerns": "None"}
    result = merge_part(BASE, mine, dict(mine))
    assert result.clean and result.merged["concerns"] == "None"


def test_a_list_is_one_field():
    """Attendee lists changed on both sides clash as a whole rather than being spliced."""
    mine = {**BASE, "attendees": [{"name": "Jo"}, {"name": "Sam"}]}
    theirs = {**BASE, "attendees": [{"name": "Jo"}, {"name": "Alex"}]}
    (clash,) = merge_part(BASE, mine, theirs).clashes
    assert clash.path == "attendees"


def test_deleted_on_one_side_and_untouched_on_the_other_stays_deleted():
    """A child deleted elsewhere, with no change here, is simply gone."""
    assert merge_part(BASE, dict(BASE), None).merged is None
    assert merge_part(BASE, None, dict(BASE)).merged is None


def test_deleted_on_one_side_and_changed_on_the_other_is_a_clash_keeping_the_change():
    """A deletion never silently throws away someone's new typing."""
    mine = {**BASE, "concerns": "Typed after the deletion"}
    result = merge_part(BASE, mine, None)
    (clash,) = result.clashes
    assert clash.path == WHOLE_PART and clash.mine["concerns"] == "Typed after the deletion"
    assert apply_choices(result, {WHOLE_PART: clash.mine})["concerns"] == "Typed after the deletion"
    assert apply_choices(result, {WHOLE_PART: None}) is None


def test_a_part_new_on_my_side_is_kept():
    """Nothing stored yet, nothing to clash with."""
    mine = {"concerns": "First words"}
    assert merge_part(None, mine, None).merged == mine


def test_changed_fields_name_paths_never_values():
    """The audit trail gets field names, never what was typed."""
    after = {**BASE, "concerns": "Private words", "journey": {**BASE["journey"], "decision": "x"}}
    assert changed_fields(BASE, after) == ["concerns", "journey.decision"]


values = st.one_of(
    st.none(), st.sampled_from(["", "a", "b", "Łucja", "<b>&amp;"]), st.integers(-3, 3)
)
parts = st.dictionaries(st.sampled_from("abcd"), values, max_size=4)


@given(parts, parts, parts)
def test_no_change_is_ever_lost(base, mine, theirs):
    """Every field either side changed ends up merged, or in a clash with both values."""
    result = merge_part(base, mine, theirs)
    clashed = {clash.path for clash in result.clashes}
    for side in (mine, theirs):
        for path in changed_fields(base, side):
            if path in clashed:
                continue
            assert result.merged.get(path, None) == side.get(path, None)
    for clash in result.clashes:
        assert clash.mine == mine.get(clash.path) and clash.theirs == theirs.get(clash.path)


@given(parts, parts, parts)
def test_merging_is_the_same_whichever_side_saves(base, mine, theirs):
    """Swap the sides: the same fields clash, and every clean field gets the same value."""
    one, two = merge_part(base, mine, theirs), merge_part(base, theirs, mine)
    assert {c.path for c in one.clashes} == {c.path for c in two.clashes}
    clashed = {c.path for c in one.clashes}
    for key in set(one.merged) | set(two.merged):
        if key not in clashed:
            assert one.merged.get(key) == two.merged.get(key)

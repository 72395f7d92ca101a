"""The database's JSON encoding: the quick encoder and the standard library read each other's
files, and whatever text a worker or child types comes back exactly."""

import datetime as dt
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lasting_home_desktop.storage.crash_safe import (
    CrashSafeStorage,
    json_dumps,
    json_loads,
    load_database_file,
)

# Any text at all, lone surrogates included (a pasted fragment of an emoji can carry one).
any_text = st.text(st.characters(codec=None), max_size=40)
documents = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**63), 2**63 - 1) | any_text,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(any_text, inner, max_size=4),
    max_leaves=20,
)


@given(st.dictionaries(any_text, st.dictionaries(any_text, documents, max_size=3), max_size=3))
def test_any_tables_come_back_exactly_and_read_the_same_either_way(tables):
    encoded = json_dumps(tables)
    assert json_loads(encoded) == tables
    assert json.loads(encoded.decode("utf-8")) == tables
    assert json_loads(json.dumps(tables).encode("utf-8")) == tables  # a file from before


def test_names_in_every_script_are_kept_as_typed(tmp_path):
    words = "Zofia Łukasiewicz · عائشہ · 😀 · <b>&amp; · " + "x" * 10_000
    storage = CrashSafeStorage(tmp_path / "db.json")
    storage.write({"children": {"1": {"first_name": words}}})
    assert load_database_file(tmp_path / "db.json") == {"children": {"1": {"first_name": words}}}


def test_a_value_that_is_not_json_is_refused_as_before_and_nothing_is_written(tmp_path):
    storage = CrashSafeStorage(tmp_path / "db.json")
    storage.write({"children": {"1": {"first_name": "Amir"}}})
    with pytest.raises(TypeError):
        storage.write({"children": {"1": {"born": dt.date(2015, 3, 1)}}})
    assert load_database_file(tmp_path / "db.json") == {"children": {"1": {"first_name": "Amir"}}}

"""The child's drawings on disk: names, the list, saving, the bin, and damaged entries."""

import datetime as dt
import itertools

import pytest

from lasting_home_desktop.domain.child import ChildRecord
from lasting_home_desktop.domain.drawing import (
    DEFAULT_NAME,
    NAME_LIMIT,
    background,
    clean_drawing_name,
)
from lasting_home_desktop.storage.caseload import CaseloadStore
from lasting_home_desktop.storage.drawings import SECTION, DrawingLibrary
from lasting_home_desktop.storage.safe_files import StorageWriteError

PNG = b"\x89PNG\r\n\x1a\n" + b"pretend picture data"


@pytest.fixture
def child_id(store, today):
    return store.add_child(ChildRecord("Ola", "Nowak"), today).id


def ticking_clock():
    minutes = itertools.count()
    return lambda: dt.datetime(2026, 11, 22, 10, 0) + dt.timedelta(minutes=next(minutes))


def saved_drawing(library, child_id, **kwargs):
    info = library.new_drawing(child_id, **kwargs)
    library.save_png(child_id, info.drawing_id, PNG)
    return library.record_saved(child_id, info.drawing_id)


def test_an_empty_name_becomes_my_drawing():
    """A drawing always has a name a child can read, even when none was typed."""
    assert clean_drawing_name("") == DEFAULT_NAME
    assert clean_drawing_name("   \n\t ") == DEFAULT_NAME
    assert clean_drawing_name(None) == DEFAULT_NAME


def test_names_are_tidied_and_kept_short():
    """Extra spaces and control characters go; a very long name is cut to 60 characters."""
    assert clean_drawing_name("  My   house\n") == "My house"
    assert clean_drawing_name("a\x00b\u200bc") == "abc"
    assert len(clean_drawing_name("x" * 10_000)) == NAME_LIMIT


def test_names_keep_every_language_and_markup_as_typed():
    """Polish, Urdu, emoji and <b>&amp; stay exactly as the child typed them."""
    for name in ("Mój dom 🏠", "میرا گھر", "<b>&amp;"):
        assert clean_drawing_name(name) == name


def test_an_unknown_background_falls_back_to_plain_paper():
    """A damaged background key never stops a drawing opening."""
    assert background("nonsense").key == "plain"
    assert background("lined").is_lined


def test_a_new_drawing_shows_once_its_picture_is_saved(store, child_id):
    """The list never points at a picture that is not on the disk."""
    library = DrawingLibrary(store)
    info = library.new_drawing(child_id, "sky")
    assert library.drawings(child_id) == []
    library.save_png(child_id, info.drawing_id, PNG)
    listed = library.drawings(child_id)
    assert [d.drawing_id for d in listed] == [info.drawing_id]
    assert listed[0].background == "sky"
    assert library.png_path(child_id, info.drawing_id).read_bytes() == PNG


def test_the_drawing_changed_last_comes_first(store, child_id):
    """The last picture the child worked on is first, so it is the one that comes back."""
    library = DrawingLibrary(store, clock=ticking_clock())
    first = saved_drawing(library, child_id)
    second = saved_drawing(library, child_id)
    assert [d.drawing_id for d in library.drawings(child_id)] == [
        second.drawing_id,
        first.drawing_id,
    ]
    library.save_png(child_id, first.drawing_id, PNG)
    again = library.record_saved(child_id, first.drawing_id)
    assert [d.drawing_id for d in library.drawings(child_id)][0] == first.drawing_id
    assert again.updated > again.created


def test_rename_bin_and_restore(store, child_id):
    """A named drawing can go in the bin, is hidden from the child, and comes back whole."""
    library = DrawingLibrary(store)
    info = saved_drawing(library, child_id)
    library.rename(child_id, info.drawing_id, "  My house ")
    library.bin(child_id, info.drawing_id)
    assert library.drawings(child_id) == []
    assert [d.name for d in library.binned(child_id)] == ["My house"]
    assert library.has_picture(child_id, info.drawing_id)
    library.restore(child_id, info.drawing_id)
    assert [(d.name, d.binned) for d in library.drawings(child_id)] == [("My house", False)]


def test_only_a_binned_drawing_can_be_deleted_for_good(store, child_id):
    """Deleting for good needs the drawing in the bin first, then removes it and its file."""
    library = DrawingLibrary(store)
    info = saved_drawing(library, child_id)
    with pytest.raises(ValueError):
        library.delete_for_good(child_id, info.drawing_id)
    library.bin(child_id, info.drawing_id)
    library.delete_for_good(child_id, info.drawing_id)
    assert library.drawings(child_id, include_binned=True) == []
    assert not library.png_path(child_id, info.drawing_id).exists()


def test_something_that_is_not_a_png_is_refused_kindly(store, child_id):
    """Bytes that are not a PNG are not written over a drawing."""
    library = DrawingLibrary(store)
    info = saved_drawing(library, child_id)
    with pytest.raises(StorageWriteError, match="not a picture"):
        library.save_png(child_id, info.drawing_id, b"GIF89a")
    assert library.png_path(child_id, info.drawing_id).read_bytes() == PNG


def test_damaged_entries_do_not_hide_the_others(store, child_id):
    """One broken entry in the list (no id, a bad id) leaves every other drawing showing."""
    library = DrawingLibrary(store)
    info = saved_drawing(library, child_id)
    section = store.section(SECTION, child_id)
    section["drawings"] += [{"name": "no id"}, {"id": "../../etc", "name": "escape"}]
    store.save_section(SECTION, child_id, section)
    assert [d.drawing_id for d in library.drawings(child_id)] == [info.drawing_id]


def test_drawings_survive_closing_the_app(data_dir, today):
    """Drawings, names and the bin are all there the next time the folder is opened."""
    with CaseloadStore.open(data_dir) as store:
        child = store.add_child(ChildRecord("Sam", "Jones"), today)
        library = DrawingLibrary(store)
        kept = saved_drawing(library, child.id, name="Rocket")
        thrown = saved_drawing(library, child.id)
        library.bin(child.id, thrown.drawing_id)
    with CaseloadStore.open(data_dir) as store:
        library = DrawingLibrary(store)
        assert [d.name for d in library.drawings(child.id)] == ["Rocket"]
        assert [d.drawing_id for d in library.binned(child.id)] == [thrown.drawing_id]
        assert library.png_path(child.id, kept.drawing_id).read_bytes() == PNG

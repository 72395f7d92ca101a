"""The child's photo album: cleaned on the way in, listed newest first, safe against bad luck."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from lasting_home_desktop.domain.child import ChildRecord
from lasting_home_desktop.domain.child_voice import ChildVoice, PictureChoice, PictureKind
from lasting_home_desktop.storage.caseload import CaseloadStore
from lasting_home_desktop.storage.child_voice import ChildVoiceRecords
from lasting_home_desktop.storage.photo_album import ALBUM_LIMIT, PhotoAlbum
from lasting_home_desktop.storage.photo_import import PhotoProblem


def _jpeg_with_gps() -> bytes:
    exif = Image.Exif()
    exif.get_ifd(0x8825).update({1: "N", 2: (53.0, 45.0, 1.0)})
    out = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 40, 40)).save(out, "JPEG", exif=exif.tobytes())
    return out.getvalue()


@pytest.fixture
def album(data_dir, today):
    with CaseloadStore.open(data_dir) as store:
        child = store.add_child(ChildRecord("Ola", "Nowak"), today)
        yield PhotoAlbum(store, today), child.id


def test_a_photo_is_kept_clean_with_its_name(album):
    """GPS and other hidden details are gone; the name is the file's, tidied."""
    photos, child_id = album
    photo = photos.add(child_id, _jpeg_with_gps(), "  Me at   the <b>beach</b> ")
    assert photo.name == "Me at the <b>beach</b>" and photo.ext == "jpg"
    data = photos.photo_bytes(child_id, photo)
    assert not Image.open(io.BytesIO(data)).getexif()
    assert [p.media_id for p in photos.photos(child_id)] == [photo.media_id]


def test_not_a_picture_is_refused_kindly_and_nothing_is_kept(album):
    """A text file called .jpg gets a plain message; the album stays as it was."""
    photos, child_id = album
    with pytest.raises(PhotoProblem, match="doesn't look like a picture"):
        photos.add(child_id, b"hello", "holiday")
    assert photos.photos(child_id) == []


def test_a_missing_file_leaves_the_album_clean(album):
    """An entry whose file has gone (a crash, a sync tool) is simply not listed."""
    photos, child_id = album
    photo = photos.add(child_id, _jpeg_with_gps(), "one")
    photos.store.media.delete(child_id, photo.media_id, photo.ext)
    assert photos.photos(child_id) == []


def test_taking_out_the_childs_own_picture_keeps_its_file(album, today):
    """A photo the child chose stays their picture after the worker takes it out."""
    photos, child_id = album
    chosen = photos.add(child_id, _jpeg_with_gps(), "chosen")
    other = photos.add(child_id, _jpeg_with_gps(), "other")
    voice = ChildVoice().with_picture(
        PictureChoice(PictureKind.PHOTO, chosen.media_id, "jpg"), today
    )
    ChildVoiceRecords(photos.store).save(child_id, voice)
    photos.remove(child_id, chosen.media_id)
    photos.remove(child_id, other.media_id)
    assert photos.photos(child_id) == []
    assert photos.store.media.exists(child_id, chosen.media_id, "jpg")
    assert not photos.store.media.exists(child_id, other.media_id, "jpg")


def test_the_album_has_a_kind_limit(album, monkeypatch):
    """Past the limit the worker is asked to take one out first."""
    import lasting_home_desktop.storage.photo_album as module

    photos, child_id = album
    monkeypatch.setattr(module, "ALBUM_LIMIT", 2)
    photos.add(child_id, _jpeg_with_gps(), "a")
    photos.add(child_id, _jpeg_with_gps(), "b")
    with pytest.raises(PhotoProblem, match="already has 2 photos"):
        photos.add(child_id, _jpeg_with_gps(), "c")
    assert ALBUM_LIMIT >= 20

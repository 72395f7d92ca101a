"""A hand-over file comes from outside: crafted ids, photos with their metadata, absurd key
costs and zip bombs are all turned away with the kind message, and nothing is added."""

import io
import json
import os
import struct
import time
import zipfile

import pytest
from PIL import Image
from trust_support import TEST_COST, fill_folder

from lasting_home_desktop.storage.caseload import CaseloadStore
from lasting_home_desktop.storage.crypto import NONCE_BYTES, SALT_BYTES
from lasting_home_desktop.storage.handover import (
    HANDOVER_MAGIC,
    HandoverProblem,
    handover_bytes,
    read_handover,
    receive_handover,
)

PASSWORD = "seven green bicycles"


def _sealed_archive(files: dict[str, bytes], cost=TEST_COST, password=PASSWORD) -> bytes:
    """A hand-over file holding exactly `files`, encrypted as Lasting Home does."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    salt = os.urandom(SALT_BYTES)
    header = struct.pack(">6sB16sIBB", HANDOVER_MAGIC, 1, salt, cost.n, cost.r, cost.p)
    nonce = os.urandom(NONCE_BYTES)
    key = cost.derive(password, salt)
    return header + nonce + AESGCM(key).encrypt(nonce, buffer.getvalue(), header)


def _manifest(record, media=(), sections=None) -> bytes:
    return json.dumps(
        {"format": 1, "record": record, "sections": sections or {}, "media": list(media)}
    ).encode()


def _photo_with_gps() -> bytes:
    image = Image.new("RGB", (80, 60), (30, 140, 90))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    exif[0x8825] = {1: "N", 2: (53.0, 45.0, 0.0), 3: "W", 4: (2.0, 40.0, 0.0)}
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif.tobytes(), comment=b"12 Acacia Avenue")
    return out.getvalue()


@pytest.fixture
def record(today):
    from lasting_home_desktop.domain.demo import example_children

    return example_children(1, today, seed=5)[0].record.to_dict()


@pytest.mark.parametrize("crafted", ["../../x", "..", "a/b", "CAPITALS12", "", "x" * 200])
def test_a_crafted_child_id_is_refused(data_dir, record, crafted):
    """An id Lasting Home would never make (a path, capitals, nothing) adds nothing."""
    data = _sealed_archive({"record.json": _manifest({**record, "id": crafted})})
    with CaseloadStore.open(data_dir) as store:
        with pytest.raises(HandoverProblem) as caught:
            receive_handover(store, data, PASSWORD)
        assert "Nothing has been added" in caught.value.kind_message
        assert store.children() == []
    assert not (data_dir / "x").exists() and not (data_dir.parent / "x").exists()


def test_a_crafted_section_name_is_refused(data_dir, record):
    """Section names from the file must look like Lasting Home's own."""
    data = _sealed_archive({"record.json": _manifest(record, sections={"../children": {"x": 1}})})
    with CaseloadStore.open(data_dir) as store, pytest.raises(HandoverProblem):
        receive_handover(store, data, PASSWORD)


def test_received_photos_lose_their_gps_and_comments(data_dir, record):
    """A photo inside a hand-over is cleaned like an imported one: no EXIF, GPS or comment."""
    photo = _photo_with_gps()
    assert b"PhoneMaker" in photo and b"Acacia" in photo
    data = _sealed_archive(
        {
            "record.json": _manifest(record, media=[{"id": "abcdef012345", "ext": "jpg"}]),
            "media/abcdef012345.jpg": photo,
        }
    )
    with CaseloadStore.open(data_dir) as store:
        child = receive_handover(store, data, PASSWORD)
        kept = store.media.read(child.id, "abcdef012345", "jpg")
    assert kept.startswith(b"\xff\xd8\xff")
    assert b"PhoneMaker" not in kept and b"Acacia" not in kept and b"Exif" not in kept
    assert Image.open(io.BytesIO(kept)).size == (80, 60)


def test_a_tiny_file_asking_for_huge_key_costs_is_refused_at_once():
    """105 bytes claiming scrypt costs that would take minutes and gigabytes are refused
    before any key derivation."""
    header = struct.pack(">6sB16sIBB", HANDOVER_MAGIC, 1, b"s" * 16, 2**20, 32, 16)
    data = header + os.urandom(105 - len(header))
    start = time.perf_counter()
    with pytest.raises(HandoverProblem) as caught:
        read_handover(data, PASSWORD)
    assert time.perf_counter() - start < 0.5
    assert "Nothing has been added" in caught.value.kind_message


def test_a_zip_bomb_photo_is_refused(record):
    """A small archive unpacking to a huge 'photo' is refused without unpacking it all."""
    bomb = b"\0" * (80 * 1024 * 1024)
    data = _sealed_archive(
        {
            "record.json": _manifest(record, media=[{"id": "abcdef012345", "ext": "jpg"}]),
            "media/abcdef012345.jpg": bomb,
        }
    )
    assert len(data) < 1024 * 1024
    with pytest.raises(HandoverProblem) as caught:
        read_handover(data, PASSWORD)
    assert "too large" in caught.value.kind_message


def test_a_record_json_bomb_is_refused(record):
    """The record itself is size-limited too."""
    data = _sealed_archive({"record.json": b" " * (64 * 1024 * 1024) + _manifest(record)})
    with pytest.raises(HandoverProblem):
        read_handover(data, PASSWORD)


@pytest.mark.parametrize(
    "inside",
    [
        {"record.json": b"[1, 2, 3]"},
        {"record.json": b'{"record": {"id": "abcdef012345"}, "sections": [1], "media": []}'},
        {"record.json": b'{"record": "x"}'},
        {"record.json": b"\xff\xfe"},
        {"other.txt": b"hello"},
    ],
)
def test_every_odd_inside_gets_the_kind_message(inside):
    """Whatever the file holds, the answer is one kind sentence, never a crash."""
    with pytest.raises(HandoverProblem) as caught:
        read_handover(_sealed_archive(inside), PASSWORD)
    assert "Nothing has been added" in caught.value.kind_message


def test_a_real_handover_still_travels_whole(data_dir, tmp_path, today):
    """The limits leave a real record, its drawings and photos, untouched in content."""
    children = fill_folder(data_dir, today, None, count=1)
    with CaseloadStore.open(data_dir) as store:
        data = handover_bytes(store, children[0].id, PASSWORD, TEST_COST)
        media = sorted(p.name for p in store.media.child_folder(children[0].id).iterdir())
    with CaseloadStore.open(tmp_path / "other") as store:
        child = receive_handover(store, data, PASSWORD)
        assert sorted(p.name for p in store.media.child_folder(child.id).iterdir()) == media

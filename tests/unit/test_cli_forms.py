"""`lasting-home partner-form` and `carers-form`: make a form, file it back, and one plain line
for every form that cannot be filed."""

from __future__ import annotations

from pathlib import Path

import pytest
from forms_support import child_record, fill
from trust_support import PASSPHRASE, TEST_COST

from lasting_home_desktop.cli import main
from lasting_home_desktop.domain.carers_commitment import (
    CarersCommitment,
    LetterStatus,
)
from lasting_home_desktop.domain.partner_contributions import PartnerContributions
from lasting_home_desktop.storage.adults import AdultRecords
from lasting_home_desktop.storage.audit import AuditTrail
from lasting_home_desktop.storage.caseload import CaseloadStore
from lasting_home_desktop.storage.folder_sealing import first_passphrase, unlock

TODAY = ["--today", "22/11/2026"]


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(part) for part in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def folder(data_dir, today) -> Path:
    with CaseloadStore.open(data_dir) as store:
        store.add_child(child_record(), today)
    return data_dir


def _partners(folder: Path, key=None) -> tuple:
    with CaseloadStore.open(folder, lock=False, key=key) as store:
        child = store.children()[0]
        return AdultRecords(store).load(PartnerContributions, child.id).partners


def test_partner_form_made_and_filed_back(capsys, folder, tmp_path):
    """`make` writes the PDF and says its reference; `receive` files it against the child."""
    target = tmp_path / "form.pdf"
    code, out, err = run(
        capsys, "partner-form", "make", "--data-dir", folder, "--child", "Ola", "--out",
        target, "--partner", "Mr Patel", "--role", "Head teacher", *TODAY,
    )  # fmt: skip
    assert code == 0, err
    assert out.strip() == str(target) and "LH-" in err
    returned = tmp_path / "returned.pdf"
    returned.write_bytes(fill(target.read_bytes(), {"answer_5": "She says she feels safe."}))
    code, out, err = run(capsys, "partner-form", "receive", "--data-dir", folder, returned, *TODAY)
    assert code == 0, err
    assert "Filed the partner form" in out and "Mr Patel (Head teacher)" in out
    partner = _partners(folder)[0]
    assert partner.answers[4] == "She says she feels safe." and partner.name == "Mr Patel"
    actions = [entry.action for entry in AuditTrail(folder).entries()]
    assert "form-made" in actions and "received-form" in actions


def test_make_into_a_folder_uses_a_safe_name(capsys, folder, tmp_path):
    """--out may be a folder: the file is named after the child as the form shows them."""
    code, out, err = run(
        capsys, "carers-form", "make", "--data-dir", folder, "--child", "Ola", "--out", tmp_path,
        *TODAY,
    )  # fmt: skip
    assert code == 0, err
    assert Path(out.strip()) == tmp_path / "Carers' letter form for Ola N.pdf"


def test_carers_form_received_by_either_command(capsys, folder, tmp_path):
    """A form knows what it is: the partner command files a carers' form in the letter."""
    target = tmp_path / "carers.pdf"
    run(capsys, "carers-form", "make", "--data-dir", folder, "--child", "Ola", "--out", target)
    target.write_bytes(fill(target.read_bytes(), {"letter": "Dear Ola,\nThis is your home."}))
    code, out, err = run(capsys, "partner-form", "receive", "--data-dir", folder, target)
    assert code == 0, err
    with CaseloadStore.open(folder, lock=False) as store:
        letter = AdultRecords(store).load(CarersCommitment, store.children()[0].id)
    assert letter.letter == "Dear Ola,\nThis is your home." and letter.status is LetterStatus.DRAFT


def test_forms_that_cannot_be_filed_say_why_in_one_line(capsys, folder, tmp_path):
    """Not a PDF, an empty form, a second copy with changes: exit 1, one line, nothing filed."""
    junk = tmp_path / "notes.pdf"
    junk.write_text("my answers")
    code, out, err = run(capsys, "partner-form", "receive", "--data-dir", folder, junk)
    assert code == 1 and out == "" and len(err.strip().splitlines()) == 1
    assert "is not a PDF" in err
    target = tmp_path / "form.pdf"
    run(capsys, "partner-form", "make", "--data-dir", folder, "--child", "Ola", "--out", target)
    code, _out, err = run(capsys, "partner-form", "receive", "--data-dir", folder, target)
    assert code == 1 and "came back empty" in err
    first = tmp_path / "first.pdf"
    first.write_bytes(fill(target.read_bytes(), {"answer_1": "Kind and patient."}))
    assert run(capsys, "partner-form", "receive", "--data-dir", folder, first)[0] == 0
    second = tmp_path / "second.pdf"
    second.write_bytes(fill(target.read_bytes(), {"answer_1": "Kind, patient, firm."}))
    code, _out, err = run(capsys, "partner-form", "receive", "--data-dir", folder, second)
    assert code == 1 and "Answer to question 1" in err and "side by side" in err
    assert _partners(folder)[0].answers[0] == "Kind and patient."


def test_unknown_child_and_folder_in_use(capsys, folder, tmp_path):
    """A name that matches nobody, and a folder the app has open, each change nothing."""
    code, _out, err = run(
        capsys, "partner-form", "make", "--data-dir", folder, "--child", "Nobody", "--out",
        tmp_path / "x.pdf",
    )  # fmt: skip
    assert code == 1 and "No child matches 'Nobody'" in err
    with CaseloadStore.open(folder):
        code, _out, err = run(
            capsys, "partner-form", "make", "--data-dir", folder, "--child", "Ola", "--out",
            tmp_path / "x.pdf",
        )  # fmt: skip
    assert code == 1 and "Nothing has been changed" in err
    assert not (tmp_path / "x.pdf").exists()


def test_encrypted_folder_keeps_its_check_inside(capsys, data_dir, tmp_path, today):
    """On a folder with a passphrase the form is made and filed; the folder's secret is in the
    encrypted database, never in a plain file."""
    key = first_passphrase(data_dir, PASSPHRASE, TEST_COST).key
    with CaseloadStore.open(data_dir, key=key) as store:
        store.add_child(child_record(), today)
    secret = tmp_path / "passphrase.txt"
    secret.write_text(PASSPHRASE)
    target = tmp_path / "form.pdf"
    code, _out, err = run(
        capsys, "partner-form", "make", "--data-dir", data_dir, "--passphrase-file", secret,
        "--child", "Ola", "--out", target,
    )  # fmt: skip
    assert code == 0, err
    target.write_bytes(fill(target.read_bytes(), {"answer_2": "Warm and consistent."}))
    code, _out, err = run(
        capsys, "partner-form", "receive", "--data-dir", data_dir, "--passphrase-file", secret,
        target,
    )  # fmt: skip
    assert code == 0, err
    assert _partners(data_dir, unlock(data_dir, PASSPHRASE))[0].answers[1] == "Warm and consistent."
    for path in data_dir.rglob("*"):
        if path.is_file():
            assert b"returned_forms_secret" not in path.read_bytes(), path

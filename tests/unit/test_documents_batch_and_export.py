"""Cards and certificates in a batch, and `lasting-home export` on the command line."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import replace

from documents_support import add_child, pdf_text
from pypdf import PdfReader

from lasting_home_desktop.cli import main
from lasting_home_desktop.documents import batch
from lasting_home_desktop.documents.batch import export_batch, gather_batch, make_batch
from lasting_home_desktop.domain.journey import Decision
from lasting_home_desktop.storage.caseload import CaseloadStore

TODAY = ["--today", "22/11/2026"]


def test_batch_makes_a_card_and_certificate_per_visit_in_range(store, today, tmp_path):
    """Only children with a visit in the range get files; the combined PDF holds them all."""
    inside = [
        add_child(store, today, first=n, visit=today + dt.timedelta(days=d))
        for n, d in (("Ola", 2), ("Αθηνά", 9))
    ]
    add_child(store, today, first="Later", visit=today + dt.timedelta(days=60))
    progress = []
    result = export_batch(
        store,
        today,
        today + dt.timedelta(days=30),
        tmp_path / "out",
        today,
        combined=True,
        progress=lambda done, total, name: progress.append((done, total)),
    )
    assert result.children_done == 2 and not result.problems
    assert len(result.files) == 4 and all(path.exists() for path in result.files)
    assert progress == [(1, 2), (2, 2)]
    combined = result.combined.read_bytes()
    text = pdf_text(combined)
    for child in inside:
        assert child.first_name in text
    assert "Later" not in text
    # Each child: card (2 pages) + certificate and its blank back (2 pages).
    assert len(PdfReader(io.BytesIO(combined)).pages) == 8


def test_one_broken_child_is_reported_and_the_rest_are_made(store, today, tmp_path, monkeypatch):
    """A child whose card cannot be made is listed with a reason; the others are still made."""
    for name in ("Ola", "Broken", "Zosia"):
        add_child(store, today, first=name)
    sources, skipped = gather_batch(store, today, today + dt.timedelta(days=30), today)
    real_card = batch.card_pdf

    def card(item):
        if item.child.first_name == "Broken":
            raise ValueError("damaged")
        return real_card(item)

    monkeypatch.setattr(batch, "card_pdf", card)
    result = make_batch(sources, tmp_path / "out", combined=True)
    assert result.children_done == 2
    assert [p.name for p in result.problems] == ["Broken Nowak"]
    assert "could not be used" in result.problems[0].message
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert "Ola Nowak - Card.pdf" in names and "Zosia Nowak - Certificate.pdf" in names
    assert not any(n.startswith("Broken") for n in names)
    assert "Broken" not in pdf_text(result.combined.read_bytes())


def test_not_agreed_children_get_no_card_and_are_listed(store, today, tmp_path):
    """A decision that was not agreed makes no card; the Team Manager is told why."""
    add_child(store, today, first="Ola", decision=Decision.NOT_AGREED)
    result = export_batch(store, today, today + dt.timedelta(days=30), tmp_path, today)
    assert result.children_done == 0 and "not agreed" in result.problems[0].message


def test_same_names_get_separate_files(store, today, tmp_path):
    """Two children called the same never overwrite each other's card."""
    add_child(store, today, first="Ola")
    add_child(store, today, first="Ola")
    result = export_batch(store, today, today + dt.timedelta(days=30), tmp_path, today)
    assert len({path.name for path in result.files}) == 4


def run(capsys, *argv):
    code = main([str(part) for part in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_export_one_child_by_preferred_name(data_dir, today, tmp_path, capsys):
    """--child finds a child by preferred name and writes every document."""
    with CaseloadStore.open(data_dir) as store:
        add_child(store, today, first="Aleksandra", preferred="Ola", last="Nowak")
    code, out, err = run(
        capsys,
        "export",
        "--data-dir",
        data_dir,
        "--child",
        "ola",
        "--out",
        tmp_path / "out",
        *TODAY,
    )
    assert code == 0, err
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert len(names) == 6 and "Aleksandra Nowak - Card.pdf" in names
    assert "Ola" in pdf_text((tmp_path / "out" / "Aleksandra Nowak - Card.pdf").read_bytes())


def test_export_only_some_documents(data_dir, today, tmp_path, capsys):
    """--only card,book writes just those two."""
    with CaseloadStore.open(data_dir) as store:
        child = add_child(store, today, first="Ola")
    code, out, err = run(
        capsys,
        "export",
        "--data-dir",
        data_dir,
        "--child",
        child.id,
        "--out",
        tmp_path,
        "--only",
        "card,book",
        *TODAY,
    )
    assert code == 0, err
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".pdf") == [
        "Ola Nowak - Card.pdf",
        "Ola Nowak - My Lasting Home book.pdf",
    ]


def test_ambiguous_name_lists_the_children_and_fails(data_dir, today, tmp_path, capsys):
    """Two children called Ola: both are listed with ids and nothing is written."""
    with CaseloadStore.open(data_dir) as store:
        first = add_child(store, today, first="Ola", last="Nowak")
        second = add_child(store, today, first="Ola", last="Khan")
    code, out, err = run(
        capsys,
        "export",
        "--data-dir",
        data_dir,
        "--child",
        "Ola",
        "--out",
        tmp_path / "out",
        *TODAY,
    )
    assert code != 0
    assert first.id in err and second.id in err and "2 children match" in err
    assert not (tmp_path / "out").exists()


def test_unknown_child_and_bad_options_fail_kindly(data_dir, today, tmp_path, capsys):
    """No match, an unknown --only kind, or no choice at all each give one clear line."""
    with CaseloadStore.open(data_dir) as store:
        add_child(store, today, first="Ola")
    for extra, words in (
        (["--child", "Nobody"], "No child matches"),
        (["--child", "Ola", "--only", "card,poster"], "--only takes"),
        ([], "Say what to export"),
        (["--visits-from", "01/12/2026", "--visits-to", "01/11/2026"], "before"),
    ):
        code, _, err = run(
            capsys, "export", "--data-dir", data_dir, "--out", tmp_path, *extra, *TODAY
        )
        assert code != 0 and words in err


def test_export_date_range_with_combined(data_dir, today, tmp_path, capsys):
    """--visits-from/--visits-to with --combined writes each file and the combined PDF."""
    with CaseloadStore.open(data_dir) as store:
        add_child(store, today, first="Ola")
    code, out, err = run(
        capsys,
        "export",
        "--data-dir",
        data_dir,
        "--visits-from",
        "22/11/2026",
        "--visits-to",
        "31/12/2026",
        "--out",
        tmp_path,
        "--combined",
        *TODAY,
    )
    assert code == 0, err
    assert len(out.strip().splitlines()) == 3
    assert "Made cards and certificates for 1 child" in err


def test_demo_children_show_every_document(tmp_path, capsys):
    """Example children have choices, words, a drawing and a card message for the documents."""
    folder = tmp_path / "demo"
    CaseloadStore.open(folder).close()  # a plain folder: no task makes a new one
    code, _, err = run(
        capsys, "demo-data", "--data-dir", folder, "--children", "12", "--seed", "7", *TODAY
    )
    assert code == 0, err
    from lasting_home_desktop.documents.keepsakes import keepsake_sources

    with CaseloadStore.open(folder) as store:
        sources = [keepsake_sources(store, c.id, dt.date(2026, 11, 22)) for c in store.children()]
    assert all(s.voice.people and s.voice.answers and s.card.message for s in sources)
    assert all(s.drawings for s in sources)
    assert all(s.picture is not None for s in sources)


def test_every_export_is_in_the_audit_trail(data_dir, today, tmp_path, capsys):
    """A command-line export is written in the folder's audit trail with the child's id."""
    from lasting_home_desktop.storage.audit import AuditTrail

    with CaseloadStore.open(data_dir) as store:
        child = add_child(store, today, first="Ola")
    code, _, err = run(
        capsys,
        "export",
        "--data-dir",
        data_dir,
        "--child",
        "Ola",
        "--out",
        tmp_path,
        "--only",
        "card",
        *TODAY,
    )
    assert code == 0, err
    entries = [e for e in AuditTrail(data_dir).entries() if e.action == "exported"]
    assert entries and entries[-1].child_id == child.id and "card" in entries[-1].detail


def test_batch_leaves_out_every_undecided_child_and_says_why(store, today, tmp_path):
    """No decision yet, not agreed, deferred, a panel not yet decided: no card, each with why;
    an agreed child with no visit date is named too, so nobody is silently missing."""
    from lasting_home_desktop.domain.child import DecisionRoute

    add_child(store, today, first="Agreed")
    add_child(store, today, first="Waiting", decision=None)
    add_child(store, today, first="Refused", decision=Decision.NOT_AGREED)
    add_child(store, today, first="Later", decision=Decision.DEFERRED)
    add_child(
        store,
        today,
        first="Panelled",
        route=DecisionRoute.PANEL,
        decision=None,
        visit=today + dt.timedelta(days=3),
    )
    undated = add_child(store, today, first="Undated")
    store.update_child(undated.with_changes(journey=replace(undated.journey, visit=None)), today)
    result = export_batch(store, today, today + dt.timedelta(days=30), tmp_path / "out", today)
    assert result.included == ["Agreed Nowak"]
    why = {problem.name.split()[0]: problem.message for problem in result.problems}
    assert set(why) == {"Waiting", "Refused", "Later", "Panelled", "Undated"}
    assert "Head of Service's decision is not recorded" in why["Waiting"]
    assert "not agreed" in why["Refused"] and "deferred" in why["Later"]
    assert "Lasting Home Panel's decision is not recorded" in why["Panelled"]
    assert "no commitment visit date" in why["Undated"]
    made = pdf_text(b"".join(path.read_bytes() for path in result.files))
    assert "said yes" not in made.replace("Agreed", "")
    assert not any("Panelled" in path.name or "Waiting" in path.name for path in result.files)


def test_export_of_an_undecided_child_refuses_the_card_in_one_line(
    data_dir, today, tmp_path, capsys
):
    """`export --child` makes no card or certificate before the decision: one line, exit 1,
    and the audit trail records only what was really written."""
    from lasting_home_desktop.storage.audit import AuditTrail

    with CaseloadStore.open(data_dir) as store:
        child = add_child(store, today, first="Ola", decision=None)
    code, out, err = run(
        capsys, "export", "--data-dir", data_dir, "--child", "Ola", "--out", tmp_path, *TODAY
    )
    assert code == 1
    assert err.count("\n") == 1
    assert "Card and Certificate not made" in err and "not recorded yet" in err
    names = sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".pdf")
    assert not any("Card" in n or "Certificate" in n for n in names)
    assert "Ola Nowak - My Lasting Home book.pdf" in names  # the book needs no decision
    book = pdf_text((tmp_path / "Ola Nowak - My Lasting Home book.pdf").read_bytes())
    assert "said yes" not in book and "has agreed" not in book
    entries = [e for e in AuditTrail(data_dir).entries() if e.action == "exported"]
    assert entries[-1].child_id == child.id and "card" not in entries[-1].detail
    before = len(AuditTrail(data_dir).entries())
    code, out, err = run(
        capsys,
        "export",
        "--data-dir",
        data_dir,
        "--child",
        "Ola",
        "--out",
        tmp_path / "c",
        "--only",
        "card",
        *TODAY,
    )
    assert code == 1 and "Card not made" in err
    assert not list((tmp_path / "c").glob("*.pdf"))
    assert len(AuditTrail(data_dir).entries()) == before  # nothing exported, nothing recorded


def test_a_failed_export_is_not_recorded_as_done(data_dir, today, tmp_path, capsys, monkeypatch):
    """An export that fails on a full disk leaves no 'exported' entry in the audit trail."""
    import errno

    from lasting_home_desktop.storage import safe_files
    from lasting_home_desktop.storage.audit import AuditTrail

    with CaseloadStore.open(data_dir) as store:
        add_child(store, today, first="Ola")
    real_replace = safe_files.os.replace

    def full(source, target):
        if str(target).endswith(".pdf"):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_replace(source, target)

    monkeypatch.setattr(safe_files.os, "replace", full)
    code, _, err = run(
        capsys, "export", "--data-dir", data_dir, "--child", "Ola", "--out", tmp_path, *TODAY
    )
    assert code == 1 and "disk is full" in err
    assert not [e for e in AuditTrail(data_dir).entries() if e.action == "exported"]


def test_a_card_message_too_long_to_fit_is_listed_and_the_rest_made(store, today, tmp_path):
    """A message kept from before the limit that cannot fit inside the card: the batch lists
    the child with the kind reason, saving a child's documents notes it, and every other
    document is still made."""
    from lasting_home_desktop.documents.export import write_child_documents
    from lasting_home_desktop.domain.card_message import CardMessage

    fits = add_child(store, today, first="Ola")
    too_long = add_child(store, today, first="Zosia")
    store.save_section("card", too_long.id, CardMessage(message="Well done. " * 450).to_dict())
    result = export_batch(store, today, today + dt.timedelta(days=30), tmp_path / "b", today)
    assert result.included == [fits.display_name]
    (problem,) = result.problems
    assert problem.name == too_long.display_name and "too long to fit" in problem.message
    keys = ["card", "certificate", "book"]
    written = write_child_documents(store, too_long.id, keys, tmp_path / "one", today)
    assert written.made == ["certificate", "book"]
    assert written.notes and "too long to fit inside the card" in written.notes[0]

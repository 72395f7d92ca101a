"""The guides reader: every guide renders with its pictures, reads aloud, exports to PDF."""

import io

from pypdf import PdfReader
from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage, QTextDocument

from lasting_home_desktop.domain.guides import GUIDES
from lasting_home_desktop.ui.guides_view import GuidesView, picture_png
from lasting_home_desktop.ui.messages import RecordedMessages


def _view(qtbot, chooser=None, guides=GUIDES, engine="mock"):
    messages = RecordedMessages()
    view = GuidesView(messages, guides, speech_engine=engine, choose_pdf_path=chooser)
    qtbot.addWidget(view)
    return view, messages


def test_every_guide_renders(qtbot):
    """Choosing each guide shows its title as the first line, with no Markdown marks left."""
    view, _messages = _view(qtbot)
    assert view.guide_list.count() == 5
    for row, info in enumerate(GUIDES):
        view.guide_list.setCurrentRow(row)
        shown = view.browser.toPlainText()
        assert shown.strip(), info.key
        assert "**" not in shown and "](picture:" not in shown
    view.open_guide("partners")
    assert view.browser.toPlainText().startswith("Lasting Home: a guide for partners")


def test_childrens_guide_pictures_are_drawn(qtbot):
    """The picture lines of the children's guide load as real images."""
    view, _messages = _view(qtbot)
    view.open_guide("children")
    image = view.browser.loadResource(
        QTextDocument.ResourceType.ImageResource.value, QUrl("picture:person-big-boss")
    )
    assert isinstance(image, QImage) and not image.isNull() and image.width() >= 96
    assert picture_png("no-such-picture") is None
    assert picture_png("place-home").startswith(b"\x89PNG")


def test_together_mode_offers_only_the_childrens_guides(qtbot):
    """A child sees only the guides written for children and young people."""
    view, _messages = _view(qtbot, guides=[g for g in GUIDES if g.for_children])
    titles = [view.guide_list.item(i).text() for i in range(view.guide_list.count())]
    assert titles == ["For children", "For young people"]


def test_read_aloud_with_the_mock_voice(qtbot):
    """Reading aloud starts at once and says the words without markup."""
    view, messages = _view(qtbot)
    view.open_guide("children")
    view.read_button.click()
    assert view.read_aloud.spoken and view.read_aloud.spoken[-1].startswith("Your Lasting Home.")
    assert "**" not in view.read_aloud.spoken[-1]
    assert messages.told == []
    view.stop_reading()


def test_no_voice_is_said_kindly(qtbot):
    """Without a voice the reader says so and nothing breaks."""
    view, messages = _view(qtbot, engine="no-such-engine")
    view.read_button.click()
    assert messages.told[-1][0] == "Reading aloud is not available"


def test_export_to_pdf_through_the_chosen_file(qtbot, tmp_path):
    """The chosen file gets '.pdf' added, holds the guide's words and its pictures."""
    target = tmp_path / "guide for carers"
    view, messages = _view(qtbot, chooser=lambda _parent, suggested: str(target))
    view.open_guide("children")
    path = view.export_pdf()
    assert path == tmp_path / "guide for carers.pdf"
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "Your Lasting Home" in text and "big boss" in text
    assert sum(len(page.images) for page in reader.pages) >= 5
    assert messages.told[-1][0] == "Guide exported"


def test_export_cancelled_or_unwritable(qtbot, tmp_path):
    """Cancelling writes nothing; a folder that cannot be written gets a kind message."""
    view, messages = _view(qtbot, chooser=lambda _parent, _suggested: "")
    assert view.export_pdf() is None and messages.told == []
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("x")
    view.choose_pdf_path = lambda _parent, _suggested: str(blocked / "guide.pdf")
    assert view.export_pdf() is None
    assert messages.told[-1][0] == "The guide was not exported" and messages.told[-1][2]


def test_guides_window_and_together_mode_options(qtbot):
    """The worker's window shows all guides; together mode hides the PDF button."""
    from lasting_home_desktop.domain.guides import CHILD_GUIDES
    from lasting_home_desktop.ui.guides_view import GuidesWindow

    window = GuidesWindow(RecordedMessages(), speech_engine="mock")
    qtbot.addWidget(window)
    assert window.view.guide_list.count() == 5
    window.close()
    child_view = GuidesView(RecordedMessages(), CHILD_GUIDES, "mock", allow_export=False)
    qtbot.addWidget(child_view)
    assert not child_view.export_button.isVisibleTo(child_view)
    assert child_view.guide_list.count() == 2

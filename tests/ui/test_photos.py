"""Photos on screen: importing into a session, dropping files, lining up, comparing, the timeline, consent."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QDialog, QGraphicsView, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from acuchart.models import Alignment
from acuchart.practice import Practice
from tests.photo_helpers import face_image, photo_session, tagged_jpeg
from ui.photos.align import AlignDialog
from ui.photos.client_photos import ClientPhotos
from ui.photos.compare import CompareDialog, WipeScene
from ui.photos.consent_dialog import PhotoConsentDialog
from ui.photos.importer import PhotoImporter
from ui.photos.session_photos import SessionPhotos
from ui.photos.timeline import PhotoIdRole, PhotoTimelineModel


def _write(folder: Path, count: int, start: int = 0) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(start, start + count):
        path = folder / f"IMG_{n:04d}.JPG"
        path.write_bytes(tagged_jpeg(face_image(shade=7 * n), taken=None))
        paths.append(path)
    return paths


@pytest.fixture(autouse=True)
def _no_modal_messages(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Message boxes record what they would say instead of waiting for a click."""
    said: list[str] = []

    def record(box: QMessageBox) -> int:
        said.append(f"{box.text()} {box.informativeText()}")
        return 0

    monkeypatch.setattr(QMessageBox, "exec", record)
    return said


def test_several_files_import_in_the_standard_order_and_show_in_the_session(
    qtbot: QtBot, practice: Practice, tmp_path: Path
) -> None:
    session = photo_session(practice)
    panel = SessionPhotos(practice)
    qtbot.addWidget(panel)
    panel.set_session(session.id)
    problems = panel.importer.import_files(session.id, _write(tmp_path / "phone", 3), "in_order")
    assert problems == []
    assert panel.grid.count() == 3
    views = sorted(p.photo.view for p in practice.photos.for_session(session.id))
    assert views == ["front", "left_oblique", "right_oblique"]


def test_a_bad_file_among_good_ones_is_named_once_and_the_rest_are_stored(
    qtbot: QtBot, practice: Practice, tmp_path: Path, _no_modal_messages: list[str]
) -> None:
    session = photo_session(practice)
    files = _write(tmp_path / "phone", 2)
    broken = tmp_path / "phone" / "IMG_BROKEN.JPG"
    broken.write_bytes(files[0].read_bytes()[:3000])
    parent = QWidget()
    qtbot.addWidget(parent)
    problems = PhotoImporter(practice, None, parent).import_files(
        session.id, [files[0], broken, files[1]], "front"
    )
    assert len(problems) == 1 and "IMG_BROKEN.JPG" in problems[0]
    assert "2 of 3 photos were imported" in _no_modal_messages[-1]
    assert len(practice.photos.for_session(session.id)) == 2


def test_without_photo_consent_one_click_records_it_and_the_import_goes_on(
    qtbot: QtBot, practice: Practice, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = photo_session(practice, clinical=False)

    def click_record(box: QMessageBox) -> int:
        record = next(b for b in box.buttons() if b.text() == "Record photo consent…")
        monkeypatch.setattr(QMessageBox, "clickedButton", lambda self: record)
        return 0

    def agree(dialog: PhotoConsentDialog) -> int:
        dialog.agrees["clinical"].setChecked(True)
        dialog.refuses["marketing"].setChecked(True)
        dialog.save()
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(QMessageBox, "exec", click_record)
    monkeypatch.setattr(PhotoConsentDialog, "exec", agree)
    parent = QWidget()
    qtbot.addWidget(parent)
    PhotoImporter(practice, None, parent).import_files(session.id, _write(tmp_path / "p", 1), "front")
    consent = practice.photo_consent.consent_of(session.client_id)
    assert consent.allows("clinical") and not consent.allows("marketing")
    assert len(practice.photos.for_session(session.id)) == 1


def test_photos_dropped_onto_the_session_editor_are_imported(
    qtbot: QtBot, practice: Practice, tmp_path: Path
) -> None:
    session = photo_session(practice)
    editor = QWidget()
    qtbot.addWidget(editor)
    diagram = QGraphicsView(editor)
    panel = SessionPhotos(practice, drop_target=editor)
    qtbot.addWidget(panel)
    panel.set_session(session.id)
    panel.view_box.setCurrentIndex(panel.view_box.findData("right_profile"))
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(p)) for p in _write(tmp_path / "drop", 2)])
    drop = QDropEvent(
        QPointF(5, 5),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    move = QDragMoveEvent(
        QPoint(5, 5),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    # Qt delivers drag events only while a real drag is under way, so the filter is asked directly.
    assert panel._drop_filter.eventFilter(diagram.viewport(), move) and move.isAccepted()
    assert panel._drop_filter.eventFilter(editor, drop)
    assert [p.photo.view for p in practice.photos.for_session(session.id)] == [
        "right_profile",
        "right_profile",
    ]


def _two_sessions(practice: Practice) -> tuple[int, int, int]:
    first = photo_session(practice)
    later = practice.sessions.create(first.client_id, "2026-02-05T10:00").value
    one = practice.photos.import_bytes(first.id, tagged_jpeg(face_image((600, 800))), "a.jpg", "front").value
    two = practice.photos.import_bytes(
        later.id, tagged_jpeg(face_image((600, 800), 30)), "b.jpg", "front"
    ).value
    return first.client_id, one.photo.id, two.photo.id


def test_lining_up_shows_the_first_sessions_ghost_and_stores_only_the_alignment(
    qtbot: QtBot, practice: Practice
) -> None:
    _, first_id, later_id = _two_sessions(practice)
    before = practice.photos.original(practice.photos.get(later_id).photo)
    dialog = AlignDialog(practice, later_id)
    qtbot.addWidget(dialog)
    assert (
        dialog.ghost is not None
        and dialog.ghost_photo is not None
        and dialog.ghost_photo.photo.id == first_id
    )
    assert len(dialog.guides) == 5  # the midline and four lines of the facial thirds
    dialog.opacity.setValue(70)
    assert dialog.ghost.opacity() == pytest.approx(0.7)
    dialog.angle.setValue(-25)
    dialog.scale.setValue(110)
    dialog.view.moved.emit(0.02, -0.01)
    dialog.save()
    stored = practice.photos.get(later_id).photo
    assert stored.alignment == Alignment(-2.5, 1.1, 0.02, -0.01)
    assert practice.photos.original(stored) == before


def test_compare_side_by_side_zooms_both_and_the_slider_wipes(qtbot: QtBot, practice: Practice) -> None:
    client_id, first_id, later_id = _two_sessions(practice)
    dialog = CompareDialog(practice, client_id, "front")
    qtbot.addWidget(dialog)
    dialog.resize(1000, 700)
    dialog.show()
    pair = dialog.chosen()
    assert pair is not None and (pair[0].photo.id, pair[1].photo.id) == (first_id, later_id)
    assert dialog.before_label.text().startswith("Before: 5 Jan 2026")
    dialog.left_pane.scale(2.0, 2.0)
    dialog.left_pane.viewed.emit()
    assert dialog.right_pane.transform().m11() == pytest.approx(dialog.left_pane.transform().m11())
    dialog.wipe_button.click()
    assert dialog.modes.currentIndex() == 1
    dialog.wipe_slider.setValue(250)
    scene = dialog.wipe_pane.scene()
    assert isinstance(scene, WipeScene)
    assert scene.clip.rect().left() == pytest.approx(250.0)


def test_withdrawing_marketing_closes_the_way_out_on_an_open_compare_at_once(
    qtbot: QtBot, practice: Practice, tmp_path: Path
) -> None:
    from ui.operations import Operations

    client_id, _, _ = _two_sessions(practice)
    dialog = CompareDialog(practice, client_id, "front")
    qtbot.addWidget(dialog)
    assert dialog.share.buttons["marketing"].isEnabled()
    Operations.of(practice).apply(lambda: practice.photo_consent.withdraw(client_id, "marketing"))
    assert not dialog.share.buttons["marketing"].isEnabled()
    assert dialog.share.buttons["teaching"].isEnabled()
    assert "Marketing: withdrawn" in dialog.share.status.text()
    from acuchart.services.photo_consent import PhotoConsentMissingError

    pair = dialog.chosen()
    assert pair is not None
    with pytest.raises(PhotoConsentMissingError):
        practice.photos.export_pair(pair[0].photo.id, pair[1].photo.id, "marketing", tmp_path / "ad.jpg")
    written = practice.photos.export_pair(pair[0].photo.id, pair[1].photo.id, "teaching", tmp_path / "t.jpg")
    assert written.stat().st_size > 1000 and b"Acme" not in written.read_bytes()


def test_the_client_page_box_shows_consent_and_the_timeline(qtbot: QtBot, practice: Practice) -> None:
    client_id, first_id, later_id = _two_sessions(practice)
    box = ClientPhotos(practice)
    qtbot.addWidget(box)
    box.show_client(client_id)
    assert box.title() == "Photos (2)"
    assert "Marketing: given" in box.consent_line.text()
    assert [box.model.index(r, 0).data(PhotoIdRole) for r in range(2)] == [first_id, later_id]
    assert [a.text() for a in box.withdraw_button.menu().actions()] == [
        "Clinical record",
        "Teaching",
        "Marketing",
    ]


def test_the_timeline_model_passes_the_model_tester(qtmodeltester, practice: Practice) -> None:
    client_id, _, _ = _two_sessions(practice)
    model = PhotoTimelineModel(practice.photos.thumbnail)
    model.set_photos(practice.photos.for_client(client_id))
    qtmodeltester.check(model)
    pixmap = model.index(0, 0).data(Qt.ItemDataRole.DecorationRole)
    assert not pixmap.isNull() and max(pixmap.width(), pixmap.height()) == 120


def test_without_qt_multimedia_the_camera_says_no_support_is_installed(
    qtbot: QtBot, practice: Practice, monkeypatch: pytest.MonkeyPatch, _no_modal_messages: list[str]
) -> None:
    import importlib.util

    from ui.photos import camera

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util,
        "find_spec",
        lambda name, *a: None if name == "PySide6.QtMultimedia" else real(name, *a),
    )
    assert camera.camera_support_problem().startswith("No camera support is installed")
    monkeypatch.setattr(camera, "warn", lambda parent, text, title="": _no_modal_messages.append(text))
    session = photo_session(practice)
    panel = SessionPhotos(practice)
    qtbot.addWidget(panel)
    panel.set_session(session.id)
    panel.capture()
    assert "No camera support is installed" in _no_modal_messages[-1]
    assert practice.photos.for_session(session.id) == []


def test_the_check_in_the_app_reports_a_missing_photo(
    qtbot: QtBot, practice_file: Practice, _no_modal_messages: list[str]
) -> None:
    from ui.photos.check_run import check_practice

    session = photo_session(practice_file)
    photo = practice_file.photos.import_bytes(session.id, tagged_jpeg(), "a.jpg", "front").value
    from acuchart.photos.store import StoredPhoto

    practice_file.photos.files.path(StoredPhoto(photo.photo.sha256, "jpg")).unlink()
    parent = QWidget()
    qtbot.addWidget(parent)
    report = check_practice(practice_file, parent)
    assert report is not None and not report.ok
    assert f"photo {photo.photo.id} is missing" in _no_modal_messages[-1]


def test_compare_with_an_original_gone_says_so_instead_of_failing(
    qtbot: QtBot, practice: Practice, monkeypatch: pytest.MonkeyPatch
) -> None:
    from acuchart.photos.store import StoredPhoto
    from ui.photos import compare

    client_id, first_id, _ = _two_sessions(practice)
    first = practice.photos.get(first_id).photo
    practice.photos.files.path(StoredPhoto(first.sha256, first.extension)).unlink()
    said: list[str] = []
    monkeypatch.setattr(compare, "warn", lambda parent, text: said.append(text))
    dialog = CompareDialog(practice, client_id, "front")
    qtbot.addWidget(dialog)
    assert said and "is missing from" in said[0] and "main.py check" in said[0]

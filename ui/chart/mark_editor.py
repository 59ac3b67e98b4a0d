"""A small editor laid over the diagram beside a mark: a free marker's label and a mark's needles.

It opens with the cursor in the label, so labelling a new free marker is typing the words, Tab, the
count and Enter. Enter stores what changed as one undoable edit; Esc closes it and keeps what is
stored; clicking elsewhere stores what was typed.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGraphicsDropShadowEffect,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from acuchart.i18n import _
from acuchart.models import Mark
from acuchart.services.session_rules import MAX_NEEDLES
from ui import theme
from ui.accessibility import accessible
from ui.style import mute, px

FIELD_HEIGHT = 34
GAP = 14
"""How far from the mark's centre the editor's corner sits, so the mark stays in sight."""


class MarkEditor(QFrame):
    """Label (free markers only) and needle count of one mark, edited in place."""

    edited = Signal(int, dict)
    """The practitioner confirmed: the mark id and the fields that changed (``label``, ``needles``)."""
    closed = Signal(bool)
    """The editor closed; True when it had the keyboard focus (so the chart can take it back)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("markEditor")
        theme.style(
            self,
            "#markEditor { background: $base; border: 1px solid $ink; border-radius: 6px; }"
            "#markEditor QLabel#markEditorTitle { font-weight: 600; color: $ink; }",
        )
        shadow = QGraphicsDropShadowEffect(self)
        shadow.setBlurRadius(14)
        shadow.setOffset(0, 2)
        self.setGraphicsEffect(shadow)
        self.title = QLabel()
        self.title.setObjectName("markEditorTitle")
        hint = QLabel(_("Enter saves · Esc keeps as is"))
        mute(hint)
        self.label = QLineEdit()
        self.label.setObjectName("markLabel")
        self.label.setPlaceholderText(_("Label, e.g. forehead line"))
        self.label.setMinimumWidth(px(170))
        self.label.setMinimumHeight(px(FIELD_HEIGHT))
        accessible(self.label, "Free marker label")
        self.needles = QSpinBox()
        self.needles.setObjectName("markNeedles")
        self.needles.setRange(0, MAX_NEEDLES)
        self.needles.setMinimumHeight(px(FIELD_HEIGHT))
        self.needles.setMinimumWidth(px(60))
        accessible(self.needles, "Needles")
        self.save = QToolButton()
        self.save.setText("✓")
        self.save.setToolTip(_("Save (Enter)"))
        accessible(self.save, "Save", _("Store the label and needles (Enter)"))
        self.save.setMinimumSize(px(FIELD_HEIGHT), px(FIELD_HEIGHT))
        self.save.clicked.connect(self.commit)
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(hint)
        row = QHBoxLayout()
        row.addWidget(self.label, 1)
        row.addWidget(self.needles)
        row.addWidget(QLabel(_("needles")))
        row.addWidget(self.save)
        column = QVBoxLayout(self)
        column.setContentsMargins(10, 6, 8, 8)
        column.setSpacing(4)
        column.addLayout(top)
        column.addLayout(row)
        self.mark: Mark | None = None
        self._opened_with: tuple[str, int] = ("", 0)
        for field in (self.label, self.needles):
            field.installEventFilter(self)
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(self._focus_changed)
        self.hide()

    def open_for(self, mark: Mark, anchor: QPoint, area: QRect) -> None:
        """Edit ``mark`` beside ``anchor`` (the mark's centre), kept inside ``area`` (parent coordinates)."""
        self.mark = mark
        self._opened_with = (mark.label, mark.needles)
        self.title.setText(mark.label or mark.title)
        self.label.setVisible(mark.is_free)
        self.label.setText(mark.label)
        self.needles.setValue(mark.needles)
        self.adjustSize()
        size = self.sizeHint()
        x = (
            anchor.x() + GAP
            if anchor.x() + GAP + size.width() <= area.right()
            else anchor.x() - GAP - size.width()
        )
        y = (
            anchor.y() + GAP
            if anchor.y() + GAP + size.height() <= area.bottom()
            else anchor.y() - GAP - size.height()
        )
        x = max(area.left(), min(x, area.right() - size.width()))
        y = max(area.top(), min(y, area.bottom() - size.height()))
        self.setGeometry(QRect(QPoint(x, y), size))
        self.show()
        self.raise_()
        field = self.label if mark.is_free else self.needles
        field.setFocus(Qt.FocusReason.PopupFocusReason)
        field.selectAll()

    def changes(self) -> dict[str, object]:
        """What the practitioner changed since the editor opened."""
        if self.mark is None:
            return {}
        label, needles = self._opened_with
        new: dict[str, object] = {}
        if self.mark.is_free and self.label.text().strip() != label:
            new["label"] = self.label.text().strip()
        if self.needles.value() != needles:
            new["needles"] = self.needles.value()
        return new

    def commit(self) -> None:
        """Store what changed and close."""
        mark, new = self.mark, self.changes()
        self.close_editor()
        if mark is not None and new:
            self.edited.emit(mark.id, new)

    def close_editor(self) -> None:
        """Close without storing anything."""
        if self.mark is None:
            return
        self.mark = None
        focus = QApplication.focusWidget()
        had_focus = focus is not None and self.isAncestorOf(focus)
        self.hide()
        self.closed.emit(had_focus)

    def follow(self, stored: Mark | None) -> None:
        """Keep up with the stored mark: close when it is gone (undone, removed); show stored values
        in the fields the practitioner has not touched."""
        if self.mark is None:
            return
        if stored is None:
            self.close_editor()
            return
        label, needles = self._opened_with
        if self.label.text().strip() == label:
            self.label.setText(stored.label)
            label = stored.label
        if self.needles.value() == needles:
            self.needles.setValue(stored.needles)
            needles = stored.needles
        self.mark, self._opened_with = stored, (label, needles)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QKeyEvent) and self.mark is not None:
            key = event.key()
            if event.type() == QEvent.Type.ShortcutOverride and key == Qt.Key.Key_Escape:
                event.accept()  # Esc closes this editor, not the chart
                return True
            if event.type() == QEvent.Type.KeyPress:
                if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                    self.commit()
                    return True
                if key == Qt.Key.Key_Escape:
                    self.close_editor()
                    return True
        return super().eventFilter(watched, event)

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        if self.mark is not None and new is not None and not self.isAncestorOf(new) and new is not self:
            self.commit()

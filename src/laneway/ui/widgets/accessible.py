"""Accessible names and descriptions: what a screen reader says of a widget.

Every widget a user can reach gets a name (what it is) and a description (what it
does, or what it holds); a test walks the windows, docks, dialogs and menus and fails
on one without, so a new widget is covered as soon as it is added.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QWidget

from laneway.i18n import N_, _


def describe(widget: QWidget, name: str, description: str) -> QWidget:
    """Give ``widget`` its accessible name and description; returns it."""
    widget.setAccessibleName(name)
    widget.setAccessibleDescription(description)
    return widget


#: What the standard buttons of a dialog do, by their role.
BUTTON_DESCRIPTIONS = {
    QDialogButtonBox.ButtonRole.AcceptRole: N_("Use what was chosen and close"),
    QDialogButtonBox.ButtonRole.RejectRole: N_("Close without changing anything"),
}


def describe_buttons(box: QDialogButtonBox) -> QDialogButtonBox:
    """Each standard button of a dialog says what it does (a button with a description
    of its own keeps it)."""
    for button in box.buttons():
        if not button.accessibleDescription():
            role = box.buttonRole(button)
            button.setAccessibleDescription(
                _(BUTTON_DESCRIPTIONS[role]) if role in BUTTON_DESCRIPTIONS else button.text()
            )
    return box

"""dialogs room: export, import summary, template gallery."""

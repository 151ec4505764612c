"""editing room: the map session (the one mediator between widgets), the undo adapter,
and the edit vocabulary: every ``document.edit`` the app makes is composed here."""

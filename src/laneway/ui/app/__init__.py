"""app room: the composition root: QApplication, settings, themes, recent maps, and the
controller that opens and closes map windows."""

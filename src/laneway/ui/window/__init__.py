"""window room: the window of one open map: its canvas view, actions and menus (built
from a table), status bar, per-map commands and presentation mode."""

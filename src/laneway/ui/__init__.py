"""ui layer: the desktop app, in rooms wired one way (ARCHITECTURE.md, "The ui in rooms").

``app`` → ``window`` → ``dialogs`` → ``panels`` → ``gestures`` → ``editing`` → ``widgets``:
a room imports only the rooms after it (an import-linter contract checks it).
"""

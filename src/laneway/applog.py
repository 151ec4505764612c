"""The log a user can send: warnings and unexpected errors, with their tracebacks.

One rotating file in the platform's log folder (``platformdirs.user_log_dir``);
``LANEWAY_LOG_DIR`` overrides the folder, as ``LANEWAY_CONFIG_DIR`` does for the
settings (tests point it at a temporary one). The command line's catch-all and the
app's excepthook write to it, Python's ``warnings`` go there too, and the app sends Qt's
own warnings. Writing the log never stops Laneway: when the folder cannot be made the
records are dropped. Qt-free, standard library and platformdirs only.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import traceback
from pathlib import Path
from types import TracebackType

import platformdirs

LOG_DIR_ENV = "LANEWAY_LOG_DIR"
LOG_NAME = "laneway.log"
#: Up to four files of 1 MB: the current one and three older ones.
MAX_BYTES, BACKUPS = 1_000_000, 3
LOGGER = "laneway"
FORMAT = "%(asctime)s %(levelname)s [%(process)d] %(name)s: %(message)s"


def log_dir() -> Path:
    override = os.environ.get(LOG_DIR_ENV)
    return Path(override) if override else Path(platformdirs.user_log_dir("laneway"))


def log_path() -> Path:
    """Where the log is written (the file may not exist until the first record)."""
    return log_dir() / LOG_NAME


def logger() -> logging.Logger:
    """The ``laneway`` logger, writing to the log file at the current ``log_path()``."""
    log = logging.getLogger(LOGGER)
    # A library's logging.config.dictConfig() disables the loggers that exist by then;
    # this log is the user's bug report, so it stays on.
    log.disabled = False
    path = log_path()
    handler = _file_handler(log)
    if handler is not None and Path(handler.baseFilename) == path.absolute():
        return log
    if handler is not None:  # the folder changed (tests): follow it
        log.removeHandler(handler)
        handler.close()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8", delay=True
        )
    except OSError:
        return log  # no log folder: Laneway carries on without one
    handler.setFormatter(logging.Formatter(FORMAT))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    log.propagate = False
    _capture_python_warnings(handler)
    return log


def _file_handler(log: logging.Logger) -> logging.handlers.RotatingFileHandler | None:
    for handler in log.handlers:
        if isinstance(handler, logging.handlers.RotatingFileHandler):
            return handler
    return None


def _capture_python_warnings(handler: logging.Handler) -> None:
    """``warnings.warn`` (deprecations, library warnings) go to the same file."""
    logging.captureWarnings(True)
    py_warnings = logging.getLogger("py.warnings")
    for old in [h for h in py_warnings.handlers if isinstance(h, type(handler))]:
        py_warnings.removeHandler(old)
    py_warnings.addHandler(handler)
    py_warnings.propagate = False


def log_warning(message: str) -> None:
    logger().warning(message)


def log_unexpected(
    kind: type[BaseException],
    error: BaseException,
    tb: TracebackType | None,
    where: str,
) -> str:
    """Write an unexpected error and its traceback to the log; return the traceback text."""
    text = "".join(traceback.format_exception(kind, error, tb))
    log = logger()
    log.error("Unexpected error in %s:\n%s", where, text.rstrip())
    for handler in log.handlers:
        handler.flush()
    return text


def logging_works() -> bool:
    """True when records reach the log file (the folder exists or could be made)."""
    return _file_handler(logger()) is not None

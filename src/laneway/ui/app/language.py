"""The app's language: the catalogue Laneway speaks, Qt's own translations, the locale.

View → Language stores "system", "en", "de" or "fr" in the settings; the choice takes
effect when Laneway starts (the windows are built in one language). "system" follows
the environment as the command line does (``LANGUAGE``, ``LC_ALL``, ``LANG``), then the
desktop's ui languages (``QLocale.system().uiLanguages()``, for Windows and macOS).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from laneway.i18n import LANGUAGES, SOURCE_LANGUAGE, set_language, system_language

#: The settings of View → Language (window/actions.py's LANGUAGE_CHOICES).
LANGUAGE_SETTINGS = ("system", *LANGUAGES)
#: Qt's catalogues for its standard dialogs and buttons (file dialog, Cancel, Yes/No).
QT_CATALOGUES = ("qtbase",)


def chosen_language(setting: str) -> str:
    """The language code a setting stands for on this machine."""
    if setting in LANGUAGES:
        return setting
    return system_language(preferred=QLocale.system().uiLanguages())


def install_language(app: QCoreApplication, setting: str) -> str:
    """Speak the language of ``setting`` from now on: Laneway's catalogue, Qt's own
    translations and the locale that formats numbers and dates. Returns its code."""
    code = set_language(chosen_language(setting))
    for translator in getattr(app, "_laneway_translators", []):
        QCoreApplication.removeTranslator(translator)
    translators = []
    if code != SOURCE_LANGUAGE:
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        for catalogue in QT_CATALOGUES:
            translator = QTranslator(app)
            if translator.load(f"{catalogue}_{code}", folder):
                QCoreApplication.installTranslator(translator)
                translators.append(translator)
    app._laneway_translators = translators  # type: ignore[attr-defined]
    # English reads day first and on a 24-hour clock, as the exports do (Babel's en_GB).
    QLocale.setDefault(QLocale("en_GB" if code == SOURCE_LANGUAGE else code))
    return code

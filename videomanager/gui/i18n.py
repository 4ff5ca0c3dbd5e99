"""Interface language: pick English or French and install the matching Qt translators.

Every user-visible string of the window and dialogs goes through ``self.tr()`` (or
``QCoreApplication.translate``), the source strings are English, and ``resources/translations/*.ts``
hold the translations. ``pyside6-lrelease`` (shipped with PySide6) compiles them to the committed
``videomanager/resources/translations/*.qm`` (a test checks they are up to date):

    pyside6-lrelease resources/translations/videomanager_fr.ts -qm videomanager/resources/translations/videomanager_fr.qm
    pyside6-lrelease resources/translations/videomanager_en.ts -qm videomanager/resources/translations/videomanager_en.qm

The English file holds only the plural forms of the messages that count something ("%n card(s)").

Qt's own strings (OK / Cancel of standard buttons, context menus) come from Qt's ``qtbase_fr.qm`` when
PySide6 ships it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

__all__ = ["available_languages", "resolve_language", "install_translator", "qm_path", "load_translator"]

# The languages the interface is translated to ("en" is the source language: no file needed).
_LANGUAGES: list[tuple[str, str]] = [("en", "English"), ("fr", "Français")]

QM_DIR = Path(__file__).resolve().parent.parent / "resources" / "translations"

# Attribute of the QCoreApplication keeping our translators alive (and removable on a re-install).
_APP_ATTR = "_videomanager_translators"


def available_languages() -> list[tuple[str, str]]:
    """(code, name in that language) of every interface language, English first."""
    return list(_LANGUAGES)


def resolve_language(ui_language: str, system_locale: QLocale | None = None) -> str:
    """The language code to use: the setting when it is one we have, else the system's, else "en"."""
    codes = {code for code, _ in _LANGUAGES}
    wanted = (ui_language or "").strip().lower().replace("-", "_").split("_")[0]
    if wanted in codes:
        return wanted
    locale = system_locale if system_locale is not None else QLocale.system()
    for name in [locale.name(), *locale.uiLanguages()]:
        code = name.lower().replace("-", "_").split("_")[0]
        if code in codes:
            return code
    return "en"


def qm_path(language: str) -> Path:
    return QM_DIR / f"videomanager_{language}.qm"


def load_translator(language: str) -> QTranslator | None:
    """A QTranslator for our own strings in ``language`` (None when nothing is found). English is the
    source language: its file holds only the plural forms ("%n card(s)" -> "1 card", "2 cards")."""
    translator = QTranslator()
    if translator.load(str(qm_path(language))):
        return translator
    return None


def _qt_translator(language: str) -> QTranslator | None:
    """Qt's own translations (standard buttons, line-edit menus), when the Qt build ships them."""
    directory = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    translator = QTranslator()
    for name in (f"qtbase_{language}", f"qt_{language}"):
        if translator.load(name, directory):
            return translator
    return None


def install_translator(app: QCoreApplication, ui_language: str) -> str:
    """Install the translators for ``ui_language`` ("" = follow the system); returns the language used.

    Calling it again replaces the previous translators (widgets built afterwards use the new language).
    """
    for old in getattr(app, _APP_ATTR, []):
        app.removeTranslator(old)
    language = resolve_language(ui_language)
    installed: list[QTranslator] = []
    ours = load_translator(language)
    if ours is None and language != "en":
        language = "en"
        ours = load_translator("en")
    if language == "en":
        if ours is not None and app.installTranslator(ours):
            installed.append(ours)
    else:
        for translator in (_qt_translator(language), ours):
            if translator is not None and app.installTranslator(translator):
                installed.append(translator)
    setattr(app, _APP_ATTR, installed)
    # Numbers, sizes and dates of a translated interface in its language (0,97 and 4,4 Go in French) unless
    # the system's locale is already of that language (fr_CA keeps its own ways); English uses the system's.
    system = QLocale.system()
    same = language == "en" or system.name().split("_")[0] == language
    QLocale.setDefault(system if same else QLocale(language))
    return language

"""Translations: the committed .qm is what pyside6-lrelease makes of the .ts, every string of the code is
translated, and install_translator() turns the interface French."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from videomanager.gui import i18n

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "videomanager_fr.ts"
LRELEASE = Path(sys.executable).with_name("pyside6-lrelease")


def test_ts_is_complete():
    root = ET.parse(TS).getroot()
    all_messages = list(root.iter("message"))
    assert len(all_messages) > 50
    unfinished = [
        m.findtext("source") for m in all_messages if m.find("translation").get("type") == "unfinished"
    ]
    assert unfinished == []


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_committed_qm_is_what_lrelease_makes_of_the_ts(tmp_path, language):
    """After editing a .ts, run: pyside6-lrelease resources/translations/videomanager_<language>.ts -qm
    videomanager/resources/translations/videomanager_<language>.qm"""
    assert LRELEASE.exists(), "pyside6-lrelease comes with PySide6-Essentials"
    ts = ROOT / "resources" / "translations" / f"videomanager_{language}.ts"
    subprocess.run([str(LRELEASE), "-silent", str(ts), "-qm", str(tmp_path / "fresh.qm")], check=True)
    assert i18n.qm_path(language).read_bytes() == (tmp_path / "fresh.qm").read_bytes(), (
        "the .qm is older than the .ts: run pyside6-lrelease (see this test's docstring)"
    )


@pytest.mark.parametrize(
    ("language", "n", "expected"),
    [("en", 1, "1 card"), ("en", 2, "2 cards"), ("en", 0, "0 cards"), ("fr", 0, "0 carte"),
     ("fr", 1, "1 carte"), ("fr", 2, "2 cartes")],
)  # fmt: skip
def test_plurals_follow_the_language(qapp, language, n, expected):
    try:
        i18n.install_translator(qapp, language)
        assert QCoreApplication.translate("MainWindow", "%n card(s)", "", n) == expected
    finally:
        i18n.install_translator(qapp, "en")


def test_the_qm_translates_to_french(qapp):
    translator = QTranslator()
    assert translator.load(str(i18n.qm_path("fr")))
    assert translator.language() == "fr_FR"
    assert translator.translate("SettingsDialog", "Validate") == "Valider"
    assert translator.translate("MatchDialog", "Unmatch") == "Dissocier"
    root = ET.parse(TS).getroot()
    for ctx in root.iter("context"):
        for m in ctx.iter("message"):
            if m.get("numerus") != "yes":
                source, comment = m.findtext("source"), m.findtext("comment")
                assert translator.translate(ctx.findtext("name"), source, comment) == m.findtext(
                    "translation"
                )


def test_install_translator_french_and_back(qapp):
    assert i18n.install_translator(qapp, "fr") == "fr"
    assert QCoreApplication.translate("SettingsDialog", "Validate") == "Valider"
    assert QCoreApplication.translate("MatchDialog", "Search TMDb") == "Rechercher sur TMDb"
    assert i18n.install_translator(qapp, "en") == "en"
    assert QCoreApplication.translate("SettingsDialog", "Validate") == "Validate"


def test_resolve_language_follows_system_locale():
    assert i18n.resolve_language("", QLocale("fr_CA")) == "fr"
    assert i18n.resolve_language("", QLocale("de_DE")) == "en"
    assert i18n.resolve_language("fr", QLocale("en_US")) == "fr"
    assert i18n.resolve_language("en", QLocale("fr_FR")) == "en"
    assert [code for code, _ in i18n.available_languages()] == ["en", "fr"]


def test_french_settings_dialog_is_translated(qtbot, qapp):
    from videomanager.core.settings import Settings
    from videomanager.gui.settings_dialog import SettingsDialog

    i18n.install_translator(qapp, "fr")
    try:
        dlg = SettingsDialog(
            Settings(), client_factory=lambda k, t: None, requests_today=lambda: 5, clear_cache=lambda: None
        )
        qtbot.addWidget(dlg)
        assert dlg.windowTitle() == "Paramètres"
        assert dlg.validate_button.text() == "Valider"
        assert "5 utilisées aujourd’hui" in dlg.usage_label.text()
    finally:
        i18n.install_translator(qapp, "en")


def source_strings() -> set[tuple[str, str]]:
    """(context, source) of every translatable string in the GUI code, read from its syntax tree:
    ``self.tr("...")`` (context: the enclosing class), ``QCoreApplication.translate("Context", "...")`` and
    its local aliases (``tr = QCoreApplication.translate``), f-strings included."""
    import ast

    found: set[tuple[str, str]] = set()
    for path in sorted((ROOT / "videomanager" / "gui").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))

        def visit(node: ast.AST, cls: str | None) -> None:
            for child in ast.iter_child_nodes(node):
                if isinstance(child, ast.ClassDef):
                    visit(child, child.name)
                    continue
                if isinstance(child, ast.Call) and child.args:
                    f, args = child.func, child.args
                    strings = [a.value if isinstance(a, ast.Constant) and isinstance(a.value, str) else None
                               for a in args[:2]]  # fmt: skip
                    if (isinstance(f, ast.Attribute) and f.attr == "tr" and isinstance(f.value, ast.Name)
                            and f.value.id == "self" and strings[0] is not None):  # fmt: skip
                        found.add((cls or "", strings[0]))
                    elif (
                        ((isinstance(f, ast.Attribute) and f.attr == "translate")
                         or (isinstance(f, ast.Name) and f.id in ("tr", "translate")))
                        and len(strings) == 2
                        and None not in strings
                    ):  # fmt: skip
                        found.add((strings[0], strings[1]))
                visit(child, cls)

        visit(tree, None)
    return found


def test_every_string_in_the_code_has_a_french_translation():
    root = ET.parse(TS).getroot()
    translated = {(ctx.findtext("name"), m.findtext("source")) for ctx in root.iter("context")
                  for m in ctx.iter("message")
                  if m.find("translation").get("type") != "unfinished"}  # fmt: skip
    in_code = source_strings()
    assert len(in_code) > 100
    assert sorted(in_code - translated) == []

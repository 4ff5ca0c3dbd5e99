"""Translations: the pure-Python .ts -> .qm compiler matches pyside6-lrelease, the build hook writes the
.qm the app loads, and install_translator() turns the interface French."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from videomanager.gui import i18n, qm_compiler

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "videomanager_fr.ts"
LRELEASE = Path(sys.executable).with_name("pyside6-lrelease")


def _messages() -> list[qm_compiler.Message]:
    return qm_compiler.read_ts(TS)[1]


def test_ts_is_complete():
    root = ET.parse(TS).getroot()
    all_messages = list(root.iter("message"))
    assert len(all_messages) > 50
    unfinished = [
        m.findtext("source") for m in all_messages if m.find("translation").get("type") == "unfinished"
    ]
    assert unfinished == []


def test_compiled_qm_translates_to_french(tmp_path, qapp):
    qm = tmp_path / "videomanager_fr.qm"
    qm_compiler.compile_ts(TS, qm)
    translator = QTranslator()
    assert translator.load(str(qm))
    assert translator.language() == "fr_FR"
    assert translator.translate("SettingsDialog", "Validate") == "Valider"
    assert translator.translate("MatchDialog", "Unmatch") == "Dissocier"
    # Every finished message of the .ts comes back as written.
    for m in _messages():
        if len(m.translations) == 1:
            assert translator.translate(m.context, m.source, m.comment or None) == m.translations[0]


@pytest.mark.skipif(not LRELEASE.exists(), reason="pyside6-lrelease not installed")
def test_same_bytes_as_lrelease(tmp_path):
    ours = qm_compiler.compile_ts(TS)
    subprocess.run([str(LRELEASE), "-silent", str(TS), "-qm", str(tmp_path / "ref.qm")], check=True)
    assert ours == (tmp_path / "ref.qm").read_bytes()


@pytest.mark.skipif(not LRELEASE.exists(), reason="pyside6-lrelease not installed")
def test_plurals_and_disambiguation_match_lrelease(tmp_path, qapp):
    ts = tmp_path / "t.ts"
    ts.write_text(
        """<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" language="fr_FR">
<context><name>C</name>
<message numerus="yes"><source>%n file(s)</source><translation>
<numerusform>%n fichier</numerusform><numerusform>%n fichiers</numerusform></translation></message>
<message><source>Open</source><comment>verb</comment><translation>Ouvrir</translation></message>
<message><source>Open</source><comment>state</comment><translation>Ouvert</translation></message>
<message><source>Close</source><comment>only one</comment><translation>Fermer</translation></message>
<message><source>Later</source><translation type="unfinished">Plus tard</translation></message>
</context></TS>""",
        encoding="utf-8",
    )
    qm_compiler.compile_ts(ts, tmp_path / "ours.qm")
    subprocess.run([str(LRELEASE), "-silent", str(ts), "-qm", str(tmp_path / "ref.qm")], check=True)
    ours, ref = QTranslator(), QTranslator()
    assert ours.load(str(tmp_path / "ours.qm")) and ref.load(str(tmp_path / "ref.qm"))
    cases = [
        ("C", "Open", "verb", -1),
        ("C", "Open", "state", -1),
        ("C", "Close", None, -1),
        ("C", "Later", None, -1),
    ]
    cases += [("C", "%n file(s)", None, n) for n in (0, 1, 2, 7)]
    for ctx, src, comment, n in cases:
        assert ours.translate(ctx, src, comment, n) == ref.translate(ctx, src, comment, n), (src, comment, n)
    assert ours.translate("C", "Open", "state") == "Ouvert"
    assert ours.translate("C", "%n file(s)", None, 1) == "%n fichier"
    assert ours.translate("C", "%n file(s)", None, 2) == "%n fichiers"


def test_build_hook_writes_the_qm_i18n_loads(tmp_path, qapp):
    spec = importlib.util.spec_from_file_location("vm_setup_under_test", ROOT / "setup.py")
    setup_module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(setup_module)  # not __main__: defines the hook without running setup()
    written = setup_module.compile_translations(tmp_path)
    expected = tmp_path / "videomanager" / "resources" / "translations" / "videomanager_fr.qm"
    assert written == [expected] and expected.is_file()
    translator = QTranslator()
    assert translator.load(str(expected))
    assert translator.translate("SettingsDialog", "Settings") == "Paramètres"


def test_install_translator_french_and_back(qapp, monkeypatch, tmp_path):
    # Force the in-memory path too: no compiled .qm next to the package.
    monkeypatch.setattr(i18n, "QM_DIR", tmp_path / "none")
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

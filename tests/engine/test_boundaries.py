"""The engine and the content model stay free of pygame, yaml and files."""
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_engine_imports_neither_pygame_nor_yaml():
    code = ("import sys; import game.engine.rules, game.engine.log, game.engine.debrief, "
            "game.sim, game.content.model; "
            "bad = [m for m in ('pygame', 'yaml', 'pygame_gui') if m in sys.modules]; "
            "print(','.join(bad)); sys.exit(1 if bad else 0)")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, f"engine imported: {done.stdout}{done.stderr}"


def test_engine_source_opens_no_files():
    for path in (ROOT / "game" / "engine").glob("*.py"):
        text = path.read_text()
        assert "open(" not in text and "import os" not in text, path.name

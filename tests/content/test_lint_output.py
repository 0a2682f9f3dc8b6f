"""validate --format pretty: grouped by file, source line and caret, hints once."""
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def write_pack(tmp_path: Path) -> Path:
    pack = tmp_path / "demo"
    (pack / "cards").mkdir(parents=True)
    example = ROOT / "scenarios" / "example"
    (pack / "pack.yaml").write_text(
        (example / "pack.yaml").read_text().replace("id: example", "id: demo"))
    (pack / "assets").mkdir()
    (pack / "assets" / "offer.png").write_bytes((example / "assets" / "offer.png").read_bytes())
    for f in (example / "cards").iterdir():
        text = f.read_text()
        if f.name == "recruitment.yaml":
            text = text.replace('title: {id: "Tawaran kerja", en: "A job offer"}',
                                'title: {id: "Tawaran kerja"}')
            text = text.replace('title: {id: "Uang di muka", en: "Money up front"}',
                                'title: {id: "Uang di muka"}')
        (pack / "cards" / f.name).write_text(text)
    return pack


def validate(*args):
    return subprocess.run([sys.executable, "run_game.py", "validate", "--lang", "en", *args],
                          cwd=ROOT,
                          capture_output=True, text=True, timeout=60)


def test_pretty_output_groups_repeats_the_line_and_gives_each_hint_once(tmp_path):
    pack = write_pack(tmp_path)
    done = validate(str(pack), "--format", "pretty")
    assert done.returncode == 1
    out = done.stdout.splitlines()
    file = str(pack / "cards" / "recruitment.yaml")
    assert f"== {file} (2 errors)" in out
    number = (pack / "cards" / "recruitment.yaml").read_text().splitlines().index(
        '  title: {id: "Tawaran kerja"}') + 1
    first = out.index(next(line for line in out
                           if line.startswith(f"{file}:{number}:10: error:")))
    assert out[first + 1] == '    |   title: {id: "Tawaran kerja"}'
    assert out[first + 2] == "    |          ^"
    assert sum(line.strip().startswith("hint: every text needs") for line in out) == 1
    assert f"{pack}: languages: id 100% (100/100), en 98% (98/100)" in out
    assert "2 errors, 0 warnings" in done.stderr


def test_lines_format_stays_one_line_per_problem(tmp_path):
    pack = write_pack(tmp_path)
    done = validate(str(pack), "--format", "lines")
    lines = done.stdout.splitlines()
    assert len(lines) == 2 and all(": error: " in line for line in lines)
    assert validate(str(pack)).stdout == done.stdout   # not a terminal: lines by default

"""Standalone app benchmark: start-up of the bundled app against the installed game.

    bash .ci/build-app                        # builds dist/travellers-dream/
    python tests/benchmarks/bench_app.py [--runs 7] [--app PATH] [--installed CMD]

Both start to the title screen and exit (`--frames 1`, headless, 1280x720),
alternately, in the same run; the figures are wall-clock time from starting the
process to its exit, best of N, and the ratio app / installed; on Linux and
macOS also the CPU time (user + system) the process took, which a busy machine
disturbs less. The installed
game is the `travellers-dream` script beside this Python (a venv's bin/ or
Scripts/), or `python run_game.py` when there is none. Each is started once
before timing, as on a trainer's laptop from the second start on (bytecode
cached, files in the disk cache). Also printed: the app folder's size (the
target is under 200 MB).

It prints; it is not a test (exit code 1 only when the app or the game does
not start).
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

try:
    import resource
except ImportError:      # Windows: wall-clock time only
    resource = None

ROOT = Path(__file__).resolve().parents[2]
NAME = "travellers-dream"
EXE = NAME + (".exe" if os.name == "nt" else "")
ARGS = ["--frames", "1", "--size", "1280x720", "--mute"]


def default_app() -> Path:
    return ROOT / "dist" / NAME / EXE


def default_installed() -> list[str]:
    script = shutil.which(NAME, path=str(Path(sys.executable).parent))
    if script:
        return [script]
    return [sys.executable, str(ROOT / "run_game.py")]


def environment(home: Path) -> dict:
    """Headless, with a home of its own: no saves or settings of the user's."""
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy",
               PYGAME_HIDE_SUPPORT_PROMPT="1", HOME=str(home), USERPROFILE=str(home),
               APPDATA=str(home / "AppData" / "Roaming"),
               LOCALAPPDATA=str(home / "AppData" / "Local"),
               XDG_DATA_HOME=str(home / "data"), XDG_CONFIG_HOME=str(home / "config"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _children_cpu() -> float:
    if resource is None:
        return float("nan")
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def once(cmd: list[str], env: dict, save_dir: Path) -> tuple[float, float]:
    """(wall, CPU) seconds from starting `cmd` (to the title screen, one frame) to its exit."""
    cpu = _children_cpu()
    start = time.perf_counter()
    done = subprocess.run(cmd + ARGS + ["--save-dir", str(save_dir)], env=env, cwd=save_dir,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    took = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} exited {done.returncode}:\n{done.stderr[-2000:]}")
    return took, _children_cpu() - cpu


def folder_mb(folder: Path) -> float:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file()) / 2**20


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--runs", type=int, default=7, help="timed starts of each (best of N)")
    p.add_argument("--app", type=Path, default=default_app(),
                   help=f"the bundled app's executable (default: dist/{NAME}/{EXE})")
    p.add_argument("--installed", nargs="+", metavar="CMD", default=default_installed(),
                   help="the installed game's command (default: travellers-dream "
                        "beside this Python, else python run_game.py)")
    args = p.parse_args()
    if not args.app.is_file():
        print(f"no app at {args.app}: build it first with: bash .ci/build-app", file=sys.stderr)
        return 1
    app = [str(args.app)]
    with tempfile.TemporaryDirectory(prefix="td-bench-app-") as tmp:
        tmp = Path(tmp)
        env = environment(tmp / "home")
        saves = {"app": tmp / "app", "installed": tmp / "installed"}
        for folder in saves.values():
            folder.mkdir()
        commands = {"app": app, "installed": args.installed}
        for key, cmd in commands.items():              # warm-up, not timed
            once(cmd, env, saves[key])
        times: dict[str, list[tuple[float, float]]] = {"app": [], "installed": []}
        for _ in range(args.runs):                     # alternated
            for key, cmd in commands.items():
                times[key].append(once(cmd, env, saves[key]))
    labels = {"app": f"bundled app  {args.app}",
              "installed": f"installed    {' '.join(args.installed)}"}
    print(f"start-up to the title screen (--frames 1), best of {args.runs} (median):")
    best = {}
    for key, runs in times.items():
        wall = sorted(w for w, _ in runs)
        cpu = sorted(c for _, c in runs)
        best[key] = wall[0], cpu[0]
        print(f"  {labels[key]}\n"
              f"      wall {wall[0] * 1000:6.0f} ms ({wall[len(wall) // 2] * 1000:.0f})"
              f"   CPU {cpu[0] * 1000:6.0f} ms ({cpu[len(cpu) // 2] * 1000:.0f})")
    print(f"  ratio app / installed: wall {best['app'][0] / best['installed'][0]:.2f}"
          f", CPU {best['app'][1] / best['installed'][1]:.2f}")
    print(f"app folder: {folder_mb(args.app.parent):.1f} MB (target: under 200 MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

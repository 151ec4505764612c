"""Build the frozen one-folder app for this OS and run its self-test.

    pip install ".[packaging]"                   # in a fresh venv, not editable
    python packaging/build_app.py [--dist DIR] [--work DIR] [--no-self-test]

Runs PyInstaller on packaging/pyinstaller/laneway.spec, then the built app's
``--self-test`` (every template opened, analysed and exported headless), and prints the
build time, the folder's size and the self-test's time. Exits non-zero when either fails.
The installers (packaging/README.md) are made from the folder this leaves in DIST.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SPEC = HERE / "pyinstaller" / "laneway.spec"


def frozen_folder(dist: Path) -> Path:
    """Where the spec puts the app for this OS."""
    if sys.platform == "darwin":
        return dist / "Laneway.app"
    return dist / ("Laneway" if sys.platform == "win32" else "laneway")


def frozen_command(dist: Path) -> Path:
    """The executable that runs commands (and --self-test) with a console."""
    if sys.platform == "darwin":
        return dist / "Laneway.app" / "Contents" / "MacOS" / "Laneway"
    if sys.platform == "win32":
        return dist / "Laneway" / "laneway-cli.exe"
    return dist / "laneway" / "laneway"


def folder_size(folder: Path) -> tuple[int, int]:
    """Bytes and files under ``folder`` (symbolic links not followed)."""
    files = [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]
    return sum(p.stat().st_size for p in files), len(files)


def unfreezable_install() -> str | None:
    """Why this environment cannot freeze Laneway, or None when it can."""
    from importlib import metadata, util

    if util.find_spec("PyInstaller") is None:
        return "PyInstaller is not installed: pip install '.[packaging]'"
    try:
        distribution = metadata.distribution("laneway")
    except metadata.PackageNotFoundError:
        return "Laneway is not installed: pip install '.[packaging]'"
    direct_url = json.loads(distribution.read_text("direct_url.json") or "{}")
    if direct_url.get("dir_info", {}).get("editable"):
        return (
            "Laneway is installed in editable mode (pip install -e), which PyInstaller cannot "
            "follow; in a fresh venv run pip install '.[packaging]'"
        )
    return None


def build(dist: Path, work: Path) -> float:
    """Run PyInstaller; the seconds it took."""
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN"]
        + ["--distpath", str(dist), "--workpath", str(work), str(SPEC)],
        check=True,
        cwd=work.parent,  # not the checkout: its folders must not shadow installed modules
    )
    return time.perf_counter() - started


def self_test(command: Path) -> float:
    """Run the frozen app's --self-test; the seconds it took."""
    env = dict(os.environ)
    if sys.platform.startswith("linux") and not env.get("DISPLAY"):
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
    started = time.perf_counter()
    subprocess.run([str(command), "--self-test"], check=True, env=env, timeout=300)
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=HERE.parent / "dist", help="output folder")
    parser.add_argument("--work", type=Path, default=HERE.parent / "build" / "pyinstaller")
    parser.add_argument("--no-self-test", action="store_true", help="only build")
    args = parser.parse_args(argv)
    problem = unfreezable_install()
    if problem:
        print(f"build_app: {problem}.", file=sys.stderr)
        return 2
    dist, work = args.dist.resolve(), args.work.resolve()
    work.mkdir(parents=True, exist_ok=True)
    try:
        seconds = build(dist, work)
        size, files = folder_size(frozen_folder(dist))
        print(f"build: {seconds:.1f} s")
        print(f"size: {size / 1e6:.1f} MB in {files} files ({frozen_folder(dist)})")
        if not args.no_self_test:
            print(f"self-test: {self_test(frozen_command(dist)):.1f} s")
    except subprocess.CalledProcessError as failure:
        print(f"build_app: {Path(failure.cmd[0]).name} failed (exit {failure.returncode})")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

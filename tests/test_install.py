"""A plain, non-editable `pip install .` finds the bundled corpus and templates."""

from __future__ import annotations

import os
import site
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_wheel_installed_in_a_fresh_venv_validates_its_bundled_corpus(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
         "-w", str(dist), str(ROOT)],
        check=True, capture_output=True,
    )
    [wheel] = dist.glob("counterbrief-*.whl")

    target = tmp_path / "venv"
    venv.create(target, with_pip=False)
    bin_dir = target / "bin"
    py = bin_dir / "python"
    purelib = subprocess.run(
        [str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True, capture_output=True, text=True,
    ).stdout.strip()
    # The wheel goes in for real; its dependencies are borrowed from the test environment
    # (a path entry, so the checkout's editable-install hook there is not run).
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", purelib,
         str(wheel)],
        check=True, capture_output=True,
    )
    deps = [p for p in site.getsitepackages() if p != purelib]
    (Path(purelib) / "_test_deps.pth").write_text("\n".join(deps) + "\n")

    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "ASSISTANT_CORPUS")}
    where = subprocess.run(
        [str(py), "-c", "from assistant.paths import bundled_corpus_dir, bundled_templates_dir;"
         "print(bundled_corpus_dir()); print(bundled_templates_dir())"],
        check=True, capture_output=True, text=True, cwd=tmp_path, env=env,
    ).stdout.split()
    assert all(Path(p).is_relative_to(purelib) and Path(p).is_dir() for p in where), where

    result = subprocess.run(
        [str(py), "-m", "assistant", "corpus", "validate"],
        capture_output=True, text=True, cwd=tmp_path, env=env,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("corpus valid:")

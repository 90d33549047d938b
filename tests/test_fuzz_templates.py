"""Fuzz: any template file (front matter and body) renders or is refused as a
TemplateError naming the file, within its time limit."""

from __future__ import annotations

import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from assistant.compose import TemplateError, UnknownId
from assistant.paths import bundled_templates_dir
from assistant.render import TemplateLibrary

from .fuzz_strategies import template_text

FUZZ = settings(max_examples=150, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module")
def folder() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as name:
        target = Path(name) / "templates"
        shutil.copytree(bundled_templates_dir(), target)
        yield target


@FUZZ
@given(text=template_text())
def test_any_template_renders_or_is_refused_naming_its_file(folder: Path, text: str) -> None:
    path = folder / "t.md.j2"
    path.write_bytes(text.encode("utf-8", "surrogateescape"))
    library = TemplateLibrary(folder, time_limit=0.2)
    started = time.monotonic()
    try:
        library.info("t")
        library.render("t.md.j2", {"n": 3})
    except TemplateError as exc:
        assert exc.file.endswith(".md.j2"), exc
        assert exc.message
    except UnknownId as exc:  # a header that names another id
        assert exc.kind == "template"
    assert time.monotonic() - started < 3

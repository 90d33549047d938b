"""`python -m bench` names a measure that fails, and still reports the others."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

import bench.__main__ as bench_main
from assistant.compose.errors import ChoiceRefused
from bench import corpus_metrics
from bench.timing import Metric


def test_a_failing_measure_is_named_in_one_line_and_the_others_are_still_reported(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.setattr(bench_main, "_corpora", lambda folder, say: {
        name: tmp_path / name for name in bench_main.SIZES})

    def refused(roots: object, runs: int) -> list[Metric]:
        raise ChoiceRefused("template policy-brief is written for policymakers, not "
                            "young-people")

    monkeypatch.setattr(corpus_metrics, "briefs", refused)
    monkeypatch.setattr(corpus_metrics, "docx", lambda runs: Metric(
        "docx_export", "DOCX export", 10.0, 5.0, "python-docx", 150.0, "ms"))
    status = bench_main.main(["--only", "briefs", "--only", "docx", "--runs", "1"])
    out, err = capsys.readouterr()
    assert status == 1
    assert "briefs: could not be measured: ChoiceRefused: template policy-brief is written " \
           "for policymakers, not young-people" in out
    assert "docx_export" in out
    assert "Traceback" not in out + err

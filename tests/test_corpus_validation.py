"""`assistant corpus validate`: every problem, each naming its file and line."""

from __future__ import annotations

import json
import textwrap
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from assistant.cli import cli
from assistant.corpus import validate_corpus

TODAY = date(2026, 1, 1)

# A small valid corpus; each malformed case below changes one file of it.
VALID = {
    "sources.yaml": """\
        sources:
          - id: nyt
            outlet: The New York Times
            title: ISIS Defectors Reveal Disillusionment
            published: 2015-09-20
          - id: npr
            outlet: NPR
            title: Interview with a Syrian fighter
            published: 2014
            kind: broadcast
        """,
    "speakers.yaml": """\
        speakers:
          - id: syrian-fighter
            label: 26-year-old Syrian fighter
            role: defector
            identity: {public: none, age: 26}
        """,
    "themes.yaml": """\
        themes:
          - id: harsh-life
            title: Life under IS is harsh
            claim: Life under IS is harsh and disappointing.
            summary: Defectors describe fear and disappointment.
            related_facts: [f-defectors]
        """,
    "facts.yaml": """\
        facts:
          - id: f-defectors
            statement: Defectors who went public
            value: 58
            sources:
              - {source: nyt, figure: "58", value: 58}
        """,
    "quotes.yaml": """\
        quotes:
          - id: q-001
            text: "ISIS wants to kill everyone who says no"
            speaker: syrian-fighter
            sources: [{source: nyt, via: npr}]
            themes: [{theme: harsh-life, strength: 3}]
        """,
    "audiences.yaml": """\
        audiences:
          - id: policymakers
            name: Policymakers
            description: Officials and advisers
            tone: Measured
            reading_ease: 30
            word_limit: 900
            messengers: [report, expert]
            messenger_guidance: Lead with the report.
            call_to_action: Remove legal disincentives.
        """,
}


def write_corpus(root: Path, changes: dict[str, str] | None = None) -> Path:
    files = {**VALID, **(changes or {})}
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root


def problems_in(root: Path) -> list[str]:
    _, problems = validate_corpus(root, today=TODAY)
    return [f"{Path(p.file).name}:{p.line}: {p.message}" for p in problems]


def test_the_small_valid_corpus_has_no_problems(tmp_path: Path) -> None:
    assert problems_in(write_corpus(tmp_path)) == []


MALFORMED = [
    pytest.param(
        {"quotes.yaml": 'quotes:\n  - id: q-001\n    text: "unterminated\n'},
        "quotes.yaml:4: YAML syntax: the file ends here (while scanning a quoted scalar that starts on line 3)",
        id="yaml-syntax-error",
    ),
    pytest.param(
        {"speakers.yaml": VALID["speakers.yaml"].replace("role: defector", "role: defector\n            lable: x")},
        "speakers.yaml:5: speaker syrian-fighter: unknown key 'lable' (did you mean 'label'?)",
        id="unknown-key",
    ),
    pytest.param(
        {"facts.yaml": VALID["facts.yaml"].replace("value: 58\n", "value: [58]\n", 1)},
        "facts.yaml:4: fact f-defectors, value",
        id="wrong-type",
    ),
    pytest.param(
        {"zz-more.yaml": "quotes:\n  - id: q-001\n    text: again\n    speaker: syrian-fighter\n    sources: [{source: nyt}]\n"},
        "zz-more.yaml:2: duplicate quote id 'q-001' (first defined at",
        id="duplicate-id",
    ),
    pytest.param(
        {"quotes.yaml": VALID["quotes.yaml"].replace("speaker: syrian-fighter", "speaker: syrian-figther")},
        "quotes.yaml:2: quote q-001: speaker 'syrian-figther' is not defined (did you mean 'syrian-fighter'?)",
        id="missing-speaker",
    ),
    pytest.param(
        {"quotes.yaml": VALID["quotes.yaml"].replace("via: npr", "via: cbs")},
        "quotes.yaml:2: quote q-001: via source 'cbs' is not defined",
        id="missing-via-source",
    ),
    pytest.param(
        {"quotes.yaml": VALID["quotes.yaml"].replace("theme: harsh-life", "theme: harsh")},
        "quotes.yaml:2: quote q-001: theme 'harsh' is not defined (did you mean 'harsh-life'?)",
        id="missing-theme",
    ),
    pytest.param(
        {"themes.yaml": VALID["themes.yaml"].replace("[f-defectors]", "[f-women]")},
        "themes.yaml:2: theme harsh-life: related fact 'f-women' is not defined",
        id="missing-fact",
    ),
    pytest.param(
        {"quotes.yaml": VALID["quotes.yaml"].replace('"ISIS wants to kill everyone who says no"', '"   "')},
        "quotes.yaml:2: quote q-001: text is empty",
        id="empty-quote",
    ),
    pytest.param(
        {"sources.yaml": VALID["sources.yaml"].replace("2015-09-20", "2027-03-01")},
        "sources.yaml:2: source nyt: published date 2027-03-01 is in the future",
        id="future-date",
    ),
    pytest.param(
        {"facts.yaml": VALID["facts.yaml"].rstrip(" ") + '              - {source: npr, figure: "more than 60", value: 60}\n'},
        "facts.yaml:2: fact f-defectors: sources disagree (nyt: 58; npr: more than 60) but there is no conflict_note",
        id="disagreement-without-note",
    ),
    pytest.param(
        {"speakers.yaml": VALID["speakers.yaml"].replace("role: defector", "role: fighter")},
        "speakers.yaml:4: speaker syrian-fighter, role: Input should be",
        id="unknown-role",
    ),
    pytest.param(
        {"sources.yaml": VALID["sources.yaml"].replace("published: 2014", "published: 2014-13")},
        "sources.yaml:9: source npr, published: '2014-13' is not a real date",
        id="impossible-date",
    ),
    pytest.param(
        {"extra.yaml": "qoutes:\n  - id: q-9\n"},
        "extra.yaml:1: unknown section 'qoutes' (did you mean 'quotes'?)",
        id="unknown-section",
    ),
    pytest.param(
        {"speakers.yaml": "speakers:\n  - id: a\n    id: b\n"},
        "speakers.yaml:3: duplicate key 'id' (first given on line 2)",
        id="duplicate-key",
    ),
    pytest.param(
        {"quotes.yaml": VALID["quotes.yaml"].replace("            sources: [{source: nyt, via: npr}]\n", "")},
        "quotes.yaml:2: quote q-001, sources: missing required key",
        id="missing-required",
    ),
    pytest.param(
        {"list.yaml": "- just\n- a list\n"},
        "list.yaml:1: a corpus file must be a mapping",
        id="top-level-list",
    ),
]


@pytest.mark.parametrize(("changes", "expected"), MALFORMED)
def test_a_malformed_corpus_names_the_file_line_and_problem(
    tmp_path: Path, changes: dict[str, str], expected: str
) -> None:
    problems = problems_in(write_corpus(tmp_path, changes))
    assert any(p.startswith(expected) for p in problems), problems


def test_every_problem_is_reported_in_one_pass(tmp_path: Path) -> None:
    root = write_corpus(tmp_path, {
        "quotes.yaml": VALID["quotes.yaml"].replace("speaker: syrian-fighter", "speaker: nobody"),
        "themes.yaml": VALID["themes.yaml"].replace("[f-defectors]", "[f-none]"),
        "broken.yaml": "sources: [",
    })
    problems = problems_in(root)
    assert len(problems) == 3
    assert [p.split(":")[0] for p in problems] == ["broken.yaml", "quotes.yaml", "themes.yaml"]


def test_validate_command_exits_1_and_prints_file_line_without_traceback(tmp_path: Path) -> None:
    root = write_corpus(tmp_path, {"quotes.yaml": "quotes: [\n"})
    result = CliRunner().invoke(cli, ["corpus", "validate", "--corpus", str(root)])
    assert result.exit_code == 1
    assert "quotes.yaml:2: YAML syntax" in result.output
    assert "Traceback" not in result.output


def test_validate_json_lists_problems_with_file_and_line(tmp_path: Path) -> None:
    root = write_corpus(tmp_path, {"quotes.yaml": VALID["quotes.yaml"].replace("q-001", "Q 1")})
    result = CliRunner().invoke(cli, ["corpus", "validate", "--corpus", str(root), "--json"])
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["valid"] is False
    [problem] = report["problems"]
    assert problem["line"] == 2
    assert problem["file"].endswith("quotes.yaml")
    assert "String should match pattern" in problem["message"]


def test_a_missing_corpus_directory_is_a_usage_error_naming_it(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["corpus", "validate", "--corpus", str(tmp_path / "nope")])
    assert result.exit_code == 2
    assert "nope: corpus directory not found" in result.output


def test_a_file_that_is_not_utf8_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    root = write_corpus(tmp_path)
    (root / "latin1.yaml").write_bytes("quotes:\n  - text: caf\xe9\n".encode("latin-1"))
    assert problems_in(root) == ["latin1.yaml:2: not UTF-8 text (byte 21)"]


def test_commands_that_need_the_corpus_refuse_a_broken_one(tmp_path: Path) -> None:
    root = write_corpus(tmp_path, {"quotes.yaml": "quotes: ["})
    result = CliRunner().invoke(cli, ["--corpus", str(root), "themes"])
    assert result.exit_code == 1
    assert "quotes.yaml:1: YAML syntax" in result.output  # the file has one line

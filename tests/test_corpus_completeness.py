"""`corpus validate` reports every problem in one run, in the curator's words, and warns
about what a valid corpus may still get wrong."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from assistant.cli import cli
from assistant.corpus.advice import curator_warnings
from tests.test_corpus_validation import VALID, problems_in, write_corpus


def test_four_planted_errors_are_all_reported_at_once(tmp_path: Path) -> None:
    quotes = (VALID["quotes.yaml"]
              .replace("speaker: syrian-fighter", "speaker: nobody\n            lable: x")
              .replace("theme: harsh-life", "theme: harsh-lif"))
    root = write_corpus(tmp_path, {
        "quotes.yaml": quotes,
        "facts.yaml": VALID["facts.yaml"].replace("value: 58\n", "value: [58]\n", 1),
    })
    problems = problems_in(root)
    assert len(problems) == 4, problems
    text = "\n".join(problems)
    assert "unknown key 'lable'" in text
    assert "speaker 'nobody' is not defined (known speakers: syrian-fighter)" in text
    assert "theme 'harsh-lif' is not defined (did you mean 'harsh-life'?)" in text
    assert "fact f-defectors, value" in text


def test_a_syntax_error_in_one_file_does_not_hide_references_in_others(tmp_path: Path) -> None:
    root = write_corpus(tmp_path, {
        "speakers.yaml": VALID["speakers.yaml"].rstrip(" ") + "            label: [unclosed\n",
        "themes.yaml": VALID["themes.yaml"].replace("[f-defectors]", "[f-nowhere]"),
    })
    problems = problems_in(root)
    assert any(p.startswith("speakers.yaml") and "YAML syntax" in p for p in problems)
    assert any("related fact 'f-nowhere' is not defined" in p for p in problems)
    # the speaker defined in the unreadable file is not reported a second time
    assert not any("syrian-fighter' is not defined" in p for p in problems), problems


def test_messages_speak_of_mappings_not_model_classes(tmp_path: Path) -> None:
    root = write_corpus(tmp_path, {"quotes.yaml": VALID["quotes.yaml"].replace(
        "sources: [{source: nyt, via: npr}]", "sources: [nyt]")})
    problems = problems_in(root)
    assert any("sources.0: should be a mapping with keys such as source, via" in p
               for p in problems), problems
    assert not any("instance of" in p for p in problems)


def test_a_deleted_source_gets_no_unrelated_suggestion(tmp_path: Path) -> None:
    root = write_corpus(tmp_path, {"quotes.yaml": VALID["quotes.yaml"].replace(
        "via: npr", "via: cbs-ibrahim")})
    problems = [p for p in problems_in(root) if "cbs-ibrahim" in p]
    assert problems and "did you mean" not in problems[0]
    assert "known sources: npr, nyt" in problems[0]


def test_curator_warnings_name_what_no_brief_will_use(tmp_path: Path) -> None:
    root = write_corpus(tmp_path, {
        "quotes.yaml": VALID["quotes.yaml"].rstrip(" ") + """\
          - id: q-002
            text: "ISIS wants to kill everyone who says no."
            speaker: syrian-fighter
            sources: [{source: nyt}]
        """,
        "speakers.yaml": VALID["speakers.yaml"].rstrip(" ") + """\
          - id: unused-expert
            label: an expert nobody quotes
            role: expert
        """,
    })
    from assistant.corpus import validate_corpus

    corpus, problems = validate_corpus(root)
    assert problems == []
    warnings = [w.message for w in curator_warnings(corpus)]
    assert "quote q-002: linked to no theme, so no brief will use it" in warnings
    assert "speaker unused-expert: no quote is by this speaker" in warnings
    assert any(w.startswith("quote q-002: the same quotation as q-001") for w in warnings)


def test_strict_validation_turns_warnings_into_errors(tmp_path: Path) -> None:
    root = write_corpus(tmp_path, {"themes.yaml": VALID["themes.yaml"].rstrip(" ") + """\
          - id: empty-theme
            title: Nothing yet
            claim: A claim.
            summary: A summary.
        """})
    runner = CliRunner()
    relaxed = runner.invoke(cli, ["--corpus", str(root), "corpus", "validate", "--json"])
    assert relaxed.exit_code == 0
    assert any("empty-theme: no quote is linked" in w["message"]
               for w in json.loads(relaxed.output)["warnings"])
    strict = runner.invoke(cli, ["--corpus", str(root), "corpus", "validate", "--strict"])
    assert strict.exit_code == 1
    assert "theme empty-theme: no quote is linked to this theme" in strict.output


def test_an_invalid_corpus_ends_with_the_count_and_no_warnings(tmp_path: Path) -> None:
    root = write_corpus(tmp_path, {"quotes.yaml": VALID["quotes.yaml"].replace(
        "speaker: syrian-fighter", "speaker: nobody")})
    result = CliRunner().invoke(cli, ["--corpus", str(root), "corpus", "validate"])
    assert result.exit_code == 1
    assert result.output.rstrip().endswith(f"1 problem(s) in {root}")
    assert "warning" not in result.output

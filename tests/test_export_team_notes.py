"""The team notes end with what the checks found in this brief (counts by severity, each
error and warning once), in every format; the audience's part never carries it. The
document language is the corpus's, unless a setting says otherwise."""

from __future__ import annotations

import io
import re
import shutil
import textwrap
from datetime import UTC, datetime
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner, Result
from docx.oxml.ns import qn

from assistant.checks.findings import Finding, Severity
from assistant.cli import cli
from assistant.compose.parts import FINDINGS_HEADING, TEAM_HEADING
from assistant.corpus import CorpusError, load_corpus
from assistant.render import render_markdown
from assistant.render.export import Document, ExportOptions, ExportRefused, export_bytes

from .compose_helpers import MINI, brief, library

AT = datetime(2026, 3, 3, 9, 30, tzinfo=UTC)
AMAQ = "names an Islamic State media outlet: 'Amaq'"
FINDINGS = [
    Finding("amplification", Severity.warning, AMAQ, line=40),
    Finding("amplification", Severity.warning, AMAQ, line=44),  # the same, said again
    Finding("tone", Severity.warning, AMAQ, line=44),  # the same words from another check
    Finding("citations", Severity.error, "quote 2 has no citation", line=12),
    Finding("audience-fit", Severity.info, "no audience was given: fit not checked"),
]


def document(findings: list[Finding] | None = FINDINGS, language: str = "") -> Document:
    b = brief(template="talking-points")
    return Document(markdown=render_markdown(b, library()), status="DRAFT",
                    fingerprint=b.fingerprint, language=language, findings=findings)


def exported(fmt: str, part: str = "all", doc: Document | None = None, **options: str) -> str:
    data = export_bytes(doc or document(), fmt,
                        ExportOptions(part=part, now=AT, **options))  # type: ignore[arg-type]
    if fmt != "docx":
        return data.decode()
    return "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)


@pytest.mark.parametrize("fmt", ["md", "html", "docx"])
def test_team_notes_end_with_the_findings_counted_and_each_message_once(fmt: str) -> None:
    for part in ("all", "team"):
        text = exported(fmt, part)
        summary = text[text.index(FINDINGS_HEADING):]
        assert text.index(TEAM_HEADING) < text.index(FINDINGS_HEADING)
        assert "Campaign frame" not in summary  # nothing of the notes comes after it
        assert "1 error, 3 warnings and 1 note" in summary
        assert summary.count("media outlet") == 1 and "‘Amaq’" in summary
        assert summary.index("quote 2 has no citation") < summary.index("media outlet")
        assert "fit not checked" not in summary  # information is counted, not listed


@pytest.mark.parametrize("fmt", ["md", "html", "docx"])
def test_the_audience_part_never_shows_the_findings(fmt: str) -> None:
    text = exported(fmt, "audience")
    assert FINDINGS_HEADING not in text and "Amaq" not in text and "no citation" not in text


def test_a_brief_the_checks_passed_says_so_and_one_never_checked_says_nothing() -> None:
    assert "The checks found nothing to correct in this brief." in exported(
        "md", doc=document([]))
    assert FINDINGS_HEADING not in exported("md", doc=document(None))


def test_a_brief_without_team_notes_still_gets_the_findings_under_the_team_heading() -> None:
    plain = Document(markdown="# A brief\n\nDRAFT\n\n## Point\n\nOne line.\n", status="DRAFT",
                     fingerprint="f", findings=FINDINGS)
    text = exported("md", "all", plain)
    assert text.index("One line.") < text.index(f"# {TEAM_HEADING}") < text.index(
        FINDINGS_HEADING)
    assert "has no team notes" not in text


def brief_cli(*args: str) -> Result:
    return CliRunner().invoke(cli, ["brief", "--theme", "harsh-life", "--audience",
                                    "policymakers", "--template", "talking-points", *args],
                              catch_exceptions=False)


def test_the_cli_summarises_the_findings_it_reports_and_a_corrected_file_checks_clean(
        tmp_path: Path) -> None:
    target = tmp_path / "brief.md"
    result = brief_cli("--frame", "media=Replies under Amaq posts", "--frame",
                       "message=Most defectors were brainwashed; their words show it",
                       "-o", str(target))
    assert result.exit_code == 0, result.output
    reported = [line for line in result.stderr.splitlines() if " warning [" in line]
    text = target.read_text(encoding="utf-8")
    summary = text[text.index(f"## {FINDINGS_HEADING}"):]
    count = f"{len(reported)} warnings"
    assert len(reported) == 2 and f"The checks found {count} in this brief." in summary
    assert summary.count("‘Amaq’") == 1 and summary.count("‘brainwashed’") == 1
    # The communicator corrects the file by hand. The summary still quotes the checks'
    # words: checking the corrected file does not hold them against it.
    fixed = text.replace("under Amaq posts", "under the group's posts").replace(
        "were brainwashed", "were deceived")
    target.write_text(fixed, encoding="utf-8")
    again = CliRunner().invoke(cli, ["check", str(target), "--audience", "policymakers"])
    assert again.exit_code == 0 and "0 errors, 0 warnings" in again.output, again.output


def test_an_approved_draft_exports_its_findings_in_the_team_notes(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path}/review.sqlite3"

    def run(user: str, *args: str) -> Result:
        return CliRunner().invoke(cli, ["--db", db, "--user", user, *args],
                                  catch_exceptions=False)

    assert run("alice", "db", "init", "--admin", "alice").exit_code == 0
    assert run("alice", "users", "add", "bob", "--role", "reviewer").exit_code == 0
    draft = run("alice", "draft", "new", "--theme", "harsh-life", "--audience",
                "journalists", "--template", "talking-points").stdout.strip()
    assert run("alice", "review", "submit", draft).exit_code == 0
    assert run("bob", "review", "approve", draft, "--comment", "OK to send").exit_code == 0
    team = run("carol", "draft", "export", draft, "--part", "team")
    assert team.exit_code == 0, team.output
    assert team.stdout.rstrip().rsplit("\n## ", 1)[-1].startswith(FINDINGS_HEADING)
    audience = run("carol", "draft", "export", draft, "--part", "audience")
    assert FINDINGS_HEADING not in audience.stdout


# --- the document language ---------------------------------------------------------------

def corpus_with(tmp_path: Path, **files: str) -> Path:
    root = tmp_path / "corpus"
    shutil.copytree(MINI, root)
    for name, text in files.items():
        (root / name).write_text(textwrap.dedent(text), encoding="utf-8")
    return root


def word_languages(data: bytes) -> set[str]:
    document = docx.Document(io.BytesIO(data))
    return {e.get(qn("w:val")) for e in document.styles.element.iter(qn("w:lang"))} | {
        document.core_properties.language}


def test_the_bundled_corpus_is_british_english() -> None:
    assert load_corpus().language == "en-GB"


def test_a_corpus_language_reaches_word_and_html_and_the_setting_overrides_it() -> None:
    french = document(language="fr-CA")
    assert word_languages(export_bytes(french, "docx", ExportOptions(now=AT))) == {"fr-CA"}
    html = export_bytes(french, "html", ExportOptions(now=AT)).decode()
    assert re.search(r'<html lang="fr-CA">', html)
    overridden = export_bytes(french, "docx", ExportOptions(now=AT, language="de-CH"))
    assert word_languages(overridden) == {"de-CH"}
    assert word_languages(export_bytes(document(language=""), "docx",
                                       ExportOptions(now=AT))) == {"en-GB"}


def test_brief_takes_the_language_of_the_corpus_it_was_composed_from(tmp_path: Path) -> None:
    root = corpus_with(tmp_path, **{"corpus.yaml": "language: pt-BR\n"})
    args = ["--corpus", str(root), "brief", "--theme", "harsh-life", "--audience",
            "young-people", "--format", "html"]
    page = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert page.exit_code == 0, page.output
    assert '<html lang="pt-BR">' in page.stdout
    told = CliRunner().invoke(cli, [*args, "--language", "es"], catch_exceptions=False)
    assert '<html lang="es">' in told.stdout
    env = CliRunner().invoke(cli, args, env={"ASSISTANT_LANGUAGE": "it"},
                             catch_exceptions=False)
    assert '<html lang="it">' in env.stdout


@pytest.mark.parametrize(("text", "message"), [
    ("language: English please\n", "corpus.yaml:1: language must be a language tag such as "
                                   "en-GB or fr, not 'English please'"),
    ("language: 12\n", "corpus.yaml:1: language must be a language tag"),
    ("language: [en-GB]\n", "corpus.yaml:1: language must be a language tag"),
    ("# set here\n\nlanguage: en-GB-\n", "corpus.yaml:3: language must be a language tag"),
])
def test_a_corpus_language_that_is_not_a_tag_is_refused_with_its_file_and_line(
        tmp_path: Path, text: str, message: str) -> None:
    root = corpus_with(tmp_path, **{"corpus.yaml": text})
    with pytest.raises(CorpusError) as caught:
        load_corpus(root)
    assert any(str(p).endswith(message) or message in str(p) for p in caught.value.problems), \
        caught.value.problems


def test_a_corpus_language_set_in_two_files_names_both(tmp_path: Path) -> None:
    root = corpus_with(tmp_path, **{"a-corpus.yaml": "language: en-GB\n",
                                    "b-corpus.yaml": "# again\nlanguage: en-US\n"})
    for _ in range(2):  # the second load reads the files from the corpus cache
        with pytest.raises(CorpusError) as caught:
            load_corpus(root)
        problems = [str(p) for p in caught.value.problems]
        assert len(problems) == 1
        assert re.search(r"b-corpus\.yaml:2: the corpus language is set twice \(first at "
                         r".*a-corpus\.yaml:1\)", problems[0]), problems


def test_the_corpus_language_survives_the_corpus_cache(tmp_path: Path) -> None:
    root = corpus_with(tmp_path, **{"corpus.yaml": "language: cy\n"})
    assert load_corpus(root).language == load_corpus(root).language == "cy"


def test_a_language_setting_that_is_not_a_tag_is_refused() -> None:
    with pytest.raises(ExportRefused, match="'en GB' is not a language tag"):
        export_bytes(document(), "md", ExportOptions(language="en GB"))
    result = brief_cli("--language", "en GB")
    assert result.exit_code == 1 and "'en GB' is not a language tag" in result.stderr
    assert "Traceback" not in result.output

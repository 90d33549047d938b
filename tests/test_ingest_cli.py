"""`assistant ingest`, `ingest --accept`, `corpus new` and `corpus verify`, as a curator uses them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from assistant.cli import cli

ARTICLE = """Former guard describes hunger in the ranks

By Sara Lind
May 4, 2016

GAZIANTEP — A man who guarded a prison for the group says its fighters went hungry while commanders ate well.

"We were miserable, and nobody cared," said Tariq Haddad, a former prison guard. "The emirs had meat every night."

He said he fled in the spring. "After they beheaded a man in the square I could not stay," he said.
"""


def _run(*args: str, stdin: str | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), input=stdin)
    return result.exit_code, result.output


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    code, out = _run("corpus", "new", str(root))
    assert code == 0, out
    return root


def _ingest(corpus: Path, tmp_path: Path) -> Path:
    article = tmp_path / "guard.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    candidates = tmp_path / "candidates.yaml"
    code, out = _run("--corpus", str(corpus), "ingest", str(article), "--source-id",
                     "lind-2016-05-04", "-o", str(candidates))
    assert code == 0, out
    return candidates


def test_a_new_corpus_validates_and_links_every_file_to_the_schema(corpus: Path) -> None:
    code, out = _run("--corpus", str(corpus), "corpus", "validate")
    assert code == 0, out
    for name in ("sources.yaml", "speakers.yaml", "themes.yaml", "audiences.yaml"):
        assert (corpus / name).read_text(encoding="utf-8").startswith(
            "# yaml-language-server: $schema=schema/corpus-file.schema.json")
    assert (corpus / "README.md").is_file()
    assert _run("corpus", "new", str(corpus))[0] == 1  # never over an existing corpus


def test_ingest_proposes_verbatim_quotes_with_speaker_source_and_graphic_flag(
        corpus: Path, tmp_path: Path) -> None:
    text = _ingest(corpus, tmp_path).read_text(encoding="utf-8")
    assert 'text: "We were miserable, and nobody cared"' in text
    assert 'text: "After they beheaded a man in the square I could not stay"' in text
    assert "tags: [graphic]" in text
    assert "speaker: tariq-haddad" in text
    assert 'author: "Sara Lind"' in text and 'published: "2016-05-04"' in text
    code, out = _run("--corpus", str(corpus), "ingest", "-", "--json", stdin=ARTICLE)
    data = json.loads(out)
    assert code == 0
    assert [c["text"] for c in data["candidates"]] == [
        "We were miserable, and nobody cared", "The emirs had meat every night.",
        "After they beheaded a man in the square I could not stay"]


def test_accept_appends_keeps_comments_archives_and_verify_then_passes(
        corpus: Path, tmp_path: Path) -> None:
    before = (corpus / "themes.yaml").read_text(encoding="utf-8")
    sources_before = (corpus / "sources.yaml").read_text(encoding="utf-8")
    code, out = _run("--corpus", str(corpus), "ingest", "--accept",
                     str(_ingest(corpus, tmp_path)))
    assert code == 0, out
    assert "archived" in out
    assert (corpus / "themes.yaml").read_text(encoding="utf-8") == before
    after = (corpus / "sources.yaml").read_text(encoding="utf-8")
    assert after.startswith(sources_before.splitlines()[0] + "\n# Sources")
    assert "lind-2016-05-04" in after
    assert (corpus / "archive" / "lind-2016-05-04.txt").read_text(encoding="utf-8") == ARTICLE
    code, out = _run("--corpus", str(corpus), "corpus", "verify")
    assert code == 0, out
    assert "3 quote(s)" in out


def test_verify_names_the_changed_word_and_exits_1(corpus: Path, tmp_path: Path) -> None:
    _run("--corpus", str(corpus), "ingest", "--accept", str(_ingest(corpus, tmp_path)))
    quotes = corpus / "quotes" / "lind-2016-05-04.yaml"
    quotes.write_text(quotes.read_text(encoding="utf-8").replace("miserable", "terrible"),
                      encoding="utf-8")
    code, out = _run("--corpus", str(corpus), "corpus", "verify")
    assert code == 1
    assert "'miserable' became 'terrible'" in out


def test_a_failed_accept_leaves_every_file_as_it_was(corpus: Path, tmp_path: Path) -> None:
    candidates = _ingest(corpus, tmp_path)
    broken = candidates.read_text(encoding="utf-8").replace(
        "speaker: tariq-haddad", "speaker: nobody-known", 1)
    candidates.write_text(broken, encoding="utf-8")
    files = {p: p.read_bytes() for p in corpus.rglob("*") if p.is_file()}
    code, out = _run("--corpus", str(corpus), "ingest", "--accept", str(candidates))
    assert code == 1
    assert "speaker 'nobody-known' is not defined" in out
    assert {p: p.read_bytes() for p in corpus.rglob("*") if p.is_file()} == files


def test_ingest_without_an_article_is_a_usage_error() -> None:
    assert _run("ingest")[0] == 2
    assert _run("ingest", "a.txt", "--source-id", "Not An Id")[0] == 2


def test_the_bundled_corpus_is_verbatim_in_the_seed_reports() -> None:
    seeds = Path(__file__).resolve().parents[2] / "shared" / "seeds"
    if not seeds.is_dir():
        pytest.skip(f"seed reports not found at {seeds}")
    code, out = _run("corpus", "verify", "--json")
    data = json.loads(out)
    assert code == 0, out
    assert len(data["archives"]) == 5
    assert data["checked"] >= 39

"""The corpus cache: a second load gives exactly what parsing the files gives."""

from __future__ import annotations

import os
import shutil
from datetime import date
from pathlib import Path

import pytest

from assistant.corpus import loader
from assistant.corpus.cache import CorpusCache
from assistant.corpus.loader import Corpus, Problem, validate_corpus
from assistant.paths import bundled_corpus_dir

TODAY = date(2026, 1, 1)
KINDS = ("sources", "speakers", "quotes", "facts", "themes", "audiences")


@pytest.fixture
def corpus_dir(tmp_path: Path) -> Path:
    target = tmp_path / "narratives"
    shutil.copytree(bundled_corpus_dir(), target)
    return target


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the files the loader actually parsed (cache misses)."""
    seen: list[str] = []
    real = loader._validate_file

    def counting(path: Path, raw: bytes, corpus: Corpus) -> list[Problem]:
        seen.append(path.name)
        return real(path, raw, corpus)

    monkeypatch.setattr(loader, "_validate_file", counting)
    return seen


def same(a: Corpus, b: Corpus) -> None:
    for kind in (*KINDS, "locations"):
        assert list(getattr(a, kind).items()) == list(getattr(b, kind).items()), kind
    assert a.broken_ids == b.broken_ids
    assert a.fingerprint == b.fingerprint


def test_a_cached_load_equals_a_fresh_parse_record_for_record(corpus_dir: Path,
                                                             parses: list[str]) -> None:
    fresh, fresh_problems = validate_corpus(corpus_dir, TODAY, cache=False)
    validate_corpus(corpus_dir, TODAY)
    parses.clear()
    cached, cached_problems = validate_corpus(corpus_dir, TODAY)
    assert parses == []  # nothing parsed the second time
    assert cached_problems == fresh_problems == []
    same(cached, fresh)


def test_an_edit_that_keeps_size_and_mtime_is_still_seen(corpus_dir: Path) -> None:
    path = corpus_dir / "quotes" / "new-york-times.yaml"
    first, _ = validate_corpus(corpus_dir, TODAY)
    quote = next(q for q in first.quotes.values()
                 if first.where("quotes", q.id).file.endswith("new-york-times.yaml"))  # type: ignore[union-attr]
    old_word = next(w for w in quote.text.split() if len(w) > 3 and w.isalpha())
    new_word = old_word[:-1] + ("x" if old_word[-1] != "x" else "y")
    stat = path.stat()
    text = path.read_text(encoding="utf-8")
    assert text.count(old_word) >= 1
    path.write_text(text.replace(old_word, new_word, 1), encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert path.stat().st_size == stat.st_size and path.stat().st_mtime_ns == stat.st_mtime_ns

    second, problems = validate_corpus(corpus_dir, TODAY)
    fresh, _ = validate_corpus(corpus_dir, TODAY, cache=False)
    assert problems == []
    same(second, fresh)
    assert second.fingerprint != first.fingerprint
    changed = [q for q in second.quotes.values() if q.text != first.quotes[q.id].text]
    assert len(changed) == 1 and new_word in changed[0].text


def test_an_edit_to_one_file_parses_that_file_only(corpus_dir: Path, parses: list[str]) -> None:
    validate_corpus(corpus_dir, TODAY)
    assert len(parses) == len(loader.corpus_files(corpus_dir))
    parses.clear()
    path = corpus_dir / "speakers.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\n# a curator's note\n", encoding="utf-8")
    _, problems = validate_corpus(corpus_dir, TODAY)
    assert parses == ["speakers.yaml"] and problems == []


def test_references_into_an_edited_file_are_checked_again(corpus_dir: Path) -> None:
    validate_corpus(corpus_dir, TODAY)
    path = corpus_dir / "speakers.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("- id: peter-neumann", "- id: peter-neuman"), encoding="utf-8")
    _, problems = validate_corpus(corpus_dir, TODAY)
    _, fresh = validate_corpus(corpus_dir, TODAY, cache=False)
    assert problems == fresh
    assert problems and all("speaker 'peter-neumann' is not defined" in p.message
                            for p in problems)
    assert all(p.file.endswith(".yaml") and "quotes" in p.file for p in problems)


def test_a_duplicate_id_across_files_is_reported_when_both_come_from_the_cache(
        corpus_dir: Path) -> None:
    validate_corpus(corpus_dir, TODAY)
    extra = corpus_dir / "zz-more-speakers.yaml"
    extra.write_text("speakers:\n  - id: peter-neumann\n    label: again\n    role: expert\n",
                     encoding="utf-8")
    validate_corpus(corpus_dir, TODAY)
    _, problems = validate_corpus(corpus_dir, TODAY)  # every file from the cache now
    _, fresh = validate_corpus(corpus_dir, TODAY, cache=False)
    assert problems == fresh
    assert len(problems) == 1
    assert problems[0].message.startswith(
        "duplicate speaker id 'peter-neumann' (first defined at ")
    assert "speakers.yaml:" in problems[0].message
    assert problems[0].file.endswith("zz-more-speakers.yaml") and problems[0].line == 2


def test_a_broken_file_gives_the_same_problems_from_the_cache(corpus_dir: Path) -> None:
    path = corpus_dir / "quotes" / "straits-times.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("speaker:", "speakr:", 1) + "\n  - id: Bad Id\n",
                    encoding="utf-8")
    _, fresh = validate_corpus(corpus_dir, TODAY, cache=False)
    _, first = validate_corpus(corpus_dir, TODAY)
    _, second = validate_corpus(corpus_dir, TODAY)
    assert fresh and first == second == fresh


def _entries(cache: Path) -> list[Path]:
    return sorted((cache / "corpus").glob("*.json"))


@pytest.mark.parametrize("damage", [
    "garbage", "truncated", "empty", "foreign-json", "header-for-other-body", "wrong-records",
])
def test_a_damaged_or_foreign_cache_entry_is_ignored_and_rebuilt(
        corpus_dir: Path, damage: str, parses: list[str]) -> None:
    cache = Path(os.environ["COUNTERBRIEF_CACHE_DIR"])
    fresh, _ = validate_corpus(corpus_dir, TODAY, cache=False)
    validate_corpus(corpus_dir, TODAY)
    victim = CorpusCache(cache / "corpus").entry_path(corpus_dir / "quotes" / "uk-think-tank.yaml")
    raw = victim.read_bytes()
    header, _, body = raw.partition(b"\n")
    if damage == "garbage":
        victim.write_bytes(b"\x00\xff not a cache \x80" * 50)
    elif damage == "truncated":
        victim.write_bytes(raw[: len(raw) // 2])
    elif damage == "empty":
        victim.write_bytes(b"")
    elif damage == "foreign-json":
        victim.write_text('{"quotes": [{"id": "q-999"}]}', encoding="utf-8")
    elif damage == "header-for-other-body":
        victim.write_bytes(header + b"\n" + body.replace(b"the", b"teh", 1))
    else:  # a well-formed entry whose hash matches, but for another file's records
        other = CorpusCache(cache / "corpus").entry_path(corpus_dir / "quotes" / "washington-post.yaml")
        victim.write_bytes(other.read_bytes())
    parses.clear()
    loaded, problems = validate_corpus(corpus_dir, TODAY)
    assert problems == []
    same(loaded, fresh)
    assert parses == ["uk-think-tank.yaml"]
    parses.clear()
    validate_corpus(corpus_dir, TODAY)
    assert parses == []  # rebuilt


def test_validating_code_that_changed_makes_every_entry_stale(
        corpus_dir: Path, parses: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    validate_corpus(corpus_dir, TODAY)
    monkeypatch.setattr(CorpusCache, "_code", "another version of the models")
    parses.clear()
    validate_corpus(corpus_dir, TODAY)
    assert len(parses) == len(loader.corpus_files(corpus_dir))


def test_an_unwritable_cache_directory_costs_only_speed(
        corpus_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocked = tmp_path / "not-a-directory"
    blocked.write_text("a file where the cache directory would be", encoding="utf-8")
    monkeypatch.setenv("COUNTERBRIEF_CACHE_DIR", str(blocked))
    fresh, _ = validate_corpus(corpus_dir, TODAY, cache=False)
    loaded, problems = validate_corpus(corpus_dir, TODAY)
    assert problems == []
    same(loaded, fresh)


def test_a_file_with_problems_is_read_afresh_every_time(corpus_dir: Path,
                                                         parses: list[str]) -> None:
    path = corpus_dir / "quotes" / "washington-post.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("speaker:", "speakr:", 1),
                    encoding="utf-8")
    validate_corpus(corpus_dir, TODAY)
    parses.clear()
    _, problems = validate_corpus(corpus_dir, TODAY)
    assert "washington-post.yaml" in parses and problems

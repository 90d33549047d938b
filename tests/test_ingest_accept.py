"""`ingest --accept` and `ingest -o` as a curator meets their refusals: nothing unchecked is
added, nothing is half-written, nothing is overwritten without asking."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from tests.test_ingest_cli import _ingest, _run


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    code, out = _run("corpus", "new", str(root))
    assert code == 0, out
    return root


def _files(root: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_accept_refuses_an_edited_word_and_names_it(corpus: Path, tmp_path: Path) -> None:
    candidates = _ingest(corpus, tmp_path)
    text = candidates.read_text(encoding="utf-8")
    edited = text.replace('text: "The emirs had meat every night."',
                          'text: "The emirs had meat every single night."', 1)
    assert edited != text
    candidates.write_text(edited, encoding="utf-8")
    before = _files(corpus)
    code, out = _run("--corpus", str(corpus), "ingest", "--accept", str(candidates))
    assert code == 1
    assert "not verbatim" in out and "'single' was added" in out
    assert _files(corpus) == before


def test_accept_refuses_a_replaced_word_with_the_article_kept(corpus: Path,
                                                              tmp_path: Path) -> None:
    candidates = _ingest(corpus, tmp_path)
    text = candidates.read_text(encoding="utf-8").replace(
        'text: "We were miserable, and nobody cared"', 'text: "We were hungry, and nobody cared"')
    candidates.write_text(text, encoding="utf-8")
    code, out = _run("--corpus", str(corpus), "ingest", "--accept", str(candidates))
    assert code == 1
    assert "'miserable' became 'hungry'" in out


def test_accept_without_the_article_block_is_refused_unless_already_archived(
        corpus: Path, tmp_path: Path) -> None:
    candidates = _ingest(corpus, tmp_path)
    full = candidates.read_text(encoding="utf-8")
    cut = "\n".join(ln for ln in full.split("\n") if not ln.startswith("#|")
                    and not ln.startswith("# article "))
    candidates.write_text(cut, encoding="utf-8")
    before = _files(corpus)
    code, out = _run("--corpus", str(corpus), "ingest", "--accept", str(candidates))
    assert code == 1
    assert "no archived text" in out
    assert _files(corpus) == before
    # once the article is archived, the same quotes are checked against the archive
    archive = corpus / "archive" / "lind-2016-05-04.txt"
    archive.parent.mkdir()
    archive.write_text(re.sub("miserable", "weary", _article_of(full)), encoding="utf-8")
    code, out = _run("--corpus", str(corpus), "ingest", "--accept", str(candidates))
    assert code == 1 and "'weary' became 'miserable'" in out
    archive.write_text(_article_of(full), encoding="utf-8")
    code, out = _run("--corpus", str(corpus), "ingest", "--accept", str(candidates))
    assert code == 0, out


def _article_of(candidates: str) -> str:
    from assistant.ingest.proposal import article_from_proposal

    article = article_from_proposal(candidates)[1]
    assert article is not None
    return article


def test_a_read_only_corpus_file_refuses_the_accept_and_changes_nothing(
        corpus: Path, tmp_path: Path) -> None:
    candidates = _ingest(corpus, tmp_path)
    speakers = corpus / "speakers.yaml"
    speakers.chmod(0o444)
    before = _files(corpus)
    code, out = _run("--corpus", str(corpus), "ingest", "--accept", str(candidates))
    speakers.chmod(0o644)
    assert code == 1
    assert f"cannot write {speakers}" in out and "read-only" in out
    assert "Traceback" not in out and "unexpected" not in out
    assert _files(corpus) == before
    assert not [p for p in corpus.rglob("*") if p.name.endswith(".tmp")]


def test_accept_refuses_a_candidate_marked_as_a_duplicate_unless_kept(
        corpus: Path, tmp_path: Path) -> None:
    candidates = _ingest(corpus, tmp_path)
    assert _run("--corpus", str(corpus), "ingest", "--accept", str(candidates))[0] == 0
    article = tmp_path / "again.txt"
    article.write_text(_article_of(candidates.read_text(encoding="utf-8")), encoding="utf-8")
    again = tmp_path / "again.yaml"
    code, out = _run("--corpus", str(corpus), "ingest", str(article), "--source-id",
                     "lind-2016-05-05", "-o", str(again))
    assert code == 0, out
    text = again.read_text(encoding="utf-8")
    marked = re.search(r"already in the corpus as (q-[\w-]+)", text)
    assert marked is not None
    before = _files(corpus)
    code, out = _run("--corpus", str(corpus), "ingest", "--accept", str(again))
    assert code == 1
    assert f"already in the corpus as {marked.group(1)}" in out
    assert _files(corpus) == before


def test_ingest_output_never_replaces_a_file_a_link_or_a_device_without_force(
        corpus: Path, tmp_path: Path) -> None:
    candidates = _ingest(corpus, tmp_path)
    reviewed = candidates.read_text(encoding="utf-8") + "# reviewed\n"
    candidates.write_text(reviewed, encoding="utf-8")
    article = tmp_path / "guard.txt"
    code, out = _run("--corpus", str(corpus), "ingest", str(article), "-o", str(candidates))
    assert code == 1 and "already exists" in out and "--force" in out
    assert candidates.read_text(encoding="utf-8") == reviewed
    link = tmp_path / "link.yaml"
    os.symlink(candidates, link)
    code, out = _run("--corpus", str(corpus), "ingest", str(article), "-o", str(link))
    assert code == 1 and "is a link" in out
    assert candidates.read_text(encoding="utf-8") == reviewed
    pipe = tmp_path / "pipe"  # a special file, as /dev/null is
    os.mkfifo(pipe)
    code, out = _run("--corpus", str(corpus), "ingest", str(article), "-o", str(pipe))
    assert code == 1 and "is a pipe" in out
    assert pipe.is_fifo()
    code, out = _run("--corpus", str(corpus), "ingest", str(article), "-o", str(candidates),
                     "--force")
    assert code == 0, out
    assert "# reviewed" not in candidates.read_text(encoding="utf-8")


def test_accept_prints_the_curator_warnings_beside_corpus_valid(corpus: Path,
                                                                tmp_path: Path) -> None:
    candidates = _ingest(corpus, tmp_path)
    text = candidates.read_text(encoding="utf-8")
    themed = re.sub(r"\n    themes:.*?(?=\n    [a-z]|\n  - |\n\n)", "", text, flags=re.S)
    candidates.write_text(themed, encoding="utf-8")
    code, out = _run("--corpus", str(corpus), "ingest", "--accept", str(candidates))
    assert code == 0, out
    assert "linked to no theme, so no brief will use it" in out
    assert re.search(r"corpus valid; \d+ warning\(s\)", out)


def test_accept_warns_about_what_it_added_and_only_counts_the_warnings_already_there(
        corpus: Path, tmp_path: Path) -> None:
    orphan = corpus / "speakers.yaml"
    orphan.write_text(orphan.read_text(encoding="utf-8") + "\n  - id: nobody-quoted\n"
                      "    label: A speaker no quote uses\n    role: other\n"
                      "    identity: {public: none}\n", encoding="utf-8")
    candidates = _ingest(corpus, tmp_path)
    text = candidates.read_text(encoding="utf-8")
    candidates.write_text(re.sub(r"\n    themes:.*?(?=\n    [a-z]|\n  - |\n\n)", "", text,
                                 flags=re.S), encoding="utf-8")
    code, out = _run("--corpus", str(corpus), "ingest", "--accept", str(candidates))
    assert code == 0, out
    assert "linked to no theme" in out
    assert "nobody-quoted" not in out
    assert "2 earlier warning(s) about other records" in out  # the speaker, the example theme


def test_accepting_the_same_candidates_file_twice_adds_nothing_the_second_time(
        corpus: Path, tmp_path: Path) -> None:
    candidates = _ingest(corpus, tmp_path)
    code, out = _run("--corpus", str(corpus), "ingest", "--accept", str(candidates))
    assert code == 0, out
    before = _files(corpus)
    code, out = _run("--corpus", str(corpus), "ingest", "--accept", str(candidates))
    assert code == 1
    assert "nothing to add (every record is already there)" in out
    assert "Traceback" not in out
    assert _files(corpus) == before


def test_an_interrupt_while_the_files_are_written_leaves_every_corpus_file_as_it_was(
        corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from assistant.ingest.accept import accept

    candidates = _ingest(corpus, tmp_path)
    before = _files(corpus)
    replace = Path.replace
    calls = []

    def interrupted(self: Path, target: Path) -> Path:  # ctrl+c after the first file
        calls.append(target)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return replace(self, target)

    monkeypatch.setattr(Path, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        accept(corpus, candidates)
    monkeypatch.undo()
    assert len(calls) == 2
    assert _files(corpus) == before
    assert not [p for p in corpus.rglob("*") if p.name.endswith(".tmp")]


def test_accept_keeps_the_permissions_of_the_files_it_appends_to_and_gives_new_ones_the_usual(
        corpus: Path, tmp_path: Path) -> None:
    candidates = _ingest(corpus, tmp_path)
    (corpus / "speakers.yaml").chmod(0o664)
    mask = os.umask(0o022)
    try:
        code, out = _run("--corpus", str(corpus), "ingest", "--accept", str(candidates))
    finally:
        os.umask(mask)
    assert code == 0, out
    assert (corpus / "speakers.yaml").stat().st_mode & 0o777 == 0o664
    added = [*corpus.glob("quotes/*.yaml"), *corpus.glob("archive/*")]
    assert added and {p.stat().st_mode & 0o777 for p in added} == {0o644}


def test_a_refused_accept_names_the_line_of_the_candidates_file_the_curator_edited(
        corpus: Path, tmp_path: Path) -> None:
    candidates = _ingest(corpus, tmp_path)
    text = candidates.read_text(encoding="utf-8")
    lines = text.split("\n")
    at = next(n for n, ln in enumerate(lines) if ln.strip().startswith("speaker:")
              and n > text[:text.index("quotes:")].count("\n"))
    lines[at] = re.sub(r"speaker: \S+", "speaker: nobody-known", lines[at])
    candidates.write_text("\n".join(lines), encoding="utf-8")
    before = _files(corpus)
    code, out = _run("--corpus", str(corpus), "ingest", "--accept", str(candidates))
    assert code == 1
    problem = next(ln for ln in out.splitlines() if "nobody-known" in ln)
    item = max(n for n in range(at) if lines[n].lstrip().startswith("- id:")) + 1
    assert problem.startswith(f"{candidates}:{item}: quote ")
    assert _files(corpus) == before


def test_a_candidates_file_that_is_not_utf8_is_refused_naming_its_line(
        corpus: Path, tmp_path: Path) -> None:
    candidates = tmp_path / "candidates.yaml"
    candidates.write_bytes(b"quotes:\n  - id: q-001\n    text: \"Caf\xe9\"\n")
    code, out = _run("--corpus", str(corpus), "ingest", "--accept", str(candidates))
    assert code == 1
    assert f"{candidates}:3: not UTF-8 text" in out and "codec" not in out

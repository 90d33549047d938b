"""What a curator building a corpus from news articles ran into: bad articles, a damaged
corpus folder, accented names, a headline that comes back in the body, names with an
initial, a known speaker named by surname, an archive edited after it was archived, and
two candidate files accepted one after the other."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from assistant.cli import cli
from assistant.ingest.candidates import ingest_article

ARTICLE = """Returnee says the group's courts were for sale

By Ilse Marqvardt

A former fighter who came home last year says the group's judges took bribes.

"Every verdict had a price, and the price went up every month," said Karim Tahiri, a former fighter from Antwerp. "The poor were always guilty."
"""


def _run(*args: str, stdin: str | bytes | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), input=stdin)
    return result.exit_code, result.output


def _no_crash(out: str) -> None:
    assert "unexpected" not in out and "Traceback" not in out, out


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    code, out = _run("corpus", "new", str(root))
    assert code == 0, out
    return root


def _accepted(corpus: Path, tmp_path: Path) -> Path:
    article = tmp_path / "courts.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    candidates = tmp_path / "courts.yaml"
    code, out = _run("--corpus", str(corpus), "ingest", str(article), "--source-id",
                     "marqvardt-courts", "-o", str(candidates))
    assert code == 0, out
    code, out = _run("--corpus", str(corpus), "ingest", "--accept", str(candidates))
    assert code == 0, out
    return candidates


def _snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and not p.is_symlink()}


# --- articles that are not plain text ----------------------------------------------------

def test_an_article_with_terminal_control_characters_is_refused_naming_its_line(
        corpus: Path, tmp_path: Path) -> None:
    article = tmp_path / "escape.txt"
    article.write_text(ARTICLE.replace("took bribes", "took \x1b[31mbribes\x07"),
                       encoding="utf-8")
    code, out = _run("--corpus", str(corpus), "ingest", str(article))
    _no_crash(out)
    assert code == 1
    assert f"{article}:5:" in out and "U+001B" in out
    assert "\x1b" not in out  # never sent on to the curator's terminal


def test_a_pasted_article_with_a_control_character_is_refused_too(corpus: Path) -> None:
    code, out = _run("--corpus", str(corpus), "ingest", "-", stdin=ARTICLE + "\x00\n")
    _no_crash(out)
    assert code == 1 and "-:8:" in out and "U+0000" in out


def test_an_article_that_is_not_utf8_is_refused_naming_the_line(corpus: Path,
                                                                tmp_path: Path) -> None:
    article = tmp_path / "latin1.txt"
    article.write_bytes(ARTICLE.replace("Tahiri", "Tahïri").encode("latin-1"))
    code, out = _run("--corpus", str(corpus), "ingest", str(article))
    _no_crash(out)
    assert code == 1 and f"{article}:7:" in out and "UTF-8" in out


def test_an_article_of_several_megabytes_is_refused_before_it_is_read_for_quotes(
        corpus: Path, tmp_path: Path) -> None:
    article = tmp_path / "huge.txt"
    article.write_text(ARTICLE * (3_000_000 // len(ARTICLE)), encoding="utf-8")
    candidates = tmp_path / "huge.yaml"
    code, out = _run("--corpus", str(corpus), "ingest", str(article), "-o", str(candidates))
    _no_crash(out)
    assert code == 1 and "MB" in out and str(article) in out
    assert not candidates.exists()


# --- a corpus folder that holds a broken link ---------------------------------------------

def test_accept_into_a_corpus_with_a_dangling_link_names_the_link_and_changes_nothing(
        corpus: Path, tmp_path: Path) -> None:
    article = tmp_path / "courts.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    candidates = tmp_path / "courts.yaml"
    assert _run("--corpus", str(corpus), "ingest", str(article), "-o", str(candidates))[0] == 0
    (corpus / "quotes" / "gone.yaml").symlink_to(tmp_path / "nowhere" / "gone.yaml")
    before = _snapshot(corpus)
    code, out = _run("--corpus", str(corpus), "ingest", "--accept", str(candidates))
    _no_crash(out)
    assert code == 1 and "gone.yaml" in out and "does not exist" in out
    assert _snapshot(corpus) == before


def test_verify_with_a_dangling_archive_link_names_it_and_exits_1(corpus: Path,
                                                                  tmp_path: Path) -> None:
    _accepted(corpus, tmp_path)
    archived = corpus / "archive" / "marqvardt-courts.txt"
    archived.unlink()
    archived.symlink_to(tmp_path / "moved" / "courts.txt")
    code, out = _run("--corpus", str(corpus), "corpus", "verify")
    _no_crash(out)
    assert code == 1 and "archive/marqvardt-courts.txt" in out
    code, out = _run("--corpus", str(corpus), "corpus", "verify", "--json")
    assert code == 1 and '"unreadable"' in out


# --- ids made from names ------------------------------------------------------------------

def test_speaker_and_source_ids_keep_accented_letters_as_their_plain_forms() -> None:
    article = ("Le témoignage d'une greffière\n\nBy Amélie Ørsted\n\n"
               "« We kept every register », said Hélène Dufrasne, a researcher. "
               "« Nobody burned them », said Selin Arıkan, a coordinator.\n")
    result = ingest_article(article, None)
    assert result.source.id == "le-temoignage-d-une"
    assert {c.speaker for c in result.candidates} == {"helene-dufrasne", "selin-arikan"}


# --- the headline --------------------------------------------------------------------------

HEADLINE_BACK = """Former guard says the caliphate "ran on fear and paperwork"

By Ilse Marqvardt

Former guard says the caliphate "ran on fear and paperwork" was how Omar Fadel, 41, put it when we met in Ghent.

"I stamped forms all day, and every form was a threat," Fadel said.
"""


def test_a_headline_ending_in_a_quotation_and_repeated_in_the_body_is_left_out() -> None:
    result = ingest_article(HEADLINE_BACK, None)
    assert [c.quotation.text for c in result.candidates] == [
        "I stamped forms all day, and every form was a threat"]
    body = HEADLINE_BACK.index('"ran on', HEADLINE_BACK.index("Ilse"))
    assert [(q.start - 1, q.left_out) for q in result.left_out] == [
        (body, "the headline repeated in the body")]


# --- what the trial found next -------------------------------------------------------------

QA = """« I kept the registers »: a former clerk speaks

Interview by Mathilde Roussin for Le Veilleur. Translated from French.

Amira B., 29, grew up near Lyon and worked as a clerk in Raqqa.

Le Veilleur: What did the office do?

Amira B.: « It matched widows with fighters who had asked for a wife. »

She nods at the photograph. « Good. My hands did the writing. »
"""


def test_answers_in_a_translated_interview_go_to_the_interviewee() -> None:
    result = ingest_article(QA, None)
    by_text = {c.quotation.text: c.speaker for c in result.candidates}
    assert by_text == {"It matched widows with fighters who had asked for a wife.": "amira-b",
                       "Good. My hands did the writing.": "amira-b"}


@pytest.mark.parametrize(("introduction", "later", "speaker"), [
    ("J. Smith, a former recruiter, left in 2016.", "he said", "j-smith"),
    ("Mr A. Khalid, a pharmacist from Mosul, left in 2016.", "Mr Khalid said", "a-khalid"),
    ("Amira B., 29, grew up near Lyon.", "she said", "amira-b"),
])
def test_a_speaker_named_with_an_initial_is_introduced_and_referred_back_to(
        introduction: str, later: str, speaker: str) -> None:
    article = (f"Recruiters\n\nBy Ilse Marqvardt\n\n{introduction}\n\n"
               f"\"The messages never stopped, not even at night,\" {later}.\n")
    [candidate] = ingest_article(article, None).candidates
    assert candidate.speaker == speaker


def test_a_role_capitalised_before_a_name_introduces_that_person() -> None:
    article = ("Live: committee hears returnees\n\n12:41\nThe final witness, a social worker, "
               "said the children were the hardest cases.\n\n12:20\nCommittee chair Henrik "
               "Solberg thanked the two former members. \"It takes a certain courage to sit "
               "at this table,\" he said.\n")
    [candidate] = ingest_article(article, None).candidates
    assert candidate.speaker == "henrik-solberg"


def test_a_clause_about_someone_is_not_a_new_speaker() -> None:
    article = ("Brothers\n\nBy Harriet Pendleford\n\nKamran Hadley, 31, tapes the hands of "
               "a boy.\n\n'I carried a rifle,' he says. 'I stood on checkpoints.'\n\nIdris, he "
               "says, went further and faster. The younger brother was the one who posted "
               "pictures of himself with weapons, and the one who stopped calling home.\n\n"
               "'My mum rang him every Friday. He never picked up.'\n")
    speakers = [c.speaker for c in ingest_article(article, None).candidates]
    assert speakers == ["kamran-hadley"] * 3


def test_verify_notices_an_archived_article_edited_to_match_a_changed_quote(
        corpus: Path, tmp_path: Path) -> None:
    _accepted(corpus, tmp_path)
    for path in (corpus / "archive" / "marqvardt-courts.txt",
                 corpus / "quotes" / "marqvardt-courts.yaml"):
        path.write_text(path.read_text(encoding="utf-8").replace("always guilty",
                                                                 "usually guilty"),
                        encoding="utf-8")
    code, out = _run("--corpus", str(corpus), "corpus", "verify")
    assert code == 1 and "archive/marqvardt-courts.txt" in out


def test_a_later_article_naming_a_known_speaker_by_surname_reuses_their_id(
        corpus: Path, tmp_path: Path) -> None:
    _accepted(corpus, tmp_path)
    later = tmp_path / "later.txt"
    later.write_text("Courts, again\n\nBy Ilse Marqvardt\n\n\"They sold mercy by the kilo,\" "
                     "Tahiri said.\n", encoding="utf-8")
    code, out = _run("--corpus", str(corpus), "ingest", str(later))
    assert code == 0 and "speaker: karim-tahiri" in out


def test_two_candidate_files_made_before_either_is_accepted_can_both_be_accepted(
        corpus: Path, tmp_path: Path) -> None:
    files = []
    for n, text in enumerate((ARTICLE, HEADLINE_BACK)):
        article = tmp_path / f"a{n}.txt"
        article.write_text(text, encoding="utf-8")
        out_file = tmp_path / f"a{n}.yaml"
        assert _run("--corpus", str(corpus), "ingest", str(article), "--source-id",
                    f"article-{n}", "-o", str(out_file))[0] == 0
        files.append(out_file)
    outputs = []
    for out_file in files:
        code, out = _run("--corpus", str(corpus), "ingest", "--accept", str(out_file))
        assert code == 0, out
        outputs.append(out)
    assert "renumbered q-001 as q-003" in outputs[1]
    quotes = (corpus / "quotes" / "article-1.yaml").read_text(encoding="utf-8")
    assert "id: q-003" in quotes and "id: q-001" not in quotes


def test_accept_of_a_file_edited_into_invalid_yaml_names_its_line(corpus: Path,
                                                                  tmp_path: Path) -> None:
    article = tmp_path / "courts.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    candidates = tmp_path / "courts.yaml"
    assert _run("--corpus", str(corpus), "ingest", str(article), "-o", str(candidates))[0] == 0
    lines = candidates.read_text(encoding="utf-8").splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line.startswith("    speaker:"))
    lines[at] = lines[at].replace("speaker: ", "speaker: [")
    candidates.write_text("".join(lines), encoding="utf-8")
    before = _snapshot(corpus)
    code, out = _run("--corpus", str(corpus), "ingest", "--accept", str(candidates))
    _no_crash(out)
    assert code == 1 and f"{candidates}:{at + 2}:" in out
    assert _snapshot(corpus) == before


def test_accept_into_a_corpus_folder_where_no_file_can_be_made_changes_nothing(
        corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    article = tmp_path / "courts.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    candidates = tmp_path / "courts.yaml"
    assert _run("--corpus", str(corpus), "ingest", str(article), "-o", str(candidates))[0] == 0
    before = _snapshot(corpus)
    real = tempfile.mkstemp

    def read_only_quotes(*args: Any, **kwargs: Any) -> tuple[int, str]:
        if Path(kwargs.get("dir", "")) == corpus / "quotes":  # as a read-only folder would
            raise PermissionError(13, "Permission denied")
        return real(*args, **kwargs)

    monkeypatch.setattr(tempfile, "mkstemp", read_only_quotes)
    code, out = _run("--corpus", str(corpus), "ingest", "--accept", str(candidates))
    _no_crash(out)
    assert code == 1 and "quotes/" in out and "nothing was added" in out
    assert _snapshot(corpus) == before
    assert not [p for p in corpus.rglob(".*.tmp")]


def test_a_quote_file_ending_inside_a_quotation_is_named_without_the_word_unexpected(
        corpus: Path) -> None:
    bad = corpus / "quotes" / "unfinished.yaml"
    bad.write_text('quotes:\n  - id: q-x\n    text: "unclosed\n  speaker: [\n', encoding="utf-8")
    code, out = _run("--corpus", str(corpus), "corpus", "validate")
    assert code == 1
    line = next(row for row in out.splitlines() if "unfinished.yaml" in row)
    assert "unfinished.yaml:5:" in line and "starts on line 3" in line
    assert "unexpected" not in out

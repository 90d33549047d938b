"""A trainer's deck goes through the same review as any brief: saved as a draft, submitted
through its own checks, approved by someone else, and exported with DRAFT on every slide
until then and the approval on every slide after."""

from __future__ import annotations

import io
import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError

from assistant.cli import cli
from assistant.corpus import load_corpus
from assistant.paths import bundled_corpus_dir
from assistant.render.approval import DRAFT
from assistant.review import ChecksFailed, InvalidInput
from assistant.review.decks import deck_checker, deck_inputs
from assistant.train import build_deck
from assistant.train.deck import Deck, SlideKind
from assistant.train.document import deck_text, read_deck

from .review_support import Team

pytest_plugins = ["tests.review_fixtures"]


def run(team: Team, who: str, *args: str) -> Result:
    user = ["--user", team.real(who)] if team.backend == "sqlite" else []
    return CliRunner().invoke(cli, ["--db", team.url(who), *user, *args],
                              catch_exceptions=False)


def _drafted(team: Team, *themes: str) -> int:
    team.add(alice="author", bob="reviewer")
    made = run(team, "alice", "train", "draft", *[x for t in themes for x in ("--theme", t)])
    assert made.exit_code == 0, made.output
    return int(made.stdout.strip())


def _approved(team: Team, *themes: str) -> int:
    draft_id = _drafted(team, *themes)
    submitted = run(team, "alice", "review", "submit", str(draft_id))
    assert submitted.exit_code == 0, submitted.output
    approved = run(team, "bob", "review", "approve", str(draft_id), "--comment",
                   "Read every voice against the reports")
    assert approved.exit_code == 0, approved.output
    return draft_id


def _pptx_slides(path: Path) -> list[str]:
    from pptx import Presentation

    shown = Presentation(str(path))
    return ["\n".join(s.text_frame.text for s in page.shapes if s.has_text_frame)
            for page in shown.slides]


def _html_slides(path: Path) -> list[str]:
    page = path.read_text(encoding="utf-8")
    return re.findall(r'<section class="slide".*?</section>', page, flags=re.S)


def _mark(team: Team, draft_id: int) -> str:
    """What the approval says, read back from the database (its date is the server's)."""
    approval = team.store("bob").get_draft(draft_id).approval_of(1)
    assert approval is not None
    return approval.stamp().mark()


def test_a_deck_draft_says_draft_on_every_slide_before_approval(team: Team,
                                                                tmp_path: Path) -> None:
    draft_id = _drafted(team, "harsh-life", "brutality-against-sunnis")
    run(team, "alice", "review", "submit", str(draft_id))  # in review: still not approved
    for name in ("deck.pptx", "deck.html"):
        done = run(team, "alice", "train", "export", "--draft", str(draft_id), "-o",
                   str(tmp_path / name))
        assert done.exit_code == 0, done.output
        assert done.stdout.rstrip().endswith(DRAFT)
    pages = _pptx_slides(tmp_path / "deck.pptx")
    assert len(pages) > 10 and all(DRAFT in page for page in pages)
    assert not any("Approved by" in page for page in pages)
    sections = _html_slides(tmp_path / "deck.html")
    assert len(sections) == len(pages)
    assert all(f'<div class="status">{DRAFT}</div>' in s for s in sections)


def test_an_approved_deck_carries_the_approval_on_every_slide_and_an_approval_slide(
        team: Team, tmp_path: Path) -> None:
    draft_id = _approved(team, "harsh-life")
    mark = _mark(team, draft_id)
    bob = team.real("bob")
    assert mark.startswith(f"Approved by {bob} (reviewer) on ")
    for name in ("deck.pptx", "deck.html"):
        done = run(team, "alice", "train", "export", "--draft", str(draft_id), "-o",
                   str(tmp_path / name))
        assert done.exit_code == 0, done.output
        assert done.stdout.rstrip().endswith(mark)
    pages = _pptx_slides(tmp_path / "deck.pptx")
    assert all(mark in page for page in pages)
    assert not any("DRAFT" in page for page in pages)
    last = pages[-1]
    digest = team.store("bob").get_draft(draft_id).current_hash[:12]
    for row in (f"Approved by: {bob}", "Role: reviewer", f"Version: {digest}",
                "Comment: Read every voice against the reports"):
        assert row in last
    assert re.search(r"Date: \d{1,2} \w+ \d{4}", last)
    sections = _html_slides(tmp_path / "deck.html")
    assert len(sections) == len(pages)
    assert all(f'<div class="status">{mark}</div>' in s for s in sections)
    assert not any("DRAFT" in s for s in sections)
    assert f"<li>Approved by: {bob}</li>" in sections[-1]


def test_the_approved_deck_has_the_slides_that_were_saved_plus_the_approval(
        sqlite_team: Team, tmp_path: Path) -> None:
    draft_id = _approved(sqlite_team, "harsh-life")
    saved = read_deck(sqlite_team.store("bob").get_draft(draft_id).current.markdown).deck
    run(sqlite_team, "alice", "train", "export", "--draft", str(draft_id), "-o",
        str(tmp_path / "deck.pptx"))
    from pptx import Presentation

    titles = [p.shapes.title.text for p in Presentation(str(tmp_path / "deck.pptx")).slides]
    assert titles == [s.title for s in saved.slides] + ["Approval"]


def test_an_edit_after_approval_is_a_new_version_that_says_draft_again(
        team: Team, tmp_path: Path) -> None:
    draft_id = _approved(team, "harsh-life")
    edited = run(team, "alice", "train", "edit", str(draft_id), "--theme", "harsh-life",
                 "--theme", "fighting-sunnis")
    assert edited.exit_code == 0, edited.output
    assert "version 2" in edited.stdout and "draft" in edited.stdout
    run(team, "alice", "train", "export", "--draft", str(draft_id), "-o",
        str(tmp_path / "new.pptx"))
    pages = _pptx_slides(tmp_path / "new.pptx")
    assert all(DRAFT in page for page in pages)
    assert not any("Approved by" in page for page in pages)
    # the approved version still exports with its approval
    old = run(team, "alice", "train", "export", "--draft", str(draft_id), "--version", "1",
              "-o", str(tmp_path / "old.pptx"))
    assert old.exit_code == 0, old.output
    assert all("Approved by" in page for page in _pptx_slides(tmp_path / "old.pptx"))


def test_the_exported_deck_is_the_one_saved_even_after_the_corpus_changes(
        sqlite_team: Team, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(bundled_corpus_dir(), corpus)
    sqlite_team.add(alice="author", bob="reviewer")
    made = run(sqlite_team, "alice", "--corpus", str(corpus), "train", "draft", "--theme",
               "harsh-life")
    assert made.exit_code == 0, made.output
    themes = corpus / "themes.yaml"
    claim = "Life under IS is harsh and disappointing."
    assert claim in themes.read_text(encoding="utf-8")
    themes.write_text(themes.read_text(encoding="utf-8").replace(
        claim, "Life under IS is hard."), encoding="utf-8")
    out = tmp_path / "deck.html"
    done = run(sqlite_team, "alice", "--corpus", str(corpus), "train", "export", "--draft",
               made.stdout.strip(), "-o", str(out))
    assert done.exit_code == 0, done.output
    page = out.read_text(encoding="utf-8")
    assert claim in page and "Life under IS is hard." not in page
    draft = sqlite_team.store("alice").get_draft(int(made.stdout.strip()))
    assert draft.current.corpus_dir == str(corpus.resolve())


def test_a_deck_whose_stored_text_was_changed_outside_the_tool_is_not_exported(
        sqlite_team: Team, tmp_path: Path) -> None:
    draft_id = _approved(sqlite_team, "harsh-life")
    engine = create_engine(sqlite_team.owner_url)
    with engine.begin() as sql:
        sql.execute(text("UPDATE versions SET markdown = replace(markdown, 'harsh', 'fine')"))
    engine.dispose()
    out = tmp_path / "deck.pptx"
    done = run(sqlite_team, "alice", "train", "export", "--draft", str(draft_id), "-o", str(out))
    assert done.exit_code == 1
    assert "was changed outside counterbrief" in done.stderr and not out.exists()


# -- the checks a deck passes before review ---------------------------------------------


def _deck() -> Deck:
    return build_deck(load_corpus(), ["brutality-against-sunnis"], "workshop")


def _submit(sqlite_team: Team, stored: str, audience: str = "workshop") -> list[str]:
    sqlite_team.add(alice="author")
    alice = sqlite_team.store("alice")
    alice.deck_checker = deck_checker(load_corpus())
    draft = alice.new_draft(deck_inputs(["brutality-against-sunnis"], audience), stored,
                            "fp", kind="deck")
    with pytest.raises(ChecksFailed) as refused:
        alice.submit(draft.id)
    assert alice.get_draft(draft.id).status == "draft"
    return list(refused.value.problems)


def test_a_deck_passes_its_checks_as_built(sqlite_team: Team) -> None:
    sqlite_team.add(alice="author")
    alice = sqlite_team.store("alice")
    alice.deck_checker = deck_checker(load_corpus())
    draft = alice.new_draft(deck_inputs(["brutality-against-sunnis"], "workshop"),
                            deck_text(_deck(), ["brutality-against-sunnis"], "workshop"),
                            "fp", kind="deck")
    assert alice.submit(draft.id).status == "in-review"


def test_submission_refuses_a_deck_whose_quotation_is_not_verbatim(sqlite_team: Team) -> None:
    import dataclasses

    deck = _deck()
    at = next(i for i, s in enumerate(deck.slides) if s.voice is not None)
    voice = deck.slides[at].voice
    assert voice is not None and "kill" in voice.text
    changed = dataclasses.replace(deck.slides[at], voice=dataclasses.replace(
        voice, text=voice.text.replace("kill", "punish", 1)))
    deck = dataclasses.replace(deck, slides=(*deck.slides[:at], changed, *deck.slides[at + 1:]))
    problems = _submit(sqlite_team, deck_text(deck, [], "workshop"))
    assert problems == [f"slide {at + 1}: the quotation of {voice.quote_id} is not word for "
                        "word as the corpus has it: 'kill' became 'punish'"]


def test_submission_refuses_graphic_testimony_without_its_content_note(
        sqlite_team: Team) -> None:
    import dataclasses

    deck = _deck()
    notes = [i for i, s in enumerate(deck.slides) if s.kind == SlideKind.content_note]
    assert notes, "the theme has graphic testimony"
    slides = tuple(s for i, s in enumerate(deck.slides) if i != notes[0])
    problems = _submit(sqlite_team, deck_text(dataclasses.replace(deck, slides=slides), [],
                                              "workshop"))
    graphic = slides[notes[0]].voice
    assert graphic is not None and graphic.graphic
    assert problems == [f"slide {notes[0] + 1}: {graphic.quote_id} is graphic testimony with "
                        "no content-note slide before it"]


def test_submission_refuses_a_voice_the_decks_audience_may_not_see(sqlite_team: Team) -> None:
    corpus = load_corpus()
    kept = next(a for a in corpus.audiences.values() if not a.graphic_allowed)
    problems = _submit(sqlite_team, deck_text(_deck(), [], kept.id), kept.id)
    assert problems and all(f"may not appear for {kept.id}" in p for p in problems
                            if "may not appear" in p)
    assert any("graphic: not shown to" in p for p in problems)


def test_a_deck_with_an_approval_copied_in_is_saved_as_draft(sqlite_team: Team) -> None:
    import dataclasses

    from assistant.render.approval import Approval
    from assistant.train.approval import approved

    sqlite_team.add(alice="author")
    stamp = Approval("carol", __import__("datetime").date(2026, 3, 2), "abc", "reviewer")
    forged = deck_text(approved(_deck(), stamp), [], "workshop")
    draft = sqlite_team.store("alice").new_draft(deck_inputs([], "workshop"), forged, "fp",
                                                 kind="deck")
    stored = read_deck(draft.current.markdown).deck
    assert stored.status == DRAFT and "carol" not in draft.current.markdown
    assert [s.kind for s in stored.slides] == [s.kind for s in _deck().slides]
    assert dataclasses.replace(stored, status=DRAFT) == _deck()


@pytest.mark.parametrize("stored", ["# a brief", "{}", '{"kind": "counterbrief trainer\'s deck", '
                                    '"format": 1, "deck": {"title": 3}}'])
def test_text_that_is_not_a_deck_is_refused_as_a_deck_draft(sqlite_team: Team,
                                                            stored: str) -> None:
    sqlite_team.add(alice="author")
    with pytest.raises(InvalidInput, match="deck"):
        sqlite_team.store("alice").new_draft(deck_inputs([], "workshop"), stored, "fp",
                                             kind="deck")
    assert sqlite_team.store("alice").list_queue() == []


# -- the wrong kind of draft, or none ---------------------------------------------------


def test_each_export_command_refuses_the_other_kind_of_draft(sqlite_team: Team,
                                                              tmp_path: Path) -> None:
    deck_id = _drafted(sqlite_team, "harsh-life")
    brief = run(sqlite_team, "alice", "draft", "new", "--theme", "harsh-life", "--audience",
                "journalists")
    brief_id = brief.stdout.strip()
    cases = [
        (("train", "export", "--draft", brief_id, "-o", str(tmp_path / "x.pptx")),
         f"draft {brief_id} is a brief, not a trainer's deck; export it with "
         f"`assistant draft export {brief_id}`"),
        (("draft", "export", str(deck_id), "-o", str(tmp_path / "x.md")),
         f"draft {deck_id} is a trainer's deck, not a brief; export it with "
         f"`assistant train export --draft {deck_id} -o FILE.pptx`"),
        (("draft", "edit", str(deck_id), "--quotes", "2"),
         f"draft {deck_id} is a trainer's deck, not a brief"),
        (("train", "edit", brief_id), f"draft {brief_id} is a brief, not a trainer's deck"),
        (("train", "export", "--draft", "99", "-o", str(tmp_path / "x.html")),
         "unknown draft '99'; `assistant review list` shows the drafts"),
        (("train", "export", "--draft", str(deck_id), "--theme", "harsh-life", "-o",
          str(tmp_path / "x.html")), "--draft exports the deck as it was saved"),
    ]
    for args, says in cases:
        result = run(sqlite_team, "alice", *args)
        assert result.exit_code == 2, (args, result.output)
        assert says in " ".join(result.stderr.split()), (args, result.stderr)
        assert "Traceback" not in result.output
    assert not list(tmp_path.glob("x.*"))


def test_draft_show_prints_a_decks_slides_and_json_has_its_kind(sqlite_team: Team) -> None:
    deck_id = _drafted(sqlite_team, "harsh-life")
    shown = run(sqlite_team, "bob", "draft", "show", str(deck_id))
    assert shown.exit_code == 0, shown.output
    assert "template trainer-deck" in shown.stdout
    assert "1. [title] The narratives of people who left Islamic State" in shown.stdout
    assert '"counterbrief' not in shown.stdout
    as_json = json.loads(run(sqlite_team, "bob", "draft", "show", str(deck_id),
                             "--json").stdout)
    assert as_json["kind"] == "deck"


def test_a_draft_stays_the_kind_it_was_started_as(team: Team) -> None:
    deck_id = _drafted(team, "harsh-life")
    url = team.owner_url if team.backend == "sqlite" else team.url("alice")
    engine = create_engine(url)
    try:
        with engine.begin() as sql, pytest.raises(DBAPIError,
                                                  match="stays the kind it was started as"):
            sql.execute(text(f"UPDATE drafts SET kind = 'brief', revision = revision + 1 "
                             f"WHERE id = {deck_id}"))
    finally:
        engine.dispose()
    assert team.store("alice").get_draft(deck_id).kind == "deck"


def test_a_deck_pptx_opens_with_python_pptx_after_approval(sqlite_team: Team,
                                                           tmp_path: Path) -> None:
    """Kept small: the file is a real presentation with a native chart part."""
    draft_id = _approved(sqlite_team, "harsh-life")
    out = tmp_path / "deck.pptx"
    run(sqlite_team, "alice", "train", "export", "--draft", str(draft_id), "-o", str(out))
    import zipfile

    with zipfile.ZipFile(io.BytesIO(out.read_bytes())) as parts:
        assert any(n.startswith("ppt/charts/chart") for n in parts.namelist())

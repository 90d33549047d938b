"""What a reader of the rendered brief sees: verbatim quotations, citations, DRAFT or
approval, content notes, disputed and single-source figures, post lengths."""

from __future__ import annotations

import itertools
import re
from datetime import date

import pytest

from assistant.compose import BriefInputs, compose_brief
from assistant.corpus import Corpus, CorpusError, load_corpus
from assistant.render import Approval, render_markdown

from .compose_helpers import brief, library, mini_corpus

QUOTE_LINE = re.compile(r"^> “(.*)”$", re.MULTILINE)
POST = re.compile(r"^## Post \d+\n\n(.+)$", re.MULTILINE)
POST_QUOTE = re.compile(r"^“(.*)” — ")


def quotations(markdown: str) -> list[str]:
    """Every quotation as a reader finds it: block quotes, and the quotation in each post."""
    found = QUOTE_LINE.findall(markdown)
    for post in POST.findall(markdown):
        match = POST_QUOTE.match(post)
        assert match, f"a post without its quotation first: {post}"
        found.append(match.group(1))
    return found


def bundled_corpus() -> Corpus | None:
    try:
        corpus = load_corpus(today=date(2026, 1, 1))
    except CorpusError:
        return None
    return corpus if corpus.quotes else None


def every_combination(corpus: Corpus) -> list[tuple[str, str, str]]:
    return list(itertools.product(sorted(corpus.themes), sorted(corpus.audiences),
                                  library().ids()))


def assert_verbatim_and_within_limits(corpus: Corpus, theme: str, audience: str,
                                      template: str) -> None:
    b = compose_brief(corpus, BriefInputs(theme=theme, audience=audience, template=template),
                      library())
    markdown = render_markdown(b, library())
    texts = {q.text for q in corpus.quotes.values()}
    found = quotations(markdown)
    assert len(found) == len(b.quotes)
    for text in found:
        assert text in texts, f"not verbatim in the corpus: {text}"
    for post in POST.findall(markdown):
        assert len(post) <= 280, f"{len(post)} characters: {post}"
    if not corpus.audiences[audience].graphic_allowed:
        assert not any(q.graphic for q in b.quotes)


@pytest.mark.parametrize(("theme", "audience", "template"), every_combination(mini_corpus()))
def test_every_quotation_is_verbatim_in_the_mini_corpus(theme: str, audience: str,
                                                        template: str) -> None:
    assert_verbatim_and_within_limits(mini_corpus(), theme, audience, template)


def test_every_quotation_in_every_bundled_brief_is_verbatim_in_the_corpus() -> None:
    corpus = bundled_corpus()
    if corpus is None:
        pytest.skip("the bundled corpus is empty or not valid yet")
    for theme, audience, template in every_combination(corpus):
        assert_verbatim_and_within_limits(corpus, theme, audience, template)


def test_curator_notes_and_quote_ids_never_reach_a_bundled_brief() -> None:
    corpus = bundled_corpus()
    if corpus is None:
        pytest.skip("the bundled corpus is empty or not valid yet")
    notes = [q.note for q in corpus.quotes.values() if q.note]
    assert notes, "the bundled corpus has curator notes to keep out"
    for theme, audience, template in every_combination(corpus):
        markdown = render_markdown(compose_brief(
            corpus, BriefInputs(theme=theme, audience=audience, template=template), library()),
            library())
        assert not re.search(r"\bq-\d{3}\b", markdown), (theme, audience, template)
        assert not any(note in markdown for note in notes), (theme, audience, template)


def test_unapproved_brief_says_draft_at_the_top() -> None:
    markdown = render_markdown(brief(), library())
    assert markdown.split("\n")[2].startswith("**DRAFT")


def test_approved_brief_names_approver_date_and_version() -> None:
    approval = Approval(approver="Sam Lee", date=date(2026, 3, 3), version="1a2b3c4d")
    markdown = render_markdown(brief(), library(), approval=approval)
    assert "**Approved by Sam Lee on 3 March 2026, version 1a2b3c4d**" in markdown
    assert "DRAFT" not in markdown


def test_content_note_comes_before_the_first_quotation() -> None:
    markdown = render_markdown(brief("leaving-and-speaking-out", "policymakers",
                                     pins=["q-behead"]), library())
    assert markdown.index("Content note:") < markdown.index("> “")


def test_quote_names_its_original_outlet_in_the_attribution_and_cites_the_report_read() -> None:
    markdown = render_markdown(brief("harsh-life", "young-people", pins=["q-says-no"]), library())
    number = re.search(r"“ISIS wants to kill everyone who says no”\n>\n> — .*, speaking to NPR "
                       r"\[(\d+)\]\n", markdown)
    assert number
    assert (f"{number.group(1)}. The New York Times, “ISIS Defectors Reveal "
            "Disillusionment”, 20 September 2015.") in markdown
    assert "quoted in" not in markdown


def test_disputed_figure_shows_each_source_and_the_note() -> None:
    markdown = render_markdown(brief("leaving-and-speaking-out", "policymakers"), library())
    assert "The sources differ: The Straits Times gives “more than 300”" in markdown
    assert "The Washington Post gives “half of the 700”" in markdown
    assert "neither names the official source" in markdown


def test_single_source_figure_is_marked_and_dated() -> None:
    markdown = render_markdown(brief("leaving-and-speaking-out", "policymakers"), library())
    line = next(line for line in markdown.split("\n") if line.startswith("- Almost 60 per cent"))
    assert line.endswith("_(as of August 2015; single source)_")


def test_every_template_states_the_campaign_frame() -> None:
    for template in library().ids():
        markdown = render_markdown(brief(template=template), library())
        for label in ("Goal", "Audience", "Message", "Messenger", "Media", "Action",
                      "Monitoring"):
            assert f"- **{label}:** " in markdown, (template, label)


def test_rendering_twice_gives_identical_text() -> None:
    first = render_markdown(brief(template="trainer-notes"), library())
    assert render_markdown(brief(template="trainer-notes"), library()) == first


def test_a_context_line_never_points_back_at_a_source_the_brief_has_not_shown() -> None:
    corpus = mini_corpus()
    first = corpus.quotes["q-behead"]
    corpus.quotes["q-behead"] = first.model_copy(
        update={"context": "The same speaker, in the same NPR interview."})
    inputs = BriefInputs(theme="leaving-and-speaking-out", audience="policymakers",
                         template="trainer-notes", pins=["q-behead"], order=["q-behead"])
    markdown = render_markdown(compose_brief(corpus, inputs, library()), library())
    assert "the same NPR interview" not in markdown
    assert "Context:" not in markdown.split("“I was thinking all the time")[1].split("###")[0]


def test_a_context_line_that_points_back_at_an_earlier_quote_stays() -> None:
    corpus = mini_corpus()
    quote = corpus.quotes["q-behead"]
    corpus.quotes["q-behead"] = quote.model_copy(update={"context": "The same speaker again."})
    inputs = BriefInputs(theme="leaving-and-speaking-out", audience="policymakers",
                         template="trainer-notes", pins=["q-behead", "q-says-no"],
                         order=["q-says-no", "q-behead"])
    b = compose_brief(corpus, inputs, library())
    if b.quotes[0].speaker.id != b.quotes[1].speaker.id:
        pytest.skip("the mini corpus gives these two quotes different speakers")
    assert "Context: The same speaker again." in render_markdown(b, library())

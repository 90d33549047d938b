"""Figures: every number the audience reads is matched to a corpus fact by its context,
digits or words; our own targets in the team part are not claims and are left alone."""

from __future__ import annotations

from functools import cache

from assistant.checks import Finding, check_markdown
from assistant.compose.parts import TEAM_HEADING
from assistant.corpus import Corpus, load_corpus
from tests.checks_helpers import TODAY, of

FIGURE = ("At least 58 people who left the Islamic State spoke publicly about it between "
          "January 2014 and August 2015. [1] _(as of August 2015)_")
SOURCES = ("## Sources\n\n1. New York Times, “ISIS Defectors Reveal Disillusionment”, "
           "20 September 2015.\n2. The Straits Times, “Growing number of ISIS defectors speak "
           "out”, 22 September 2015.\n")


@cache
def bundled() -> Corpus:
    return load_corpus()


def brief(*lines: str, team: str = "") -> str:
    body = "\n".join(f"- {line}" for line in lines)
    tail = f"\n# {TEAM_HEADING}\n\n## Monitoring\n\n{team}\n" if team else ""
    return f"# Brief\n\n## The numbers\n\n{body}\n\n{SOURCES}{tail}"


def figures(text: str) -> list[tuple[str, str, int | None]]:
    found: list[Finding] = check_markdown(text, bundled(), today=TODAY)
    return [f for f in of(found, "figures") if f[0] == "error"]


def test_a_figure_as_the_sources_give_it_passes() -> None:
    assert figures(brief(FIGURE)) == []


def test_a_changed_figure_is_an_error_naming_the_fact_and_its_sources() -> None:
    [(_, message, line)] = figures(brief(FIGURE.replace("58", "85")))
    assert message.startswith("figure 85 differs from fact f-defectors-public (At least 58 "
                              "(wapo-adam-repost); 58 (straits-times-2015-09-22)")
    assert line == 5


def test_a_changed_figure_in_words_is_an_error() -> None:
    text = brief("Twelve defectors left after finding out they had been selected as suicide "
                 "bombers. [2] _(as of August 2015)_")
    [(_, message, _)] = figures(text)
    assert message.startswith("figure Twelve differs from fact f-suicide-bombers")


def test_a_number_in_words_is_read_as_its_value() -> None:
    text = brief("Seventeen of the 58 public defectors were women. [1] _(as of August 2015)_")
    [(_, message, _)] = figures(text)
    assert message.startswith("figure Seventeen differs from fact f-defectors-women")


def test_a_figure_written_in_millions_is_compared_by_value() -> None:
    text = brief("A YouTube video by the US Center for Strategic Counterterrorism "
                 "Communications had been seen 1.5 million times. [1] _(as of 20 September "
                 "2015; single source)_")
    [(_, message, _)] = figures(text)
    assert message.startswith("figure 1.5 million differs from fact f-video-views (865,000 "
                              "times (nyt-2015-09-20))")


def test_an_invented_figure_is_an_error() -> None:
    assert [m for _, m, _ in figures(brief(FIGURE, "Some 5,000 families wrote to us. [1]"))] \
        == ["figure 5,000 matches no fact in the corpus"]


def test_our_own_targets_in_the_team_part_are_not_figures() -> None:
    assert figures(brief(FIGURE, team="Reach 300 officials in 2 rounds; aim for 40 replies.")) \
        == []


def test_our_own_target_in_the_audience_part_is_an_error() -> None:
    [(severity, message, _)] = figures(brief(FIGURE, "We will reach 40 officials. [1]"))
    assert (severity, message[:10]) == ("error", "figure 40 ")


def test_a_disputed_figure_with_one_version_is_an_error() -> None:
    text = brief("British officials say more than 300 of the Britons who went have returned "
                 "to the UK. [2] _(as of September 2015)_")
    [(_, message, _)] = figures(text)
    assert message.startswith("fact f-british-returnees: the sources disagree (half of the "
                              "700 Britons (wapo-adam-repost); more than 300")


def test_a_disputed_figure_with_both_versions_passes() -> None:
    text = brief("British officials say more than 300 [2], or half of the 700 Britons [1], "
                 "have returned to the UK. _(as of September 2015)_")
    assert figures(text) == []


def test_data_misdated_as_of_is_an_error() -> None:
    assert figures(brief(FIGURE.replace("as of August 2015", "as of 2019"))) == [
        ("error", "'as of 2019' does not date the figures here (f-defectors-public: 2015-08)",
         5)]


def test_the_report_date_without_the_disagreement_is_an_error() -> None:
    [(_, message, _)] = figures(brief("The ICSR report was published on 18 September 2015. "
                                      "[1]"))
    assert message.startswith("fact f-report-published: the sources disagree (published "
                              "September 18 (uk-think-tank-defectors)")


def test_the_report_date_with_both_versions_passes() -> None:
    assert figures(brief("The ICSR report was published on 18 September 2015 by one account "
                         "and on 21 September 2015 by others. [1]")) == []


def test_a_number_the_corpus_texts_print_is_not_an_unknown_figure() -> None:
    assert figures(brief(FIGURE, "ICSR sets out four defector narratives.")) == []


def test_a_conflict_note_printed_whole_is_not_a_misquotation() -> None:
    note = bundled().facts["f-report-published"].conflict_note or ""
    found = check_markdown(brief(FIGURE, f"The date of the report: {note} [1]"), bundled(),
                           today=TODAY)
    assert [f.format() for f in found if f.check == "fidelity" and f.is_error] == []
    assert figures(brief(FIGURE, f"The date of the report: {note} [1]")) == []


def test_one_version_of_a_disputed_figure_is_reported_as_disputed_whatever_else_fits() -> None:
    # "Dozens of people left ... and spoke publicly" are the words of another fact (the 58
    # who spoke out): the figure 350 is still one version of the disputed returnees
    from tests.check_mutations import findings, generated

    g = next(x for x in generated()
             if x.name == "leaving-and-speaking-out/policymakers/policy-brief")
    md = g.markdown.replace("## The numbers\n", "## The numbers\n\n- Dozens of people left "
                            "the Islamic State and spoke publicly about it; 350 British "
                            "returnees have come back [2].\n", 1)
    line = md.splitlines().index("## The numbers") + 3
    said = [f.message for f in findings(g, md) if f.check == "figures" and f.line == line]
    assert said == [
        "fact f-british-returnees: the sources disagree (half of the 700 Britons "
        "(wapo-adam-repost); more than 300 (straits-times-2015-09-22); more than 300 "
        "(nyt-2015-09-20)) but the brief shows one version"]


def test_a_figure_that_is_no_version_of_a_disputed_fact_names_every_version() -> None:
    from tests.check_mutations import findings, generated

    g = next(x for x in generated()
             if x.name == "leaving-and-speaking-out/policymakers/policy-brief")
    md = g.markdown.replace("## The numbers\n", "## The numbers\n\n- British officials "
                            "estimate that 420 of the Britons who went have returned to the "
                            "United Kingdom [2]. _(as of September 2015)_\n", 1)
    line = md.splitlines().index("## The numbers") + 3
    said = [f.message for f in findings(g, md) if f.check == "figures" and f.line == line]
    assert said[0] == (
        "figure 420 is none of the versions of the disputed fact f-british-returnees: "
        "half of the 700 Britons (wapo-adam-repost); more than 300 "
        "(straits-times-2015-09-22); more than 300 (nyt-2015-09-20)")


def test_a_numeric_date_or_a_clock_time_is_not_a_figure() -> None:
    text = brief(FIGURE, "Updated 12/02/2026 for the briefing at 14:30 (Quran 5:32 is "
                         "often cited). [1]")
    assert figures(text) == []


def test_a_helpline_telephone_number_is_not_a_figure() -> None:
    text = brief(FIGURE, "Worried about someone? Call the anti-terrorist hotline on "
                         "0800 789 321, or +44 20 7123 4567 from abroad. [1]")
    assert figures(text) == []

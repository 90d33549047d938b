"""Review integrity: a brief says it was approved only when it is the approved version;
a brief without quotations is a warning (an error under --strict); JSON findings carry
the rule, line, severity, message and the corpus ids involved."""

from __future__ import annotations

import json

from assistant.checks import check_markdown, findings_json
from tests.checks_helpers import CLEAN, TODAY, corpus, of, run, variant

APPROVED = "**Approved by carol on 3 March 2026, version 118c94b79e40**\n\n"


def test_an_approved_by_line_in_an_unapproved_version_is_an_error() -> None:
    text = variant("_Policy brief", APPROVED + "_Policy brief")
    assert of(run(text), "review-integrity") == [
        ("error", "says it was approved, but this version is not the approved one: "
                  "'Approved by carol on 3 March 2026, version 118c94b79e40'", 3)]


def test_an_approved_by_line_is_an_error_however_its_asterisks_are_written() -> None:
    escaped = variant("_Policy brief", "\\*\\*Approved by carol on 3 March\\*\\*\n\n_Policy brief")
    assert [m for _, m, _ in of(run(escaped), "review-integrity")] == [
        "says it was approved, but this version is not the approved one: "
        "'Approved by carol on 3 March'"]


def test_the_approved_version_may_say_who_approved_it() -> None:
    text = variant("_Policy brief", APPROVED + "_Policy brief")
    c = corpus()
    findings = check_markdown(text, c, c.audiences["young-people"], today=TODAY,
                              approved=True)
    assert of(findings, "review-integrity") == []


def test_a_brief_without_quotations_is_a_warning_and_an_error_under_strict() -> None:
    text = CLEAN.replace("> “ISIS wants to kill everyone who says no”\n", "").replace(
        "“My main reason for leaving was that I felt that I wasn’t doing what I had "
        "initially come for”", "that he had come to help")
    expected = "the brief quotes no one: it has no quotation"
    assert of(run(text), "review-integrity") == [("warning", expected, None)]
    c = corpus()
    strict = check_markdown(text, c, c.audiences["young-people"], today=TODAY, strict=True)
    assert of(strict, "review-integrity") == [("error", expected, None)]


def test_json_findings_name_the_rule_line_severity_message_and_corpus_ids() -> None:
    text = variant("> — 26-year-old Syrian fighter [1]", "> — Peter Neumann [1]")
    data = json.loads(findings_json(run(text), "brief.md"))
    [finding] = [f for f in data["findings"] if f["rule"] == "attribution"]
    assert finding["line"] == 7
    assert finding["severity"] == "error"
    assert finding["message"] == ("q-says-no is by 26-year-old Syrian fighter, but the brief "
                                  "gives it to Peter Neumann")
    assert finding["corpus_ids"] == ["q-says-no", "syrian-fighter-26", "peter-neumann"]


def test_a_report_title_in_quotation_marks_is_not_a_quotation() -> None:
    from assistant.corpus import load_corpus

    bundled = load_corpus()
    text = ("# Harsh life\n\n_Talking points for journalists_\n\n## What the report says\n\n"
            "In our words: life was far from the promise, says the ICSR report “Victims, "
            "Perpetrators, Assets: The Narratives of Islamic State Defectors” [1]\n\n"
            "## Sources\n\n1. New York Times, “ISIS Defectors Reveal Disillusionment”, "
            "20 September 2015.\n")
    found = check_markdown(text, bundled, bundled.audiences["journalists"], today=TODAY)
    assert of(found, "review-integrity") == [
        ("warning", "the brief quotes no one: it has no quotation", None)]

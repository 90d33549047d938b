"""A practitioner's hand edits of briefs made with `assistant brief`, checked with
`assistant check FILE --json` as they would run it.

Each mistake is one realistic edit of one generated brief, worded afresh (none of the
wordings of tests/hand_mistakes.py or tests/check_mutations.py); each harmless edit is one
a careful communicator makes every day. The expected verdict is what a careful reviewer
wants, not what the checks do today. `python -m tests.practitioner_edits` prints what the
checks make of each.
"""

from __future__ import annotations

import atexit
import json
import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from click.testing import CliRunner

from assistant.cli import cli
from tests.hand_mistakes import Edit, add, after, both, swap

BRIEFS = {
    "brutal-policy": ("brutality-against-sunnis", "policymakers", "policy-brief"),
    "brutal-trainer": ("brutality-against-sunnis", "workshop", "trainer-notes"),
    "harsh-points": ("harsh-life", "journalists", "talking-points"),
    "harsh-trainer": ("harsh-life", "workshop", "trainer-notes"),
    "harsh-posts": ("harsh-life", "young-people", "social-posts"),
    "corrupt-community": ("corrupt-un-islamic", "community-leaders", "talking-points"),
    "corrupt-policy": ("corrupt-un-islamic", "journalists", "policy-brief"),
    "leaving-policy": ("leaving-and-speaking-out", "policymakers", "policy-brief"),
    "leaving-points": ("leaving-and-speaking-out", "journalists", "talking-points"),
}
"""Briefs as `assistant brief --theme T --audience A --template F` writes them."""


@dataclass(frozen=True)
class Finding:
    check: str
    severity: str
    message: str
    line: int | None

    def format(self) -> str:
        return f"{self.line}: {self.severity} [{self.check}] {self.message}"


@dataclass(frozen=True)
class Case:
    name: str
    brief: str
    edit: Edit
    checks: tuple[str, ...] = ()  # for a mistake: the checks that should report it
    severity: str = "error"  # what a careful reviewer wants from them (or "warning")
    strict: str | None = None  # the severity wanted under --strict, where it differs
    wrong: str | None = None  # what the checks do instead today (an xfail's reason)


# the same edits as the hand-made set: one place for how a brief is edited
before_sources, each = add, both


def _env() -> dict[str, str]:
    """No user settings or cache: one empty folder of each for every run of this module."""
    root = Path(tempfile.mkdtemp(prefix="practitioner-"))
    atexit.register(shutil.rmtree, root, ignore_errors=True)
    return {"COUNTERBRIEF_CONFIG_DIR": str(root / "config"),
            "COUNTERBRIEF_CACHE_DIR": str(root / "cache"), "ASSISTANT_CORPUS": "",
            "ASSISTANT_DB": "", "ASSISTANT_USER": "", "ASSISTANT_DEBUG": "",
            "PRACTITIONER_ROOT": str(root)}


@cache
def env() -> dict[str, str]:
    return _env()


def _run(*args: str) -> tuple[int, str, str]:
    e = {k: (v or None) for k, v in env().items() if k != "PRACTITIONER_ROOT"}
    result = CliRunner().invoke(cli, list(args), env=e, catch_exceptions=True)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"assistant {' '.join(args)} raised "
                             f"{type(result.exception).__name__}: {result.exception}")
    return result.exit_code, result.stdout, result.stderr


@cache
def generated(name: str) -> str:
    theme, audience, template = BRIEFS[name]
    out = Path(env()["PRACTITIONER_ROOT"]) / f"{name}.md"
    code, _, err = _run("brief", "--theme", theme, "--audience", audience, "--template",
                        template, "-o", str(out), "--force")
    assert code == 0, err
    return out.read_text(encoding="utf-8")


def check(markdown: str, *options: str) -> tuple[int, list[Finding]]:
    """`assistant check FILE --json [options]` on the text: its exit status and findings."""
    path = Path(env()["PRACTITIONER_ROOT"]) / f"edited-{os.getpid()}.md"
    path.write_text(markdown, encoding="utf-8")
    code, out, err = _run("check", str(path), "--json", *options)
    assert code in (0, 1), err
    data = json.loads(out)
    return code, [Finding(f["check"], f["severity"], f["message"], f.get("line"))
                  for f in data["findings"]]


@cache
def baseline(name: str, *options: str) -> frozenset[tuple[str, str]]:
    return frozenset((f.check, f.message) for f in check(generated(name), *options)[1])


def new_findings(case: Case, *options: str) -> list[Finding]:
    """The errors and warnings the edit brought (info is typography, never a finding)."""
    before = baseline(case.brief, *options)
    _, found = check(case.edit(generated(case.brief)), *options)
    return [f for f in found if f.severity != "info" and (f.check, f.message) not in before]


def verdict(case: Case, *options: str) -> str:
    """'error', 'warning' or 'missed': the most the named checks made of a mistake."""
    said = [f.severity for f in new_findings(case, *options) if f.check in case.checks]
    return "error" if "error" in said else "warning" if said else "missed"


IBRAHIM_CBS = "> — a Western fighter named Ibrahim, speaking to CBS [1]"
SYRIAN_NPR = "> — 26-year-old Syrian fighter, speaking to NPR [2]"
NEUMANN_CNN = ("> — Peter Neumann, director of ICSR and professor of security studies at "
               "King’s College London, writing for CNN [1]")
NYT_REPORT = "> — the New York Times report of 20 September 2015 [1]"
ICSR_REPORT = ("> — the ICSR report “Victims, Perpetrators, Assets: The Narratives of "
               "Islamic State Defectors”")
NOT_ALL = "“It’s not all military parades, or it’s not all victories.”"
BRITONS = ("- How many Britons who went to join jihadist groups in the Middle East have "
           "returned to the United Kingdom, as estimated by British officials: the reports "
           "differ, “half of the 700 Britons” (The Washington Post [2]) or “more than 300” "
           "(The Straits Times; New York Times [1, 3]); they do not say which is right. "
           "_(as of September 2015)_")
REPORT_DATES = ("ICSR’s report is dated 18 September 2015 (the UK think-tank article [1]) or "
                "21 September 2015 (New York Times; The Washington Post; The Straits Times "
                "[2, 3, 4]): the reports differ.")



def _summarised(md: str) -> str:
    """Every quotation's words replaced by our own summary inside its block."""
    return re.sub(r"(?m)^> “[^\n]*”\s*$", "> In short: what they found was not what they "
                  "had been promised.", md)


def _reported(md: str) -> str:
    """Every quotation block turned into reported speech in our words, cited as before."""
    return re.sub(r"(?m)^> “[^\n]*”\n>\n> — (?P<who>[^\n]*?) (?P<refs>\[[\d, ]+\])$",
                  lambda m: f"In our words: {m.group('who')} described a life far from "
                            f"the promise. {m.group('refs')}", md)


MISTAKES = [
    # --- attribution ------------------------------------------------------------
    Case("the report's words given to Ibrahim in a block attribution", "leaving-policy",
         swap(ICSR_REPORT + " [1]\n\n> “But", "> — Ibrahim, who fought with the group, "
              "speaking to CBS [1]\n\n> “But"), ("attribution",)),
    Case("Ibrahim's words given to Neumann in prose, 'as X put it'", "harsh-points",
         swap("- The Washington Post reports that daily life",
              f"- As Peter Neumann put it, {NOT_ALL} [1]\n- The Washington Post reports "
              "that daily life"), ("attribution",)),
    Case("a researcher and a newspaper swapped in their attribution lines", "leaving-points",
         each(swap(NYT_REPORT, "@@NYT@@"),
              swap("> — Peter Neumann, director of ICSR and professor of security studies "
                   "at King’s College London [1]", NYT_REPORT),
              swap("@@NYT@@", "> — Peter Neumann, director of ICSR and professor of "
                   "security studies at King’s College London [1]")), ("attribution",)),
    Case("Neumann's words given to 'one defector' in prose", "brutal-policy",
         before_sources("One defector admitted: “Not every defector is a saint, and not all "
                        "of them are ready or willing to stand in the public spotlight” [1]"),
         ("attribution",)),
    Case("a social post's words signed with the other defector", "harsh-posts",
         swap("victories.” — a Western fighter named Ibrahim (CBS via New York Times, 2015)",
              "victories.” — 26-year-old Syrian fighter (NPR via New York Times, 2015)"),
         ("attribution",)),
    Case("the New York Times' words credited to The Washington Post in prose",
         "harsh-points",
         swap("- Some were disappointed that the life",
              "- The Washington Post wrote that “Others grew weary of what they saw as "
              "favoritism and mistreatment by commanders” [2]\n- Some were disappointed "
              "that the life"), ("attribution", "citations")),
    # --- citations ----------------------------------------------------------------
    Case("a reference entry's outlet changed to BBC News", "harsh-points",
         swap("2. The Washington Post, “Dozens", "2. BBC News, “Dozens"), ("citations",)),
    Case("a reference entry's date moved a week", "leaving-policy",
         swap("1. New York Times, “ISIS Defectors Reveal Disillusionment”, 20 September 2015",
              "1. New York Times, “ISIS Defectors Reveal Disillusionment”, 13 September 2015"),
         ("citations",)),
    Case("a figure's citation pointing at a source that does not give it", "harsh-points",
         swap("selected as suicide bombers. [1, 3]", "selected as suicide bombers. [2]"),
         ("citations", "figures")),
    # --- figures --------------------------------------------------------------------
    Case("almost 60 per cent rounded up to two-thirds", "leaving-points",
         swap("Almost 60 per cent of the public", "Almost two-thirds of the public"),
         ("figures",)),
    Case("two suicide-bomber defectors become three", "harsh-points",
         swap("- Two defectors left after", "- Three defectors left after"), ("figures",)),
    Case("the count's start moved from January to June 2014", "leaving-policy",
         swap("spoke publicly about it between January 2014 and August 2015; ICSR says",
              "spoke publicly about it between June 2014 and August 2015; ICSR says"),
         ("figures",)),
    Case("'as of' moved from August to December 2015", "harsh-trainer",
         swap("selected as suicide bombers. [1, 3] _(as of August 2015)_",
              "selected as suicide bombers. [1, 3] _(as of December 2015)_"), ("figures",)),
    Case("the disputed returnees given as about 350 only", "leaving-points",
         swap(BRITONS, "- About 350 Britons who went to join jihadist groups have returned "
                       "to the United Kingdom, British officials estimate. [2] "
                       "_(as of September 2015)_"), ("figures",)),
    Case("the report's date given as 21 September only", "brutal-policy",
         swap(REPORT_DATES, "ICSR’s report is dated 21 September 2015 [2, 3, 4]."),
         ("figures",)),
    Case("58 in a prose sentence of our own turned into 'nearly a hundred'", "corrupt-policy",
         before_sources("Nearly a hundred people who left spoke publicly by August 2015. "
                        "[1, 2, 3, 4]"), ("figures",)),
    # --- cuts -----------------------------------------------------------------------
    Case("'so, therefore,' cut from the middle without an ellipsis", "leaving-policy",
         swap("“It had become something else — so, therefore, no longer justified",
              "“It had become something else — no longer justified"),
         ("cuts", "fidelity")),
    Case("an ellipsis that removes 'no longer'", "leaving-policy",
         swap("so, therefore, no longer justified me", "so, therefore, … justified me"),
         ("cuts",)),
    Case("an ellipsis that removes the qualifier 'A small but significant number of'",
         "harsh-points",
         swap("“A small but significant number of the defectors expressed",
              "“… the defectors expressed"), ("cuts",)),
    Case("'who says no' cut off the end with an ellipsis", "brutal-policy",
         swap("“ISIS wants to kill everyone who says no”", "“ISIS wants to kill everyone …”"),
         ("cuts",)),
    Case("'wasn’t' made 'was' behind an ellipsis", "leaving-policy",
         swap("I felt that I wasn’t doing what", "I felt that I … was doing what"),
         ("cuts", "fidelity")),
    # --- identifying details ---------------------------------------------------------
    Case("Ibrahim's home town in our own points", "harsh-points",
         swap("Ibrahim, a Western fighter who left, told CBS",
              "Ibrahim, a Western fighter from Luton who left, told CBS"),
         ("messenger-safety",)),
    Case("a former job for the anonymous defector in his attribution", "brutal-policy",
         swap(SYRIAN_NPR, "> — 26-year-old Syrian fighter, a former maths teacher at a "
                          "school in Idlib, speaking to NPR [2]"), ("messenger-safety",)),
    Case("Ibrahim's mother in the trainer's context line", "harsh-trainer",
         swap("Context: Ibrahim to CBS: what recruits find, compared with the videos they "
              "saw online.",
              "Context: Ibrahim to CBS: what recruits find, compared with the videos they "
              "saw online. His mother, a nurse in Leicester, persuaded him to come home."),
         ("messenger-safety",)),
    Case("the anonymous defector's social media handle", "harsh-trainer",
         after("he paid a smuggler to reach Turkey.",
               " He now posts about it as @syrianleaver26."), ("messenger-safety",)),
    # --- graphic violence in plain words -----------------------------------------------
    Case("a stoning described in plain words for community leaders", "corrupt-community",
         swap("## If you are asked", "Defectors describe how fighters tied a woman to a "
              "post and threw rocks at her until she died.\n\n## If you are asked"),
         ("graphic-content",)),
    Case("hostages doused in fuel, with no content note, for journalists", "harsh-points",
         swap("- The Washington Post reports that daily life",
              "- Defectors saw hostages doused in diesel and set alight.\n"
              "- The Washington Post reports that daily life"), ("graphic-content",)),
    Case("a child made to shoot a prisoner, in trainer notes", "harsh-trainer",
         swap("## Numbers to have to hand", "One defector watched a boy made to put a "
              "pistol to a prisoner’s head and fire.\n\n## Numbers to have to hand"),
         ("graphic-content",)),
    # --- extremist links and hashtags, new forms ------------------------------------------
    Case("a Telegram deep link", "corrupt-policy",
         before_sources("Their statements go out at tg://resolve?domain=nashir_news first."),
         ("amplification",)),
    Case("a defanged Telegram address", "leaving-points",
         before_sources("The channel hxxps://t[.]me/amaq_eng still reposts the claims."),
         ("amplification",)),
    Case("a Turkish Islamic State hashtag", "corrupt-policy",
         before_sources("Turkish-speaking supporters use #İslamDevleti on every post."),
         ("amplification",)),
    Case("a German Islamic State hashtag", "harsh-points",
         before_sources("German accounts push #IslamischerStaat alongside the videos."),
         ("amplification",)),
    # --- insults and mocking, new words --------------------------------------------------
    Case("'brain-dead cannon fodder'", "harsh-points",
         before_sources("The recruits were brain-dead cannon fodder."), ("tone",)),
    Case("'deserters and cowards' for the defectors", "leaving-policy",
         before_sources("These deserters are cowards who ran when it got hard."), ("tone",)),
    Case("'muppets' for the people drawn in", "corrupt-community",
         swap("## If you are asked", "Only muppets believe a recruiter’s promises.\n\n"
              "## If you are asked"), ("tone",)),
    Case("sarcasm: 'who knew?'", "harsh-points",
         before_sources("Paradise, it turns out, came without electricity. Who knew?"),
         ("tone",), "warning"),
    # --- lecturing ---------------------------------------------------------------------
    Case("'let us be absolutely clear' and a duty laid on parents", "corrupt-community",
         swap("## If you are asked", "Let us be absolutely clear: parents have a duty to "
              "stop this, and must do better.\n\n## If you are asked"), ("tone",),
         "warning"),
    # --- review integrity ----------------------------------------------------------------
    Case("'Approved by:' with a role and a numeric date under the title", "corrupt-policy",
         swap("**DRAFT: not yet approved. Do not publish or circulate outside the team.**",
              "Approved by: M. Okafor, Head of Communications, 12/02/2026"),
         ("review-integrity",)),
    Case("every quotation block filled with our own summary", "harsh-points", _summarised,
         ("fidelity",)),
    Case("every quotation turned into reported speech", "harsh-points", _reported,
         ("review-integrity",), "warning", strict="error"),
    # --- more of the same classes, in other words ------------------------------------
    Case("a defector's words given to 'an ICSR researcher'", "harsh-points",
         before_sources(f"An ICSR researcher summed it up: {NOT_ALL} [1]"), ("attribution",)),
    Case("Neumann's words given to 'a returnee' speaking to the paper", "leaving-points",
         before_sources("A returnee told the paper: “if you’re a government you’d want more "
                        "to come out” [4]"), ("attribution",)),
    Case("the single-source share cited to The Washington Post", "leaving-points",
         swap("which ICSR reads as the pace increasing. [4]",
              "which ICSR reads as the pace increasing. [2]"), ("citations", "figures")),
    Case("two suicide-bomber defectors become 'a dozen'", "harsh-points",
         swap("- Two defectors left after", "- A dozen defectors left after"), ("figures",)),
    Case("almost 60 per cent given as 'one in three'", "leaving-points",
         swap("Almost 60 per cent of the public", "One in three of the public"), ("figures",)),
    Case("almost 60 per cent given as 'more than half'", "leaving-points",
         swap("Almost 60 per cent of the public", "More than half of the public"),
         ("figures",)),
    Case("58 given as 'close to a thousand'", "corrupt-community",
         swap("- At least 58 people who left", "- Close to a thousand people who left"),
         ("figures",)),
    Case("the anonymous defector's teaching job and school town in his context line",
         "brutal-trainer",
         after("he paid a smuggler to reach Turkey.",
               " Before the war he taught at a primary school in Idlib."),
         ("messenger-safety",)),
    Case("an e-mail address for the anonymous defector", "harsh-trainer",
         after("he paid a smuggler to reach Turkey.",
               " He can be reached at syrian.fighter26@protonmail.com."),
         ("messenger-safety",)),
    Case("Ibrahim's account named without an @", "harsh-points",
         swap("Ibrahim, a Western fighter who left, told CBS",
              "Ibrahim, a Western fighter who left and now posts on Instagram as "
              "ibrahim.afterwards, told CBS"), ("messenger-safety",)),
    Case("the anonymous defector's former shop in his attribution", "brutal-policy",
         swap(SYRIAN_NPR, "> — 26-year-old Syrian fighter, who used to run a phone shop "
                          "near the market, speaking to NPR [2]"), ("messenger-safety",)),
    Case("a pilot set on fire in a cage, with no content note", "harsh-points",
         swap("- The Washington Post reports that daily life",
              "- Defectors saw fighters set a captured pilot on fire inside a cage.\n"
              "- The Washington Post reports that daily life"), ("graphic-content",)),
    Case("men pushed blindfolded off a tower block, in trainer notes", "harsh-trainer",
         swap("## Numbers to have to hand", "One defector described men pushed blindfolded "
              "off a tower block.\n\n## Numbers to have to hand"), ("graphic-content",)),
    Case("bodies left on crosses, for community leaders", "corrupt-community",
         swap("## If you are asked", "Bodies were left hanging on crosses in the town square "
              "for days.\n\n## If you are asked"), ("graphic-content",)),
    Case("boys handed knives to kill captives", "harsh-points",
         before_sources("Boys were handed knives and told to kill the captives."),
         ("graphic-content",)),
    Case("a defanged Telegram address on telegram.me", "corrupt-policy",
         before_sources("Their channel sits at telegram[.]me/s/nashir for anyone who looks."),
         ("amplification",)),
    Case("a Telegram address with '(dot)'", "leaving-points",
         before_sources("Supporters share it as t(dot)me/khilafah_news."), ("amplification",)),
    Case("a Telegram invite deep link", "corrupt-policy",
         before_sources("An invitation went round as tg://join?invite=AbCdEf12."),
         ("amplification",)),
    Case("a defanged archive mirror of the group's magazine", "leaving-points",
         before_sources("The issue is mirrored at hxxp://archive[.]ph/dabiq-15."),
         ("amplification",)),
    Case("a Spanish Islamic State hashtag with its accent", "harsh-points",
         before_sources("Spanish accounts spread #EstadoIslámico with each video."),
         ("amplification",)),
    Case("an Urdu Islamic State hashtag", "corrupt-policy",
         before_sources("Urdu-language accounts use #دولت_اسلامی on every clip."),
         ("amplification",)),
    Case("'gutless deserters'", "leaving-policy",
         before_sources("These gutless deserters left their comrades behind."), ("tone",)),
    Case("'mindless sheep' for the recruits", "harsh-points",
         before_sources("The recruits were mindless sheep."), ("tone",)),
    Case("'they were pawns'", "corrupt-community",
         swap("## If you are asked", "They were pawns, nothing more.\n\n## If you are asked"),
         ("tone",)),
    Case("sarcasm: 'go figure'", "harsh-points",
         before_sources("Paradise had no electricity. Go figure."), ("tone",), "warning"),
    Case("sarcasm: 'who could have guessed?'", "harsh-points",
         before_sources("The promised cars never came. Who could have guessed?"), ("tone",),
         "warning"),
    Case("'make no mistake' and families who should know better", "corrupt-community",
         swap("## If you are asked", "Make no mistake: families should know better.\n\n"
              "## If you are asked"), ("tone",), "warning"),
    Case("'let’s make one thing clear'", "harsh-points",
         before_sources("Let’s make one thing clear: nobody there was looking after them."),
         ("tone",), "warning"),
]
"""Each a realistic mistake: the checks named must report it, as an error unless the
style guide makes that kind of finding a warning."""

HARMLESS = [
    Case("'per cent' written as %", "leaving-points",
         swap("Almost 60 per cent of the public", "Almost 60% of the public")),
    Case("'per cent' written 'percent'", "leaving-policy",
         swap("Almost 60 per cent of the public", "Almost 60 percent of the public")),
    Case("a non-breaking space before 'per cent'", "leaving-points",
         swap("Almost 60 per cent of the public", "Almost 60\u00a0per cent of the public")),
    Case("a cut marked with an ellipsis that keeps the meaning", "harsh-points",
         swap("far less exciting, or lucrative, than they had imagined.”",
              "far less exciting … than they had imagined.”")),
    Case("a cut marked with three dots", "harsh-trainer",
         swap("far less exciting, or lucrative, than they had imagined.”",
              "far less exciting ... than they had imagined.”")),
    Case("Ibrahim's words given to him in prose, 'as he told CBS'", "harsh-points",
         swap("- The Washington Post reports that daily life",
              f"- As Ibrahim told CBS, {NOT_ALL} [1]\n- The Washington Post reports "
              "that daily life")),
    Case("Ibrahim's words given to him in prose, cited to the paper that printed them",
         "harsh-points",
         swap("- The Washington Post reports that daily life",
              f"- As Ibrahim put it, {NOT_ALL} [1]\n- The Washington Post reports "
              "that daily life")),
    Case("quotations in single curly quotes", "harsh-points",
         swap(NOT_ALL, "‘It’s not all military parades, or it’s not all victories.’")),
    Case("a horizontal bar before the attribution", "brutal-policy",
         swap(SYRIAN_NPR, SYRIAN_NPR.replace("—", "―"), 2)),
    Case("our points in another order", "leaving-points",
         swap("- Leaving is dangerous. The group treats defectors as apostates, and most of "
              "the hundreds thought to have left have gone into hiding.\n- People who speak "
              "out risk prosecution for admitting membership, Peter Neumann says; he asks for "
              "that to stop, not for amnesty.",
              "- People who speak out risk prosecution for admitting membership, Peter "
              "Neumann says; he asks for that to stop, not for amnesty.\n- Leaving is "
              "dangerous. The group treats defectors as apostates, and most of the hundreds "
              "thought to have left have gone into hiding.")),
    Case("a reply target with corpus-like numbers in the campaign frame", "brutal-policy",
         swap("who replied or asked for more.", "who replied or asked for more. Aim for 25 "
              "replies from 120 officials by 30 June 2026, and 2 follow-up meetings.")),
    Case("a posting schedule in the posting notes", "harsh-posts",
         swap("## Posting notes\n", "## Posting notes\n\n- Post at 19:00 on 3 evenings; aim "
              "for 2,000 views and 58 replies.\n")),
    Case("our one thing reworded in American spelling", "corrupt-community",
         swap("Some defectors grew weary of what they saw as favouritism and mistreatment by "
              "commanders.\n\n## Points",
              "Some who left tired of the favoritism and mistreatment they saw from their "
              "commanders.\n\n## Points")),
    Case("a typo of our own fixed", "harsh-points",
         swap("daily life brought problems such as electricity shortages.",
              "daily life brought problems, such as shortages of electricity.")),
    Case("a heading a level down", "harsh-points",
         swap("## Points to make", "### Points to make")),
    Case("our points numbered instead of bulleted", "corrupt-community",
         each(swap("- The Washington Post reports defectors’", "1. The Washington Post "
                   "reports defectors’"),
              swap("- ICSR says the defections", "2. ICSR says the defections"),
              swap("- At least 58 people", "3. At least 58 people"))),
    Case("a phrase of our own in bold", "leaving-policy",
         swap("Leaving the Islamic State is dangerous:",
              "**Leaving the Islamic State is dangerous:**")),
    Case("the four narratives named in our prose", "corrupt-policy",
         before_sources("ICSR found four narratives in what defectors said; this brief "
                        "covers the third.")),
    Case("a deadline of our own in the team notes", "leaving-policy",
         swap("## Campaign frame\n", "## Campaign frame\n\n- Send by 14 March 2026 to the 12 "
              "officials on the list.\n")),
    Case("an editor's HTML comment", "harsh-points",
         swap("## The ask", "<!-- check the ask with legal before sending -->\n\n## The ask")),
    Case("a helpline number in a post", "harsh-posts",
         swap("## Sources\n", "Worried about someone? Call the anti-terrorist hotline on "
              "0800 789 321.\n\n## Sources\n")),
    Case("the date we prepared it, in the audience's part", "brutal-policy",
         before_sources("Prepared on 2 March 2026 for the ministerial meeting.")),
    Case("Ibrahim's outlet chain spelled out in prose", "harsh-points",
         swap("told CBS that is not the whole story.",
              "told CBS, as the New York Times reported, that is not the whole story.")),
    Case("Ibrahim's words given to him, 'as the paper reported'", "harsh-points",
         before_sources(f"As the paper reported, Ibrahim said {NOT_ALL} [1]")),
    Case("the Syrian fighter's words cited to the paper that printed them", "brutal-policy",
         before_sources("As the 26-year-old Syrian fighter put it, “ISIS wants to kill "
                        "everyone who says no” [2]")),
    Case("'cannon fodder' for how the group used its recruits", "harsh-points",
         before_sources("The group used its foreign recruits as cannon fodder, defectors "
                        "said.")),
    Case("almost 60 per cent given as 'almost three in five'", "leaving-points",
         swap("Almost 60 per cent of the public", "Almost three in five of the public")),
    Case("'half the time' in our own words", "harsh-points",
         before_sources("Half the time there was nothing to do, Ibrahim said.")),
    Case("a genuine question with 'who knew'", "harsh-trainer",
         swap("## Numbers to have to hand", "Ask the room: who knew what life there was "
              "really like?\n\n## Numbers to have to hand")),
    Case("a link to the report's own page", "corrupt-policy",
         before_sources("Read the report at https://icsr.info/2015/09/21/victims-"
                        "perpetrators-assets/.")),
    Case("the country the defector fled to, in his context line", "brutal-trainer",
         after("he paid a smuggler to reach Turkey.",
               " He spoke from Turkey, where he had gone into hiding.")),
]
"""Each an edit that changes nothing a check should object to: no new error or warning."""


def main() -> None:  # pragma: no cover
    counts = {"error": 0, "warning": 0, "missed": 0}
    for case in MISTAKES:
        v = verdict(case)
        counts[v] += 1
        extra = ""
        if case.strict:
            extra = f" (--strict: {verdict(case, '--strict')})"
        print(f"{v:8} {case.name}{extra}")
        for f in new_findings(case):
            print(f"           {f.format()}")
    print(f"mistakes: {len(MISTAKES)}; " + ", ".join(f"{k} {n}" for k, n in counts.items()))
    wrong = 0
    for case in HARMLESS:
        said = new_findings(case)
        wrong += bool(said)
        print(f"{'FALSE+' if said else 'clean':8} {case.name}")
        for f in said:
            print(f"           {f.format()}")
    print(f"harmless edits: {len(HARMLESS)}; with a new error or warning: {wrong}")


if __name__ == "__main__":  # pragma: no cover
    main()

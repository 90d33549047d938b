"""Mistakes a practitioner makes by hand in generated briefs, and edits that are harmless.

Unlike the mutation suite (tests/check_mutations.py: the same mistake made mechanically
over many briefs), each case here is one hand-written edit of one brief, in the words a
communicator would use: attribution in many phrasings, figures in words, cuts that flip
a quotation's meaning, identifying details for anonymous speakers, extremist links and
hashtags in other scripts, insults in new words. `python -m tests.hand_mistakes` prints
what the checks make of each.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from assistant.checks import Finding
from tests.check_mutations import Generated, baseline, findings, generated

Edit = Callable[[str], str]

B_BRUTAL = "brutality-against-sunnis/journalists/policy-brief"
B_CORRUPT = "corrupt-un-islamic/community-leaders/talking-points"
B_LEAVING = "leaving-and-speaking-out/journalists/policy-brief"
B_WORKSHOP = "brutality-against-sunnis/workshop/trainer-notes"
B_HARSH = "harsh-life/policymakers/policy-brief"


def swap(old: str, new: str, count: int = 1) -> Edit:
    def edit(md: str) -> str:
        assert old in md, old
        return md.replace(old, new, count)
    return edit


def add(text: str) -> Edit:
    """Our own paragraph at the end of the audience's part, before the sources."""
    return swap("\n## Sources\n", f"\n{text}\n\n## Sources\n")


def after(old: str, text: str) -> Edit:
    return swap(old, old + text)


def both(*edits: Edit) -> Edit:
    def edit(md: str) -> str:
        for e in edits:
            md = e(md)
        return md
    return edit


def straightened(dash: str) -> Edit:
    def edit(md: str) -> str:
        for a, b in (("“", '"'), ("”", '"'), ("‘", "'"), ("’", "'"), ("—", dash),
                     ("–", "-")):
            md = md.replace(a, b)
        return md
    return edit


def moved_section(heading: str, before: str) -> Edit:
    """A section cut out and pasted above another."""
    def edit(md: str) -> str:
        start = md.index(f"\n{heading}\n")
        end = md.index("\n## ", start + 1)
        section = md[start:end]
        rest = md[:start] + md[end:]
        at = rest.index(f"\n{before}\n")
        return rest[:at] + section + rest[at:]
    return edit


@dataclass(frozen=True)
class Case:
    name: str
    brief: str
    edit: Edit
    checks: tuple[str, ...] = ()  # for a mistake: the checks that must report it
    severity: str = "error"  # and how: naming an outlet of the group is a warning by rule


SYRIAN_NPR = "> — 26-year-old Syrian fighter, speaking to NPR [2]"

MISTAKES = [
    # attribution, in many phrasings
    Case("Ibrahim's words given to Neumann in reported speech", B_HARSH,
         add("Peter Neumann told CBS it was not all military parades, or it was not all "
             "victories."), ("attribution",)),
    Case("Neumann's words given to the anonymous defector, reported", B_LEAVING,
         add("The 26-year-old Syrian fighter said a government would want more to come "
             "out."), ("attribution",)),
    Case("a defector's quote given to the expert in its attribution line", B_BRUTAL,
         swap(SYRIAN_NPR, "> — Peter Neumann, director of ICSR, speaking to NPR [2]"),
         ("attribution",)),
    Case("the report's words given to Ibrahim, 'in his words'", B_LEAVING,
         add("In Ibrahim's words, the defectors provide unique insight into life in the "
             "Islamic State."), ("attribution",)),
    Case("a trainer's voice heading naming the wrong speaker", B_WORKSHOP,
         swap("### Voice 1: 26-year-old Syrian fighter", "### Voice 1: Peter Neumann"),
         ("attribution",)),
    Case("a defector's quote put in Ibrahim's mouth in prose", B_BRUTAL,
         add("Ibrahim put it simply: “Everyone must be with them.” [2]"), ("attribution",)),
    Case("the report's words given to the defector, 'according to'", B_LEAVING,
         add("According to the 26-year-old Syrian fighter, the defectors' very existence "
             "shatters the image of unity and determination that I.S. seeks to convey."),
         ("attribution",)),
    # citations
    Case("a reference entry rewritten to another outlet", B_LEAVING,
         swap("3. The Straits Times, “Growing number", "3. Reuters, “Growing number"),
         ("citations",)),
    Case("a citation number pointing at another source", B_BRUTAL,
         swap(SYRIAN_NPR, "> — 26-year-old Syrian fighter, speaking to NPR [3]"),
         ("citations",)),
    # figures, digits and words
    Case("58 written out as eighty-five", B_BRUTAL,
         swap("At least 58 people", "At least eighty-five people"), ("figures",)),
    Case("almost 60 per cent written as almost seventy", B_LEAVING,
         swap("Almost 60 per cent", "Almost seventy per cent"), ("figures",)),
    Case("hundreds become thousands", B_LEAVING,
         swap("most of the hundreds thought to have left", "most of the thousands thought to have left"),
         ("figures",)),
    Case("a disputed figure cut to one version", B_LEAVING,
         swap("the reports differ, “half of the 700 Britons” (The Washington Post [2]) or "
              "“more than 300” (The Straits Times; New York Times [1, 3]); they do not say "
              "which is right.", "“more than 300” (The Straits Times; New York Times "
                                 "[1, 3])."), ("figures",)),
    Case("two becomes a dozen", B_HARSH,
         swap("Two defectors left after finding out",
              "A dozen defectors left after finding out"), ("figures",)),
    Case("the end of the count moved a year on", B_BRUTAL,
         swap("January 2014 and August 2015. [1, 2, 3, 4]",
              "January 2014 and August 2016. [1, 2, 3, 4]"), ("figures",)),
    Case("data dated 'as of 2019'", B_LEAVING,
         swap("they do not say which is right. _(as of September 2015)_",
              "they do not say which is right. _(as of September 2019)_"), ("figures",)),
    # cuts that flip a quotation's meaning
    Case("a cut that drops both negations", B_BRUTAL,
         swap("“Not every defector is a saint, and not all of them are ready",
              "“… every defector is a saint, and … all of them are ready"), ("cuts",)),
    Case("a leading qualifier dropped without an ellipsis", B_HARSH,
         swap("“A small but significant number of the defectors expressed",
              "“The defectors expressed"), ("cuts", "fidelity")),
    Case("'not all' cut to 'all'", B_HARSH,
         swap("“It’s not all military parades, or it’s not all victories.”",
              "“It’s … all military parades, or it’s … all victories.”"), ("cuts",)),
    # identifying details for anonymous speakers
    Case("a home town for the anonymous defector", B_BRUTAL,
         swap(SYRIAN_NPR, "> — 26-year-old Syrian fighter from Manbij, speaking to NPR [2]"),
         ("messenger-safety",)),
    Case("a job and a city in a trainer's context line", B_WORKSHOP,
         after("he paid a smuggler to reach Turkey.",
               " He now works as a baker in Gaziantep."), ("messenger-safety",)),
    Case("his family's whereabouts after his quote", B_LEAVING,
         after("— 26-year-old Syrian fighter, speaking to NPR [1]\n",
               "\nHis family still lives near Raqqa.\n"), ("messenger-safety",)),
    Case("a first name for the anonymous defector", B_WORKSHOP,
         swap("### Voice 1: 26-year-old Syrian fighter",
              "### Voice 1: Omar, 26-year-old Syrian fighter"), ("messenger-safety",)),
    Case("an age and a home city for Ibrahim", B_HARSH,
         swap("> — a Western fighter named Ibrahim, speaking to CBS [2]",
              "> — a Western fighter named Ibrahim, 24, from Birmingham, speaking to CBS [2]"),
         ("messenger-safety",)),
    Case("a brother still fighting, in the attribution", B_BRUTAL,
         swap(SYRIAN_NPR, "> — 26-year-old Syrian fighter, whose brother still fights for "
                          "the group, speaking to NPR [2]"), ("messenger-safety",)),
    # extremist links and hashtags, other scripts
    Case("a Telegram channel without https", B_LEAVING,
         add("The group's channel, t.me/s/amaqagency, posts the same claims."),
         ("amplification",)),
    Case("an Arabic province hashtag", B_BRUTAL,
         add("Supporters share the videos under #ولاية_الرقة."), ("amplification",)),
    Case("a Cyrillic caliphate hashtag", B_CORRUPT,
         add("Its Russian-language feed uses #ХалифатОстанется."), ("amplification",)),
    Case("a French Islamic State hashtag", B_CORRUPT,
         add("French-speaking supporters tag #EtatIslamique."), ("amplification",)),
    Case("an archive mirror of the group's releases", B_HARSH,
         add("See the release at https://archive.ph/isdarat-release-2015."),
         ("amplification",)),
    Case("a handle of the group's news channel", B_WORKSHOP,
         add("Search for @nashir_news to see how it spreads."), ("amplification",)),
    Case("a French-language magazine of the group by name", B_LEAVING,
         add("Its French magazine, Dar al-Islam, ran the same story."),
         ("amplification",), "warning"),
    # graphic violence in our own words
    Case("an execution described without the listed words", B_CORRUPT,
         add("Fighters lined the men up against a wall and shot them one by one."),
         ("graphic-content",)),
    # insults in new words
    Case("'a fool'", B_CORRUPT, add("Anyone who joins is a fool."), ("tone",)),
    Case("'dim-witted kids'", B_HARSH,
         add("These recruits were dim-witted kids chasing cars."), ("tone",)),
    Case("'frankly naive idiots'", B_LEAVING,
         add("The defectors were frankly naive idiots."), ("tone",)),
    Case("'how gullible do you have to be'", B_BRUTAL,
         add("How gullible do you have to be to believe this?"), ("tone",)),
    Case("'only a simpleton'", B_WORKSHOP, add("Only a simpleton would fall for this."),
         ("tone",)),
    Case("'you should feel ashamed'", B_CORRUPT,
         add("You should feel ashamed if you ever shared their videos."), ("tone",)),
    Case("'suckers for a good video'", B_HARSH,
         add("The recruits were suckers for a good video."), ("tone",)),
    # review integrity
    Case("an approval line typed into a draft", B_BRUTAL,
         add("_Approved by dana (reviewer) on 4 March 2026, version 3_"),
         ("review-integrity",)),
]
"""Each a realistic mistake: the checks named must report it, as an error unless the
style guide makes that kind of finding a warning."""

HARMLESS = [
    Case("our summary reworded", B_HARSH,
         swap("Some defectors found their duties dull and the life of a militant far less "
              "exciting",
              "Some of those who left found their tasks tedious and a militant's life much "
              "less exciting")),
    Case("the numbers moved above the voices", B_LEAVING,
         moved_section("## The numbers", "## What people who left say")),
    Case("a monitoring target in the campaign frame", B_BRUTAL,
         swap("who replied or asked for more.",
              "who replied or asked for more. Aim: reach 300 officials in 2 rounds.")),
    Case("every quote mark and dash straightened", B_BRUTAL, straightened("-")),
    Case("quote marks straightened, dashes typed as --", B_LEAVING, straightened("--")),
    Case("our one line reworded", B_CORRUPT,
         swap("Some defectors grew weary of what they saw as favouritism and mistreatment by "
              "commanders.\n\n## Points",
              "Some who left were tired of the favouritism and mistreatment they saw from "
              "commanders.\n\n## Points")),
    Case("a plain sentence naming Ibrahim", B_HARSH,
         add("Ibrahim, a Western fighter, spoke to CBS after he left.")),
    Case("58 written out", B_BRUTAL,
         swap("At least 58 people", "At least fifty-eight people")),
    Case("a discussion question reworded", B_WORKSHOP,
         swap("3. How can you refer to the group’s violence without repeating its own images?",
              "3. How would you describe the group’s violence without showing its images?")),
    Case("a question and answer added", B_CORRUPT,
         after("We use only what they said in public.",
               "\n- **Is this recent?** No: the accounts describe 2014–15.")),
    Case("our own hashtag and a link to reporting", B_BRUTAL,
         add("Share with #VoicesWhoLeft. Reporting: https://www.nytimes.com/2015/09/21/"
             "world/middleeast/isis-defectors.html")),
    Case("the two report quotations in the other order", B_LEAVING,
         lambda md: md.replace(
             "> “The defectors provide unique insight into life in the Islamic State”",
             "@@A@@").replace(
             "> “But their stories can also be used as a potentially powerful tool in the "
             "fight against it. The defectors’ very existence shatters the image of unity and "
             "determination that I.S. seeks to convey.”",
             "> “The defectors provide unique insight into life in the Islamic State”").replace(
             "@@A@@", "> “But their stories can also be used as a potentially powerful tool in "
             "the fight against it. The defectors’ very existence shatters the image of unity "
             "and determination that I.S. seeks to convey.”")),
    Case("what Ibrahim expected, in our words", B_HARSH,
         add("Ibrahim said life there was not what he had expected.")),
    Case("Neumann's point, in our words and his name", B_LEAVING,
         add("Neumann says a government would want more defectors to come out.")),
    Case("a heading reworded", B_BRUTAL,
         swap("## What researchers say", "## What the research says")),
    Case("a caution in the team notes names the words to avoid", B_WORKSHOP,
         after("refer to them, do not replay them.",
               "\n- Do not call the people who joined idiots or fools; it pushes people "
               "away.")),
    Case("a long paragraph hard-wrapped", B_LEAVING,
         swap("it treats defectors as apostates, most of the hundreds",
              "it treats defectors as apostates,\nmost of the hundreds")),
    Case("a thank-you line", B_CORRUPT,
         add("Thank you to the community leaders who reviewed this.")),
    Case("a reply target in the team notes", B_HARSH,
         swap("## Campaign frame\n", "## Campaign frame\n\n- Count replies in the first 48 "
                                     "hours; aim for 40.\n")),
    Case("a lead-in reworded", B_LEAVING,
         swap("Points to make in support:", "Points you can make:")),
    Case("who Neumann is", B_LEAVING,
         add("Neumann directs ICSR at King’s College London.")),
    Case("a session timing changed", B_WORKSHOP,
         swap("what have people heard? (10 minutes)", "what have people heard? (15 minutes)")),
    Case("'some of the defectors'", B_CORRUPT,
         swap("- The Washington Post reports defectors’ frustration",
              "- The Washington Post reports the frustration of some defectors")),
]
"""Each an edit that changes nothing a check should object to: no new error or warning."""


def _brief(name: str) -> Generated:
    return next(g for g in generated() if g.name == name)


def new_findings(case: Case) -> list[Finding]:
    g = _brief(case.brief)
    before = baseline(g.name)
    return [f for f in findings(g, case.edit(g.markdown))
            if f.severity.value != "info" and (f.check, f.message) not in before]


def verdict(case: Case) -> str:
    """'error', 'warning' or 'missed': the most a named check made of a mistake."""
    said = [f.severity.value for f in new_findings(case) if f.check in case.checks]
    return "error" if "error" in said else "warning" if said else "missed"


def main() -> None:  # pragma: no cover
    counts = {"error": 0, "warning": 0, "missed": 0}
    for case in MISTAKES:
        v = verdict(case)
        counts[v] += 1
        print(f"{v:8} {case.name}")
    print(f"mistakes: {len(MISTAKES)}; " + ", ".join(f"{k} {n}" for k, n in counts.items()))
    wrong = 0
    for case in HARMLESS:
        said = new_findings(case)
        wrong += bool(said)
        for f in said:
            print(f"harmless '{case.name}': {f.format()}")
    print(f"harmless edits: {len(HARMLESS)}; with a new error or warning: {wrong}")


if __name__ == "__main__":  # pragma: no cover
    main()

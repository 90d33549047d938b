"""Realistic mistakes made over generated briefs, and harmless edits, for the mutation suite.

Each mistake is a function from a generated brief (its Markdown and the corpus) to the
mutated Markdown, or None where the brief offers no place for it. They work on the
Markdown shapes every template writes (block quotes with an attribution line, numbered
reference lists, list items with figures), not on any template's wording.
`python -m tests.check_mutations` prints the detection rate.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache

from assistant.checks import Finding, check_brief
from assistant.compose import Brief, BriefInputs, TemplateCatalogue, compose_brief
from assistant.compose.errors import ChoiceRefused
from assistant.compose.parts import TEAM_HEADING
from assistant.corpus import Corpus, NameDisclosure, load_corpus
from assistant.paths import bundled_templates_dir
from assistant.render import render_markdown

TODAY = date(2026, 1, 1)
QUOTE_LINE = re.compile(r"^> “(?P<text>[^”]{20,})”\s*$", re.M)
ATTRIBUTION = re.compile(r"^> — (?P<who>.+?) \[(?P<refs>\d+(?:, \d+)*)\]\s*$", re.M)
REFERENCE = re.compile(r"^(?P<n>\d+)\. (?P<entry>.+)$", re.M)
TEAM_SECTIONS = ("## Campaign frame", "## Posting notes", "## Handle with care", "## Avoid",
                 "## Facilitation cautions", f"# {TEAM_HEADING}")


@dataclass(frozen=True)
class Generated:
    name: str
    brief: Brief
    markdown: str


@dataclass(frozen=True)
class Mutant:
    kind: str  # the class of mistake
    checks: tuple[str, ...]  # the checks that should notice it
    brief: Generated
    markdown: str


@cache
def corpus() -> Corpus:
    return load_corpus()


@cache
def generated() -> tuple[Generated, ...]:
    c = corpus()
    templates = TemplateCatalogue(bundled_templates_dir())
    found = []
    for theme in c.themes:
        for audience in c.audiences:
            for template in templates.ids():
                try:
                    brief = compose_brief(c, BriefInputs(theme=theme, audience=audience,
                                                         template=template), templates)
                except ChoiceRefused:  # a template not written for this audience
                    continue
                found.append(Generated(f"{theme}/{audience}/{template}", brief,
                                       render_markdown(brief)))
    return tuple(found)


def findings(g: Generated, markdown: str | None = None) -> list[Finding]:
    return check_brief(g.brief, g.markdown if markdown is None else markdown, corpus(),
                       today=TODAY)


@cache
def baseline(name: str) -> frozenset[tuple[str, str]]:
    g = next(x for x in generated() if x.name == name)
    return frozenset((f.check, f.message) for f in findings(g))


def audience_part(md: str) -> str:
    """The Markdown before the first team section."""
    cut = min([md.find(h) for h in TEAM_SECTIONS if h in md] + [len(md)])
    return md[:cut]


def _in_audience(md: str, start: int) -> bool:
    return start < len(audience_part(md))


# --- mistakes -----------------------------------------------------------------------

def _first_quote(md: str) -> re.Match[str] | None:
    return next((m for m in QUOTE_LINE.finditer(md) if _in_audience(md, m.start())), None)


def altered_word(g: Generated) -> str | None:
    m = _first_quote(g.markdown)
    if not m:
        return None
    words = re.findall(r"\b[a-z]{5,}\b", m.group("text"))
    if not words:
        return None
    w = words[len(words) // 2]
    new = m.group("text").replace(w, "truly " + w[::-1], 1)
    return g.markdown[: m.start("text")] + new + g.markdown[m.end("text") :]


def swapped_speakers(g: Generated) -> str | None:
    lines = list(ATTRIBUTION.finditer(g.markdown))
    pairs = [(a, b) for a in lines for b in lines if a.start() < b.start()
             and a.group("who") != b.group("who")]
    if not pairs:
        return None
    a, b = pairs[0]
    md = g.markdown
    return (md[: a.start("who")] + b.group("who") + md[a.end("who") : b.start("who")]
            + a.group("who") + md[b.end("who") :])


def other_speaker(g: Generated) -> str | None:
    """A defector's words given to another speaker of the corpus."""
    c = corpus()
    for m in ATTRIBUTION.finditer(g.markdown):
        other = next((s for s in c.speakers.values() if s.label not in m.group("who")
                      and m.group("who") not in s.label and s.role.value == "expert"), None)
        if other is None:
            continue
        return g.markdown[: m.start("who")] + other.label + g.markdown[m.end("who") :]
    return None


def prose_misattribution(g: Generated) -> str | None:
    """A real quotation put in another speaker's mouth in the brief's own prose."""
    m = _first_quote(g.markdown)
    if not m:
        return None
    c = corpus()
    quoted = next((q for q in c.quotes.values() if q.text.strip() == m.group("text").strip()),
                  None)
    if quoted is None:
        return None
    other = next((s for s in c.speakers.values() if s.id != quoted.speaker
                  and s.identity.public is NameDisclosure.full_name), None)
    if other is None:
        return None
    refs = ATTRIBUTION.search(g.markdown, m.end())
    cite = f" [{refs.group('refs')}]" if refs else ""
    sentence = f"\n\n{other.identity.name} said: “{m.group('text')}”{cite}\n"
    cut = len(audience_part(g.markdown).rstrip())
    return g.markdown[:cut] + sentence + g.markdown[cut:]


def wrong_citation(g: Generated) -> str | None:
    refs = {int(m.group("n")): m.group("entry") for m in REFERENCE.finditer(g.markdown)}
    for m in ATTRIBUTION.finditer(g.markdown):
        numbers = [int(x) for x in m.group("refs").split(", ")]
        mine = refs.get(numbers[0], "")
        other = next((n for n, e in refs.items() if n not in numbers
                      and e.split(",")[0] != mine.split(",")[0] and "ICSR" not in e), None)
        if other is not None:
            return g.markdown[: m.start("refs")] + str(other) + g.markdown[m.end("refs") :]
    return None


def rewritten_reference(g: Generated) -> str | None:
    for m in REFERENCE.finditer(g.markdown):
        entry = m.group("entry")
        for outlet, other in (("New York Times", "The Guardian"),
                              ("The Straits Times", "Reuters"),
                              ("The Washington Post", "Al Jazeera")):
            if outlet in entry:
                return g.markdown[: m.start("entry")] + entry.replace(outlet, other, 1) \
                    + g.markdown[m.end("entry") :]
    return None


_FIGURE = re.compile(r"\b(\d{1,3}(?:,\d{3})+|\d{2,})\b(?! (?:January|February|March|April|May|"
                     r"June|July|August|September|October|November|December))")


def _figure_lines(md: str) -> Iterator[re.Match[str]]:
    audience = audience_part(md)
    for line in re.finditer(r"^- (?!\*\*).*\[\d+(?:, \d+)*\].*$", audience, re.M):
        if "_(as of" in line.group(0) or "[" in line.group(0):
            yield line


def changed_figure(g: Generated) -> str | None:
    for line in _figure_lines(g.markdown):
        text = line.group(0)
        for n in _FIGURE.finditer(text.split("[")[0]):
            raw = n.group(1)
            if re.fullmatch(r"(19|20)\d\d", raw):
                continue
            digits = raw.replace(",", "")
            new = digits[::-1] if digits[::-1] != digits and not digits.endswith("0") \
                else str(int(digits) * 3 + 1)
            start = line.start() + n.start(1)
            return g.markdown[:start] + new + g.markdown[start + len(raw) :]
    return None


_WORDS = {"Two": "Twelve", "two": "twelve", "Seven": "Seventeen", "seven": "seventeen",
          "nine": "nineteen", "Nine": "Nineteen"}


def changed_word_figure(g: Generated) -> str | None:
    for line in _figure_lines(g.markdown):
        for word, other in _WORDS.items():
            m = re.search(rf"\b{word}\b", line.group(0))
            if m:
                start = line.start() + m.start()
                return g.markdown[:start] + other + g.markdown[start + len(word) :]
    return None


def invented_figure(g: Generated) -> str | None:
    cut = len(audience_part(g.markdown).rstrip())
    if cut == 0:
        return None
    sentence = "\n\nSome 5,000 former fighters have since gone home, officials estimate.\n"
    return g.markdown[:cut] + sentence + g.markdown[cut:]


def misdated(g: Generated) -> str | None:
    m = re.search(r"_\(as of ([A-Z][a-z]+ )?(\d{4})", audience_part(g.markdown))
    if not m:
        return None
    return g.markdown[: m.start(2)] + "2019" + g.markdown[m.end(2) :]


def one_version_of_a_disputed_figure(g: Generated) -> str | None:
    """A disputed figure stated plainly, with one source's version only."""
    cut = len(audience_part(g.markdown).rstrip())
    refs = [int(m.group("n")) for m in REFERENCE.finditer(g.markdown)]
    if not refs:
        return None
    sentence = (f"\n\nBritish officials say more than 300 of the Britons who went have "
                f"returned to the UK. [{refs[0]}]\n")
    return g.markdown[:cut] + sentence + g.markdown[cut:]


def report_misdated(g: Generated) -> str | None:
    cut = len(audience_part(g.markdown).rstrip())
    refs = [int(m.group("n")) for m in REFERENCE.finditer(g.markdown)]
    if not refs:
        return None
    sentence = (f"\n\nThe ICSR report was published on 18 September 2015. [{refs[0]}]\n")
    return g.markdown[:cut] + sentence + g.markdown[cut:]


def leading_cut(g: Generated) -> str | None:
    """The words that lead a sentence cut off without an ellipsis."""
    for m in QUOTE_LINE.finditer(g.markdown):
        text = m.group("text")
        words = text.split()
        if len(words) < 8:
            continue
        k = next((i for i, w in enumerate(words[:6]) if w.lower() in (
            "the", "they", "their", "he", "it", "we", "i")), None)
        if not k:
            continue
        rest = " ".join(words[k:])
        new = rest[0].upper() + rest[1:]
        return g.markdown[: m.start("text")] + new + g.markdown[m.end("text") :]
    return None


def ellipsis_removes_negation(g: Generated) -> str | None:
    for m in QUOTE_LINE.finditer(g.markdown):
        text = m.group("text")
        neg = re.search(r"\b(not|never|no|n’t)\b", text)
        if not neg or neg.start() < 5:
            continue
        new = text[: neg.start()].rstrip() + " … " + text[neg.end() :].lstrip()
        if neg.group(1) == "n’t":
            return None
        return g.markdown[: m.start("text")] + new + g.markdown[m.end("text") :]
    return None


def _anonymous_attribution(g: Generated) -> re.Match[str] | None:
    c = corpus()
    anonymous = {s.label for s in c.speakers.values()
                 if s.identity.public is NameDisclosure.none and s.role.value == "defector"}
    # the attribution may name the outlet the remark was made to: "…, speaking to NPR"
    return next((m for m in ATTRIBUTION.finditer(g.markdown)
                 if any(m.group("who") == a or m.group("who").startswith(f"{a}, ")
                        for a in anonymous)), None)


def _detail(g: Generated, detail: str) -> str | None:
    m = _anonymous_attribution(g)
    if not m:
        return None
    return g.markdown[: m.end("who")] + detail + g.markdown[m.end("who") :]


def named_anonymous(g: Generated) -> str | None:
    m = _anonymous_attribution(g)
    if not m:
        return None
    return g.markdown[: m.start("who")] + "Ahmed Khalil Haddad, " + g.markdown[m.start("who") :]


def home_town(g: Generated) -> str | None:
    return _detail(g, " from Deir Hafer, now living in Gaziantep")


def employer(g: Generated) -> str | None:
    return _detail(g, ", who now works for Karam Logistics")


def family(g: Generated) -> str | None:
    return _detail(g, ", whose brother is still a fighter")


def described_execution(g: Generated) -> str | None:
    if g.brief.audience.graphic_allowed:
        return None
    cut = len(audience_part(g.markdown).rstrip())
    return g.markdown[:cut] + ("\n\nDefectors describe how fighters cut a prisoner's throat "
                               "with a knife in the square.\n") + g.markdown[cut:]


def _add(g: Generated, text: str) -> str:
    cut = len(audience_part(g.markdown).rstrip())
    return g.markdown[:cut] + "\n\n" + text + "\n" + g.markdown[cut:]


def telegram_link(g: Generated) -> str | None:
    return _add(g, "Their channel is at t.me/nashir_news_en if you want to see it.")


def arabic_hashtag(g: Generated) -> str | None:
    return _add(g, "Supporters still post under #الدولة_الإسلامية and #باقية.")


def handle(g: Generated) -> str | None:
    return _add(g, "The agency posts as @amaq_agency_en.")


def archive_mirror(g: Generated) -> str | None:
    return _add(g, "A copy of the magazine: https://archive.org/details/dabiq-issue-7")


def lecturing(g: Generated) -> str | None:
    return _add(g, "You have to see that these recruits were lied to, and you should say so.")


def mocking(g: Generated) -> str | None:
    return _add(g, "Gullible kids fell for it!! Real heroes, right?")


def stale_approval(g: Generated) -> str | None:
    return g.markdown.replace(
        "**DRAFT: not yet approved. Do not publish or circulate outside the team.**",
        "**Approved by carol on 3 March 2026, version 118c94b79e40**", 1) \
        if "**DRAFT" in g.markdown else "**Approved by carol on 3 March 2026**\n\n" + g.markdown


def no_quotations(g: Generated) -> str | None:
    md = re.sub(r"(?m)^>.*\n?", "", g.markdown)
    md = re.sub(r"“[^”]*”", "the account", md)
    return md if md != g.markdown else None


def dropped_word(g: Generated) -> str | None:
    """A word left out of a quotation, with no ellipsis."""
    m = _first_quote(g.markdown)
    if not m:
        return None
    words = m.group("text").split(" ")
    if len(words) < 6:
        return None
    del words[len(words) // 2]
    return g.markdown[: m.start("text")] + " ".join(words) + g.markdown[m.end("text") :]


def surname_added(g: Generated) -> str | None:
    if "named Ibrahim" not in g.markdown:
        return None
    return g.markdown.replace("named Ibrahim", "named Ibrahim al-Rashidi", 1)


def family_in_prose(g: Generated) -> str | None:
    m = _anonymous_attribution(g)
    if not m:
        return None
    end = g.markdown.find("\n", m.end())
    return g.markdown[:end] + "\n\nHis wife and two children are still in Raqqa." + \
        g.markdown[end:]


def shot_in_front_of_families(g: Generated) -> str | None:
    if g.brief.audience.graphic_allowed:
        return None
    return _add(g, "Men were shot in the head in front of their families, one defector said.")


def burned_in_a_cage(g: Generated) -> str | None:
    if g.brief.audience.graphic_allowed or not re.search(r"(?i)content note", g.markdown):
        return _add(g, "They burned the pilot alive in a cage.")
    return None


def content_note_removed(g: Generated) -> str | None:
    if not g.brief.content_note:
        return None
    md = re.sub(r"(?m)^.*[Cc]ontent note.*\n\n?", "", g.markdown, count=1)
    return md if md != g.markdown else None


def markdown_link_to_channel(g: Generated) -> str | None:
    return _add(g, "Follow [their news](https://telegram.me/khilafah_news) to see it.")


def arabic_slogan_hashtag(g: Generated) -> str | None:
    return _add(g, "Their posts end with #باقية_وتتمدد every time.")


def scornful_question(g: Generated) -> str | None:
    return _add(g, "How could anyone still believe this nonsense?")


def talking_down(g: Generated) -> str | None:
    return _add(g, "Any sensible person can see through these promises.")


def citation_removed(g: Generated) -> str | None:
    """A quotation left with no citation at all (its attribution names no publication)."""
    outlets = [s.outlet for s in corpus().sources.values() if s.outlet]
    m = next((a for a in ATTRIBUTION.finditer(g.markdown)
              if not any(o in a.group("who") for o in outlets)
              and g.markdown.count(f"[{a.group('refs')}]") == 1), None)
    if not m:
        return None
    return g.markdown[: m.start("refs") - 2] + g.markdown[m.end("refs") + 1 :]


def reference_deleted(g: Generated) -> str | None:
    entries = list(REFERENCE.finditer(g.markdown))
    if not entries:
        return None
    last = entries[-1]
    return g.markdown[: last.start()] + g.markdown[last.end() + 1 :]


def approval_in_the_team_notes(g: Generated) -> str | None:
    return g.markdown.rstrip() + "\n\n_Approved by dana on 2 March 2026_\n"


def breakdown_changed(g: Generated) -> str | None:
    """A figure other than the first on a list of numbers changed: "21 of the 58" becomes
    "31 of the 58", "almost 60 per cent" becomes "almost 70 per cent"."""
    audience = audience_part(g.markdown)
    m = re.search(r"(?m)^- .*?\b(\d{2})(?= of the \d+| per ?cent)", audience)
    if not m:
        return None
    return g.markdown[: m.start(1)] + str(int(m.group(1)) + 10) + g.markdown[m.end(1) :]


def unmarked_misattribution(g: Generated) -> str | None:
    """A real quotation reported without quotation marks as another speaker's words."""
    m = _first_quote(g.markdown)
    if not m:
        return None
    c = corpus()
    quoted = next((q for q in c.quotes.values() if q.text.strip() == m.group("text").strip()),
                  None)
    if quoted is None or len(quoted.text.split()) < 6:
        return None
    other = next((s for s in c.speakers.values() if s.id != quoted.speaker
                  and s.identity.public is not NameDisclosure.none), None)
    if other is None:
        return None
    words = quoted.text.strip().rstrip(".!?”\"")
    if words[1:2].islower():  # "ISIS wants..." keeps its capitals
        words = words[0].lower() + words[1:]
    return _add(g, f"{other.identity.name} said that {words}.")


_INSULTS = ("Only a fool would have believed the recruiters.",
            "Those dim-witted kids chased cars and guns.",
            "The recruits were suckers for a slick video.",
            "What kind of moron trusts a recruiter?",
            "How gullible do you have to be to fall for this?")


def insult(g: Generated) -> str | None:
    return _add(g, _INSULTS[sum(map(ord, g.name)) % len(_INSULTS)])


MISTAKES: dict[str, tuple[tuple[str, ...], Callable[[Generated], str | None]]] = {
    "altered word": (("fidelity",), altered_word),
    "speakers swapped": (("attribution",), swapped_speakers),
    "given to another speaker": (("attribution",), other_speaker),
    "misattributed in prose": (("attribution",), prose_misattribution),
    "citation to another source": (("citations",), wrong_citation),
    "reference rewritten": (("citations",), rewritten_reference),
    "figure changed": (("figures",), changed_figure),
    "figure in words changed": (("figures",), changed_word_figure),
    "figure invented": (("figures",), invented_figure),
    "as of misdated": (("figures",), misdated),
    "disputed figure, one version": (("figures",), one_version_of_a_disputed_figure),
    "report date without the disagreement": (("figures",), report_misdated),
    "leading cut": (("cuts",), leading_cut),
    "ellipsis removes a negation": (("cuts",), ellipsis_removes_negation),
    "anonymous speaker named": (("messenger-safety",), named_anonymous),
    "home town and city": (("messenger-safety",), home_town),
    "employer": (("messenger-safety",), employer),
    "family": (("messenger-safety",), family),
    "described execution": (("graphic-content",), described_execution),
    "telegram link": (("amplification",), telegram_link),
    "arabic hashtag": (("amplification",), arabic_hashtag),
    "handle": (("amplification",), handle),
    "archive mirror": (("amplification",), archive_mirror),
    "lecturing": (("tone",), lecturing),
    "mocking": (("tone",), mocking),
    "approved line in a draft": (("review-integrity",), stale_approval),
    "no quotations": (("review-integrity",), no_quotations),
    "word dropped without an ellipsis": (("fidelity",), dropped_word),
    "surname added to a first name": (("messenger-safety",), surname_added),
    "family and place in prose": (("messenger-safety",), family_in_prose),
    "shooting described": (("graphic-content",), shot_in_front_of_families),
    "burning described": (("graphic-content",), burned_in_a_cage),
    "content note removed": (("graphic-content",), content_note_removed),
    "link to a channel in Markdown": (("amplification",), markdown_link_to_channel),
    "arabic slogan hashtag": (("amplification",), arabic_slogan_hashtag),
    "scornful question": (("tone",), scornful_question),
    "talking down": (("tone",), talking_down),
    "citation removed": (("citations",), citation_removed),
    "reference entry deleted": (("citations",), reference_deleted),
    "approval line in the team notes": (("review-integrity",), approval_in_the_team_notes),
    "breakdown figure changed": (("figures",), breakdown_changed),
    "words given to another speaker without marks": (("attribution",),
                                                     unmarked_misattribution),
    "insult in other words": (("tone",), insult),
}
"""Each class of mistake: the checks that must notice it, and how to make it."""

PER_KIND = 4
"""Mutants made of each kind (over different generated briefs)."""


def spread() -> list[Generated]:
    """The generated briefs in an order that changes theme, audience and template at each
    step (so a kind's mutants fall on different briefs)."""
    briefs = list(generated())
    step = 7 if len(briefs) % 7 else 11
    return [briefs[(i * step) % len(briefs)] for i in range(len(briefs))]


def mutants() -> list[Mutant]:
    found: list[Mutant] = []
    for kind, (checks, make) in MISTAKES.items():
        made = 0
        for g in spread():
            if made >= PER_KIND:
                break
            md = make(g)
            if md is None or md == g.markdown:
                continue
            found.append(Mutant(kind, checks, g, md))
            made += 1
    return found


def detected(m: Mutant) -> bool:
    """A new error or warning from one of the checks that should notice the mistake."""
    before = baseline(m.brief.name)
    return any(f.check.split(":")[-1] in m.checks and f.severity.value != "info"
               and (f.check, f.message) not in before for f in findings(m.brief, m.markdown))


# --- harmless edits -----------------------------------------------------------------

def _swap(old: str, new: str) -> Callable[[str], str | None]:
    def edit(md: str) -> str | None:
        return md.replace(old, new, 1) if old in md else None
    return edit


def _append_audience(text: str) -> Callable[[str], str | None]:
    def edit(md: str) -> str | None:
        cut = len(audience_part(md).rstrip())
        return md[:cut] + "\n\n" + text + "\n" + md[cut:]
    return edit


def _append_team(text: str) -> Callable[[str], str | None]:
    def edit(md: str) -> str | None:
        at = md.find("## Campaign frame")
        if at < 0:
            return None
        end = md.find("\n## ", at + 5)
        end = len(md) if end < 0 else end
        return md[:end].rstrip() + "\n- " + text + "\n" + md[end:]
    return edit


def _straight_quotes(md: str) -> str | None:
    m = QUOTE_LINE.search(md)
    if not m:
        return None
    return md[: m.start()] + m.group(0).replace("“", '"').replace("”", '"') + md[m.end() :]


def _straight_apostrophes(md: str) -> str | None:
    m = next((x for x in QUOTE_LINE.finditer(md) if "’" in x.group("text")), None)
    if not m:
        return None
    return md[: m.start()] + m.group(0).replace("’", "'") + md[m.end() :]


def _wrapped(md: str) -> str | None:
    m = re.search(r"(?m)^(?![>#|\-\d*_])([^\n]{120,})$", audience_part(md))
    if not m:
        return None
    line = m.group(1)
    at = line.find(" ", 60)
    return md.replace(line, line[:at] + "\n" + line[at + 1 :], 1)


def _star_bullets(md: str) -> str | None:
    new = re.sub(r"(?m)^- ", "* ", md)
    return new if new != md else None


def _setext(md: str) -> str | None:
    m = re.search(r"(?m)^## (.+)$", md)
    if not m:
        return None
    return md[: m.start()] + m.group(1) + "\n" + "-" * len(m.group(1)) + md[m.end() :]


def _all_straight(md: str) -> str | None:
    for a, b in (("“", '"'), ("”", '"'), ("‘", "'"), ("’", "'"), ("—", "-"), ("–", "-")):
        md = md.replace(a, b)
    return md


def _caution(md: str) -> str | None:
    at = md.find("\n## ", md.find("# Team notes"))
    if "# Team notes" not in md or at < 0:
        return None
    end = md.find("\n## ", at + 4)
    end = len(md) if end < 0 else end
    return md[:end].rstrip() + ("\n- Do not call the people who joined idiots or fools; "
                                "it pushes people away.\n") + md[end:]


def _group_in_a_town(md: str) -> str | None:
    m = ATTRIBUTION.search(audience_part(md))
    if not m:
        return None
    return md[: m.end()] + "\n\nIS fighters took over Manbij that year." + md[m.end() :]


HARMLESS: dict[str, Callable[[str], str | None]] = {
    "every quote mark and dash straightened": _all_straight,
    "a team caution naming the words to avoid": _caution,
    "what the group did in a town, after a quote": _group_in_a_town,
    "straight quote marks": _straight_quotes,
    "straight apostrophes": _straight_apostrophes,
    "en dash in an attribution": _swap("> — ", "> – "),
    "a sentence of our own": _append_audience("Read the words slowly and let them land."),
    "a question for the room": _append_audience("What would make you trust a messenger?"),
    "our own target in the team notes": _append_team("Reach 300 officials in 2 rounds."),
    "a monitoring target": _append_team("Aim for 40 replies and count harmful replies."),
    "a wrapped line": _wrapped,
    "star bullets": _star_bullets,
    "a setext heading": _setext,
    "trailing spaces": lambda md: md.replace("\n", "  \n", 3),
    "an extra blank line": lambda md: md.replace("\n\n", "\n\n\n", 2),
    "a distanced title": _append_audience("The group's self-declared “caliphate” promised "
                                          "a home."),
    "the expert by name": _append_audience("Peter Neumann directs ICSR at King's College "
                                           "London."),
    "a link to reporting": _append_audience("Reporting: https://www.nytimes.com/2015/09/21/"
                                            "world/middleeast/isis-defectors.html"),
    "our own hashtag": _append_audience("Share with #LeavingTheGroup."),
    "a scare quote": _append_audience("Recruits were promised a \"better life\"."),
    "a note after the sources": lambda md: md.rstrip() + "\n\nPrepared for internal review.\n",
    "a kind word for the audience": _append_audience("Thank you for reading this with care."),
    "a plain caution": _append_audience("Some of these accounts are hard to read."),
    "a heading renamed": _swap("## Sources", "## Sources and notes"),
    "the draft line emphasised differently": _swap("**DRAFT:", "__DRAFT:"),
    "a numbered list marker with a bracket": lambda md: re.sub(r"(?m)^(\d+)\. ", r"\1) ", md),
}
"""Edits a communicator makes that change nothing a check should object to."""


HARMLESS_PER_EDIT = 3


def harmless() -> list[tuple[str, Generated, str]]:
    """Each harmless edit, made on up to three different generated briefs."""
    found = []
    for name, edit in HARMLESS.items():
        made = 0
        for g in spread():
            if made >= HARMLESS_PER_EDIT:
                break
            md = edit(g.markdown)
            if md is not None and md != g.markdown:
                found.append((name, g, md))
                made += 1
    return found


def report() -> tuple[float, dict[str, tuple[int, int]], list[Mutant]]:
    """The detection rate, per kind (detected, made), and the mutants that went through."""
    made = mutants()
    missed = [m for m in made if not detected(m)]
    per: dict[str, tuple[int, int]] = {}
    for m in made:
        d, n = per.get(m.kind, (0, 0))
        per[m.kind] = (d + (m not in missed), n + 1)
    return 1 - len(missed) / max(1, len(made)), per, missed


if __name__ == "__main__":  # pragma: no cover
    edits = harmless()
    wrong = sum(1 for _, g, md in edits if any(f.is_error for f in findings(g, md)))
    print(f"harmless edits: {len(edits)}, with an error finding: {wrong}")
    rate, per, missed = report()
    for kind, (d, n) in per.items():
        print(f"{kind:40} {d}/{n}")
    print(f"detected {rate:.1%} of {sum(n for _, n in per.values())} mutants")
    for m in missed:
        print("missed:", m.kind, m.brief.name)

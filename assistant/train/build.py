"""build_deck: the opening on who the defectors are, one section per theme, the sources.

Voices are chosen from composition's own ranking (the trainer-notes format for the
workshop's audience): every quote the audience's rules allow for the theme is a candidate,
so a deck obeys the same rules as any brief, and a quotation the audience may not see in a
brief never reaches a slide either.
"""

from __future__ import annotations

import dataclasses

from ..compose import BriefInputs, TemplateCatalogue, UnknownId, compose_brief
from ..compose.brief import Candidate
from ..compose.citations import format_citation
from ..corpus.loader import Corpus
from ..corpus.models import Quote, Role, SourceKind, Speaker, Theme
from ..render.repeats import same_advice
from .charts import build_chart
from .deck import Deck, Slide, SlideKind, Voice
from .sources import DeckSources, marks

TEMPLATE = "trainer-notes"
MAX_VOICES = 3
FACTS_PER_SLIDE = 4  # more and a projected slide is too small to read

NO_QUESTIONS = "The corpus holds no discussion questions for this narrative."
"""Said, in place of questions nobody wrote for the theme, when it has none."""

CAUTIONS = (
    "Speakers are described only as their sources described them. Do not guess at or add "
    "names, places or family details.",
    "Some speakers may have done harm themselves. If asked, say so plainly: their value is "
    "that they were there, not that they are role models.",
    "Let the room reach its own conclusions; do not lecture, and do not mock people who "
    "were drawn in.",
)


def default_audience(corpus: Corpus, templates: TemplateCatalogue | None = None) -> str:
    """`workshop` when the corpus has it, else the first audience the trainer notes are
    written for, else the corpus's first audience."""
    if "workshop" in corpus.audiences:
        return "workshop"
    if templates is None:
        from ..paths import bundled_templates_dir

        templates = TemplateCatalogue(bundled_templates_dir())
    written_for = templates.info(TEMPLATE).audiences
    return next((a for a in written_for if a in corpus.audiences), next(iter(corpus.audiences), ""))


def build_deck(corpus: Corpus, themes: list[str] | None = None, audience: str | None = None,
               templates: TemplateCatalogue | None = None, status: str | None = None) -> Deck:
    """The deck for `themes` (all, in corpus order, when None) and the workshop `audience`
    (see default_audience when None).

    Raises UnknownId for a theme or audience the corpus does not have, and whatever
    compose_brief raises (ChoiceRefused, TemplateError) for the trainer-notes format.
    """
    from ..render.approval import DRAFT

    audience = audience or default_audience(corpus, templates)
    if audience not in corpus.audiences:
        raise UnknownId("audience", audience, list(corpus.audiences))
    chosen = list(corpus.themes) if not themes else list(dict.fromkeys(themes))
    for tid in chosen:
        if tid not in corpus.themes:
            raise UnknownId("theme", tid, list(corpus.themes))
    chosen = [tid for tid in corpus.themes if tid in chosen]  # corpus order, always
    sources = DeckSources(corpus)
    sections = ["Who the defectors are", *(_section_title(corpus.themes[t]) for t in chosen),
                "Sources"]
    slides = [*_opening(corpus, audience, sources)]
    shown = {p.fact for c in corpus.charts.values() for p in c.parts}
    shown |= {c.whole for c in corpus.charts.values() if c.whole}
    shown |= set(_report_dates(corpus))  # on the cover
    for number, tid in enumerate(chosen, start=1):
        slides.extend(_theme_section(corpus, tid, audience, number, sources, templates, shown))
    slides.append(_sources_slide(sources, len(sections) - 1))
    return Deck(title="The narratives of people who left Islamic State",
                subtitle=f"A session for {corpus.audiences[audience].name.lower()} · "
                         "the material describes 2014–15",
                status=status or DRAFT, sections=tuple(sections),
                slides=tuple(_link_skips(slides)), references=sources.entries(),
                keys=section_keys(corpus, chosen))


def section_keys(corpus: Corpus, chosen: list[str]) -> tuple[str, ...]:
    """0 for the opening, N for "Narrative N", and the digits after the corpus's highest
    narrative number for an unnumbered theme and then the sources (5 and 6 in the bundled
    corpus, whichever themes are chosen); "" once the digits run out."""
    free = iter(range(max((t.number or 0 for t in corpus.themes.values()), default=0) + 1, 10))
    unnumbered = {tid: str(next(free, "")) for tid in corpus.themes
                  if corpus.themes[tid].number is None}
    keys = ["0"]
    for tid in chosen:
        number = corpus.themes[tid].number
        keys.append(str(number) if number is not None and number <= 9 else unnumbered.get(tid, ""))
    keys.append(str(next(free, "")))
    return tuple(keys)


def _section_title(theme: Theme) -> str:
    return f"Narrative {theme.number}: {theme.title}" if theme.number else theme.title


def _opening(corpus: Corpus, audience: str, sources: DeckSources) -> list[Slide]:
    reports = [s for s in corpus.sources.values() if s.kind == SourceKind.report]
    built_from = tuple(f"Built from reporting on {format_citation(s)}" for s in reports)
    # where the reports disagree on a report's date, the cover gives every version
    dated = tuple(sources.fact_line(corpus.facts[f]) for f in _report_dates(corpus))
    slides = [Slide(SlideKind.cover, "The narratives of people who left Islamic State", 0,
                    lines=(*built_from, *dated, "The material describes 2014–15: say “as of” "
                           "when you quote a figure."),
                    notes="Welcome the room and say what the session is for: hearing why "
                          "people who joined the group left it, in their own words. The deck "
                          "is a draft until it has been approved. Keys: Right or Page Down "
                          "for the next slide, Home and End for the first and last, N to "
                          "jump to Narrative N (0 the opening), n for these notes, b to "
                          "blank the screen.")]
    for record in corpus.charts.values():
        if record.kind == "figures":
            facts = [corpus.facts[p.fact] for p in record.parts]
            lines = tuple(f"{p.label}: {sources.fact_line(f)}" for p, f in zip(record.parts,
                                                                               facts, strict=True))
            notes = " ".join(filter(None, [record.note, "Read the figures with their dates; "
                                           "where the sources differ, give both."]))
            slides.append(Slide(SlideKind.figures, record.title, 0, lines=lines, notes=notes))
            continue
        chart = build_chart(record, corpus, sources)
        notes = " ".join(filter(None, [chart.alt_text(), chart.source_line + ".", chart.note]))
        slides.append(Slide(SlideKind.chart, record.title, 0, chart=chart, notes=notes))
    return slides


def _report_dates(corpus: Corpus) -> list[str]:
    """Facts on which the reports disagree about when a report came out."""
    reports = {s.id for s in corpus.sources.values() if s.kind == SourceKind.report}
    return [f.id for f in corpus.facts.values() if f.dates in reports and f.disagreeing]


def _theme_section(corpus: Corpus, tid: str, audience: str, section: int, sources: DeckSources,
                   templates: TemplateCatalogue | None, shown: set[str]) -> list[Slide]:
    """The claim, the voices (a content note before each graphic one), the theme's related
    facts not yet shown in the deck, questions and cautions."""
    theme = corpus.themes[tid]
    # only the ranking and the audience's rules are used, not the template's prose: any
    # audience may be the room (the rules on graphic or kept-out quotes apply all the same)
    brief = compose_brief(corpus, BriefInputs(theme=tid, audience=audience, template=TEMPLATE,
                                              quotes=len(corpus.quotes), any_audience=True),
                          templates)
    title = _section_title(theme)
    slides = [Slide(SlideKind.claim, title, section, lines=(_claim_line(corpus, theme, sources),),
                    notes=f"{theme.summary} Put the claim to the room and ask what people "
                          "have heard about it before you show any voices.")]
    voices = choose_voices(corpus, brief.candidates)
    if len(voices) < 2:
        slides.append(Slide(
            SlideKind.gap, "What we do not have", section,
            lines=(gap_line(len(voices), len(_accounts(corpus, tid))),),
            notes="Say so plainly. Do not present the researchers' or officials' words as "
                  "if they were testimony; the report's own description is on the claim slide."))
    for k, (quote, speaker) in enumerate(voices, start=1):
        first = sources.first_published(quote.sources)
        voice = Voice(text=quote.text,
                      attribution=f"{speaker.label}, {first}" if first else speaker.label,
                      references=sources.cite(quote.sources), graphic=quote.graphic,
                      context=quote.context or "", quote_id=quote.id)
        if quote.graphic:
            slides.append(Slide(
                SlideKind.content_note, "Content note", section,
                lines=("The next voice describes violence.",
                       "Anyone may step out; the trainer can skip it."),
                notes="Warn the room before you read it and pause. Press s to skip the "
                      "graphic testimony and go straight to what follows."))
        cites = "; ".join(format_citation(corpus.sources[c.source]).rstrip(".")
                          for c in quote.sources)
        slides.append(Slide(SlideKind.voice, f"In their words ({k} of {len(voices)})", section,
                            voice=voice,
                            notes=" ".join(filter(None, [
                                quote.context, f"Published in: {cites}.",
                                "Read it exactly as written and say who said it."]))))
    facts = [corpus.facts[f] for f in dict.fromkeys(theme.related_facts)
             if f in corpus.facts and f not in shown]
    shown.update(f.id for f in facts)
    pages = [facts[i:i + FACTS_PER_SLIDE] for i in range(0, len(facts), FACTS_PER_SLIDE)]
    for k, page in enumerate(pages, start=1):
        slides.append(Slide(SlideKind.figures,
                            "The numbers" + (f" ({k} of {len(pages)})" if len(pages) > 1 else ""),
                            section, lines=tuple(sources.fact_line(f) for f in page),
                            notes="The figures describe 2014–15; say “as of” when you use "
                                  "them, and give both versions where the sources differ."))
    cautions = (*(["Some voices describe violence. Say so before reading them and let "
                   "people step out."] if any(q.graphic for q, _ in voices) else []),
                *CAUTIONS, *theme.pitfalls)
    cautions = tuple(c for k, c in enumerate(cautions)  # a pitfall restating one: said once
                     if not any(same_advice(c, earlier) for earlier in cautions[:k]))
    asked = discussion_questions(theme, bool(voices))
    slides.append(Slide(SlideKind.questions if asked else SlideKind.gap, "Discussion", section,
                        lines=asked or (NO_QUESTIONS,),
                        notes="Take the questions one at a time; about 20 minutes. "
                              "Keep in mind: " + " ".join(cautions)))
    # The cautions are the facilitator's, not the room's: they open the section's notes.
    slides[0] = dataclasses.replace(slides[0], notes="Cautions for the trainer: "
                                    + " ".join(cautions) + " " + slides[0].notes)
    return slides


def choose_voices(corpus: Corpus, candidates: list[Candidate]) -> list[tuple[Quote, Speaker]]:
    """Up to MAX_VOICES quotes from people who left, best first, from every quote the
    audience's rules allow for the theme; the parts of a remark go together or not at all,
    and a remark printed by two reports is used once."""
    by_id = {c.quote.id: c for c in candidates}
    chosen: list[tuple[Quote, Speaker]] = []
    taken: set[str] = set()
    for c in candidates:
        if c.quote.id in taken or not _usable(c):
            continue
        remark = [by_id[q] for q in (c.remark or [c.quote.id]) if q in by_id]
        if len(remark) != len(c.remark or [c.quote.id]) or not all(_usable(p) for p in remark):
            continue
        if any(p.quote.same_as in taken or _reprinted(corpus, p.quote.id, taken) for p in remark):
            continue
        if len(chosen) + len(remark) > MAX_VOICES:
            continue
        chosen.extend((p.quote, p.speaker) for p in remark)
        taken.update(p.quote.id for p in remark)
    return chosen


def _usable(c: Candidate) -> bool:
    return c.allowed and not c.excluded and c.speaker.role == Role.defector


def _reprinted(corpus: Corpus, qid: str, taken: set[str]) -> bool:
    return any(corpus.quotes[t].same_as == qid for t in taken if t in corpus.quotes)


def _accounts(corpus: Corpus, tid: str) -> list[str]:
    """The corpus's quotes from people who left on a theme, whatever the audience (a
    reprint of the same remark counted once)."""
    found = [q.id for q in corpus.quotes.values()
             if any(link.theme == tid for link in q.themes)
             and q.speaker in corpus.speakers
             and corpus.speakers[q.speaker].role == Role.defector]
    return [q for q in found if corpus.quotes[q].same_as not in found]


def gap_line(shown: int, held: int) -> str:
    """Why a section has fewer than two voices: the corpus, or the audience's rules."""
    if held == 0:
        return "The corpus holds no account from someone who left on this narrative."
    if shown == 0:
        return (f"The corpus holds {_accounts_word(held)} from people who left on this "
                "narrative, but none this audience may see.")
    if held == 1:
        return "The corpus holds only one account from someone who left on this narrative."
    return (f"The corpus holds {_accounts_word(held)} from people who left on this narrative; "
            "only one is one this audience may see.")


def _accounts_word(n: int) -> str:
    return "one account" if n == 1 else f"{n} accounts"


_ABOUT_VOICES = ("these voices", "these speakers", "these accounts")


def discussion_questions(theme: Theme, has_voices: bool) -> tuple[str, ...]:
    """The theme's own questions, none that ask about voices the section does not show;
    none at all when the corpus gives the theme none (nobody invents them here)."""
    def fits(q: str) -> bool:
        return has_voices or not any(w in q.lower() for w in _ABOUT_VOICES)
    return tuple(q for q in theme.discussion if fits(q))


def _claim_line(corpus: Corpus, theme: Theme, sources: DeckSources) -> str:
    """The claim as ICSR's words, in quotation marks, with the source it was read in."""
    quote = next((q for q in corpus.quotes.values() if q.text == theme.claim), None)
    cited = f" {marks(sources.cite(quote.sources))}" if quote is not None else ""
    text = theme.claim.strip()
    if text[:1].islower():  # a fragment of ICSR's recommendations to governments
        return f"ICSR recommends that governments “{text}”{cited}"
    return f"ICSR: “{text}”{cited}"


def _sources_slide(sources: DeckSources, section: int) -> Slide:
    return Slide(SlideKind.sources, "Sources", section,
                 lines=tuple(f"{n}. {text}" for n, text in sources.entries()),
                 notes="Every quotation and figure in the deck is numbered to one of these. "
                       "Hand them out with the slides.")


def _link_skips(slides: list[Slide]) -> list[Slide]:
    """Point each content note at the first slide after the graphic testimony it warns of."""
    linked = list(slides)
    for i, slide in enumerate(linked):
        if slide.kind != SlideKind.content_note:
            continue
        j = i + 1
        while j < len(linked) and (linked[j].kind == SlideKind.content_note or (
                linked[j].voice is not None and linked[j].voice.graphic)):  # type: ignore[union-attr]
            j += 1
        linked[i] = dataclasses.replace(slide, skip_to=j)
    return linked

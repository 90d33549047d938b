"""build_deck: the opening on who the defectors are, one section per theme, the sources.

Voices are chosen by composition itself (the trainer-notes format for the workshop's
audience), so a deck obeys the same audience rules as any brief: a quotation the audience
may not see in a brief never reaches a slide either.
"""

from __future__ import annotations

import dataclasses

from ..compose import BriefInputs, TemplateCatalogue, UnknownId, compose_brief
from ..compose.citations import format_citation
from ..corpus.loader import Corpus
from ..corpus.models import Role, SourceKind, Theme
from .charts import build_chart
from .deck import Deck, Slide, SlideKind, Voice
from .sources import DeckSources

TEMPLATE = "trainer-notes"
MAX_VOICES = 3

QUESTIONS = (
    "What did these speakers expect, and what did they find instead?",
    "Which of these voices would the people you work with find most believable, and why?",
    "Why might someone who saw this stay silent after leaving? What would make it safer to speak?",
)
"""Asked when a theme has no discussion questions of its own."""

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
    for number, tid in enumerate(chosen, start=1):
        slides.extend(_theme_section(corpus, tid, audience, number, sources, templates, shown))
    slides.append(_sources_slide(sources, len(sections) - 1))
    return Deck(title="The narratives of people who left Islamic State",
                subtitle=f"A session for {corpus.audiences[audience].name.lower()} · "
                         "the material describes 2014–15",
                status=status or DRAFT, sections=tuple(sections),
                slides=tuple(_link_skips(slides)), references=sources.entries())


def _section_title(theme: Theme) -> str:
    return f"Narrative {theme.number}: {theme.title}" if theme.number else theme.title


def _opening(corpus: Corpus, audience: str, sources: DeckSources) -> list[Slide]:
    reports = [s for s in corpus.sources.values() if s.kind == SourceKind.report]
    built_from = tuple(f"Built from reporting on {format_citation(s)}" for s in reports)
    slides = [Slide(SlideKind.cover, "The narratives of people who left Islamic State", 0,
                    lines=(*built_from, "The material describes 2014–15: say “as of” "
                           "when you quote a figure."),
                    notes="Welcome the room and say what the session is for: hearing why "
                          "people who joined the group left it, in their own words. The deck "
                          "is a draft until it has been approved. Keys: Right or Page Down "
                          "for the next slide, a number to jump to a section, n for these "
                          "notes, b to blank the screen.")]
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


def _theme_section(corpus: Corpus, tid: str, audience: str, section: int, sources: DeckSources,
                   templates: TemplateCatalogue | None, shown: set[str]) -> list[Slide]:
    """The claim, the voices (a content note before each graphic one), the numbers not yet
    shown in the deck, questions and cautions."""
    theme = corpus.themes[tid]
    brief = compose_brief(corpus, BriefInputs(theme=tid, audience=audience, template=TEMPLATE,
                                              quotes=len(corpus.quotes)), templates)
    title = _section_title(theme)
    slides = [Slide(SlideKind.claim, title, section, lines=(theme.claim,),
                    notes=f"{theme.summary} Put the claim to the room and ask what people "
                          "have heard about it before you show any voices.")]
    voices = [q for q in brief.quotes if q.speaker.role == Role.defector][:MAX_VOICES]
    if len(voices) < 2:
        have = "no account" if not voices else "only one account"
        slides.append(Slide(
            SlideKind.gap, "What we do not have", section,
            lines=(f"The corpus holds {have} from someone who left on this narrative.",),
            notes="Say so plainly. Do not present the researchers' or officials' words as "
                  "if they were testimony; the report's own description is on the claim slide."))
    for k, chosen in enumerate(voices, start=1):
        quote, speaker = chosen.quote, chosen.speaker
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
        cites = "; ".join(format_citation(corpus.sources[c.source]) for c in quote.sources)
        slides.append(Slide(SlideKind.voice, f"In their words ({k} of {len(voices)})", section,
                            voice=voice,
                            notes=" ".join(filter(None, [
                                quote.context, f"Published in: {cites}.",
                                "Read it exactly as written and say who said it."]))))
    facts = [f.fact for f in brief.facts if f.fact.id not in shown]
    shown.update(f.id for f in facts)
    if facts:
        slides.append(Slide(SlideKind.figures, "The numbers", section,
                            lines=tuple(sources.fact_line(f) for f in facts),
                            notes="The figures describe 2014–15; say “as of” when you use "
                                  "them, and give both versions where the sources differ."))
    cautions = (*(["Some voices describe violence. Say so before reading them and let "
                   "people step out."] if any(v.quote.graphic for v in voices) else []),
                *CAUTIONS, *theme.pitfalls)
    slides.append(Slide(SlideKind.questions, "Discussion", section, lines=QUESTIONS,
                        notes="Take the questions one at a time; about 20 minutes. "
                              "Keep in mind: " + " ".join(cautions)))
    # The cautions are the facilitator's, not the room's: they open the section's notes.
    slides[0] = dataclasses.replace(slides[0], notes="For you, not the room: "
                                    + " ".join(cautions) + " " + slides[0].notes)
    return slides


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

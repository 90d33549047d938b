"""The bundled corpus, rendered for every theme x audience x template, has no error
findings. A failure here means the corpus, a template or the selection needs fixing,
not the check (the message lists each finding with its brief)."""

from __future__ import annotations

from datetime import date

from assistant.checks import check_brief
from assistant.compose import BriefInputs, TemplateCatalogue, compose_brief
from assistant.corpus import load_corpus
from assistant.paths import bundled_templates_dir
from assistant.render import render_markdown

TODAY = date(2026, 1, 1)


def test_every_bundled_brief_passes_the_checks_without_errors() -> None:
    corpus = load_corpus()
    templates = TemplateCatalogue(bundled_templates_dir())
    errors: list[str] = []
    briefs = 0
    for theme in corpus.themes:
        for audience in corpus.audiences:
            for template in templates.ids():
                if audience not in templates.info(template).audiences:
                    continue  # refused without --any-audience
                inputs = BriefInputs(theme=theme, audience=audience, template=template)
                brief = compose_brief(corpus, inputs, templates)
                markdown = render_markdown(brief)
                briefs += 1
                errors += [f.format(f"{theme}/{audience}/{template}")
                           for f in check_brief(brief, markdown, corpus, today=TODAY)
                           if f.is_error]
    assert briefs >= 25
    assert errors == [], f"{len(errors)} error finding(s):\n" + "\n".join(errors)

"""The deck as one self-contained web page: arrow keys to move, n for notes, s to skip a
content note, one slide per printed page, nothing loaded from the network."""

from __future__ import annotations

import base64
import hashlib
from html import escape

from .deck import Deck, Slide
from .svg import chart_svg
from .text import attribution, bullet_lines, clean, progress, quotation

_SCRIPT = """
(function () {
  var slides = Array.prototype.slice.call(document.querySelectorAll('section.slide'));
  var at = 0;
  var skipped = {};  // first slide after a skip: its content note (Back goes there)
  function show(i) {
    at = Math.max(0, Math.min(slides.length - 1, i));
    Object.keys(skipped).forEach(function (after) {
      if (skipped[after] < at && at < +after) { delete skipped[after]; }
    });
    slides.forEach(function (s, k) { s.hidden = k !== at; });
    slides[at].focus();
  }
  document.documentElement.classList.add('js');
  document.addEventListener('keydown', function (e) {
    if (e.altKey || e.ctrlKey || e.metaKey) { return; }
    var k = e.key;
    if (k === 'ArrowRight' || k === 'PageDown' || k === ' ') { show(at + 1); }
    else if (k === 'ArrowLeft' || k === 'PageUp') {
      show(skipped.hasOwnProperty(at) ? skipped[at] : at - 1);
    }
    else if (k === 'Home') { show(0); }
    else if (k === 'End') { show(slides.length - 1); }
    else if (k === 'n') { document.body.classList.toggle('notes'); }
    else if (k === 'b') { document.body.classList.toggle('blank'); }
    else if (k === 's' && slides[at].dataset.skipTo) {
      skipped[+slides[at].dataset.skipTo] = at;
      show(+slides[at].dataset.skipTo);
    }
    else if (/^[0-9]$/.test(k)) {
      var first = slides.findIndex(function (s) { return s.dataset.key === k; });
      if (first >= 0) { show(first); }
    } else { return; }
    e.preventDefault();
  });
  show(0);
})();
"""

_STYLE = """
body { margin: 0; font: 20px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif;
  color: #1b1b1b; background: #f4f4f2; }
section.slide { box-sizing: border-box; min-height: 100vh; padding: 3rem 4rem 4rem;
  background: #fff; border-bottom: 1px solid #ccc; position: relative; outline: none; }
.status { color: #b00020; font-weight: 700; font-size: 0.8rem; letter-spacing: 0.04em; }
h1, h2 { font-size: 2rem; margin: 0.6rem 0 1.2rem; }
.where { position: absolute; bottom: 1rem; left: 4rem; right: 4rem; font-size: 0.8rem;
  color: #555; display: flex; justify-content: space-between; }
figure { margin: 2rem 0; } blockquote { font-size: 1.6rem; font-style: italic;
  border-left: 6px solid #1f5f8b; margin: 0; padding: 0.5rem 0 0.5rem 1.5rem; }
figcaption { margin-top: 1rem; font-size: 1.1rem; }
.chart svg { width: 100%; max-width: 60rem; height: auto; }
.source { font-size: 0.85rem; color: #444; }
.notes-text { display: none; margin-top: 2rem; padding: 1rem; background: #fff8e1;
  border-left: 4px solid #f2a541; font-size: 0.9rem; }
body.notes .notes-text { display: block; }
body.blank section.slide { visibility: hidden; } body.blank { background: #000; }
.sources li { font-size: 0.85rem; } .claim { font-size: 1.5rem; }
@media print {
  @page { size: A4 landscape; margin: 12mm; }
  body { background: #fff; }
  section.slide { min-height: 0; height: auto; break-after: page; page-break-after: always;
    border: 0; padding: 0 0 2rem; }
  section.slide[hidden] { display: block; }
  .where { position: static; margin-top: 2rem; }
  .screen-only { display: none; }
}
"""


def deck_to_html(deck: Deck, *, language: str = "en-GB") -> str:
    """The page as text. Every slide carries the status mark; notes are in the page (press n)."""
    script_hash = base64.b64encode(hashlib.sha256(_SCRIPT.encode()).digest()).decode()
    csp = (f"default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
           f"script-src 'sha256-{script_hash}'")
    total = len(deck.slides)
    slides = "\n".join(_slide(deck, i, s, total) for i, s in enumerate(deck.slides))
    return (f'<!DOCTYPE html>\n<html lang="{escape(language)}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta http-equiv="Content-Security-Policy" content="{csp}">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f'<title>{escape(clean(deck.title))}</title>\n<style>{_STYLE}</style>\n</head>\n'
            f'<body>\n<main>\n{slides}\n</main>\n<script>{_SCRIPT}</script>\n</body>\n</html>\n')


def _slide(deck: Deck, index: int, slide: Slide, total: int) -> str:
    heading = "h1" if index == 0 else "h2"
    attrs = f' data-section="{slide.section}"'
    key = deck.keys[slide.section] if slide.section < len(deck.keys) else ""
    if key and deck.first_of_section(slide.section) == index:
        attrs += f' data-key="{key}"'  # number keys jump to the section's first slide
    if slide.skip_to is not None:
        attrs += f' data-skip-to="{slide.skip_to}"'
    body: list[str] = []
    if index == 0:
        body.append(f"<p><strong>{escape(clean(deck.subtitle))}</strong></p>")
    if slide.chart is not None:
        body.append(f'<figure class="chart">{chart_svg(slide.chart)}'
                    f'<figcaption class="source">{escape(clean(slide.chart.source_line))}'
                    f'{(" " + escape(clean(slide.chart.note))) if slide.chart.note else ""}'
                    "</figcaption></figure>")
    elif slide.voice is not None:
        body.append(f"<figure><blockquote><p>{escape(quotation(slide.voice))}</p></blockquote>"
                    f"<figcaption>{escape(attribution(slide.voice))}</figcaption></figure>")
    if slide.lines and slide.kind == "claim":  # ICSR's words, quoted: a statement, not a list
        body.append("".join(f'<p class="claim">{escape(x)}</p>' for x in bullet_lines(slide)))
    elif slide.lines:
        tag = "ol" if slide.kind in ("questions",) else "ul"
        css = ' class="sources"' if slide.kind == "sources" else ""
        items = bullet_lines(slide) if slide.kind != "questions" else [clean(x) for x in slide.lines]
        if slide.kind == "sources":
            items = [clean(text) for _, text in deck.references]
            tag = "ol"
        body.append(f"<{tag}{css}>" + "".join(f"<li>{escape(x)}</li>" for x in items) + f"</{tag}>")
    if slide.skip_to is not None:
        body.append('<p class="screen-only"><em>Press s to skip the graphic testimony.</em></p>')
    notes = f'<aside class="notes-text" aria-label="Presenter notes">{escape(clean(slide.notes))}</aside>'
    return (f'<section class="slide" tabindex="-1" aria-label="{escape(progress(index, total))}"{attrs}>\n'
            f'<div class="status">{escape(clean(deck.status))}</div>\n'
            f"<{heading}>{escape(clean(slide.title))}</{heading}>\n" + "\n".join(body) +
            f"\n{notes}\n<div class=\"where\"><span>{escape(deck.sections[slide.section])}</span>"
            f"<span>{escape(progress(index, total))}</span></div>\n</section>")

"""A template cannot hang the app or exhaust its memory; each limit names file and line."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from assistant.paths import bundled_templates_dir
from assistant.render import TemplateError, TemplateLibrary

HEADER = ("---\nid: t\nname: T\ndescription: A test format\naudiences: []\nquotes: 1\n"
          "facts: 1\n---\n")
BODY_LINE = HEADER.count("\n") + 1  # the line a one-line body sits on


def render(tmp_path: Path, body: str, time_limit: float = 0.5) -> str:
    folder = tmp_path / "templates"
    if not folder.exists():
        shutil.copytree(bundled_templates_dir(), folder)
    (folder / "t.md.j2").write_text(HEADER + body, encoding="utf-8")
    return TemplateLibrary(folder, time_limit=time_limit).render("t.md.j2", {"n": 3})


CASES = {
    "nested loops": ("{% for i in range(100000) %}{% for j in range(100000) %}"
                     "{% endfor %}{% endfor %}", "took longer than 0.5 s"),
    "nested loops printing": ("{% for i in range(100000) %}{% for j in range(100000) %}x"
                              "{% endfor %}{% endfor %}", "took longer than 0.5 s"),
    "range(10**9)": ("{{ range(10**9)|list|length }}",
                     "the number 1,000,000,000 is too large for a template"),
    "a power tower": ("{{ 9**(9**9) }}", "the power 9 ** 387,420,489 is too large"),
    "a power in a loop": ("{% for i in range(3) %}{{ 10**(10**6) }}{% endfor %}",
                          "the power 10 ** 1,000,000 is too large"),
    "string multiplication": ("{{ 'x' * 10**9 }}", "repeating a value 1,000,000,000 times"),
    "multiplication twice": ("{{ ('x' * 100000) * 100000 }}", "repeating a value 100,000 times"),
    "a wide centre": ("{{ 'x'|center(10**9) }}", "the number 1,000,000,000 is too large"),
    "a wide format": ("{{ '{:999999999}'.format(1) }}", "a format width or precision above"),
    "a wide %": ("{{ '%999999999d' % 1 }}", "a format width or precision above"),
    "doubling line by line": ("{% set x = 'ab' * 1000 %}" + "{% set x = x ~ x %}" * 30
                              + "{{ x|length }}", "a value grew over 2,000,000 long"),
    "doubling in a namespace": ("{% set ns = namespace(x='ab') %}{% for i in range(40) %}"
                                "{% set ns.x = ns.x ~ ns.x %}{% endfor %}{{ ns.x }}",
                                "a value grew over 2,000,000 long"),
    "replacing nothing": ("{{ ('x' * 1000)|replace('', 'y' * 1000) }}",
                          "replacing the empty string is refused"),
    "a macro calling itself": ("{% macro f(n) %}{{ f(n) }}{% endmacro %}{{ f(1) }}",
                               "calls nested more than 50 deep"),
    "changing a list": ("{% set l = [] %}{{ l.append(1) }}", "refused by the template sandbox"),
    "Python internals": ("{{ ''.__class__.__mro__ }}", "refused by the template sandbox"),
    "an unknown name": ("{{ nope }}", "undefined name: 'nope' is undefined"),
    "a syntax error": ("{% for %}", "syntax error:"),
    "a huge product": ("{{ (10**1000) * (10**1000) }}", "the product is too large"),
    # Filters and methods that build a large string from a small input are bounded too.
    "a wide format filter": ('{{ "%0999999999d"|format(1) }}', "a format width or precision"),
    "a wider format filter": ('{{ "%01999999999d"|format(1) }}', "a format width or precision"),
    "many wide fields": ('{{ ("%99999d" * 40)|format(*range(40)) }}', "would be over 2,000,000"),
    "many wide % fields": ("{{ ('%99999d' * 40) % range(40)|list|batch(40)|first|list }}",
                           "would be over 2,000,000"),
    "many wide .format fields": ("{{ ('{:99999}' * 40).format(*range(40)) }}",
                                 "would be over 2,000,000"),
    "a star width": ('{{ "%*d"|format(999999999, 1) }}', "the number 999,999,999 is too large"),
    "wordwrap at width 1": ('{{ ("x " * 1000000)|wordwrap(1) }}', "would be over 2,000,000"),
    "wordwrap with a long break": ('{{ ("x " * 100000)|wordwrap(1, wrapstring="y" * 100) }}',
                                   "would be over 2,000,000"),
    "wordwrap of a long text": ('{{ ("xy " * 400000)|wordwrap(99999) }}',
                                "wordwrap is refused on over"),
    "indent by a long string": ('{{ ("a\\n" * 100000)|indent("x" * 1000) }}',
                                "would be over 2,000,000"),
    "indent many lines": ('{{ ("\\n" * 1000000)|indent(99999, blank=true) }}',
                          "would be over 2,000,000"),
    "join with a long separator": ('{{ range(100000)|join("x" * 1000) }}',
                                   "would be over 2,000,000"),
    "join method with a long separator": ("{{ ('x' * 1000).join(range(3000)|map('string')) }}",  # a generator
                                          "would be over 2,000,000"),
    "centring many times": ("{% for i in range(100) %}{{ 'x'|center(99999) ~ 'x'|center(99999)"
                            " }}{% endfor %}", "output over 5,000,000"),
    "expandtabs": ("{{ ('\t' * 100000).expandtabs(99999) }}", "would be over 2,000,000"),
    "tojson indented": ("{{ range(100000)|list|tojson(indent=99999) }}",
                        "would be over 2,000,000"),
    "ljust then replace": ("{{ 'x'.ljust(99999)|replace(' ', 'y' * 100) }}",
                           "the replacement would be over 2,000,000"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_a_costly_or_broken_template_is_refused_naming_file_and_line(case: str,
                                                                     tmp_path: Path) -> None:
    body, message = CASES[case]
    started = time.monotonic()
    with pytest.raises(TemplateError) as caught:
        render(tmp_path, body)
    assert time.monotonic() - started < 5
    assert caught.value.file.endswith("t.md.j2")
    assert caught.value.line == BODY_LINE
    assert message in caught.value.message


@pytest.mark.parametrize("body", ['{{ "%0999999999d"|format(1) }}',
                                  '{{ ("x " * 1000000)|wordwrap(1) }}',
                                  '{{ ("%99999d" * 40)|format(*range(40)) }}'])
def test_a_filter_that_would_build_a_huge_string_is_refused_before_it_runs(
        tmp_path: Path, body: str) -> None:
    render(tmp_path, "{{ 1 }}")  # the template folder copied before the clock starts
    started = time.monotonic()
    with pytest.raises(TemplateError) as caught:
        render(tmp_path, body, time_limit=30)
    assert time.monotonic() - started < 0.5  # not after 15 s of work and 5 GB
    assert caught.value.line == BODY_LINE
    assert "refused by the template limits" in caught.value.message


def test_a_long_output_is_cut_off_with_a_message(tmp_path: Path) -> None:
    with pytest.raises(TemplateError) as caught:
        render(tmp_path, "{% for i in range(100000) %}{{ 'y' * 100 }}{% endfor %}",
               time_limit=30)
    assert "output over 5,000,000 characters" in caught.value.message


def test_ordinary_arithmetic_and_loops_still_work(tmp_path: Path) -> None:
    body = "{{ 2**10 }} {{ 'ab' * 3 }} {{ range(n)|list }} {{ '%5d'|format(42) }}"
    assert render(tmp_path, body).strip() == "1024 ababab [0, 1, 2]    42"


@pytest.mark.parametrize("header, line, message", [
    ("---\nid: t\nname: !!int x\n---\n", 3, "front matter: 'x' cannot be read as !!int"),
    ("---\nid: t\nname: [\n---\n", 3, "front matter: YAML syntax"),
    ("---\nid: t\n" + "a:\n" + "- " * 5000 + "x\n---\n", 4, "nested more than 64"),
    (HEADER.replace("facts: 1\n", "facts: 1\nfcats: 2\n"), 8,
     "unknown front-matter key 'fcats' (did you mean 'facts'?)"),
    ("---\nid: t\n", 1, "the front-matter header has no closing '---' line"),
])
def test_bad_front_matter_names_file_and_line(tmp_path: Path, header: str, line: int,
                                              message: str) -> None:
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "t.md.j2").write_text(header + "body\n", encoding="utf-8")
    with pytest.raises(TemplateError) as caught:
        TemplateLibrary(folder).ids()
    assert (caught.value.line, caught.value.file.endswith("t.md.j2")) == (line, True)
    assert message in caught.value.message


def test_a_control_character_in_a_template_is_refused_at_its_line(tmp_path: Path) -> None:
    with pytest.raises(TemplateError) as caught:
        render(tmp_path, "fine\nnot \x0c fine\n")
    assert caught.value.line == BODY_LINE + 1
    assert "holds a character that is not allowed (U+000C" in caught.value.message


@pytest.mark.parametrize("body", [
    "{{ brief.quotes[0].quote.note }}",
    "{{ brief.quotes[0].quote['note'] }}",
    "{{ brief.quotes[0].quote|attr('note') }}",
    "{{ brief.quotes[0].quote.model_dump() }}",
    "{{ brief.quotes[0].quote|list }}",
    "{{ brief.quotes[0].quote|join(' ') }}",
    "{{ brief.quotes[0].quote }}",
    "{{ brief }}",
    "{{ brief.quotes[0].quote|pprint }}",
])
def test_no_template_prints_a_curator_note(tmp_path: Path, body: str) -> None:
    from .compose_helpers import brief as composed

    plain = composed()
    first = plain.quotes[0]
    noted = first.model_copy(update={"quote": first.quote.model_copy(
        update={"note": "CURATOR-ONLY doubt about the date"})})
    brief = plain.model_copy(update={"quotes": [noted, *plain.quotes[1:]]})
    folder = tmp_path / "templates"
    shutil.copytree(bundled_templates_dir(), folder)
    (folder / "t.md.j2").write_text(HEADER + body, encoding="utf-8")
    try:
        out = TemplateLibrary(folder).render("t.md.j2", {"brief": brief})
    except TemplateError as exc:
        assert exc.line == BODY_LINE
        out = str(exc)
    assert noted.quote.note is not None and noted.quote.note not in out

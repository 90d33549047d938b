"""Hypothesis strategies for the fuzz tests: text made of the pieces that break parsers.

Each strategy mixes the shapes seen in real failures (constructor tags, impossible
dates, long numbers, deep nesting, aliases, control and invisible characters,
unbalanced quotes and brackets) with ordinary corpus words, so examples stay close
enough to a corpus file, a template or a brief to reach past the first parser.
"""

from __future__ import annotations

from hypothesis import strategies as st

CONTROL = ["\x00", "\x07", "\x1b[31m", "\x7f", "\x85", "\u202e", "\u200b", "\ufeff",
           "\u2028", "\udcff", "\t", "\r"]

WORDS = ["quotes", "sources", "speakers", "facts", "themes", "audiences", "id", "text",
         "speaker", "published", "title", "outlet", "theme", "strength", "via", "tags",
         "q-1", "s-1", "harsh-life", "graphic", "syrian-fighter-26", "nyt-2015-09-20"]

SCALARS = st.one_of(
    st.sampled_from(["!!int foo", "!!bool maybe", "!!float x", "!!timestamp x", "!!binary %",
                     "!!set [1]", "!!map [1]", "!!seq {a: 1}", "!!python/object:os.system x",
                     "!!str [1]", "~", "yes", "no", "null", ".nan", "-.inf", "0x1F", "0o99",
                     "*undefined", "&a x", "*a", "<<: *a", "'unclosed", '"unclosed', "|", ">",
                     "{", "}", "[", "]", ":", "- ", "? ", "#", "%YAML 1.1", "---", "..."]),
    st.builds(lambda y, m, d: f"{y:04d}-{m:02d}-{d:02d}", st.integers(0, 9999),
              st.integers(0, 99), st.integers(0, 99)),
    st.integers(1, 6000).map(lambda n: "9" * n),
    st.sampled_from(WORDS),
    st.text(max_size=20),
    st.lists(st.sampled_from(CONTROL), min_size=1, max_size=3).map("".join),
)


@st.composite
def yaml_text(draw: st.DrawFn) -> str:
    """A corpus-like YAML file, often broken."""
    lines: list[str] = []
    for _ in range(draw(st.integers(1, 12))):
        indent = " " * draw(st.sampled_from([0, 0, 2, 4, 6, 3]))
        shape = draw(st.integers(0, 5))
        key, value = draw(st.sampled_from(WORDS)), draw(SCALARS)
        if shape == 0:
            lines.append(f"{indent}{key}: {value}")
        elif shape == 1:
            lines.append(f"{indent}- {key}: {value}")
        elif shape == 2:
            depth = draw(st.sampled_from([1, 10, 63, 65, 1000, 5000]))
            lines.append(f"{indent}{key}: " + draw(st.sampled_from(["[", "{a: ", "- "])) * depth)
        elif shape == 3:
            lines.append(f'{indent}{key}: "{draw(SCALARS)}"')
        elif shape == 4:
            lines.append(f"{indent}{value}")
        else:
            lines.append(f"{indent}{key}:")
    return "\n".join(lines) + draw(st.sampled_from(["", "\n"]))


JINJA = [
    "{{ n }}", "{{ nope }}", "{{ n ** n ** n }}", "{{ 9 ** (9 ** 9) }}", "{{ 'x' * n }}",
    "{{ 'x' * 10 ** 8 }}", "{% for i in range(n) %}", "{% for i in range(10 ** 5) %}",
    "{% endfor %}", "{% if n %}", "{% endif %}", "{% set x = 'ab' %}", "{% set x = x ~ x %}",
    "{{ x }}", "{{ ''.__class__ }}", "{{ n|center(10 ** 9) }}", "{{ '%999999d' % n }}",
    "{{ '{:99999999}'.format(n) }}", "{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}",
    "{{ range(10 ** 9) }}", "{{ [1] * 10 ** 7 }}", "{{ n|int }}", "{{ 'a'|replace('', 'b') }}",
    "{%", "{{", "}}", "%}", "{# note", "#}", "{% raw %}", "{% endraw %}", "{{ n / 0 }}",
    "{{ n // 0 }}", "{{ (n * 1.0) ** 1000 }}", "{% include 'nope.md.j2' %}",
    "{% import '_macros.md.j2' as m %}", "{{ cycler() }}", "{{ lipsum(10 ** 6) }}",
    "{{ range(99999)|batch(99999)|list|length }}", "{{ n|indent(99999) }}", "plain text\n",
]

FRONT = [
    "id: t", "name: T", "description: d", "audiences: []", "audiences: [nope]", "quotes: 1",
    "quotes: -1", "quotes: !!int x", "facts: 99999999999999999999", "word_limit: yes",
    "colour: red", "name: [", "name: " + "[" * 100, "- x", "name: \x07", "name: 2015-02-30",
]


@st.composite
def template_text(draw: st.DrawFn) -> str:
    """A template file: a front-matter header (often broken) and a Jinja body."""
    header = draw(st.lists(st.sampled_from(FRONT), max_size=8))
    if draw(st.booleans()):
        header = ["id: t", "name: T", "description: d", "audiences: []", "quotes: 1",
                  "facts: 1", *header[:2]]
    fence = draw(st.sampled_from(["---", "---", "--- ", ""]))
    body = draw(st.lists(st.one_of(st.sampled_from(JINJA), st.text(max_size=10)), max_size=10))
    return "\n".join([fence, *header, "---", "".join(body)])


MARKDOWN = [
    "# Heading", "## Team notes: not for distribution", "> ", "> “", "“", "”", "\"", "'",
    "[", "]", "(", ")", "![img](http://example.com/x.png)", "*", "**", "_", "`", "```",
    "- **Goal:** ", "- **Monitoring:** ", "ISIS wants to kill everyone who says no",
    " " * 500, "\n", "\n\n", "|a|b|\n|-|-|", "<script>", "&amp;", "beheading", "Approved by",
    "**DRAFT**", "—", "\x07", "\u202e", "\ufeff",
]


@st.composite
def markdown_text(draw: st.DrawFn) -> str:
    pieces = draw(st.lists(st.one_of(st.sampled_from(MARKDOWN), st.text(max_size=12)),
                           max_size=40))
    repeat = draw(st.sampled_from([1, 1, 1, 50, 500]))
    return "".join(pieces) * repeat

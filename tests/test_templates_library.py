"""Templates are data a communicator edits: listed with their headers, rendered in a sandbox,
and every mistake located by file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.compose import TemplateError, UnknownId
from assistant.render import TemplateLibrary

from .compose_helpers import brief, library

HEADER = "---\nid: {id}\nname: Test\n---\n"


def write(tmp_path: Path, template_id: str, body: str, header: str | None = None) -> Path:
    path = tmp_path / f"{template_id}.md.j2"
    path.write_text((header if header is not None else HEADER.format(id=template_id)) + body)
    return path


def test_bundled_library_lists_the_four_formats_with_their_headers() -> None:
    infos = {info.id: info for info in library().infos()}
    assert set(infos) >= {"policy-brief", "talking-points", "social-posts", "trainer-notes"}
    assert infos["social-posts"].post_chars == 280
    assert all(info.audiences and info.word_limit and info.description for info in infos.values())


def test_unknown_template_lists_the_valid_ones() -> None:
    with pytest.raises(UnknownId, match="choose one of: policy-brief, social-posts"):
        library().info("poster")


def test_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    write(tmp_path, "broken", "line 5\n{% for q in quotes %}\nno end\n")
    with pytest.raises(TemplateError) as caught:
        TemplateLibrary(tmp_path).render("broken.md.j2", {"quotes": []})
    assert caught.value.file.endswith("broken.md.j2")
    assert caught.value.line == 7
    assert "syntax error" in str(caught.value)


def test_undefined_variable_names_file_and_line(tmp_path: Path) -> None:
    write(tmp_path, "typo", "fine\n{{ theme.titel }}\n")
    with pytest.raises(TemplateError) as caught:
        TemplateLibrary(tmp_path).render("typo.md.j2", {"theme": {"title": "x"}})
    assert caught.value.line == 6
    assert "titel" in caught.value.message


def test_reaching_python_internals_is_refused(tmp_path: Path) -> None:
    write(tmp_path, "escape", "{{ ''.__class__.__mro__[1].__subclasses__() }}\n")
    with pytest.raises(TemplateError) as caught:
        TemplateLibrary(tmp_path).render("escape.md.j2", {})
    assert "refused by the template sandbox" in str(caught.value)
    assert str(caught.value).startswith(f"{caught.value.file}:5:")


def test_calling_a_models_method_to_write_files_is_refused(tmp_path: Path) -> None:
    write(tmp_path, "write", "{{ brief.__init__.__globals__ }}\n")
    with pytest.raises(TemplateError, match=r"sandbox|undefined"):
        TemplateLibrary(tmp_path).render("write.md.j2", {"brief": brief()})


def test_front_matter_with_an_unknown_key_is_located(tmp_path: Path) -> None:
    write(tmp_path, "odd", "body\n", header="---\nid: odd\nname: Odd\nwordlimit: 3\n---\n")
    with pytest.raises(TemplateError) as caught:
        TemplateLibrary(tmp_path).infos()
    assert caught.value.line == 4
    assert "did you mean 'word_limit'" in caught.value.message


def test_template_id_must_match_its_file_name(tmp_path: Path) -> None:
    write(tmp_path, "one", "body\n", header="---\nid: two\nname: Two\n---\n")
    with pytest.raises(TemplateError, match="must match the file name"):
        TemplateLibrary(tmp_path).infos()


def test_html_templates_escape_what_they_insert(tmp_path: Path) -> None:
    (tmp_path / "_page.html.j2").write_text("<p>{{ text }}</p>")
    html = TemplateLibrary(tmp_path).render("_page.html.j2", {"text": "<script>x</script>"})
    assert html == "<p>&lt;script&gt;x&lt;/script&gt;</p>"

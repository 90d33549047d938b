"""The list of brief formats: each template file's front-matter header, read without Jinja.

Composition needs to know a format's limits (how many quotes, how long a quotation may
be) but not how to render it, so the header lives here and rendering in
`assistant.render.templates`, which extends this class.

A template file starts with a YAML header between two `---` lines:

    ---
    id: talking-points
    name: Talking points
    audiences: [journalists, community-leaders]
    word_limit: 400
    quotes: 3
    facts: 2
    ---
"""

from __future__ import annotations

import difflib
from pathlib import Path

from pydantic import ValidationError

from .brief import TemplateInfo
from .errors import TemplateError, UnknownId

SUFFIX = ".md.j2"
FENCE = "---"


def display_path(path: Path) -> str:
    """A path as a user would type it: relative to the working directory when possible."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def split_front_matter(text: str, file: str) -> tuple[str, str]:
    """(header YAML, body). The body keeps its line numbers: header lines become blank."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != FENCE:
        raise TemplateError(file, 1, "a template must start with a '---' front-matter header")
    for index in range(1, len(lines)):
        if lines[index].strip() == FENCE:
            header = "\n".join(lines[1:index])
            return header, "\n" * (index + 1) + "\n".join(lines[index + 1 :])
    raise TemplateError(file, 1, "the front-matter header has no closing '---' line")


def _key_line(header: str, key: str) -> int:
    for number, line in enumerate(header.split("\n"), start=2):
        if line.startswith(f"{key}:"):
            return number
    return 1


def parse_header(header: str, file: str, stem: str) -> TemplateInfo:
    """Validate a front-matter header into a TemplateInfo, naming file and line on error."""
    from ..corpus.yamlfile import YamlError, parse_yaml  # the corpus's bounded reader

    try:
        data = parse_yaml(header) or {}
    except YamlError as exc:
        line = exc.line + 1 if exc.line else 1
        raise TemplateError(file, line, f"front matter: {exc.message}") from None
    if not isinstance(data, dict):
        raise TemplateError(file, 2, "front matter must be 'key: value' lines")
    try:
        info = TemplateInfo.model_validate({**data, "file": file})
    except ValidationError as exc:
        error = exc.errors()[0]
        key = str(error["loc"][0]) if error["loc"] else ""
        if error["type"] == "extra_forbidden":
            known = [k for k in TemplateInfo.model_fields if k != "file"]
            close = difflib.get_close_matches(key, known, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else f" (known keys: {', '.join(known)})"
            message = f"unknown front-matter key '{key}'{hint}"
        elif error["type"] == "missing":
            message = f"front matter is missing '{key}'"
        else:
            message = f"front-matter '{key}': {error['msg']}"
        raise TemplateError(file, _key_line(header, key), message) from None
    if info.id != stem:
        raise TemplateError(file, _key_line(header, "id"),
                            f"id '{info.id}' must match the file name '{stem}{SUFFIX}'")
    return info


class TemplateCatalogue:
    """Brief formats found in a directory of `*.md.j2` files (names starting `_` are partials)."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self._infos: dict[str, TemplateInfo] | None = None

    def path(self, template_id: str) -> Path:
        return self.directory / f"{template_id}{SUFFIX}"

    def _scan(self) -> dict[str, TemplateInfo]:
        if self._infos is None:
            infos: dict[str, TemplateInfo] = {}
            files = sorted(self.directory.glob(f"*{SUFFIX}")) if self.directory.is_dir() else []
            for path in files:
                if path.name.startswith("_"):
                    continue
                stem = path.name[: -len(SUFFIX)]
                header, _ = split_front_matter(self.read(path), display_path(path))
                infos[stem] = parse_header(header, display_path(path), stem)
            self._infos = infos
        return self._infos

    @staticmethod
    def read(path: Path) -> str:
        try:
            return path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise TemplateError(display_path(path), 0, f"cannot read template ({exc})") from None

    def ids(self) -> list[str]:
        """Template ids, alphabetical."""
        return sorted(self._scan())

    def infos(self) -> list[TemplateInfo]:
        return [self._scan()[tid] for tid in self.ids()]

    def info(self, template_id: str) -> TemplateInfo:
        """The header of one template; UnknownId lists the valid ids."""
        infos = self._scan()
        if template_id not in infos:
            raise UnknownId("template", template_id, list(infos))
        return infos[template_id]

    def content(self, template_id: str) -> bytes:
        """The template file's bytes, for the brief's fingerprint."""
        self.info(template_id)
        return self.path(template_id).read_bytes()

"""Settings a user keeps between sessions: key remapping and light or dark.

Read from `config.yaml` in the platform config directory (``platformdirs``), or from
the directory named by ``COUNTERBRIEF_CONFIG_DIR`` (tests point it at a temporary one).
No Textual import here: this is data, validated by pydantic (`config_model`), with a JSON Schema that
an editor can use to autocomplete and flag mistakes.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

CONFIG_DIR_ENV = "COUNTERBRIEF_CONFIG_DIR"
CONFIG_FILE = "config.yaml"
SCHEMA_FILE = Path(__file__).with_name("config.schema.json")


@dataclass(frozen=True)
class Settings:
    """What config.yaml decided (the defaults when there is no file)."""

    keymap: dict[str, str] = field(default_factory=dict)
    theme: Literal["dark", "light"] = "dark"


@dataclass
class LoadedSettings:
    """Settings plus the reasons they could not be read, to show the user once."""

    settings: Settings = field(default_factory=Settings)
    problems: list[str] = field(default_factory=list)
    path: Path | None = None


def config_dir() -> Path:
    """Where config.yaml lives (the env override first, then the platform's place)."""
    override = os.environ.get(CONFIG_DIR_ENV)
    if override:
        return Path(override)
    from platformdirs import user_config_dir

    return Path(user_config_dir("counterbrief"))


def load_settings(directory: Path | None = None) -> LoadedSettings:
    """Read config.yaml; a missing file gives the defaults, a bad one the defaults plus
    a message naming the file (and line, for YAML syntax errors)."""
    path = (directory or config_dir()) / CONFIG_FILE
    if not path.is_file():
        return LoadedSettings(path=path)
    import yaml  # only when there is a file to read: keeps start-up fast

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError) as exc:
        return LoadedSettings(problems=[f"{path}: cannot read: {exc}"], path=path)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark is not None else str(path)
        return LoadedSettings(problems=[f"{where}: not valid YAML"], path=path)
    # pydantic loads only when there is a file to validate: most starts have none
    from pydantic import ValidationError

    from .config_model import TuiSettings

    try:
        valid = TuiSettings.model_validate(data)
        return LoadedSettings(Settings(valid.keymap, valid.theme), path=path)
    except ValidationError as exc:
        problems = [
            f"{path}: {'.'.join(str(p) for p in err['loc']) or 'top level'}: {err['msg']}"
            for err in exc.errors()
        ]
        return LoadedSettings(problems=problems, path=path)


def settings_schema() -> dict[str, Any]:
    """JSON Schema for config.yaml."""
    from .config_model import TuiSettings

    schema = TuiSettings.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "counterbrief terminal UI settings"
    return schema


def write_schema(path: Path = SCHEMA_FILE) -> None:
    """Regenerate the shipped schema file (run after changing TuiSettings)."""
    path.write_text(json.dumps(settings_schema(), indent=2) + "\n", encoding="utf-8")

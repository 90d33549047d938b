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
    return _read(data, path)


def _read(data: object, path: Path) -> LoadedSettings:
    """Each setting on its own, so one bad value costs only itself; problems are said in
    the words of the file (the JSON Schema, from `config_model`, says the same to editors)."""
    if not isinstance(data, dict):
        return LoadedSettings(problems=[f"{path}: expected settings such as `theme: light` "
                                        "and `keymap:`, one per line"], path=path)
    problems = [f"{path}: '{key}' is not a setting (the settings are: keymap, theme)"
                for key in data if key not in ("keymap", "theme")]
    theme = data.get("theme", "dark")
    if theme not in ("dark", "light"):
        problems.append(f"{path}: theme: '{theme}' is not a theme; write dark or light")
        theme = "dark"
    keymap: dict[str, str] = {}
    raw = data.get("keymap") or {}
    if not isinstance(raw, dict):
        problems.append(f"{path}: keymap: expected lines like `testimony.pin: i` "
                        "(binding id, then keys)")
        raw = {}
    for binding_id, keys in raw.items():
        if not isinstance(keys, str) or not keys.strip():
            problems.append(f"{path}: keymap: {binding_id}: give the keys as text, "
                            "like \"ctrl+p\" or \"i,insert\"")
            continue
        keymap[str(binding_id)] = keys.strip()
    return LoadedSettings(Settings(keymap, theme), problems=problems, path=path)


STATE_FILE = "state.json"
"""What the app remembers by itself (the colours last chosen), apart from config.yaml,
which is the user's to write."""


def remembered_theme(directory: Path | None = None) -> str | None:
    """The colour theme chosen last time, if any."""
    try:
        state = json.loads(((directory or config_dir()) / STATE_FILE).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    theme = state.get("theme") if isinstance(state, dict) else None
    return theme if isinstance(theme, str) else None


def remember_theme(theme: str, directory: Path | None = None) -> None:
    """Keep the colour theme for next time (quietly: not being able to is no error)."""
    folder = directory or config_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        (folder / STATE_FILE).write_text(json.dumps({"theme": theme}) + "\n", "utf-8")
    except OSError:
        pass


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

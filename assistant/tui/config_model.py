"""The shape of config.yaml, validated by pydantic (imported only when a file exists)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class TuiSettings(BaseModel):
    """The contents of config.yaml. Every key is optional."""

    model_config = ConfigDict(extra="forbid")

    keymap: dict[str, str] = Field(
        default_factory=dict,
        description=(
            "Binding id to keys, e.g. {'testimony.pin': 'ctrl+p'}; several keys separated "
            "by commas. Press F1 in the app to see every binding id."
        ),
    )
    theme: Literal["dark", "light"] = Field("dark", description="Colour theme at start-up")

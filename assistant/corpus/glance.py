"""A first look at the themes, read straight from the YAML without validation.

The terminal app shows this list while the validated corpus loads; it needs PyYAML only.
If the corpus turns out to be invalid, the full load reports every problem and the app
shows those instead. Counts follow `stats.corpus_stats`.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]


def _records(root: Path, kind: str) -> Iterable[dict[str, Any]]:
    for path in sorted(root.rglob("*.y*ml"), key=lambda p: p.relative_to(root).as_posix()):
        if "schema" in path.relative_to(root).parts:
            continue
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
        if isinstance(data, dict):
            yield from (r for r in data.get(kind) or [] if isinstance(r, dict))


def glance_themes(root: Path) -> list[dict[str, Any]] | None:
    """Theme rows (id, title, claim, quotes, speakers, graphic_quotes), or None if the files
    cannot say."""
    try:
        themes = list(_records(root, "themes"))
        quotes = list(_records(root, "quotes"))
        rows = []
        for theme in themes:
            linked = [q for q in quotes
                      if any(isinstance(link, dict) and link.get("theme") == theme["id"]
                             and link.get("strength", 2) for link in q.get("themes") or [])]
            rows.append({
                "id": str(theme["id"]),
                "title": str(theme["title"]),
                "claim": str(theme["claim"]),
                "quotes": len(linked),
                "speakers": len({str(q.get("speaker")) for q in linked}),
                "graphic_quotes": sum("graphic" in (q.get("tags") or []) for q in linked),
            })
        return rows or None
    except Exception:  # anything odd: let the validating load explain it
        return None

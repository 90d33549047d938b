"""A first look at the themes, read straight from the YAML without validation.

The terminal app shows this list while the validated corpus loads; it needs PyYAML only.
If the corpus turns out to be invalid, the full load reports every problem and the app
shows those instead. Counts follow `stats.corpus_stats`.

The rows are also kept in a small JSON file in the cache directory, keyed by the name,
size and modification time of every corpus file, so that a second start need not even
import PyYAML. A stale entry can do no lasting harm: the validating load that follows
replaces whatever the glance showed.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

CACHE_VERSION = 1


def _files(root: Path) -> list[Path]:
    """The corpus files, found as the validating load finds them (a folder that is not a
    corpus, `/` say, is not walked); OSError when the folder cannot say."""
    from .folder import FolderRefused, corpus_files

    try:
        return corpus_files(root)
    except FolderRefused as exc:
        raise OSError(exc.message) from None


def _records(root: Path, files: list[Path],
             kinds: tuple[str, ...]) -> dict[str, list[dict[str, Any]]]:
    import yaml

    try:
        from yaml import CSafeLoader as Loader
    except ImportError:  # pragma: no cover - depends on how PyYAML was built
        from yaml import SafeLoader as Loader  # type: ignore[assignment]

    from .folder import read_corpus_file
    from .yamlfile import check_shape

    found: dict[str, list[dict[str, Any]]] = {kind: [] for kind in kinds}
    for path in files:
        text = read_corpus_file(path, root).decode("utf-8")
        if not any(f"{kind}:" in text for kind in kinds):
            continue  # sources, facts...: not needed for the list
        check_shape(text)  # no nesting deep enough to overflow the C parser's stack
        data = yaml.load(text, Loader=Loader)
        if isinstance(data, dict):
            for kind in kinds:
                found[kind].extend(r for r in data.get(kind) or [] if isinstance(r, dict))
    return found


def _cache_key(root: Path, files: list[Path]) -> str:
    digest = hashlib.sha256(f"{CACHE_VERSION}\0{root.resolve()}".encode("utf-8", "surrogateescape"))
    for path in files:
        stat = path.stat()
        digest.update(f"\0{path.relative_to(root).as_posix()}\0{stat.st_size}\0"
                      f"{stat.st_mtime_ns}".encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


def glance_themes(root: Path, cache_dir: Path | None = None) -> list[dict[str, Any]] | None:
    """Theme rows (id, title, claim, quotes, speakers, graphic_quotes), or None if the files
    cannot say. With `cache_dir`, rows are read from and kept in a cache file there."""
    try:
        files = _files(root)
        key = _cache_key(root, files)
    except OSError:
        return None
    cache = cache_dir / "themes-glance.json" if cache_dir is not None else None
    if cache is not None:
        try:
            cached = json.loads(cache.read_text(encoding="utf-8"))
            if isinstance(cached, dict) and cached.get("key") == key:
                rows: list[dict[str, Any]] = cached["rows"]
                return rows
        except (OSError, ValueError, KeyError):
            pass
    rows_read = _read_rows(root, files)
    if cache is not None and rows_read is not None:
        _keep(cache, {"key": key, "rows": rows_read})
    return rows_read


def _keep(cache: Path, data: dict[str, Any]) -> None:
    """Write the cache file whole or not at all; a cache that cannot be written is no loss."""
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        partial = cache.with_name(f".{cache.name}.{os.getpid()}")
        partial.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        partial.replace(cache)
    except OSError:
        pass


def _read_rows(root: Path, files: list[Path]) -> list[dict[str, Any]] | None:
    try:
        found = _records(root, files, ("themes", "quotes"))
        themes, quotes = found["themes"], found["quotes"]
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

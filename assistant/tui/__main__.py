"""`python -m assistant.tui`: the terminal UI on the bundled corpus, without the CLI.

Used by bench/startup.py to tell the TUI's own start-up cost from the command line's.
"""

from ..paths import bundled_corpus_dir, bundled_templates_dir
from .app import build_app

build_app(bundled_corpus_dir(), bundled_templates_dir()).run()

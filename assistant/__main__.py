"""`python -m assistant` runs the command line, as the `assistant` script does."""

from .cli import main

main()

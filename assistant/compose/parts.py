"""The two parts of every brief: what the audience reads, and the team's working notes.

A brief's Markdown is the audience part, then one level-1 heading `TEAM_HEADING`, then
the team part (campaign frame, posting notes, cautions, check summary). Templates write
the heading, exports split on it (`--part audience|team|all`), and the checks use it to
know which numbers are our own targets rather than claims to the audience. Everything is
still checked: the split changes which rules apply, never whether a block is read.
"""

from __future__ import annotations

from typing import Literal

TEAM_HEADING = "Team notes: not for distribution"
"""The level-1 heading that opens the team part (the exact text)."""

FINDINGS_HEADING = "Check findings"
"""The last section of the team part in an export: what the checks found in this brief.
It repeats the checks' own messages, so the checks do not read it again."""

Part = Literal["audience", "team", "all"]
PARTS: tuple[Part, ...] = ("audience", "team", "all")

PART_NAMES: dict[Part, str] = {
    "audience": "What the audience reads",
    "team": "Team notes only",
    "all": "Both: notes as an annex",
}
"""How each part is offered to a communicator choosing what to export."""

"""What the header of a brief says: DRAFT, or who approved exactly which version."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..compose.citations import long_date

DRAFT = "DRAFT: not yet approved. Do not publish or circulate outside the team."


@dataclass(frozen=True)
class Approval:
    """A reviewer's approval of one version of a brief (the review layer supplies it)."""

    approver: str
    date: date
    version: str
    role: str = ""
    comment: str = ""

    def text(self) -> str:
        """'Approved by Sam Lee on 3 March 2026, version 1a2b3c4d'."""
        return f"Approved by {self.approver} on {long_date(self.date.isoformat())}, version {self.version}"

    def mark(self) -> str:
        """'Approved by Sam Lee (reviewer) on 3 March 2026, version 1a2b3c4d': the mark on
        every page or slide, where there is no room for the approval block."""
        role = f" ({self.role})" if self.role else ""
        return (f"Approved by {self.approver}{role} on {long_date(self.date.isoformat())}, "
                f"version {self.version}")

    def block(self) -> list[tuple[str, str]]:
        """The approval block at the end of an export: (label, value) rows."""
        rows = [("Approved by", self.approver)]
        if self.role:
            rows.append(("Role", self.role))
        rows += [("Date", long_date(self.date.isoformat())), ("Version", self.version)]
        if self.comment:
            rows.append(("Comment", self.comment))
        return rows


def status_line(approval: Approval | None) -> str:
    """The header every export carries."""
    return approval.text() if approval else DRAFT

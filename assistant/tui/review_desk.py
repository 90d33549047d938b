"""What the review screens ask of the review library, in one place and free of Textual.

The same calls the command line makes (`open_store`, `list_queue`, `get_draft`, `submit`,
`approve`, `request_changes`, `new_draft`, `edit_draft`) gathered for the screens, with
every refusal turned into a `DeskError` a screen can show. Nothing here imports
SQLAlchemy, the corpus or the checks until a method runs (in a worker thread): the app
must start without them (bench/startup.py).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..checks.findings import Finding
    from ..compose.brief import BriefInputs
    from ..compose.parts import Part
    from ..corpus import Corpus
    from ..review import AuditEntryView, DraftSummary, DraftView, Export, ReviewStore

Clock = Callable[[], datetime]

STATUS_LABELS = {
    "draft": "DRAFT",
    "in-review": "IN REVIEW",
    "approved": "APPROVED",
    "changes-requested": "CHANGES REQUESTED",
}
"""Each state in words, so that nothing depends on colour alone."""


def utc_now() -> datetime:
    return datetime.now(UTC)


def status_label(status: str) -> str:
    return STATUS_LABELS.get(status, status.upper())


def age_text(seconds: float) -> str:
    """'3d', '5h', '12m' or 'now' (the queue's age column, as in `assistant review list`)."""
    whole = int(seconds)
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if whole >= size:
            return f"{whole // size}{unit}"
    return "now"


class DeskError(Exception):
    """A refusal or failure to show the user: a short `title` and the library's reason."""

    def __init__(self, title: str, message: str) -> None:
        self.title = title
        self.message = message
        super().__init__(message)

    @property
    def reason(self) -> str:
        """The first line of the message, without repeating the title (for a toast)."""
        line = self.message.splitlines()[0] if self.message else ""
        if line.lower().startswith(self.title.lower()):
            line = line[len(self.title):].lstrip(" :")
        line = line.rstrip(":")
        return line[:1].upper() + line[1:]

    @property
    def full(self) -> str:
        """Title and reason, without saying the same thing twice (for a line on screen)."""
        if self.message.lower().startswith(self.title.lower()):
            return self.message[:1].upper() + self.message[1:]
        return f"{self.title}: {self.message}"


class ChecksRefused(DeskError):
    """Submission refused because the checks report errors; `problems` lists them."""

    def __init__(self, title: str, message: str, problems: list[str]) -> None:
        super().__init__(title, message)
        self.problems = problems


class CorpusUnusable(DeskError):
    """The corpus cannot be loaded, so nothing can be rebuilt or checked from it."""


# Plain classes, not dataclasses: this module is imported at start-up, and every
# millisecond there is measured (bench/startup.py).


class DraftOrigin:
    """The saved draft the compose screen was opened from (saving makes a new version)."""

    def __init__(self, draft_id: int, revision: int, number: int, theme: str,
                 audience: str) -> None:
        self.draft_id = draft_id
        self.revision = revision
        """The draft's revision when opened: saving is refused if it moved on since."""
        self.number = number
        self.theme = theme
        self.audience = audience


class DraftPage:
    """Everything the draft view shows, read in one go."""

    def __init__(self, draft: DraftView, log: list[AuditEntryView],
                 findings: list[Finding] | None, findings_note: str, user: str,
                 role: str | None) -> None:
        self.draft = draft
        self.log = log
        self.findings = findings
        """The checks on the newest version; None when they could not run (see the note)."""
        self.findings_note = findings_note
        self.user = user
        """Who is looking (the acting user)."""
        self.role = role
        """The acting user's role, None before their first action registers them."""


class Saved:
    """A brief saved from the compose screen."""

    def __init__(self, draft: DraftView, note: str = "", unchanged: bool = False) -> None:
        self.draft = draft
        self.note = note
        """Why it became a new draft rather than a new version, if it did."""
        self.unchanged = unchanged
        """True when nothing was written: the same text is already saved as this draft."""


class ReviewDesk:
    """The review database as the acting user, opened on first use and then kept."""

    def __init__(self, db_url: str | None, user: str | None, corpus_dir: Path,
                 templates_dir: Path, clock: Clock = utc_now) -> None:
        self.db_url = db_url
        self.user = user
        self.corpus_dir = corpus_dir
        self.templates_dir = templates_dir
        self.clock = clock
        """Every time the desk writes or shows an age comes from here (tests fix it)."""
        self.origin: DraftOrigin | None = None
        """The draft the compose screen's brief came from, if any."""
        self._store: ReviewStore | None = None
        self._corpus: Corpus | None = None
        self._lock = threading.Lock()

    # -- opening -----------------------------------------------------------------------

    def store(self) -> ReviewStore:
        """The open store; DeskError says why the database cannot be used (retried next time)."""
        with self._lock:
            if self._store is None:
                from ..review import open_store

                with refusals("The review database cannot be opened"):
                    self._store = open_store(self.db_url, self.user, os_user=_os_user(),
                                             clock=self.clock)
            return self._store

    def close(self) -> None:
        with self._lock:
            if self._store is not None:
                self._store.close()
                self._store = None

    def use_corpus(self, corpus: Corpus) -> None:
        """Share the corpus the compose screen already loaded (saves loading it twice)."""
        with self._lock:
            if self._corpus is None:
                self._corpus = corpus

    def corpus(self) -> Corpus:
        """The corpus the findings are checked against; CorpusError if it is invalid."""
        with self._lock:
            if self._corpus is None:
                from ..corpus import load_corpus

                self._corpus = load_corpus(self.corpus_dir)
            return self._corpus

    # -- reading -----------------------------------------------------------------------

    def who(self) -> tuple[str, str | None]:
        """The acting user's name and role (None: not registered yet)."""
        store = self.store()
        with refusals("The review database cannot be read"):
            role = next((u.role for u in store.list_users() if u.name == store.user), None)
        return store.user, role

    def queue(self, status: str | None = None, *, limit: int | None = None,
              offset: int = 0) -> list[DraftSummary]:
        """The drafts (in `status`, or all), oldest first; `limit` and `offset` give a
        page of them."""
        store = self.store()
        with refusals("The review queue cannot be read"):
            return store.list_queue(status, limit=limit, offset=offset)

    def queue_length(self, status: str | None = None) -> int:
        """How many drafts `queue` lists without paging."""
        store = self.store()
        with refusals("The review queue cannot be read"):
            return store.queue_length(status)

    def page(self, draft_id: int, *, checked: bool = True) -> DraftPage:
        """A draft, its audit log, the user's role and (when `checked`) the findings on
        its newest version; without them the page reads in a fraction of the time, and
        `findings` adds them after."""
        store = self.store()
        with refusals(f"Draft {draft_id} cannot be shown"):
            draft = store.get_draft(draft_id)
            log = store.audit_log(draft_id)
        user, role = self.who()
        findings, note = self.findings(draft) if checked else (None, "Running the checks…")
        return DraftPage(draft, log, findings, note, user, role)

    def findings(self, draft: DraftView) -> tuple[list[Finding] | None, str]:
        """The checks on the newest version of `draft`, or None and why they cannot run."""
        from ..checks import check_markdown
        from ..compose.catalogue import TemplateCatalogue
        from ..corpus import CorpusError

        version = draft.current
        try:
            corpus = self.corpus()
        except CorpusError as exc:
            return None, (f"The checks cannot run: the corpus at {self.corpus_dir} has "
                          f"{len(exc.problems)} problem(s) (`assistant corpus validate`).")
        if draft.is_deck:
            return _deck_findings(draft, corpus), ""
        try:
            template = TemplateCatalogue(self.templates_dir).info(version.inputs.template)
        except Exception:  # a template since removed: check the text without its limits
            template = None
        try:
            findings = check_markdown(version.markdown, corpus,
                                      audience=corpus.audiences.get(version.inputs.audience),
                                      template=template, today=self.clock().date())
        except Exception as exc:  # a broken word list must not hide the draft itself
            return None, f"The checks cannot run: {exc}"
        return findings, ""

    # -- acting ------------------------------------------------------------------------

    def save(self, inputs: BriefInputs, markdown: str, fingerprint: str, title: str) -> Saved:
        """Save a composed brief: a new version of the draft it was opened from (same theme
        and audience), otherwise a new draft. Remembers the result as the new origin."""
        store = self.store()
        origin = self.origin
        note = ""
        if origin is not None and (origin.theme, origin.audience) != (inputs.theme,
                                                                      inputs.audience):
            note = (f"The theme or audience differs from draft {origin.draft_id}, so this "
                    "was saved as a new draft.")
            origin = None
        from ..review import content_hash

        digest = content_hash(markdown)
        with refusals("The brief was not saved"):
            corpus = {"corpus_dir": str(self.corpus_dir.resolve()),  # what it was built from
                      "corpus_hash": self.corpus().fingerprint}
            same = self._same_text(store, origin, inputs, digest)
            if same is not None:  # saving the same text twice makes nothing new
                self.origin = origin_of(same)
                return Saved(same, note, unchanged=True)
            if origin is None:
                draft = store.new_draft(inputs, markdown, fingerprint, title=title, **corpus)
            else:
                draft = store.edit_draft(origin.draft_id, inputs, markdown, fingerprint,
                                         expected_revision=origin.revision,
                                         note="saved from the compose screen", **corpus)
        self.origin = origin_of(draft)
        return Saved(draft, note)

    @staticmethod
    def _same_text(store: ReviewStore, origin: DraftOrigin | None, inputs: BriefInputs,
                   digest: str) -> DraftView | None:
        """The draft whose newest version already has this text and these choices: the
        one the brief came from, or (after a restart) any with the same theme, audience
        and template."""
        if origin is not None:
            candidates = [origin.draft_id]
        else:
            candidates = [d.id for d in store.list_queue(None) if d.current_hash == digest
                          and (d.theme, d.audience, d.template) == (
                              inputs.theme, inputs.audience, inputs.template)]
        for draft_id in candidates:
            draft = store.get_draft(draft_id)
            if draft.current_hash == digest and draft.current.inputs == inputs:
                return draft
        return None

    def submit(self, draft_id: int, expected_revision: int) -> DraftView:
        """Send the newest version for review; refused while the checks report errors."""
        store = self.store()
        with refusals(f"Draft {draft_id} was not submitted"):
            if store.checker is None:
                from ..review.composing import corpus_checker
                from ..review.decks import deck_checker

                store.checker = corpus_checker(self.corpus(), self.templates_dir,
                                               self.clock().date())
                store.deck_checker = deck_checker(self.corpus())
            return store.submit(draft_id, expected_revision=expected_revision)

    def decide(self, draft_id: int, decision: str, comment: str, expected_revision: int,
               expected_hash: str) -> DraftView:
        """Approve (`approved`) or send back (`changes-requested`) the version the reviewer
        saw: refused if it changed since, or if the library forbids it."""
        store = self.store()
        verb = "approved" if decision == "approved" else "sent back"
        with refusals(f"Draft {draft_id} was not {verb}"):
            if decision == "approved":
                return store.approve(draft_id, comment, expected_revision=expected_revision,
                                     expected_hash=expected_hash)
            return store.request_changes(draft_id, comment,
                                         expected_revision=expected_revision,
                                         expected_hash=expected_hash)


    def comment(self, draft_id: int, text: str) -> DraftView:
        """Add a comment on the newest version without deciding anything."""
        store = self.store()
        with refusals(f"The comment on draft {draft_id} was not saved"):
            return store.comment(draft_id, text)

    def export(self, draft_id: int, number: int, fmt: str, path: Path,
               part: Part = "all") -> tuple[Path, str]:
        """Write `part` of version `number` as `fmt` to `path` atomically, with its
        approval line (or DRAFT) and, in the team notes, what the checks find in it;
        refused if its text no longer matches its hash. Returns the path written and the
        status line the file carries."""
        from ..render.export import ExportOptions
        from ..render.files import write_atomically
        from ..review.composing import export_bytes, export_checks

        store = self.store()
        written = path.expanduser().resolve()
        with refusals(f"Draft {draft_id} was not exported"):
            export_is_deck = store.get_draft(draft_id).is_deck

        def write(export: Export) -> str:
            try:
                if export_is_deck:
                    from ..review.decks import deck_bytes

                    data = deck_bytes(export, fmt, now=self.clock(), author=self.who()[0])
                else:
                    checks = export_checks(export, self.corpus_dir, self.templates_dir,
                                           self.clock().date())
                    data = export_bytes(export, fmt, ExportOptions(part=part), checks)
                write_atomically(written, data)
            except OSError as exc:
                raise DeskError(f"Nothing was written to {written}",
                                f"cannot write {written}: {exc.strerror or exc}") from None
            return str(written)

        with refusals(f"Draft {draft_id} was not exported"):
            done = store.export(draft_id, number, write=write,
                                kind="deck" if export_is_deck else "brief")
        return written, done.status_mark if export_is_deck else done.status_line


def readable_text(draft: DraftView, number: int | None = None) -> str:
    """A version as the draft view shows it: a brief's Markdown, or a deck's slides."""
    version = draft.version(draft.current_number if number is None else number)
    if not draft.is_deck:
        return version.markdown
    from ..train.document import DeckTextError, outline, read_deck

    try:
        return "```text\n" + outline(read_deck(version.markdown).deck) + "```\n"
    except DeckTextError as exc:
        return f"*This deck cannot be read: {exc}*"


def _deck_findings(draft: DraftView, corpus: Corpus) -> list[Finding]:
    """The deck gate's errors as the Findings tab lists them."""
    from ..checks.findings import Finding, Severity
    from ..review.decks import deck_checker

    problems = deck_checker(corpus)(draft.current.markdown, draft.current.inputs)
    return [Finding(check="deck", severity=Severity.error, message=p) for p in problems]


def origin_of(draft: DraftSummary) -> DraftOrigin:
    """Where the compose screen stands after opening or saving `draft`."""
    return DraftOrigin(draft.id, draft.revision, draft.current_number, draft.theme,
                       draft.audience)


@contextmanager
def refusals(title: str) -> Iterator[None]:
    """The library's refusals (and an unreadable corpus) as a DeskError with `title`."""
    from ..corpus import CorpusError
    from ..review import ChecksFailed, ReviewError

    try:
        yield
    except ChecksFailed as exc:
        raise ChecksRefused(title, str(exc), exc.problems) from None
    except ReviewError as exc:
        raise DeskError(title, str(exc)) from None
    except CorpusError as exc:
        raise CorpusUnusable(title, f"the corpus has {len(exc.problems)} problem(s); run "
                               "`assistant corpus validate`") from None


def _os_user() -> str:
    import getpass

    try:
        return getpass.getuser()
    except Exception:  # no login name (some containers): as the command line does
        return "user"

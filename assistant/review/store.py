"""The review desk: the one API the CLI and the TUI call for drafts, versions and reviews.

Drafts, versions, the workflow and exports are here; users are in users.py, and the
transactions, the draft lock and the audit log all of them share in core.py.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ..compose.brief import BriefInputs
from . import audit, reading, times
from .chain import Break
from .core import Checker, Clock, utc_now
from .errors import (
    ChecksFailed,
    ChecksUnavailable,
    ContentTampered,
    InvalidInput,
    NotAllowed,
    NothingChanged,
    UnknownDraft,
    VersionChanged,
)
from .models import Draft, Review, User, Version
from .names import one_line
from .rules import require_decidable, require_submittable, require_submitter
from .stamps import without_approval
from .times import BadTime
from .users import UserRegistry
from .views import (
    SHORT_HASH,
    AuditEntryView,
    DraftSummary,
    DraftView,
    Export,
    ReviewView,
    content_hash,
)

__all__ = ["Checker", "Clock", "ReviewStore", "utc_now"]

MAX_COMMENT = 4000


def _unapproved(text: str, kind: str) -> str:
    """The text a new version stores: never an approval copied in from an export."""
    if kind == "deck":
        from .decks import unapproved_text

        return unapproved_text(text)
    if kind != "brief":
        raise InvalidInput(f"a draft is a brief or a deck, not '{kind}'")
    return without_approval(text)[0]


class ReviewStore(UserRegistry):
    """Drafts, versions, reviews and the audit log, acting as `user`."""

    deck_checker: Checker | None = None
    """The submission gate for trainer's decks (review/decks.py), like `checker` for briefs."""

    # -- reading -----------------------------------------------------------------

    def list_queue(self, status: str | None = None, *, limit: int | None = None,
                   offset: int = 0) -> list[DraftSummary]:
        """The review queue, oldest draft first; `status` filters it, `limit` and `offset`
        page it."""
        with self._read() as session:
            return reading.queue(session, status, limit=limit, offset=offset)

    def queue_length(self, status: str | None = None) -> int:
        """How many drafts the whole queue (or those in `status`) holds."""
        with self._read() as session:
            return reading.queue_length(session, status)

    def get_draft(self, draft_id: int) -> DraftView:
        """A draft with all its versions and comments; UnknownDraft if none."""
        with self._read() as session:
            return reading.draft_view(session, draft_id)

    def diff(self, draft_id: int, old: int | None = None, new: int | None = None) -> str:
        """Unified diff of the Markdown of two versions (default: the newest two)."""
        view = self.get_draft(draft_id)
        for number in (old, new):
            if number is not None and not 1 <= number <= view.current_number:
                raise UnknownDraft(draft_id, number)
        return view.diff(old, new)

    def comments(self, draft_id: int) -> list[ReviewView]:
        with self._read() as session:
            reading.draft_view(session, draft_id)  # an unknown id is refused
            return reading.reviews(session, draft_id)

    def audit_log(self, draft_id: int | None = None) -> list[AuditEntryView]:
        with self._read() as session:
            if draft_id is not None and session.get(Draft, draft_id) is None:
                raise UnknownDraft(draft_id)
            return reading.audit_log(session, draft_id)

    # -- drafts and versions -----------------------------------------------------

    def new_draft(self, inputs: BriefInputs, markdown: str, corpus_fingerprint: str,
                  title: str | None = None, corpus_dir: str = "",
                  corpus_hash: str = "", kind: str = "brief") -> DraftView:
        """Save a composed brief (or, `kind` "deck", a trainer's deck as
        train/document.py writes it) as version 1 of a new draft (state draft).

        `corpus_dir` and `corpus_hash` say which corpus (where, and a hash of its files)
        the brief was built from, so that it is checked against that corpus later.
        """
        if title is not None:
            title = one_line(title, "title", 300)
        now = self.clock()
        markdown = _unapproved(markdown, kind)
        with self._write() as session:
            author = self._actor(session)
            draft = Draft(
                title=(title or f"{inputs.theme} for {inputs.audience}").strip()[:300],
                theme=inputs.theme, audience=inputs.audience, template=inputs.template,
                author_id=author.id, status="draft", current_number=1, revision=1,
                created_at=now, updated_at=now, kind=kind,
            )
            session.add(draft)
            session.flush()
            version = self._add_version(session, draft.id, 1, inputs, markdown,
                                        corpus_fingerprint, (corpus_dir, corpus_hash),
                                        author, "")
            self._audit(session, "draft-created", draft.id, version.content_hash,
                        f"version 1: {draft.title}")
            return reading.draft_view(session, draft.id)

    def edit_draft(self, draft_id: int, inputs: BriefInputs, markdown: str,
                   corpus_fingerprint: str, *, expected_revision: int | None = None,
                   note: str = "", corpus_dir: str | None = None,
                   corpus_hash: str | None = None) -> DraftView:
        """Save a new version (state draft). Approvals stay with the versions they name.

        Any "Approved by" line in `markdown` is taken out first (an approval belongs to
        the version it names, not to text copied from its export). Text equal to the
        newest version's makes no version: NothingChanged. `expected_revision` is the
        revision the edit was based on; if the draft moved on since, VersionChanged is
        raised instead of overwriting someone else's work. `corpus_dir` and `corpus_hash`
        None keep the newest version's record of its corpus.
        """
        note = one_line(note, "note", 2000)
        with self._write() as session:
            draft, current = self._current(session, draft_id)
            self._expect(draft, expected_revision)
            if draft.kind == "deck":
                markdown = _unapproved(markdown, "deck")
            else:
                markdown, stale = without_approval(markdown)
                if stale:
                    note = (f"{note}; " if note else "") + (
                        "its 'Approved by' line was taken out (a new version is not approved)")
            if content_hash(markdown) == current.content_hash:
                raise NothingChanged(draft_id, current.number, current.content_hash)
            author = self._actor(session)
            number = draft.current_number + 1
            corpus = (current.corpus_dir if corpus_dir is None else corpus_dir,
                      current.corpus_hash if corpus_hash is None else corpus_hash)
            # The version first, then the draft moves to it: PostgreSQL checks that order.
            try:
                with session.begin_nested():
                    version = self._add_version(session, draft_id, number, inputs, markdown,
                                                corpus_fingerprint, corpus, author, note)
            except IntegrityError as exc:  # the unique version number caught a race
                raise VersionChanged(f"draft {draft_id} got a version {number} from someone "
                                     "else just now; look at it again") from exc
            self._move(session, draft, "draft", current_number=number)
            detail = f"version {number}" + (f": {note}" if note else "")
            self._audit(session, "version-added", draft_id, version.content_hash, detail)
            return reading.draft_view(session, draft_id)  # as committed

    def _add_version(self, session: Session, draft_id: int, number: int,
                     inputs: BriefInputs, markdown: str, fingerprint: str,
                     corpus: tuple[str, str], author: User, note: str) -> Version:
        version = Version(
            draft_id=draft_id, number=number, inputs=inputs.model_dump(mode="json"),
            markdown=markdown, content_hash=content_hash(markdown),
            corpus_fingerprint=fingerprint, corpus_dir=corpus[0], corpus_hash=corpus[1],
            author_id=author.id,
            note=note, created_at=self.clock(),
        )
        session.add(version)
        session.flush()
        return version

    # -- the workflow ------------------------------------------------------------

    def submit(self, draft_id: int, *, expected_revision: int | None = None) -> DraftView:
        """Send the newest version for review; refused while the checks report errors.

        Every refusal (wrong state, failing checks) is written to the audit log.
        """
        view = self.get_draft(draft_id)
        try:
            require_submittable(draft_id, view.status)
            if not view.current.intact:  # the checks would pass words nobody saved
                raise tampered(draft_id, view.current_number, view.current.short_hash,
                               deck=view.is_deck, approved=False, refusing="submit")
            checker = self._checker_for(view)
            if checker is not None:
                problems = list(checker(view.current.markdown, view.current.inputs))
                if problems:
                    raise ChecksFailed(draft_id, problems)
            with self._write() as session:
                draft, current = self._current(session, draft_id)
                # The checks ran on the version read above; refuse if it moved on since.
                self._expect(draft, view.revision if expected_revision is None
                             else expected_revision)
                require_submittable(draft_id, draft.status)
                actor = self._actor(session)
                require_submitter(draft_id, actor.name, view.author, view.current.author)
                self._move(session, draft, "in-review")
                self._audit(session, "submitted", draft_id, current.content_hash,
                            f"version {current.number}")
                return reading.draft_view(session, draft_id)  # as committed
        except (NotAllowed, ChecksFailed, ContentTampered) as exc:
            self._log_refusal(draft_id, f"submit version {view.current_number}", exc,
                              view.current_hash)
            raise

    def _checker_for(self, view: DraftView) -> Checker | None:
        """The gate for this kind of draft. A deck is never passed by the brief checks, nor
        by none at all where the brief checks were set up."""
        if not view.is_deck:
            return self.checker
        if self.deck_checker is None and self.checker is not None:
            raise ChecksUnavailable(f"draft {view.id} is a trainer's deck and the deck checks "
                                    "were not loaded; nothing is submitted until they run")
        return self.deck_checker

    def approve(self, draft_id: int, comment: str = "", *,
                expected_revision: int | None = None,
                expected_hash: str | None = None) -> DraftView:
        """Approve the version in review. Reviewers and admins only, never their own."""
        return self._decide(draft_id, "approved", comment, expected_revision, expected_hash)

    def request_changes(self, draft_id: int, comment: str, *,
                        expected_revision: int | None = None,
                        expected_hash: str | None = None) -> DraftView:
        """Send the version in review back to its authors with a comment (required)."""
        comment = one_line(comment, "comment", MAX_COMMENT)
        if not comment:
            raise NotAllowed("say what should change: a comment is required")
        return self._decide(draft_id, "changes-requested", comment, expected_revision,
                            expected_hash)

    def comment(self, draft_id: int, text_: str) -> DraftView:
        """Add a comment on the newest version to the draft's thread."""
        text_ = one_line(text_, "comment", MAX_COMMENT)
        if not text_:
            raise NotAllowed("the comment is empty")
        with self._write() as session:
            _, current = self._current(session, draft_id)
            actor = self._actor(session)
            session.add(Review(version_id=current.id, content_hash=current.content_hash,
                               reviewer_id=actor.id, role=actor.role, decision="comment",
                               comment=text_.strip(), created_at=self.clock()))
            self._audit(session, "commented", draft_id, current.content_hash,
                        f"version {current.number}")
            return reading.draft_view(session, draft_id)  # as committed

    def _decide(self, draft_id: int, decision: str, comment: str,
                expected_revision: int | None, expected_hash: str | None) -> DraftView:
        verb = "approve" if decision == "approved" else "request changes on"
        # The one place every comment passes, from the command line or the app: a comment
        # is shown on one line of a terminal, so it may not hide or fake anything there.
        comment = one_line(comment, "comment", MAX_COMMENT)
        try:
            return self._decide_now(draft_id, decision, comment, expected_revision,
                                    expected_hash)
        except (NotAllowed, ContentTampered) as exc:
            self._log_refusal(draft_id, verb, exc)
            raise

    def _decide_now(self, draft_id: int, decision: str, comment: str,
                    expected_revision: int | None, expected_hash: str | None) -> DraftView:
        with self._write() as session:
            draft, current = self._current(session, draft_id)
            self._expect(draft, expected_revision)
            if expected_hash and not current.content_hash.startswith(expected_hash.lower()):
                raise VersionChanged(
                    f"draft {draft_id} is now version {current.number} "
                    f"({current.content_hash[:12]}), not {expected_hash}; look at it again"
                )
            actor = self._actor(session)
            version_author = session.get(User, current.author_id)
            assert version_author is not None
            require_decidable(draft_id, draft.status, actor.name, actor.role,
                              version_author.name, decision)
            if content_hash(current.markdown) != current.content_hash:
                # The reviewer read these words; the hash an approval keeps names others.
                raise tampered(draft_id, current.number, current.content_hash[:SHORT_HASH],
                               deck=draft.kind == "deck", approved=False,
                               refusing="approve" if decision == "approved"
                               else "request changes on")
            # The review first, then the draft's state: PostgreSQL lets the state move
            # only with the review that decides it.
            try:
                with session.begin_nested():  # a savepoint: the refusal below stays clean
                    session.add(Review(version_id=current.id,
                                       content_hash=current.content_hash,
                                       reviewer_id=actor.id, role=actor.role,
                                       decision=decision, comment=comment.strip(),
                                       created_at=self.clock()))
            except IntegrityError as exc:  # the unique approval index caught a race
                raise VersionChanged(f"version {current.number} of draft {draft_id} "
                                     "was approved by someone else just now") from exc
            self._move(session, draft, decision)
            self._audit(session, decision, draft_id, current.content_hash,
                        f"version {current.number}" + (f": {comment.strip()}"
                                                       if comment.strip() else ""))
            return reading.draft_view(session, draft_id)  # as committed

    # -- export ------------------------------------------------------------------

    def export(self, draft_id: int, number: int | None = None,
               write: Callable[[Export], str] | None = None,
               kind: str | None = None) -> Export:
        """Check a version's text against its hash, hand it to `write`, log the export.

        `write` puts the file in place and returns where it went (for the audit log).
        A version whose stored text no longer matches its hash raises ContentTampered
        (and the refusal is logged); nothing is written. `kind` ("brief" or "deck") is
        what the caller can write: another kind of draft raises WrongKind.
        """
        view = self.get_draft(draft_id)
        if kind is not None:
            from .decks import require_kind

            require_kind(view, kind)
        number = view.current_number if number is None else number
        if not 1 <= number <= view.current_number:
            raise UnknownDraft(draft_id, number)
        version = view.version(number)
        approval = view.approval_of(number)
        if not version.intact or (approval and approval.content_hash != version.content_hash):
            with self._write() as session:
                self._audit(session, "export-refused", draft_id, version.content_hash,
                            f"version {number}: stored text does not match its hash")
            raise tampered(draft_id, number, version.short_hash, deck=view.is_deck,
                           approved=approval is not None, refusing="export")
        result = Export(draft_id=draft_id, title=view.title, version=version, approval=approval)
        if write is not None:
            where = write(result)
            with self._write() as session:
                state = "approved" if approval else "draft"
                self._audit(session, "exported", draft_id, version.content_hash,
                            f"version {number} ({state}) to {where}")
        return result

    def log_head(self) -> tuple[int, str] | None:
        """The last line of the log (id and hash), or None for an empty log: noted down,
        it shows later whether lines were cut from the end, which the chain cannot."""
        with self._read() as session:
            return audit.head(session)

    def verify_log(self) -> tuple[int, Break | None]:
        """Walk the audit log's hash chain and compare its end with the head the database
        keeps: its length and the first broken line (or where it was cut), if any."""
        with self._read() as session:
            return audit.verify(session)

    def bad_times(self) -> list[BadTime]:
        """Rows outside the log whose times cannot be read (typed in before 0003)."""
        with self._read() as session:
            return times.bad_times(session)


def tampered(draft_id: int, number: int, short_hash: str, *, deck: bool, approved: bool,
             refusing: str) -> ContentTampered:
    """A version whose stored text no longer matches its hash, refused, with the command
    that makes a new version of this kind of draft."""
    edit = f"assistant {'train' if deck else 'draft'} edit {draft_id}"
    was = " It was approved, but not in this form." if approved else ""
    return ContentTampered(
        f"version {number} of draft {draft_id} was changed outside counterbrief: its text "
        f"no longer matches the hash {short_hash} it was saved with.{was} Refusing to "
        f"{refusing} it; make a new version with `{edit}`.")

"""Curate: from a news article to accepted quotes, with the corpus problems shown at once.

Open a file or paste the text; every candidate quotation is highlighted in the article;
accept or reject each, correct its speaker, tag its themes. After every decision the
accepted set is tried against a copy of the corpus and its problems are listed; ctrl+s
adds the accepted quotes (by appending) and archives the article.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Input, Static

from ..commands import Command, CommandList
from ..screen_keys import leaving
from ..widgets.app_footer import AppFooter
from ..widgets.guarded import AppHeader

if TYPE_CHECKING:  # the screen's own widgets load when it opens, not with the app
    from textual.widgets import OptionList, TextArea

    from ...ingest.candidates import Candidate, Ingested

ACCEPTED, REJECTED, UNDECIDED = "accepted", "rejected", "undecided"
_MARK = {ACCEPTED: "✓", REJECTED: "✗", UNDECIDED: "·"}
_STYLE = {ACCEPTED: "bold green", REJECTED: "strike dim", UNDECIDED: "yellow"}


class CurateScreen(Screen[None]):
    """Candidate quotes from an article, decided one by one."""

    SUB_TITLE = "curate an article"
    # the list takes what the notes and the corpus problems leave, so that both stay in view
    # (at 80x24 too: the list keeps three candidates' lines however long the problems are)
    DEFAULT_CSS = """
    CurateScreen #candidates { height: 1fr; min-height: 5; }
    CurateScreen #candidate-notes { height: auto; max-height: 6; }
    CurateScreen #corpus-problems { height: auto; max-height: 5; }
    CurateScreen #article-source { height: auto; }
    CurateScreen #source-id { width: 1fr; }
    CurateScreen #source-date { width: 1fr; }
    """

    HELP = ("Open an article (type its path, Enter) or paste it and press ctrl+r. Each "
            "quotation the article attributes is listed on the right and highlighted in the "
            "text, with its speaker and suggested themes filled in. a accepts, x rejects, "
            "k keeps one already in the corpus (the same remark in another outlet), s edits "
            "the speaker id (type new-id = Their Name to add a speaker), t the themes; A "
            "accepts every candidate you have looked at and not rejected; i sets the "
            "article's source id and date. The problems the corpus would have with what you "
            "accepted show below at once. ctrl+s adds the accepted quotes to the corpus, "
            "archives the article and verifies every quote against it. Escape, ctrl+r and "
            "opening another article ask first when decisions are not added yet.")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+r", "read", "Find quotes", id="curate.read",
                tooltip="Find the quotations in the pasted or opened article"),
        Binding("a", "decide('accepted')", "Accept", id="curate.accept",
                tooltip="Accept the highlighted candidate"),
        Binding("x", "decide('rejected')", "Reject", id="curate.reject",
                tooltip="Reject the highlighted candidate"),
        Binding("k", "keep", "Keep anyway", id="curate.keep",
                tooltip="Accept a candidate already in the corpus (the same remark in "
                        "another outlet)"),
        Binding("A", "accept_reviewed", "Accept reviewed", id="curate.accept-reviewed",
                tooltip="Accept every candidate you have looked at and not rejected"),
        Binding("s", "edit('speaker')", "Speaker", id="curate.speaker",
                tooltip="Edit the speaker id of the highlighted candidate"),
        Binding("t", "edit('themes')", "Themes", id="curate.themes",
                tooltip="Edit the themes (ids, separated by commas) of the candidate"),
        Binding("i", "source", "Source", id="curate.source",
                tooltip="Set the source id and the date the article was published"),
        Binding("ctrl+s", "add", "Add to corpus", id="curate.add",
                tooltip="Append the accepted quotes to the corpus and archive the article"),
        leaving("escape", "back", "Back", "curate.back", "Back to the last screen"),
    ]

    def __init__(self, corpus_dir: Path) -> None:
        super().__init__()
        self.corpus_dir = corpus_dir
        self.result: Ingested | None = None
        self.decisions: dict[str, str] = {}
        self.problems: list[str] = []
        self.seen: set[str] = set()
        """Candidates the curator has had highlighted: what "accept reviewed" accepts."""
        self.kept: dict[str, str] = {}
        """Candidate id -> the corpus quote it repeats, kept on purpose."""
        self.verified = ""
        """What `corpus verify` said of the last article added."""
        self.unsaved = False
        """Decisions or edits made since the article was read or last added."""

    def compose(self) -> ComposeResult:
        from textual.widgets import OptionList, TextArea

        yield AppHeader()
        with Horizontal(id="curate-body"):
            with Vertical(id="curate-article"):
                yield Input(placeholder="Article file to open (Enter), or paste it below",
                            id="article-path")
                with Horizontal(id="article-source"):
                    yield Input(placeholder="source id", id="source-id",
                                tooltip="The article's source id in the corpus (i, Enter)")
                    yield Input(placeholder="published YYYY-MM-DD", id="source-date",
                                tooltip="When the article was published: YYYY, YYYY-MM or "
                                        "YYYY-MM-DD (Enter)")
                yield TextArea(id="article-text", soft_wrap=True)
                with VerticalScroll(id="article-view-scroll"):
                    yield Static("", id="article-view")
            with Vertical(id="curate-side"):
                yield OptionList(id="candidates")
                yield Static("", id="candidate-notes")
                yield Input(placeholder="speaker id, or new-id = Their Name",
                            id="candidate-speaker")
                yield Input(placeholder="theme ids, separated by commas", id="candidate-themes")
                yield Static("Nothing accepted yet.", id="corpus-problems")
        yield AppFooter()

    def on_mount(self) -> None:
        self._article_text().styles.height = 6
        self.query_one("#curate-side").styles.width = "45%"
        self.query_one("#article-path", Input).focus()

    def _options(self) -> OptionList:
        from textual.widgets import OptionList

        return self.query_one("#candidates", OptionList)

    def _article_text(self) -> TextArea:
        from textual.widgets import TextArea

        return self.query_one("#article-text", TextArea)

    # --- reading the article -----------------------------------------------------------

    @on(Input.Submitted, "#article-path")
    def _open(self, event: Input.Submitted) -> None:
        from ...ingest.article import MAX_ARTICLE_BYTES, ArticleRefused, decode_article

        if not event.value.strip():
            self.notify("Type the article's file path, or paste the article below and press "
                        "ctrl+r.", severity="warning")
            return
        path = Path(event.value.strip()).expanduser()
        try:
            with path.open("rb") as handle:
                text = decode_article(handle.read(MAX_ARTICLE_BYTES + 1))
        except OSError as exc:
            self.notify(f"{path}: cannot be read ({exc.strerror or exc})", severity="error")
            return
        except ArticleRefused as exc:
            where = f"{path}:{exc.line}" if exc.line else str(path)
            self.notify(f"{where}: {exc}", severity="error")
            return

        def replace() -> None:
            self._article_text().text = text
            self._read(text)

        self._unless_unsaved(replace, "Open the other article and lose them?",
                             yes="Open it anyway")

    def action_read(self) -> None:
        text = self._article_text().text
        if not text.strip():
            self.notify("Paste an article or open a file first.", severity="warning")
            return
        self._unless_unsaved(lambda: self._read(text), "Read the article again and lose them?",
                             yes="Read again anyway")

    def _read(self, text: str) -> None:
        from ...ingest.article import ArticleRefused, check_article

        try:
            text = check_article(text)
        except ArticleRefused as exc:
            where = f"line {exc.line}: " if exc.line else ""
            self.notify(f"The article cannot be read for quotes: {where}{exc}",
                        severity="error")
            return
        self._ingest(text)

    @work(thread=True, exclusive=True, group="curate-read")
    def _ingest(self, text: str) -> None:
        from ...corpus import CorpusError, load_corpus
        from ...ingest.candidates import ingest_article

        try:
            corpus = load_corpus(self.corpus_dir)
        except CorpusError as exc:
            self.app.call_from_thread(self.notify, f"The corpus has {len(exc.problems)} "
                                      "problem(s); run assistant corpus validate.",
                                      severity="error")
            return
        result = ingest_article(text, corpus)
        self.app.call_from_thread(self._show, result)

    def _show(self, result: Ingested) -> None:
        self.result = result
        self.decisions = {c.id: UNDECIDED for c in result.candidates}
        self.seen = set()
        self.kept = {}
        self.unsaved = False
        self.query_one("#source-id", Input).value = result.source.id
        self.query_one("#source-date", Input).value = result.source.published or ""
        self._refresh_list()
        self._refresh_article()
        self._options().focus()
        self._check()

    # --- deciding -----------------------------------------------------------------------

    def _current(self) -> Candidate | None:
        if self.result is None:
            return None
        index = self._options().highlighted
        if index is None or not 0 <= index < len(self.result.candidates):
            return None
        return self.result.candidates[index]

    def action_decide(self, decision: str) -> None:
        current = self._current()
        if current is None:
            return
        self.decisions[current.id] = decision
        self.unsaved = True
        self._refresh_list()
        self._refresh_article()
        self._check()

    def action_keep(self) -> None:
        """Accept a candidate flagged as already in the corpus: the curator wants it anyway
        (the same words in another outlet, say); validate will still name the twin."""
        current = self._current()
        if current is None:
            return
        if current.duplicate_of is None:
            self.action_decide(ACCEPTED)
            return
        self.kept[current.id] = current.duplicate_of
        current.notes.append(f"kept although the same words are {current.duplicate_of}")
        current.duplicate_of = None
        self.action_decide(ACCEPTED)
        self.on_option_list_option_highlighted()

    def action_accept_reviewed(self) -> None:
        if self.result is None:
            return
        chosen = [c.id for c in self.result.candidates if c.id in self.seen
                  and self.decisions[c.id] == UNDECIDED and c.duplicate_of is None]
        for cid in chosen:
            self.decisions[cid] = ACCEPTED
        self.unsaved = self.unsaved or bool(chosen)
        left = sum(1 for d in self.decisions.values() if d == UNDECIDED)
        self.notify(f"Accepted {len(chosen)} reviewed candidate(s); {left} still undecided.")
        self._refresh_list()
        self._refresh_article()
        self._check()

    def action_edit(self, field: str) -> None:
        if self._current() is not None:
            self.query_one(f"#candidate-{field}", Input).focus()

    @on(Input.Submitted, "#candidate-speaker")
    def _speaker_edited(self, event: Input.Submitted) -> None:
        from ...ingest.edits import SpeakerRefused, speaker_entry

        current = self._current()
        if current is None or self.result is None or not event.value.strip():
            return
        known = self._corpus_speakers()
        try:
            sid, new = speaker_entry(event.value, current, self.result, known)
        except SpeakerRefused as exc:
            self.notify(str(exc), title="Speaker not set", severity="error", markup=False)
            return
        if new is not None:
            self.result.speakers.append(new)
            self.notify(f"New speaker {new.id} ({new.label}) will be added with the quote.",
                        markup=False)
        elif sid not in known and all(s.id != sid for s in self.result.speakers):
            self.notify(f"'{sid}' is not a speaker in the corpus; to add one, type "
                        f"{sid} = Their Name", severity="warning", markup=False)
        current.speaker = sid
        self._after_edit()

    def _corpus_speakers(self) -> set[str]:
        from ...corpus import CorpusError, load_corpus

        try:
            return set(load_corpus(self.corpus_dir).speakers)
        except CorpusError:
            return set()

    def action_source(self) -> None:
        if self.result is not None:
            self.query_one("#source-id", Input).focus()

    @on(Input.Submitted, "#source-id")
    @on(Input.Submitted, "#source-date")
    def _source_edited(self, event: Input.Submitted) -> None:
        from ...ingest.edits import SourceRefused, with_source

        if self.result is None:
            self.notify("Open or paste an article first.", severity="warning")
            return
        try:
            self.result = with_source(self.result, self.query_one("#source-id", Input).value,
                                      self.query_one("#source-date", Input).value)
        except SourceRefused as exc:
            self.notify(str(exc), title="Source not set", severity="error", markup=False)
            return
        self.notify(f"Source {self.result.source.id}, published "
                    f"{self.result.source.published or '(no date)'}.", markup=False)
        if event.input.id == "source-id":
            self.unsaved = True
            self.query_one("#source-date", Input).focus()
            self._check()
            return
        self._after_edit()

    @on(Input.Submitted, "#candidate-themes")
    def _themes_edited(self, event: Input.Submitted) -> None:
        current = self._current()
        if current is not None:
            current.themes = [t.strip() for t in event.value.split(",") if t.strip()]
            self._after_edit()

    def _after_edit(self) -> None:
        self.unsaved = True
        self._refresh_list()
        self._options().focus()
        self._check()

    def on_option_list_option_highlighted(self) -> None:
        current = self._current()
        if current is None:
            return
        self.seen.add(current.id)
        self.query_one("#candidate-speaker", Input).value = current.speaker
        self.query_one("#candidate-themes", Input).value = ", ".join(current.themes)
        notes = list(current.notes)
        if current.duplicate_of:
            notes.insert(0, f"already in the corpus as {current.duplicate_of} "
                            "(k keeps it anyway)")
        if current.graphic:
            notes.insert(0, "graphic")
        said = current.quotation.attribution or "the speaker of the quotation before"
        who = current.quotation.speaker.label if current.quotation.speaker else ""
        themes = ", ".join(current.themes) or "none suggested"
        self.query_one("#candidate-notes", Static).update(
            Text(f"{said} — {who}\nthemes: {themes}\n" +
                 ("\n".join(notes) if notes else "no notes")))
        self._refresh_article()
        self._follow(current)

    def _follow(self, current: Candidate) -> None:
        """The article view follows the highlighted candidate, a few lines above it."""
        view = self.query_one("#article-view", Static)
        width = view.content_size.width
        if self.result is None or width <= 0:
            return
        before = Text(self.result.article[:current.quotation.start])
        line = len(before.wrap(self.app.console, width)) - 1
        self.query_one("#article-view-scroll", VerticalScroll).scroll_to(
            y=max(0, line - 3), animate=False)

    def _refresh_list(self) -> None:
        from textual.widgets.option_list import Option

        if self.result is None:
            return
        options = self._options()
        keep = options.highlighted
        options.clear_options()
        options.add_options([
            Option(Text(f"{_MARK[self.decisions[c.id]]} {c.id} {c.speaker}: "
                        f"{c.quotation.text[:60]}"), id=c.id)
            for c in self.result.candidates])
        # what was left out, with the reason, so that no quoted text is dropped unseen
        options.add_options([
            Option(Text(f"left out: {q.text[:50]} ({q.left_out})", style="dim"),
                   disabled=True) for q in self.result.left_out])
        if self.result.candidates:
            options.highlighted = min(keep or 0, len(self.result.candidates) - 1)

    def _refresh_article(self) -> None:
        if self.result is None:
            return
        text = Text(self.result.article)
        current = self._current()
        for c in self.result.candidates:
            style = _STYLE[self.decisions[c.id]]
            if current is not None and c.id == current.id:
                style += " reverse"
            text.stylize(style, c.quotation.start, c.quotation.end)
        self.query_one("#article-view", Static).update(text)

    # --- the corpus ---------------------------------------------------------------------

    def accepted_text(self) -> str | None:
        """The candidates file of what is accepted, or None when nothing is."""
        from ...ingest.candidates import only
        from ...ingest.proposal import render_proposal

        ids = {cid for cid, d in self.decisions.items() if d == ACCEPTED}
        if self.result is None or not ids:
            return None
        return render_proposal(only(self.result, ids))

    def _check(self) -> None:
        text = self.accepted_text()
        if text is None:  # after adding: what verify said stays in view
            self.query_one("#corpus-problems", Static).update(
                "\n".join(filter(None, [self.verified, "Nothing accepted yet."])))
            return
        self._trial(text)

    @work(thread=True, exclusive=True, group="curate-check")
    def _trial(self, text: str) -> None:
        from ...ingest.accept import problems_if_accepted

        problems = [str(p) for p in problems_if_accepted(self.corpus_dir, text)]
        self.app.call_from_thread(self._show_problems, problems)

    def _show_problems(self, problems: list[str]) -> None:
        self.problems = problems
        accepted = sum(1 for d in self.decisions.values() if d == ACCEPTED)
        head = (f"{accepted} accepted: the corpus would be valid." if not problems else
                f"{accepted} accepted: {len(problems)} problem(s) to fix first:")
        twins = [f"{cid} repeats {self.kept[cid]} (kept on purpose)" for cid in self.kept
                 if self.decisions.get(cid) == ACCEPTED]
        self.query_one("#corpus-problems", Static).update(
            Text("\n".join([head, *problems, *twins])))

    def action_add(self) -> None:
        text = self.accepted_text()
        if text is None:
            self.notify("Accept at least one quote first.", severity="warning")
            return
        self._add(text)

    @work(thread=True, exclusive=True, group="curate-add")
    def _add(self, text: str) -> None:
        import tempfile

        from ...ingest.accept import AcceptRefused, accept

        with tempfile.TemporaryDirectory() as tmp:
            proposal = Path(tmp) / "candidates.yaml"
            proposal.write_text(text, encoding="utf-8")
            try:
                result = accept(self.corpus_dir, proposal)
            except AcceptRefused as exc:
                lines = [str(exc), *(str(p) for p in exc.problems[:5])]
                self.app.call_from_thread(self.notify, "\n".join(lines), title="Not added",
                                          severity="error", timeout=10)
                return
        self.unsaved = False
        added = ", ".join(f"{len(v)} {k}" for k, v in result.added.items())
        warned = [f"{len(result.warnings)} warning(s) about what was added:",
                  *(str(w) for w in result.warnings[:5])] if result.warnings else []
        if result.earlier_warnings:
            warned.append(f"({result.earlier_warnings} earlier warning(s) about other records: "
                          "assistant corpus validate lists them)")
        self.app.call_from_thread(self.notify, "\n".join([f"Added {added}; article archived.",
                                                          *warned]),
                                  title="Corpus updated", timeout=10 if warned else 5)
        self.app.call_from_thread(self._show_verified, self._verify(result.archived))
        if self.result is not None:  # read again: what was added now shows as a duplicate
            self.app.call_from_thread(self._ingest, self.result.article)

    def _verify(self, archived: Path | None) -> str:
        """`corpus verify` for the article just added: every quote that cites it, verbatim."""
        from ...corpus import CorpusError, load_corpus
        from ...ingest.verify import verify_corpus

        if archived is None:
            return "verify: no article text was archived"
        try:
            corpus = load_corpus(self.corpus_dir)
        except CorpusError as exc:
            return f"verify: the corpus has {len(exc.problems)} problem(s)"
        result = verify_corpus(corpus)
        source = archived.stem
        if source in result.unreadable:
            return f"verify: {result.unreadable[source]}"
        if source in result.altered:
            return f"verify: {result.altered[source]}"
        checked = sum(1 for q in corpus.quotes.values() if q.sources[0].source == source)
        wrong = [m for m in result.mismatches if m.source == source]
        if wrong:
            return (f"verify: {len(wrong)} of {checked} quote(s) differ from "
                    f"{archived.name}: " + "; ".join(m.id for m in wrong))
        return f"verify: all {checked} quote(s) stand verbatim in archive/{archived.name}"

    def _show_verified(self, line: str) -> None:
        self.verified = line
        self.query_one("#corpus-problems", Static).update(line)

    def action_back(self) -> None:
        if len(self.app.screen_stack) <= 1:
            return
        self._unless_unsaved(self.app.pop_screen, "Go back and lose them?",
                             yes="Go back without adding")

    def _unless_unsaved(self, then: Callable[[], object], question: str, yes: str) -> None:
        """Do `then` at once, or, with decisions or edits not added yet, once the curator
        confirms: leaving, reading again and opening another article all drop them."""
        if not self.unsaved:
            then()
            return
        from ..dialogs.confirm import ConfirmDialog

        def answered(confirmed: bool | None) -> None:
            if confirmed and self.app.screen is self:
                then()

        self.app.push_screen(ConfirmDialog(f"{self.not_added()}\n{question}", yes=yes,
                                           no="Keep curating"), answered)

    def not_added(self) -> str | None:
        """What leaving now would lose, in one sentence, or None when nothing would be."""
        if not self.unsaved:
            return None
        decided = sum(1 for d in self.decisions.values() if d != UNDECIDED)
        return (f"{decided} decision(s) on this article, and any edits, are not added to the "
                "corpus yet.")

class CurateCommands(CommandList):
    """The palette entry that opens the Curate screen."""

    def _commands(self) -> list[Command]:
        opener = getattr(self.app, "action_curate", None)
        if not callable(opener) or isinstance(self.screen, CurateScreen):
            return []
        return [("Curate an article", "Find quotes in a news article and add them to the "
                 "corpus", opener)]

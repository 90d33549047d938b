"""`via` names the outlet a quotation was first given to, never one the speaker only talked
to at some other time, and never the article itself."""

from __future__ import annotations

from pathlib import Path

from assistant.corpus.loader import Corpus
from assistant.corpus.models import Source
from assistant.ingest.candidates import ingest_article
from assistant.ingest.extract import read_article

EVAL_SET = Path(__file__).parent / "ingest_eval"


def _outlets(article: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.outlet) for q in read_article(article) if q.left_out is None]


def test_reported_speech_to_an_outlet_is_not_the_quotation_s_source() -> None:
    article = (EVAL_SET / "27-reported-via.txt").read_text(encoding="utf-8")
    assert [o for _, o in _outlets(article)] == [None, None, None, None]


def test_a_quotation_given_to_an_outlet_keeps_it_in_the_same_paragraph() -> None:
    article = ('T\n\nBy Eva Lund\n\n"The commanders ate first," Hassan Nuri told the BBC last '
               'year. "We ate what was left."\n\nHe told NPR in 2016: "Nobody asked us."\n\n'
               'Hassan Nuri told Reuters that he regrets it. "I regret all of it," he said.\n')
    assert _outlets(article) == [("The commanders ate first", "BBC"),
                                 ("We ate what was left.", "BBC"),
                                 ("Nobody asked us.", "NPR"),
                                 ("I regret all of it", None)]


def test_reingesting_an_article_never_cites_it_via_itself() -> None:
    npr = Source.model_validate({"id": "npr-2014-guard", "outlet": "NPR",
                                 "title": "A guard's story", "kind": "news"})
    corpus = Corpus(root=Path("."), sources={npr.id: npr})
    article = ('A guard\'s story\n\nBy Eva Lund, NPR\n\n"The commanders ate first," a former '
               'guard told NPR.\n')
    result = ingest_article(article, corpus, "npr-2014-guard")
    assert [c.via for c in result.candidates] == [None]
    assert result.originals == []


def test_what_someone_told_an_outlet_does_not_carry_past_another_speaker() -> None:
    article = ('T\n\nBy Eva Lund\n\n"We were lied to," Hassan Nuri told the BBC. "All of us."'
               '\n\n"They had meat every night," he said.\n\n'
               '"His story is typical," said Dr Anna Berg, a historian.\n\n'
               '"I would warn my cousins," Mr Nuri said.\n')
    assert _outlets(article) == [("We were lied to", "BBC"), ("All of us.", "BBC"),
                                 ("They had meat every night", "BBC"),
                                 ("His story is typical", None),
                                 ("I would warn my cousins", None)]


def test_what_someone_told_an_outlet_stays_dropped_for_all_their_later_words() -> None:
    article = ('T\n\nBy Eva Lund\n\n"We were lied to," Hassan Nuri told the BBC.\n\n'
               '"His story is typical," said Dr Anna Berg, a historian.\n\n'
               '"I would warn my cousins," Mr Nuri said. "All of them."\n\n'
               '"Every one," he added.\n')
    assert [o for _, o in _outlets(article)] == ["BBC", None, None, None, None]

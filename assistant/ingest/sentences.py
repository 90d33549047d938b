"""Sentences of an article, and the words that say who said something ("said X", "X told NPR").

Works on the masked text (quotations replaced by '§'), so that nothing inside a
quotation is ever read as its attribution.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass

from .marks import Paragraph, Span

ABBREVIATIONS = {"dr", "mr", "mrs", "ms", "prof", "st", "sen", "rep", "gen", "col", "lt", "sgt",
                 "capt", "gov", "jr", "sr", "no", "vs", "mt", "ft", "maj", "cpl", "rev", "sheikh",
                 "inc", "co", "corp", "jan", "feb", "aug", "sept", "sep", "oct", "nov", "dec"}

SPEECH_VERBS = (
    "said", "says", "say", "told", "tells", "added", "adds", "wrote", "writes", "explained",
    "explains", "recalled", "recalls", "recounted", "recounts", "continued", "continues",
    "insisted", "insists", "acknowledged", "acknowledges", "noted", "notes", "reported",
    "reports", "argued", "argues", "warned", "warns", "asked", "asks", "stated", "states",
    "claimed", "claims", "admitted", "admits", "remembered", "remembers", "declared",
    "replied", "replies", "answered", "concluded", "concludes", "observed", "conceded",
    "urged", "urges", "testified", "posted", "tweeted", "whispered", "cautioned", "agreed",
    "suggested", "suggests", "commented", "complained", "boasted", "confided", "remarked",
    "described", "describes", "recommended", "recommends", "put it", "went on", "laughed",
    "sighed", "shouted", "insisted", "maintained", "emphasised", "emphasized", "stressed",
    "is quoted", "was quoted", "were quoted", "are quoted", "reminded",
)
# "describes the house", "recommends a book": what follows these is what, never who spoke
_OBJECT_VERBS = {"described", "describes", "recommended", "recommends"}
# "told the jury", "urged parents": what follows these verbs is who listened, never who spoke
LISTENER_VERBS = {"told", "tells", "urged", "urges", "reminded"}
_VERB = r"(?<![\w’'-])(?:" + "|".join(sorted({re.escape(v) for v in SPEECH_VERBS}, key=len,
                                              reverse=True)) + r")(?![\w’'-])"
VERB_RE = re.compile(_VERB)
_ATTRIBUTION_AFTER = re.compile(r"\s+(?:[\w’'.-]+\s+){0,4}?" + _VERB + r"(?:\s+[\w’'-]+)?\s*[.,;]")
ACCORDING_RE = re.compile(r"(?<![\w-])[Aa]ccording to\s+")

_LEAD_WORDS = {"and", "but", "so", "then", "as", "while", "when", "because", "though",
               "although", "yet", "or", "that", "where", "which", "also"}
_TRAIL_WORDS = {"also", "later", "then", "once", "recently", "previously", "has", "had", "have",
                "was", "is", "would", "will", "quickly", "simply", "only", "again", "has since",
                "since", "earlier", "often", "repeatedly", "firmly", "bluntly", "quietly",
                "flatly", "just", "still", "now", "who", "did", "first"}
_BOUNDARY = re.compile(r"[,;:§—–()\[\]]")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    paragraph: int


@dataclass(frozen=True)
class Mention:
    """Someone named as saying something: the noun phrase, the verb and what follows."""

    phrase: str
    verb: str
    at: int
    """Offset of the verb."""
    tail: str
    """The rest of the clause after the verb (for the outlet: "told NPR last year")."""
    according: bool = False


def sentences(text: str, masked: str, paras: list[Paragraph], spans: list[Span]) -> list[Sentence]:
    """Sentences inside each paragraph; a quotation's own full stops count only at its end."""
    starts = [s.start for s in spans]  # spans are in text order and never overlap
    found: list[Sentence] = []

    def around(pos: int) -> tuple[int, int] | None:
        """The quotation (start, end) holding `pos`, if any."""
        k = bisect.bisect_right(starts, pos) - 1
        return (spans[k].start, spans[k].end) if k >= 0 and pos < spans[k].end else None

    for para in paras:
        start = para.start
        for m in re.finditer(r"[.!?…]+([”’\"'»]*)(?=\s+[A-Z“‘\"'«\d(]|\s*$)",
                             text[para.start:para.end]):
            pos = para.start + m.start()
            stop = para.start + m.end()
            quote = around(pos)
            if quote is not None and (stop <= quote[1] or text[pos:quote[1]].strip(".!?…")):
                continue  # a full stop inside a quotation that goes on
            if quote is not None and _ATTRIBUTION_AFTER.match(masked[stop:para.end]):
                continue  # "What did you see?" I asked.
            word = re.search(r"([\w.]+)$", masked[start:pos])
            if text[pos] == "." and word:
                w = word.group(1).lower().rstrip(".")
                if w in ABBREVIATIONS or re.fullmatch(r"(?:[a-z]\.)*[a-z]", w):
                    continue  # Dr. Neumann, U.S. officials
            found.append(Sentence(start, stop, para.index))
            start = stop
            while start < para.end and text[start].isspace():
                start += 1
        if start < para.end:
            found.append(Sentence(start, para.end, para.index))
    return [piece for sentence in found for piece in _lines(text, sentence)]


_LABEL_LINE = re.compile(r"[^\n.!?]{0,40}\n(?=\S)")
_LIST_LINE = re.compile(r"\n(?=\s*(?:[-•*]|\d+[.)])\s)")


def _lines(text: str, sentence: Sentence) -> list[Sentence]:
    """A label line ("14:30", "Key points") or a list item is a sentence of its own, so that
    "14:30\nJudge Ada Berg adjourned" opens with the judge; hard-wrapped prose is untouched."""
    cuts = [sentence.start]
    pos = sentence.start
    while pos < sentence.end:
        label = _LABEL_LINE.match(text, pos, sentence.end)
        if label and len(label.group(0).split()) <= 4:
            pos = label.end()
            cuts.append(pos)
            continue
        item = _LIST_LINE.search(text, pos, sentence.end)
        if item is None:
            break
        pos = item.end()
        cuts.append(pos)
    cuts.append(sentence.end)
    return [Sentence(a, b, sentence.paragraph) for a, b in itertools.pairwise(cuts)
            if text[a:b].strip()]


_ANTECEDENT = re.compile(r"(?<![\w’'-])((?:the|a|an)\s+[\w’'-]+(?:\s+[\w’'-]+){0,3})$", re.IGNORECASE)
_CLAUSE_LINKS = {"when", "as", "after", "before", "while", "if", "and", "until", "because",
                 "but"}
_DETERMINERS = {"a", "an", "the", "his", "her", "their", "its", "my", "our", "this", "that"}


def _clean_phrase(phrase: str) -> str:
    words = phrase.split()
    while words and words[0].lower() in _LEAD_WORDS:
        words = words[1:]
    while words and words[-1].lower() in _TRAIL_WORDS and words[-1] != "IS":  # the group
        words = words[:-1]
    if len(words) > 2 and words[-1].lower() in _CLAUSE_LINKS:
        words = _before_own_verb(words[:-1])
    return " ".join(words)


def _before_own_verb(words: list[str]) -> list[str]:
    """"the guard shrugged when (asked)", "a woman raised her hand and (asked)": the one
    who speaks is described before the verb of their own clause, which is no part of it."""
    for n in range(1, len(words)):
        word = words[n]
        if not word.islower() or words[n - 1].lower() in _DETERMINERS or \
                word.endswith(("'s", "’s")):
            continue  # "the retired teacher", "the prosecutor's office": no verb of theirs
        if word.endswith("ed") or (word.endswith("s") and not word.endswith("ss")):
            return words[:n]
    return words


def _subject(left: str) -> str:
    """The words before a verb that say who: skips asides such as ", in a report published
    September 18," back to the subject they interrupt; never reaches past a quotation."""
    left = left[left.rfind("§") + 1:]
    chunks = [c.strip() for c in re.split(r"[,;:—–()]", left)]
    if chunks and not chunks[-1]:
        chunks.pop()  # "..., said" after an aside
    for k in range(len(chunks) - 1, -1, -1):
        chunk = _clean_phrase(chunks[k])
        if k and _NAME_GIVEN.match(chunk):
            return f"{_clean_phrase(chunks[k - 1])}, {chunk}"  # "The man, who gave his name as X"
        if k and chunks[k].lower() == "which" and k == len(chunks) - 1:
            # "Ms Obi works with the probation service, which asked": the service asked
            antecedent = _ANTECEDENT.search(chunks[k - 1].strip())
            return antecedent.group(1) if antecedent else ""
        named = k - 1
        while named > 0 and re.fullmatch(r"\d{1,3}", chunks[named]):
            named -= 1  # "Ibrahim Salim, 41, a former driver": past the age to the name
        if k and re.match(r"(?:a|an)\s", chunk) and re.fullmatch(
                r"(?:[Tt]he)\s+[a-z-]+", _clean_phrase(chunks[k - 1])):
            return f"{_clean_phrase(chunks[k - 1])}, {chunk}"  # "The witness, a former member,"
        if k and re.match(r"(?:a|an|the)\s", chunk) and (_TRAILING_NAME.fullmatch(
                _clean_phrase(chunks[named])) or _SURNAME.fullmatch(_clean_phrase(chunks[named]))):
            return f"{_clean_phrase(chunks[named])}, {chunk}"  # "Nour Haddad, a former nurse,"
        if k and re.match(r"(?:who|whom|whose)\s", chunk):
            continue  # "A neighbour ..., and who asked not to be named, said": the neighbour
        if k and re.match(r"(?:which|that)\s+(?:he|she|they|we|I)\s", chunks[k].strip()):
            return ""  # "Part of that account, which she shared with us, describes": a thing
        verbs = list(VERB_RE.finditer(chunk))
        if verbs:  # "He said his commander had told": the nearer speaker
            chunk = _clean_phrase(chunk[verbs[-1].end():])
        pronoun = re.search(r"(?:^|\s)(he|she|they)$", chunk)
        if pronoun and " " in chunk:
            return pronoun.group(1)  # "Before leaving the bench she told": the pronoun
        if not chunk or _PREP_START.match(chunk) or re.fullmatch(r"\d+", chunk) or (
                k < len(chunks) - 1 and _is_acronym(chunk) and k > 0):
            continue
        return chunk
    return ""


PERSON_NOUNS = {"lawyer", "brother", "mother", "wife", "husband", "son", "daughter", "father",
                "sister", "friend", "colleague", "commander", "emir", "cousin", "uncle", "aunt",
                "neighbour", "neighbor", "spokesman", "spokeswoman", "attorney", "doctor",
                "boss", "partner", "fiancé", "fiancée", "parents", "family", "mentor", "teacher"}
_TRAILING_NAME = re.compile(r"(?<![\w’'-])((?:[A-Z][\w’'-]+\s+){1,3}[A-Z][\w’'-]+)$")
# "Sabri, a baker's son": a surname alone before the description of who they are
_SURNAME = re.compile(r"(?:(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+)?[A-Z][a-z][\w’'-]*")
_NAME_GIVEN = re.compile(r"^who (?:gave|gives) (?:his|her) name (?:only )?as [A-Z]")


def _is_acronym(chunk: str) -> bool:
    return bool(re.fullmatch(r"[A-Z][A-Z/&.-]{1,9}", chunk))


def _valid_phrase(phrase: str, limit: int = 12) -> bool:
    words = phrase.split()
    if not 1 <= len(words) <= limit:
        return False
    if words[-1].lower() in {"of", "to", "by", "with", "the", "a", "an", "in", "for", "that"}:
        return False
    # "is", never "IS": "a former IS commander" names the group
    return not any(w in {"is", "are", "were", "be", "been", "being", "Is", "Are", "Were"}
                   for w in words)


# "..., after telling the judge he had «...»", "..., saying «...»": the one who speaks is
# the subject of the sentence
_PARTICIPLE = re.compile(r"(?<![\w’'-])(?:after\s+|before\s+|while\s+|when\s+)?(saying|telling|"
                         r"adding|insisting|explaining|recalling|warning|arguing)(?![\w’'-])")
_OPENING = re.compile(
    r"\s*(?:[A-Z][A-Z’'. -]+[A-Z](?:,[^–—\n]{0,60}?)?(?:\s*\([^)]{1,60}\))?\s+[–—-]\s+)?"
    r"((?:He|She)|(?:(?:A|An|The)\s+)?[^,§;:]{1,60}?)(?=\s+(?:who|was|were|is|has|had|did|"
    r"left|went|came|spent|told|took|gave|got|made|sat|stood|fled|[a-z]+ed|[a-z]+s)\b)")


def _participle_mentions(seg: str, start: int) -> list[Mention]:
    found = []
    for m in _PARTICIPLE.finditer(seg):
        if "," not in seg[: m.start()][-3:] and not re.search(r"\b(?:after|before|while|when)\s+$",
                                                             seg[: m.start(1)]):
            continue  # only a clause of its own: "..., saying", "after telling"
        opening = _OPENING.match(seg)
        if opening is None or "§" in opening.group(1):
            continue
        phrase = _clean_phrase(opening.group(1))
        if phrase and _valid_phrase(phrase, limit=8) and phrase.split()[0][0].isupper():
            found.append(Mention(phrase if phrase not in {"He", "She"} else phrase.lower(),
                                 m.group(1), start + m.start(1), ""))
    return found[:1]


_REQUEST = re.compile(r"\s*(?:not\s+)?to\s+be\b|\s*that\s+(?:his|her|their|the)\s+(?:\w+\s+)?"
                      r"(?:name|names|surname)\b")


def _is_request(seg: str, verb: re.Match[str]) -> bool:
    return verb.group(0) in {"asked", "asks"} and _REQUEST.match(seg, verb.end()) is not None


def requests(masked: str, sentence: Sentence) -> list[str]:
    """Who "asked not to be named": someone the article introduces, though not quoting yet."""
    seg = masked[sentence.start:sentence.end]
    found = []
    for m in VERB_RE.finditer(seg):
        if _is_request(seg, m):
            phrase = _subject(seg[: m.start()])
            if phrase and _valid_phrase(phrase):
                found.append(phrase)
    return found


def mentions(masked: str, sentence: Sentence) -> list[Mention]:
    """Every "X said" / "said X" / "according to X" in the sentence, in order."""
    seg = masked[sentence.start:sentence.end]
    found: list[Mention] = []
    for m in ACCORDING_RE.finditer(seg):
        rest = seg[m.end():]
        phrase = _BOUNDARY.split(rest, maxsplit=1)[0].rstrip(" .!?")
        if phrase and "§" not in phrase:
            found.append(Mention(phrase, "according to", sentence.start + m.start(), "", True))
    for m in VERB_RE.finditer(seg):
        if re.search(r"(?<![\w’'-])(?:her|his|their|my|our|your|its|the|a|an|these|those)\s+$",
                     seg[: m.start()], re.IGNORECASE):
            continue  # "packed up her notes", "the reports": a noun, not someone speaking
        if _is_request(seg, m):
            continue  # "who asked to be identified by his first name": a request, not a remark
        if _RELATIVE_BEFORE.search(seg[: m.start()]) and any(
                f.at < sentence.start + m.start() and not f.according for f in found):
            continue  # "said Abu Yusuf, a 29-year-old who asked that...": the one just named
        if _RELATIVE_BEFORE.search(seg[: m.start()]) and re.search(
                r"\b(?:was|is|were|are)\s+(?:the|a|an)\s+(?:one|man|woman|person)\s+who\s+$",
                seg[: m.start()]):
            continue  # "he was the one who posted pictures": who someone is, not what they said
        phrase = _subject(seg[: m.start()])
        tail = _BOUNDARY.split(seg[m.end():], maxsplit=1)[0]
        if phrase and not _valid_phrase(phrase):
            named = _TRAILING_NAME.search(phrase)  # "that is how Sami Aref remembers"
            phrase = named.group(1) if named else ""
        if phrase and _valid_phrase(phrase):
            found.append(Mention(phrase, m.group(0), sentence.start + m.start(), tail))
            continue
        right = seg[m.end():].strip()
        if m.group(0) in LISTENER_VERBS:
            agent = re.match(r"by\s+((?:a|an|the|his|her|their|one)\s+[\w’'-]+(?:\s+[\w’'-]+)?)",
                             right)  # "being told by a commander": the commander spoke
            if agent:
                found.append(Mention(agent.group(1), m.group(0), sentence.start + m.start(), ""))
            continue
        if right and not right.startswith("§") and right[0].isalpha() and \
                m.group(0) not in _OBJECT_VERBS:
            chunks = [c.strip() for c in re.split(r",", right.rstrip(" .!?"))]
            head = _verb_first_phrase(chunks)
            if head:
                found.append(Mention(head, m.group(0), sentence.start + m.start(), right))
    if not found:
        found = _participle_mentions(seg, sentence.start)
    return sorted(found, key=lambda x: x.at)


_RELATIVE_BEFORE = re.compile(r"(?<![\w’'-])who\s+(?:[a-z]+ly\s+|later\s+|also\s+)?$")
_PREP_START = re.compile(r"^(?:in|on|at|last|this|during|after|before|when|while|from|to|now|"
                         r"speaking|published|citing|adding|according|referring|who|whose|whom|which|of|"
                         r"interviewed|quoted|cited|reached|contacted|writing|asked|told|"
                         r"shown|seen|photographed|pictured)\b")


def _verb_first_phrase(chunks: list[str]) -> str:
    """`said Peter Neumann, director of ICSR, in an interview` -> the speaker's part."""
    kept: list[str] = []
    for chunk in chunks:
        if not chunk or "§" in chunk:
            break
        if kept and _PREP_START.match(chunk):
            break
        if not kept:
            words = chunk.split()
            if words[0].lower() in {"whether", "if", "what", "why", "how", "about", "where",
                                    "when", "for", "to", "in", "on", "at", "with", "by",
                                    "from", "of", "into", "during", "after", "before", "as",
                                    "while", "because", "since", "until", "though",
                                    "although", "and", "but", "then", "so", "once"}:
                return ""  # "asked whether...", "explained to her": the question or listener
            if words[0].lower() in {"that", "he", "she", "they", "it", "we", "i"} and len(words) > 1:
                return ""  # "said he would...", "said that ..."
            if words[0].lower() in {"his", "her", "their", "its", "my", "our", "your"} and \
                    words[-1].lower() not in PERSON_NOUNS and len(chunks) < 2:
                return ""  # "remembers his first month": what was said, not who
            chunk = re.split(r"\s+(?:in|on|at|last|this|during|to|from|after|when)\s+(?=[a-z])",
                             chunk, maxsplit=1)[0]
        relative = re.split(r"\s+(?:who|whom|whose|which|that)\s+", chunk, maxsplit=1)
        if kept and len(relative) > 1:
            kept.append(relative[0])  # "a 29-year-old from Deir al-Zor who asked that..."
            break
        kept.append(chunk)
        if len(kept) == 3:
            break
    phrase = ", ".join(kept)
    return phrase if _valid_phrase(phrase.replace(",", ""), limit=24) else ""

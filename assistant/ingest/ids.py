"""The words an id is made of: lower-case ASCII, accented letters as their plain forms.

Hélène Dufrasne is `helene-dufrasne`, Selin Arıkan `selin-arikan`, never `h-l-ne` or
`ar-kan`. Used for speaker and source ids alike.
"""

from __future__ import annotations

import re
import unicodedata

# letters that Unicode does not decompose into a plain letter and a mark
_PLAIN = str.maketrans({"ı": "i", "ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "đ": "d", "Đ": "d",
                        "ß": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "þ": "th",
                        "ð": "d"})


def id_words(text: str) -> list[str]:
    folded = unicodedata.normalize("NFKD", text.translate(_PLAIN))
    plain = "".join(c for c in folded if not unicodedata.combining(c))
    return re.findall(r"[a-z0-9]+", plain.lower())

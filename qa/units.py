"""Units of measure: whether a word is one ("GW", "km", "kWh", "1.5g"), by pint's registry of units,
so that a figure the recognizer calls a bare number ("130 GW") is known as the quantity it is."""

from __future__ import annotations

import functools
import threading

from qa import lexicon, nlp

_lock = threading.Lock()


@functools.cache
def _registry():
    import pint  # (its registry takes about half a second to build: only when a figure is read)

    return pint.UnitRegistry()


@functools.lru_cache(maxsize=4096)
def is_unit(word: str) -> bool:
    """Is the word a unit of measure as written after a figure? pint knows thousands of units and
    their prefixes; English words it also reads as units are left out: function words ("in" for
    inch, "at", "a"), and words WordNet gives a class other than a quantity or a time ("points", a
    printer's unit to pint, counts in a game)."""
    # (nor a lone capital: after a figure it is as often a scale, "700K", or a grade as a unit)
    if not word.isalpha() or nlp.is_stop(word) or (len(word) == 1 and word.isupper()):
        return False
    # (a symbol with a capital, "GB", "kWh", is no word of English prose; a lower-case word is read as
    # the noun it may be, singular or plural)
    if word.islower() and any(lexicon.noun_class(w) not in ("", "quantity", "time") for w in {word, word.removesuffix("s"), word.removesuffix("es")}):
        return False
    with _lock:  # (pint's parser caches as it goes)
        try:
            registry = _registry()
            measured = str(registry.Quantity(1, registry.parse_units(word)).to_root_units().units)
        except Exception:  # (pint raises several kinds for a word that is no unit)
            return False
    # (a unit of no dimension measures nothing: "seven counts", "5 percent")
    return measured not in ("dimensionless", "count")

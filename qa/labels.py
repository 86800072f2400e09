"""Label rows of list articles ("the best new shows", reviews, fixtures): an item's name on a line of
its own, then rows of "Label: value" ("Creator: Clive Bradley", "Director: Patrick Wilson"). A who
question that asks for what a label names ("Who is the creator of Castlevania: Nocturne?", "Who
directed Insidious?") is answered by the value of that label under the item's name. The rows are
read from the passage's lines: the sentence splitter keeps each line, but which item a row belongs
to is told only by the lines before it."""

from __future__ import annotations

import re

from qa import dates, nlp, when

# "Creator: Clive Bradley": a short capitalised label, a colon, and a value on the same line.
_ROW = re.compile(r"^([A-Z][A-Za-z ]{1,24}):\s+(\S.{0,120})$")


def asked_labels(question: str) -> tuple[set[str], str]:
    """The nouns a who question asks the bearer of ("creator" in "Who is the creator of X?", the
    noun after "which"), and the lemma of its main verb ("direct" in "Who directed X?")."""
    doc = nlp.parse(question)
    nouns = {t.lemma_.lower() for t in doc if t.pos_ == "NOUN" and t.dep_ in ("attr", "nsubj", "nsubjpass")
             and any(c.dep_ == "prep" and c.lower_ == "of" for c in t.children)}
    nouns |= {t.head.lemma_.lower() for t in doc if t.lower_ in ("which", "what") and t.dep_ == "det"}
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    verb = root.lemma_.lower() if root is not None and root.pos_ == "VERB" else ""
    return nouns, verb


def labelled(nouns: set[str], verb: str, names: list[str], text: str) -> tuple[str, str] | None:
    """The value of a label row that names what is asked ("Creator: Clive Bradley" for "creator", or
    for the verb "create") under an item line that holds one of the question's names, and the row;
    None for none. A list value gives its first name ("Cast: A, B, C" -> "A")."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    for k, line in enumerate(lines):
        row = _ROW.match(line)
        if row is None:
            continue
        head = row.group(1).strip().lower().split()[-1].removesuffix("s")
        if head not in nouns and not (verb and when.derived(head, verb)):
            continue
        # The item is named by the lines before the row: back over the rows above it (an item's
        # name may itself hold a colon, "Castlevania: Nocturne") to the first line that is none.
        j = k - 1
        while j >= 0 and _ROW.match(lines[j]):
            j -= 1
        item = " ".join(lines[max(j, 0) : k]).lower()
        if any(n and n.lower().removeprefix("the ") in item for n in names):
            return row.group(2).split(",")[0].strip(), line
    return None


# "Aquaman and The Lost Kingdom: Dec. 20": an item's name, a colon, and a short value on one line.
_ITEM = re.compile(r"^(\S.{1,100}?):\s+(\S.{0,40})$")


def dated_item(names: list[str], text: str) -> tuple[str, str] | None:
    """For "When does X come out?" in a list article whose item lines carry their date ("Superman:
    Legacy: July 11"): the date on the line whose item holds one of the question's names, and the
    line; None for none. The value must be a date and nothing else."""
    year = ""  # (a list by year heads each year's items with it: "2025", then "Superman: Legacy: July 11")
    for line in (ln.strip() for ln in text.splitlines()):
        if re.fullmatch(r"(?:19|20)\d\d", line):
            year = line
        m = _ITEM.match(line)
        if m is None:
            continue
        # (the item's name may itself hold a colon: the value is after the last one)
        item, value = line.rsplit(":", 1)
        value = value.strip()
        found = dates.find_dates(value, ("day", "month"))
        if len(found) != 1 or found[0].start > 0 or found[0].end < len(value.rstrip(".")):
            continue
        if any(n and n.lower().removeprefix("the ").removesuffix("'s") in item.lower() for n in names):
            return (f"{value}, {year}" if year and found[0].year is None else value), line
    return None

"""A question asked as a request or an indirect question ("Explain what GSOMIA is.", "Can you tell
me where Kang was going?", "I want to know who Alex Wong is.") turned into the direct question it
asks ("What is GSOMIA?", "Where was Kang going?", "Who is Alex Wong?"), so that it is read like one.
English grammar only: the embedded clause opens with a wh-word, and its finite auxiliary moves
before the subject, or "do" carries the tense when there is none."""

from __future__ import annotations

from qa import nlp

# Penn tags of English's wh-words (what, who, which, where, when, why, how, whose)
_WH = {"WP", "WDT", "WRB", "WP$"}
# the tense "do" carries when the clause has no auxiliary ("why Seoul decided" -> "why did Seoul decide")
_DO = {"VBD": "did", "VBZ": "does", "VBP": "do"}
_NOMINAL = {"dobj", "pobj", "attr", "compound", "amod", "nsubj", "nsubjpass"}  # dependencies of a noun's place


def direct(question: str) -> str | None:
    """The direct question an embedded wh-clause asks, when the sentence around it only asks for it:
    a request or a wish of the asker's ("Explain ...", "Can you tell me ...", "I want to know ...":
    no subject, or "you" / "I"); None when the question is direct already or embeds none ("Did
    Kang say why she left?" asks about Kang)."""
    doc = nlp.parse(question.strip())
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or doc[0].tag_ in _WH:
        return None  # ("What did she say she wanted?": a direct question)
    subjects = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
    if any(c.lower_ not in ("you", "i", "we") for c in subjects):
        return None
    # (with no subject, a request is an imperative that opens the sentence, "Explain ...", "Please tell
    # me ...": not a question whose subject the parse lost, "Did the Post's Janes name Arcia when
    # reporting ...?", "According to X, what else ...?")
    if not subjects and not (root.tag_ == "VB" and all(t.is_punct or t.pos_ == "INTJ" or t.lower_ == "please" for t in doc[: root.i])):
        return None
    # The clause: a complement of the main verb (or of the verb it governs: "want to know") that
    # opens with a wh-word.
    verbs = [root, *(c for c in root.children if c.dep_ == "xcomp")]
    clause = next((c for v in verbs for c in v.children
                   if c.dep_ in ("ccomp", "dobj", "xcomp", "advcl") and c.pos_ in ("VERB", "AUX")
                   and doc[c.left_edge.i].tag_ in _WH), None)
    if clause is None:
        return None
    words = sorted(clause.subtree, key=lambda t: t.i)  # (a non-projective parse yields them out of order)
    while words and words[-1].is_punct:
        words.pop()
    # The wh-phrase: the wh-word with the common nouns and adjectives it governs ("how many troops",
    # "which minister"); a name after it starts the clause's subject ("what GSOMIA is"). (By the
    # tags: the small parser often makes that name part of the phrase.)
    n = 1
    while n < len(words) and (words[n].tag_ in _WH or words[n].pos_ in ("ADJ", "NOUN")
                              or (words[n].dep_ in _NOMINAL and words[n].pos_ != "PROPN")  # ("ferries" tagged a verb)
                              or (words[n].pos_ == "ADV" and words[n - 1].lower_ == "how")):  # ("how long", "how often")
        n += 1
    wh, rest = words[:n], words[n:]
    if not rest:
        return None
    head = "".join(t.text_with_ws for t in wh).strip()
    if rest[0].pos_ in ("VERB", "AUX") and not (rest[0].lemma_ == "be" and len(rest) > 1 and rest[1].pos_ == "VERB"):
        body = "".join(t.text_with_ws for t in rest)  # the wh-phrase is the subject: "who prodded Seoul"
    else:
        moved = next((t for t in rest if t.head == clause and t.dep_ in ("aux", "auxpass") and t.tag_ != "TO"), None)
        if moved is None and clause.lemma_ == "be":
            moved = clause  # "what GSOMIA is" -> "what is GSOMIA"
        if moved is not None:
            body = moved.text + " " + "".join(t.text_with_ws for t in rest if t != moved)
        elif clause.tag_ in _DO:  # "why Seoul decided to quit" -> "why did Seoul decide to quit"
            body = _DO[clause.tag_] + " " + "".join((t.lemma_ + t.whitespace_) if t == clause else t.text_with_ws for t in rest)
        else:
            return None
    out = f"{head} {body.strip()}"
    return out[:1].upper() + out[1:] + "?"

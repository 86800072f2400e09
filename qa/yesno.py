"""The verdict of a yes/no question from the candidate sentences of its evidence: a claim in parts
(one per outlet it names), which of two reports came first (their publication dates), the same
amount in two articles, then each part's support or contradiction (qa.verdict)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date

from qa import asking, figures, lexicon, nlp, reader, verdict
from qa.dates import find_dates, months_meant
from qa.keyword import coverage, terms
from qa.query import outlets_named
from qa.types import Question

Weigh = Callable[[str], dict[str, float]]


def decide(qi: Question, cands: list, relevant: list[int], order: list[int], sem, cand_terms: list[frozenset[str]],
           weights: dict[str, float], sources: Sequence[str], weigh: Weigh) -> str | None:
    """"Yes", "No", or None (the articles don't say) for a yes/no question, from the candidate
    sentences (`order`: best first; `relevant`: those close enough to the question; `weigh`: the
    rarity weights of a text's words)."""
    if qi.order:
        if (v := _order(qi, cands, order, cand_terms, sources, weigh)) is not None:
            return v
    if (v := identity(qi.text, [cands[i].text for i in order[:12]])) is not None:
        return v
    if qi.accounts == "same" and (claimed := verdict.figures(qi.text)):
        # "the same amount, $26.3 billion": two articles that both state it say the same.
        stating = {cands[i].passage.chunk.doc_id for i in relevant[:6] if verdict.states_figures(cands[i].text, claimed)}
        if len(stating) >= 2:
            return "No" if qi.negated else "Yes"
    parts = [] if qi.accounts else _parts(qi, cands, order, cand_terms, sources, weigh)  # (two accounts: decided apart)
    if any(verdict.part_contradicted(qi.text, a, b, [cands[i].text for i in pool]) for a, b, pool in parts):
        return "No"
    ranked = sorted(relevant[:6], key=lambda i: -(float(sem[i]) + coverage(weights, cand_terms[i])))
    # (a line with no verb, a table's row or a caption, says nothing to check a claim against: after the
    # rest; but for a result line, "Kansas City Chiefs 19-27 Green Bay Packers"; only a line of the two the
    # verdict reads first, and mostly of names and figures, is parsed for it)
    front: list[int] = []
    moved: list[int] = []
    while ranked and len(front) < 2 and len(moved) < 3:
        i = ranked.pop(0)
        text = cands[i].text
        (moved if _listing(text) and not reader.has_predicate(text) and not figures.score_in(text) else front).append(i)
    ranked = front + ranked + moved
    # "Was X born in 1968?": a sentence that tells of the claim's act with every figure it gives ("X was
    # born in Spain in 1968") is its evidence first, however little else of the question it repeats
    # (a claim with no figures: one that tells of its act by its verb is evidence beside the best, "having
    # flown overnight on Monday" for "Did the Dolphins fly to Germany on Monday night?")
    verb = asking.main_lemma(qi.text)
    verb = verb if qi.numbers or verb not in lexicon.GENERAL_VERBS else ""
    # (and names the claim's subject itself: "Did Haaland score 52 goals?" is not told by another's 52)
    subject = [t.text for t in nlp.parse(qi.text) if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ == "PROPN"][:1]
    def tells(i: int, named_in: str) -> bool:
        return (not qi.numbers or figures.gives_numbers(qi, cands[i].text)) and reader.has_verb(cands[i].text, verb, predicate=True) \
            and not reader.unnamed(subject, named_in)
    told = next((i for i in order[:16] if verb and subject and tells(i, cands[i].text)), None)
    # (not before a best sentence that tells of it with the figures, by a pronoun its passage names the
    # subject for: "For example, in 2021 it bought the naming rights for the Miami Heat's home arena")
    if told is not None and ranked and ranked[0] != told and tells(ranked[0], reader.told_with(cands[ranked[0]].passage.chunk)):
        told = None
    if told is not None and told not in ranked[: 1 if qi.numbers else 2]:
        rest = [i for i in ranked if i != told]
        ranked = [told] + rest if qi.numbers else rest[:1] + [told] + rest[1:]
    support = [(cands[i].text, float(sem[i]), coverage(weights, cand_terms[i])) for i in ranked]
    # "Were they still negotiating in February 2020?": an article of that time that says so need not
    # repeat the year.
    dated = bool(ranked) and qi.period is not None and bool(d := cands[ranked[0]].passage.chunk.date) \
        and qi.period[0].isoformat() <= d <= qi.period[1].isoformat()
    v = verdict.verdict(qi, support, by_parts=bool(parts), in_period=dated)
    if v == "Yes" and not parts and not qi.accounts and verdict.single_claim(qi) and not _of_several(qi):
        # "Did X question the CEO of Goldman Sachs?": evidence that never names Goldman Sachs does not say.
        told = {reader.told_with(cands[i].passage.chunk) for i in ranked}
        if reader.unnamed(qi.names, " ".join(told)):
            return None
    if v == "Yes" and _month_unsaid(qi, cands[ranked[0]]):
        # "Did the Fed raise rates in November?": evidence that never puts it in November does not
        # say; the evidence of that month, if any, must say Yes itself.
        of_month = [(cands[i].text, float(sem[i]), coverage(weights, cand_terms[i])) for i in ranked if not _month_unsaid(qi, cands[i])]
        return "Yes" if of_month and verdict.verdict(qi, of_month, by_parts=bool(parts)) == "Yes" else None
    return v


def _listing(text: str) -> bool:
    """Is the line mostly names and figures (a quarter of its words or fewer in lower case), as a
    table's row or a caption is, unlike prose?"""
    words = re.findall(r"[^\W\d_]+", text)
    # (a line wholly in capitals is a headline set so, prose: "COUNTRY STAR CRAIG MORGAN REENLISTS IN
    # ARMY RESERVE AT 59"; a table's capitals are its header alone)
    if len(words) >= 4 and text.isupper():
        return False
    return sum(w.islower() for w in words) * 4 <= len(words)


def _of_several(qi: Question) -> bool:
    """Is the claim about several articles ("Do the articles ... both ...?"), each of which has its
    own evidence?"""
    return any(t.lower_ == "both" or (t.lemma_.lower() in ("article", "report") and t.tag_ == "NNS") for t in nlp.parse(qi.text))


def _month_unsaid(qi: Question, cand) -> bool:
    """Does the question set a month without its year ("in November") that the evidence sentence
    neither names nor was published in?"""
    if qi.period is not None or not qi.period_text:
        return False
    asked = {m for _, m in months_meant(qi.period_text, date.today())}
    if not asked:
        return False
    published = cand.passage.chunk.date
    day = date.fromisoformat(published) if published else date.today()
    said = {m for _, m in months_meant(cand.text, day)} | {m.month for m in find_dates(cand.text) if m.month}
    return not (asked & said) and not (published and day.month in asked)


def identity(question: str, texts: list[str]) -> str | None:
    """"Is GSOMIA a trade agreement?": what the sentences call the name (reader.describe: "a bilateral
    intelligence sharing pact ... Agreement") decides. Yes when the description has the claimed
    class and every word that qualifies it, No when it has the class but not a qualifier; None when
    no description names that class (it may call it by another word)."""
    doc = nlp.parse(question)
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.lemma_ != "be":
        return None
    # (the small model may take the name for the attribute: "Is [GSOMIA] an intelligence pact?")
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass", "attr") and c.pos_ == "PROPN"), None)
    if subj is None:
        return None
    # (a title is capitalised: "Was X the US [Secretary] of State?")
    # (an apposition the question sets beside the name only says which one it means when the claim has a
    # predicate of its own: "Is Khaleel, the older brother who ..., 25 years old?" asks his age)
    def aside(c) -> bool:  # (closed by a comma the claim's words follow: ", 25 years old?")
        return c.dep_ == "appos" and any(t.text == "," and any(not x.is_punct for x in doc[t.i + 1 :]) for t in doc[c.i + 1 :])
    pred = next((c for c in [*root.children, *subj.children] if c.dep_ in ("attr", "appos") and c.pos_ in ("NOUN", "PROPN")
                 and c.ent_type_ not in ("PERSON", "GPE") and not aside(c)), None)
    if pred is None:
        return None
    name = doc[subj.left_edge.i : subj.i + 1].text
    quals = {w for c in pred.children if c.dep_ in ("compound", "amod") for t in c.subtree if not t.ent_type_ for w in terms(t.text)}
    # (and what "of" adds to a title: "Secretary of State" is not "Defence Secretary")
    quals |= {w for p in pred.children if p.dep_ == "prep" and p.lower_ == "of" for t in p.subtree if t.i != p.i for w in terms(t.text)}
    for text in texts:
        if (said := reader.describe(name, text)) is None or not set(terms(pred.text)) <= (words := set(terms(said))):
            continue
        return "Yes" if quals <= words else "No"
    return None


def _parts(qi: Question, cands: list, order: list[int], cand_terms, sources, weigh: Weigh) -> list[tuple[int, int, list[int]]]:
    """A claim in parts, one per outlet ("Does A suggest P, while B says Q?"): each part's
    characters in the question, and the three sentences of its outlet that best match it."""
    known = tuple(sorted(set(sources)))
    _, spans = outlets_named(qi.text, known)
    if len(spans) < 2:
        return []
    out = []
    for k, span in enumerate(spans):
        end = spans[k + 1][0] if k + 1 < len(spans) else len(qi.text)
        outlets, _ = outlets_named(qi.text[slice(*span)], known)
        w = weigh(qi.text[span[1] : end])
        pool = sorted((i for i in order if cands[i].passage.chunk.source in outlets), key=lambda i: -coverage(w, cand_terms[i]))[:3]
        out.append((span[1], end, pool))
    return out

def _order(qi: Question, cands: list, order: list[int], cand_terms, sources, weigh: Weigh) -> str | None:
    """"Did A report X before B reported Y?": each side is the article of the outlet it names
    (the same outlet may be named twice) that best matches that side's words; their
    publication dates decide."""
    _, spans = outlets_named(qi.text, tuple(sorted(set(sources))))
    cuts = [m.start() for m in re.finditer(r"\b(?:before|after)\b", qi.text, re.I)]
    if len(spans) < 2 or len(cuts) != 1:  # ("After A ..., did B ... before that?": which order is asked is unclear)
        return None
    cut = cuts[0]
    ahead = [sp for sp in spans if sp[1] <= cut]
    behind = [sp for sp in spans if sp[0] >= cut]
    text = qi.text
    if ahead and behind:  # "Did A report X before B reported Y?": A's side, then the one "before" names
        sides = [(text[:cut], text[slice(*ahead[-1])]), (text[cut:], text[slice(*behind[0])])]
    elif len(behind) >= 2 and verdict.asks_report(text):  # "After A reported X, did B report Y?": B's side is the one asked about
        mid = behind[1][0]
        sides = [(text[mid:], text[slice(*behind[1])]), (text[cut:mid], text[slice(*behind[0])])]
    else:
        return None
    when = []
    for words, named in sides:
        outlets, _ = outlets_named(named, tuple(sorted(set(sources))))
        w = weigh(words)
        pool = [i for i in order if cands[i].passage.chunk.source in outlets and cands[i].passage.chunk.date]
        if not pool:
            return None
        best = max(pool, key=lambda i: coverage(w, cand_terms[i]))
        when.append(date.fromisoformat(cands[best].passage.chunk.date))
    v = verdict.order_verdict(qi, *when)
    if v is not None and qi.negated:
        v = "No" if v == "Yes" else "Yes"
    return v

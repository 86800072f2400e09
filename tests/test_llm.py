"""Answers written by a language model (QA_LLM), against a scripted OpenAI-compatible server on
loopback, over the seeds with the real model: citations checked after generation (wrong numbers,
an uncited claim, an unsupported claim), streaming, follow-ups, and the offline answer when the
server is slow or down."""

from __future__ import annotations

import json
import re
import time

import pytest
from llm_script import Request, ScriptedLLM, Stall

from qa.settings import LLMSettings, Settings

MAIN = "Why did Seoul suspend termination?"
FABRICATED = "The decision was praised by 17 presidents meeting in Paris in 1850"
TIMEOUT = 1.5


def script(r: Request) -> str | Stall:
    if r.is_rewrite:
        return "When is GSOMIA due to expire?" if "expire" in r.question else r.question
    q = r.question
    if q == MAIN:
        any_time = r.passage_with("at any time")
        troops = r.passage_with("470")
        return (
            f"Seoul halted the effect of its August announcement, on the condition that GSOMIA can be ended at any time [{any_time}]. "
            "Tokyo agreed to resume talks on export controls with Seoul. "  # true, but uncited
            f"{FABRICATED} [{any_time}]. "  # cited, but no passage says so
            f"More than 470 South Korean troops were expected to take part in Cobra Gold [{troops}, 42]. "  # 42: no such passage
            f"Seoul also demanded an apology from the Japanese emperor [0]."  # 0: no such passage, and nothing to attach
        )
    if q == "What is GSOMIA?":
        n, m = r.passage_with("General Security of Military Information Agreement"), r.passage_with("2016")
        return f"GSOMIA is the General Security of Military Information Agreement, a military intelligence-sharing pact [{n}]. It was first signed in 2016 [{m}]."
    if q == "Who won the 2019 Nobel Prize in Physics?":
        return "The articles do not say."
    if q == "When was the intelligence-sharing pact due to expire?":
        return Stall(30)  # far past the timeout: the reader must not wait for it
    if q == "How did Japan react to South Korea's decision?":
        n = r.passage_with("Tokyo")
        return Stall(30, before=f"Japan agreed to talk about its export controls with South Korea [{n}]. Then")
    if q == "When is GSOMIA due to expire?":
        n = r.passage_with("expir")
        return f"The pact was due to expire at midnight on Nov. 22 [{n}]."
    raise AssertionError(f"unscripted question {q!r}")


@pytest.fixture(scope="module")
def llm_server():
    with ScriptedLLM(script) as server:
        yield server


def llm_engine(engine, seeded_home, url: str, provider: str = "openai"):
    from qa.engine import Engine

    s = Settings(home=seeded_home, llm=f"{provider}:scripted-model", llm_options=LLMSettings(base_url=url, timeout=TIMEOUT))
    e = Engine(s)
    e.encoder._model = engine.encoder.model  # loading the model again would only cost time
    return e


@pytest.fixture(scope="module")
def llm(engine, seeded_home, llm_server):
    return llm_engine(engine, seeded_home, f"{llm_server.url}/v1")


@pytest.fixture(scope="module")
def main_answer(llm):
    return llm.ask(MAIN)


def _sentence(answer, start: str):
    found = [s for s in answer.sentences if s.text.startswith(start)]
    assert len(found) == 1, [s.text for s in answer.sentences]
    return found[0]


def test_numbers_that_are_no_retrieved_passage_are_removed(main_answer):
    a = main_answer
    assert not a.abstained and a.model == "openai:scripted-model" and not a.note
    markers = [int(n) for n in re.findall(r"\[(\d+)\]", a.answer)]
    assert 42 not in markers and 0 not in markers
    # what is left is numbered 1..k in order of first use, and each number is a citation
    assert sorted(set(markers)) == [c.n for c in a.citations] == list(range(1, len(a.citations) + 1))
    troops = _sentence(a, "More than 470")
    assert troops.citations and not troops.unsupported
    assert "470" in a.citations[troops.citations[0] - 1].quote
    vague = _sentence(a, "Seoul also demanded")
    assert vague.citations == [] and vague.unsupported


def test_an_uncited_claim_gets_the_passage_that_supports_it(main_answer):
    a = main_answer
    s = _sentence(a, "Tokyo agreed to resume talks")
    assert len(s.citations) == 1 and not s.unsupported
    c = a.citations[s.citations[0] - 1]
    assert c.doc_id == "001_30ac947a5b8d4595.txt" and re.search(r"Tokyo [^.]*export", c.text)


def test_a_claim_no_cited_passage_supports_is_marked(main_answer):
    a = main_answer
    fabricated = _sentence(a, FABRICATED)
    assert fabricated.unsupported
    good = _sentence(a, "Seoul halted the effect")
    assert not good.unsupported and good.citations
    assert "at any time" in a.citations[good.citations[0] - 1].quote
    unsupported = [s.text for s in a.sentences if s.unsupported]
    assert len(unsupported) == 2, unsupported


def test_json_has_the_sentences_and_keeps_the_offline_fields(main_answer):
    d = json.loads(json.dumps(main_answer.to_json()))
    assert {"question", "answer", "abstained", "citations", "latency_ms"} <= set(d)
    assert d["model"] == "openai:scripted-model"
    assert [s["text"] for s in d["sentences"]] and " ".join(s["text"] for s in d["sentences"]) == d["answer"]
    flagged = [s for s in d["sentences"] if s["unsupported"] is True]
    assert any(s["text"].startswith(FABRICATED) for s in flagged)
    assert all(set(c) == {"n", "doc_id", "title", "source", "date", "text", "quote", "score"} for c in d["citations"])


def test_the_prompt_numbers_the_retrieved_passages_and_asks_for_citations(llm, llm_server, main_answer):
    # main_answer: the question this test reads the prompt of is asked here, whatever ran before
    req = next(r for r in llm_server.requests if r.question == MAIN)
    assert "[n]" in req.system and "The articles do not say" in req.system
    passages = llm.retrieve(MAIN)
    assert list(req.passages) == list(range(1, len(passages) + 1))
    assert [t[:60] for t in req.passages.values()] == [" ".join(p.chunk.text.split())[:60] for p in passages]


def test_streaming_grows_sentence_by_sentence(llm):
    snaps = [(len(a.sentences), a.draft, a.answer) for a in llm.ask_stream("What is GSOMIA?")]
    assert len(snaps) > 5
    counts = [n for n, _, _ in snaps]
    assert counts == sorted(counts) and counts[-1] == 2
    assert any(draft for _, draft, _ in snaps[:-1]), "the sentence being written is shown while it streams"
    assert snaps[-1][1] == "" and "[1]" in snaps[-1][2]
    assert all("[" not in draft for _, draft, _ in snaps)  # unchecked markers are never shown


def test_the_articles_do_not_say(llm):
    a = llm.ask("Who won the 2019 Nobel Prize in Physics?")
    assert a.abstained and a.answer == "The articles do not say." and not a.citations
    assert not any(s.unsupported for s in a.sentences)


def test_a_slow_server_gives_the_offline_answer_with_a_note(llm, engine):
    q = "When was the intelligence-sharing pact due to expire?"
    t0 = time.perf_counter()
    a = llm.ask(q)
    assert time.perf_counter() - t0 < 15  # the server stalls for 30 s
    assert "did not answer" in a.note and f"{TIMEOUT:g} s" in a.note and "offline answer" in a.note
    assert a.answer == engine.ask(q).answer and not a.model and not a.sentences
    assert a.to_json()["note"] == a.note


def test_a_server_stalling_mid_answer_keeps_the_checked_sentences(llm):
    a = llm.ask("How did Japan react to South Korea's decision?")
    assert [s.text.split(" [")[0] for s in a.sentences] == ["Japan agreed to talk about its export controls with South Korea."]
    assert "stopped before finishing" in a.note


def test_a_server_that_is_down_gives_the_offline_answer(engine, seeded_home):
    from conftest import free_port

    down = llm_engine(engine, seeded_home, f"http://127.0.0.1:{free_port()}/v1")
    a = down.ask(MAIN)
    assert "cannot connect" in a.note and not a.abstained and a.citations
    assert a.answer == engine.ask(MAIN).answer


def test_follow_ups_are_rewritten_by_the_model(llm, llm_server):
    history = [("What is GSOMIA?", "GSOMIA is a military intelligence-sharing pact [1].")]
    a = llm.ask("When is it due to expire?", history=history)
    assert a.search_query == "When is GSOMIA due to expire?"
    rewrite = [r for r in llm_server.requests if r.is_rewrite][-1]
    assert "What is GSOMIA?" in rewrite.user and rewrite.question == "When is it due to expire?"
    assert "Nov. 22" in a.answer and a.citations


def test_ollama_provider(engine, seeded_home, llm_server):
    ollama = llm_engine(engine, seeded_home, llm_server.url, provider="ollama")
    a = ollama.ask("What is GSOMIA?")
    assert a.model == "ollama:scripted-model" and not a.note
    assert len(a.sentences) == 2 and all(s.citations and not s.unsupported for s in a.sentences)


def test_a_malformed_llm_setting_is_one_clear_error(tmp_path, monkeypatch, capsys):
    from qa.cli import main

    monkeypatch.setenv("QA_HOME", str(tmp_path))
    monkeypatch.setenv("QA_LLM", "gpt-4o")
    assert main(["ask", "What is GSOMIA?"]) == 2
    assert capsys.readouterr().err.strip() == "error: QA_LLM must look like openai:MODEL or ollama:MODEL (or be empty for offline answers), not 'gpt-4o'"


def test_qa_ask_shows_the_marks_and_the_json_sentences(llm, monkeypatch, capsys):
    from qa import cli

    monkeypatch.setattr(cli, "_engine", lambda: llm)
    assert cli.main(["ask", MAIN]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert re.search(re.escape(FABRICATED) + r"\. \[\d\] \(unsupported\)", out), out
    assert "Sources:" in out
    assert cli.main(["ask", MAIN, "--json"]) == 0
    d = json.loads(capsys.readouterr().out)
    assert [s["unsupported"] for s in d["sentences"]].count(True) == 2

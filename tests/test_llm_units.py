"""The pure parts of model-written answers, without a model or a server: cutting a stream into
sentences, reading citation markers, names and numbers, the settings, and how the chat shows
checked sentences."""

from __future__ import annotations

import pytest

from qa.errors import QAError
from qa.llm import parse_spec, without_thinking
from qa.settings import Settings
from qa.verify import SentenceSplitter, _mentioned, marker_numbers, names, numbers, says_not_known, strip_markers
from ui import render


def feed_by_characters(text: str) -> tuple[list[str], list[str]]:
    """Sentences as they complete when the text arrives a few characters at a time, and the drafts seen."""
    sp, done, drafts = SentenceSplitter(), [], []
    for i in range(0, len(text), 3):
        done += sp.feed(text[i : i + 3])
        drafts.append(sp.draft)
    return done + sp.flush(), drafts


def test_a_stream_is_cut_into_sentences_with_their_markers():
    text = "Seoul halted it [1]. Mr. Moon spoke in the U.S. on Friday. [Passage 2] Tokyo agreed [3, 9].\nThen talks resumed"
    done, drafts = feed_by_characters(text)
    assert done == ["Seoul halted it [1].", "Mr. Moon spoke in the U.S. on Friday. [Passage 2]", "Tokyo agreed [3, 9].", "Then talks resumed"]
    assert all("[" not in d for d in drafts), "markers are shown only once checked"
    assert "Mr. Moon spoke in the U.S. on" in drafts


def test_markers_numbers_and_names():
    assert marker_numbers("A [1, 2] b [2][7] c [3;4] d [Passage 5].") == [1, 2, 7, 3, 4, 5]
    assert strip_markers("Seoul halted it [Source 2].") == "Seoul halted it."
    assert strip_markers("Tokyo agreed [3, 9]. ") == "Tokyo agreed."
    assert numbers("1,200 troops, three ships, 2019 and 4.5%") == {"1200", "3", "2019", "4.5"}
    assert names("More than 470 South Korean troops joined Cobra Gold with the U.S.") == {"south", "korean", "cobra", "gold", "us"}
    assert names("GSOMIA expired.") == {"gsomia"}  # an acronym counts even first
    words = {"seoul", "korea", "japanese", "nov", "22", "us"}
    assert all(_mentioned(n, words) for n in ("korean", "japan", "november", "us", "seoul"))
    assert not any(_mentioned(n, words) for n in ("paris", "kor", "u", "tokyo"))


@pytest.mark.parametrize("text", ["The articles do not say.", "The passages don't mention who won.", "The articles do not say what Tokyo wanted [2]."])
def test_the_articles_do_not_say(text):
    assert says_not_known(text)


def test_a_claim_is_not_taken_for_not_knowing():
    assert not says_not_known("Seoul said it does not plan to end the pact.")


def test_llm_setting():
    assert parse_spec("ollama:llama3.2:3b") == ("ollama", "llama3.2:3b")
    assert parse_spec("OpenAI:gpt-4o-mini") == ("openai", "gpt-4o-mini")
    for bad in ("gpt-4o", "openai:", "claude:x"):
        with pytest.raises(QAError, match="QA_LLM must look like openai:MODEL or ollama:MODEL"):
            parse_spec(bad)
    s = Settings(_env_file=None)
    assert s.llm == "" and s.llm_options.timeout > 0
    assert all(f.description for f in type(s.llm_options).model_fields.values())
    assert "secret" not in repr(Settings(llm_options={"api_key": "secret"}).llm_options)


def test_settings_from_the_environment(monkeypatch):
    monkeypatch.setenv("QA_LLM", "openai:qwen2.5")
    monkeypatch.setenv("QA_LLM_OPTIONS__BASE_URL", "http://127.0.0.1:8080/v1")
    monkeypatch.setenv("QA_LLM_OPTIONS__API_KEY", "sk-local")
    s = Settings()
    assert (s.llm, s.llm_options.base_url, s.llm_options.api_key.get_secret_value()) == ("openai:qwen2.5", "http://127.0.0.1:8080/v1", "sk-local")


def _turn(sentences: list[dict], **answer) -> dict:
    text = " ".join(s["text"] for s in sentences)
    return {"question": "Why?", "answer": {"answer": text, "abstained": False, "sentences": sentences, **answer}}


def test_the_chat_marks_unsupported_sentences_and_escapes_them():
    turn = _turn([
        {"text": "Seoul halted it. [1]", "citations": [1], "unsupported": False},
        {"text": "Presidents met <img src=x onerror=alert(1)> in Paris. [1]", "citations": [1], "unsupported": True},
    ])
    content = render.chat_messages([turn])[1]["content"]
    first, second = content.split("\n\n")
    assert render.UNSUPPORTED_MARK not in first
    assert second.endswith(render.UNSUPPORTED_MARK) and "<img" not in second and "\\[1\\]" in second


def test_the_chat_shows_the_sentence_being_written_and_the_note():
    turn = _turn([{"text": "Seoul halted it. [1]", "citations": [1], "unsupported": False}])
    streaming = render.chat_messages([turn], draft="Tokyo <b>agreed")[1]["content"]
    assert streaming.endswith("Tokyo &lt;b&gt;agreed ▍") and "No answer" not in streaming
    assert "▍" not in render.chat_messages([turn])[1]["content"]
    noted = {"question": "q", "answer": {"answer": "Seoul halted it. [1]", "abstained": False, "note": "The language model (openai:m) did not answer."}}
    assert render.chat_messages([noted])[1]["content"].startswith("_The language model \\(openai:m\\) did not answer._")


def test_a_reasoning_models_thoughts_are_not_part_of_the_answer():
    def run(pieces):
        return "".join(without_thinking(iter(pieces)))

    assert run(["<thi", "nk>Let me see: Paris", " 1850.</th", "ink>\n\nSeoul halted", " it [1]."]) == "Seoul halted it [1]."
    assert run(["Seoul ", "halted it [1]."]) == "Seoul halted it [1]."
    assert run(["<", "b>Seoul</b> [1]."]) == "<b>Seoul</b> [1]."
    assert run(["<think>never closed"]) == ""
    assert run(["<th"]) == "<th"

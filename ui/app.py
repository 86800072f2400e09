"""The Gradio app: a cited chat with a Sources panel, a Corpus tab and an `ask` API endpoint.

Each handler makes one call into the engine and formats the result with `ui.render`; any
`QAError` becomes a `gr.Error` with its message, so a reader sees a sentence, never a traceback."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from itertools import chain
from typing import Any

import gradio as gr
from starlette.routing import BaseRoute

from qa.engine import Engine
from qa.errors import QAError
from qa.settings import Settings
from ui import render, uploads

EXAMPLES = [
    "Why did Seoul suspend termination?",
    "What is GSOMIA?",
    "When was the intelligence-sharing pact due to expire?",
    "How did Japan react to South Korea's decision?",
]

# System fonts only: the default theme would fetch Google Fonts, and the app must work offline.
THEME = gr.themes.Default(
    font=["ui-sans-serif", "system-ui", "-apple-system", "Segoe UI", "sans-serif"],
    font_mono=["ui-monospace", "SFMono-Regular", "Menlo", "monospace"],
)

CSS = """
.qa-sources { max-height: 640px; overflow-y: auto; }
.qa-card { border: 1px solid var(--border-color-primary); border-radius: 8px; padding: 10px 12px; margin-bottom: 10px; }
.qa-card-title { font-weight: 600; }
.qa-n { color: var(--color-accent); font-weight: 700; }
.qa-meta { font-size: 0.85em; opacity: 0.75; margin: 2px 0 6px; }
.qa-passage { white-space: pre-wrap; font-size: 0.92em; line-height: 1.45; }
.qa-passage mark, .qa-quote mark { background: #fde68a; color: inherit; padding: 0 2px; border-radius: 2px; }
.qa-hint { opacity: 0.7; }
"""


def _fail(e: QAError) -> gr.Error:
    return gr.Error(str(e), print_exception=False)


def build(engine: Engine) -> gr.Blocks:
    """The whole app over one engine (shared by every session; the engine guards its own state)."""
    settings = engine.settings
    delay = max(0.0, settings.server.stream_delay)
    max_k = min(20, settings.retrieve.max_top_k)

    # -- chat -----------------------------------------------------------------------------------
    def chat(question: str, turns: list[dict], top_k: float, outlets: list[str] | None, since: str, until: str) -> Iterator[tuple]:
        history = [(t["question"], t["answer"]["answer"]) for t in turns]
        try:
            answers = engine.ask_stream(question, history=history, top_k=int(top_k), sources=outlets or None, since=since or None, until=until or None)
            answer = first = next(answers)
            if first.model:  # a language model writes it: shown as it streams in, each sentence once checked
                for answer in chain([first], answers):
                    live = [*turns, {"question": answer.question, "answer": answer.to_json()}]
                    yield render.chat_messages(live, draft=answer.draft), gr.skip(), turns, ""
        except QAError as e:
            raise _fail(e) from None
        turns = [*turns, {"question": answer.question, "answer": answer.to_json()}]
        if not answer.model:
            # The offline answerer answers at once; streaming it out lets the reader start reading sentence by sentence.
            for piece in render.stream_pieces(answer.answer):
                yield render.chat_messages(turns, piece), gr.skip(), turns, ""
                if delay:
                    time.sleep(delay)
        yield render.chat_messages(turns), render.sources_html(answer), turns, ""

    def clear() -> tuple:
        return [], [], render.EMPTY_SOURCES, ""

    def vote(turns: list[dict], data: gr.LikeData) -> None:
        choice = {True: "up", False: "down"}.get(data.liked)  # "" is a vote taken back: nothing to keep
        index = data.index[0] if isinstance(data.index, (list, tuple)) else data.index
        if choice is None or not isinstance(index, int) or not 0 <= index // 2 < len(turns):
            return
        turn = turns[index // 2]  # messages alternate question, answer
        engine.record_feedback(turn["question"], turn["answer"], choice)
        gr.Info("Thanks: your vote is saved.")

    # -- corpus ---------------------------------------------------------------------------------
    def refresh() -> tuple:
        articles = engine.articles()
        chunks = sum(a.chunks for a in articles)
        outlets = sorted({a.source for a in articles if a.source})
        corpora = {a.doc_id: a.corpus for a in articles}
        return (
            render.article_rows(articles),
            f"{len(articles)} articles, {chunks} passages indexed.",
            gr.update(choices=render.article_choices(articles), value=None),
            gr.update(choices=outlets),
            corpora,
        )

    def add_files(files: list[str] | None, progress: gr.Progress = gr.Progress()) -> tuple:  # noqa: B008 (Gradio injects it)
        if not files:
            raise gr.Error("Choose one or more files first.", print_exception=False)
        stored = uploads.store(files, settings)
        lines = [f"Refused: {r}" for r in stored.refused]
        if stored.saved:

            def step(done: int, total: int, name: str) -> None:
                progress((done, total), desc=f"Ingesting {name}", unit="articles")

            try:
                report = engine.ingest([uploads.uploads_dir(settings)], progress=step)
            except QAError as e:
                raise _fail(e) from None
            lines += [f"Refused: {r}" for r in uploads.drop_unreadable(report.failed, stored.saved, settings)]
            kept = [n for n in stored.saved if (uploads.uploads_dir(settings) / n).exists()]  # unreadable ones were dropped
            if kept:
                lines.insert(0, f"Ingested {', '.join(kept)}: {report.added} added, {report.updated} updated, {report.skipped} unchanged.")
        return "\n\n".join(render.escape_md(line) for line in lines), None

    def remove(doc_id: str | None, corpora: dict[str, str]) -> str:
        if not doc_id:
            raise gr.Error("Choose an article to remove.", print_exception=False)
        try:
            removed = engine.remove(doc_id)
        except QAError as e:
            raise _fail(e) from None
        uploads.forget(doc_id, corpora.get(doc_id, ""), settings)
        return render.escape_md(f"Removed {doc_id}." if removed else f"{doc_id} was not in the index.")

    # -- API ------------------------------------------------------------------------------------
    def ask(question: str, top_k: int | None = None, sources: list[str] | None = None, since: str | None = None, until: str | None = None) -> dict:
        """
        Answer a question from the ingested articles, with citations: the same JSON object as `qa ask --json`.
        Parameters:
            question: the question, e.g. "Why did Seoul suspend termination?"
            top_k: passages to retrieve (empty: the configured default)
            sources: only articles from these outlets (empty: all)
            since: only articles dated on or after this day, YYYY-MM-DD
            until: only articles dated on or before this day, YYYY-MM-DD
        Returns:
            {"question", "answer", "abstained", "citations": [{"n", "doc_id", "title", "source", "date", "text", "quote", "score"}], "latency_ms"},
            plus "sentences": [{"text", "citations", "unsupported"}] and "model" when a language model wrote it, and "note" when there is one
        """
        if isinstance(sources, str):  # one outlet sent as a plain string
            sources = [sources]
        try:  # top_k 0 is refused, not taken for "empty"
            return engine.ask(question, top_k=top_k, sources=sources or None, since=since or None, until=until or None).to_json()
        except QAError as e:
            raise _fail(e) from None

    with gr.Blocks(title="News QA", analytics_enabled=False) as app:
        turns = gr.State([])
        corpora = gr.State({})
        gr.Markdown("## News QA\nAnswers drawn from the ingested news articles, every sentence with its source.")
        with gr.Tab("Chat"):
            with gr.Row():
                with gr.Column(scale=3):
                    chatbot = gr.Chatbot(
                        label="Conversation",
                        height=520,
                        sanitize_html=True,
                        allow_tags=False,
                        latex_delimiters=[],
                        buttons=["copy", "copy_all"],
                        feedback_options=["Like", "Dislike"],
                        elem_id="chat",
                    )
                    with gr.Row():
                        question = gr.Textbox(
                            placeholder="Ask about the articles, e.g. Why did Seoul suspend termination?",
                            show_label=False,
                            scale=5,
                            max_lines=4,
                            elem_id="question",
                        )
                        ask_btn = gr.Button("Ask", variant="primary", scale=1, elem_id="ask")
                    examples = gr.Examples(EXAMPLES, inputs=[question], label="Examples")
                    with gr.Accordion("Search settings", open=False):
                        top_k = gr.Slider(1, max_k, value=min(settings.retrieve.top_k, max_k), step=1, label="Passages to search (top-k)")
                        outlets = gr.Dropdown(choices=engine.sources(), multiselect=True, label="Only these outlets (none: all)")
                        with gr.Row():
                            since = gr.Textbox(label="Since", placeholder="YYYY-MM-DD")
                            until = gr.Textbox(label="Until", placeholder="YYYY-MM-DD")
                    clear_btn = gr.Button("Clear conversation", elem_id="clear")
                with gr.Column(scale=2):
                    sources = gr.HTML(render.EMPTY_SOURCES, elem_id="sources", js_on_load=None)
        with gr.Tab("Corpus"):
            summary = gr.Markdown(elem_id="corpus-summary")
            table = gr.Dataframe(
                headers=render.ARTICLE_HEADERS,
                datatype=["str", "str", "str", "number", "str"],
                interactive=False,
                show_search="search",
                wrap=True,
                column_widths=["44%", "16%", "11%", "7%", "22%"],
                elem_id="articles",
            )
            with gr.Row():
                with gr.Column():
                    files = gr.File(
                        file_count="multiple",
                        file_types=list(settings.ingest.extensions),
                        label=f"Add articles ({' '.join(settings.ingest.extensions)}, up to {settings.ingest.max_file_mb:g} MB each)",
                        elem_id="upload",
                    )
                    add_btn = gr.Button("Add to the corpus", variant="primary", elem_id="add")
                with gr.Column():
                    doomed = gr.Dropdown(label="Article to remove", choices=[], filterable=True, elem_id="remove-choice")
                    remove_btn = gr.Button("Remove article", variant="stop", elem_id="remove")
            status = gr.Markdown(elem_id="corpus-status")

        chat_io: dict[str, Any] = {
            "fn": chat,
            "inputs": [question, turns, top_k, outlets, since, until],
            "outputs": [chatbot, sources, turns, question],
            "api_visibility": "private",
        }
        asking = [
            question.submit(**chat_io),
            ask_btn.click(**chat_io),
            examples.load_input_event.then(**chat_io),  # one click on an example asks it
        ]
        # Clearing stops an answer still streaming in: else its next piece would bring the conversation back.
        clear_btn.click(clear, outputs=[chatbot, turns, sources, question], api_visibility="private", queue=False, cancels=asking)
        chatbot.clear(clear, outputs=[chatbot, turns, sources, question], api_visibility="private", queue=False, cancels=asking)
        chatbot.like(vote, inputs=[turns], api_visibility="private")

        listing = [table, summary, doomed, outlets, corpora]
        corpus_io: dict[str, Any] = {"api_visibility": "private", "concurrency_limit": 1, "concurrency_id": "corpus"}
        app.load(refresh, outputs=listing, api_visibility="private")
        add_btn.click(add_files, inputs=[files], outputs=[status, files], **corpus_io).then(refresh, outputs=listing, api_visibility="private")
        remove_btn.click(remove, inputs=[doomed, corpora], outputs=[status], **corpus_io).then(refresh, outputs=listing, api_visibility="private")

        gr.api(ask, api_name="ask")
    return app


def auth_pair(auth: str) -> tuple[str, str] | None:
    """`user:password` from settings as Gradio's (user, password); empty means no login."""
    if not auth:
        return None
    user, sep, password = auth.partition(":")
    if not sep or not user or not password:
        raise QAError("QA_AUTH must look like user:password (or be empty for no login)")
    return user, password


def exposure_warning(host: str, auth: str) -> str | None:
    """A warning when the app is reachable from other machines without a login."""
    if host in ("127.0.0.1", "localhost", "::1") or auth:
        return None
    return f"warning: serving on {host} without a login: anyone who can reach this address can use the app and change the corpus; set QA_AUTH=user:password"


def launch(
    app: gr.Blocks, settings: Settings, host: str | None = None, port: int | None = None, block: bool = True, quiet: bool = False,
    routes: list[BaseRoute] | None = None,
) -> None:
    """Start the server with the queue, the login and the offline options from settings; `routes`
    are served next to the app (the OpenAI-compatible endpoint)."""
    host = host or settings.server.host
    port = port or settings.server.port
    auth = auth_pair(settings.auth)
    warning = exposure_warning(host, settings.auth)
    if warning:
        print(warning, file=sys.stderr)
    app.queue(default_concurrency_limit=max(1, settings.server.concurrency))
    app.launch(
        server_name=host,
        server_port=port,
        auth=auth,
        auth_message="Log in to ask questions about the news articles." if auth else None,
        prevent_thread_lock=not block,
        quiet=quiet,
        share=False,
        ssr_mode=False,
        mcp_server=False,
        pwa=False,
        inbrowser=False,
        footer_links=["api", "settings"],
        max_file_size=int(settings.ingest.max_file_mb * 1024 * 1024),  # bytes: Gradio refuses bigger uploads before they land
        state_session_capacity=max(1, settings.server.max_sessions),  # Gradio's default, 10,000, is ~700 MB
        theme=THEME,
        css=CSS,
        app_kwargs={"routes": list(routes)} if routes else None,  # FastAPI(routes=...): in place before the server starts
    )


def serve(engine: Engine, host: str | None = None, port: int | None = None) -> None:
    """`qa serve`: build the app (and the OpenAI-compatible endpoint) over the engine and serve until interrupted."""
    from ui import handoff, openai_api

    s = engine.settings
    answers = f"written by {engine.llm.spec} at {engine.llm.base_url}, checked against the passages" if engine.llm else "offline (set QA_LLM for a language model)"
    print(f"answers: {answers}", file=sys.stderr)
    print(f"OpenAI-compatible endpoint: http://{host or s.server.host}:{port or s.server.port}/v1 (model {openai_api.MODEL_ID})", file=sys.stderr, flush=True)
    launch(build(engine), s, host, port, block=True, routes=openai_api.routes(engine) + handoff.routes(engine))

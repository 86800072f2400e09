"""The Gradio app: a cited chat with a Sources panel per answer, saved conversations, an article
viewer, a story timeline, a Corpus tab, and `ask` / `timeline` API endpoints.

Each handler makes one call into the engine and formats the result with `ui.render` / `ui.views`.
A `QAError` becomes a toast (gr.Warning) and the handler leaves every output as it was: a raised
gr.Error would cover the chat, the question and the sources with red badges. The API endpoints
raise gr.Error, which a client receives as the error."""

from __future__ import annotations

import json
import re
import sys
import tempfile
import time
import uuid
from collections import deque
from collections.abc import Iterator
from itertools import chain
from pathlib import Path
from typing import Any

import gradio as gr
from starlette.routing import BaseRoute

from qa.engine import Engine
from qa.errors import QAError
from qa.settings import Settings
from ui import page, render, uploads, views
from ui.auth import exposure_warning, logins

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
CSS = page.CSS


def _toast(e: Exception) -> None:
    """A readable message that leaves everything on the page as it was (a raised gr.Error would put
    red Error badges over every output of the event)."""
    gr.Warning(str(e), title="Cannot do that")


def _owner(request: gr.Request | None, browser: str) -> str:
    """Whose conversations: the logged-in user's, else this browser's."""
    user = getattr(request, "username", None) if request is not None else None
    return f"user:{user}" if user else f"browser:{browser}"


def _request(raw: str) -> dict:
    try:
        data = json.loads(raw or "{}")
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def build(engine: Engine) -> gr.Blocks:
    """The whole app over one engine (shared by every session; the engine guards its own state)."""
    settings = engine.settings
    delay = max(0.0, settings.server.stream_delay)
    max_k = min(20, settings.retrieve.max_top_k)
    secret = engine.browser_secret()

    def history(listing: list, selected: str = "") -> dict:
        return gr.update(choices=views.history_choices(listing), value=selected or None)

    # -- chat -----------------------------------------------------------------------------------
    def chat(
        question: str, turns: list[dict], conv: str, browser: str, top_k: float, outlets: list[str] | None, since: str, until: str,
        undated: bool, unsourced: bool, request: gr.Request,
    ) -> Iterator[tuple]:
        yield from answer_turn(question, turns, turns, conv, browser, top_k, outlets, since, until, undated, unsourced, request)

    def as_new_topic(
        turns: list[dict], conv: str, browser: str, top_k: float, outlets: list[str] | None, since: str, until: str,
        undated: bool, unsourced: bool, request: gr.Request,
    ) -> Iterator[tuple]:
        """The last question again, read on its own rather than as a follow-up."""
        if not turns:
            yield (gr.skip(),) * 6
            return
        yield from answer_turn(turns[-1]["question"], turns, [], conv, browser, top_k, outlets, since, until, undated, unsourced, request)

    def answer_turn(
        question: str, turns: list[dict], history: list[dict], conv: str, browser: str, top_k: float, outlets: list[str] | None,
        since: str, until: str, undated: bool, unsourced: bool, request: gr.Request,
    ) -> Iterator[tuple]:
        browser = browser or uuid.uuid4().hex
        keep = (gr.skip(),) * 5
        try:
            steps = engine.chat(_owner(request, browser), conv, question, history, int(top_k), outlets or None, since, until,
                                bool(undated), bool(unsourced))
            last = first = next(steps)
            if first[0].model:  # a language model writes it: shown as it streams in, each sentence once checked
                for last in chain([first], steps):
                    if last[1] is None:
                        live = [*turns, {"question": last[0].question, "answer": last[0].to_json()}]
                        yield render.chat_messages(live, draft=last[0].draft), gr.skip(), turns, "", gr.skip(), browser
            else:
                last = deque(chain([first], steps), maxlen=1)[0]
            answer, turn, saved = last
        except QAError as e:
            _toast(e)
            yield (*keep, gr.skip())
            return
        if turn is None:  # the answer was not saved (cannot happen unless the engine stopped early)
            return
        done = [*turns, turn]
        if not answer.model:
            # The offline answerer answers at once; streaming it out lets the reader start reading sentence by sentence.
            for piece in render.stream_pieces(render.answer_sentences(turn["answer"])):
                yield render.chat_messages(done, piece), gr.skip(), turns, "", gr.skip(), browser
                if delay:
                    time.sleep(delay)
        yield render.chat_messages(done), render.sources_panel(done), done, "", saved, browser

    def start(browser: str, conv: str, request: gr.Request) -> tuple:
        """On page load: this browser's id, and the conversation it had open."""
        browser = browser or uuid.uuid4().hex
        try:
            listing, turns, conv = engine.conversation_state(_owner(request, browser), conv)
        except QAError as e:
            _toast(e)
            return browser, "", [], [], render.EMPTY_SOURCES, gr.skip()
        return browser, conv, turns, render.chat_messages(turns), render.sources_panel(turns), history(listing, conv)

    def reopen(selected: str | None, browser: str, request: gr.Request) -> tuple:
        try:
            listing, turns, conv = engine.conversation_state(_owner(request, browser), selected)
        except QAError as e:
            _toast(e)
            return (gr.skip(),) * 5
        return conv, turns, render.chat_messages(turns), render.sources_panel(turns), history(listing, conv)

    def refresh_history(conv: str, browser: str, request: gr.Request) -> dict:
        try:
            listing, _, conv = engine.conversation_state(_owner(request, browser), conv)
        except QAError:
            return gr.skip()
        return history(listing, conv)

    def new_chat() -> tuple:
        return [], [], render.EMPTY_SOURCES, "", "", gr.update(value=None), gr.update(visible=False)

    def rename(title: str, conv: str, browser: str, request: gr.Request) -> tuple:
        if not conv:
            _toast(QAError("ask a question first: a conversation is saved with its first answer"))
            return gr.skip(), gr.skip()
        try:
            listing = engine.rename_conversation(_owner(request, browser), conv, title)
        except QAError as e:
            _toast(e)
            return gr.skip(), gr.skip()
        return history(listing, conv), ""

    def delete(conv: str, browser: str, request: gr.Request) -> tuple:
        if not conv:
            _toast(QAError("choose a conversation in the history list first"))
            return (gr.skip(),) * 5
        try:
            listing = engine.delete_conversation(_owner(request, browser), conv)
        except QAError as e:
            _toast(e)
            return (gr.skip(),) * 5
        gr.Info("Conversation deleted.")
        return "", [], [], render.EMPTY_SOURCES, history(listing)

    def export(conv: str, browser: str, request: gr.Request) -> dict:
        if not conv:
            _toast(QAError("ask a question first: there is nothing to export yet"))
            return gr.skip()
        try:
            title, markdown = engine.export_conversation(_owner(request, browser), conv)
        except QAError as e:
            _toast(e)
            return gr.skip()
        name = re.sub(r"[^A-Za-z0-9]+", "-", title).strip("-")[:60] or "conversation"
        path = Path(tempfile.mkdtemp(prefix="qa-export-")) / f"{name}.md"
        path.write_text(markdown, encoding="utf-8")
        return gr.update(value=str(path), visible=True)

    def vote(turns: list[dict], data: gr.LikeData) -> None:
        choice = {True: "up", False: "down"}.get(data.liked)  # "" is a vote taken back: nothing to keep
        index = data.index[0] if isinstance(data.index, (list, tuple)) else data.index
        if choice is None or not isinstance(index, int) or not 0 <= index // 2 < len(turns):
            return
        turn = turns[index // 2]  # messages alternate question, answer
        engine.record_feedback(turn["question"], turn["answer"], choice)
        gr.Info("Thanks: your vote is saved.")

    def followup_button(turns: list[dict]) -> dict:
        return gr.update(visible=bool(turns and render.read_as(turns[-1])))

    def show_chips(outlets: list[str] | None, since: str, until: str, undated: bool, unsourced: bool) -> str:
        return views.chips(outlets, since, until, undated, unsourced)

    def page_request(raw: str, turns: list[dict], outlets: list[str] | None) -> tuple:
        """What the page's script asks for (ui.page): open an article, drop a filter chip, remove an article."""
        req = _request(raw)
        skip5 = (gr.skip(),) * 5
        if req.get("kind") == "open":
            return (*open_article(req, turns), *(gr.skip(),) * 6)
        if req.get("kind") == "chip":
            return (*skip5, *drop_chip(req, outlets), gr.skip())
        if req.get("kind") == "remove":
            return (*skip5, *(gr.skip(),) * 5, remove(req))
        return (gr.skip(),) * 11

    def drop_chip(req: dict, outlets: list[str] | None) -> tuple:
        """Updates of (outlets, since, until, undated, unsourced) that drop one filter."""
        drop = str(req.get("drop", ""))
        out = [gr.skip()] * 5
        if drop.startswith("outlet:"):
            out[0] = [o for o in outlets or [] if o != drop[len("outlet:"):]]
        elif drop in ("since", "until"):
            out[1 if drop == "since" else 2] = ""
        elif drop in ("undated", "unsourced"):  # dropping "without undated articles" includes them again
            out[3 if drop == "undated" else 4] = True
        return tuple(out)

    # -- article viewer, timeline ---------------------------------------------------------------
    def open_article(req: dict, turns: list[dict]) -> tuple:
        doc = str(req.get("doc", ""))
        if not doc:
            return (gr.skip(),) * 5
        passage, quotes = "", []
        try:
            t = turns[int(req.get("turn"))] if str(req.get("turn", "")).isdigit() else None
        except (IndexError, ValueError):
            t = None
        if t is not None:
            cites = [c for c in t.get("citations", []) if c.get("doc_id") == doc]
            hit = next((c for c in cites if str(c.get("n")) == str(req.get("n"))), cites[0] if cites else None)
            if hit:
                passage = hit["text"]
                quotes = [(c["quote"], c.get("quote_start", 0), c.get("quote_end", 0), c["n"]) for c in cites if c["text"] == passage]
            else:
                passage = next((p["text"] for p in t.get("passages", []) if p.get("doc_id") == doc), "")
        try:
            info, text = engine.article(doc)
        except QAError as e:
            _toast(e)
            return (gr.skip(),) * 5
        return views.article_view(info, text, passage, quotes, str(req.get("q", ""))), doc, info.title, info.source, info.date

    def edit_article(doc: str, title: str, outlet: str, day: str) -> tuple:
        if not doc:
            _toast(QAError("open an article first"))
            return gr.skip(), gr.skip()
        try:
            report = engine.edit_article(doc, title, outlet, day)
        except QAError as e:
            _toast(e)
            return gr.skip(), gr.skip()
        gr.Info("Saved: the article's details are kept in its folder's manifest.")
        # Reopened through the page's request box: the viewer shows the article as it is now.
        return json.dumps({"kind": "open", "doc": doc, "at": time.time()}), render.escape_md(f"Saved {doc}: {report.updated} article updated.")

    def show_timeline(topic: str, outlets: list[str] | None, since: str, until: str, undated: bool, unsourced: bool) -> str:
        try:
            entries = engine.timeline(topic, sources=outlets or None, since=since, until=until, undated=bool(undated), unsourced=bool(unsourced))
        except QAError as e:
            _toast(e)
            return gr.skip()
        return views.timeline_html(topic, entries)

    def topic_of(turns: list[dict], question: str) -> str:
        return (turns[-1].get("search_query") or turns[-1]["question"]) if turns else question

    # -- corpus ---------------------------------------------------------------------------------
    def refresh(query: str = "") -> tuple:
        try:
            results = engine.search_articles(query or "", limit=500)
        except QAError as e:
            _toast(e)
            return (gr.skip(),) * 3
        arts = engine.articles() if query else [a for a, _ in results]
        chunks = sum(a.chunks for a in arts)
        outlets = sorted({a.source for a in arts if a.source})
        found = f" {len(results)} match “{query}”." if query else ""
        return views.corpus_table(results, query or ""), render.escape_md(f"{len(arts)} articles, {chunks} passages indexed.{found}"), gr.update(choices=outlets)

    def add_files(files: list[str] | None, progress: gr.Progress = gr.Progress()) -> tuple:  # noqa: B008 (Gradio injects it)
        if not files:
            _toast(QAError("Choose one or more files first."))
            return gr.skip(), gr.skip()
        stored = uploads.store(files, settings)
        lines = [f"Refused: {r}" for r in stored.refused]
        if stored.saved:

            def step(done: int, total: int, name: str) -> None:
                progress((done, total), desc=f"Ingesting {name}", unit="articles")

            try:
                report = engine.ingest([uploads.uploads_dir(settings)], progress=step)
            except QAError as e:
                uploads.discard(stored.saved, settings)
                _toast(e)
                return gr.skip(), gr.skip()
            lines += [f"Refused: {r}" for r in uploads.drop_unreadable(report.failed, stored.saved, settings)]
            kept = [n for n in stored.saved if (uploads.uploads_dir(settings) / n).exists()]  # unreadable ones were dropped
            if kept:
                lines.insert(0, f"Ingested {', '.join(kept)}: {report.added} added, {report.updated} updated, {report.skipped} unchanged.")
                lines[1:1] = uploads.per_file(kept, report.outcomes)
        return "\n\n".join(render.escape_md(line) for line in lines), None

    def add_url(url: str, progress: gr.Progress = gr.Progress()) -> tuple:  # noqa: B008 (Gradio injects it)
        """A page, or every entry of an RSS / Atom feed, fetched and ingested (qa ingest URL)."""
        url = (url or "").strip()
        if not url:
            _toast(QAError("Type the address of a page or a feed first."))
            return gr.skip(), gr.skip()

        def step(done: int, total: int, name: str) -> None:
            progress((done, total), desc=f"Ingesting {name}", unit="articles")

        try:
            report = engine.ingest([url], progress=step)
        except QAError as e:
            _toast(e)
            return gr.skip(), gr.skip()
        lines = [f"{url}: {report.added} added, {report.updated} updated, {report.skipped} unchanged."]
        lines += [f"Refused: {reason}" for _, reason in report.failed]
        return "\n\n".join(render.escape_md(line) for line in lines), ""

    def remove(req: dict) -> str:
        doc_id = str(req.get("doc", ""))
        if not doc_id:
            return gr.skip()
        try:
            info = {a.doc_id: a for a in engine.articles()}.get(doc_id)
            removed = engine.remove(doc_id)
        except QAError as e:
            _toast(e)
            return gr.skip()
        uploads.forget(doc_id, info.corpus if info else "", settings)
        return render.escape_md(f"Removed {doc_id}." if removed else f"{doc_id} was not in the index.")

    # -- API ------------------------------------------------------------------------------------
    def ask(question: str, top_k: int | None = None, sources: list[str] | None = None, since: str | None = None, until: str | None = None,
            undated: bool | None = None, unsourced: bool | None = None) -> dict:
        """
        Answer a question from the ingested articles, with citations: the same JSON object as `qa ask --json`.
        Parameters:
            question: the question, e.g. "Why did Seoul suspend termination?"
            top_k: passages to retrieve (empty: the configured default)
            sources: only articles from these outlets (empty: all)
            since: only articles dated on or after this day, YYYY-MM-DD
            until: only articles dated on or before this day, YYYY-MM-DD
            undated: articles with no date: true keeps them (also with since / until), false drops them; empty: kept only without a date range
            unsourced: articles with no known outlet: true keeps them (also with sources), false drops them; empty: kept only without sources
        Returns:
            {"question", "short", "answer", "abstained", "citations": [{"n", "doc_id", "title", "source", "date", "text", "quote", "score"}], "latency_ms"},
            plus "sentences": [{"text", "citations", "unsupported"}] and "model" when a language model wrote it, and "note" when there is one
        """
        if isinstance(sources, str):  # one outlet sent as a plain string
            sources = [sources]
        try:  # top_k 0 is refused, not taken for "empty"
            return engine.ask(question, top_k=top_k, sources=sources or None, since=since or None, until=until or None,
                              undated=undated, unsourced=unsourced).to_json()
        except QAError as e:
            raise gr.Error(str(e), print_exception=False) from None

    def timeline_api(topic: str, sources: list[str] | None = None, since: str | None = None, until: str | None = None) -> list[dict]:
        """
        The story of a topic: every article on it in date order, each with the sentence that says what it reported.
        Parameters:
            topic: what the story is about, e.g. "South Korea's intelligence-sharing pact with Japan"
            sources: only articles from these outlets (empty: all)
            since: only articles dated on or after this day (2020-01-09, 2020-01, January 2020)
            until: only articles dated on or before this day
        Returns:
            [{"n", "doc_id", "title", "source", "date", "url", "sentence", "passage", "score", "change", "before", "before_n"}], oldest first;
            "change" marks an article that reports something other than the one before ("before" is that one's sentence)
        """
        if isinstance(sources, str):
            sources = [sources]
        try:
            return [e.to_json() for e in engine.timeline(topic, sources=sources or None, since=since, until=until)]
        except QAError as e:
            raise gr.Error(str(e), print_exception=False) from None

    with gr.Blocks(title="News QA", analytics_enabled=False) as app:
        turns = gr.State([])
        browser = gr.BrowserState("", storage_key="qa-browser", secret=secret)
        conv = gr.BrowserState("", storage_key="qa-conversation", secret=secret)
        gr.Markdown("## News QA\nAnswers drawn from the ingested news articles, every sentence with its source.")
        with gr.Tab("Chat"):
            with gr.Row():
                with gr.Column(scale=1, min_width=220, elem_id="history-col"):
                    clear_btn = gr.Button("New conversation", elem_id="clear")
                    saved = gr.Radio(label="Saved conversations", choices=[], elem_id="history")
                    with gr.Accordion("Rename, delete, export", open=False, elem_id="history-tools"):
                        title_box = gr.Textbox(label="New name", elem_id="rename-box", max_lines=1)
                        rename_btn = gr.Button("Rename", size="sm", elem_id="rename")
                        delete_btn = gr.Button("Delete conversation", size="sm", variant="stop", elem_id="delete-chat")
                        export_btn = gr.Button("Export as Markdown", size="sm", elem_id="export")
                        export_file = gr.DownloadButton("Download the Markdown", size="sm", visible=False, elem_id="export-file")
                with gr.Column(scale=3, elem_id="chat-col"):
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
                    chip_box = gr.HTML(views.chips([], "", "", True, True), elem_id="chips")
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
                    with gr.Accordion("Filters and search settings", open=False, elem_id="filters"):
                        outlets = gr.Dropdown(choices=engine.sources(), multiselect=True, label="Only these outlets (none: all)", elem_id="outlets")
                        with gr.Row():
                            since = gr.Textbox(label="Since", placeholder="2019-11-22, 2020-01, January 2020", elem_id="since")
                            until = gr.Textbox(label="Until", placeholder="Jan 9 2020, 2020", elem_id="until")
                        with gr.Row():
                            undated_box = gr.Checkbox(True, label="Include undated articles (also with a date range)", elem_id="undated")
                            unsourced_box = gr.Checkbox(True, label="Include articles with no known outlet (also with outlets chosen)", elem_id="unsourced")
                        top_k = gr.Slider(1, max_k, value=min(settings.retrieve.top_k, max_k), step=1, label="Passages to search (top-k)")
                    with gr.Row():
                        new_topic_btn = gr.Button("Ask it as a new topic instead", size="sm", visible=False, elem_id="as-new-topic")
                        timeline_btn = gr.Button("Timeline of this topic", size="sm", elem_id="timeline-here")
                with gr.Column(scale=2, elem_id="sources-col"):
                    sources = gr.HTML(render.EMPTY_SOURCES, elem_id="sources")
        with gr.Tab("Article"):
            viewer = gr.HTML(views.EMPTY_VIEWER, elem_id="viewer")
            shown_doc = gr.State("")
            with gr.Accordion("Edit title, outlet and date", open=False, elem_id="edit-details"):
                with gr.Row():
                    edit_title = gr.Textbox(label="Title", scale=3, elem_id="edit-title")
                    edit_outlet = gr.Textbox(label="Outlet", scale=2, elem_id="edit-outlet")
                    edit_date = gr.Textbox(label="Date", placeholder="2020-01-09 or Jan 9 2020", scale=1, elem_id="edit-date")
                save_btn = gr.Button("Save details", variant="primary", size="sm", elem_id="edit-save")
                edit_status = gr.Markdown(elem_id="edit-status")
        with gr.Tab("Timeline"):
            with gr.Row():
                topic = gr.Textbox(label="Topic", placeholder="e.g. South Korea's intelligence-sharing pact with Japan", scale=5, elem_id="topic")
                topic_btn = gr.Button("Show the timeline", variant="primary", scale=1, elem_id="timeline-go")
            story = gr.HTML(views.EMPTY_TIMELINE, elem_id="timeline")
        with gr.Tab("Corpus"):
            summary = gr.Markdown(elem_id="corpus-summary")
            with gr.Row():
                corpus_query = gr.Textbox(placeholder="Search titles, outlets and article text", show_label=False, scale=5, elem_id="corpus-query")
                corpus_btn = gr.Button("Search", scale=1, elem_id="corpus-search")
            table = gr.HTML(elem_id="articles")
            files = gr.File(
                file_count="multiple",
                file_types=list(settings.ingest.extensions),
                label=f"Add articles ({' '.join(settings.ingest.extensions)}, up to {settings.ingest.max_file_mb:g} MB each)",
                elem_id="upload",
            )
            add_btn = gr.Button("Add to the corpus", variant="primary", elem_id="add")
            with gr.Row():
                url_box = gr.Textbox(placeholder="Or a page or RSS / Atom feed: https://...", show_label=False, scale=5, elem_id="add-url")
                url_btn = gr.Button("Add the page or feed", scale=1, elem_id="add-url-button")
            status = gr.Markdown(elem_id="corpus-status")
        # Requests from the page's script (see ui.page): hidden, written as JSON.
        page_req = gr.Textbox(elem_id="page-request", elem_classes="qa-hidden", show_label=False)

        private: dict[str, Any] = {"api_visibility": "private"}
        corpus_lock: dict[str, Any] = {"concurrency_limit": 1, "concurrency_id": "corpus", **private}
        chat_io: dict[str, Any] = {
            "fn": chat,
            "inputs": [question, turns, conv, browser, top_k, outlets, since, until, undated_box, unsourced_box],
            "outputs": [chatbot, sources, turns, question, conv, browser],
            **private,
        }
        asking = [
            question.submit(**chat_io),
            ask_btn.click(**chat_io),
            examples.load_input_event.then(**chat_io),  # one click on an example asks it
            new_topic_btn.click(**{**chat_io, "fn": as_new_topic, "inputs": chat_io["inputs"][1:]}),
        ]
        for event in asking:
            event.then(None, js=page.SOURCES_TOP, **private).then(refresh_history, inputs=[conv, browser], outputs=[saved], **private).then(
                followup_button, inputs=[turns], outputs=[new_topic_btn], queue=False, **private
            )
        # A new conversation stops an answer still streaming in: else its next piece would bring the old one back.
        cleared = [chatbot, turns, sources, question, conv, saved, new_topic_btn]
        clear_btn.click(new_chat, outputs=cleared, queue=False, cancels=asking, **private)
        chatbot.clear(new_chat, outputs=cleared, queue=False, cancels=asking, **private)
        chatbot.like(vote, inputs=[turns], **private)
        app.load(start, inputs=[browser, conv], outputs=[browser, conv, turns, chatbot, sources, saved], **private)
        saved.input(reopen, inputs=[saved, browser], outputs=[conv, turns, chatbot, sources, saved], **private)
        rename_btn.click(rename, inputs=[title_box, conv, browser], outputs=[saved, title_box], **private)
        delete_btn.click(delete, inputs=[conv, browser], outputs=[conv, turns, chatbot, sources, saved], **private)
        export_btn.click(export, inputs=[conv, browser], outputs=[export_file], **private)
        filter_boxes = [outlets, since, until, undated_box, unsourced_box]
        for box in filter_boxes:
            box.change(show_chips, inputs=filter_boxes, outputs=[chip_box], queue=False, **private)
        # One box for the page's requests (each component costs memory in every session, API calls included).
        page_req.change(
            page_request, inputs=[page_req, turns, outlets],
            outputs=[viewer, shown_doc, edit_title, edit_outlet, edit_date, *filter_boxes, status], **corpus_lock,
        ).then(refresh, inputs=[corpus_query], outputs=[table, summary, outlets], **private)
        save_btn.click(edit_article, inputs=[shown_doc, edit_title, edit_outlet, edit_date], outputs=[page_req, edit_status], **corpus_lock).then(
            refresh, inputs=[corpus_query], outputs=[table, summary, outlets], **private
        )
        topic_btn.click(show_timeline, inputs=[topic, *filter_boxes], outputs=[story], **private)
        topic.submit(show_timeline, inputs=[topic, *filter_boxes], outputs=[story], **private)
        timeline_btn.click(topic_of, inputs=[turns, question], outputs=[topic], queue=False, **private).then(
            None, js=page.SHOW_TIMELINE, **private
        ).then(show_timeline, inputs=[topic, *filter_boxes], outputs=[story], **private)

        listing = [table, summary, outlets]
        corpus_io = corpus_lock
        app.load(refresh, outputs=listing, **private)
        corpus_btn.click(refresh, inputs=[corpus_query], outputs=listing, **private)
        corpus_query.submit(refresh, inputs=[corpus_query], outputs=listing, **private)
        add_btn.click(add_files, inputs=[files], outputs=[status, files], **corpus_io).then(refresh, inputs=[corpus_query], outputs=listing, **private)
        url_btn.click(add_url, inputs=[url_box], outputs=[status, url_box], **corpus_io).then(refresh, inputs=[corpus_query], outputs=listing, **private)

        gr.api(ask, api_name="ask")
        gr.api(timeline_api, api_name="timeline")
    return app


def launch(
    app: gr.Blocks, settings: Settings, host: str | None = None, port: int | None = None, block: bool = True, quiet: bool = False,
    routes: list[BaseRoute] | None = None,
) -> None:
    """Start the server with the queue, the login and the offline options from settings; `routes`
    are served next to the app (the OpenAI-compatible endpoint)."""
    host = host or settings.server.host
    port = port or settings.server.port
    auth = logins(settings.auth) or None
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
        js=page.JS,
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

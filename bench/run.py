"""`qa bench`: the figures of issue 6, each with its reference from the same run.

- ingest: `Engine.ingest` throughput (chunks/s) on the first N articles of the corpus, against
  sentence-transformers on torch (batch 32) and the encoder ingest uses ("raw": torch in bf16 where
  the CPU has it, else onnxruntime; `Encoder.encode_articles`) on the same chunk texts, in turn in the same rounds; the time per stage of the ingest;
- ask: warm, in-process latency of `Engine.ask` (answer included) on the seeds and on the corpus,
  against the plain llama-index pipeline (VectorStoreIndex over the same Chroma collection,
  HuggingFaceEmbedding, dense top-k) in the same process; with `--profile`, each question's time
  per stage (embed, dense, keyword, fusion, answer, spaCy);
- scale: ask latency and peak RSS of a fresh process over 1k / 10k / 100k chunks (bench.scale);
- cold start: `qa ask` from process start to the printed answer, and `qa serve` from start to its
  first answer, against a bare process that loads the model and encodes one question."""

from __future__ import annotations

import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
DEFAULT_CORPUS = ROOT.parent / "shared" / "benchmarks" / "multihop-rag" / "corpus.json"
DEFAULT_SCALES = (1000, 10000, 100000)


def _p(xs: list[float], q: float) -> float:
    from eval.metrics import percentile

    return round(float(percentile(xs, q) or 0.0), 1)


def _log(msg: str) -> None:
    print(f"bench: {msg}", file=sys.stderr, flush=True)


def _engine(home: Path, model=None, chunk_vectors: str | None = None, cache_dir: Path | None = None):
    """An engine at `home`. Engines of one run share `cache_dir`: the ONNX export is made once, as in
    one data directory, not once per ingest measured."""
    from qa.engine import Engine
    from qa.settings import Settings

    # The other embed settings (QA_EMBED__PRECISION, ...) as the environment sets them.
    embed = Settings().embed.model_copy(update={**({"chunk_vectors": chunk_vectors} if chunk_vectors else {}), "cache_dir": cache_dir})
    e = Engine(Settings(home=home, embed=embed))
    if model is not None:
        e.encoder._model = model
    return e


# -- ingest ---------------------------------------------------------------------------------------
def subset(corpus: Path, n: int, workdir: Path) -> Path:
    """The first `n` records of a JSON corpus as a file of their own (a folder is used whole)."""
    if corpus.is_dir() or corpus.suffix != ".json":
        return corpus
    records = json.loads(corpus.read_text(encoding="utf-8"))[:n]
    out = workdir / f"ingest-{n}.json"
    out.write_text(json.dumps(records), encoding="utf-8")
    return out


def bench_ingest(corpus: Path, articles: int, workdir: Path, model, modes: tuple[str, ...] = ("sentences", "encoded"), rounds: int = 2) -> dict:
    """Ingest in each way of making chunk vectors, then sentence-transformers on torch and the raw
    encoder on the same chunk texts, in turn for `rounds` rounds; the best time of each counts (a
    burst of load elsewhere on the machine hits one round, rarely all)."""
    from bench.stages import stage_times

    path = subset(corpus, articles, workdir)
    seconds: dict[str, list[float]] = {m: [] for m in (*modes, "raw", "torch")}
    stages: list[dict[str, float]] = []
    for r in range(rounds):
        for mode in modes:
            home = workdir / f"ingest-home-{mode}-{r}"  # a new path each time: Chroma caches clients by path
            shutil.rmtree(home, ignore_errors=True)
            engine = _engine(home, model, mode, workdir / "models")
            with stage_times() as times:
                report = engine.ingest([path])
            seconds[mode].append(report.seconds)
            if mode == modes[0]:
                stages.append(times)
        texts = [c.embed_text for c in engine.store.iter_all()]
        t0 = time.perf_counter()
        engine.encoder.encode_articles(texts)
        seconds["raw"].append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        engine.encoder.model.encode(texts, batch_size=32, normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False)
        seconds["torch"].append(time.perf_counter() - t0)
    out = {m: {"chunks": report.chunks, "seconds": round(min(seconds[m]), 1), "chunks_per_s": round(report.chunks / min(seconds[m]), 2),
               "rounds_s": [round(x, 1) for x in seconds[m]]} for m in modes}
    raw_s, torch_s = min(seconds["raw"]), min(seconds["torch"])
    raw, torch_rate = len(texts) / raw_s, len(texts) / torch_s
    default = engine.settings.__class__().embed.chunk_vectors
    for mode in modes:
        out[mode]["vs_raw_encoder"] = round(out[mode]["chunks_per_s"] / raw, 3)
        out[mode]["vs_torch_encoder"] = round(out[mode]["chunks_per_s"] / torch_rate, 3)
    best = min(range(rounds), key=lambda i: seconds[modes[0]][i])
    return {
        "ingest_articles": report.added,
        "ingest_chunks": report.chunks,
        "chunk_vectors": default,
        "ingest_backend": engine.encoder.ingest_kind,  # what 'auto' resolved to
        "ingest_seconds": out[default]["seconds"],
        "ingest_chunks_per_s": out[default]["chunks_per_s"],
        "ingest_stages_s": {k: round(v, 2) for k, v in stages[best].items()},  # of the best round of the first mode
        "raw_encoder_seconds": round(raw_s, 1),
        "raw_encoder_chunks_per_s": round(raw, 2),
        "torch_encoder_seconds": round(torch_s, 1),
        "torch_encoder_chunks_per_s": round(torch_rate, 2),
        "ingest_vs_raw_encoder": out[default]["vs_raw_encoder"],
        "ingest_vs_torch_encoder": out[default]["vs_torch_encoder"],
        "by_chunk_vectors": out,
        "batch_size": engine.settings.embed.batch_size,
    }


# -- ask --------------------------------------------------------------------------------------------
class PlainLlamaIndex:
    """The pipeline a newcomer writes from the llama-index docs, over our Chroma collection."""

    def __init__(self, engine, top_k: int) -> None:
        from llama_index.core import VectorStoreIndex
        from llama_index.embeddings.huggingface import HuggingFaceEmbedding
        from llama_index.vector_stores.chroma import ChromaVectorStore

        embed = HuggingFaceEmbedding(model_name=engine.settings.model_path)
        store = ChromaVectorStore(chroma_collection=engine.store.collection)
        self.retriever = VectorStoreIndex.from_vector_store(store, embed_model=embed).as_retriever(similarity_top_k=top_k)

    def retrieve(self, question: str) -> list:
        return self.retriever.retrieve(question)


def timed(fn, items: list) -> list[float]:
    out = []
    for x in items:
        t0 = time.perf_counter()
        fn(x)
        out.append((time.perf_counter() - t0) * 1000)
    return out


def bench_ask(engine, questions: list[str], plain: PlainLlamaIndex | None = None, warmup: int = 3, profile: bool = False) -> dict:
    """Warm latencies. Each question once per system, systems interleaved per question so that
    a burst of load on the machine hits both alike. With `profile`, `ask` runs with its stages
    timed (a little slower: the timing wrappers), after the plain measurement."""
    for q in questions[:warmup]:
        engine.ask(q)
        engine.retrieve(q)
        if plain:
            plain.retrieve(q)
    engine.answerer._cache.clear()  # stored sentence vectors, not the cache of earlier questions
    ask, ours_ret, plain_ret = [], [], []
    for q in questions:
        ask += timed(engine.ask, [q])
        ours_ret += timed(engine.retrieve, [q])
        if plain:
            plain_ret += timed(plain.retrieve, [q])
    out = {
        "questions": len(questions),
        "chunks": engine.store.count(),
        "ask_p50_ms": _p(ask, 50),
        "ask_p95_ms": _p(ask, 95),
        "retrieve_p50_ms": _p(ours_ret, 50),
    }
    if plain:
        out["plain_llamaindex_retrieve_p50_ms"] = _p(plain_ret, 50)
        out["plain_llamaindex_retrieve_p95_ms"] = _p(plain_ret, 95)
        out["ask_vs_plain_retrieve_p50"] = round(out["ask_p50_ms"] / out["plain_llamaindex_retrieve_p50_ms"], 3)
    if profile:
        out["profile"] = profile_ask(engine, questions)
    return out


def profile_ask(engine, questions: list[str]) -> dict:
    """p50 / mean per stage of `Engine.ask` over `questions` (ms). fusion = retrieval less its dense
    and keyword parts (the question's plan, the fusion, the passages' texts); answer = reading the
    question and answering from the passages, spaCy included; other = the rest of `ask` (negative
    when the question's reading, timed in `answer`, overlapped its encoding)."""
    from bench.stages import ASK_STAGES, stage_times
    from qa import nlp

    engine.answerer._cache.clear()
    nlp.parse.cache_clear()  # as in the measured pass, where each question was new
    rows = []
    with stage_times(ASK_STAGES) as t:
        for q in questions:
            before = dict(t)
            t0 = time.perf_counter()
            engine.ask(q)
            total = time.perf_counter() - t0
            d = {k: (t[k] - before[k]) * 1000 for k in t}
            d["fusion"] = d["retrieval"] - d["dense"] - d["keyword"]
            d["other"] = total * 1000 - d["embed"] - d["retrieval"] - d["answer"]
            d["ask"] = total * 1000
            rows.append(d)
    order = ("embed", "dense", "keyword", "fusion", "answer", "spacy", "other", "ask")
    out = {k: {"p50_ms": _p([r[k] for r in rows], 50), "mean_ms": round(sum(r[k] for r in rows) / len(rows), 2)} for k in order}
    out["spacy_share_of_ask"] = round(out["spacy"]["mean_ms"] / out["ask"]["mean_ms"], 3) if out["ask"]["mean_ms"] else 0.0
    return out


def seed_questions() -> list[str]:
    from eval.gold import DEFAULT_GOLD, load_gold

    return [i.question for i in load_gold(DEFAULT_GOLD) if not i.history]


def corpus_questions(corpus: Path, n: int) -> list[str]:
    queries = corpus.parent / "queries_dev.json"
    if queries.is_file():
        return [q["query"] for q in json.loads(queries.read_text(encoding="utf-8"))[:n]]
    from qa.load import load
    from qa.settings import IngestSettings

    titles = [i.article.title for i in load(corpus, IngestSettings()) if not i.error and i.article.title]
    return [f"What happened: {t}?" for t in titles[:n]]


# -- scale ------------------------------------------------------------------------------------------
def bench_scale(source, sizes: list[int], workdir: Path, questions: list[str], corpus: Path | None = None) -> list[dict]:
    from bench import scale

    qfile = workdir / "scale-questions.json"
    qfile.write_text(json.dumps(questions))
    rows = []
    for n in sizes:
        home = workdir / f"scale-{n}"
        t0 = time.perf_counter()
        scale.build(source, n, home)
        built = time.perf_counter() - t0
        _log(f"scale {n}: index ready in {built:.0f} s; measuring in a fresh process")
        res = subprocess.run(
            [sys.executable, "-m", "bench.scale", "--home", str(home), "--questions", str(qfile)],
            capture_output=True, text=True, cwd=ROOT,
            # the source's ONNX export, as a user's `qa serve` finds the one its `qa ingest` made
            env=_env(QA_EMBED__CHUNK_VECTORS=source.settings.embed.chunk_vectors, QA_EMBED__CACHE_DIR=str(source.encoder.cache_dir)),
        )
        if res.returncode != 0:
            raise RuntimeError(f"bench.scale failed for {n}: {res.stderr[-2000:]}")
        row = json.loads(res.stdout.strip().splitlines()[-1])
        row["build_s"] = scale.built_in(home) or round(built, 1)
        disk = scale.disk_bytes(home)
        row["disk_bytes_per_chunk"] = {k: round(v / max(row["chunks"], 1)) for k, v in disk.items()} | {
            "total": round(sum(disk.values()) / max(row["chunks"], 1))}
        if n == max(sizes):
            _log(f"scale {n}: cold start of qa serve")
            row |= cold_serve(home, questions[0], cache_dir=source.encoder.cache_dir, chunk_vectors=source.settings.embed.chunk_vectors)
            if corpus is not None:
                _log(f"scale {n}: updates (remove one article, add 100)")
                row["updates"] = scale.updates(source, home, corpus, workdir)
        rows.append(row)
    return rows


def plot_scale(rows: list[dict], out: Path, reference: dict | None = None) -> None:
    """ask p50 / p95 against index size; `reference`: a row measured the same way in the same run
    (the real corpus's index), drawn as a level."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    xs = [r["chunks"] for r in rows]
    fig, ax = plt.subplots(figsize=(6, 4))
    ax.plot(xs, [r["ask_p50_ms"] for r in rows], "o-", label="ask p50")
    ax.plot(xs, [r["ask_p95_ms"] for r in rows], "s--", label="ask p95")
    if len(xs) > 1:  # what linear growth from the smallest index would look like
        ax.plot(xs, [rows[0]["ask_p50_ms"] * x / xs[0] for x in xs], ":", color="grey", label="linear from smallest")
    if reference:
        ax.axhline(reference["ask_p50_ms"], color="C2", lw=1, label=f"p50 on the real {reference['chunks']:,}-chunk index (same run)")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("chunks in the index")
    ax.set_ylabel("ms (warm, answer included)")
    ax.set_title("ask latency against index size")
    ax.legend()
    fig.tight_layout()
    fig.savefig(out, dpi=110)
    plt.close(fig)


# -- cold start -------------------------------------------------------------------------------------
def _env(**extra: str) -> dict:
    env = dict(os.environ, HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1", GRADIO_ANALYTICS_ENABLED="False", ANONYMIZED_TELEMETRY="False")
    env.update(extra)
    return env


_ASK_PROBE = (
    "import sys\n"
    "from qa.cli import main\n"
    "rc = main(['ask', sys.argv[1]])\n"
    "print('UI-STACK-IMPORTED' if any(m == 'gradio' or m.startswith('gradio.') for m in sys.modules) else 'NO-UI-STACK', file=sys.stderr)\n"
    "print('TORCH-IMPORTED' if 'torch' in sys.modules else 'NO-TORCH', file=sys.stderr)\n"
    "sys.exit(rc)\n"
)

_MODEL_PROBE = (
    "import sys\n"
    "from sentence_transformers import SentenceTransformer\n"
    "SentenceTransformer(sys.argv[1], device='cpu', local_files_only=True).encode([sys.argv[2]])\n"
)


def cold_ask(home: Path, question: str, cache_dir: Path | None = None) -> dict:
    """`qa ask` as a user runs it, and whether it imported the UI stack (gradio)."""
    from qa.settings import Settings

    t0 = time.perf_counter()
    cache = {"QA_EMBED__CACHE_DIR": str(cache_dir)} if cache_dir else {}
    res = subprocess.run([sys.executable, "-c", _ASK_PROBE, question], capture_output=True, text=True, cwd=ROOT, env=_env(QA_HOME=str(home), **cache))
    ask_s = time.perf_counter() - t0
    if res.returncode != 0:
        raise RuntimeError(f"qa ask failed: {res.stderr[-2000:]}")
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", _MODEL_PROBE, Settings().model_path, question], capture_output=True, check=True, env=_env())
    model_s = time.perf_counter() - t0
    return {
        "qa_ask_cold_s": round(ask_s, 2),
        "model_load_and_encode_cold_s": round(model_s, 2),
        "qa_ask_cold_vs_model_load": round(ask_s / model_s, 3),
        "qa_ask_imports_ui_stack": "UI-STACK-IMPORTED" in res.stderr,
        "qa_ask_imports_torch": "TORCH-IMPORTED" in res.stderr,
        "answered": bool(res.stdout.strip()),
    }


def cold_serve(home: Path, question: str, timeout: float = 300.0, cache_dir: Path | None = None, chunk_vectors: str | None = None) -> dict:
    """`qa serve` from process start to its first answer through the app's API."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    exe = Path(sys.executable).with_name("qa")
    t0 = time.perf_counter()
    cache = {"QA_EMBED__CACHE_DIR": str(cache_dir)} if cache_dir else {}
    if chunk_vectors:
        cache["QA_EMBED__CHUNK_VECTORS"] = chunk_vectors
    proc = subprocess.Popen([str(exe), "serve", "--port", str(port)], cwd=ROOT, env=_env(QA_HOME=str(home), **cache),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        from gradio_client import Client

        url = f"http://127.0.0.1:{port}/"
        client = None
        while client is None:
            if proc.poll() is not None:
                raise RuntimeError(f"qa serve exited with {proc.returncode}")
            if time.perf_counter() - t0 > timeout:
                raise RuntimeError("qa serve did not answer in time")
            try:
                client = Client(url, verbose=False)
            except Exception:
                time.sleep(0.2)
        up = time.perf_counter() - t0
        client.predict(question, api_name="/ask")
        first = time.perf_counter() - t0
    finally:
        proc.terminate()
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    return {"qa_serve_up_s": round(up, 2), "qa_serve_first_answer_s": round(first, 2)}


# -- the whole run ----------------------------------------------------------------------------------
def conditions() -> dict:
    from eval.run import code_version

    load1, load5, _ = os.getloadavg()
    return {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "code": code_version(),
        "cpus": os.cpu_count(),
        "loadavg_1m_at_end": round(load1, 2),
        "loadavg_5m_at_end": round(load5, 2),
        "python": platform.python_version(),
        "note": "shared machine (other jobs running); compare ratios, not absolute times",
    }


def run(
    corpus: Path | None = DEFAULT_CORPUS,
    home: Path = Path(".qa-multihop"),
    ingest_articles: int = 60,
    questions: int = 60,
    scales: tuple[int, ...] = DEFAULT_SCALES,
    cold: bool = True,
    workdir: Path | None = None,
    model=None,
    profile: bool = False,
) -> dict:
    """Every measurement; `corpus=None` measures on the seeds alone. Without a `workdir`, a temporary
    one (about 110 MB: the model's export, the seeds' and the scale indexes) is removed afterwards."""
    if workdir is None:
        with tempfile.TemporaryDirectory(prefix="qa-bench-") as tmp:
            return run(corpus, home, ingest_articles, questions, scales, cold, Path(tmp), model, profile)
    from qa.settings import Settings

    workdir = Path(workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    seeds_home = workdir / "seeds-home"
    seeds = _engine(seeds_home, model, cache_dir=workdir / "models")
    seeds.ingest()
    model = seeds.encoder.model
    out: dict = {"conditions": {}}

    src = corpus if corpus and Path(corpus).exists() else Settings().seeds
    if ingest_articles > 0:  # (0: the ask figures only)
        _log(f"ingest throughput on {ingest_articles} articles of {src}")
        out["ingest"] = bench_ingest(Path(src), ingest_articles, workdir, model)

    top_k = seeds.settings.retrieve.top_k
    _log("ask latency on the seeds")
    qs = seed_questions()[:questions]
    out["ask_seeds"] = bench_ask(seeds, qs, PlainLlamaIndex(seeds, top_k), profile=profile)
    main_engine = seeds
    if corpus and Path(corpus).exists():
        big = _engine(Path(home), model, cache_dir=workdir / "models")
        _log(f"ingesting {corpus} into {home} (skipped when done before)")
        big.ingest([Path(corpus)])
        qs = corpus_questions(Path(corpus), questions)
        _log(f"ask latency on {corpus} ({big.store.count()} chunks)")
        out["ask_corpus"] = bench_ask(big, qs, PlainLlamaIndex(big, top_k), profile=profile)
        main_engine = big
    if scales:
        _log(f"scale {list(scales)}")
        out["scale"] = bench_scale(main_engine, list(scales), workdir, qs[:30], Path(corpus) if corpus and Path(corpus).suffix == ".json" and Path(corpus).exists() else None)
    if cold:
        _log("cold start")
        q, models = "Why did Seoul suspend termination?", workdir / "models"
        out["cold_start"] = cold_ask(seeds_home, q, models) | cold_serve(seeds_home, q, cache_dir=models)

    headline = out.get("ask_corpus") or out["ask_seeds"]
    out["ask_p50_ms"] = headline["ask_p50_ms"]
    out["ask_p95_ms"] = headline["ask_p95_ms"]
    out["plain_llamaindex_retrieve_p50_ms"] = headline["plain_llamaindex_retrieve_p50_ms"]
    if i := out.get("ingest"):
        out["ingest_chunks_per_s"] = i["ingest_chunks_per_s"]
        out["raw_encoder_chunks_per_s"] = i["raw_encoder_chunks_per_s"]
        out["torch_encoder_chunks_per_s"] = i["torch_encoder_chunks_per_s"]
    out["chunks"] = headline["chunks"]
    if ups := [r["updates"] for r in out.get("scale", []) if "updates" in r]:
        out["remove_one_article_s"] = ups[-1]["remove_one_article_s"]
        out["add_articles_vs_empty"] = ups[-1]["add_vs_empty"]
    rss = [r["peak_rss_mb"] for r in out.get("scale", [])]
    out["peak_rss_mb"] = max(rss) if rss else round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    out["conditions"] = conditions() | {"corpus": str(corpus) if corpus else "seeds", "workdir": str(workdir)}
    return out


def summary(out: dict) -> str:
    i, s = out.get("ingest"), out["ask_seeds"]
    lines = [] if i is None else [
        f"ingest     {i['ingest_chunks_per_s']} chunks/s vs sentence-transformers on torch {i['torch_encoder_chunks_per_s']} chunks/s "
        f"= {i['ingest_vs_torch_encoder']}; vs raw encoder ({i['ingest_backend']}) {i['raw_encoder_chunks_per_s']} chunks/s "
        f"= {i['ingest_vs_raw_encoder']} ({i['ingest_chunks']} chunks, batch {i['batch_size']}, chunk vectors {i['chunk_vectors']}; "
        + ", ".join(f"{m}: {v['vs_torch_encoder']} of torch" for m, v in i["by_chunk_vectors"].items()) + ")",
        "ingest     stages (s, summed over threads): " + ", ".join(f"{k} {v}" for k, v in i["ingest_stages_s"].items()),
    ]
    lines += [
        f"ask seeds  p50 {s['ask_p50_ms']} ms, p95 {s['ask_p95_ms']} ms; plain llama-index retrieve p50 "
        f"{s['plain_llamaindex_retrieve_p50_ms']} ms (ratio {s['ask_vs_plain_retrieve_p50']})",
    ]
    if c := out.get("ask_corpus"):
        lines.append(
            f"ask corpus p50 {c['ask_p50_ms']} ms, p95 {c['ask_p95_ms']} ms over {c['chunks']} chunks; plain llama-index "
            f"retrieve p50 {c['plain_llamaindex_retrieve_p50_ms']} ms (ratio {c['ask_vs_plain_retrieve_p50']})"
        )
    for name in ("ask_seeds", "ask_corpus"):
        if prof := out.get(name, {}).get("profile"):
            stages = ", ".join(f"{k} {v['p50_ms']}" for k, v in prof.items() if isinstance(v, dict))
            lines.append(f"profile    {name[4:]}: p50 ms per stage: {stages}; spaCy {prof['spacy_share_of_ask']:.0%} of ask")
    for r in out.get("scale", []):
        lines.append(f"scale      {r['chunks']:>7} chunks: ask p50 {r['ask_p50_ms']} ms, p95 {r['ask_p95_ms']} ms, peak RSS {r['peak_rss_mb']} MB, "
                     f"start {r['load_and_warmup_s']} s, built in {r['build_s']} s, disk {r['disk_bytes_per_chunk']['total']} B/chunk")
        if "qa_serve_first_answer_s" in r:
            lines.append(f"scale      {r['chunks']:>7} chunks: qa serve cold start to first answer {r['qa_serve_first_answer_s']} s")
        if u := r.get("updates"):
            lines.append(
                f"updates    {u['chunks']:>7} chunks: remove one article {u['remove_one_article_s']} s (a running reader catches up in "
                f"{u['reader_catch_up_after_remove_s']} s); add {u['add_articles']} articles {u['add_to_index_s']} s against "
                f"{u['add_to_empty_s']} s into an empty one = {u['add_vs_empty']}"
            )
    if c := out.get("cold_start"):
        lines.append(
            f"cold start qa ask {c['qa_ask_cold_s']} s (model load + one encode alone: {c['model_load_and_encode_cold_s']} s, "
            f"ratio {c['qa_ask_cold_vs_model_load']}; UI stack imported: {c['qa_ask_imports_ui_stack']}, torch: {c.get('qa_ask_imports_torch')}); "
            f"qa serve first answer {c['qa_serve_first_answer_s']} s"
        )
    lines.append(f"conditions {out['conditions']['cpus']} CPUs, load {out['conditions']['loadavg_1m_at_end']} at the end, code {out['conditions']['code']}")
    return "\n".join(lines)


def main(args) -> int:
    """`qa bench`: run, print the summary, keep the results."""
    corpus = Path(args.corpus) if args.corpus else (DEFAULT_CORPUS if DEFAULT_CORPUS.exists() else None)
    scales = tuple(int(x) for x in args.scale.split(",") if x.strip()) if args.scale else ()
    out = run(corpus=corpus, home=Path(args.home), ingest_articles=args.ingest_articles, questions=args.questions,
              scales=scales, cold=not args.no_cold, workdir=Path(args.workdir) if args.workdir else None,
              profile=args.profile)
    results = Path(args.results)
    results.mkdir(parents=True, exist_ok=True)
    if out.get("scale"):
        plot_scale(out["scale"], results / "scale.png")
    (results / "latest.json").write_text(json.dumps(out, indent=2))
    (results / "latest.md").write_text("```\n" + summary(out) + "\n```\n")
    if args.json:
        Path(args.json).write_text(json.dumps(out, indent=2))
    print(summary(out))
    return 0

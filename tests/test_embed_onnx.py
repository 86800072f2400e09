"""The ONNX path for questions: the same vectors and the same rankings as torch, made once and
reused by later processes without loading torch, and torch in charge whenever it cannot be used."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import numpy as np
from conftest import share_model

from eval.gold import DEFAULT_GOLD, load_gold
from qa import embed_onnx


def _engine(home, engine, **embed):
    from qa.engine import Engine
    from qa.settings import EmbedSettings, Settings

    return share_model(Engine(Settings(home=home, embed=EmbedSettings(**embed))), engine)


def test_questions_get_the_vectors_torch_gives(engine):
    assert engine.encoder.query_encoder() is not None, "the ONNX path should be available for the bundled model"
    questions = [g.question for g in load_gold(DEFAULT_GOLD)]
    for q in questions:
        fast = engine.encoder.encode([q])
        slow = engine.encoder.model.encode([q], normalize_embeddings=True)
        assert np.abs(fast - slow).max() < 1e-5, q
    pair = engine.encoder.encode(questions[:2])  # a question and its rewrite are padded together
    alone = np.vstack([engine.encoder.encode([q]) for q in questions[:2]])
    assert np.abs(pair - alone).max() < 1e-5


def test_the_seeds_gold_questions_rank_the_same_passages_as_with_torch(engine, seeded_home):
    torch_engine = _engine(seeded_home, engine, query_backend="torch")
    onnx_engine = _engine(seeded_home, engine, query_precision="fp32")  # the fp32 export (int8 questions: test_embed_int8)
    assert torch_engine.encoder.query_encoder() is None
    for g in load_gold(DEFAULT_GOLD):
        fast = onnx_engine.retrieve(g.question, top_k=10, history=g.history)
        slow = torch_engine.retrieve(g.question, top_k=10, history=g.history)
        assert [p.chunk.chunk_id for p in fast] == [p.chunk.chunk_id for p in slow], g.question
        assert np.allclose([p.score for p in fast], [p.score for p in slow], atol=1e-3), g.question
        assert onnx_engine.ask(g.question).answer == torch_engine.ask(g.question).answer


def test_a_later_process_answers_without_loading_torch(seeded_home, engine):
    engine.encoder.query_encoder()  # the export exists now
    code = (
        "import sys, json, qa.cli; qa.cli.main(['ask', 'Why did Seoul suspend termination?', '--json']);"
        "print(json.dumps(['torch' in sys.modules, 'sentence_transformers' in sys.modules]))"
    )
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env={**os.environ, "QA_HOME": str(seeded_home)}, timeout=300)
    assert p.returncode == 0, p.stderr
    *answer, loaded = p.stdout.strip().splitlines()
    assert json.loads(loaded) == [False, False]
    assert json.loads("\n".join(answer))["citations"]


def test_a_damaged_export_is_made_again(tmp_path, engine):
    e = _engine(tmp_path / "home", engine, cache_dir=tmp_path / "models")
    target = embed_onnx.export_path(e.settings.model_path, tmp_path / "models")
    target.parent.mkdir(parents=True)
    target.write_bytes(b"not a model")
    vec = e.encoder.encode(["Who is Kim You-geun?"])
    assert e.encoder.query_encoder() is not None and target.stat().st_size > 10_000_000
    assert np.abs(vec - engine.encoder.model.encode(["Who is Kim You-geun?"], normalize_embeddings=True)).max() < 1e-5
    assert not [p for p in target.parent.iterdir() if p.name.endswith(".tmp")]


def test_torch_answers_when_the_model_is_not_the_shape_the_export_reproduces(tmp_path):
    model = tmp_path / "model"
    model.mkdir()
    (model / "modules.json").write_text(json.dumps([{"type": "sentence_transformers.models.Transformer"}, {"type": "sentence_transformers.models.Pooling"}]))
    assert not embed_onnx.supported(str(model))
    (model / "modules.json").write_text(json.dumps([{"type": f"sentence_transformers.models.{t}"} for t in ("Transformer", "Pooling", "Normalize")]))
    (model / "1_Pooling").mkdir()
    (model / "1_Pooling" / "config.json").write_text(json.dumps({"pooling_mode_cls_token": True, "pooling_mode_mean_tokens": False}))
    (model / "tokenizer.json").write_text("{}")
    assert not embed_onnx.supported(str(model))
    (model / "1_Pooling" / "config.json").write_text(json.dumps({"pooling_mode_cls_token": False, "pooling_mode_mean_tokens": True}))
    assert embed_onnx.supported(str(model))


def test_torch_backend_makes_no_export(tmp_path, engine):
    e = _engine(tmp_path / "home", engine, query_backend="torch", cache_dir=tmp_path / "models")
    e.encoder.encode(["Who is Kim You-geun?"])
    assert e.encoder.query_encoder() is None and not (tmp_path / "models").exists()

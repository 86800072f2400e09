"""Chunks fit the encoder's window, measured with its own tokenizer, and point into the article."""

from __future__ import annotations

from conftest import SEEDS

from qa.chunk import chunk_article
from qa.load import load
from qa.settings import ChunkSettings, IngestSettings
from qa.types import Article


def test_chunks_fit_the_model_and_keep_offsets(engine):
    enc = engine.encoder
    overlaps = 0
    for item in load(SEEDS, IngestSettings()):
        art = item.article
        chunks = chunk_article(art, engine.settings.chunk, enc.token_counts, enc.token_offsets, enc.max_tokens)
        assert chunks
        for c in chunks:
            assert c.text == art.text[c.start : c.end]
            ids = enc.model.tokenizer(c.embed_text)["input_ids"]  # with [CLS]/[SEP]
            assert len(ids) <= enc.max_tokens == 256
            for a, b in c.sentences:
                assert c.text[a:b].strip()
        # together the chunks cover the whole article, in order, with no text between them
        assert chunks[0].start == 0 and chunks[-1].end == len(art.text)
        for x, y in zip(chunks, chunks[1:]):
            assert x.start < y.start and art.text[x.end : y.start].strip() == ""
            overlaps += y.start < x.end
    assert overlaps >= 3  # trailing sentences repeat at the start of the next chunk


def test_a_very_long_sentence_is_cut_at_word_pieces(engine):
    enc = engine.encoder
    art = Article(doc_id="long.txt", title="T", text=" ".join(["intelligence-sharing"] * 600) + ".")
    chunks = chunk_article(art, ChunkSettings(), enc.token_counts, enc.token_offsets, enc.max_tokens)
    assert len(chunks) > 3
    assert all(len(enc.model.tokenizer(c.embed_text)["input_ids"]) <= 256 for c in chunks)

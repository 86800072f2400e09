"""What the uploads folder keeps: a removed record stays removed, a refused upload leaves no file,
Gradio's cached copy is not kept. Pure file-system work (no model, no app)."""

from __future__ import annotations

import json

from qa.settings import Settings
from ui import uploads


def _settings(tmp_path) -> Settings:
    return Settings(home=tmp_path / "home")


def test_removing_a_record_rewrites_its_uploaded_file(tmp_path):
    s = _settings(tmp_path)
    folder = uploads.uploads_dir(s)
    folder.mkdir(parents=True)
    lines = [{"url": "https://a.example/1", "title": "A", "body": "a"}, {"url": "https://a.example/2", "title": "B", "body": "b"}]
    (folder / "news.jsonl").write_text("".join(json.dumps(r) + "\n" for r in lines), encoding="utf-8")
    (folder / "more.json").write_text(json.dumps([{"id": "x-1", "body": "x"}]), encoding="utf-8")
    uploads.forget("https://a.example/1", str(folder), s)
    left = [json.loads(ln) for ln in (folder / "news.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["url"] for r in left] == ["https://a.example/2"]
    uploads.forget("https://a.example/2", str(folder), s)
    assert not (folder / "news.jsonl").exists()  # its last record gone: no file to bring it back
    uploads.forget("x-1", str(folder), s)
    assert not (folder / "more.json").exists()
    assert not list(folder.glob(".*"))  # no half-written file left


def test_an_article_of_another_corpus_is_not_touched(tmp_path):
    s = _settings(tmp_path)
    folder = uploads.uploads_dir(s)
    folder.mkdir(parents=True)
    (folder / "a.txt").write_text("text", encoding="utf-8")
    uploads.forget("a.txt", str(tmp_path / "elsewhere"), s)
    assert (folder / "a.txt").exists()


def test_stored_uploads_leave_no_cached_copy_and_a_refused_upload_no_file(tmp_path):
    s = _settings(tmp_path)
    cache = tmp_path / "gradio-cache"
    cache.mkdir()
    (cache / "story.txt").write_text("A story about a bridge.", encoding="utf-8")
    (cache / "bad.exe").write_bytes(b"MZ")
    out = uploads.store([str(cache / "story.txt"), str(cache / "bad.exe")], s)
    assert out.saved == ["story.txt"] and len(out.refused) == 1
    assert not list(cache.iterdir())
    uploads.discard(out.saved, s)  # the ingest was refused: nothing is left to be ingested later
    assert not (uploads.uploads_dir(s) / "story.txt").exists()


def test_each_uploaded_file_gets_its_own_status():
    from ui.uploads import per_file

    outcomes = [("a.txt", "added"), ("r.jsonl:1", "added"), ("r.jsonl:2", "unchanged"), ("r.jsonl:3", "added"), ("other.txt", "added")]
    assert per_file(["a.txt", "r.jsonl", "b.md"], outcomes) == ["a.txt: 1 added", "r.jsonl: 2 added, 1 unchanged", "b.md: nothing new"]

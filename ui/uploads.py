"""Files readers upload: checked, given a safe name and kept under `<home>/uploads/`, the corpus
folder the app ingests incrementally. Only file-system work here; ingesting is the engine's."""

from __future__ import annotations

import json
import re
import shutil
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from qa.settings import Settings

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def uploads_dir(settings: Settings) -> Path:
    from qa.layout import layout

    return layout(settings.home).uploads


def safe_name(name: str, extensions: tuple[str, ...]) -> str:
    """A plain file name from whatever the browser sent: no folders, no `..`, no odd characters.

    Raises ValueError when the ending is not one of `extensions`.
    """
    base = re.split(r"[\\/]", name or "")[-1]  # a Windows path arrives with backslashes
    base = unicodedata.normalize("NFKD", base).encode("ascii", "ignore").decode()
    stem, dot, ext = base.rpartition(".")
    ext = ("." + ext.lower()) if dot else ""
    if ext not in extensions:
        allowed = " ".join(extensions)
        raise ValueError(f"{name or 'file'}: type {ext or '(none)'} is not allowed; upload one of {allowed}")
    stem = _UNSAFE.sub("_", stem).strip("._-")[:100] or "upload"
    return stem + ext


@dataclass
class Stored:
    saved: list[str] = field(default_factory=list)  # safe names now in the uploads folder
    refused: list[str] = field(default_factory=list)  # one readable reason per refused file


def store(files: list[str], settings: Settings) -> Stored:
    """Copy accepted uploads into the uploads folder; a file of the same name is replaced (an update)."""
    out = Stored()
    dest = uploads_dir(settings)
    limit = settings.ingest.max_file_mb * 1024 * 1024
    for f in files or []:
        src = Path(f)
        shown = src.name
        try:
            name = safe_name(shown, settings.ingest.extensions)
            size = src.stat().st_size
        except ValueError as e:
            out.refused.append(str(e))
            continue
        except OSError as e:
            out.refused.append(f"{shown}: cannot read the upload ({e.strerror})")
            continue
        if size > limit:
            out.refused.append(f"{shown}: {size / 1048576:.1f} MB is over the {settings.ingest.max_file_mb:g} MB limit")
            continue
        if size == 0:
            out.refused.append(f"{shown}: empty file")
            continue
        dest.mkdir(parents=True, exist_ok=True)
        target = dest / name
        tmp = dest / f".{name}.part"  # hidden: ingest skips dot files, so a half copy is never read
        shutil.copyfile(src, tmp)
        tmp.replace(target)
        out.saved.append(name)
    for f in files or []:  # Gradio's cached copy: the uploads folder holds the one that counts
        Path(f).unlink(missing_ok=True)
    return out


def discard(saved: list[str], settings: Settings) -> None:
    """Delete files just stored for an upload that was refused as a whole (an ingest was running):
    left behind, they would be ingested silently by a later upload."""
    for name in saved:
        (uploads_dir(settings) / name).unlink(missing_ok=True)


def drop_unreadable(failed: list[tuple[str, str]], saved: list[str], settings: Settings) -> list[str]:
    """Delete just-saved files that ingest could not read at all (so they fail no later ingest).

    Returns the reasons for every failure that concerns one of `saved` (whole files or records).
    """
    mine = set(saved)
    reasons = []
    for name, reason in failed:
        file_name = re.split(r"[:\[]", name, maxsplit=1)[0]
        if file_name not in mine:
            continue  # an older upload's problem, reported when it was uploaded
        reasons.append(reason)
        if name == file_name:
            (uploads_dir(settings) / file_name).unlink(missing_ok=True)
    return reasons


def forget(doc_id: str, corpus: str, settings: Settings) -> None:
    """Delete the uploaded file behind a removed article, or the record of it in an uploaded JSON /
    JSONL file, or the next upload (by anyone) would ingest it again."""
    folder = uploads_dir(settings).resolve()
    if not corpus or Path(corpus).resolve() != folder:
        return
    path = (folder / doc_id).resolve()
    if path.parent == folder and path.is_file():
        path.unlink()
        return
    for f in sorted(folder.glob("*.json*")):
        _drop_record(f, doc_id)


def _record_id(rec: object) -> str:
    # As qa.load names a record: its url, else its id.
    return str(rec.get("url") or rec.get("id") or "") if isinstance(rec, dict) else ""


def _drop_record(path: Path, doc_id: str) -> None:
    """Rewrite an uploaded record file without the record `doc_id` (atomically; gone when empty)."""
    try:
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".jsonl":
            lines = text.splitlines()
            keep = [ln for ln in lines if not (ln.strip() and _record_id(_parse(ln)) == doc_id)]
            if len(keep) == len(lines):
                return
            body = "\n".join(keep) + ("\n" if keep else "")
            empty = not any(ln.strip() for ln in keep)
        else:
            data = json.loads(text)
            records = data if isinstance(data, list) else [data]
            keep = [r for r in records if _record_id(r) != doc_id]
            if len(keep) == len(records):
                return
            body, empty = json.dumps(keep, ensure_ascii=False), not keep
    except (OSError, ValueError):
        return  # not a record file we can read: ingest reports it
    if empty:
        path.unlink(missing_ok=True)
        return
    tmp = path.with_name(f".{path.name}.part")
    tmp.write_text(body, encoding="utf-8")
    tmp.replace(path)


def _parse(line: str) -> object:
    try:
        return json.loads(line)
    except ValueError:
        return None


def per_file(names: list[str], outcomes: list[tuple[str, str]]) -> list[str]:
    """One status line per uploaded file: what became of its articles ("records.jsonl: 2 added,
    1 unchanged"); a .json / .jsonl file's records are named "file:n" (qa.load)."""
    lines = []
    for name in names:
        counts: dict[str, int] = {}
        for item, outcome in outcomes:
            if item == name or item.startswith(name + ":"):
                counts[outcome] = counts.get(outcome, 0) + 1
        done = ", ".join(f"{n} {o}" for o, n in counts.items()) or "nothing new"
        lines.append(f"{name}: {done}")
    return lines

"""Scraped-page debris out, article text kept.

Works line by line on what a scraper saved: navigation, ads, teasers, photo credits and captions,
bylines and header lines go; every paragraph of the article stays, word for word."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from qa import metadata

# Whole lines that are page furniture, never article text.
_DEBRIS = re.compile(
    r"^(?:back to top|advertisement|advertisements?|sponsored(?: content)?|most popular|most read|latest news|"
    r"latest headlines|top stories|related (?:articles|stories|news)|read more|see also|more from .{1,40}|"
    r"subscribe(?: now)?|sign up.{0,40}|log ?in|sign in|newsletter|share(?: this(?: article| story)?)?|"
    r"share on (?:facebook|twitter|x)|follow us.{0,40}|tweet|email|print|comments?|"
    r"(?:skip|jump) to (?:main )?content|menu|search|home|trending|recommended|"
    r"all rights reserved.{0,60}|copyright .{0,80}|© .{0,80}|click here.{0,60}|"
    r"(?:photo|image|video) credit:?.{0,60}|\(?(?:photo|image)s?:? .{0,40}\)?|"
    r"\((?:yonhap|ap|afp|reuters|upi|kyodo|getty images|epa|epa-efe)\)|"
    r"(?:cookie|cookies) (?:policy|settings).{0,60})$",
    re.I,
)
_CAPTION_CREDIT = re.compile(r"\b(?:file )?photo by [^.]{2,60}$|\bphoto:\s*\S", re.I)
_SENTENCE_END = re.compile(r"[.!?\"'”’)]$")


@dataclass
class Cleaned:
    title: str = ""
    paragraphs: list[str] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)  # source, date, byline found in the text

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


def normalize(text: str) -> str:
    """Unicode NFC, plain spaces, no control characters, Unix newlines."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u00a0", " ").replace("\u200b", "").replace("\ufeff", "")
    return "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch)[0] != "C")


def _latin_share(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    return sum(c.isascii() for c in letters) / len(letters) if letters else 0.0


def _is_title_like(line: str) -> bool:
    return 1 <= len(line.split()) <= 30 and not line.endswith((".", ":", ";", ","))


def clean(raw: str, title: str = "") -> Cleaned:
    """Split a scraped article into title, body paragraphs and the metadata its lines hold.

    `title`, when the caller already knows it (a JSON record, an HTML <h1>), is kept and removed from
    the body wherever a line repeats it.
    """
    out = Cleaned()
    lines = [re.sub(r"[ \t]+", " ", ln).strip() for ln in normalize(raw).split("\n")]
    lines = [ln.removeprefix("#").strip() if ln.startswith("# ") else ln for ln in lines]
    lines = [ln for ln in lines if ln]
    latin_doc = _latin_share(" ".join(lines)) > 0.8

    # A line printed twice in a row is a photo caption or teaser (the page shows it over and under
    # the picture); article paragraphs are never repeated back to back.
    doubled = {a for a, b in zip(lines, lines[1:]) if a == b}
    kept: list[str] = []
    for line in lines:
        if line in doubled or _DEBRIS.match(line) or _CAPTION_CREDIT.search(line):
            continue
        if latin_doc and _latin_share(line) < 0.5:  # stray script in another language: page furniture
            continue
        if not re.search(r"[A-Za-z0-9]", line):
            continue
        if (found := metadata.header_line(line)) is not None:
            for k, v in found.items():
                if v and not out.meta.get(k):
                    out.meta[k] = v
            continue
        kept.append(line)

    # Breadcrumbs: "Home International Relations <title>" just before the title itself.
    kept = [
        ln for i, ln in enumerate(kept)
        if not (i + 1 < len(kept) and ln != kept[i + 1] and ln.endswith(kept[i + 1]) and ln.split()[0].lower() == "home")
    ]

    out.title = title.strip()
    if not out.title and kept and _is_title_like(kept[0]):
        out.title = kept.pop(0)
    seen = {out.title}
    body: list[str] = []
    for ln in kept:
        if ln in seen:  # the headline again, or a paragraph the page repeats
            continue
        seen.add(ln)
        body.append(ln)
    # Footer teasers after the last paragraph: short lines that are not sentences.
    while body and len(body[-1].split()) <= 4 and not _SENTENCE_END.search(body[-1]):
        body.pop()
    out.paragraphs = body
    if body:
        for k, v in metadata.dateline(body[0]).items():
            out.meta.setdefault(k, v)
    return out

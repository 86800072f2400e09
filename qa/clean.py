"""Scraped-page debris out, article text kept.

Works line by line on what a scraper saved: navigation, ads, teasers, photo credits and captions,
bylines and header lines go; every paragraph of the article stays, word for word."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from qa import dates, metadata

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


# An embedded social-media post, as pages print it: the post's text, then its picture link and its
# signature, "pic.twitter.com/x1Y2 — Name (@handle) October 30, 2023". The text is what the post
# says; the link and signature are furniture (the date is the post's, not the article's).
_EMBED_SIGNATURE = re.compile(r"(?:\s*pic\.twitter\.com/\w+)?\s*[—–]{1,2}\s*[^—–()\n]{1,80}\(@\w{1,15}\)\s+[A-Z][a-z]+\.? \d{1,2}, \d{4}")


def without_embeds(line: str) -> str:
    """The line without embedded posts' picture links and signatures."""
    return _EMBED_SIGNATURE.sub("", line).strip()


def _latin_share(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    return sum(c.isascii() for c in letters) / len(letters) if letters else 0.0


def _is_title_like(line: str) -> bool:
    return 1 <= len(line.split()) <= 30 and not line.endswith((".", ":", ";", ","))


# A page talking to its reader about the page rather than the news: subscription walls, newsletter
# and app prompts, affiliate notices, letters-to-the-editor invitations. Matched on short paragraphs
# only (a news story about subscriptions is longer than its paywall notice).
_READER_PROMPT = re.compile(
    r"\b(?:(?:please |to )?subscribe (?:now|today|to (?:our|the)|for)|already an? (?:subscriber|member)|"
    r"(?:first-time |new )?subscribers (?:also )?(?:get|receive)|subscribe to (?:continue|read)|"
    r"(?:sign(?:ing)? up|register) (?:for|to) (?:our|the) (?:\w+ )?(?:newsletters?|daily|weekly|edition)|"
    r"(?:by )?sign(?:ing)? up to our|never miss (?:the latest|our|a)|(?:by email|in your inbox) and never miss|"
    r"download (?:the|our) [\w ]{0,30}apps?\b|log in (?:for|to (?:continue|read))|to view the full (?:story|article)|"
    r"for the full story|contains? (?:references to products|affiliate links)|we may (?:receive|earn) (?:a )?(?:compensation|commission)|"
    r"advertisers do not influence|through an independent review process|letter to the editor|"
    r"we want to hear what you think)",
    re.I,
)
_WORD = re.compile(r"[^\W\d_]+")


def _is_reader_prompt(line: str) -> bool:
    return len(line.split()) <= 60 and bool(_READER_PROMPT.search(line))


def _is_meta_line(line: str) -> bool:
    """A line that only labels the article: a date and time with "|" separated categories, a bare
    domain name, a date alone."""
    words = line.split()
    if len(words) > 14:
        return False
    if _SENTENCE_END.search(line):
        # (a date line may end in a full stop: "Published on 31 October 2023.")
        return line.endswith(".") and not line.endswith("..") and _only_date(line[:-1])
    if re.fullmatch(r"(?i)(?:www\.)?[\w-]+\.(?:com|org|net|co\.uk|news|info)", line):
        return True
    if dates.find_dates(line, ("day",)) and "|" in line:
        return True
    return _only_date(line)


def _only_date(line: str) -> bool:
    """Nothing but a date (and a clock time, "published" / "updated"): the page's dateline."""
    mentions = dates.find_dates(line, ("day",))
    rest = line
    for m in reversed(mentions):
        rest = rest[: m.start] + rest[m.end :]
    rest = re.sub(r"(?i)\b\d{1,2}:\d{2}(?::\d{2})?\s*(?:am|pm)?\b|\b(?:at|on|published|updated|posted)\b|[|,·•–—-]", " ", rest)
    return bool(mentions) and not _WORD.search(rest)


def _furniture(line: str, latin_doc: bool) -> bool:
    if _DEBRIS.match(line) or _CAPTION_CREDIT.search(line):
        return True
    if latin_doc and _latin_share(line) < 0.5:  # stray script in another language: page furniture
        return True
    return not re.search(r"[A-Za-z0-9]", line)


def _take_header(line: str, meta: dict[str, str]) -> bool:
    """Record the metadata a header line (byline, scraper date line) holds; True when it was one."""
    if (found := metadata.header_line(line)) is None:
        return False
    for k, v in found.items():
        if v and not meta.get(k):
            meta[k] = v
    return True


def clean(raw: str, title: str = "") -> Cleaned:
    """Split a scraped article into title, body paragraphs and the metadata its lines hold.

    `title`, when the caller already knows it (a JSON record, an HTML <h1>), is kept and removed from
    the body wherever a line repeats it.
    """
    out = Cleaned()
    lines = [without_embeds(re.sub(r"[ \t]+", " ", ln)) for ln in normalize(raw).split("\n")]
    lines = [ln.removeprefix("#").strip() if ln.startswith("# ") else ln for ln in lines]
    lines = [ln for ln in lines if ln]
    latin_doc = _latin_share(" ".join(lines)) > 0.8

    # A line printed twice in a row is a photo caption or teaser (the page shows it over and under
    # the picture); article paragraphs are never repeated back to back.
    doubled = {a for a, b in zip(lines, lines[1:]) if a == b}
    kept = [ln for ln in lines if ln not in doubled and not _furniture(ln, latin_doc) and not _take_header(ln, out.meta) and not _is_meta_line(ln)]

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


def clean_extracted(paragraphs: list[str], title: str = "") -> Cleaned:
    """The news-debris pass over an extractor's paragraphs (qa.extract): furniture lines, reader
    prompts, dateline and byline lines out (their metadata kept), repeats dropped. Unlike `clean` it
    trusts the extractor on where the article starts and ends and on its language: no title guessing,
    no trimming of short closing lines, no dropping of lines in another script."""
    out = Cleaned(title=_squash_ws(title))
    lines = [without_embeds(_squash_ws(normalize(p))) for p in paragraphs]
    lines = [ln for ln in lines if ln]
    seen: set[str] = set()
    for ln in lines:
        if _furniture(ln, latin_doc=False) or _is_reader_prompt(ln) or _is_meta_line(ln) or _take_header(ln, out.meta):
            continue
        if ln.lower() in seen:
            continue
        seen.add(ln.lower())
        out.paragraphs.append(ln)
    return out


def _squash_ws(s: str) -> str:
    return " ".join(s.split())

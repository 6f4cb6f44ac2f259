"""HTML pages: the main content only (no navigation, cookie banners, sidebars or footers).

The page's own `<main>` (or `role="main"`, or `<article>`) is used when it has one; otherwise
trafilatura finds the main content. Headings become the heading path, tables become one
"column: value" line per row.
"""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup, Tag

from knowledge.documents import Block, DocType, LoadedDocument
from knowledge.loaders.common import (
    clause_of,
    clean,
    table_rows,
    title_from_filename,
    update_heading_path,
)

_BOILERPLATE = ["nav", "aside", "footer", "form", "script", "style", "noscript", "button",
                "dialog", "svg", "template", "iframe"]
_BOILERPLATE_HINTS = ("cookie", "consent", "breadcrumb", "newsletter", "share", "skip-link",
                      "sidebar", "related", "social", "banner", "menu", "signup", "sign-up")
_TEXT_TAGS = {"p", "li", "dt", "dd", "blockquote", "pre", "figcaption", "summary"}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_CONTAINERS = {"div", "section"}
_BLOCK_LEVEL = [*_TEXT_TAGS, *_HEADINGS, *_CONTAINERS, "table", "ul", "ol", "dl"]


def load(path: Path, source: str) -> list[LoadedDocument]:
    raw = path.read_bytes().decode("utf-8")
    soup = BeautifulSoup(raw, "lxml")
    title = _page_title(soup)
    programme = _meta(soup, "programme") or _namespaced_meta(soup, "programme")
    url = _canonical_url(soup)
    root = _main_content(soup) or _extracted_content(raw)
    blocks = list(_walk(root, title)) if root is not None else []
    return [
        LoadedDocument(
            source=source,
            title=title or title_from_filename(path),
            doc_type=DocType.GUIDANCE,
            blocks=blocks,
            programme=programme,
            url=url,
        )
    ]


def _page_title(soup: BeautifulSoup) -> str:
    h1 = soup.find("h1")
    if isinstance(h1, Tag) and clean(h1.get_text(" ")):
        return clean(h1.get_text(" "))
    if soup.title and soup.title.string:
        # "How to apply | Example Programme" keeps the page's own part
        return clean(soup.title.string.split("|")[0].split(" - ")[0])
    return ""


def _meta(soup: BeautifulSoup, name: str) -> str:
    tag = soup.find("meta", attrs={"name": name}) or soup.find("meta", attrs={"property": name})
    return clean(str(tag.get("content", ""))) if isinstance(tag, Tag) else ""


def _namespaced_meta(soup: BeautifulSoup, name: str) -> str:
    """A meta tag named in a site's own namespace, such as `<meta name="acme:programme">`."""
    for tag in soup.find_all("meta"):
        key = str(tag.get("name") or tag.get("property") or "")
        if key.rpartition(":")[2].lower() == name and ":" in key:
            return clean(str(tag.get("content", "")))
    return ""


def _canonical_url(soup: BeautifulSoup) -> str:
    link = soup.find("link", attrs={"rel": "canonical"})
    if isinstance(link, Tag) and link.get("href"):
        return str(link["href"])
    return _meta(soup, "og:url")


def _main_content(soup: BeautifulSoup) -> Tag | None:
    by_role = soup.find(lambda tag: tag.get("role") == "main")
    for candidate in (soup.find("main"), by_role, soup.find("article")):
        if isinstance(candidate, Tag) and clean(candidate.get_text(" ")):
            _strip_boilerplate(candidate)
            return candidate
    return None


def _extracted_content(raw: str) -> Tag | None:
    """trafilatura's main-content extraction, for pages that do not mark their main content."""
    import trafilatura

    extracted = trafilatura.extract(
        raw, output_format="html", include_tables=True, include_comments=False,
        include_links=False, favor_recall=True,
    )
    if not extracted:
        return None
    soup = BeautifulSoup(extracted, "lxml")
    for br in soup.find_all("br"):
        br.replace_with(" ")
    return soup.body or soup


def _strip_boilerplate(root: Tag) -> None:
    for tag in root.find_all(_BOILERPLATE):
        tag.decompose()
    for br in root.find_all("br"):
        br.replace_with(" ")
    for tag in root.find_all(True):
        if tag.decomposed or tag.name in _HEADINGS or tag.name == "table":
            continue
        if tag.find(["h1", "article", "main"]):  # a layout wrapper around the content itself
            continue
        classes: list[str] | str = tag.get("class") or []
        marks = " ".join([*(str(c) for c in classes), str(tag.get("id", "")),
                          str(tag.get("aria-label", "")), str(tag.get("role", ""))]).lower()
        if any(hint in marks for hint in _BOILERPLATE_HINTS) or tag.get("aria-hidden") == "true":
            tag.decompose()


def _walk(root: Tag, title: str):
    headings: list[str] = []
    for element in root.find_all(True):
        if element.decomposed or _inside_handled(element, root):
            continue
        name = element.name
        if name in _HEADINGS:
            text = _text(element)
            if text and text != title:
                update_heading_path(headings, max(1, int(name[1]) - 1), text)
        elif name == "table":
            header, rows = _table(element)
            caption = element.find("caption")
            caption_text = clean(caption.get_text(" ")) if isinstance(caption, Tag) else ""
            for line in table_rows(header, rows, caption_text):
                yield Block(text=line, heading_path=tuple(h for h in headings if h))
        elif _is_text_leaf(element):
            text = _text(element)
            if text:
                prefix = "- " if name == "li" else ""
                yield Block(
                    text=prefix + text,
                    heading_path=tuple(h for h in headings if h),
                    clause=clause_of(text),
                )


def _text(element: Tag) -> str:
    """The element's text as a reader sees it: inline tags joined as written, one line."""
    return clean(" ".join(element.get_text("").split()))


def _inside_handled(element: Tag, root: Tag) -> bool:
    """True for elements inside a table or inside a text element already taken whole."""
    for parent in element.parents:
        if parent is root or parent is None:
            return False
        if parent.name == "table":
            return True
        if _is_text_leaf(parent):
            return True
    return False


def _is_text_leaf(element: Tag) -> bool:
    """A paragraph-like element holding no other block: its text is taken whole."""
    if element.name not in _TEXT_TAGS and element.name not in _CONTAINERS:
        return False
    return element.find(_BLOCK_LEVEL) is None


def _table(table: Tag) -> tuple[list[str], list[list[str]]]:
    rows = table.find_all("tr")
    header: list[str] = []
    body: list[list[str]] = []
    for row in rows:
        cells = row.find_all(["th", "td"])
        texts = [_text(cell) for cell in cells]
        if not header and cells and all(cell.name == "th" for cell in cells):
            header = texts
        else:
            body.append(texts)
    return header, body

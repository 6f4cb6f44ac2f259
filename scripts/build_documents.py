"""Build the bundled PDF and DOCX guidance documents from their Markdown sources.

The knowledge base ships two documents in binary formats so that the PDF and
DOCX loaders are exercised on realistic files. Their text lives in
``scripts/document_sources/`` as Markdown; this script renders it.

Run from the repository root::

    python scripts/build_documents.py

The output is deterministic: the PDF is written in reportlab's invariant mode
and the DOCX carries a fixed publication date, so re-running the script on
unchanged sources leaves the files byte-for-byte the same.

The sources use a small Markdown subset: YAML front matter (``title``,
``programme``, ``url`` and an optional ``subtitle``), ``#``/``##``/``###``
headings, paragraphs, ``-`` bullet lists and pipe tables.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from xml.sax.saxutils import escape

import yaml
from docx import Document as new_docx
from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.table import Table as DocxTable
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    ListFlowable,
    ListItem,
    SimpleDocTemplate,
    Spacer,
    TableStyle,
)
from reportlab.platypus import Paragraph as PdfParagraph
from reportlab.platypus import Table as PdfTable

REPO_ROOT = Path(__file__).resolve().parent.parent
SOURCES = REPO_ROOT / "scripts" / "document_sources"
GUIDANCE = REPO_ROOT / "knowledge" / "bundled" / "guidance"

AUTHOR = "SSR Programme Office"
# Fixed so that rebuilding unchanged sources produces identical files.
PUBLISHED = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)

# A clause number such as "2.3" or "3.9.1" at the start of a paragraph.
CLAUSE_NUMBER = re.compile(r"^(\d+(?:\.\d+)+)\s")


@dataclass(frozen=True)
class Heading:
    """A heading; level 1 is a numbered section, 2 and 3 its sub-sections."""

    level: int
    text: str


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of running text, possibly starting with a clause number."""

    text: str


@dataclass(frozen=True)
class BulletList:
    """A list of bullet points."""

    items: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    """A table with one header row."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


Block = Heading | Paragraph | BulletList | Table


@dataclass(frozen=True)
class SourceDocument:
    """A parsed source: its front-matter metadata and its body blocks."""

    title: str
    subtitle: str
    programme: str
    url: str
    blocks: tuple[Block, ...]


# --------------------------------------------------------------------------- parsing


def parse_source(path: Path) -> SourceDocument:
    """Read a Markdown source file into a document of typed blocks."""
    text = path.read_text(encoding="utf-8")
    match = re.match(r"^---\n(.*?)\n---\n(.*)$", text, re.DOTALL)
    if match is None:
        raise ValueError(f"{path}: missing YAML front matter")
    meta = yaml.safe_load(match.group(1))
    for key in ("title", "programme", "url"):
        if not meta.get(key):
            raise ValueError(f"{path}: front matter needs '{key}'")
    return SourceDocument(
        title=meta["title"],
        subtitle=meta.get("subtitle", ""),
        programme=meta["programme"],
        url=meta["url"],
        blocks=tuple(parse_blocks(match.group(2))),
    )


def parse_blocks(body: str) -> list[Block]:
    """Split the Markdown body into headings, paragraphs, bullet lists and tables.

    Blocks are separated by blank lines; headings may only open a block.
    """
    blocks: list[Block] = []
    for chunk in re.split(r"\n\s*\n", body.strip()):
        lines = [line.strip() for line in chunk.splitlines() if line.strip()]
        while lines and lines[0].startswith("#"):
            marks, _, text = lines.pop(0).partition(" ")
            blocks.append(Heading(level=len(marks), text=text.strip()))
        if not lines:
            continue
        if all(line.startswith("- ") for line in lines):
            blocks.append(BulletList(tuple(line[2:].strip() for line in lines)))
        elif all(line.startswith("|") for line in lines):
            blocks.append(parse_table(lines))
        else:
            blocks.append(Paragraph(" ".join(lines)))
    return blocks


def parse_table(lines: list[str]) -> Table:
    """Parse a pipe table; the second line must be the ``| --- |`` separator."""
    rows = [tuple(cell.strip() for cell in line.strip("|").split("|")) for line in lines]
    header, separator, *body = rows
    if not all(set(cell) <= set("-: ") for cell in separator):
        raise ValueError(f"table without a header separator: {lines[0]}")
    if any(len(row) != len(header) for row in body):
        raise ValueError(f"table rows differ in length from the header: {lines[0]}")
    return Table(header=header, rows=tuple(body))


# --------------------------------------------------------------------------- PDF


def pdf_styles() -> dict[str, ParagraphStyle]:
    """Paragraph styles for the PDF, derived from reportlab's sample sheet."""
    sheet = getSampleStyleSheet()
    body = ParagraphStyle("Body", parent=sheet["BodyText"], fontSize=10, leading=14, spaceAfter=6)
    return {
        "title": ParagraphStyle("DocTitle", parent=sheet["Title"], fontSize=22, spaceAfter=10),
        "subtitle": ParagraphStyle("DocSubtitle", parent=body, alignment=1, textColor=colors.grey),
        "body": body,
        "cell": ParagraphStyle("Cell", parent=body, fontSize=9, leading=11, spaceAfter=0),
        "head_cell": ParagraphStyle(
            "HeadCell", parent=body, fontSize=9, leading=11, spaceAfter=0, fontName="Helvetica-Bold"
        ),
        "h1": ParagraphStyle(
            "H1", parent=sheet["Heading1"], fontSize=15, keepWithNext=1, spaceBefore=14
        ),
        "h2": ParagraphStyle("H2", parent=sheet["Heading2"], fontSize=12, keepWithNext=1),
        "h3": ParagraphStyle("H3", parent=sheet["Heading3"], fontSize=10.5, keepWithNext=1),
    }


def clause_markup(text: str) -> str:
    """Escape text for reportlab markup and set a leading clause number in bold."""
    escaped = escape(text)
    return CLAUSE_NUMBER.sub(r"<b>\1</b> ", escaped, count=1)


def column_widths(table: Table, width: float) -> list[float]:
    """Share the width between columns in proportion to their longest cell."""
    columns = zip(table.header, *table.rows, strict=True)
    weights = [max(10, *(len(cell) for cell in column)) for column in columns]
    return [width * weight / sum(weights) for weight in weights]


def pdf_table(table: Table, styles: dict[str, ParagraphStyle], width: float) -> PdfTable:
    """A ruled table whose header row repeats on each page it spans."""
    header = [PdfParagraph(escape(cell), styles["head_cell"]) for cell in table.header]
    body = [[PdfParagraph(escape(cell), styles["cell"]) for cell in row] for row in table.rows]
    result = PdfTable(
        [header, *body], colWidths=column_widths(table, width), repeatRows=1, hAlign="LEFT"
    )
    result.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#DCE6F0")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return result


def pdf_flowables(doc: SourceDocument, width: float) -> list[Flowable]:
    """Turn the document's blocks into reportlab flowables, title block first."""
    styles = pdf_styles()
    story: list[Flowable] = [PdfParagraph(escape(doc.title), styles["title"])]
    if doc.subtitle:
        story.append(PdfParagraph(escape(doc.subtitle), styles["subtitle"]))
    story.append(PdfParagraph(escape(doc.url), styles["subtitle"]))
    story.append(Spacer(1, 8 * mm))
    for block in doc.blocks:
        if isinstance(block, Heading):
            story.append(PdfParagraph(escape(block.text), styles[f"h{min(block.level, 3)}"]))
        elif isinstance(block, Paragraph):
            story.append(PdfParagraph(clause_markup(block.text), styles["body"]))
        elif isinstance(block, BulletList):
            items = [
                ListItem(PdfParagraph(clause_markup(item), styles["body"])) for item in block.items
            ]
            story.append(ListFlowable(items, bulletType="bullet", leftIndent=12))
        else:
            story.extend([pdf_table(block, styles, width), Spacer(1, 4 * mm)])
    return story


def build_pdf(doc: SourceDocument, target: Path) -> None:
    """Render the document as a multi-page A4 PDF with running header and footer."""
    target.parent.mkdir(parents=True, exist_ok=True)
    template = SimpleDocTemplate(
        str(target),
        pagesize=A4,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=22 * mm,
        bottomMargin=20 * mm,
        title=doc.title,
        subject=doc.programme,
        author=AUTHOR,
        creator=AUTHOR,
        keywords=doc.programme,
        invariant=1,
    )

    def decorate(canvas: Canvas, page_doc: SimpleDocTemplate) -> None:
        """Draw the running header and the footer with the page number."""
        page_width, page_height = A4
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.setFillColor(colors.grey)
        canvas.drawString(20 * mm, page_height - 12 * mm, f"{doc.title}  |  Speed to Scale Region")
        canvas.drawString(20 * mm, 10 * mm, doc.url)
        canvas.drawRightString(page_width - 20 * mm, 10 * mm, f"Page {page_doc.page}")
        canvas.restoreState()

    template.build(pdf_flowables(doc, template.width), onFirstPage=decorate, onLaterPages=decorate)


# --------------------------------------------------------------------------- DOCX


def mark_header_row(table: DocxTable) -> None:
    """Flag the first row as a header row, repeated by Word on each new page."""
    row_properties = table.rows[0]._tr.get_or_add_trPr()
    header_flag = OxmlElement("w:tblHeader")
    header_flag.set(qn("w:val"), "true")
    row_properties.append(header_flag)


def add_docx_table(document: DocxDocument, table: Table) -> None:
    """Add a Word table with a bold header row."""
    word_table = document.add_table(rows=1, cols=len(table.header))
    word_table.style = "Table Grid"
    for cell, text in zip(word_table.rows[0].cells, table.header, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(text).bold = True
    for row in table.rows:
        for cell, text in zip(word_table.add_row().cells, row, strict=True):
            cell.text = text
    mark_header_row(word_table)


def with_fixed_zip_dates(data: bytes) -> bytes:
    """Rewrite a DOCX package so that every zip entry carries the publication date.

    python-docx stamps entries with the current time, which would change the
    file on every run.
    """
    stamp = PUBLISHED.timetuple()[:6]
    output = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as rewritten,
    ):
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            rewritten.writestr(info, source.read(entry.filename))
    return output.getvalue()


def build_docx(doc: SourceDocument, target: Path) -> None:
    """Render the document as a Word file with heading styles, tables and bullet lists."""
    document = new_docx()
    properties = document.core_properties
    properties.title = doc.title
    properties.subject = doc.programme
    properties.author = AUTHOR
    properties.last_modified_by = AUTHOR
    properties.identifier = doc.url
    properties.comments = ""
    properties.keywords = doc.programme
    properties.created = PUBLISHED.replace(tzinfo=None)
    properties.modified = PUBLISHED.replace(tzinfo=None)
    properties.revision = 1

    document.add_heading(doc.title, level=0)
    if doc.subtitle:
        document.add_paragraph(doc.subtitle, style="Subtitle")
    document.add_paragraph(doc.url)
    for block in doc.blocks:
        if isinstance(block, Heading):
            document.add_heading(block.text, level=min(block.level, 3))
        elif isinstance(block, Paragraph):
            document.add_paragraph(block.text)
        elif isinstance(block, BulletList):
            for item in block.items:
                document.add_paragraph(item, style="List Bullet")
        else:
            add_docx_table(document, block)

    buffer = io.BytesIO()
    document.save(buffer)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(with_fixed_zip_dates(buffer.getvalue()))


# --------------------------------------------------------------------------- entry point


def main() -> None:
    """Build both generated documents into the bundled knowledge folder."""
    outputs = [
        (build_pdf, "eligibility-rules.md", GUIDANCE / "rules" / "ssr-eligibility-rules.pdf"),
        (
            build_docx,
            "productivity-booster-guidance.md",
            GUIDANCE / "productivity-booster" / "productivity-booster-guidance.docx",
        ),
    ]
    for build, source_name, target in outputs:
        build(parse_source(SOURCES / source_name), target)
        print(f"wrote {target.relative_to(REPO_ROOT)}")


if __name__ == "__main__":
    main()

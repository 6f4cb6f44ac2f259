"""Build the binary loader fixtures (rules.pdf, guide.docx, corrupt.pdf) beside this script.

Run from the repository root::

    python tests/knowledge/data/loaders/make_fixtures.py

The output is deterministic (reportlab's invariant mode, fixed DOCX core-property and zip
dates), so re-running the script leaves the committed files byte-for-byte the same. The text
fixtures (Markdown, HTML, plain text, catalogue files) are written by hand and not built here.
"""

from __future__ import annotations

import io
import zipfile
from datetime import datetime
from pathlib import Path

from docx import Document
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer

HERE = Path(__file__).resolve().parent
PUBLISHED = datetime(2025, 4, 1, 9, 0)  # fixed so that rebuilding gives identical files
AUTHOR = "Black Country Business Growth Partnership"

PDF_TITLE = "Black Country Skills Voucher scheme rules"
PDF_SUBJECT = "bc-skills-voucher"
PDF_HEADER = "Black Country Skills Voucher | Scheme rules, version 2"
PDF_FOOTER_URL = "skills.blackcountry.example/voucher/rules"

# One section per page: (heading, [clause paragraphs and sub-headings]).
PDF_SECTIONS: list[tuple[str, list[str]]] = [
    ("1. Scope", [
        "1.1 These rules apply to every Skills Voucher issued by the Black Country Business "
        "Growth Partnership on or after 1 April 2025.",
        "1.2 Where these rules and a voucher offer letter disagree, the offer letter applies to "
        "that voucher only.",
    ]),
    ("2. Eligible businesses", [
        "2.1 A business must have fewer than 250 employees and a turnover of no more than "
        "\u00a344 million, counted together with any partner or linked enterprises.",
        "2.2 The business must trade from premises in Dudley, Sandwell, Walsall or "
        "Wolverhampton; a registered office address alone is not enough.",
        "2.3 Sole traders and partnerships are eligible when they employ at least one member "
        "of staff on the payroll.",
    ]),
    ("3. Eligible training", [
        "3.1 Training must lead to a qualification regulated by Ofqual or to an industry "
        "certificate on the partnership's approved list.",
        "3.2 Training may be delivered in person, online or as a mix of the two.",
        "3.3 Training that cannot be funded",
        "3.3.1 Statutory training that the business must provide by law, such as basic fire "
        "safety awareness, cannot be funded.",
        "3.3.2 Training delivered by the business's own staff cannot be funded.",
    ]),
    ("4. Claims and payment", [
        "4.1 The business pays the training provider in full and then claims the voucher "
        "amount from the partnership.",
        "4.2 Claims must be made within 60 days of the course end date.",
    ]),
]


def build_pdf(target: Path) -> None:
    """A four-page rules document with a running header and a numbered footer on every page."""
    styles = getSampleStyleSheet()
    template = SimpleDocTemplate(
        str(target), pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm,
        topMargin=25 * mm, bottomMargin=20 * mm, title=PDF_TITLE, subject=PDF_SUBJECT,
        author=AUTHOR, creator=AUTHOR, invariant=1,
    )

    def decorate(canvas: Canvas, doc: SimpleDocTemplate) -> None:
        width, height = A4
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(20 * mm, height - 12 * mm, PDF_HEADER)
        canvas.drawString(20 * mm, 10 * mm, PDF_FOOTER_URL)
        canvas.drawRightString(width - 20 * mm, 10 * mm, f"Page {doc.page}")
        canvas.restoreState()

    story: list = [Paragraph(PDF_TITLE, styles["Title"]), Spacer(1, 6 * mm)]
    for number, (heading, clauses) in enumerate(PDF_SECTIONS):
        if number:
            story.append(PageBreak())
        story.append(Paragraph(heading, styles["Heading2"]))
        for text in clauses:  # a line with no full stop is a numbered sub-heading
            style = styles["BodyText"] if text.endswith(".") else styles["Heading3"]
            story.append(Paragraph(text, style))
    template.build(story, onFirstPage=decorate, onLaterPages=decorate)


def build_corrupt_pdf(source: Path, target: Path) -> None:
    """A PDF cut off part-way through its first page: no cross-reference table, no trailer."""
    data = source.read_bytes()
    target.write_bytes(data[: len(data) // 5])


def build_docx(target: Path) -> None:
    """A Word guide with Title and Heading styles, a bullet list and a table with a header row."""
    document = Document()
    props = document.core_properties
    props.title = "Skills Voucher guide for employers"
    props.subject = "bc-skills-voucher"
    props.author = AUTHOR
    props.last_modified_by = AUTHOR
    props.created = PUBLISHED
    props.modified = PUBLISHED
    props.revision = 1

    document.add_heading("Skills Voucher guide for employers", level=0)
    document.add_paragraph(
        "This guide explains how an employer in the Black Country can use a Skills Voucher to "
        "train its staff."
    )
    document.add_heading("Planning your training", level=1)
    document.add_heading("Choosing a course", level=2)
    document.add_paragraph(
        "Start from the skills your business will need over the next two years, then pick "
        "courses that lead to a recognised qualification."
    )
    document.add_paragraph("Ask the training provider for a course outline", style="List Bullet")
    document.add_paragraph("Check the course dates against your busy periods", style="List Bullet")
    document.add_paragraph("Agree who will cover the learner's work", style="List Bullet")
    document.add_heading("Voucher values", level=2)
    table = document.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ["Course level", "Voucher value", "Learners"],
                          strict=True):
        cell.text = text
    for row in [["Level 2", "\u00a3600", "Up to 4"], ["Level 3", "\u00a31,200", "Up to 3"],
                ["Level 4 and above", "\u00a32,000", "Up to 2"]]:
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = text
    document.add_heading("After the training", level=1)
    document.add_paragraph(
        "5.1 Keep certificates and attendance records for six years, as the partnership may "
        "audit any voucher in that time."
    )
    buffer = io.BytesIO()
    document.save(buffer)
    target.write_bytes(_with_fixed_zip_dates(buffer.getvalue()))


def _with_fixed_zip_dates(data: bytes) -> bytes:
    """python-docx stamps zip entries with the current time; fix them so rebuilds match."""
    output = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as rewritten,
    ):
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=PUBLISHED.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            rewritten.writestr(info, source.read(entry.filename))
    return output.getvalue()


def main() -> None:
    build_pdf(HERE / "rules.pdf")
    build_corrupt_pdf(HERE / "rules.pdf", HERE / "corrupt.pdf")
    build_docx(HERE / "guide.docx")


if __name__ == "__main__":
    main()

"""Generate the PDF grant rules and the DOCX application guide for the
Humber Green Ports Accelerator test knowledge folder.

Run with a Python that has reportlab and python-docx installed:
    python make_documents.py [output_guidance_dir]   (default: knowledge/guidance beside this file)
"""
import sys
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import (PageBreak, Paragraph, SimpleDocTemplate,
                                Spacer, Table, TableStyle, KeepTogether)

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt, RGBColor, Cm

OUT = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent / "knowledge" / "guidance"

# ---------------------------------------------------------------------------
# PDF: Grant Rules, Round 3
# ---------------------------------------------------------------------------

RULES = [
    ("1", "Introduction", [
        ("1.1", "These Grant Rules apply to Round 3 of the Humber Green Ports Accelerator "
                "grant scheme. Round 3 opens on 2 November 2026 and closes at 12:00 noon on "
                "26 February 2027. Applications received after the deadline will not be considered."),
        ("1.2", "The total budget available in Round 3 is &pound;3.5 million across all three "
                "grant types. We may close a grant type early if it is oversubscribed."),
        ("1.3", "These Rules should be read with the Application Guide and the Terms and "
                "Conditions of Participation. The offer letter issued to a successful applicant "
                "forms a legally binding agreement and takes precedence over these Rules."),
    ]),
    ("2", "Who can apply", [
        ("2.1", "An applicant must be a small or medium-sized enterprise. A medium-sized "
                "enterprise has fewer than 250 employees and either an annual turnover not "
                "exceeding &pound;44 million or a balance sheet total not exceeding &pound;38 million. "
                "A small enterprise has fewer than 50 employees and an annual turnover or balance "
                "sheet total not exceeding &pound;10 million. Employee numbers and financial figures "
                "of linked and partner enterprises must be included."),
        ("2.2", "The project must take place at a trading site in Hull, the East Riding of "
                "Yorkshire, North Lincolnshire or North East Lincolnshire."),
        ("2.3", "The applicant must have been trading for at least 12 months on the date of "
                "application and must be able to provide at least one set of accounts or, for sole "
                "traders, a Self Assessment tax return."),
        ("2.4", "Businesses whose main activity is primary agricultural production, fisheries or "
                "aquaculture are not eligible. Nor are businesses in administration, receivership "
                "or liquidation, or businesses that are in arrears with a previous Accelerator grant."),
    ]),
    ("3", "Grant types and intervention rates", [
        ("3.1", "Three grant types are available in Round 3. The intervention rate is the maximum "
                "percentage of eligible project costs that the grant will pay. The applicant must "
                "fund the remainder. Rates and limits are set out in Table 1."),
        ("TABLE", None),
        ("3.2", "The enterprise size used to determine the rate is the size on the date of "
                "application, assessed under clause 2.1."),
        ("3.3", "The total of all grants awarded to one business (including linked enterprises) "
                "under the Accelerator, across all rounds and grant types, must not exceed "
                "&pound;100,000."),
        ("3.4", "A business may submit no more than one application per grant type in each round."),
        ("3.5", "Feasibility Vouchers pay for external expertise only, for example a grid "
                "connection study, a fleet transition plan or a supplier qualification audit. The "
                "consultant must be independent of the applicant."),
    ]),
    ("4", "Eligible costs", [
        ("4.1", "Eligible costs are costs that are necessary for the project, incurred and paid "
                "after the date of the offer letter, and within the project period."),
        ("4.2", "For the Clean Growth Capital Grant and the Hydrogen Readiness Grant, eligible "
                "costs include: new plant, machinery and equipment; installation and commissioning; "
                "zero-emission vehicles and their charging or refuelling equipment; metering and "
                "monitoring systems; and specialist training directly linked to the new equipment."),
        ("4.3", "Training costs may not exceed 10% of total eligible project costs."),
        ("4.4", "Second-hand equipment is eligible only if it has not previously been bought with "
                "public funds and an independent valuation confirms the price is at or below market value."),
    ]),
    ("5", "Ineligible costs", [
        ("5.1", "The following costs are not eligible: (a) any cost committed or incurred before "
                "the date of the offer letter; (b) VAT that can be recovered from HMRC; (c) purchase "
                "of land or buildings; (d) routine maintenance and replacement of like for like; "
                "(e) vehicles that are not zero-emission at the tailpipe; (f) the applicant's own staff "
                "costs and overheads; (g) in-kind contributions; (h) costs already funded from another "
                "public source; (i) interest, bank charges and fines."),
    ]),
    ("6", "Match funding", [
        ("6.1", "The applicant's contribution must come from private sources, such as cash "
                "reserves, a commercial loan, asset finance or private investment."),
        ("6.2", "Evidence of match funding, such as a recent bank statement or a loan offer, must "
                "be provided before an offer letter is issued."),
    ]),
    ("7", "Subsidy control", [
        ("7.1", "Grants are awarded as Minimal Financial Assistance under the Subsidy Control "
                "Act 2022. A business may receive no more than &pound;315,000 of Minimal Financial "
                "Assistance in total over the current and the two previous financial years."),
        ("7.2", "Applicants must declare all Minimal Financial Assistance and any other subsidies "
                "received in that period. The value of non-grant Accelerator support counts towards "
                "the limit."),
    ]),
    ("8", "Outputs and reporting", [
        ("8.1", "Capital and hydrogen grant recipients must create or safeguard at least one "
                "full-time equivalent job for every &pound;25,000 of grant awarded, within 12 months of "
                "the final payment."),
        ("8.2", "Recipients must report the carbon savings achieved, measured against the baseline "
                "submitted with the application, 12 months after the project is completed."),
        ("8.3", "Feasibility Voucher recipients must submit a copy of the consultant's final report."),
    ]),
    ("9", "Claims and payment", [
        ("9.1", "Grants are paid in arrears against evidence of expenditure that has been defrayed, "
                "meaning the money has left the recipient's bank account. Claims may be submitted "
                "quarterly."),
        ("9.2", "All project expenditure must be defrayed within 9 months of the date of the offer "
                "letter unless we have agreed an extension in writing."),
        ("9.3", "Each claim must include invoices, proof of payment and, for equipment, "
                "photographs showing the asset installed with its serial number."),
        ("9.4", "We aim to pay valid claims within 30 days of approving them."),
        ("9.5", "We will retain 10% of the total grant until the recipient's final project report "
                "has been received and accepted."),
    ]),
    ("10", "Retention of assets and clawback", [
        ("10.1", "Assets bought with the grant must be kept and used for the project at the "
                 "approved site for at least 3 years from the date of the final payment."),
        ("10.2", "If within that period the asset is sold, leased, moved outside the four local "
                 "authority areas or no longer used for its approved purpose, we may recover all or "
                 "a proportion of the grant."),
        ("10.3", "We may also recover grant where it was awarded on the basis of false or "
                 "misleading information, or where the recipient breaches the offer letter."),
    ]),
    ("11", "Records and audit", [
        ("11.1", "Recipients must keep all records relating to the project, including invoices, "
                 "bank statements, procurement evidence and asset registers, until 31 December 2034."),
        ("11.2", "Recipients must give us, our funders and their auditors access to records and to "
                 "the project site on reasonable notice."),
    ]),
    ("12", "Decisions and appeals", [
        ("12.1", "Funding decisions are made by the Accelerator Appraisal Panel. The Panel's "
                 "judgement on the merit of a project is final."),
        ("12.2", "An applicant may appeal only on the grounds that these Rules were not followed. "
                 "Appeals must be made in writing within 15 working days of the date of the decision "
                 "letter."),
    ]),
]

RATE_TABLE = [
    ["Grant type", "Strand(s)", "Minimum\ngrant", "Maximum\ngrant",
     "Rate: small\nenterprise", "Rate: medium\nenterprise"],
    ["Feasibility Voucher", "All strands", "£2,500", "£10,000", "75%", "75%"],
    ["Clean Growth Capital Grant", "Offshore Wind Supply\nChain; Port Logistics\nDecarbonisation",
     "£5,000", "£50,000", "40%", "30%"],
    ["Hydrogen Readiness Grant", "Low-Carbon Hydrogen", "£10,000", "£75,000", "45%", "35%"],
]


def build_pdf(path: Path) -> None:
    styles = getSampleStyleSheet()
    title = ParagraphStyle("T", parent=styles["Title"], fontSize=20, leading=24,
                           textColor=colors.HexColor("#0b4f6c"), alignment=TA_LEFT)
    sub = ParagraphStyle("S", parent=styles["Normal"], fontSize=11, leading=15,
                         textColor=colors.HexColor("#444444"))
    h = ParagraphStyle("H", parent=styles["Heading2"], fontSize=13, leading=16,
                       textColor=colors.HexColor("#0b4f6c"), spaceBefore=12, spaceAfter=6)
    clause = ParagraphStyle("C", parent=styles["Normal"], fontSize=10, leading=14,
                            leftIndent=11 * mm, firstLineIndent=-11 * mm, spaceAfter=6)
    cell = ParagraphStyle("cell", parent=styles["Normal"], fontSize=9, leading=11)
    cellh = ParagraphStyle("cellh", parent=cell, fontName="Helvetica-Bold",
                           textColor=colors.white)
    caption = ParagraphStyle("cap", parent=styles["Italic"], fontSize=9, spaceBefore=4,
                             spaceAfter=10)

    story = [
        Paragraph("Humber Green Ports Accelerator", sub),
        Paragraph("Grant Rules &mdash; Round 3", title),
        Paragraph("Feasibility Vouchers, Clean Growth Capital Grants and Hydrogen Readiness "
                  "Grants. Document HGPA-GR-R3, version 1.0, published 2 November 2026.", sub),
        Spacer(1, 10 * mm),
    ]

    for num, heading, clauses in RULES:
        block = [Paragraph(f"{num}. {heading}", h)]
        for cnum, text in clauses:
            if cnum == "TABLE":
                data = [[Paragraph(c.replace("\n", "<br/>"), cellh) for c in RATE_TABLE[0]]]
                for row in RATE_TABLE[1:]:
                    data.append([Paragraph(c.replace("\n", "<br/>"), cell) for c in row])
                t = Table(data, colWidths=[38 * mm, 38 * mm, 20 * mm, 20 * mm, 25 * mm, 25 * mm],
                          repeatRows=1)
                t.setStyle(TableStyle([
                    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#0b4f6c")),
                    ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#999999")),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("ROWBACKGROUNDS", (0, 1), (-1, -1),
                     [colors.white, colors.HexColor("#eef5f8")]),
                ]))
                block.append(Spacer(1, 3 * mm))
                block.append(t)
                block.append(Paragraph("Table 1: Grant limits and maximum intervention rates, Round 3",
                                       caption))
            else:
                block.append(Paragraph(f"{cnum}&nbsp;&nbsp;{text}", clause))
        story.extend(block)
        if num in ("3", "7"):
            story.append(PageBreak())

    story.append(Spacer(1, 8 * mm))
    story.append(Paragraph("Questions about these Rules? Email grants@humbergreenports.example "
                           "or speak to your Accelerator adviser.", sub))

    def on_page(canvas, doc_):
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.setFillColor(colors.HexColor("#666666"))
        canvas.drawString(20 * mm, 12 * mm, "HGPA-GR-R3 Grant Rules, Round 3 - version 1.0")
        canvas.drawRightString(190 * mm, 12 * mm, f"Page {doc_.page}")
        canvas.restoreState()

    doc = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm,
                            topMargin=20 * mm, bottomMargin=22 * mm,
                            title="Grant Rules - Round 3",
                            author="Estuary Growth Partnership Ltd",
                            subject="Humber Green Ports Accelerator grant rules")
    doc.build(story, onFirstPage=on_page, onLaterPages=on_page)


# ---------------------------------------------------------------------------
# DOCX: Application Guide
# ---------------------------------------------------------------------------

def add_table(document, rows, widths=None):
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Light Grid Accent 1"
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            cell = table.cell(r, c)
            cell.text = value
            if r == 0:
                for run in cell.paragraphs[0].runs:
                    run.bold = True
            if widths:
                cell.width = widths[c]
    return table


def build_docx(path: Path) -> None:
    d = docx.Document()
    style = d.styles["Normal"]
    style.font.name = "Calibri"
    style.font.size = Pt(11)

    d.core_properties.title = "How to apply for an Accelerator grant"
    d.core_properties.author = "HGPA Grants Team"
    d.core_properties.subject = "Application guide, Round 3"

    p = d.add_paragraph()
    r = p.add_run("HUMBER GREEN PORTS ACCELERATOR")
    r.bold = True
    r.font.color.rgb = RGBColor(0x0B, 0x4F, 0x6C)
    d.add_heading("How to apply for an Accelerator grant", level=0)
    d.add_paragraph("Application guide for Round 3 (closing 12:00 noon, 26 February 2027). "
                    "Prepared by the Grants Team. Please read this guide alongside the Grant Rules.")

    d.add_heading("Before you start", level=1)
    d.add_paragraph(
        "Applying for a grant takes time. Most successful applicants spend between two and four "
        "weeks pulling together quotes, a carbon baseline and financial information. Start early, "
        "and talk to your adviser before you commit to a particular piece of equipment.")
    for item in [
        "Check you meet the eligibility conditions in the Grant Rules.",
        "Decide which grant type fits your project: Feasibility Voucher, Clean Growth Capital "
        "Grant or Hydrogen Readiness Grant.",
        "Do not place orders or pay deposits. Anything committed before your offer letter cannot "
        "be funded.",
    ]:
        d.add_paragraph(item, style="List Bullet")

    d.add_heading("The application process, step by step", level=1)
    steps = [
        ("Step 1 – Expression of interest. ",
         "Complete the short online form in the client portal. It asks for your business details, "
         "a summary of the project in no more than 300 words, and the approximate cost."),
        ("Step 2 – Eligibility call. ",
         "An adviser will phone you within 10 working days of your expression of interest to "
         "check eligibility and talk through your project. If the project is a good fit, you will "
         "be invited to submit a full application."),
        ("Step 3 – Full application. ",
         "Complete the full application form in the portal and upload the supporting documents "
         "listed below. You can save a draft and come back to it."),
        ("Step 4 – Appraisal. ",
         "An independent appraiser scores your application and may ask clarifying questions. "
         "You will normally have 5 working days to reply."),
        ("Step 5 – Panel decision. ",
         "The Appraisal Panel meets on the first Tuesday of each month. Most applicants receive a "
         "decision within 8 weeks of submitting a complete full application."),
        ("Step 6 – Offer letter. ",
         "If you are successful, you will receive an offer letter. Sign and return it within "
         "20 working days or the offer may be withdrawn. Your project can start once you have "
         "the countersigned letter."),
    ]
    for lead, text in steps:
        para = d.add_paragraph(style="List Number")
        run = para.add_run(lead)
        run.bold = True
        para.add_run(text)

    d.add_heading("Supporting documents", level=1)
    d.add_paragraph("Upload the following with your full application. Missing documents are the "
                    "main cause of delay.")
    add_table(d, [
        ["Document", "Feasibility Voucher", "Capital Grant", "Hydrogen Readiness Grant"],
        ["Last set of accounts or tax return", "Yes", "Yes", "Yes"],
        ["Quotations (see rules on quotes below)", "Yes", "Yes", "Yes"],
        ["Carbon baseline (12 months' data)", "No", "Yes", "Yes"],
        ["Completed hydrogen readiness checklist", "No", "No", "Yes"],
        ["Evidence of match funding", "Yes", "Yes", "Yes"],
        ["Subsidy declaration", "Yes", "Yes", "Yes"],
        ["Landlord's consent (if you lease the site)", "No", "Yes", "Yes"],
    ])

    d.add_heading("Quotes", level=2)
    d.add_paragraph(
        "You must show that you are getting value for money. For any single item or service "
        "costing more than £5,000, provide two written quotes from independent suppliers. For any "
        "item costing more than £25,000, provide three. If you do not choose the cheapest quote, "
        "explain why. Quotes must be on the supplier's letterhead and dated within the last "
        "three months.")

    d.add_heading("How we score applications", level=1)
    d.add_paragraph(
        "The appraiser scores each full application against five criteria. Each criterion is "
        "marked out of 10 and then weighted as shown below. To be recommended for funding, an "
        "application must achieve a weighted score of at least 60% overall and must not score "
        "below 4 out of 10 on any single criterion.")
    add_table(d, [
        ["Criterion", "What we look for", "Weighting"],
        ["Carbon reduction", "Size and certainty of the emissions saving compared with your "
                             "baseline; cost per tonne saved", "30%"],
        ["Strategic fit", "How well the project helps you win work in offshore wind, port logistics "
                          "or hydrogen", "20%"],
        ["Value for money", "Grant per job and per tonne of CO2e; competitive quotes", "20%"],
        ["Deliverability", "Realistic plan, timescale, risks, permissions, match funding in place",
         "15%"],
        ["Jobs and skills", "Jobs created or safeguarded, training for staff", "15%"],
    ])

    d.add_heading("Tips from the appraisers", level=1)
    for tip in [
        "Put numbers on your benefits. 'Reduces emissions' scores lower than 'cuts diesel use by "
        "9,000 litres a year'.",
        "Explain what happens without the grant. If you would buy the equipment anyway, the panel "
        "will question why public money is needed.",
        "Name the customers or contracts the project will help you win.",
        "Keep it plain. Appraisers read dozens of applications; short, clear answers work best.",
    ]:
        d.add_paragraph(tip, style="List Bullet")

    d.add_heading("After the decision", level=1)
    d.add_paragraph(
        "If your application is unsuccessful, you will receive written feedback with your scores. "
        "If it is successful, your adviser will arrange a start-up call to go through the claims "
        "process and the monitoring you need to do.")

    foot = d.sections[0].footer.paragraphs[0]
    foot.text = "HGPA Application Guide – Round 3 – issued November 2026"
    foot.alignment = WD_ALIGN_PARAGRAPH.CENTER

    d.save(str(path))


if __name__ == "__main__":
    (OUT / "grants").mkdir(parents=True, exist_ok=True)
    build_pdf(OUT / "grants" / "grant-rules-round-3.pdf")
    build_docx(OUT / "application-guide.docx")
    print("written to", OUT)

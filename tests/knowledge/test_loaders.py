"""Each loader turns a small real file into documents that keep what a user relies on.

The files live in `data/loaders/`; the PDF and DOCX are built by `make_fixtures.py` there.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
import yaml

from knowledge.documents import Block, DocType, LoadedDocument
from knowledge.errors import LoaderError
from knowledge.loaders import load_file
from knowledge.loaders.catalogue import SYNONYMS

DATA = Path(__file__).resolve().parent / "data" / "loaders"


def _load(name: str, section: str = "guidance") -> list[LoadedDocument]:
    return load_file(DATA / name, f"{section}/{name}", section)


def _only(name: str) -> LoadedDocument:
    documents = _load(name)
    assert len(documents) == 1
    return documents[0]


def _block(document: LoadedDocument, start: str) -> Block:
    """The one block whose text starts with `start`."""
    found = [b for b in document.blocks if b.text.startswith(start)]
    assert len(found) == 1, f"{len(found)} blocks start with {start!r}"
    return found[0]


def _all_text(document: LoadedDocument) -> str:
    """Block texts and heading paths: everything a chunk could carry into the index."""
    return "\n".join(" > ".join([*b.heading_path, b.text]) for b in document.blocks)


# --------------------------------------------------------------------------- Markdown


def test_markdown_front_matter_gives_title_programme_and_url() -> None:
    document = _only("guide.md")
    assert document.source == "guidance/guide.md"
    assert document.doc_type is DocType.GUIDANCE
    assert document.title == "Black Country Skills Voucher guidance"
    assert document.programme == "bc-skills-voucher"
    assert document.url == "https://skills.blackcountry.example/voucher/guidance"


def test_markdown_paragraph_carries_its_nested_heading_path() -> None:
    document = _only("guide.md")
    staff = _block(document, "Each learner named on the voucher")
    assert staff.heading_path == ("Eligibility", "Staff")
    businesses = _block(document, "Your business must have fewer than 250")
    assert businesses.heading_path == ("Eligibility", "Businesses")
    assert _block(document, "Apply online").heading_path == ("How to apply",)


def test_markdown_paragraph_is_joined_from_its_source_lines() -> None:
    intro = _block(_only("guide.md"), "The Black Country Skills Voucher pays")
    assert "\n" not in intro.text
    assert "accredited training for staff at small and medium-sized" in intro.text
    assert intro.heading_path == ()


def test_markdown_clause_id_is_kept_at_the_start_of_its_paragraph() -> None:
    clause = _block(_only("guide.md"), "2.1 ")
    assert clause.clause == "2.1"
    assert clause.text.startswith("2.1 A business may hold no more than two vouchers")
    assert clause.heading_path == ("Eligibility", "Businesses")


def test_markdown_list_items_are_blocks_under_their_heading() -> None:
    document = _only("guide.md")
    for item in ("- permanent employees on the payroll;",
                 "- apprentices who have completed their first year;",
                 "- directors who work in the business day to day."):
        assert _block(document, item).heading_path == ("Eligibility", "Staff")


def test_markdown_table_rows_read_as_column_value_pairs_under_their_heading() -> None:
    document = _only("guide.md")
    rows = [b for b in document.blocks if b.text.startswith("Business size: ")]
    assert [b.text for b in rows] == [
        "Business size: Micro (under 10 staff); Share of course fee: 75%; Cap per learner: £1,500",
        "Business size: Small (10 to 49 staff); Share of course fee: 60%; Cap per learner: £1,200",
        "Business size: Medium (50 to 249 staff); Share of course fee: 40%; "
        "Cap per learner: £1,000",
    ]
    assert all(b.heading_path == ("Funding rates",) for b in rows)


# --------------------------------------------------------------------------- HTML

# Text from each page's navigation, cookie banner, breadcrumbs, sidebar, share links and footer.
HTML_BOILERPLATE = {
    "page.html": [
        "Skip to main content", "cookie", "Events and webinars", "Contact the Growth Hub",
        "Black Country Business Growth Partnership", "Related guides",
        "Who can get a Skills Voucher", "Approved training providers", "newsletter",
        "Share this page", "Accessibility statement", "Privacy notice",
        "Registered in England", "UK Shared Prosperity Fund",
    ],
    "page-no-main.html": [
        "cookie", "Events and webinars", "Contact the Growth Hub",
        "Black Country Business Growth Partnership", "In this section",
        "Who can get a Skills Voucher", "Claiming your voucher", "Accessibility statement",
        "Privacy notice", "Sitemap", "All rights reserved",
    ],
}


def test_html_title_programme_and_url_come_from_the_page_head() -> None:
    document = _only("page.html")
    assert document.title == "Claiming your voucher"
    assert document.programme == "bc-skills-voucher"
    assert document.url == "https://skills.blackcountry.example/voucher/claiming"


def test_html_programme_may_come_from_a_site_namespaced_meta_tag(tmp_path: Path) -> None:
    page = tmp_path / "grant.html"
    page.write_text(
        '<html><head><title>Grant</title><meta name="acme:programme" content="green-grant">'
        "</head><body><main><h1>Grant</h1><p>Firms in the county can apply.</p></main>"
        "</body></html>",
        encoding="utf-8",
    )
    [document] = load_file(page, "guidance/grant.html", "guidance")
    assert document.programme == "green-grant"


def test_html_main_content_keeps_heading_paths_list_items_and_clause_ids() -> None:
    document = _only("page.html")
    assert _block(document, "Check that every learner").heading_path == ("Before you claim",)
    evidence = _block(document, "- proof of payment, such as a bank statement line;")
    assert evidence.heading_path == ("Before you claim", "Evidence you need")
    clause = _block(document, "4.2 Claims must be made within 60 days")
    assert clause.clause == "4.2"
    assert _block(document, "We will email you").heading_path == ("If your claim is rejected",)


def test_html_table_rows_read_as_column_value_pairs_with_caption_and_heading() -> None:
    document = _only("page.html")
    rows = [b for b in document.blocks if "Claim route: " in b.text]
    assert [b.text for b in rows] == [
        "Payment timescales by claim route: Claim route: Online claim form; "
        "Checks: Automatic invoice check; Paid within: 15 working days",
        "Payment timescales by claim route: Claim route: Paper claim by post; "
        "Checks: Manual check by the grants team; Paid within: 30 working days",
    ]
    assert all(b.heading_path == ("Payment timescales",) for b in rows)


@pytest.mark.parametrize("name", sorted(HTML_BOILERPLATE))
def test_html_blocks_hold_no_navigation_cookie_banner_sidebar_or_footer_text(name: str) -> None:
    text = _all_text(_only(name)).lower()
    leaked = [phrase for phrase in HTML_BOILERPLATE[name] if phrase.lower() in text]
    assert not leaked


def test_html_page_without_main_element_keeps_its_content_title_and_headings() -> None:
    document = _only("page-no-main.html")
    assert document.title == "Approved training providers"
    assert document.programme == "bc-skills-voucher"
    assert document.url == "https://skills.blackcountry.example/voucher/providers"
    approval = _block(document, "Providers apply once a year")
    assert approval.heading_path == ("How providers are approved",)
    moving = _block(document, "A voucher cannot be moved to a provider outside")
    assert moving.heading_path == ("Changing your provider",)
    assert _block(document, "You can spend a Black Country Skills Voucher").heading_path == ()


@pytest.mark.parametrize("name", sorted(HTML_BOILERPLATE))
def test_html_paragraph_wrapped_in_the_source_is_one_line(name: str) -> None:
    # Blocks are joined with "\n" for chunking and split there first, so a source line
    # break left inside a paragraph would let a chunk boundary fall mid-sentence.
    wrapped = [b.text for b in _only(name).blocks if "\n" in b.text]
    assert not wrapped


def test_html_link_inside_a_paragraph_reads_as_written() -> None:
    rejected = _block(_only("page.html"), "We will email you")
    assert "through the online claim form, within 14 days, without starting" in rejected.text


def test_html_content_wrapper_named_for_its_sidebar_is_kept() -> None:
    # `page-layout--with-sidebar` wraps the article and the aside; only the aside is sidebar.
    document = _only("page-sidebar-layout.html")
    assert _block(document, "Small and medium-sized businesses").heading_path == ()
    public = _block(document, "Public sector bodies, schools and colleges")
    assert public.heading_path == ("Businesses that cannot apply",)
    assert "Related guides" not in _all_text(document)


# --------------------------------------------------------------------------- PDF


def test_pdf_title_and_programme_come_from_the_metadata() -> None:
    document = _only("rules.pdf")
    assert document.title == "Black Country Skills Voucher scheme rules"
    assert document.programme == "bc-skills-voucher"


def test_pdf_blocks_carry_the_page_they_are_on() -> None:
    document = _only("rules.pdf")
    assert all(b.page is not None for b in document.blocks)
    assert _block(document, "1.2 ").page == 1
    assert _block(document, "2.3 ").page == 2
    assert _block(document, "3.3.2 ").page == 3
    assert _block(document, "4.2 ").page == 4


def test_pdf_running_header_footer_and_page_numbers_are_removed() -> None:
    document = _only("rules.pdf")
    text = _all_text(document)
    assert "Scheme rules, version 2" not in text
    assert "skills.blackcountry.example/voucher/rules" not in text
    assert not [b.text for b in document.blocks if b.text.startswith("Page ")]
    assert "Page " not in text
    assert document.title not in [b.text for b in document.blocks]


def test_pdf_keeps_section_numbers_in_headings_and_clause_ids_on_paragraphs() -> None:
    document = _only("rules.pdf")
    scope = _block(document, "1.1 ")
    assert scope.clause == "1.1"
    assert scope.heading_path == ("1. Scope",)
    assert _block(document, "2.2 ").heading_path == ("2. Eligible businesses",)
    statutory = _block(document, "3.3.1 ")
    assert statutory.clause == "3.3.1"
    assert statutory.heading_path == ("3. Eligible training", "3.3 Training that cannot be funded")
    assert _block(document, "4.1 ").heading_path == ("4. Claims and payment",)
    assert [b.clause for b in document.blocks] == [
        "1.1", "1.2", "2.1", "2.2", "2.3", "3.1", "3.2", "3.3.1", "3.3.2", "4.1", "4.2",
    ]


def test_pdf_clause_wrapped_over_two_lines_is_one_paragraph() -> None:
    scope = _block(_only("rules.pdf"), "1.1 ")
    assert scope.text == (
        "1.1 These rules apply to every Skills Voucher issued by the Black Country Business "
        "Growth Partnership on or after 1 April 2025."
    )


# --------------------------------------------------------------------------- DOCX


def test_docx_title_and_programme_come_from_core_properties() -> None:
    document = _only("guide.docx")
    assert document.title == "Skills Voucher guide for employers"
    assert document.programme == "bc-skills-voucher"
    assert document.title not in [b.text for b in document.blocks]


def test_docx_headings_come_from_word_heading_styles() -> None:
    document = _only("guide.docx")
    choosing = _block(document, "Start from the skills your business will need")
    assert choosing.heading_path == ("Planning your training", "Choosing a course")
    audit = _block(document, "5.1 Keep certificates")
    assert audit.heading_path == ("After the training",)
    assert audit.clause == "5.1"
    headings = {"Planning your training", "Choosing a course", "Voucher values",
                "After the training"}
    assert not [b.text for b in document.blocks if b.text in headings]


def test_docx_bullets_are_list_items_under_their_heading() -> None:
    document = _only("guide.docx")
    for item in ("- Ask the training provider for a course outline",
                 "- Check the course dates against your busy periods",
                 "- Agree who will cover the learner's work"):
        assert _block(document, item).heading_path == ("Planning your training",
                                                       "Choosing a course")


def test_docx_table_rows_read_as_column_value_pairs_under_their_heading() -> None:
    document = _only("guide.docx")
    rows = [b for b in document.blocks if b.text.startswith("Course level: ")]
    assert [b.text for b in rows] == [
        "Course level: Level 2; Voucher value: £600; Learners: Up to 4",
        "Course level: Level 3; Voucher value: £1,200; Learners: Up to 3",
        "Course level: Level 4 and above; Voucher value: £2,000; Learners: Up to 2",
    ]
    assert all(b.heading_path == ("Planning your training", "Voucher values") for b in rows)


# --------------------------------------------------------------------------- plain text


def test_text_first_line_is_the_title_and_tag_lines_give_programme_and_url() -> None:
    document = _only("notice.txt")
    assert document.title == "Black Country Skills Voucher privacy notice"
    assert document.programme == "bc-skills-voucher"
    assert document.url == "https://skills.blackcountry.example/voucher/privacy"
    assert not [b.text for b in document.blocks if b.text.lower().startswith(("programme:",
                                                                               "url:"))]


def test_text_numbered_heading_lines_start_sections() -> None:
    document = _only("notice.txt")
    assert _block(document, "This notice explains how").heading_path == ()
    assert _block(document, "The voucher scheme is run by").heading_path == ("1. Who we are",)
    sharing = _block(document, "We share the names and course details")
    assert sharing.heading_path == ("2. Who we share data with",)
    keeping = _block(document, "We keep application records")
    assert keeping.heading_path == ("3. How long we keep your data",)
    assert keeping.text == ("We keep application records for six years after the last "
                            "voucher payment, then delete them.")


def test_text_clause_id_is_kept_at_the_start_of_its_paragraph() -> None:
    clause = _block(_only("notice.txt"), "2.1 ")
    assert clause.clause == "2.1"
    assert clause.text.startswith("2.1 We share anonymised totals")
    assert clause.heading_path == ("2. Who we share data with",)


# --------------------------------------------------------------------------- catalogue


SYNONYM_OF = {synonym: ours for ours, names in SYNONYMS.items() for synonym in names}


def _raw_records(name: str) -> list[dict[str, object]]:
    """The records as the file's own parser reads them, to compare field names against."""
    path = DATA / name
    if name.endswith(".csv"):
        with path.open(newline="", encoding="utf-8") as handle:
            return list(csv.DictReader(handle))
    if name.endswith(".json"):
        return json.loads(path.read_text(encoding="utf-8"))
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", ["records.csv", "records.json", "records.yaml"])
def test_catalogue_gives_one_document_per_record_titled_by_its_name(name: str) -> None:
    documents = _load(name, "catalogue")
    raw = _raw_records(name)
    assert [d.title for d in documents] == [r["name"] for r in raw]
    assert all(d.doc_type is DocType.CATALOGUE for d in documents)
    assert all(d.source == f"catalogue/{name}" for d in documents)
    assert len({d.locator for d in documents}) == len(documents)


@pytest.mark.parametrize("name", ["records.csv", "records.json", "records.yaml"])
def test_catalogue_keeps_every_field_of_every_record(name: str) -> None:
    """Every field is kept: under our name when the source's is a known synonym of it
    ("provider" is the partner), else under its own."""
    for document, raw in zip(_load(name, "catalogue"), _raw_records(name), strict=True):
        keys = {key.strip().lower() for key in raw}
        ours = {SYNONYM_OF[key] if SYNONYM_OF.get(key, key) not in keys else key
                for key in keys}
        assert set(document.fields) == ours


@pytest.mark.parametrize("name", ["records.csv", "records.json", "records.yaml"])
def test_catalogue_record_text_contains_every_field_value(name: str) -> None:
    for document in _load(name, "catalogue"):
        text = "\n".join(b.text for b in document.blocks)
        for key, value in document.fields.items():
            if key == "name":
                assert document.title == value
            elif key == "url":
                assert document.url == value
            else:
                values = value if isinstance(value, list) else [value]
                missing = [v for v in values if str(v) not in text]
                assert not missing, f"{document.title}: {key}"


def test_csv_list_cells_are_split_on_semicolons() -> None:
    dudley, walsall, sandwell = _load("records.csv", "catalogue")
    assert dudley.fields == {
        "name": "Dudley College Advanced Manufacturing Centre",
        "partner": "Dudley College of Technology",
        "location": "The Broadway, Dudley",
        "postcode": "DY1 4AS",
        "courses": ["CNC programming", "welding and fabrication",
                    "Level 3 maintenance engineering"],
        "sectors": ["manufacturing", "engineering"],
        "funding_rate": "60%",
        "url": "https://skills.blackcountry.example/providers/dudley-amc",
        "serves": ["bc-skills-voucher", "made-smarter"],
    }
    assert walsall.fields["courses"] == ["forklift licence", "warehouse management", "HGV theory"]
    assert sandwell.fields["sectors"] == "digital"  # one value, no ';': stays a string


def test_csv_record_carries_its_line_url_and_programmes() -> None:
    dudley, walsall, _ = _load("records.csv", "catalogue")
    assert (dudley.locator, walsall.locator) == ("line 2", "line 3")
    assert dudley.url == "https://skills.blackcountry.example/providers/dudley-amc"
    assert dudley.programme == "bc-skills-voucher,made-smarter"
    assert walsall.programme == "bc-skills-voucher"


def test_json_lists_stay_lists_and_scalars_become_text() -> None:
    construction, green = _load("records.json", "catalogue")
    assert construction.fields["courses"] == ["site supervision", "CSCS card preparation",
                                              "retrofit coordination"]
    assert green.fields["sectors"] == ["energy", "construction"]
    assert green.fields["places"] == "12"
    assert (construction.locator, green.locator) == ("record 1", "record 2")


def test_yaml_lists_stay_lists_and_records_carry_their_line() -> None:
    manufacturing, digital = _load("records.yaml", "catalogue")
    assert manufacturing.fields["capabilities"] == ["training needs analysis",
                                                   "apprenticeship levy transfers"]
    assert digital.fields["sectors"] == ["digital", "professional services"]
    assert (manufacturing.locator, digital.locator) == ("line 3", "line 14")


# --------------------------------------------------------------------------- errors


@pytest.mark.parametrize(
    ("name", "section", "problem"),
    [
        ("corrupt.pdf", "guidance", "not a readable PDF"),
        ("undecodable.txt", "guidance", "not valid UTF-8"),
        ("empty.md", "guidance", "empty"),
        ("no-name.csv", "catalogue", "line 3: the record has no 'name'"),
        ("bad.yaml", "catalogue", "line 5: not valid YAML"),
    ],
)
def test_unusable_file_raises_loader_error_naming_the_file(
    name: str, section: str, problem: str
) -> None:
    source = f"{section}/{name}"
    with pytest.raises(LoaderError) as caught:
        load_file(DATA / name, source, section)
    assert caught.value.source == source
    assert str(caught.value).startswith(f"{source}: ")
    assert problem in str(caught.value)


def test_pdf_library_messages_stay_off_the_terminal_and_name_the_problem(
        capfd: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(LoaderError) as caught:
        load_file(DATA / "corrupt.pdf", "guidance/corrupt.pdf", "guidance")
    out, err = capfd.readouterr()
    assert (out, err) == ("", "")
    assert "EOF marker not found" in str(caught.value)

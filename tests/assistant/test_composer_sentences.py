"""The shapes a passage's lines come in: sentences, list items, table rows, catalogue fields."""

from __future__ import annotations

from assistant.composer.sentences import catalogue_line, split_sentences, table_row


def test_prose_splits_into_sentences_but_rows_and_items_stay_whole() -> None:
    text = ("The grant pays a share. It is paid in arrears.\n"
            "- Get in touch. Fill in the form.\n"
            "Step: 1. Enquiry; What happens: A call. Or a form.; Timescale: Any time")
    assert split_sentences(text) == [
        "The grant pays a share.", "It is paid in arrears.",
        "- Get in touch. Fill in the form.",
        "Step: 1. Enquiry; What happens: A call. Or a form.; Timescale: Any time"]


def test_abbreviations_do_not_end_a_sentence() -> None:
    assert split_sentences("Costs, e.g. Software are covered. Next one.") == [
        "Costs, e.g. Software are covered.", "Next one."]


def test_a_row_shows_what_it_is_about_and_the_cells_the_question_asks_for() -> None:
    row = table_row("Programmes at a glance: Programme: Medical Hub; Type: Hub; Who it is for: "
                    "device makers; Lead partner(s): WMG; University of Birmingham")
    assert row is not None
    assert row.shown("Who leads the Medical Hub?") == \
        "Medical Hub; Lead partner(s): WMG; University of Birmingham"
    assert row.shown("What is the weather like?") is None  # no column it asks about


def test_a_line_that_is_not_a_row() -> None:
    assert table_row("The grant; it pays half.") is None
    assert table_row("Just a sentence.") is None


def test_catalogue_fields_lose_a_description_label_and_quiet_fields_are_left_out() -> None:
    assert catalogue_line("Description: A lab for magnets.") == ("description",
                                                                 "A lab for magnets.")
    assert catalogue_line("Capabilities: CT scanning, metrology") == (
        "capabilities", "Capabilities: CT scanning, metrology")
    assert catalogue_line("Postcode: CV4 7AL") is None
    assert catalogue_line("Partner: WMG") is None

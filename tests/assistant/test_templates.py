"""Fixed replies: generic by default, in the programme's own words where its folder gives them."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.templates import fixed_reply
from knowledge.errors import KnowledgeFolderError
from knowledge.index import bundled_knowledge_dir
from knowledge.programme import Contact, Programme, load_programme

EXAMPLE = Programme(name="the Example Programme", contact=Contact(team="the Example Team"))
NAMES = ["greeting", "out_of_scope", "unsafe", "referral", "not_found", "emergency"]


@pytest.mark.parametrize("name", NAMES)
def test_generic_replies_name_the_programme_or_its_team(name: str) -> None:
    text = fixed_reply(EXAMPLE, name)
    assert "the Example Programme" in text or "the Example Team" in text
    assert "{" not in text


def test_the_referral_reply_offers_an_adviser_without_asking_for_details_in_chat() -> None:
    text = fixed_reply(EXAMPLE, "referral")
    assert "adviser" in text and "phone call or an email" in text
    assert "don't type" in text and "the Example Team" in text


def test_the_out_of_scope_reply_says_what_the_assistant_can_help_with() -> None:
    text = fixed_reply(EXAMPLE, "out_of_scope")
    for topic in ("eligibility", "apply", "facility"):
        assert topic in text


def test_a_folder_replaces_a_reply_with_its_own_words() -> None:
    bundled = load_programme(bundled_knowledge_dir())
    assert "999" in fixed_reply(bundled, "emergency") and "111" in fixed_reply(bundled,
                                                                                "emergency")
    assert "999" not in fixed_reply(EXAMPLE, "emergency")  # no country's numbers by default
    assert bundled.contact.email in fixed_reply(bundled, "not_found")


def test_a_reply_with_an_unknown_placeholder_is_refused_at_load(tmp_path: Path) -> None:
    policy = tmp_path / "policy"
    policy.mkdir()
    (policy / "programme.yaml").write_text(
        "name: X\nreplies:\n  greeting: Hello from {team}\n", encoding="utf-8")
    with pytest.raises(KnowledgeFolderError, match=r"replies.greeting: .*\{programme\}"):
        load_programme(tmp_path)

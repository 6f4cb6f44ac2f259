"""Write the Block Kit the Slack bot sends for a few real turns, as JSON files for the docs:
an answered mention (the chat.update that replaces the working note), a `/ssr check` reply (the
response to the command's response URL), and a referral card before and after it is claimed.

    python scripts/slack_examples.py [--data-dir DIR] [--out docs/slack]

The turns are answered by the real engine on the configured knowledge folder (indexed first if
it never was); the conversations and the referral go to a scratch database, not the real one.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import tempfile
from pathlib import Path
from typing import Any

from assistant.conversations import ReferralContact, SqlConversationStore, sqlite_url
from assistant.factory import build, configure_runtime
from assistant.referrals import summarise
from assistant.settings import load_settings
from connectors.slack.blocks import answer_messages, claimant, referral_card

MENTION = "How many supplier quotes do I need?"
CHECK = ("Precision engineering firm in Coventry, turnover £4m, trading since 2012, "
         "not in any insolvency proceedings")
CHANNEL, REFERRALS = "C0HUB0001", "C0REFER01"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data-dir", type=Path, default=None)
    parser.add_argument("--out", type=Path, default=Path("docs/slack"))
    args = parser.parse_args()
    settings = load_settings(data_dir=args.data_dir)
    configure_runtime(settings)
    components = build(settings, progress=False)
    if components.index.is_empty():
        components.ingestor.ingest()
    with tempfile.TemporaryDirectory() as scratch:
        store = SqlConversationStore(sqlite_url(Path(scratch) / "examples.sqlite3"))
        assistant = dataclasses.replace(components.assistant, store=store)

        mention = assistant.ask(MENTION)
        _write(args.out / "mention.json", {
            "method": "chat.update", "channel": CHANNEL, "ts": "1700000000.000200",
            **answer_messages(mention)[0].payload()})

        check = assistant.ask(CHECK)
        _write(args.out / "check.json", {
            "response_url": "(the command's)", "response_type": "ephemeral",
            "replace_original": True,
            **answer_messages(check, all_programmes=True, shareable=True)[0].payload()})

        conversation = store.get(check.conversation_id)
        assert conversation is not None
        referral = store.add_referral(conversation.id, ReferralContact(
            name="Sam Owner", email="sam@widgets.example", company="Widgets Precision Ltd",
            note="Mornings are best."), summarise(conversation))
        card = referral_card(referral).payload()
        _write(args.out / "referral-card.json",
               {"method": "chat.postMessage", "channel": REFERRALS, **card})
        claimed = store.claim_referral(referral.id, claimant("U0STAFF01", "Jo Staff"))
        _write(args.out / "referral-card-claimed.json", {
            "method": "chat.update", "channel": REFERRALS, "ts": "1700000000.000300",
            **referral_card(claimed).payload()})
        store.close()


def _write(path: Path, payload: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {path}")


if __name__ == "__main__":
    main()

"""`RelatedRecords`: what the conversation store keeps beside conversations: feedback on
answers, referrals to an adviser (the only place personal data is kept) and the Slack threads
that carry a conversation.
"""

from __future__ import annotations

import uuid

import sqlalchemy as sa

from assistant.conversations.models import FeedbackRow, ReferralRow, SlackThreadRow, TurnRow
from assistant.conversations.records import (
    RATINGS,
    FeedbackRecord,
    Rating,
    Referral,
    ReferralAlreadyClaimed,
    ReferralContact,
    ReferralSummary,
    StoreError,
    UnknownConversation,
    UnknownMessage,
    UnknownReferral,
)
from assistant.conversations.sql import SqlBase, storable, uuid_hex
from assistant.reply import Reply

SLACK_ID_MAX = 64


class RelatedRecords(SqlBase):
    """Feedback, referrals and Slack threads, each tied to a conversation or one of its turns
    by a foreign key, so erasing the conversation erases them."""

    # -- feedback -----------------------------------------------------------------------

    def add_feedback(self, message_id: str, rating: Rating, comment: str = "") -> None:
        if rating not in RATINGS:
            raise ValueError(f"a rating is 'up' or 'down'; got {rating!r}")
        key = uuid_hex(message_id)
        unknown = UnknownMessage(
            f"There is no answer with message id {message_id!r} to rate; its conversation may "
            "have been deleted."
        )
        if key is None:
            raise unknown
        try:
            with self._session("storing feedback") as session:
                # The foreign key to the turn checks that the message exists in the statement
                # that records the rating, so a concurrent erasure cannot leave an orphan.
                session.execute(sa.insert(FeedbackRow).values(
                    message_id=key, rating=rating, comment=storable(comment),
                    created_at=self._now()))
        except StoreError as error:
            if isinstance(error.__cause__, sa.exc.IntegrityError):
                raise unknown from error
            raise

    def feedback(self, rating: str | None = None) -> list[FeedbackRecord]:
        """Ratings oldest first, all or only "up" or "down" ones, with question and answer."""
        if rating is not None and rating not in RATINGS:
            raise ValueError(f"a rating filter is 'up', 'down' or None; got {rating!r}")
        t, f = TurnRow, FeedbackRow
        query = (
            sa.select(f.message_id, t.conversation_id, f.rating, f.comment, f.created_at,
                      t.user_text, t.reply_json)
            .select_from(sa.join(f, t, t.message_id == f.message_id))
            .order_by(f.created_at, f.id)
        )
        if rating is not None:
            query = query.where(f.rating == rating)
        with self._session("reading feedback") as session:
            rows = session.execute(query).all()
        return [
            FeedbackRecord(
                message_id=row.message_id, conversation_id=row.conversation_id,
                rating=row.rating, comment=row.comment, question=row.user_text,
                answer=Reply.model_validate_json(row.reply_json).answer,
                created_at=row.created_at,
            )
            for row in rows
        ]

    # -- referrals ----------------------------------------------------------------------

    def add_referral(self, conversation_id: str, contact: ReferralContact,
                     summary: ReferralSummary) -> Referral:
        """Keep a request to talk to an adviser, with the contact the user consented to give
        and the summary of the conversation. Raises `UnknownConversation`."""
        key = uuid_hex(conversation_id)
        unknown = UnknownConversation(
            f"There is no conversation with id {conversation_id!r} to refer; it may have been "
            "deleted."
        )
        if key is None:
            raise unknown
        referral = Referral(
            id=uuid.uuid4().hex, conversation_id=key,
            contact=ReferralContact(**{name: storable(value) for name, value in contact}),
            summary=summary, created_at=self._now(),
        )
        try:
            with self._session("storing a referral") as session:
                session.add(ReferralRow(
                    id=referral.id, conversation_id=key, name=referral.contact.name,
                    email=referral.contact.email, company=referral.contact.company,
                    note=referral.contact.note, summary_json=summary.model_dump_json(),
                    created_at=referral.created_at,
                ))
        except StoreError as error:
            if isinstance(error.__cause__, sa.exc.IntegrityError):
                raise unknown from error
            raise
        return referral

    def referral(self, referral_id: str) -> Referral | None:
        key = uuid_hex(referral_id)
        if key is None:
            return None
        with self._session("reading a referral") as session:
            row = session.get(ReferralRow, key)
        return None if row is None else _referral(row)

    def referrals(self, *, claimed: bool | None = None) -> list[Referral]:
        """Referrals oldest first: all, only the claimed ones, or only the unclaimed ones."""
        query = sa.select(ReferralRow).order_by(ReferralRow.created_at, ReferralRow.id)
        if claimed is not None:
            query = query.where(ReferralRow.claimed_by.is_not(None) if claimed
                                else ReferralRow.claimed_by.is_(None))
        with self._session("reading referrals") as session:
            return [_referral(row) for row in session.scalars(query)]

    def claim_referral(self, referral_id: str, claimant: str) -> Referral:
        """Give the referral to `claimant`, once. Claiming it again as the same person returns
        it unchanged; anyone else gets `ReferralAlreadyClaimed` naming who has it."""
        claimant = storable(claimant).strip()
        if not claimant:
            raise ValueError("a claim needs the name of the person claiming")
        key = uuid_hex(referral_id)
        if key is None:
            raise UnknownReferral(f"There is no referral with id {referral_id!r}.")
        r = ReferralRow
        with self._session("claiming a referral") as session:
            # One conditional update: of two claims at once, exactly one finds it unclaimed.
            session.execute(sa.update(r).where(r.id == key, r.claimed_by.is_(None))
                            .values(claimed_by=claimant, claimed_at=self._now()))
            row = session.get(r, key)
            if row is None:
                raise UnknownReferral(
                    f"There is no referral with id {referral_id!r}; its conversation may have "
                    "been deleted."
                )
            referral = _referral(row)
        assert referral.claimed_by is not None and referral.claimed_at is not None
        if referral.claimed_by != claimant:
            raise ReferralAlreadyClaimed(key, referral.claimed_by, referral.claimed_at)
        return referral

    # -- Slack threads ------------------------------------------------------------------

    def link_slack_thread(self, team_id: str, channel_id: str, thread_ts: str,
                          conversation_id: str) -> str:
        """Record that a Slack thread carries a conversation; returns the conversation the
        thread is linked to: this one, or the one another worker linked it to first."""
        ids = _slack_ids(team_id, channel_id, thread_ts)
        key = uuid_hex(conversation_id)
        if key is None:
            raise UnknownConversation(f"There is no conversation with id {conversation_id!r}.")
        existing = self.slack_thread_conversation(*ids)
        if existing is not None:
            return existing
        try:
            with self._session("linking a Slack thread") as session:
                session.add(SlackThreadRow(team_id=ids[0], channel_id=ids[1], thread_ts=ids[2],
                                           conversation_id=key, created_at=self._now()))
        except StoreError as error:
            if not isinstance(error.__cause__, sa.exc.IntegrityError):
                raise
            linked = self.slack_thread_conversation(*ids)
            if linked is None:  # the conversation itself is missing
                raise UnknownConversation(
                    f"There is no conversation with id {conversation_id!r} to link; it may "
                    "have been deleted."
                ) from error
            return linked
        return key

    def slack_thread_conversation(self, team_id: str, channel_id: str,
                                  thread_ts: str) -> str | None:
        """The conversation a Slack thread carries, or None if none (or it was erased)."""
        ids = _slack_ids(team_id, channel_id, thread_ts)
        with self._session("reading a Slack thread") as session:
            return session.scalar(sa.select(SlackThreadRow.conversation_id).where(
                SlackThreadRow.team_id == ids[0], SlackThreadRow.channel_id == ids[1],
                SlackThreadRow.thread_ts == ids[2]))


def _slack_ids(team_id: str, channel_id: str, thread_ts: str) -> tuple[str, str, str]:
    ids = (team_id, channel_id, thread_ts)
    for name, value in zip(("team_id", "channel_id", "thread_ts"), ids, strict=True):
        if not isinstance(value, str) or not value.strip() or len(value) > SLACK_ID_MAX \
                or "\x00" in value:
            raise ValueError(f"a Slack {name} is 1 to {SLACK_ID_MAX} characters; got {value!r}")
    return ids


def _referral(row: ReferralRow) -> Referral:
    return Referral(
        id=row.id, conversation_id=row.conversation_id,
        contact=ReferralContact(name=row.name, email=row.email, company=row.company,
                                note=row.note),
        summary=ReferralSummary.model_validate_json(row.summary_json),
        created_at=row.created_at, claimed_by=row.claimed_by, claimed_at=row.claimed_at,
    )

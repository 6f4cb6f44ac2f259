"""Whether applications are open: the policy's funding rounds against the day."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from assistant.eligibility.results import RoundInfo, RoundState, RoundStatus
from assistant.eligibility.wording import on_day
from knowledge.policy import FundingRound

# --------------------------------------------------------------------------- rounds


def as_naive(value: date | datetime, zone: str = "") -> datetime:
    """Round times are local wall-clock times in the policy's zone: an aware "today" is
    converted to that zone (or, with no zone, read on its own clock)."""
    moment = value if isinstance(value, datetime) else datetime.combine(value, time.min)
    if moment.tzinfo is not None and zone:
        moment = moment.astimezone(ZoneInfo(zone))
    return moment.replace(tzinfo=None) if moment.tzinfo else moment


def _round_state(funding_round: FundingRound, now: datetime) -> RoundState:
    if now < funding_round.opens_at:
        return "upcoming"
    return "open" if now <= funding_round.closes_at else "closed"


def round_status(rounds: Sequence[FundingRound], now: datetime) -> RoundStatus | None:
    """Whether applications are open on `now`, from the policy's funding rounds."""
    if not rounds:
        return None
    infos = [RoundInfo(name=r.name, opens=r.opens, closes=r.closes, state=_round_state(r, now),
                       clause=r.clause)
             for r in sorted(rounds, key=lambda r: r.opens_at)]
    current = next((r for r in infos if r.state == "open"), None)
    coming = next((r for r in infos if r.state == "upcoming"), None)
    closed = [r for r in infos if r.state == "closed"]
    last = closed[-1] if closed else None
    if current is not None:
        state: RoundState = "open"
        text = (f"Applications are open: {current.name} opened {on_day(current.opens)} and "
                f"closes {on_day(current.closes)}.")
    elif coming is not None:
        state = "upcoming"
        text = (f"{last.name} closed {on_day(last.closes)}. " if last else "") + (
            f"Applications are closed now; the next round, {coming.name}, opens "
            f"{on_day(coming.opens)} and closes {on_day(coming.closes)}.")
    else:
        state = "closed"
        assert last is not None
        text = (f"Applications are closed: the last round, {last.name}, closed "
                f"{on_day(last.closes)}, and no further round has been announced.")
    return RoundStatus(state=state, current=current, next=coming, last_closed=last,
                       rounds=infos, text=text)

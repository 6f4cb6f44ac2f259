"""Answers rendered from the engine's objects: eligibility checklists with the award working,
and signposts. Every citation number points at a clause or record the reply also lists.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant import templates
from assistant.eligibility import Assessment, CriterionResult
from assistant.reply import Citation, EligibilityResult
from assistant.signposting import SignpostResult
from knowledge.policy import ClauseRef

Cite = Callable[[ClauseRef], Citation | None]

_MARK = {True: "✅", False: "❌", None: "❔"}
_VERDICT = {
    "eligible": "you look eligible",
    "ineligible": "not eligible as things stand",
    "need_more_info": "I need a little more information",
}

_YES_NO_FIRST = {"eligible": "Yes. ", "ineligible": "No. "}

_ORDER = {"eligible": 0, "need_more_info": 1, "ineligible": 2}


class CitationList:
    """Numbers citations in order of first use, one number per distinct clause or record."""

    def __init__(self) -> None:
        self.items: list[Citation] = []
        self._numbers: dict[tuple[str, str], int] = {}

    def number(self, citation: Citation | None) -> str:
        if citation is None:
            return ""
        key = (citation.source, citation.locator)
        if key not in self._numbers:
            self._numbers[key] = len(self.items) + 1
            self.items.append(citation.model_copy(update={"n": self._numbers[key]}))
        return f" [{self._numbers[key]}]"


def eligibility_answer(primary: Assessment, others: list[Assessment], cite: Cite,
                       citations: CitationList, before: EligibilityResult | None = None,
                       yes_no: bool = False) -> str:
    """The verdict, short: what is not met or not known yet, the award in a line, at most two
    questions, and a line for the other programmes. The whole checklist is in the reply's
    `eligibility`, for channels to render. `before` is the last verdict on the same programme
    in this conversation: what it already showed as met is not repeated, and what has become
    met since is shown. A yes/no question ("can we apply?") is answered Yes or No first when
    the verdict is settled."""
    first = _YES_NO_FIRST.get(primary.decision, "") if yes_no else ""
    lines = [f"**{first}{primary.programme_name}: {_VERDICT[primary.decision]}.**"]
    if list(primary.possible_bands) == ["large"] and before is None and primary.criteria and \
            not any(c.fact == "sme_band" for c in primary.criteria):
        # a large business asking about a programme that does not test size: say so, since
        # the others it has heard of do
        ref = citations.number(cite(primary.criteria[0].clause))
        lines.append(templates.ANY_SIZE.format(programme=primary.programme_name) + ref)
    was_met = {c.id for c in before.criteria if c.met} if before is not None else set()
    # the size worked out with other companies' figures added is shown with its working
    working = _size_working(primary)
    met = [r for r in primary.criteria if r.met and not (working and r.fact == "sme_band")]
    if met and before is None:
        refs = "".join(dict.fromkeys(citations.number(cite(r.clause)) for r in met))
        lines.append(f"{_MARK[True]} {templates.MET_LINE.format(labels=_labels(met))}{refs}")
    for result in primary.criteria:
        if result.met is None and result.confirmed_at_application and primary.decision != \
                "eligible":
            continue
        with_working = bool(working) and result.fact == "sme_band" and before is None
        if result.met and (before is None or result.id in was_met) and not with_working:
            continue
        if result.met is None and primary.decision == "ineligible":
            continue  # what is not known yet changes nothing while a rule is not met
        ref = citations.number(cite(result.clause))
        shown = result.explanation
        if with_working:
            shown = f"{shown} {working}"
        lines.append(f"- {_MARK[result.met]} **{result.label}**: {shown}{ref}")
    award = primary.award
    if award and award.summary and primary.decision != "ineligible":
        clause = award.summary.clause
        ref = citations.number(cite(clause)) if clause else ""
        lines.append("")
        lines.append(f"{templates.AWARD_LINE} {award.summary.text}{ref}")
    if primary.round_status:
        lines.append("")
        lines.append(primary.round_status.text)
    if primary.next_questions:
        lines.append("")
        lines.append(templates.NEXT_QUESTIONS_INTRO)
        lines.extend(f"- {q}" for q in primary.next_questions[:2])
    if others:
        lines.append("")
        lines.append(_others_line(others))
    return "\n".join(lines)


def _size_working(assessment: Assessment) -> str:
    """What each partner or linked company adds and the combined figures, when any company's
    figures were added to the business's own; "" when its own figures alone were used."""
    working = assessment.band_working
    combined = [line for line in working if line.startswith("Combined figures")]
    if not combined:
        return ""
    added = [line for line in working if _ADDED.search(line)]
    return " ".join([*added, *combined])


# a holding whose figures count: "... a linked enterprise, so its figures are added in full: ..."
_ADDED = re.compile(r"\bfigures\s+are\s+added\b|\bof\s+its\s+figures\s+are\s+added\b")


def _labels(results: list[CriterionResult]) -> str:
    labels = [r.label[:1].lower() + r.label[1:] if not r.label[:2].isupper() else r.label
              for r in results]
    return "; ".join(labels)


def _others_line(others: list[Assessment]) -> str:
    """One line for the other programmes: those open to the business or still to be settled,
    each with its verdict, then those that are not, by name (their reasons are in the reply's
    `eligibility`)."""
    parts = [f"{a.programme_name} ({_VERDICT[a.decision]})"
             for a in sorted(others, key=lambda a: _ORDER[a.decision])
             if a.decision != "ineligible"]
    closed = [a.programme_name for a in others if a.decision == "ineligible"]
    text = templates.OTHER_PROGRAMMES_HEADING
    if parts:
        text += " " + "; ".join(parts) + "."
    if closed:
        text += " " + templates.OTHERS_CLOSED.format(names=", ".join(closed)) + "."
    return text


def signpost_answer(result: SignpostResult, citations: CitationList,
                    record_citation: Callable[..., Citation]) -> str:
    if not result.matches:
        return ""
    lines = [templates.SIGNPOST_INTRO]
    for match in result.matches:
        record = match.record
        ref = citations.number(record_citation(record))
        partner = str(record.get("partner") or "")
        location = str(record.get("location") or "")
        if partner and re.search(rf"(?<!\w){re.escape(partner)}(?!\w)", location, re.I):
            partner = ""  # "Northgate Institute, Science Park" already names it
        where = ", ".join(v for v in (partner, location) if v)
        head = f"- **{record.name}**" + (f" ({where})" if where else "")
        access = f" {templates.ACCESS_PREFIX} {match.access}" if match.access else ""
        lines.append(f"{head}: {match.why}{access}{ref}")
    if result.talk_to:
        lines.append("")
        lines.append(templates.TALK_TO.format(hub=result.talk_to))
    return "\n".join(lines)

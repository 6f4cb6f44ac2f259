"""Answers rendered from the engine's objects: eligibility checklists with the award working,
and signposts. Every citation number points at a clause or record the reply also lists.
"""

from __future__ import annotations

from collections.abc import Callable

from assistant import templates
from assistant.eligibility import Assessment
from assistant.reply import Citation
from assistant.signposting import SignpostResult
from knowledge.policy import ClauseRef

Cite = Callable[[ClauseRef], Citation | None]

_MARK = {True: "✅", False: "❌", None: "❔"}
_VERDICT = {
    "eligible": "you look eligible",
    "ineligible": "not eligible as things stand",
    "need_more_info": "I need a little more information",
}

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
                       citations: CitationList) -> str:
    """The checklist for the programme the conversation is about, a line for the others."""
    lines = [f"**{primary.programme_name}: {_VERDICT[primary.decision]}.**"]
    for result in primary.criteria:
        if result.met is None and result.confirmed_at_application and primary.decision != \
                "eligible":
            continue
        ref = citations.number(cite(result.clause))
        lines.append(f"- {_MARK[result.met]} **{result.label}**: {result.explanation}{ref}")
    if primary.award and primary.decision != "ineligible":
        lines.append("")
        lines.append(templates.AWARD_HEADING)
        for line in primary.award.lines:
            ref = citations.number(cite(line.clause)) if line.clause else ""
            lines.append(f"- {line.text}{ref}")
    if primary.round_status:
        lines.append("")
        lines.append(primary.round_status.text)
    if primary.next_questions:
        lines.append("")
        lines.append(templates.NEXT_QUESTIONS_INTRO)
        lines.extend(f"- {q}" for q in primary.next_questions)
    if others:
        lines.append("")
        lines.append(templates.OTHER_PROGRAMMES_HEADING)
        for other in sorted(others, key=lambda a: _ORDER[a.decision]):
            reason = ""
            failing = [r for r in other.criteria if r.met is False]
            if other.decision == "ineligible" and failing:
                reason = (f" ({templates.NOT_MET.format(label=failing[0].label)}"
                          f"{citations.number(cite(failing[0].clause))})")
            lines.append(f"- {other.programme_name}: {_VERDICT[other.decision]}{reason}")
    return "\n".join(lines)


def signpost_answer(result: SignpostResult, citations: CitationList,
                    record_citation: Callable[..., Citation]) -> str:
    if not result.matches:
        return ""
    lines = [templates.SIGNPOST_INTRO]
    for match in result.matches:
        record = match.record
        ref = citations.number(record_citation(record))
        where = ", ".join(v for v in (str(record.get("partner") or ""),
                                      str(record.get("location") or "")) if v)
        head = f"- **{record.name}**" + (f" ({where})" if where else "")
        access = f" {templates.ACCESS_PREFIX} {match.access}" if match.access else ""
        lines.append(f"{head}: {match.why}{access}{ref}")
    if result.talk_to:
        lines.append("")
        lines.append(templates.TALK_TO.format(hub=result.talk_to))
    return "\n".join(lines)

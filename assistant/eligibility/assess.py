"""`EligibilityEngine`: each programme's criteria applied to a business's facts, the verdict,
the questions worth asking next, and the assessment as the reply carries it."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime

from assistant.business import Facts
from assistant.eligibility.areas import observe_area
from assistant.eligibility.awards import calculate_award
from assistant.eligibility.criteria import criterion_met, explain, question_for
from assistant.eligibility.observation import (
    Observation,
    observe_mfa,
    observe_public_share,
    observe_raw,
    observe_size,
)
from assistant.eligibility.results import (
    MAX_QUESTIONS,
    Assessment,
    AwardCalculation,
    CriterionResult,
    Decision,
    SizeFinding,
    UnknownProgrammeError,
)
from assistant.eligibility.rounds import as_naive, round_status
from assistant.eligibility.rules import RuleFacts, judge_criterion
from assistant.eligibility.sectors import in_sector_list, observe_sector
from assistant.eligibility.size import classify_size
from assistant.eligibility.wording import RANGE_WORDS, joined, money_text, number
from assistant.reply import Citation, EligibilityResult
from assistant.reply import Criterion as ReplyCriterion
from knowledge.policy import (
    ClauseRef,
    Criterion,
    Policy,
    Programme,
    SectorList,
)

# --------------------------------------------------------------------------- engine


def _check_criterion(policy: Policy, programme: Programme, criterion: Criterion) -> None:
    """The references a criterion makes to the rest of the policy (the model checks the
    criterion on its own)."""
    where = f"Programme '{programme.id}', criterion '{criterion.id}'"
    if criterion.fact == "area_status" and policy.area(criterion.area or "") is None:
        raise ValueError(f"{where} tests area_status but names no area the policy defines "
                         f"(area: {criterion.area!r}).")
    if criterion.fact in ("excluded_sector", "sector_fit") and policy.sector_list(
            criterion.sectors or "") is None:
        raise ValueError(f"{criterion.fact} needs a sector list the policy defines: {where} "
                         f"names sectors: {criterion.sectors!r}.")


def _check_policy(policy: Policy) -> None:
    if not isinstance(policy, Policy):
        raise TypeError(f"EligibilityEngine needs a Policy, not {type(policy).__name__}.")
    for programme in policy.programmes:
        for criterion in programme.criteria:
            _check_criterion(policy, programme, criterion)


def _now() -> datetime:
    """Now, with the server's time zone, so that rounds are judged in the policy's zone."""
    return datetime.now().astimezone()


class EligibilityEngine:
    """Applies the policy's programmes to a business's facts: a verdict per programme, each
    criterion explained and cited, the size band, the award working and the funding round."""

    def __init__(self, policy: Policy,
                 today: Callable[[], date | datetime] = _now) -> None:
        _check_policy(policy)
        self._policy = policy
        self._today = today

    @property
    def policy(self) -> Policy:
        return self._policy

    def assess(self, facts: Facts, programme_ids: list[str] | None = None,
               requested_award_gbp: float | None = None) -> list[Assessment]:
        """A verdict per programme. A fact given as a range is judged at its middle and at
        both ends: a criterion the ends disagree on is not known yet, and the question asks
        for the figure."""
        assessments = self._assess_all(facts, programme_ids, requested_award_gbp)
        if not facts.ranges:
            return assessments
        ends = [self._assess_all(facts.at_range_end(end), programme_ids, requested_award_gbp)
                for end in (0, 1)]
        return [_open_where_ends_differ(middle, low, high, facts)
                for middle, low, high in zip(assessments, *ends, strict=True)]

    def _assess_all(self, facts: Facts, programme_ids: list[str] | None,
                    requested_award_gbp: float | None) -> list[Assessment]:
        programmes = self._programmes(programme_ids)
        size = classify_size(facts, self._policy.rates.eur_to_gbp, self._policy.rates.sme)
        today = self._today()
        return [self._assess(programme, facts, size, requested_award_gbp,
                             as_naive(today, programme.time_zone or self._policy.time_zone))
                for programme in programmes]

    def assess_one(self, facts: Facts, programme_id: str,
                   requested_award_gbp: float | None = None) -> Assessment:
        return self.assess(facts, [programme_id], requested_award_gbp)[0]

    def _programmes(self, programme_ids: list[str] | None) -> list[Programme]:
        if programme_ids is None:
            return list(self._policy.programmes)
        programmes = []
        for programme_id in programme_ids:
            programme = self._policy.programme(programme_id)
            if programme is None:
                known = ", ".join(p.id for p in self._policy.programmes)
                raise UnknownProgrammeError(
                    f"There is no programme '{programme_id}'; the programmes are: {known}.")
            programmes.append(programme)
        return programmes

    def _requested(self, facts: Facts, requested_award_gbp: float | None) -> float | None:
        if requested_award_gbp is not None:
            return requested_award_gbp
        if facts.requested_amount is None:
            return None
        return round(facts.requested_amount.in_gbp(self._policy.rates.eur_to_gbp), 2)

    def _assess(self, programme: Programme, facts: Facts, size: SizeFinding,
                requested_award_gbp: float | None, now: datetime) -> Assessment:
        requested = self._requested(facts, requested_award_gbp)
        award = (calculate_award(programme.award, size, facts, self._policy, requested)
                 if programme.award else None)
        values = RuleFacts(self._policy, facts, size, award, requested, now.date())
        evaluated = [judge_criterion(criterion, values) if criterion.rule is not None else
                     self._evaluate(criterion, programme, facts, size, award, requested)
                     for criterion in programme.criteria]
        results = [result for result, _ in evaluated]
        decision = _decision(results)
        open_ones = [result for result in results
                     if result.met is None and not result.confirmed_at_application]
        # the facts to ask for, then the policy's own name for each fact left open ("sme_band"
        # after "employees"), the words a programme's rules and its evaluators use
        missing = _unique([*(fact for result in open_ones for fact in result.missing_facts),
                           *(result.fact for result in open_ones if result.missing_facts
                             and result.fact.removesuffix("_gbp") not in result.missing_facts)])
        questions = [] if decision == "ineligible" else _next_questions(
            programme.criteria, evaluated)
        return Assessment(
            programme_id=programme.id, programme_name=programme.name, decision=decision,
            band=size.band, possible_bands=size.possible_bands, band_working=size.working,
            criteria=results, missing_facts=missing, next_questions=questions, award=award,
            round_status=round_status(programme.rounds, now))

    def _observe(self, criterion: Criterion, programme: Programme, facts: Facts,
                 size: SizeFinding, award: AwardCalculation | None,
                 requested: float | None) -> Observation:
        policy, rate = self._policy, self._policy.rates.eur_to_gbp
        assert criterion.fact is not None  # a rule criterion is judged by `judge_criterion`
        match criterion.fact:
            case "sme_band":
                return observe_size(size)
            case "area_status":
                return observe_area(policy.area(criterion.area or ""), facts)  # type: ignore
            case "excluded_sector" | "sector_fit":
                sectors = policy.sector_list(criterion.sectors or "")
                fit = criterion.fact == "sector_fit"
                return observe_sector(sectors, facts,  # type: ignore[arg-type]
                                      fit=fit and not self._in_excluded_sector(facts),
                                      elsewhere=lambda: self._other_fields(criterion, facts))
            case "public_body_share":
                return observe_public_share(facts)
            case "mfa_after_award":
                return observe_mfa(criterion, facts, programme, award, requested,
                                   policy.rates)
            case "employees" | "turnover_gbp" | "balance_sheet_gbp" | "months_trading" | \
                    "insolvent":
                return observe_raw(criterion.fact, facts, rate)
        raise AssertionError(f"no observation for {criterion.fact}")

    def _other_fields(self, criterion: Criterion, facts: Facts) -> list[SectorList]:
        """The other fields the programmes serve that the business's own activity is in."""
        lists = {c.sectors for p in self._policy.programmes for c in p.criteria
                 if c.fact == "sector_fit" and c.sectors and c.sectors != criterion.sectors}
        return [found for list_id in sorted(lists)
                if (found := self._policy.sector_list(list_id)) is not None
                and in_sector_list(found, facts)]

    def _in_excluded_sector(self, facts: Facts) -> bool:
        """Whether the business's own activity is in a sector some programme excludes: a shop
        that sells drinks is not moving into food by naming what it sells."""
        lists = {c.sectors for p in self._policy.programmes for c in p.criteria
                 if c.fact == "excluded_sector" and c.sectors}
        return any(in_sector_list(found, facts) for list_id in lists
                   if (found := self._policy.sector_list(list_id)) is not None)

    def _evaluate(self, criterion: Criterion, programme: Programme, facts: Facts,
                  size: SizeFinding, award: AwardCalculation | None,
                  requested: float | None) -> tuple[CriterionResult, Observation]:
        observation = self._observe(criterion, programme, facts, size, award, requested)
        met = criterion_met(criterion, observation)
        result = CriterionResult(
            id=criterion.id, label=criterion.label, fact=str(criterion.fact), met=met,
            explanation=explain(criterion, observation, met), clause=criterion.clause,
            confirmed_at_application=criterion.confirmed_at_application,
            missing_facts=list(observation.missing) if met is None else [])
        return result, observation


def _open_where_ends_differ(middle: Assessment, low: Assessment, high: Assessment,
                            facts: Facts) -> Assessment:
    """The assessment at a range's middle; when the range's two ends give different
    verdicts, each criterion they decide differently is left open (see
    `EligibilityEngine.assess`)."""
    if low.decision == high.decision:
        return middle
    criteria: list[CriterionResult] = []
    opened: list[str] = []
    decided: list[str] = []
    for result, at_low, at_high in zip(middle.criteria, low.criteria, high.criteria,
                                       strict=True):
        if at_low.met == at_high.met:
            criteria.append(result)
            continue
        names = [name for name in facts.ranges if name in RANGE_WORDS]
        if names == ["employees"] and facts.staff_uncounted:
            counted = number(facts.ranges["employees"][0])
            explanation = (f"{result.explanation} Besides the {counted} staff counted, others "
                           "work there whose number or hours were not given, and they could "
                           "take the count past the limit.")
        else:
            spans = joined([f"{RANGE_WORDS[name]} of {_range_text(facts, name)}"
                            for name in names])
            explanation = (f"{result.explanation} With the range given ({spans}), this is met "
                           f"at one end and not at the other, so the exact figure decides it.")
        # the figures that settle it, and the criterion's own fact ("sme_band")
        settles = _unique([*names, result.fact])
        criteria.append(result.model_copy(update={
            "met": None, "explanation": explanation, "missing_facts": settles,
            "confirmed_at_application": False}))
        opened.extend(names)
        decided.append(result.fact)
    if not opened:
        return middle
    decision = _decision(criteria)
    questions = list(middle.next_questions)
    ask = ("What is the exact figure for " + joined([RANGE_WORDS[n] for n in _unique(opened)])
           + "? The range you gave spans a limit, so it decides the answer.")
    if _unique(opened) == ["employees"] and facts.staff_uncounted:
        ask = ("How many part-time or seasonal staff are there besides those you counted, and "
               "for how many hours a week or months a year do they work? They could take the "
               "count past a limit.")
    questions = [ask, *questions][:MAX_QUESTIONS] if decision != "ineligible" else []
    missing = _unique([*middle.missing_facts, *opened, *decided])
    return middle.model_copy(update={"criteria": criteria, "decision": decision,
                                     "next_questions": questions, "missing_facts": missing})


def _range_text(facts: Facts, name: str) -> str:
    low, high = facts.ranges[name]
    if name == "employees":
        return f"{number(low)} to {number(high)}"
    money = getattr(facts, name)
    sign = "€" if money is not None and money.currency == "EUR" else "£"
    return f"{money_text(low, sign)} to {money_text(high, sign)}"


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


def _decision(results: Sequence[CriterionResult]) -> Decision:
    if any(result.met is False for result in results):
        return "ineligible"
    if any(result.met is None and not result.confirmed_at_application for result in results):
        return "need_more_info"
    return "eligible"


def _next_questions(criteria: Sequence[Criterion],
                    evaluated: Sequence[tuple[CriterionResult, Observation]]) -> list[str]:
    """The most useful questions: the open criteria in priority order, one question each,
    none that repeats a fact already asked about, never more than two."""
    open_ones = sorted(
        ((criterion.priority, index, criterion, observation)
         for index, (criterion, (result, observation)) in enumerate(zip(criteria, evaluated,
                                                                         strict=True))
         if result.met is None and not result.confirmed_at_application),
        key=lambda item: (item[0], item[1]))
    questions: list[str] = []
    asked: set[str] = set()
    for _, _, criterion, observation in open_ones:
        text = question_for(criterion, observation)
        if text in questions or (observation.missing and set(observation.missing) <= asked):
            continue
        questions.append(text)
        asked.update(observation.missing)
        if len(questions) == MAX_QUESTIONS:
            break
    return questions


# --------------------------------------------------------------------------- reply


def to_reply(assessment: Assessment,
             cite: Callable[[ClauseRef], Citation | None]) -> EligibilityResult:
    """The assessment as the reply object carries it, each criterion with its citation."""
    return EligibilityResult(
        programme=assessment.programme_name,
        decision=assessment.decision,
        criteria=[ReplyCriterion(id=result.id, met=result.met, explanation=result.explanation,
                                 citation=cite(result.clause))
                  for result in assessment.criteria],
        missing_facts=assessment.missing_facts,
    )

"""The size band under the EU SME definition (Commission Recommendation 2003/361/EC),
with linked and partner enterprises added, and the working that explains it."""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.business import Facts, Holding, Money
from assistant.eligibility.results import SizeFinding
from assistant.eligibility.wording import capitalised, joined, money_text, number
from knowledge.policy import Band
from knowledge.policy.rules import SmeTest

# The test is the policy's (`SmeTest`); its defaults are the EU SME definition (Commission
# Recommendation 2003/361/EC, annex, articles 2 and 3). Money is compared in the test's
# currency; euro figures convert at the policy's rate.


@dataclass(frozen=True)
class _Ceiling:
    band: Band
    staff_below: float  # annual work units
    turnover_eur: float  # in euro, whatever the test's currency, as the totals are kept
    balance_sheet_eur: float


# How a holder exempt from the partner test is named in the working.
_HOLDER_NAMES = {"investor": "an investor", "university": "a university",
                 "public_body": "a public body", "enterprise": "an enterprise",
                 "individual": "a person"}


def _ceilings(test: SmeTest, eur_to_gbp: float) -> tuple[_Ceiling, ...]:
    factor = 1.0 if test.currency == "EUR" else 1 / eur_to_gbp
    return tuple(_Ceiling(b.band, b.staff_below, b.turnover_max * factor,
                          b.balance_sheet_max * factor) for b in test.bands)


def _tri_and(a: bool | None, b: bool | None) -> bool | None:
    if a is False or b is False:
        return False
    return True if a is True and b is True else None


def _tri_or(a: bool | None, b: bool | None) -> bool | None:
    if a is True or b is True:
        return True
    return False if a is False and b is False else None


# How far from a staff ceiling an approximate headcount ("about 250") leaves the band open.
_APPROX_MARGIN = 0.02


@dataclass
class _Total:
    """A combined figure: exact, or only a lower bound while some part of it is unknown."""

    value: float = 0.0  # AWU for staff; EUR for money
    gbp: float = 0.0  # money only
    exact: bool = True
    any_known: bool = False
    above: float = 0.0  # staff only: how far above `value` an inexact total can go, if known

    def add(self, value: float, gbp: float = 0.0) -> None:
        self.value += value
        self.gbp += gbp
        self.any_known = True

    def below(self, ceiling: float) -> bool | None:
        if self.value >= ceiling:
            return False
        if self.any_known and (self.exact or (self.above and self.value + self.above <= ceiling)):
            return True
        return None

    def within(self, ceiling: float) -> bool | None:
        if round(self.value, 2) > ceiling:
            return False
        return True if self.exact and self.any_known else None


@dataclass
class _Figures:
    staff: _Total = field(default_factory=_Total)
    turnover: _Total = field(default_factory=_Total)
    balance_sheet: _Total = field(default_factory=_Total)


def _add_money(total: _Total, money: Money | None, factor: float, eur_to_gbp: float) -> None:
    if money is None:
        total.exact = False
        return
    gbp = money.in_gbp(eur_to_gbp) * factor
    eur = (money.amount if money.currency == "EUR" else money.amount / eur_to_gbp) * factor
    total.add(eur, gbp)


def _both(total: _Total) -> str:
    return f"{money_text(total.gbp)} ({money_text(total.value, '€')})"


def _money_both(money: Money, eur_to_gbp: float, factor: float = 1.0) -> str:
    total = _Total()
    _add_money(total, money, factor, eur_to_gbp)
    return _both(total)


def _ceiling_text(eur: float, eur_to_gbp: float, gbp_only: bool = False) -> str:
    if gbp_only:
        return money_text(eur * eur_to_gbp)
    return f"{money_text(eur, '€')} ({money_text(eur * eur_to_gbp)})"


class _SizeWorking:
    """Builds the combined figures and the sentences that explain them."""

    def __init__(self, facts: Facts, eur_to_gbp: float, test: SmeTest) -> None:
        self.facts = facts
        self.rate = eur_to_gbp
        self.test = test
        self.ceilings = _ceilings(test, eur_to_gbp)
        self.bands: tuple[Band, ...] = (*(c.band for c in self.ceilings), "large")
        self.figures = _Figures()
        self.lines: list[str] = []
        self.missing: list[str] = []
        self.question = ""
        self.counted = 0
        self.approximate = False  # a holder's staff given only roughly
        self.staff_hours_needed = False  # part-timers' hours would settle the band

    def run(self) -> SizeFinding:
        self._own_figures()
        self._holdings()
        staff = self.figures.staff
        if self.approximate and staff.exact and (ceiling := self._ceiling_at(staff.value)):
            # "maybe 100 staff" in a linked firm, at a ceiling once added: either side of it
            staff.value, staff.exact = ceiling * (1 - _APPROX_MARGIN), False
            self.lines.append(f"With a holder's staff given only roughly, the combined "
                              f"{number(round(staff.value / (1 - _APPROX_MARGIN)))} staff is "
                              "too close to a ceiling to say which side of it the business is.")
        if self.counted:
            self.lines.append(self._combined_line())
        possible = self._possible_bands()
        band = self._reported_band(possible)
        missing = self._missing_facts() if len(possible) > 1 else []
        if len(possible) == 1:
            summary = self._decided(possible[0], settled=True)
        elif band is not None:
            summary = self._decided(band, settled=False) + " " + self._lower_bands(possible,
                                                                                 band)
        else:
            summary = self._open(possible, missing)
        self.lines.append(summary)
        return SizeFinding(band=band, possible_bands=list(possible), working=self.lines,
                           summary=summary, missing_facts=missing,
                           question=self.question if missing else "")

    # -- figures

    def _own_figures(self) -> None:
        facts, figures = self.facts, self.figures
        if facts.employees is None:
            figures.staff.exact = False
            staff = "staff not given"
        elif facts.employees_approx and (ceiling := self._ceiling_at(facts.employees)):
            # "around 250 staff" at a ceiling could be either side of it: a lower bound only
            figures.staff.add(ceiling * (1 - _APPROX_MARGIN))
            figures.staff.exact = False
            staff = (f"about {number(facts.employees)} staff, too close to the ceiling of "
                     f"{number(ceiling)} to say which side of it the business is")
        elif facts.part_timers_unknown and (ceiling := self._ceiling_within(
                facts.employees, facts.part_timers_unknown / 2)):
            # part-timers of unknown hours, counted as halves: the count lies within half a
            # unit each way of theirs, and a ceiling inside that range leaves the band open
            half = facts.part_timers_unknown / 2
            figures.staff.add(facts.employees - half)
            figures.staff.exact, figures.staff.above = False, 2 * half
            staff = (f"{number(facts.employees - half)} to {number(facts.employees + half)} "
                     f"staff in annual work units (AWU), as the hours of "
                     f"{number(facts.part_timers_unknown)} part-time staff are not known: "
                     f"the ceiling of {number(ceiling)} lies between, so their hours decide "
                     "which side of it the business is")
            self.staff_hours_needed = True
        else:
            figures.staff.add(facts.employees)
            staff = (f"{number(facts.employees)} staff in annual work units (AWU; part-time "
                     "staff count as fractions)")
        _add_money(figures.turnover, facts.turnover, 1.0, self.rate)
        _add_money(figures.balance_sheet, facts.balance_sheet, 1.0, self.rate)
        turnover = (f"turnover {_money_both(facts.turnover, self.rate)}" if facts.turnover
                    else "turnover not given")
        balance = (f"balance sheet total {_money_both(facts.balance_sheet, self.rate)}"
                   if facts.balance_sheet else "balance sheet total not given")
        self.lines.append(f"The business's own figures: {staff}, {turnover}, {balance} "
                          f"(euro figures at €1 = £{number(self.rate)}).")

    def _ceiling_within(self, staff: float, half: float) -> float | None:
        """The staff ceiling strictly inside `staff` give or take `half`, if any."""
        return next((c.staff_below for c in self.ceilings
                     if staff - half < c.staff_below < staff + half), None)

    def _ceiling_at(self, staff: float) -> float | None:
        """The staff ceiling an approximate headcount sits on, if any."""
        for ceiling in self.ceilings:
            limit = ceiling.staff_below
            if abs(staff - limit) <= limit * _APPROX_MARGIN:
                return limit
        return None

    def _holdings(self) -> None:
        if not self.facts.holdings:
            self.lines.append(f"No holding of {number(self.test.partner_from_percent)}% or more "
                              "was mentioned, so the business is treated as autonomous and its "
                              "own figures are used.")
            return
        for holding in self.facts.holdings:
            self.lines.append(self._holding_line(holding))
        if not self.counted:
            self.lines.append("No holding counts towards the business's size, so its own "
                              "figures are used.")

    def _holding_line(self, holding: Holding) -> str:
        share = holding.share_percent
        if share is None and holding.holder_kind == "public_body":
            return (f"{capitalised(holding.holder)} holds a share of the business of a size not "
                    "given: a public body, so the holding is tested under the public-ownership "
                    "rule rather than added to the business's figures.")
        if share is None:  # "a bigger firm took a stake": partner, linked or neither
            self._holder_figures_unknown(
                f"What share of the business does {holding.holder} hold, and how many staff "
                "does it have, with its turnover and balance sheet total? From 25% its figures "
                "count towards the business's size.")
            return (f"{capitalised(holding.holder)} holds a share of the business of a size not "
                    f"given: from {number(self.test.partner_from_percent)}% it would be a "
                    "partner or a linked enterprise, whose figures count towards the business's "
                    "size, so the combined figures are not known.")
        if holding.same_owner:
            self.counted += 1
            return (f"{capitalised(holding.holder)} has the same owner as the business: a linked "
                    f"enterprise, so its figures are added in full"
                    f"{self._add_holding(holding, 1.0)}")
        who = (f"{holding.holder} holds {number(share)}% of the business"
               if holding.direction == "owns_us"
               else f"the business holds {number(share)}% of {holding.holder}")
        who = capitalised(who)
        test = self.test
        partner, linked = number(test.partner_from_percent), number(test.linked_above_percent)
        if share < test.partner_from_percent:
            return f"{who}: under {partner}%, so it is not counted."
        if holding.holder_kind == "individual":
            return f"{who}: a person, not an enterprise, so no figures are added."
        if holding.holder_kind == "public_body":
            return (f"{who}: a public body, so the holding is tested under the public-ownership "
                    "rule rather than added to the business's figures.")
        if holding.holder_kind in test.exempt_holders and share <= test.exempt_up_to_percent:
            upto = number(test.exempt_up_to_percent)
            return (f"{who}: a holding of {partner}% to {upto}% by "
                    f"{_HOLDER_NAMES[holding.holder_kind]} does not on its own stop the "
                    "business being autonomous, so its figures are not added.")
        self.counted += 1
        if share > test.linked_above_percent:
            return (f"{who} (more than {linked}%): a linked enterprise, so its figures are "
                    f"added in full{self._add_holding(holding, 1.0)}")
        return (f"{who} ({partner}% to {linked}%): a partner enterprise, so {number(share)}% "
                f"of its figures are added{self._add_holding(holding, share / 100)}")

    def _add_holding(self, holding: Holding, factor: float) -> str:
        figures = self.figures
        stated = [value is not None for value in
                  (holding.employees, holding.turnover, holding.balance_sheet)]
        if not any(stated):
            self._holder_figures_unknown(
                f"How many staff does {holding.holder} have, and what are its turnover and "
                "balance sheet total? They count towards the business's size.")
            return ", but none of them were given, so the combined figures are incomplete."
        parts, absent = [], []
        if holding.employees is not None:
            figures.staff.add(holding.employees * factor)
            self.approximate = self.approximate or holding.employees_approx
            parts.append(self._part(number(holding.employees * factor) + " AWU",
                                    number(holding.employees) + " AWU", factor))
        else:
            absent.append("staff")
        for name, money, total in (("turnover", holding.turnover, figures.turnover),
                                   ("balance sheet total", holding.balance_sheet,
                                    figures.balance_sheet)):
            if money is None:
                absent.append(name)
                continue
            total.add(*self._eur_gbp(money, factor))
            parts.append(self._part(f"{name} {_money_both(money, self.rate, factor)}",
                                    _money_both(money, self.rate), factor))
        text = ": " + joined(parts) + "."
        if absent:
            text += (f" Its {joined(absent)} {'was' if len(absent) == 1 else 'were'} not given, "
                     "so only the figures stated are added.")
        return text

    def _holder_figures_unknown(self, question: str) -> None:
        """A holding counted, or perhaps counted, whose figures are not given: the combined
        figures are incomplete, and `question` asks for them."""
        figures = self.figures
        figures.staff.exact = figures.turnover.exact = figures.balance_sheet.exact = False
        self.missing.append("holdings")
        self.question = question

    def _eur_gbp(self, money: Money, factor: float) -> tuple[float, float]:
        eur = money.amount if money.currency == "EUR" else money.amount / self.rate
        return eur * factor, money.in_gbp(self.rate) * factor

    @staticmethod
    def _part(added: str, whole: str, factor: float) -> str:
        return added if factor == 1.0 else f"{added} (of its {whole})"

    def _combined_line(self) -> str:
        staff = self.figures.staff
        parts = [f"{number(staff.value)} AWU" if staff.any_known else "staff not known"]
        for name, total in (("turnover", self.figures.turnover),
                            ("balance sheet total", self.figures.balance_sheet)):
            parts.append(f"{name} {_both(total)}" if total.any_known
                         else f"{name} not known")
        text = "Combined figures: " + joined(parts) + "."
        if not (staff.exact and (self.figures.turnover.exact or
                                 self.figures.balance_sheet.exact)):
            text += " Some parts are not known, so these are lower limits."
        return text

    # -- bands

    def _qualifies(self, ceiling: _Ceiling) -> bool | None:
        figures = self.figures
        money = _tri_or(figures.turnover.within(ceiling.turnover_eur),
                        figures.balance_sheet.within(ceiling.balance_sheet_eur))
        return _tri_and(figures.staff.below(ceiling.staff_below), money)

    def _possible_bands(self) -> tuple[Band, ...]:
        # Each ceiling contains the ones below it, so a band is possible when the business
        # might qualify for it and might not qualify for the band below.
        qualifies = [self._qualifies(ceiling) for ceiling in self.ceilings] + [True]
        return tuple(band for i, band in enumerate(self.bands)
                     if qualifies[i] is not False and (i == 0 or qualifies[i - 1] is not True))

    @staticmethod
    def _reported_band(possible: tuple[Band, ...]) -> Band | None:
        if len(possible) == 1:
            return possible[0]
        # Open only between SME bands: the band on the figures given (the largest) is a
        # safe working band; open between an SME band and large, it is not settled.
        return possible[-1] if "large" not in possible else None

    def _ceiling(self, eur: float) -> str:
        return _ceiling_text(eur, self.rate, gbp_only=self.test.currency == "GBP")

    def _staff_text(self) -> str:
        return f"{number(self.figures.staff.value)} AWU"

    def _decided(self, band: Band, settled: bool) -> str:
        figures = self.figures
        if band == "large":
            top = self.ceilings[-1]
            if figures.staff.below(top.staff_below) is False:
                return (f"Staff of {self._staff_text()} is {number(top.staff_below)} or more, "
                        "so the business is large (not an SME), whatever its turnover or "
                        "balance sheet.")
            return (f"Turnover of {_both(figures.turnover)} is above the "
                    f"{self._ceiling(top.turnover_eur)} ceiling and the balance "
                    f"sheet total of {_both(figures.balance_sheet)} is above the "
                    f"{self._ceiling(top.balance_sheet_eur)} ceiling; one of the two "
                    "must be within its ceiling, so the business is large (not an SME).")
        index = self.bands.index(band)
        ceiling = self.ceilings[index]
        text = (f"Staff of {self._staff_text()} is under {number(ceiling.staff_below)} and "
                f"{self._money_route(ceiling)}, so the business is {band}.")
        if index > 0 and settled:
            text += " " + self._not_smaller(self.ceilings[index - 1])
        return text

    def _money_route(self, ceiling: _Ceiling) -> str:
        figures = self.figures
        limit = f"the {ceiling.band} ceiling of "
        if figures.turnover.within(ceiling.turnover_eur):
            return (f"turnover of {_both(figures.turnover)} is within {limit}"
                    f"{self._ceiling(ceiling.turnover_eur)}")
        text = (f"the balance sheet total of {_both(figures.balance_sheet)} is within "
                f"{limit}{self._ceiling(ceiling.balance_sheet_eur)}")
        if figures.turnover.any_known:
            text += (f" (turnover of {_both(figures.turnover)} is above its ceiling, "
                     "but only one of the two needs to be within)")
        return text

    def _not_smaller(self, smaller: _Ceiling) -> str:
        figures = self.figures
        if figures.staff.below(smaller.staff_below) is False:
            return (f"It is not {smaller.band}: staff of {self._staff_text()} is not under "
                    f"{number(smaller.staff_below)}.")
        return (f"It is not {smaller.band}: turnover of {_both(figures.turnover)} is "
                f"above {self._ceiling(smaller.turnover_eur)} and the balance sheet "
                f"total of {_both(figures.balance_sheet)} is above "
                f"{self._ceiling(smaller.balance_sheet_eur)}.")

    def _lower_bands(self, possible: tuple[Band, ...], band: Band) -> str:
        """The smaller bands an unknown figure could still give, and what it would take."""
        unknown_is_turnover = not self.figures.turnover.any_known
        name = "turnover" if unknown_is_turnover else "balance sheet total"
        options = []
        for lower in reversed(possible[:-1]):
            ceiling = self.ceilings[self.bands.index(lower)]
            eur = ceiling.turnover_eur if unknown_is_turnover else ceiling.balance_sheet_eur
            options.append(f"{lower} if its {name} is no more than "
                           f"{self._ceiling(eur)}")
        return (f"On the figures given it is {band}; it would be " + joined(options, "or")
                + ".")

    def _open(self, possible: tuple[Band, ...], missing: list[str]) -> str:
        words = {"employees": ("the part-time staff's hours" if self.staff_hours_needed
                               else "the number of staff"),
                 "holdings": "the figures of the linked or partner enterprises",
                 "turnover": "the turnover or balance sheet total",
                 "balance_sheet": "the balance sheet total"}
        # (each once: two holdings may both want their figures)
        needed = joined(list(dict.fromkeys(words[name] for name in missing if name in words)))
        return (f"On the figures given the business could be {joined(possible, 'or')}, so the "
                f"band is not settled yet" + (f": {needed} would settle it." if needed else "."))

    def _missing_facts(self) -> list[str]:
        missing = []
        if self.facts.employees is None or self.staff_hours_needed:
            missing.append("employees")
        missing.extend(self.missing)
        figures = self.figures
        if figures.staff.exact or not (figures.turnover.any_known or
                                       figures.balance_sheet.any_known):
            if self.facts.turnover is None and self.facts.balance_sheet is None:
                missing.append("turnover")
            elif self.facts.balance_sheet is None:
                missing.append("balance_sheet")
            elif self.facts.turnover is None:
                missing.append("turnover")
        if self.staff_hours_needed and not self.question:
            self.question = ("How many hours a week do the part-time staff work, and what is "
                             "a full-time week? Their hours decide the size band.")
        if missing == ["balance_sheet"] and not self.question:
            self.question = ("What is the business's balance sheet total? With turnover above "
                             "a ceiling, it decides the size band.")
        return missing


def classify_size(facts: Facts, eur_to_gbp: float, test: SmeTest | None = None) -> SizeFinding:
    """The business's band under the policy's size test (the EU SME definition unless the
    policy gives its own), linked and partner enterprises added."""
    if eur_to_gbp <= 0:
        raise ValueError(f"The GBP per EUR rate must be positive, not {eur_to_gbp}.")
    return _SizeWorking(facts, eur_to_gbp, test or SmeTest()).run()

"""The eligibility engine: a programme's policy applied to what is known about a business.

Every decision and figure here comes from the policy's rules and the business's stated facts
(DESIGN principle 1): nothing is retrieved and no model is asked. Each criterion comes out
met, not met or unknown, with a plain-English explanation that shows the figures it used and
the clause of the guidance that states the rule. Unknown is never guessed: it becomes one of
the (at most two) questions worth asking next, unless the policy says the fact is confirmed
at application.

Programme content (areas, sectors, rates, amounts, dates) comes from the policy. What is
written here in code is public, general knowledge: the EU SME definition's ceilings
(Commission Recommendation 2003/361/EC), the UK postcode format and the SIC code format.

- `assess`: `EligibilityEngine`, the verdict per programme and the next questions; `to_reply`.
- `results`: the typed results (`Assessment`, `CriterionResult`, `AwardCalculation`, ...).
- `size`: the SME band with linked and partner enterprises, and its working.
- `observation`: what the facts say about a criterion's fact (staff, money, trading,
  insolvency, public ownership, the subsidy limit).
- `areas`: inside or outside the programme area, by postcode district or council.
- `sectors`: excluded or fitting sectors, by SIC code or keyword.
- `criteria`: met, not met or unknown, the explanation and the question to ask.
- `awards`: the award working; `rounds`: whether applications are open.
- `wording`: the engine's fixed sentences and how figures and dates are written.
"""

from assistant.eligibility.areas import outward_code
from assistant.eligibility.assess import EligibilityEngine, to_reply
from assistant.eligibility.awards import calculate_award
from assistant.eligibility.results import (
    Assessment,
    AwardCalculation,
    CriterionResult,
    Decision,
    RoundStatus,
    SizeFinding,
    UnknownProgrammeError,
)
from assistant.eligibility.rounds import round_status
from assistant.eligibility.size import classify_size

__all__ = ["Assessment", "AwardCalculation", "CriterionResult", "Decision",
           "EligibilityEngine", "RoundStatus", "SizeFinding", "UnknownProgrammeError",
           "calculate_award", "classify_size", "outward_code", "round_status", "to_reply"]

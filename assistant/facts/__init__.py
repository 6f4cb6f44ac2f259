"""Facts about a business, read from what its owner writes.

- `extractor`: `FactExtractor`, which reads one message: it rewrites forms, then runs the readers
  below in a fixed order and gathers what they read into `Facts`.
- `common`: what the readers share: the message being read (`Message`: its sentences, clauses
  and the words already read), a reading and where it stands (`Found`), the number and
  correction patterns, and `AskedFact`.
- `staff`: the headcount in annual work units: part-timers, apprentices, staff on leave.
- `money`: amounts and what each is (turnover, balance sheet, the amount requested, project and
  consultancy costs, prior public support), and the financial years an award counts in.
- `trading`: how long the business has traded: durations, start dates, not yet trading.
- `ownership`: holdings, in the business and by it, and the kind of each holder.
- `insolvency`: whether the business is in insolvency proceedings.
- `postcodes`: postcodes and outward codes (`valid_outward_code`), and which place named is the
  business's own site.
- `places`: local authorities, from the councils and towns the policy names.
- `activity`: what the business does in its own words, and SIC codes (`sic_class`).
- `answers`: bare answers ("45", "about £2m", "no") to the question just asked.
- `declared`: the facts a policy declares (`policy/facts.yaml`), read by the engine's library of
  extractors (number, money, percentage, duration, date, yes/no, choice, items, text).
- `numbers`: number words as digits (`words_to_digits`).
- `forms`: messages written as a form ("Employees: 35", "T/O: £2m") and owners' shorthand,
  rewritten into sentences the readers take, before they run.
"""

from assistant.facts.activity import sic_class
from assistant.facts.common import AskedFact
from assistant.facts.extractor import FactExtractor
from assistant.facts.money import MoneyField
from assistant.facts.numbers import words_to_digits
from assistant.facts.postcodes import valid_outward_code

__all__ = ["AskedFact", "FactExtractor", "MoneyField", "sic_class", "valid_outward_code",
           "words_to_digits"]

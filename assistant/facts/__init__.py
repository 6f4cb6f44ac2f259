"""Facts about a business, read from what its owner writes.

- `extractor`: `FactExtractor`, the readers of staff, money, trading time, ownership,
  insolvency, places and activity, and bare answers to the question just asked.
- `forms`: messages written as a form ("Employees: 35", "T/O: £2m") and owners' shorthand,
  rewritten into sentences the readers take, before they run.
"""

from assistant.facts.extractor import (
    AskedFact,
    FactExtractor,
    MoneyField,
    sic_class,
    valid_outward_code,
    words_to_digits,
)

__all__ = ["AskedFact", "FactExtractor", "MoneyField", "sic_class", "valid_outward_code",
           "words_to_digits"]

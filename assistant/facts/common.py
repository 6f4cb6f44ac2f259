"""What every reader of a fact shares: the message being read and what was found in it.

`Message` holds a message's text, its sentences and clauses, the spans already read as some fact
(so that no other reader reads the same words again), and for each fact the words it was read
from. `Found` is one reading of a fact and where it stands: among several, the later one wins,
so a correction replaces ("we have 40, sorry, 45 staff" is 45).

The number patterns here are shared by the readers: a figure, the words that qualify it
("about", "over"), a percentage, and a strict bound. "About", "around" and the like take the
figure as stated. A strict bound takes the nearest whole unit inside it: "under 250 staff" is 249
and "over £50m" is £50,000,001. A threshold test on the bound then gives the same answer as it
would on the true figure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Generic, Literal, TypeVar

# A fact the conversation has just asked about: a bare answer ("45", "about £2m", "no") is then
# read as that fact.
AskedFact = Literal["employees", "turnover", "balance_sheet", "postcode", "months_trading",
                    "insolvent", "requested_amount", "project_cost", "consultancy_cost",
                    "prior_public_support"]

T = TypeVar("T")


@dataclass(frozen=True)
class Found(Generic[T]):
    """A value read from the message and where: among several, the later one wins."""

    start: int
    end: int
    value: T


# --- Numbers ---------------------------------------------------------------------------------

NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"  # 45, 1,000, 12,500,000, 2.1
NUM_START = r"(?<![\w.,£€$])"  # not the tail of a word, a decimal, a money amount or a code
QUAL = (r"(?:about|around|approximately|approx\.?|roughly|circa|c\.|some|nearly|almost|exactly|"
        r"precisely|"
        r"just\s+(?:over|under|north\s+of|south\s+of|short\s+of)|over|under|more\s+than|"
        r"fewer\s+than|less\s+than|"
        r"at\s+least|up\s+to|below|above|north\s+of|south\s+of|upwards\s+of)")
PERCENT = re.compile(rf"{NUM_START}{NUM}\s*(?:%|per\s*cent\b|percent\b)", re.I)
# A staff count in a list of facts about the business: "9 staff, £1.2m, trading 6 years".
LISTED_STAFF = re.compile(rf"{NUM_START}{NUM}\s*(?:staff|employees|people|fte|workers|heads)\b",
                          re.I)
# Words about who owns the business, in the clause before: "no other shareholders, ..."
OWNING_BEFORE = re.compile(r"\b(?:owns?|owned|owners?|shares?|shareholders?|equity|stake)\b"
                           r"[^.;!?]*$", re.I)
# A word that denies what follows it: "not", "never", "haven't", "free of".
NEGATION = re.compile(r"\b(?:not|no|never|nor|neither|without|none|nothing|nobody|no\s+one|"
                      r"free\s+(?:of|from)|nowhere\s+near|far\s+from)\b|n't\b|\bcannot\b",
                      re.I)
# A bare yes or no, answering the question just asked.
YES_ANSWER = re.compile(r"\s*(?:yes|yeah|yep|yup|correct|true|that's\s+right|"
                        r"we\s+(?:are|do|have|did)|it\s+(?:is|does)|i'm\s+afraid\s+so|"
                        r"sadly\s+so)\b", re.I)
NO_ANSWER = re.compile(
    # ("God no", "oh no", "absolutely not": the no, with what says it strongly)
    r"\s*(?:(?:god|gosh|lord|oh|ha|haha|thankfully|luckily|fortunately|absolutely|definitely|"
    r"certainly|of\s+course)\W{0,3}\s*(?=no|not|nope|nah|never)\b)?"
    r"(?:no|nope|nah|not|none|nothing|nil|zero|never|false|negative|we\s+(?:are\s+not|"
    r"aren't|haven't|have\s+not|don't|do\s+not|didn't))\b", re.I)
_BELOW = re.compile(r"\b(?:under|below|fewer\s+than|less\s+than|south\s+of|(?:just\s+)?short\s+of|"
                    r"shy\s+of)\s*$",
                    re.I)
_ABOVE = re.compile(r"(?<!\bturn\s)(?<!\bturns\s)(?<!\bturned\s)(?<!\bturning\s)"
                    r"\b(?:over|above|more\s+than|in\s+excess\s+of|exceeding|north\s+of|"
                    r"upwards\s+of|better\s+than)\s*$", re.I)


def bound(text: str, start: int) -> int:
    """-1 after "under"/"fewer than", +1 after "over"/"more than", else 0 (see the module doc)."""
    before = text[max(0, start - 25):start]
    if _BELOW.search(before):
        return -1
    return 1 if _ABOVE.search(before) else 0


# --- Clauses ---------------------------------------------------------------------------------

SENTENCE_BREAK = re.compile(r"[.;!?](?=\s|$)|\n")
# A full stop that ends a short form inside a sentence: "Kessler Inc. (US) holds 70%", "Acme
# Ltd. and its sister". Before a capital it is taken as the end of the sentence all the same.
_SHORT_FORM_STOP = re.compile(r"\b(?:inc|ltd|corp|co|plc|llc|bros|approx|est|no|vs|etc|c|ca)(\.)\s+"
                              r"(?=[a-z(\d£€$])", re.I)
_CLAUSE_BREAK = re.compile(
    r"[.;!?](?=\s|$)|\n|,\s|\s(?:and|but|while|whereas|plus|although|though)\s", re.I)
# Words showing that a clause is about some other business, not the one talking.
_OTHER_BUSINESS = re.compile(
    r"\b(?:parent|group|owners?|shareholders?|subsidiar(?:y|ies)|suppliers?|customers?|"
    r"clients?|partners?|investors?|competitors?|they|their|them|"
    # a business sold to: "we ship to a retailer in Cannock"
    r"(?:our|their|my)\s+buyers?|retailers?|wholesalers?|distributors?|dealers?|stockists?|resellers?|merchants?|"
    # a firm the business deals with: "the main contractor collapsed, still owing money"
    r"main\s+contractors?|(?:the|our|their)\s+contractors?|debtors?|"
    r"the\s+other\s+(?:company|business|firm)|the\s+other(?=\s*,|\s+one\b)|"
    # a business bought or taken over: "the former business was then wound up"
    r"the\s+(?:old|previous|former|original|selling)\s+(?:company|business|firm|owners?)|"
    # the owner's earlier venture: "my first firm", "an old business of ours"
    r"(?:an?|my|our|one)\s+(?:old|previous|former|earlier|past|prior|last|first)\s+"
    r"(?:[\w-]+\s+)?(?:company|companies|business|businesses|firm|venture)|"
    r"the\s+(?:seller|vendor)s?|"
    # "a stake in another joinery company in Stafford"
    r"another\s+(?:[\w-]+\s+){0,3}?(?:company|business|firm)|"
    # a firm told by what it does: "the company that ran the test centre went bust"
    r"the\s+(?:company|business|firm|operator|organisation)\s+(?:that|which|who)\s+"
    r"(?!(?:we|i)\b)[a-z]+)\b", re.I)
# a clause that opens with its verb, its subject told before it
SUBJECTLESS = re.compile(r"\s*(?:also\s+|now\s+|alone\s+)?(?:employs|employed|has|had|"
                          r"turns\s+over|turned\s+over)\s+", re.I)
_SELF = re.compile(r"\b(?:we|we're|we've|we'd|our|ours|us|i|i'm|my)\b", re.I)
# the speaker named as the owner: "I am sole owner here", "we're the joint owners"
_SPEAKER_IS = re.compile(r"\b(?:i\s+am|i'm|im|we\s+are|we're)\s+(?:(?:the|a|an|sole|joint|"
                         r"proud|managing|main|co|one\s+of\s+the|both)[\s-]+)*$", re.I)


def lowered_article(name: str) -> str:
    """A name as it reads inside a sentence: "A larger company" -> "a larger company"."""
    return re.sub(r"^(?:A|An|The)\b", lambda m: m[0].lower(), name)


def _other_businesses(lead: str) -> list[re.Match[str]]:
    """Where `lead` names another business, but not the speaker called an owner."""
    return [m for m in _OTHER_BUSINESS.finditer(lead)
            if not (m[0].lower().startswith("owner") and (
                _SPEAKER_IS.search(lead, 0, m.start())
                # "sole owner, 8 years": the business's owner, told as one of its facts
                or re.search(r"\b(?:sole|single|one|only)\s+$", lead[:m.start()], re.I)))
            and not _WE_ARE_ONE.search(lead, 0, m.start())
            # "we are the firm that operates the town's heat scheme": the speaker's own
            and not _WE_ARE.search(lead, 0, m.start())
            # an adviser's "my client" is the business described, as is "Client is a ..."
            # opening the clause
            and not (m[0].lower().startswith("client") and (
                _MY.search(lead, 0, m.start()) or not lead[:m.start()].strip()))
            # "Ops manager here, toolmaking group near Aston": a clause that opens
            # by naming the business by its trade
            and not (m[0].lower() == "group" and _TRADE_OPENING.fullmatch(lead, 0, m.start()))
            # "me and my co-owners roast coffee ...": the owners, who are the business
            # ("our partners make the castings" may be other firms)
            and not (m[0].lower().startswith("partner") and (
                (_MY_OWN.search(lead, 0, m.start()) and _AND_I.match(lead, m.end())) or
                (_MY_OWN_ALONE.search(lead, 0, m.start()) and _RUN_IT.match(lead, m.end()))))]


_TRADE_OPENING = re.compile(
    r"\s*(?!(?:the|a|an|our|their|its|his|her|my|another|parent|holding|larger|bigger|owning|"
    r"wider|whole|that|this)\b)[a-z][\w-]*(?:\s+(?!(?:the|a|an|our|their|its|parent|holding|"
    r"larger|bigger|owning|wider|whole)\b)[a-z][\w-]*){0,2}\s+", re.I)
_MY_OWN = re.compile(r"\b(?:my|our)\s+(?:[\w-]+\s+){0,2}$", re.I)
_MY_OWN_ALONE = re.compile(r"\bmy\s+(?:[\w-]+\s+){0,2}$", re.I)
_AND_I = re.compile(r"\s+(?:and|&)\s+(?:i|me|myself)\b", re.I)
# ... a verb of what they do together: "my partners and I run", "my two partners roast ..."
_RUN_IT = re.compile(r"\s+(?!(?:are|is|were|was|have|has|had|will|would|could|can|may|might|"
                     r"also|all|both)\b)[a-z]{3,}\b", re.I)


# a sentence opening with a business's name: "Ashby Transmissions has ..."
_NAME_OPENING = re.compile(r"\W*(?:the\s+)?(?-i:[A-Z][\w&'-]+)(?:\s+(?-i:[A-Z][\w&'-]+)){0,3}",
                           re.I)
# "my client", an adviser's "the client", "(bookkeeper) for a client"
_MY = re.compile(r"\b(?:my|the|for\s+an?|on\s+behalf\s+of\s+an?)\s+$", re.I)
_WE_ARE = re.compile(r"\b(?:we're|we\s+are|were|i'm|i\s+am)\s+$", re.I)
# a shareholder's stake just before a bracket: "Brook Holdings holds 30% of the shares ("
_NAMED_ENTERPRISE = re.compile(
    r"\b(?:owns?|holds?)\s+\d+(?:\.\d+)?\s*%(?:\s+of\s+(?:the\s+shares|us|the\s+company))?\s*$",
    re.I)
# a share just after brackets: "(... staff worldwide) 18%", "(...), 18%"
_SHARE_AFTER = re.compile(
    r"\s*,?\s*(?:(?:with\s+|holds?\s+|owns?\s+|has\s+)?\d+(?:\.\d+)?\s*%|"
    # "... (500 staff) has long held shares in us": a holding not said in figures
    r"(?:(?:has|have|had)\s+(?:long\s+|always\s+|now\s+)?)?(?:held|holds?|owns?|owned|took|"
    r"takes|bought|buys|has|have)\s+(?:(?:a|an|some|part\s+of|a\s+minority|a\s+majority)\s+)?"
    r"(?:[\w-]+\s+)?(?:stake|shares?|holding|interest|equity|of\s+(?:us|our|the\s+(?:company|"
    r"business|firm)))\b)", re.I)
# a count over a whole group: "staff worldwide", "across the group"
_GROUP_WIDE = re.compile(r"\b(?:worldwide|world-wide|globally|group[\s-]?wide|"
                         r"across\s+the\s+(?:group|world|globe))\b", re.I)
# the name or kind of an enterprise, just before a relative clause: "Acme plc, which ..."
_ENTERPRISE_BEFORE = re.compile(
    r"(?:\b(?:plc|ltd|limited|group|holdings?|inc|gmbh|llc|company|firm|investor|shareholder|"
    r"parent|customer|supplier)|\b(?-i:[A-Z])[\w&'-]+)\s*$", re.I)
_NAMED_AS_OBJECT = re.compile(
    r"\b(?:we|i|our\s+(?:[\w-]+\s+){0,2}(?:people|staff|team|lads|firm|company|business))\s+"
    r"(?!(?:are|am|was|were|is)\b)(?-i:[a-z]+\s+){1,3}"
    r"(?-i:[A-Z])[\w&'.-]*(?:\s+(?-i:[A-Z&])[\w&'.-]*){0,3}\s*$", re.I)
_RELATIVE_OPENING = re.compile(r",\s*(?:which|who)\s+(?:has|have|had|employs?|turns?|is|are)\b",
                               re.I)


# the speaker's business called by the word: "we are a small packaging supplier employing ..."
# ("my own company is a print group in ...": the business itself)
_WE_ARE_ONE = re.compile(r"\b(?:we're|we\s+are|were|i'm|i\s+am|im|(?:our|my)\s+(?:[\w-]+\s+){0,2}"
                         r"(?:business|company|firm|outfit)\s+is)\s+(?:an?|the)\s+"
                         r"(?:[\w-]+\s+){0,4}$", re.I)
CORRECTION = (r"(?:\b(?:sorry|i\s+mean|i\s+meant|correction|make\s+(?:that|it)|or\s+rather|"
              r"actually|scratch\s+that|oops|apologies|my\s+mistake|my\s+bad)\b|\bno\s*,)")
CORRECTION_RE = re.compile(CORRECTION, re.I)


class Message:
    """A message being read: its text, its sentences and clauses, and the spans already read
    as some fact (so that no other rule reads the same words again)."""

    def __init__(self, text: str) -> None:
        self.text = text
        short = {m.end(1) for m in _SHORT_FORM_STOP.finditer(text)}  # not a sentence's end
        self._sentence_breaks = [m.span() for m in SENTENCE_BREAK.finditer(text)
                                 if m.end() not in short]
        self._clause_breaks = [m.span() for m in _CLAUSE_BREAK.finditer(text)
                               if m.end() not in short]
        self._claimed: list[tuple[int, int]] = []
        self.sources: dict[str, str] = {}  # fact -> the words it was read from
        # part-timers counted at the usual share for want of their hours, by where the
        # headcount that holds them starts
        self.part_timers_unknown: dict[int, float] = {}
        # the names of other businesses the message has told of ("Ashby Transmissions"): a
        # sentence about one of them is not about this business
        self.other_names: list[str] = []
        # the council was read from where the business rates go, which settles the site
        self.council_from_rates = False

    def took(self, fact: str, found: list[Found[T]]) -> T | None:
        """The last of the readings of `fact`, noting the clause it came from."""
        if not found:
            return None
        last = max(found, key=lambda f: f.start)
        if last.end > last.start:
            lo, hi = self.clause(last.start, last.end)
            self.sources[fact] = self.text[lo:hi].strip(" ,;:-")
        return last.value

    def claim(self, start: int, end: int) -> None:
        self._claimed.append((start, end))

    def claimed(self, start: int, end: int) -> bool:
        return any(start < e and s < end for s, e in self._claimed)

    def unclaimed_until(self, start: int, end: int) -> int:
        """Where the words from `start` first run into words already read, or `end`."""
        return min((s for s, e in self._claimed if start <= s < end), default=end)

    def _around(self, breaks: list[tuple[int, int]], start: int, end: int) -> tuple[int, int]:
        lo = max((e for s, e in breaks if e <= start), default=0)
        hi = min((s for s, e in breaks if s >= end), default=len(self.text))
        return lo, hi

    def sentence(self, start: int, end: int | None = None) -> tuple[int, int]:
        return self._around(self._sentence_breaks, start, start if end is None else end)

    def clause(self, start: int, end: int | None = None) -> tuple[int, int]:
        return self._around(self._clause_breaks, start, start if end is None else end)

    def lead(self, start: int) -> str:
        """The words of the clause before `start`."""
        return self.text[self.clause(start)[0]:start]

    def about_another_business(self, start: int) -> bool:
        """True when the clause so far names another business and has not come back to this
        one: "our customer is in CV1", but not "customers in Coventry from our site in X"."""
        lead = self.lead(start)
        lo = self.sentence(start)[0]
        opened = self.text.rfind("(", lo, start)
        closed = self.text.find(")", start)
        if opened > lo and ")" not in self.text[opened:start] and \
                (_NAMED_ENTERPRISE.search(self.text, lo, opened) or
                 self.about_another_business(opened) or
                 # "a trading house (40,000 staff worldwide) 18%": a holder's, its share after
                 (closed > 0 and _SHARE_AFTER.match(self.text, closed + 1) is not None) or
                 (closed > 0 and _GROUP_WIDE.search(self.text, start, closed) is not None and
                  not _SELF.search(self.text, max(lo, opened - 25), opened))):
            # "formerly in the Halden Group (1,200 staff)", "Brook Holdings holds 30%
            # (Brook: 80 AWU, ...)": figures in brackets after another business
            return True
        # (with the word at `start`: a reading that opens on the verb, "who employ 9,000")
        word_end = re.compile(r"\w*").match(self.text, start)
        relative = [m for m in _RELATIVE_OPENING.finditer(
                        self.text, lo, word_end.end() if word_end else start)
                    if _ENTERPRISE_BEFORE.search(self.text, lo, m.start())]
        if relative and not _SELF.search(self.text, relative[-1].end(), start):
            # "an investor is Acme plc, which employs 5,000 and turns over £700m": the
            # clause is about what the sentence named before it; so it is when the name is
            # what the business deals with: "we supply Harlow Motors, who employ 9,000"
            return self.after_another_business(relative[-1].start()) or \
                _NAMED_AS_OBJECT.search(self.text, lo, relative[-1].start()) is not None
        others = _other_businesses(lead)
        if not others and self.other_names and (named := _NAME_OPENING.match(
                self.text, self.sentence(start)[0], start)) is not None and \
                any(named[0].strip().lower().startswith(name.lower())
                    for name in self.other_names) and not _SELF.search(self.text, named.end(),
                                                                      start):
            return True  # "Ashby Transmissions has 200 AWU": the business named before
        opening = SUBJECTLESS.match(self.text, self.clause(start)[0])
        if not others and opening is not None and opening.end() >= start:
            # "our biggest client, a van maker, employs 9,000": the clause's verb goes with
            # the subject before the words set between commas
            return self.after_another_business(start)
        return bool(others) and not _SELF.search(lead, others[-1].end())

    def after_another_business(self, start: int) -> bool:
        """True when the sentence so far names another business and has not come back to this
        one: "one of our clients, a hotel chain" (the clause alone does not say)."""
        lead = self.text[self.sentence(start)[0]:start]
        others = _other_businesses(lead)
        return bool(others) and not _SELF.search(lead, others[-1].end())

    def is_question_about_others(self, start: int) -> bool:
        """A question that does not speak of this business: "Is a CVA a problem?"."""
        lo, hi = self.sentence(start)
        asks = self.text[hi:hi + 1] == "?"
        return asks and not _SELF.search(self.text, lo, hi)

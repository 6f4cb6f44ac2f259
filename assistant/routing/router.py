"""The router: rules first, in this order: referral ("talk to a person"), greeting, clearly
off-topic, eligibility, signposting, else a programme question. When an embedder is given, a
message no rule claims is compared with two sets of example messages (data, in
`examples.yaml`) to catch off-topic messages the rules do not name.

Requests the assistant refuses and prompt injection are the input guard's (`assistant.guards`),
which sees every message first. What the business said about itself is the fact reader's: the
engine passes the names of the facts read from the message, and the router only asks whether
the message describes the business for an eligibility check.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Collection, Sequence
from functools import cached_property
from importlib.resources import files

import numpy as np
import yaml
from pydantic import BaseModel, ConfigDict, Field

from assistant.questions import (
    ADJACENT_ADVICE,
    COUNT_OF_THINGS,
    LEAD_TIME_ASKED,
    ROUND_ASKED,
    QuestionKind,
    read_question,
    schemes_named,
)
from assistant.reply import Route
from assistant.routing import rules
from knowledge.embeddings import Embedder


class RouteDecision(BaseModel):
    route: Route
    reason: str  # which rule (or comparison) decided, for logs and tests
    follow_up: bool = False  # reads as a continuation of the conversation so far
    asks: QuestionKind = "statement"  # what kind of question the message asks, if any
    # a route a rule is sure of ("who can help us test ..."), as opposed to a default or a
    # mention: the engine may turn only an unsure one into an eligibility check
    firm: bool = True


class ExampleSets(BaseModel):
    """Messages to compare an unclaimed message with."""

    model_config = ConfigDict(frozen=True)

    business_support: list[str] = Field(min_length=1)
    everyday_off_topic: list[str] = Field(min_length=1)

    @classmethod
    def bundled(cls) -> ExampleSets:
        text = files("assistant.routing").joinpath("examples.yaml").read_text(encoding="utf-8")
        return cls.model_validate(yaml.safe_load(text))


class Router:
    """Decides the route of one message; rules first, then (optionally) an example comparison.

    `embedder`, when given, is used only for messages no rule claims, to tell off-topic
    messages from programme questions. `margin` is how much closer a message must be to the
    off-topic examples than to the business-support ones; `floor` is the least similarity to
    an off-topic example that counts at all. With `has_context`, a message that reads as a
    follow-up (opens with "and", "what about", ... or is a few words long) is never sent out
    of scope by the comparison, and one that opens like a follow-up not by the rules either.
    `programme_words` are what the programme calls its offers ("accelerator", "voucher scheme"): a
    message using one is about business support.
    """

    def __init__(self, embedder: Embedder | None = None, margin: float = 0.1,
                 floor: float = 0.25, programme_words: Sequence[str] = (),
                 examples: ExampleSets | None = None,
                 catalogue_names: Callable[[], Sequence[str]] | None = None,
                 place_names: Sequence[str] = ()) -> None:
        if not 0.0 <= margin < 1.0:
            raise ValueError(f"margin must be between 0 and 1, got {margin!r}")
        if not 0.0 <= floor < 1.0:
            raise ValueError(f"floor must be between 0 and 1, got {floor!r}")
        blank = [w for w in programme_words if not w.strip()]
        if blank:
            raise ValueError(f"programme_words must not be blank, got {list(programme_words)!r}")
        self._embedder = embedder
        self._margin = margin
        self._floor = floor
        self._example_sets = examples
        self._catalogue_names = catalogue_names
        self._name_pairs: tuple[tuple[str, ...], set[tuple[str, str]]] = ((), set())
        self._examples: tuple[np.ndarray, np.ndarray] | None = None
        # the places the programme's area names: "is Solihull in the area?" asks about the area
        places = sorted({p.strip().lower() for p in place_names if p.strip()}, key=len,
                        reverse=True)
        self._places = (re.compile(r"\b(?:" + "|".join(re.escape(p) for p in places) + r")\b",
                                   re.IGNORECASE) if places else None)
        words = sorted({w.strip().lower() for w in programme_words}, key=len, reverse=True)
        self._programme_names = tuple(" ".join(w.split()) for w in words)
        self._programme_words = (
            re.compile(r"\b(?:" + "|".join(re.escape(w) + "s?" for w in words) + r")\b",
                       re.IGNORECASE) if words else None)

    @cached_property
    def examples(self) -> ExampleSets:
        return self._example_sets or ExampleSets.bundled()

    def route(self, message: str, has_context: bool = False,
              facts: Collection[str] = ()) -> RouteDecision:
        """`facts`: the names of the facts the engine read from this message about the
        business ("employees", "postcode"); a message describing the business is an
        eligibility check unless it asks something else."""
        text = " ".join(message.split())
        follow_up = has_context and _reads_as_follow_up(text)
        decision = self._decide(text, has_context, follow_up, facts)
        asks = read_question(text).kind if text else "statement"
        return decision.model_copy(update={"follow_up": follow_up, "asks": asks})

    def _decide(self, text: str, has_context: bool, follow_up: bool,
                facts: Collection[str]) -> RouteDecision:
        if not text:
            return RouteDecision(route="greeting", reason="empty message")
        decision = _referral(text) or _small_talk(text)
        # A continuation ("and what about ...") is read against the conversation, so words
        # that look off-topic on their own do not decide it.
        # A message that tells facts about the business is about it, whatever else it
        # mentions ("my husband and I hold the shares").
        if decision is None and not (set(facts) & _BUSINESS_FACTS) and \
                not (has_context and facts) and not (
                has_context and rules.FOLLOW_UP_OPENER.search(text)):
            decision = self._off_topic_by_rule(text)
        if decision is None and set(facts) <= {"months_trading"} and \
                ROUND_ASKED.search(read_question(text).text):
            # "we started in May 2026: which round can we apply in?": the rounds and the
            # trading rule answer it, not a checklist
            decision = RouteDecision(route="programme_question", reason="asks which round")
        if decision is None and not set(facts) & _BUSINESS_FACTS and self._other_scheme(text):
            # "what would the Northern Growth Fund give us?": the guidance answers, or
            # says it cannot; the programme's own eligibility check is not the answer
            decision = RouteDecision(route="programme_question",
                                     reason="names a scheme the programme does not run")
        if decision is None and not set(facts) & _BUSINESS_FACTS and self._other_relief(text):
            # "does our unit qualify for rate relief?": tax or finance asked about, which the
            # guidance answers or says it cannot; not the programme's eligibility check
            decision = RouteDecision(route="programme_question",
                                     reason="asks about tax or finance beside the programme")
        if decision is None and set(facts) & (_BUSINESS_FACTS | {"sector_text"}) and \
                self.asks_help_of(text):
            decision = RouteDecision(route="eligibility",
                                     reason="asks whether a named programme can help the "
                                            "business it describes")
        decision = decision or _eligibility_or_signposting(
            text, facts, follow_up, names_facility=bool(_word_pairs(text) &
                                                        self._catalogue_pairs()))
        if decision is None and self._asks_for_offer(text) and not (
                not facts and _RULE_ASKED.search(read_question(text).text) and
                not _VERDICT_WORD.search(read_question(text).text)):
            # "Could we apply if the press is leased?": a rule asked about, with nothing
            # told of the business
            decision = RouteDecision(route="eligibility", reason="asks for one of the offers")
        if decision is None and not follow_up:
            decision = self._off_topic_by_examples(text)
        return decision or RouteDecision(
            route="programme_question", reason="no other route applies", firm=False)

    def _asks_for_offer(self, text: str) -> bool:
        """ "Can we get the <offer>?": the business's own eligibility for it; not "can we get
        the voucher to cover the testing?", which asks what it pays for."""
        wanted = _WANTS_OFFER.search(text)
        return wanted is not None and self._programme_words is not None and \
            bool(self._programme_words.search(" ".join(text[wanted.end():].split()[:3]))) and \
            not _WHAT_IT_PAYS.search(text, wanted.end()) and not (
                # "can we use the expert days for testing?" asks what it may be used for
                wanted["use"] and _USED_FOR.search(read_question(text).text))

    def _other_scheme(self, text: str) -> bool:
        """Whether the question names a scheme or funder by a proper name that is none of the
        programme's own ("a Skyline grant", "the Northern Growth Fund")."""
        words = self._programme_words

        def known(name: str) -> bool:  # "Discovery" of the offer "Discovery voucher"
            plain = " ".join(name.lower().split())
            return bool(words is not None and words.search(name)) or any(
                re.search(rf"(?<![\w-]){re.escape(plain)}(?![\w-])", w)
                for w in self._programme_names)

        return any(not known(name) for name in schemes_named(text))

    def _other_relief(self, text: str) -> bool:
        """Whether the question asks about qualifying for a tax or finance matter that is none
        of the programme's offers ("are we entitled to rates relief?")."""
        wanted = _QUALIFY_FOR.search(read_question(text).text)
        return wanted is not None and bool(ADJACENT_ADVICE.search(wanted["object"])) and not (
            self._programme_words is not None and self._programme_words.search(wanted["object"]))

    def asks_help_of(self, text: str) -> bool:
        """ "Can the <programme> help?", "is the <programme> for firms like us?": asked of a
        programme by name."""
        asked = read_question(text).text
        # (the question after a dash or a comma: "we want a new oven - could the <programme>
        # help?")
        tail = re.split(r"\s[-–—]\s|[,;:]\s", asked)[-1]
        if self._programme_words is None or not (_HELP_ASKED.search(asked) or
                                                 _HELP_ASKED.search(tail)):
            return False
        return bool(self._programme_words.search(asked))

    def asks_access_to(self, text: str) -> bool:
        """ "Could we go for the <programme> then?", "does that fit the <programme>?": the business
        asking to have a programme named last, with nothing asked of it after the name (not
        "can we use the <programme> for leased kit?")."""
        asked = read_question(text).text
        if self._programme_words is None or not _ACCESS_TO.search(asked):
            return False
        names = list(self._programme_words.finditer(asked))
        return bool(names) and _NOTHING_AFTER.match(asked[names[-1].end():]) is not None

    def _about_business(self, text: str) -> bool:
        return bool(rules.BUSINESS_WORDS.search(text) or (
            self._programme_words is not None and self._programme_words.search(text))) or \
            bool(_word_pairs(text) & self._catalogue_pairs())

    def _catalogue_pairs(self) -> set[tuple[str, str]]:
        """Pairs of words from the names of the catalogue's facilities and teams ("Very Light
        Rail National Innovation Centre" gives "very light", "light rail", ...): a message using
        one names a facility, however loosely. Read again when the catalogue changes."""
        if self._catalogue_names is None:
            return set()
        names = tuple(self._catalogue_names())
        if names != self._name_pairs[0]:
            pairs = set().union(*(_word_pairs(name) for name in names)) if names else set()
            self._name_pairs = (names, pairs)
        return self._name_pairs[1]

    def _off_topic_by_rule(self, text: str) -> RouteDecision | None:
        if self._about_business(text):
            return None
        places = [m.span() for m in self._places.finditer(text)] if self._places else []
        for name, pattern in rules.OFF_TOPIC_RULES:
            # a place in the programme's area is not the subject its name shares ("Rugby")
            if any(not any(a <= m.start() and m.end() <= b for a, b in places)
                   for m in pattern.finditer(text)):
                return RouteDecision(route="out_of_scope", reason=f"off-topic: {name}")
        return None

    def _off_topic_by_examples(self, text: str) -> RouteDecision | None:
        if self._embedder is None or self._about_business(text):
            return None
        if self._places is not None and self._places.search(text) and _AREA_ASKED.search(text):
            return None  # "is Solihull in the area?", "does Redditch count?"
        off, business = self._similarities(text)
        if off >= self._floor and off - business >= self._margin:
            # (a likeness, not a rule: in a conversation, the answer to a question asked may
            # read like small talk)
            return RouteDecision(
                route="out_of_scope",
                reason=f"closer to off-topic examples ({off:.2f} vs {business:.2f})",
                firm=False,
            )
        return None

    def _similarities(self, text: str) -> tuple[float, float]:
        """Highest cosine similarity to an off-topic example and to a business example."""
        assert self._embedder is not None
        if self._examples is None:
            off = self._embedder.embed(list(self.examples.everyday_off_topic))
            business = self._embedder.embed(list(self.examples.business_support))
            self._examples = (off, business)
        vector = self._embedder.embed([text])[0]
        off, business = self._examples
        return float(np.max(off @ vector)), float(np.max(business @ vector))


_SMALL_WORDS = frozenset("a an and the of for in on at to by with from or its our your centre "
                         "center lab laboratory team facility group unit".split())


# Facts only a business has: a message telling one is about the business (a place or a
# trade alone can be anybody's).
# what a question asks to qualify for, up to a condition: "qualify for rate relief if ..."
_QUALIFY_FOR = re.compile(
    r"\b(?:qualify|qualifies|eligible|entitled|apply|applying|claim|claiming)\s+(?:for|to)\s+"
    r"(?P<object>(?:(?!\b(?:if|when|as|because|since|while|with|after|before|and|or)\b)[^.?!;,])"
    r"{1,60})", re.IGNORECASE)
_BUSINESS_FACTS = frozenset({"employees", "turnover", "balance_sheet", "months_trading",
                             "holdings", "insolvent", "sic_codes", "prior_public_support"})


def _word_pairs(text: str) -> set[tuple[str, str]]:
    """Neighbouring pairs of words, neither of them a small or generic word."""
    words = re.findall(r"[a-z0-9]+", text.lower())
    return {(a, b) for a, b in itertools.pairwise(words)
            if a not in _SMALL_WORDS and b not in _SMALL_WORDS and len(a) > 1 and len(b) > 1}


def _referral(text: str) -> RouteDecision | None:
    if rules.ASKS_WHO.search(text):  # "who should we talk to about X" asks for the right expert
        return None
    if rules.OFFICE_MATTERS.search(text) and read_question(text).asks:
        # "no call back yet - where do I send a complaint?": the procedure answers that
        return None
    for name, pattern in rules.REFERRAL_RULES:
        if pattern.search(text):
            return RouteDecision(route="referral", reason=name)
    return None


def _small_talk(text: str) -> RouteDecision | None:
    if _is_pleasantry(text):
        return RouteDecision(route="greeting", reason="greeting or thanks")
    if rules.CAPABILITY.search(rules.LEADING_PLEASANTRIES.sub("", text)):
        return RouteDecision(route="greeting", reason="asks what the assistant can do")
    return None


# "can we get the ...", "could I apply for a ...", "do we qualify for the ...": the offer's name
# follows within three words (checked against the programme's words)
_AREA_ASKED = re.compile(r"\b(?:area|areas|region|covered|cover|covers|inside|within|outside|"
                         r"included|count|counts|part\s+of|boundary|patch|eligible)\b|"
                         r"\bin\s+or\s+out\b", re.IGNORECASE)
_ASKER_MAY = r"(?:can|could|may|might|would|will|do|does)\s+(?:we|i|my\s+\w+|our\s+\w+)"
_HAVE_OFFER = (r"(?:get|have|receive|apply\s+for|go\s+for|access|join|qualify\s+for|"
               r"be\s+considered\s+for|(?P<use>use|take\s+part\s+in|sign\s+up\s+(?:to|for)|"
               r"benefit\s+from))")
_WANTS_OFFER = re.compile(rf"^\W*(?:(?:hi|hello|hey)\W+)?{_ASKER_MAY}\s+(?:(?:still|also|ever|"
                          rf"possibly|actually)\s+)?{_HAVE_OFFER}\s+(?:(?:the|a|an|any|some)\s+)?",
                          re.IGNORECASE)
_USED_FOR = re.compile(r"\b(?:for|to|on|towards|in\s+(?:order|the)|with)\b", re.IGNORECASE)
_WHAT_IT_PAYS = re.compile(r"\b(?:to\s+(?:pay|cover|fund|buy|include|go\s+towards)|towards|"
                          r"pays?\s+for|covers?)\b", re.IGNORECASE)


# a price for time or a service ("what's the hourly rate for more?"): not an award
_PRICE_OF_TIME = re.compile(r"\b(?:day|daily|hourly|half-day|session)\s+rates?\b|\bprices?\b|"
                            r"\bfees?\b|\bper\s+(?:day|hour|session)\b", re.IGNORECASE)


# whether a facility named has a thing: "does the Acme lab have a drop rig?", "has the centre
# got a clean room?" - the catalogue's record holds it or does not; a list of others is no answer
_HAS_IT = re.compile(r"^\s*(?:does|do|has|have)\b(?!\s+(?:you|we|i|they)\b)[^?]{3,80}?\b"
                     r"(?:have|has|got|own|include|"
                     r"includes|contain|contains|house|houses)\b", re.IGNORECASE)


# what a facility or team is asked to do for the business ("could the lab help us test
# seals?"): which of them can is a search; anything else asked of a named one ("is the lab
# wheelchair accessible?", "who runs the lab?") is a fact its record holds or does not
_ITS_WORK = re.compile(r"\b(?:help|helps|assist|support|test|tests|testing|make|makes|offer|"
                       r"offers|provide|provides|do|does|work\s+(?:on|with)|design|develop|"
                       r"analy[sz]e|measure|scan|print|prototype|trial|advise|suit|fit)\b",
                       re.IGNORECASE)


def _eligibility_or_signposting(text: str, facts: Collection[str], follow_up: bool = False,
                                names_facility: bool = False) -> RouteDecision | None:
    """An explicit eligibility question wins; then a stated need; then a description of the
    business that asks nothing else (which asks, in effect, "what can we get?"); then a
    mention of facilities. A facility named by its name, with a question on its price or when
    it can be had, asks that fact of the guidance (`names_facility`)."""
    sentence = read_question(text).text
    if _asks_about_eligibility(text) and not (
            not facts and _RULE_ASKED.search(sentence) and not _VERDICT_WORD.search(sentence)):
        return RouteDecision(route="eligibility", reason="asks about eligibility")
    asked = read_question(text)
    for name, pattern in rules.SIGNPOST_STRONG:
        if name == "asks for a facility or expertise" and asked.asks and \
                (rules.FACILITY_TERMS.search(asked.text) or asked.kind == "amount"):
            # "is there parking at the test track?", "how many engineers are there in the
            # team?": a fact about it, not a search
            continue
        if names_facility and ((asked.kind in {"amount", "when"} and
                               rules.FACILITY_ATTRIBUTE.search(asked.text)) or
                               LEAD_TIME_ASKED.search(text)):
            # "we'd like a bench at the Acme Incubator: what's the rent?": its price; "how far
            # ahead must we book the Acme rig?": its lead time
            continue
        if pattern.search(text) and not rules.OFFICE_MATTERS.search(text):
            return RouteDecision(route="signposting", reason=name)
    if facts and _HELP_US.search(sentence):
        # "We make bespoke furniture. Can you help?": what the business can get
        return RouteDecision(route="eligibility",
                             reason="describes the business and asks for help: " +
                             ", ".join(sorted(facts)))
    if facts and _describes_business(text, facts, follow_up):
        return RouteDecision(route="eligibility",
                             reason="describes the business: " + ", ".join(sorted(facts)))
    question = read_question(text)
    if facts and question.kind == "amount" and rules.FIRST_PERSON.search(question.text) and \
            rules.AWARD_WORDS.search(question.text) and not _PRICE_OF_TIME.search(question.text) \
            and not COUNT_OF_THINGS.search(question.text):
        # "Our costs are £45k, what could we receive?": the rules work it out
        return RouteDecision(route="eligibility",
                             reason="asks what the rules give the business for its figures: "
                             + ", ".join(sorted(facts)))
    if rules.SIGNPOST_WEAK.search(text) and not rules.FUNDING_WORDS.search(text) and \
            question.kind not in {"amount", "when"} and not LEAD_TIME_ASKED.search(text) and \
            not (names_facility and (_HAS_IT.search(question.text) or (
                question.kind in {"yes_no", "who"} and not _ITS_WORK.search(question.text)))) \
            and \
            not (question.asks and (rules.FACILITY_ATTRIBUTE.search(question.text) or
                                    rules.FACILITY_TERMS.search(question.text) or
                                    rules.SUPPORT_TERMS.search(question.text))):
        # a facility named in a question about its price, hours or terms asks for that fact,
        # which the guidance holds or does not: not for a list of facilities; so does a
        # question about the support's own terms ("could the specialist days go towards ...?")
        return RouteDecision(route="signposting", reason="mentions facilities or expertise",
                             firm=False)
    return None


def _asks_about_eligibility(text: str) -> bool:
    if _CONDITION_ASKED.search(read_question(text).text):
        return False  # "must we be VAT registered to qualify?": a rule, not a verdict
    if rules.ELIGIBILITY_QUESTION.search(text):
        return True
    question = read_question(text).text
    # (or asks when: "is there a deadline or is it open all year for us to apply?")
    procedural = bool(rules.PROCEDURAL.search(rules.LEADING_PLEASANTRIES.sub("", question))) or \
        read_question(text).kind == "when"
    if rules.MODAL_ELIGIBILITY.search(question) and not procedural:
        return True
    return bool(rules.ELIGIBILITY_WORD.search(question) and rules.FIRST_PERSON.search(text)
                and not procedural)


# A condition asked about: "do we have to ... to qualify?", "must we ... to be eligible?"
_CONDITION_ASKED = re.compile(
    r"^\W*(?:do|does|would|will|must|should)\s+(?:we|i|you|my\s+\w+|our\s+\w+|the\s+\w+)\s+"
    r"(?:(?:have|need)\s+to|have\s+got\s+to)\b[^?]*\bto\s+(?:qualify|be\s+eligible|apply|get)\b",
    re.IGNORECASE)
# With nothing told of the business, a rule asked about in the words of eligibility: a
# condition ("could we have funding if we lease the press?") or a choice between options
# ("should we apply now or wait for the next round?").
_RULE_ASKED = re.compile(
    # not "check if we are eligible", "let me know if we count"
    r"(?<!check\s)(?<!see\s)(?<!know\s)(?<!out\s)(?<!me\s)(?<!wondering\s)(?<!wonder\s)"
    r"\b(?:if|unless|provided|as\s+long\s+as)\s+(?:we|i|you|(?:the|our|my)\s+[a-z][\w-]*)\b"
    r"(?!\s+(?:are|'re|am|'m|would\s+be|could\s+be|can|could|qualify|count)\s+(?:be\s+)?"
    r"(?:eligible|able|allowed|entitled|qualify|apply|get)\b)|"
    r"\b(?:should|would\s+it\s+be\s+better\s+(?:for|to))\b[^?]*\s+or\s+[^?]*|"
    r"\bwhich\s+(?:one|is|of\s+(?:them|the\s+two))\b|"
    # support combined: "can we get help from more than one programme?", "both Hubs at once"
    r"\bmore\s+than\s+one\s+(?:[\w-]+\s+){0,2}?(?:programmes?|schemes?|hubs?|pre-?hubs?|grants?|"
    r"vouchers?|kinds?|types?|offers?)\b|\bboth\s+(?:[\w-]+\s+){0,2}?(?:programmes|schemes|hubs|"
    r"pre-?hubs|grants)\b|\bat\s+the\s+same\s+time\b", re.IGNORECASE)
# Whether a programme can help, or is meant for the business
_HELP_ASKED = re.compile(
    r"^\W*(?:can|could|would|will|might|does|do|is|are)\s+(?:the|your|a|an)\s+[^?]{2,60}?"
    r"\b(?:help|support|work\s+with|take\s+us|be\s+(?:right|for)|for\s+(?:us|people|firms|"
    r"businesses|companies)\b|"
    # "does the <programme> cover us?", "is the <programme> open to us?", "... available to a
    # firm like ours?"
    r"cover\s+(?:us|me|(?:a\s+)?(?:firms?|businesses|business|companies|company)\s+like\s+"
    r"(?:us|ours|mine))\b|"
    r"(?:open|available|right|suitable|meant)\s+(?:to|for)\s+(?:us|me|(?:a\s+)?(?:firms?|businesses|"
    r"business|companies|company)\s+like\s+(?:us|ours|mine))\b)", re.IGNORECASE)
# the business asking to have a programme: "so could we go for the ...", "would that suit the
# ...", "can we get the days from the ..."
_ACCESS_TO = re.compile(
    r"^\W*(?:(?:so|and|then|ok|okay|right|well)\W+){0,2}(?:can|could|would|will|do|does|might|may|are|is)"
    r"\s+(?:we|i|they|that|this|it|(?:our|my|the)\s+(?:company|business|firm|client))\s+"
    r"(?:(?:still|then|now|actually|realistically|definitely|possibly)\s+)?"
    r"(?:go\s+for|apply\s+(?:for|to)|join|get|have|access|fit|suit|qualify\s+for|"
    r"be\s+(?:eligible|accepted|considered)\s+for|benefit\s+from|be\s+part\s+of)\b",
    re.IGNORECASE)
_NOTHING_AFTER = re.compile(r"\W*(?:(?:then|now|too|as\s+well|at\s+all|please|or\s+not)\W*)*$",
                            re.IGNORECASE)
# help asked for, with no other subject: "can you help us?", "what can you do for us?"
_HELP_US = re.compile(
    r"(?:^|[.!?,;:-]\s)\W*(?:(?:so|and|but)\s+)?(?:(?:can|could|would)\s+(?:you|ssr|anyone|someone)\s+"
    r"(?:help|support)(?:\s+(?:us|me|with\s+(?:that|this)))?|what\s+(?:can|could)\s+you\s+"
    r"(?:do|offer)\s+(?:for\s+)?(?:us|me)|(?:is\s+there\s+)?any\s+(?:help|support)\s+"
    r"(?:for\s+(?:us|me)|available))\W*$", re.IGNORECASE)
# facts that say what the business is, not how big, where or how old it is
_TRADE_ONLY = frozenset({"sector_text", "sector_mentions", "stated_band", "sic_codes"})
# a question about what the business can get or join
_ACCESS_ASKED = re.compile(
    r"\b(?:apply|applying|join|qualify|eligib\w*|entitled|help|support|fund|funding|funded|"
    r"grants?|vouchers?|money|available|offer|offers|right\s+for|for\s+us|suitable|fit|"
    r"take\s+(?:us|me)\s+on|accept\s+(?:us|me)|have\s+us|let\s+(?:us|me)|work\s+with\s+(?:us|me)|"
    r"open\s+to|cover\s+(?:us|me)|"
    # "can we get the grant?", "could I use the analytics service?"
    r"(?:can|could|may|might|would|will|do|does)\s+(?:we|i|us)\s+(?:still\s+|also\s+|ever\s+)?"
    r"(?:get|have|receive|access|go\s+for|use|join|be\s+considered|take\s+part)|"
    r"what\s+(?:can|could|would)\s+(?:we|i)\s+(?:get|have|receive))\b", re.IGNORECASE)
_VERDICT_WORD = re.compile(r"\b(?:eligib\w*|qualif\w*|entitled)\b", re.IGNORECASE)
_FRAGMENT_WORDS = 6  # a fragment alone: "12-person firm"
_FIRST_PERSON_WORDS = 25  # a sentence of the owner's own: "we came out of a CVA in 2019"
# the facts that only an eligibility check asks for (a place or a trade also says where a
# facility is wanted, or what a need is about)
_CORE_FACTS = frozenset({"employees", "turnover", "balance_sheet", "insolvent", "months_trading",
                         "holdings", "prior_public_support"})


# the business's own things named after a preposition, which do not make it the subject of a
# yes/no question: "is the award counted in our accounts?"
_HELD_BY_US = re.compile(
    r"\b(?:in|on|into|from|within|through|against|under)\s+(?:our|my)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:accounts?|books|balance\s+sheet|tax|returns?|figures|p&l|ledger|records)\b",
    re.IGNORECASE)
# a yes/no question of the support's availability, with no "we" in it: "is the booster
# available?", "is that ok?", "any chance?"
_OPEN_TO_ANYONE = re.compile(
    r"\b(?:available|open|possible|ok|okay|alright|fine|right|suitable|worth|options?|chance|"
    r"use|get|join|access|involved|take\s+part|"
    r"eligible|eligibility|qualify|apply|applicable|allowed|covered|in\s+scope|for\s+(?:firms|"
    r"businesses|companies|people)|help|support|fund|funding)\b", re.IGNORECASE)


def _describes_business(text: str, facts: Collection[str], follow_up: bool = False) -> bool:
    """A description of the business that asks no other question asks, in effect, "what can
    we get?"; one that asks how to apply, or what a rule means, wants that answered."""
    question = read_question(text)
    if question.asks and question.kind not in {"other", "yes_no"}:
        return False
    if question.kind == "yes_no" and not rules.FIRST_PERSON.search(_HELD_BY_US.sub(
            " ", re.split(r"[,;]|\s(?:and|or)\s", question.text)[0])) and \
            not _OPEN_TO_ANYONE.search(question.text) and not _asks_about_eligibility(text):
        # "... expecting a grant. Is the grant taxable?": a yes/no question of something other
        # than the business, in words that do not ask whether it can have the support
        return False
    if rules.SELF_DESCRIPTION.search(text):
        # "Machine shop here. Which SIC code is right?": only the trade is told, and
        # the question asks about something other than what the business can get
        return not (question.asks and set(facts) <= _TRADE_ONLY and
                    not _ACCESS_ASKED.search(question.text) and
                    not _asks_about_eligibility(text))
    # two facts, one of them about the business itself: a project's price and a trade alone
    # ("ordering a plasma table, roughly 60 grand") are the setting of a question about the rules
    if rules.FIRST_PERSON.search(text) and len(facts) >= 2 and \
            set(facts) & (_CORE_FACTS | {"postcode", "local_authority"}):
        return True
    # a fragment that asks nothing and states a fact about the business: "12-person firm",
    # "Employees: 35.", "Shrewsbury SY1"
    words = len(text.split())
    if question.kind == "statement" and not follow_up and (
            (facts and words <= _FRAGMENT_WORDS) or
            (set(facts) & _CORE_FACTS and words <= _FIRST_PERSON_WORDS and
             rules.FIRST_PERSON.search(text))):
        return True
    return len(facts) >= 3


def _is_pleasantry(text: str) -> bool:
    """True when nothing is left once greetings, thanks and filler words are taken out."""
    if not rules.PLEASANTRIES.search(text):
        return False
    rest = rules.FILLER.sub(" ", rules.PLEASANTRIES.sub(" ", text))
    return not re.search(r"\w", rest)


def _reads_as_follow_up(text: str) -> bool:
    """An opener that continues ("and for a medium firm?"), or a short message, unless that
    names its own subject and refers back to nothing ("What is the Valley Scheme?")."""
    if rules.FOLLOW_UP_OPENER.search(text):
        return True
    return len(text.split()) <= rules.SHORT_FOLLOW_UP_WORDS and not _names_its_subject(text)


def _names_its_subject(text: str) -> bool:
    """A question that names what it asks about and refers back to nothing; a bare answer
    ("Sutton Coldfield") is not a question."""
    if not text.rstrip().endswith("?"):
        return False
    words = text.split()
    named = any((w[:1].isupper() and not w.isupper()) or (len(w) > 1 and w.isupper())
                for w in words[1:] if w.strip("?!.,:;'\"")[:1].isalpha())
    return named and not rules.REFERS_BACK.search(text)

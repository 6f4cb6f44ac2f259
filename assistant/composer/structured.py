"""Direct answers from structured data: a question that the policy decides gets its answer first,
as a `Lead` sentence ("Yes: Walsall is ..."), before any quoted guidance.

Three kinds, all read through `PolicyView` (nothing here knows a programme):
- a place in the programme's area: "Does a site in Sandwell qualify?", "Does B14 count?";
- the programmes of a kind: "Which accelerators are there?" (the kind's words come from the
  knowledge folder's `programme.yaml`, `kinds:`);
- funding rounds: "Is Round 1 still open?", "So when is the next round opening?";
- the programme's own contact: "What's your email address?", "Which number reaches
  the team?" (from `programme.yaml`, cited where the guidance gives it);
- the size test's ceilings: "In pounds, where does small end on sales?", "What
  counts as a micro business?" (from the policy's `sme` bands and its euro rate).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime, time
from zoneinfo import ZoneInfo

from dateutil.relativedelta import relativedelta

from assistant.composer.base import Lead
from assistant.composer.policy_view import (
    AreaView,
    ExclusionView,
    PolicyView,
    ProgrammeView,
    RoundView,
    SizeBandView,
    SizeView,
    SubsidyView,
)
from assistant.eligibility.wording import money_text, number
from assistant.facts.money import financial_year
from assistant.facts.trading import MONTH, month_number
from assistant.questions import ADJACENT_ADVICE, ROUND_ASKED, Question, read_question
from assistant.reply import Citation
from knowledge.policy import ClauseRef
from knowledge.programme import Contact, KindWords
from knowledge.words import stems

Cite = Callable[[ClauseRef], Citation | None]

_CONTACT_WORDS = re.compile(
    r"\b(?:e-?mail(?:\s+address)?|phone(?:\s+number)?|telephone(?:\s+number)?|number|"
    r"contact(?:\s+details)?|call|ring|get\s+(?:hold\s+of|in\s+touch(?:\s+with)?)|"
    r"reach|speak\s+to|talk\s+to|address)\b", re.IGNORECASE)
# words that leave a contact question about the programme's own team
_CONTACT_GENERIC = frozenset(stems(
    "what whats what's is are the your you yours a an how do does can could i we me us my our "
    "to for of with on at get hold touch someone somebody person human adviser advisor team "
    "support business enquiries enquiry general best way programme please there here who "
    "give send find"))
_WHAT_FOLLOWS = re.compile(r"\bwhat\s+(?:happens|would\s+happen|will\s+happen|then)\b",
                          re.IGNORECASE)
_AREA_WORDS = re.compile(
    r"\b(?:area|areas|region|covered|cover|covers|inside|within|included|include|includes|"
    r"count|counts|part\s+of|boundary|patch)\b|\bin\s+or\s+out\b", re.IGNORECASE)
_PEOPLE_ASKED = re.compile(r"\b(?:names?|who|whom|contacts?|emails?|phone\s+numbers?|"
                           r"details\s+of)\b", re.IGNORECASE)
# "In or out?" after the place was named: the place is in the message, not the question
_IN_OR_OUT = re.compile(r"\b(?:in\s+or\s+out|inside\s+or\s+outside)\b", re.IGNORECASE)
# ... or the business's own site asked about: "Our unit is in Leek. Are we in the area?"
_ARE_WE_IN = re.compile(r"^\W*(?:are|is)\s+(?:we|us|our\s+(?:[\w-]+\s+)?(?:site|unit|business|"
                        r"company|firm|premises|factory|workshop|office|shop|yard|plant))\s+"
                        r"(?:\w+\s+)?(?:in|inside|within|outside|part\s+of|covered)\b",
                        re.IGNORECASE)
# A place's public body or business network, which a question can ask about as such
_A_BODY = re.compile(r"\b(?:city|borough|district|county|town|parish)?\s*council(?:'s)?\b|"
                     r"\bgrowth\s+hub\b|\bchamber\s+of\s+commerce\b", re.IGNORECASE)
_SUPPORT_WORDS = re.compile(
    r"\b(?:apply|eligible|qualify|support|funding|grants?|take\s+part|join|"
    # help for the business, not with a task: "help me hire a bookkeeper"
    r"help(?!\s+(?:us|me|them)\s+(?:to\s+)?(?:find|get|rent|lease|buy|sell|hire|recruit|do|"
    r"fill|write|complete|sort|choose|pick|move|set\s+up|register|open)\b))\b",
    re.IGNORECASE)
_ROUND_WORDS = re.compile(
    r"\b(?:rounds?|deadline|closing\s+date|open|opens|opened|close|closes|closed|"
    r"apply\s+(?:now|today|this\s+week|this\s+month|at\s+the\s+moment)|"
    r"(?:submit|apply|send)\b[^.?!]{0,40}\b(?:in|on|by|before|after)\s+(?:\d{1,2}\s+)?"
    r"(?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december)|"
    r"(?:still|currently)\s+(?:open|accepting|taking)|"
    # "when can we apply?": the rounds say
    r"when\s+(?:can|could|do|should|will|may)\s+(?:we|i|you|businesses|firms|companies)\s+"
    r"(?:next\s+)?apply)\b", re.IGNORECASE)
# How a question asks for the programmes of a kind (applied to the question in plain words).
# Plural words only: "which Hub would suit a robotics start-up?" asks to choose one, not for
# the list.
_ASKS_FOR = (r"\b(?:which|what)\s+(?:\w+\s+){{0,4}}?{kind}\b(?!\s+(?:innovation|project|"
             r"voucher|grant|day))|"
             # (not "how many expert days can we have?": an allowance, not a count of offers)
             r"\bhow\s+many\s+(?:\w+\s+)?{kind}\b(?!\s+(?:can|could|may|might|do|does|will|"
             r"would|is|are)\s+(?:we|i|you|a|an|the|one|each|our|my|it|they)\b)|"
             r"\b(?:list|name)\s+(?:the|all|your)\s+(?:\w+\s+)?{kind}\b|"
             r"\b{kind}\b.*\b(?:which|what)\s+(?:ones|are\s+they|are\s+there)\b")
_TIMING_WORDS = re.compile(
    r"\b(?:open|opens|opened|opening|close|closes|closed|closing|shut|shuts|deadline|when|"
    r"date|dates|start|starts|end|ends|still|yet|now|today|tomorrow|this\s+week|long|"
    r"submit|send|apply|missed|miss|late|over\s+christmas|in\s+time|"
    # "how much time is left to send the form in?", "weeks left"
    r"(?:days?|weeks?|months?|time)\s+(?:(?:have\s+)?(?:we|i)\s+(?:got\s+|have\s+)?)?left|"
    r"get\s+(?:it|(?:an?|our|the)\s+(?:[\w-]+\s+){0,2}?application)\s+in)\b", re.IGNORECASE)
_OPEN_OR_CLOSED = re.compile(r"\b(?:open|closed|upcoming)\b", re.IGNORECASE)
# a name in capitals after the first word: "Centre Innovation Project", "Round 2"
_PROPER = re.compile(r"(?<!^)(?<![.?!]\s)\b[A-Z][a-z]+(?:[ -](?:[A-Z][\w-]*|\d+))+")
_ROUND_NAME = re.compile(r"\bround\s+(\d+|one|two|three|four|five|six)\b", re.IGNORECASE)
_ORDINAL = re.compile(r"\b(first|second|third|fourth|fifth|last|next|current|latest)\s+"
                      r"(?:funding\s+|application\s+)?round\b", re.IGNORECASE)
_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "first": 1,
                 "second": 2, "third": 3, "fourth": 4, "fifth": 5}
_COUNTS = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
           "eleven", "twelve"]
_WORD = re.compile(r"[a-z0-9]+")


# a place said of others than the business's site: its customers, suppliers, staff's homes
_OTHERS_PLACED = re.compile(r"\b(?:customers?|clients?|suppliers?|buyers?|competitors?|"
                            r"(?:staff|employees|people|workers)\s+(?:who\s+)?(?:live|commute))\b",
                            re.IGNORECASE)

class StructuredAnswers:
    """`programme_name`: how answers name the programme; `kinds`: how users name each kind of
    programme (by the policy's `kind`)."""

    def __init__(self, view: PolicyView, programme_name: str = "The programme",
                 kinds: Mapping[str, KindWords] | None = None,
                 contact: Contact | None = None) -> None:
        self._view = view
        self._name = programme_name
        self._kinds = dict(kinds or {})
        self._contact = contact

    def answer(self, message: str, now: datetime, cite: Cite) -> list[Lead]:
        """Lead sentences for a question the policy answers; [] for any other."""
        question = read_question(message)
        if not question.asks:
            return []
        for reader in (self._place, self._kind_list, self._subsidy_years,
                       self._rounds_once_trading, self._round_count, self._rounds,
                       self._contact_lead, self._size_ceiling, self._excluded_sectors):
            lines = reader(question, now, cite, " ".join(message.split()))
            if lines:
                return lines
        return []

    # --- the programme's contact

    def _contact_lead(self, question: Question, now: datetime, cite: Cite,
                      message: str = "") -> list[Lead]:
        """How to reach the programme's team, for a question about reaching it and nothing
        else: one that also names a subject ("who do I contact about a complaint?") is left
        to the guidance, which may give another address for it."""
        contact = self._contact
        if contact is None or not (contact.email or contact.phone) or \
                not _CONTACT_WORDS.search(question.text):
            return []
        names = set(stems(f"{self._name} {contact.team}"))
        rest = [w for w in stems(_CONTACT_WORDS.sub(" ", question.text))
                if w not in names and w not in _CONTACT_GENERIC]
        if rest:
            return []
        sentence = f"You can contact {contact.sentence()}."
        if contact.url:
            sentence += f" The contact page is {contact.url}."
        evidence = tuple(v for v in (contact.email, contact.phone) if v)
        return [Lead(sentence[0].upper() + sentence[1:], evidence=evidence)]

    # --- the subsidy limit's financial years

    def _subsidy_years(self, question: Question, now: datetime, cite: Cite,
                       message: str = "") -> list[Lead]:
        """Which financial years the subsidy limit counts, today or when a round the question
        names opens: "What financial year is it now, for subsidy purposes?", "Holding off to
        Round 5: how far back would earlier aid be counted?". Financial years start on 1 April."""
        subsidy = self._view.subsidy
        text = message or question.text
        if subsidy is None or not _YEARS_ASKED.search(text) or \
                not _names_subsidy(text, subsidy):
            return []
        local = _local(now, self._view.time_zone)
        when, said = local, f"Today ({local.day} {local:%B %Y})"
        programme = self._programme_with_rounds(text)
        with_rounds = [p for p in self._view.programmes if p.rounds]
        if programme is None and len(with_rounds) == 1:
            programme = with_rounds[0]  # the subsidy's own name is no other subject here
        if programme is not None:
            rounds = sorted(programme.rounds, key=lambda r: r.opens)
            if (named := _round_named(text, rounds, local)) is not None and named.opens > local:
                when = named.opens
                said = f"When {named.name} opens ({when.day} {when:%B %Y})"
        if when is local and (applying := _APPLYING_ON.search(text)) is not None:
            # "we'll apply in June 2027": the day of that month the business names
            day = datetime(int(applying["year"]), month_number(applying["month"]),
                           int(applying["day"] or 1), tzinfo=local.tzinfo)
            if day > local:
                when, said = day, f"Applying in {day:%B %Y}"
        first = financial_year(when)
        window = f", {subsidy.window}" if subsidy.window else ""
        sentence = (f"{said}, the financial year is {first}-{str(first + 1)[-2:]} (1 April "
                    f"{first} to 31 March {first + 1}), so the {subsidy.name} that counts is "
                    f"what was received from 1 April {first - 2}{window}.")
        citation = cite(subsidy.clause)
        return [Lead(sentence, citation)] if citation else []

    # --- the size test

    def _size_ceiling(self, question: Question, now: datetime, cite: Cite,
                      message: str = "") -> list[Lead]:
        """The ceilings of the size band a question names, for a question about the ceilings
        themselves (not one that gives the business's own figures to be sized)."""
        sizes = self._view.sizes
        text = question.text
        measure = _MEASURE.search(text)
        if sizes is None or not sizes.bands or _OWN_FIGURES.search(text) or not (
                (measure and _SIZE_ASKED.search(text)) or _BAND_ASKED.search(text)):
            return []  # "the maximum grant for a small business" asks about the grant
        named = _BAND_NAMED.search(text)
        if named is None:
            return []
        word = named["band"].lower()
        band = sizes.bands[-1] if word == "sme" else \
            next((b for b in sizes.bands if b.band == word), None)
        if band is None:
            return []
        sentence = _size_sentence(sizes, band, measure.lastgroup if measure else None,
                                  word == "sme")
        citation = cite(sizes.clause) if sizes.clause else None
        if citation is None:
            return []
        return [Lead(sentence, citation)]

    # --- excluded sectors

    def _excluded_sectors(self, question: Question, now: datetime, cite: Cite,
                          message: str = "") -> list[Lead]:
        """The sectors a programme excludes, all of them and how many, for a question that
        asks which or how many (not whether one business's trade is excluded)."""
        if question.kind not in {"list", "amount", "other", "definition"} or \
                not _EXCLUSIONS_ASKED.search(question.text):
            return []
        lowered = _words(question.text)
        lists = [e for e in self._view.exclusions
                 if any(_words(p) in lowered for p in e.programmes)] or \
            list(self._view.exclusions)
        if len(lists) != 1:
            return []  # none, or several programmes' lists: the passages answer
        return _exclusion_leads(lists[0], cite)

    # --- places

    def _place(self, question: Question, now: datetime, cite: Cite,
               message: str = "") -> list[Lead]:
        text = question.text
        if _WHO_TO_ASK.search(text) and message:
            # "Our mill is in Ludlow; who can help us?": outside the area, where to go instead
            outside = self._outside(message)
            citation = cite(outside[0].clause) if outside else None
            return [Lead(line, citation) for line in outside[1]] if outside and citation else []
        if message and _WHO_TO_ASK.search(message) and \
                (outside := self._outside(" ".join(message.split()))) is not None and \
                (citation := cite(outside[0].clause)) is not None:
            # "We're in Ludlow. Is that covered? If not, who can help?": asked in a sentence of
            # its own, after the question about the place
            return [Lead(line, citation) for line in outside[1]]
        if question.kind not in {"yes_no", "other", "where"} or not (
                _AREA_WORDS.search(text) or _SUPPORT_WORDS.search(text)):
            return []
        if question.kind == "other" and _PEOPLE_ASKED.search(text):
            return []  # "who looks after firms in Dudley?": people, not the place
        if _WHAT_FOLLOWS.search(text):
            return []  # "if we move to Redditch, what happens to the grant?": not the place
        if _OTHERS_PLACED.search(text):
            return []  # "does it count that our buyers are in Dudley?": not the site's place
        if not _AREA_WORDS.search(text) and _A_BODY.search(text):
            return []  # "does Dudley Council run its own grants?": the body, not the place
        if not _AREA_WORDS.search(text) and ADJACENT_ADVICE.search(text):
            return []  # "does our Dudley unit qualify for rate relief?": the relief, not the place
        for area in self._view.areas:
            found = _place_in(area, text)
            if found is None and message and (_IN_OR_OUT.search(text) or
                                              _ARE_WE_IN.search(text)):
                found = _place_in(area, message)
            if found is None:
                continue
            sentence = _place_sentence(area, *found)
            if not sentence:
                continue
            citation = cite(area.clause)
            return [Lead(line, citation) for line in sentence] if citation else []
        return []

    def outside_pointer(self, message: str) -> bool:
        """Whether the message asks who to talk to from a place outside the area."""
        # (in a sentence of its own: "is Leek in? failing that, who can help us")
        return bool(_WHO_TO_ASK.search(read_question(message).text) or
                    _WHO_TO_ASK.search(message)) and \
            self._outside(" ".join(message.split())) is not None

    def _outside(self, message: str) -> tuple[AreaView, list[str]] | None:
        """The area a place the message names lies outside, with the sentences that say so
        and where to go instead."""
        for area in self._view.areas:
            found = _place_in(area, message)
            if found is None:
                continue
            sentence = _place_sentence(area, *found)
            if sentence and sentence[0].startswith("No:"):
                return area, sentence
        return None

    # --- programmes of a kind

    def _kind_list(self, question: Question, now: datetime, cite: Cite,
                   message: str = "") -> list[Lead]:
        if question.kind not in {"list", "amount", "other", "definition", "yes_no"}:
            return []
        leads = []
        for key, words in self._kinds_named(question.text):
            names = [p.name for p in self._view.programmes if _same(p.kind, key)]
            if not names:
                continue
            count = _COUNTS[len(names)] if len(names) < len(_COUNTS) else str(len(names))
            label = words.many if len(names) != 1 else words.one
            text = f"{self._name} runs {count} {label}: {_join(names)}."
            # guidance often names them without the kind ("Quantum Technology, Battery Storage")
            kind_words = {_words(w) for w in (*words.words, words.one, words.many)}
            evidence = tuple(_without(name, kind_words) for name in names)
            leads.append(Lead(text, evidence=evidence))
        return leads

    def _kinds_named(self, text: str) -> list[tuple[str, KindWords]]:
        """The kinds a question asks to have listed: "which accelerators", "what are the three
        centres", "how many centres", in the order asked. Longer words first, so that
        "sub-centres" is not also read as "centres"; a programme's own name ("the AI
        Accelerator") is no kind; and only plurals: "which centre covers heat pumps?" asks to
        choose one."""
        lowered = _words(text)
        for programme in self._view.programmes:
            lowered = lowered.replace(_words(programme.name), " ")
        words = sorted(((w, key, kind) for key, kind in self._kinds.items()
                        for w in {*kind.words, kind.many}
                        if w.strip() and _words(w) not in _singulars(kind)),
                       key=lambda item: -len(item[0]))
        found: dict[str, tuple[int, KindWords]] = {}
        for word, key, kind in words:
            phrase = re.escape(_words(word))
            if key in found or not re.search(rf"\b{phrase}\b", lowered):
                continue
            # a word or two may qualify the kind ("which funded innovation centres"), no more:
            # "how many people are on the panel that decides the grants" counts people
            asked = re.search(_ASKS_FOR.format(kind=rf"(?:[a-z]+ ){{0,2}}{phrase}"), lowered)
            if asked:
                found[key] = (lowered.find(_words(word)), kind)
            lowered = re.sub(rf"\b{phrase}\b", " ", lowered)
        return [(key, kind) for key, (_, kind) in sorted(found.items(), key=lambda f: f[1][0])]

    # --- funding rounds

    def _rounds(self, question: Question, now: datetime, cite: Cite,
                message: str = "") -> list[Lead]:
        """Only for a question about when rounds open and close ("Is Round 1 still open?",
        "When is the deadline?"), not one that merely names a round ("the budget for Round 2").
        The whole message counts: "Round 1 went past us. Is it too late now?"."""
        text = message or question.text
        left = _TIME_LEFT.search(text)
        timing = question.kind in {"when", "yes_no", "other"} or (
            question.kind == "list" and _OPEN_OR_CLOSED.search(text)) or (
            question.kind == "amount" and left)
        if not timing or not _ROUND_WORDS.search(text) or not _TIMING_WORDS.search(text):
            return []
        programme = self._programme_with_rounds(text)
        # what the question is about is in its own sentence, when that names the round; the
        # rest of the message may say why it is asked ("... I don't want to miss it")
        about = question.text if _ROUND_WORDS.search(question.text) else text
        if programme is None or _other_subject(about, programme):
            return []
        # "if we send it in at 10am on 3 June 2027": the rounds as they stand then
        asked_at = _moment_in(text)
        local = asked_at[0] if asked_at else \
            _local(now, programme.time_zone or self._view.time_zone)
        then = asked_at[1] if asked_at else ""
        rounds = sorted(programme.rounds, key=lambda r: r.opens)
        # the round the question itself names, before one named in the context told first
        named = _round_named(question.text, rounds, local)
        if named is None and (_ROUND_NAME.search(question.text) or
                              _ORDINAL.search(question.text)):
            # a round the policy does not list ("Round 4"), though the words before the
            # question name others: not ours to answer
            return []
        named = named or _round_named(text, rounds, local)
        if named is None and (_ROUND_NAME.search(text) or _ORDINAL.search(text)):
            return []  # a round the policy does not list ("Round 4"): not ours to answer
        current = next((r for r in rounds if r.opens <= local <= r.closes), None)
        coming = next((r for r in rounds if local < r.opens), None)
        lines: list[tuple[str, RoundView]] = []
        asks_open = question.kind == "yes_no" and re.search(r"\bopen\b", text, re.IGNORECASE)
        if named is not None:
            state = _state(named, local)
            sentence = _round_sentence(programme, named, state, then)
            if asks_open and re.search(r"\b(?:still\s+)?open\b", text, re.IGNORECASE):
                sentence = ("Yes: " if state == "open" else "No: ") + sentence
            lines.append((sentence, named))
        if named is None or _state(named, local) != "open":
            following = current or coming
            if following is not None and following is not named:
                sentence = _round_sentence(programme, following, _state(following, local),
                                           then)
                if named is None and asks_open:
                    sentence = ("Yes: " if following is current else "No: ") + sentence
                lines.append((sentence, following))
            elif named is None and rounds:
                last = rounds[-1]
                lines.append((_round_sentence(programme, last, "closed") +
                              " No later round is listed.", last))
        leads = []
        opening = re.search(r"\b(?:open|opens|opening|starts?|launch\w*)\b", text, re.IGNORECASE)
        for sentence, funding_round in lines:
            if named is not None and funding_round is not named and \
                    _state(named, local) != "closed":
                pass  # the time asked about is the named round's
            elif left and funding_round is current:
                sentence += " " + _time_left(funding_round.closes, local, bool(asked_at),
                                             not asked_at or ":" in then)
            elif left and opening and local < funding_round.opens:
                # "how long before the next round opens?"
                sentence += " " + _time_left(funding_round.opens, local, bool(asked_at),
                                             not asked_at or ":" in then)
            citation = cite(funding_round.clause) if funding_round.clause else None
            if citation is None:
                return []
            leads.append(Lead(sentence, citation))
        return leads

    def _round_count(self, question: Question, now: datetime, cite: Cite,
                     message: str = "") -> list[Lead]:
        """ "How many rounds are there?", "list the rounds": every round listed, with its
        dates and whether it is open."""
        if not _ROUNDS_COUNTED.search(question.text):
            return []
        programme = self._programme_with_rounds(question.text)
        if programme is None or not programme.rounds:
            return []
        local = _local(now, programme.time_zone or self._view.time_zone)
        rounds = sorted(programme.rounds, key=lambda r: r.opens)
        count = _COUNTS[len(rounds)] if len(rounds) < 10 else str(len(rounds))
        parts = []
        for funding_round in rounds:
            state = {"open": ", open now", "upcoming": "", "closed": ", now closed"}[
                _state(funding_round, local)]
            parts.append(f"{funding_round.name}, from {_bare_day(funding_round.opens, True)} "
                         f"to {_bare_day(funding_round.closes, False)}{state}")
        sentence = (f"The {programme.name} has {count} funding round"
                    f"{'s' if len(rounds) != 1 else ''} listed: {'; '.join(parts)}.")
        clause = next((r.clause for r in rounds if r.clause), None)
        citation = cite(clause) if clause else None
        return [Lead(sentence, citation)] if citation else []

    def _rounds_once_trading(self, question: Question, now: datetime, cite: Cite,
                             message: str = "") -> list[Lead]:
        """ "We started trading on 1 October 2026: which round can we apply in?": the day the
        business has traded as long as the programme asks, and the first round still open
        then."""
        text = message or question.text
        started = _STARTED_ON.search(text)
        if started is None or not ROUND_ASKED.search(text):
            return []
        programme = self._programme_with_rounds(text)
        if programme is None or programme.min_months_trading is None or \
                programme.trading_clause is None or not programme.rounds:
            return []
        found = _DATE_IN_TEXT.search(started.group())
        assert found is not None
        day = int(found["day"]) if found["day"] else 1
        start = datetime(int(found["year"]), month_number(found["month"]), day)
        ready = start + relativedelta(months=int(programme.min_months_trading))
        months = f"{programme.min_months_trading:g} months"
        since = f"{start.day} {start:%B %Y}" if found["day"] else f"{start:%B %Y}"
        rule = cite(programme.trading_clause)
        if rule is None:
            return []
        rounds = sorted(programme.rounds, key=lambda r: r.opens)
        local = _local(now, programme.time_zone or self._view.time_zone)
        later = [r for r in rounds if r.closes >= max(ready, local)]
        lines = [Lead(f"The {programme.name} asks for at least {months} of trading: a business "
                      f"that started {'on' if found['day'] else 'in'} {since} reaches that "
                      f"on {ready.day} {ready:%B %Y}.", rule)]
        missed = [r for r in rounds if local <= r.closes < ready]
        if later:
            first = later[0]
            if first.clause is None or (citation := cite(first.clause)) is None:
                return lines
            before = (f"{missed[-1].name} closes {_day(missed[-1].closes, False)}, before then, "
                      f"so the first round it could apply in is {first.name}" if missed else
                      f"The first round it could apply in is {first.name}")
            when = (f"from {ready.day} {ready:%B %Y}, until it closes "
                    f"{_day(first.closes, False)}" if first.opens < ready else
                    f"which opens {_day(first.opens, True)} and closes "
                    f"{_day(first.closes, False)}")
            lines.append(Lead(f"{before}, {when}.", citation))
        elif rounds and rounds[-1].clause is not None and \
                (citation := cite(rounds[-1].clause)) is not None:
            lines.append(Lead(f"No round listed is still open by then: the last, "
                              f"{rounds[-1].name}, closes {_day(rounds[-1].closes, False)}.",
                              citation))
        return lines

    def _programme_with_rounds(self, text: str) -> ProgrammeView | None:
        """The programme named, or the only one with rounds when the question names nothing
        else (a capitalised name such as "Centre Innovation Project" is something else)."""
        lowered = f" {_words(text)} "
        with_rounds = [p for p in self._view.programmes if p.rounds]
        for programme in with_rounds:
            names = {programme.name, programme.id.replace("-", " "), *programme.aliases}
            if any(f" {_words(n)} " in lowered for n in names if len(_words(n)) > 3):
                return programme
        others = [name for name in _PROPER.findall(text) if not _ROUND_NAME.fullmatch(name)
                  and not _MONTH_WORD.fullmatch(name.split()[0])]
        return with_rounds[0] if len(with_rounds) == 1 and not others else None


# --- places ----------------------------------------------------------------------------------

# "which financial year", "from what date does it count", "how far back"
# "how many funding rounds are there?", "list the rounds"
_ROUNDS_COUNTED = re.compile(
    r"\bhow\s+many\s+(?:funding\s+|application\s+|bidding\s+)?(?:rounds|windows|calls)\b|"
    r"\b(?:list|name)\s+(?:the|all|your)\s+(?:funding\s+|application\s+)?rounds\b", re.IGNORECASE)
# "which sectors are excluded?", "how many industries can't apply?", "the excluded-sectors list"
_EXCLUSIONS_ASKED = re.compile(
    r"\b(?:which|what|how\s+many|list|name)\b[^?.]{0,40}?\b(?:sectors?|industr(?:y|ies)|trades|"
    r"(?:types?|kinds?|sorts?)\s+of\s+(?:business|firm|compan)\w*)\b[^?.]{0,50}?\b(?:excluded|"
    r"ineligible|not\s+(?:eligible|allowed|funded|covered|supported)|can(?:not|'t)\s+(?:apply|get|"
    r"receive|be\s+funded)|barred|ruled\s+out)\b|"
    r"\b(?:which|what|how\s+many|list)\b[^?.]{0,30}?\bexcluded[\s-]+(?:sectors?|industr(?:y|ies)|"
    r"trades)\b", re.IGNORECASE)


def _exclusion_leads(exclusion: ExclusionView, cite: Cite) -> list[Lead]:
    count = len(exclusion.sectors)
    word = _COUNTS[count] if count < 10 else str(count)  # (numerals from 10, as style guides do)
    sentence = (f"{word.capitalize()} sector{'s are' if count != 1 else ' is'} excluded from "
                f"{_join(['the ' + p for p in exclusion.programmes])}: "
                f"{'; '.join(exclusion.sectors)}.")
    citation = cite(exclusion.clause) if exclusion.clause else None
    if citation is None:
        return [Lead(sentence, evidence=exclusion.sectors)]
    return [Lead(sentence, citation)]


_YEARS_ASKED = re.compile(
    r"\b(?:which|what)\s+financial\s+years?\b|\bfinancial\s+years?\s+(?:are\s+we|is\s+it|count)|"
    r"\bfrom\s+(?:what|which)\s+date\b|\bfrom\s+when\b|\bhow\s+far\s+back\b|\bwhat\s+period\b|"
    r"\b(?:which|what)\s+years?\s+(?:of\s+(?:[\w-]+\s+){1,4}?)?(?:count|are\s+counted)\b",
    re.IGNORECASE)


def _names_subsidy(text: str, subsidy: SubsidyView) -> bool:
    initials = "".join(w[0] for w in subsidy.name.split() if w[:1].isupper())
    return bool(re.search(rf"\b{re.escape(subsidy.name)}\b", text, re.IGNORECASE) or (
        len(initials) > 1 and re.search(rf"\b{initials}\b", text)) or
        re.search(r"\bsubsid(?:y|ies)\b|\bstate\s+aid\b|\bde\s+minimis\b", text, re.I))


_BAND_NAMED = re.compile(r"\b(?P<band>micro|small|medium|sme)(?:[\s-]sized)?\b", re.IGNORECASE)
_SIZE_ASKED = re.compile(
    r"\b(?:limits?|ceilings?|thresholds?|max(?:imum)?|caps?|cut[\s-]?offs?|upper|most|"
    r"how\s+(?:big|large|many|much)|counts?\s+as|classed\s+as|qualif\w*\s+as|defin\w*|"
    r"what\s+(?:is|'s)\s+an?\s+(?:micro|small|medium)|"
    r"in\s+(?:pounds|sterling|gbp|euros?))\b", re.IGNORECASE)
# what a band is: "what counts as a small business?", "define micro"
_BAND_ASKED = re.compile(
    r"\b(?:counts?\s+as|classed\s+as|qualif\w*\s+as|defin\w*|(?:what|when)\s+(?:is|'s|makes)\s+"
    r"(?:an?\s+)?(?:business\s+)?(?:micro|small|medium|sme)\b|how\s+(?:big|large|small)\s+(?:is|can)\b)",
    re.IGNORECASE)
# the business's own figures: a question to size it, which the eligibility check answers
_OWN_FIGURES = re.compile(r"\b(?:we|our|i|us)\b[^?]*\d|\d[^?]*\b(?:we|our|us)\b",
                          re.IGNORECASE)
_MEASURE = re.compile(r"(?P<staff>\b(?:staff|employees|people|headcount|awu|work\s+units|"
                      r"workforce)\b)|(?P<turnover>\b(?:turnover|revenue|sales)\b)|"
                      r"(?P<balance>\bbalance[\s-]?sheet\b)", re.IGNORECASE)
_BAND_NAMES = {"micro": "micro business", "small": "small business",
               "medium": "medium-sized business"}


def _size_sentence(sizes: SizeView, band: SizeBandView, measure: str | None,
                   sme: bool) -> str:
    """The band's ceilings, the one asked about first, in the test's currency and in pounds."""
    name = "an SME" if sme else f"a {_BAND_NAMES.get(band.band, band.band + ' business')}"

    def money(amount: float) -> str:
        if sizes.currency != "EUR":
            return money_text(amount)
        return f"{money_text(amount, '€')} ({money_text(amount * sizes.eur_to_gbp)})"

    rate = (f", at the programme's rate of €1 = £{number(sizes.eur_to_gbp)}"
            if sizes.currency == "EUR" else "")
    staff = f"fewer than {number(band.staff_below)} staff, counted in annual work units"
    turnover, balance = money(band.turnover_max), money(band.balance_sheet_max)
    if measure == "turnover":
        return (f"The turnover ceiling for {name} is {turnover}{rate}; it may meet the "
                f"balance sheet ceiling of {balance} instead, and it must have {staff}.")
    if measure == "balance":
        return (f"The balance sheet ceiling for {name} is {balance}{rate}; it may meet the "
                f"turnover ceiling of {turnover} instead, and it must have {staff}.")
    # all the ceilings, staff first: also the answer to "what is the staff limit?"
    return (f"To count as {name}, a business has {staff}, and a turnover of no more than "
            f"{turnover} or a balance sheet total of no more than {balance}{rate}.")


# "who should we talk to?", "which organisation can help us?", "where do we go for support?"
_WHO_TO_ASK = re.compile(
    r"\b(?:who|which\s+(?:organi[sz]ation|body|team|service|hub|one))\s+(?:should|could|can|do|"
    r"would)\s+(?:we|i)\s+(?:be\s+)?(?:talk|speak|go|turn|contact|ask|approach)(?:ing)?\b|"
    r"\bwhere\s+(?:should|could|can|do)\s+(?:we|i)\s+(?:go|turn|get\s+(?:help|support|advice))\b|"
    # the question's words in the order of a statement: "where I can turn for advice?"
    r"\bwhere\s+(?:we|i)\s+(?:should|could|can)\s+(?:go|turn|get\s+(?:help|support|advice))\b|"
    r"\bwhere\s+(?:else\s+)?(?:to|can\s+(?:we|i))\s+(?:go|turn)\s+(?:for|instead)\b|"
    r"\bwho\s+(?:can|could)\s+help\s+(?:us|me)\b", re.IGNORECASE)


def _place_in(area: AreaView, text: str) -> tuple[str, str, str] | None:
    """(the place as named, the authority it lies in or a district code, how it was found)."""
    lowered = f" {_words(text)} "
    tokens = {t.upper() for t in re.findall(r"[A-Za-z0-9]+", text)}
    for code in sorted(area.districts, key=len, reverse=True):
        if code in tokens:
            return code, code, "district"
    names: list[tuple[str, str, str]] = [(a, a, "authority") for a in area.authorities]
    names += [(town, authority, "town") for town, authority in area.towns.items()]
    names += [(o.authority, o.authority, "outside") for o in area.outside]
    names += [(o.county, o.county, "county") for o in area.outside if o.county]
    for name, authority, how in sorted(names, key=lambda n: -len(n[0])):
        if f" {_words(name)} " in lowered:
            return name, authority, how
    return None


def _place_sentence(area: AreaView, named: str, where: str, how: str) -> list[str]:
    inside = {_words(a) for a in area.authorities}
    word = area.authority_word
    listed = _join(list(area.authorities))
    if how == "district":
        district = area.districts[where]
        covers = f" ({district.places})" if district.places else ""
        if district.status == "inside":
            return [f"Yes: the postcode district {where}{covers} is inside {area.name}."]
        if district.status == "outside":
            return [f"No: the postcode district {where}{covers} is outside {area.name}.",
                    *_pointer(area, list(district.authorities))]
        lies = f" It lies in {_join(list(district.authorities))}." if district.authorities \
            else ""
        return [f"Partly: the postcode district {where}{covers} is partly inside and partly "
                f"outside {area.name}, so it depends on the {word} the site is in.{lies}"]
    if how in {"authority", "town"} and _words(where) in inside:
        shown = named if _words(named) == _words(where) else f"{named}, in {where},"
        return [f"Yes: {shown} is inside {area.name}."]
    shown = named if _words(named) == _words(where) else f"{named}, in {where},"
    return [f"No: {shown} is outside {area.name}, which covers {listed}.",
            *_pointer(area, [where])]


def _pointer(area: AreaView, places: Sequence[str]) -> list[str]:
    wanted = {_words(p) for p in places}
    for pointer in area.outside:
        if {_words(pointer.authority), _words(pointer.county)} & wanted:
            return [f"A business there can go to {_the(pointer.refer_to)} instead."]
    if area.refer_outside:
        return [f"A business outside the area can go to {area.refer_outside}."]
    return []


# --- rounds ----------------------------------------------------------------------------------

def _local(now: datetime, zone: str) -> datetime:
    """`now` as wall-clock time in the programme's zone; a naive `now` is taken to be so."""
    if now.tzinfo is None or not zone:
        return now.replace(tzinfo=None)
    return now.astimezone(ZoneInfo(zone)).replace(tzinfo=None)


_MONTH_WORD = re.compile(rf"{MONTH}\.?", re.IGNORECASE)
# (a month in full or shortened: "8th Jan 2027", "3 Sept 2026")
_DATE_IN_TEXT = re.compile(
    rf"\b(?:(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+)?(?P<month>{MONTH})\.?\s+(?P<year>\d{{4}})\b",
    re.IGNORECASE)
# "we began trading on 2 March 2026", "set up in March 2026"
_STARTED_ON = re.compile(
    r"\b(?:start(?:ed)?|began|begun|set\s+up|founded|formed|incorporated|launched|registered|"
    r"opened|commenced)\b(?:\s+(?:trading|the\s+(?:company|business|firm)|up|it))?"
    r"[^.?!\d]{0,12}?\s(?:on\s+|in\s+)?" + _DATE_IN_TEXT.pattern, re.IGNORECASE)

_TIME_IN_TEXT = re.compile(r"\b(?P<hour>\d{1,2})(?::(?P<minute>\d{2}))?\s*(?P<half>am|pm)\b|"
                           r"\b(?P<hour24>\d{1,2}):(?P<minute24>\d{2})\b", re.IGNORECASE)
# words that say what a rounds question is about, besides rounds and their timing
_ROUND_TALK = frozenset(stems(
    "round rounds open opens opened opening close closes closed closing shut shuts deadline "
    "date dates start starts end ends still yet now today tomorrow week time long got get "
    "submit apply application applications missed miss late christmas left weeks days months "
    "current next first second third last funding grant booster accepting taking considered "
    "chance roughly about approximately around many much remain remaining until till "
    # being ready in time: "we'll not be prepared before the third round"
    "ready won wont prepared enough soon "
    # the time of day: "at what time exactly does it close on the last day?"
    "hour hours minute minutes noon midday exactly exact precisely final"))


def _other_subject(text: str, programme: ProgrammeView) -> bool:
    """Whether a question that mentions rounds is about something else ("the euro rate if I
    get it in before the next round ends", "is last year's grant counted if we go ahead")."""
    names = set(stems(" ".join([programme.name, *programme.aliases])))
    rest = {w for w in stems(text) if w not in _ROUND_TALK and w not in names
            and not w.isdigit() and not _MONTH_WORD.fullmatch(w)}
    return len(rest) > 1


# a round's own date told back ("if it closes on 29 January ..."), not a moment asked about
_A_ROUND_S_OWN_DATE = re.compile(r"\b(?:closes?|closing|opens?|opening|ends?|deadline\s+is|"
                                 r"deadline\s+of)\s+(?:on\s+|at\s+[^,.;]{0,12}\s+on\s+)?$",
                                 re.IGNORECASE)
_FROM_NOW = re.compile(r"\bfrom\s+(?:today|now|this\s+(?:morning|afternoon))\b", re.IGNORECASE)


def _moment_in(text: str) -> tuple[datetime, str] | None:
    """A date (and time) the question names, and how to say it: "10am on 3 June 2027",
    "in February 2027" (the middle of a month named alone)."""
    found = next((m for m in _DATE_IN_TEXT.finditer(text)
                  if not _A_ROUND_S_OWN_DATE.search(text, max(0, m.start() - 25), m.start())),
                 None)
    if found is None or _FROM_NOW.search(text):
        return None  # "from today": now, whatever dates the question repeats
    day = int(found["day"]) if found["day"] else 15
    moment = datetime(int(found["year"]), month_number(found["month"]), min(day, 28)
                      if not found["day"] else day, 12, 0)
    clock = _TIME_IN_TEXT.search(text)
    if clock and found["day"]:
        if clock["hour"]:
            hour = int(clock["hour"]) % 12 + (12 if clock["half"].lower() == "pm" else 0)
            moment = moment.replace(hour=hour, minute=int(clock["minute"] or 0))
        else:
            moment = moment.replace(hour=int(clock["hour24"]), minute=int(clock["minute24"]))
    if not found["day"]:
        return moment, f"in {moment:%B %Y}"
    shown = f"{moment:%H:%M} on " if clock else ""
    return moment, f"at {shown}{moment.day} {moment:%B %Y}"


def _state(funding_round: RoundView, now: datetime) -> str:
    if now < funding_round.opens:
        return "upcoming"
    return "open" if now <= funding_round.closes else "closed"


def _round_named(text: str, rounds: list[RoundView], now: datetime) -> RoundView | None:
    match = _ROUND_NAME.search(text)
    if match:
        number = match.group(1).lower()
        number = str(_NUMBER_WORDS.get(number, number))
        return next((r for r in rounds if re.search(rf"\b{number}\b", r.name)), None)
    match = _ORDINAL.search(text)
    if match is None:
        return None
    word = match.group(1).lower()
    if word in _NUMBER_WORDS:
        index = _NUMBER_WORDS[word] - 1
        return rounds[index] if index < len(rounds) else None
    if word == "next":
        return next((r for r in rounds if now < r.opens), None)
    if word in {"current", "latest"}:
        return next((r for r in rounds if r.opens <= now <= r.closes), None)
    return rounds[-1] if rounds else None


def _round_sentence(programme: ProgrammeView, funding_round: RoundView, state: str,
                    then: str = "") -> str:
    name = f"{funding_round.name} of the {programme.name}"
    if then:  # the rounds at a moment the question names
        if state == "open":
            return (f"{then[0].upper()}{then[1:]}, {name} will be open: it closes "
                    f"{_day(funding_round.closes, False)}.")
        if state == "upcoming":
            return (f"{then[0].upper()}{then[1:]}, {name} will not have opened yet: it opens "
                    f"{_day(funding_round.opens, True)} and closes "
                    f"{_day(funding_round.closes, False)}.")
        return (f"{then[0].upper()}{then[1:]}, {name} will have closed: it closes "
                f"{_day(funding_round.closes, False)}.")
    if state == "open":
        return (f"{name} is open now: it opened {_day(funding_round.opens, True)} and closes "
                f"{_day(funding_round.closes, False)}.")
    if state == "upcoming":
        return (f"{name} has not opened yet: it opens {_day(funding_round.opens, True)} and "
                f"closes {_day(funding_round.closes, False)}.")
    return f"{name} closed {_day(funding_round.closes, False)}."


# "how many days remain before it ends?", "how long until the deadline?"
_TIME_LEFT = re.compile(r"\bhow\s+(?:many\s+(?:more\s+)?(?:days|weeks|months)|long|much\s+time)\b"
                        r"[^?]*\b(?:left|until|till|til|before|to\s+go|remain\w*|have\s+we\s+got)\b|"
                        # "time remaining before it shuts?", "days left to apply?"
                        r"\b(?:time|days|hours|weeks)\s+(?:left|remaining|to\s+go)\b",
                        re.IGNORECASE)


def _time_left(until: datetime, now: datetime, from_date_given: bool = False,
               clock_known: bool = True) -> str:
    """Calendar days from `now` to `until`: 20 February to 4 May is 73 days; within the last
    two days, the hours and minutes, when the time of day is known (the clock, or a time the
    question gives): 9:30 to noon is 2 hours 30 minutes."""
    days = max((until.date() - now.date()).days, 0)
    weeks = days // 7
    start = "From that date" if from_date_given else "From today"
    left = until - now
    if clock_known and days <= 1 and left.total_seconds() > 0:
        hours, rest = divmod(int(left.total_seconds()) // 60, 60)
        parts = [f"{hours} hour{'s' if hours != 1 else ''}"] if hours else []
        parts += [f"{rest} minute{'s' if rest != 1 else ''}"] if rest else []
        return f"{'From then' if from_date_given else 'From now'} that is {' '.join(parts)}."
    if weeks >= 2:
        return f"{start} that is {days} days, about {weeks} weeks."
    return f"{start} that is {days} day{'s' if days != 1 else ''}."


def _day(moment: datetime, start: bool) -> str:
    day = f"{moment.day} {moment:%B %Y}"
    edge = time.min if start else time.max
    if moment.time().replace(microsecond=0) in {edge.replace(microsecond=0)}:
        return f"on {day}"
    return f"at {moment:%H:%M} on {day}"


def _bare_day(moment: datetime, start: bool) -> str:
    """ "29 January 2027", or "12:00 on 29 January 2027" when a time is set."""
    return re.sub(r"^(?:on|at)\s+", "", _day(moment, start))


# --- words -----------------------------------------------------------------------------------

def _words(text: str) -> str:
    return " ".join(_WORD.findall(text.lower().replace("&", " and ")))


def _singulars(kind: KindWords) -> set[str]:
    """The words for one of a kind: its `one`, and any listed word that is not its plural."""
    many = _words(kind.many)
    return {_words(kind.one)} | {_words(w) for w in kind.words
                                 if not _words(w).endswith("s") and _words(w) != many}


def _without(name: str, kind_words: set[str]) -> str:
    """A programme's name without the words for its kind: "Quantum Technology Accelerator" ->
    "Quantum Technology"."""
    kept = name
    for word in sorted(kind_words, key=len, reverse=True):
        pattern = r"[ -]".join(re.escape(part) for part in word.split())
        kept = re.sub(rf"(?i)\b{pattern}\b", " ", kept)
    kept = " ".join(kept.split())
    return kept or name


def _same(a: str, b: str) -> bool:
    return _words(a) == _words(b)


def _join(items: Sequence[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def _the(name: str) -> str:
    return name if name.lower().startswith("the ") else f"the {name}"


# when the business says it will apply: "we're applying during October 2028"
_APPLYING_ON = re.compile(
    r"\b(?:apply|applying|applies|application|submit|submitting)\b[^.?!]{0,30}?\b(?:in|on|during|"
    rf"from|by)\s+(?:(?:early|mid|late)[\s-]+)?(?:(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?)?"
    rf"(?P<month>{MONTH})\s+(?P<year>20\d\d)\b", re.I)

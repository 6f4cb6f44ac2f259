"""What a message asks, read from its wording: the kind of question and the kind of answer that
would answer it. Routing uses it to tell an eligibility check from a question about the
programme; the composer uses it to lead with the figure, the date or the list asked for, and
the refusal decision to see whether the selected sentences hold that kind of answer at all.

Generic English only: nothing here names a programme.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from assistant.figures import has_figure
from knowledge.words import stems

QuestionKind = Literal[
    "yes_no",      # "Is Leeds in the area?", "Can the grant pay for vans?"
    "amount",      # "How much ...", "What rate ...", "How many days ..."
    "when",        # "What date is the deadline?", "How soon will we hear back?"
    "list",        # "Which centres are there?", "What kinds of project ..."
    "definition",  # "What is X?", "What does X mean?", "Tell me about X"
    "how",         # "How do I apply?": steps or a process
    "who",         # "Who leads the hub?"
    "where",       # "Where is the office?"
    "why",
    "other",       # a question of another shape ("Which papers do we need to gather?")
    "statement",   # no question: a description, an answer to our question, a fragment
]
# The kind of text that answers a question of each kind, as `answer_present` tests it.
AnswerType = Literal["figure", "date", "name", "place", "list", "any"]

_ANSWER_TYPES: dict[str, AnswerType] = {
    "amount": "figure", "when": "date", "who": "name", "where": "place", "list": "list",
}

_AUX = (r"is|are|am|was|were|can|could|does|do|did|will|would|should|shall|has|have|had|may|"
        r"might|must|need")
# (not "don't know our council, sorry": with no subject, the owner says what they lack)
_YES_NO = re.compile(rf"^(?:{_AUX})(?:n't(?!\s+(?:have|know|remember|need|want|think|mind|"
                     r"really|actually|recall)\b))?\b", re.IGNORECASE)
_AMOUNT = re.compile(
    r"\bhow\s+(?:much|many|big|large|small|high|low)\b|"
    # (not "what happens when the headroom is too small?", which asks what is done)
    r"\bwhat(?:'s|’s|\s+is|\s+are|\s+was|\s+would\s+be)?\s+(?!happens?\b|will\s+happen\b)"
    r"(?:the\s+)?(?:[\w-]+\s+){0,4}?"
    r"(?:rate|rates|percentage|percent|share|amount|amounts|value|cost|costs|price|fee|fees|"
    r"limit|limits|maximum|minimum|max|min|cap|ceiling|ceilings|threshold|total|figure|"
    r"budget|number|headroom|size|turnover|worth|headcount|awu|rent|charge|charges|salary|"
    r"discount|discounts|reduction)\b|"
    r"\bwhat\s+(?:grant|award|voucher|sum)\b|\bhow\s+(?:much|many)\b|"
    # "what might our voucher come to?"
    r"\bwhat\s+(?:would|will|could|might)\s+(?:the\s+|our\s+|my\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:grant|award|voucher)\s+(?:be|come\s+to)\b|"
    # "what research grant is that?", "what size of voucher would we get?"
    r"\bwhat\s+(?:[\w-]+\s+){1,4}?(?:grant|award|voucher|sum)\s+(?:is|would|will|could|might|"
    r"does|do|are|can|should|might)\b|"
    r"\bwhat(?:'s|’s|\s+is|\s+would\s+be)\s+the\s+(?:most|least|biggest|largest|smallest|"
    r"highest|lowest|longest|shortest|top|max)\b|"
    # "what does the voucher pay?" (not "pay for", which asks what it covers)
    r"\bwhat\s+(?:would|will|does|do|did)\s+(?:the\s+|a\s+|our\s+|it\s+)?(?:[\w-]+\s+){0,3}?"
    r"pay\b(?!\s+for\b)|"
    r"\bwhat\s+(?:would|will|does|do|did)\s+(?:[\w'’-]+\s+){0,8}?(?:come\s+to|amount\s+to|be\s+worth|"
    r"add\s+(?:up\s+)?to|cost|count\s+(?:as|for))\b|"
    # "what would the scheme give us?", "what could we get?": an amount, not "get help with"
    r"\bwhat\s+(?:would|will|could|might|can|does|do)\s+(?:\w+\s+){0,4}?(?:give|offer|award)\s+"
    r"(?:us|me|them|a\s+\w+)\b|"
    r"\bwhat\s+(?:would|will|could|might|can)\s+(?:we|i|they)\s+(?:get|receive|be\s+given)\b"
    r"(?!\s+(?:help|support|advice|access|in\s+touch))",
    re.IGNORECASE,
)
# "... a £60k project. what's the grant?": the award for the figures just given
_AWARD_AT_END = re.compile(
    r"\bwhat(?:'s|’s|\s+is|\s+would\s+be|\s+will\s+be)\s+(?:the\s+|our\s+|my\s+)?"
    r"(?:[\w-]+\s+){0,3}?(?:grant|award|voucher)(?:\s*[?.!]*\s*$|\s+(?:on|for)\s+(?:an?\s+)?"
    r"[£€$\d])", re.IGNORECASE)
# "... consultants £30k. Grant?", "grant = ?": how much, when the message gives what it costs
# (after a description of the business alone, "Booster grant?" asks whether it can apply)
# "what might the grant pay?", "what will the award come to?": of costs the message gives
_AWARD_COVERS = re.compile(
    r"\bwhat\s+(?:would|will|does|could|might|can)\s+(?:the\s+|a\s+|our\s+)?(?:[\w-]+\s+){0,3}?"
    # (or the offer by its name: "what would the <programme> give?")
    r"(?:grant|award|voucher|[\w-]+)\s+(?:cover|pay|give(?:\s+us)?|be\s+worth|come\s+to|"
    r"contribute)\s*[?.!]*\s*$",
    re.IGNORECASE)
_BARE_AWARD = re.compile(r"^\W*(?:the\s+)?(?:[\w-]+\s+)?(?:grant|award|voucher)\s*(?:=\s*)?\?+\s*$",
                         re.IGNORECASE)
_COSTS_GIVEN = re.compile(r"\b(?:costs?|costing|project|spend\w*|kit|machine\w*|equipment|robots?|"
                          r"software|consultan\w+|pric\w+|quote[ds]?|buying|buy)\b", re.IGNORECASE)
_MONEY_GIVEN = re.compile(r"[£€$]\s?\d|\d\s?(?:k|m|grand)\b|\d\s?(?:thousand|million)\b",
                          re.IGNORECASE)
# A figure asked for without a question word: "what does a day's booking cost us?", "desk
# rent?", "largest grant one project can get?", "jobs needed for the grant?"
_FIGURE_ASKED = re.compile(
    r"\b(?:cost|costs|rent|price|fee|fees|charge)(?:\s+(?:us|me|them))?\s*\?*\s*$|"
    r"\b(?:largest|biggest|highest|maximum|max|most|smallest|lowest|minimum|min|least)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:grant|award|voucher|sum|amount)\b|"
    r"\b(?:jobs|posts|hires)\s+(?:needed|required|to\s+create)\b|"
    r"\b(?:grant|award|voucher)\s+(?:on|for)\s+(?:that|this|it|those|these)\s*\?*\s*$|"
    # "what's left?", "what remains of the limit?": what is left of an amount
    r"^\W*what(?:'s|’s|\s+is|\s+would\s+be|\s+will\s+be)?\s+(?:left|remaining|remains|"
    r"still\s+available)\b|"
    # "Room left?", "Headroom?", "Grant?": a figure asked in a word or two
    r"^\W*(?:(?:any\s+|the\s+|our\s+)?(?:head)?room(?:\s+left)?|headroom|(?:the\s+)?grant|"
    r"(?:the\s+)?award|how\s+much)\s*\?+\s*$",
    re.IGNORECASE)
# a count of things other than money or what a programme gives: "how many quotes for a £7k
# lathe?" asks no award (not "how many days of help could we get?")
COUNT_OF_THINGS = re.compile(r"\bhow\s+many\s+(?!(?:[\w-]+\s+)?(?:grants?|awards?|vouchers?|pounds|"
                             r"jobs?|more|days?|hours?|sessions?|places?|visits?)\b)",
                             re.IGNORECASE)
_WHEN = re.compile(
    r"^(?:when|by\s+when|until\s+when)\b|\bhow\s+(?:long|soon|quickly|often)\b|"
    r"\bwhat\s+(?:date|day|time|year|month|deadline)\b|\b(?:deadline|closing\s+date)\b|"
    r"\bopening\s+(?:hours|times)\b|"
    # "the latest date it can be done by", "the last point by which it must be finished"
    r"\b(?:latest|last|final|earliest|first)\s+(?:possible\s+)?(?:date|day|point|moment)\b|"
    r"\bby\s+what\s+(?:date|point|time)\b|"
    r"\bwhich\s+(?:date|day|round|year|month)\b",
    re.IGNORECASE,
)
# a length of time asked for, whatever the question opens with: "the maximum project length"
LENGTH_OF_TIME = re.compile(
    r"\b(?:duration|timescale|time\s*frame|timeframe)s?\b|"
    r"\b(?:project|programme|voucher|grant|support|placement|study|trial|contract)\s+"
    r"(?:length|lifetime|lifespan)\b|"
    r"\blength\s+of\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,2}?(?:project|programme|voucher|grant|"
    r"support|"
    r"placement|study|trial|contract|time)\b", re.IGNORECASE)
_LIST = re.compile(
    r"^(?:which|what)\s+(?:\w+\s+){0,2}?(?:are|does|do|can|could|will|would)\b|"
    r"^what\s+are\s+(?:the|all|your)\b|"
    r"\bwhat\s+(?:kinds?|types?|sorts?|forms?)\s+of\b|\b(?:list|name)\s+(?:the|all|every)\b|"
    r"\bwhat\s+(?:\w+\s+)?(?:costs|items|things|activities|documents|outputs|sectors|"
    r"programmes|services|options|steps|criteria|conditions|rules|partners|hubs)\b|"
    r"^which\b",
    re.IGNORECASE,
)
_DEFINITION = re.compile(
    r"^(?:what(?:'s|\s+is)\s+(?:a|an|the)?\s*[\w' -]{1,60}\??$)|"
    r"\bwhat\s+does\s+[\w' -]{1,60}\s+mean\b|\bwhat\s+is\s+meant\s+by\b|"
    r"^(?:tell\s+me|explain)\s+(?:about|what)\b|\bwhat(?:'s|\s+is)\s+the\s+difference\b",
    re.IGNORECASE,
)
_HOW = re.compile(r"^how\b", re.IGNORECASE)
_TAIL_YES_NO = re.compile(rf"(?:[,;:]|\s[-–—])\s*(?:{_AUX})(?:n't)?\s+[^,;:?]*\?\s*$",
                          re.IGNORECASE)
# a question word with its apostrophe left out: "whats", "wheres", "hows"
_APOSTROPHE_DROPPED = re.compile(r"\b(what|who|where|how|when)s\b", re.IGNORECASE)
# texting shorthand for the words that make a question: "hw much grnt", "wat r the rules"
# "were" for "we're" where no question can start: "were a bakery in Leek, how much ...?"
_WE_ARE_DROPPED = re.compile(
    r"(?:^|(?<=[.!?]\s))were(?=\s+(?:a|an|based|located|looking|trying|hoping|planning|"
    r"thinking|currently|only|just|still|about|now)\b)", re.IGNORECASE)
_SHORTHAND = {"hw": "how", "wat": "what", "wot": "what", "grnt": "grant", "u": "you",
              "ur": "your", "r": "are", "pls": "please", "plz": "please", "uni": "university",
              "unis": "universities"}
_SHORTHAND_RE = re.compile(r"\b(?:" + "|".join(_SHORTHAND) + r")\b", re.IGNORECASE)
# a question that does not end with "?", a few words into the last clause: "we want a CNC
# router, roughly how much could we get"
_EMBEDDED = re.compile(
    r"^(?:[\w'-]+[\s,]+){0,3}?how\s+(?:much|many|long|soon)\b|"
    # "unit near Lichfield - who should we ask": the question after the dash
    r"^(?:who|what|where|when|which|how)\s+(?:do|does|did|can|could|should|would|is|are|will)\b|"
    # "In or out?"
    r"^(?:are\s+we\s+|is\s+it\s+)?in\s+or\s+out\b", re.IGNORECASE)
_QUESTION_WORD = re.compile(
    r"^(?:who|whom|whose|where|why|what|which|how|"
    # "when is the webinar": asks (not "when we moved site, ...", a condition)
    r"when(?=\s+(?:is|are|was|were|does|do|did|will|would|can|could|should|shall|must|might|"
    r"may)\b))\b", re.IGNORECASE)
_LEAD_IN = re.compile(
    r"^\W*(?:(?:hi|hello|hey|thanks|thank\s+you|ok|okay|so|and|but|also|please|great|"
    r"sorry|right|quick\s+question|one\s+more\s+thing|roughly|approximately|basically|"
    r"honestly|in\s+short|ballpark|"
    # "as a micro firm, how ...": who is asking, before the question
    r"(?:as|being)\s+an?\s+(?:[\w-]+\s+){0,3}?(?:business|company|firm|sme|manufacturer|"
    r"start-?up|owner|employer|supplier|maker|charity|enterprise|spin-?out)(?=\s*,?\s*"
    r"(?:what|how|which|when|who|where|why|can|could|do|does|is|are|will|would|should)\b))"
    r"[\s,!.:-]*)+",
    re.IGNORECASE,
)
_FRAGMENT = re.compile(r"^(?:what|how)\s+about\b|^(?:and|or)\b", re.IGNORECASE)
_SENTENCE = re.compile(r"(?:[^.?!]|\.(?=\d))+[.?!]*")  # "£112.5k" is one sentence
_REQUEST = re.compile(
    # (after a clause saying why it is asked: "For our records, could you tell me ...")
    r"^(?:[^,?]{1,60},\s*)?(?:(?:can|could|would)\s+you\s+(?:please\s+)?(?:tell|explain|list|"
    r"give|show|let)(?:\s+(?:me|us))?\b\s*|"
    # a question asked inside another: "do you know who runs it?" asks who
    r"(?:(?:do|does)\s+(?:you|anyone|anybody)\s+know|any\s+idea|i\s+(?:was|am|'m)\s+wondering|"
    r"(?:i|we)(?:'d|\s+would)\s+like\s+to\s+know|(?:i|we)\s+want\s+to\s+know)\s+"
    r"(?=(?:what|which|who|when|where|why|how)\b))", re.IGNORECASE)


@dataclass(frozen=True)
class Question:
    text: str  # the question sentence (the last one that asks, in a longer message)
    kind: QuestionKind
    words: frozenset[str]  # the content words of the whole message, stemmed
    # the whole sentence that asks, with any condition before the question: "if we get a
    # voucher, how long do we have?"
    sentence: str = ""

    @property
    def answer_type(self) -> AnswerType:
        return _ANSWER_TYPES.get(self.kind, "any")

    @property
    def asks(self) -> bool:
        return self.kind != "statement"


_IE_EG = re.compile(r"\b(?:i\.\s?e|e\.\s?g)\.", re.IGNORECASE)


def read_question(message: str) -> Question:
    """The question in a message and its kind; "statement" when nothing is asked."""
    message = _IE_EG.sub(lambda m: "that is" if m[0][0].lower() == "i" else "for example",
                         message)  # "..., i.e. past what point ...?" is one sentence
    message = _APOSTROPHE_DROPPED.sub(r"\1's", message)  # "whats the limit" asks
    message = _WE_ARE_DROPPED.sub("we're", message)  # "were a small firm, what ...": we are
    message = _SHORTHAND_RE.sub(lambda m: _SHORTHAND[m[0].lower()], message)
    sentence, clause = _asking_sentence(message)
    text = _LEAD_IN.sub("", clause).strip()
    # a follow-up's own sentence ("Who leads it?") leaves its subject to what came before
    kind = _kind(text, clause)
    shown = clause
    if clause != sentence and BACK_REFERENCE.search(clause):
        # "we would like to appeal by letter, who should it go to": the clause asks, and its
        # subject is in the words before it
        shown = sentence
        text = _LEAD_IN.sub("", sentence).strip()
    tail = re.split(r"[,;:]|\s[-–—]\s", text)[-1].strip()
    if (kind != "statement" or sentence.rstrip().endswith("?")) and (
            ((_AWARD_AT_END.search(text) or _AWARD_AT_END.search(tail)) and
             _MONEY_GIVEN.search(message)) or
            ((_BARE_AWARD.search(text) or _BARE_AWARD.search(tail)) and
             _MONEY_GIVEN.search(message) and _COSTS_GIVEN.search(message))):
        kind = "amount"
    elif kind in {"list", "other"} and _AWARD_COVERS.search(text) and \
            _MONEY_GIVEN.search(message) and _COSTS_GIVEN.search(message):
        kind = "amount"  # "the prototype will cost £9,000. What might the voucher pay?"
    elif kind in {"other", "list", "definition", "statement"} and \
            sentence.rstrip().endswith("?") and _FIGURE_ASKED.search(text):
        kind = "amount"  # "Largest grant one project can get?", "the incubator's desk rent?"
    # the owner's guess at the answer after the question ("Who runs it? Is it the council?")
    # is not what the question is about
    guessed = _guess_after(message, sentence)
    plain = plain_verbs(message)
    return Question(text=shown.strip(), kind=kind,
                    words=frozenset(stems(plain)) - frozenset(stems(guessed)),
                    sentence=sentence.strip())


def _guess_after(message: str, asking: str) -> str:
    """The sentences after the one that asks that guess at its answer, joined; "" if none."""
    if not asking or not _WH_OPENING.match(_LEAD_IN.sub("", asking)):
        return ""
    sentences = [s.strip() for s in _SENTENCE.findall(" ".join(message.split())) if s.strip()]
    if asking.strip() not in sentences:
        return ""
    after = sentences[sentences.index(asking.strip()) + 1:]
    guesses = [s for s in after if _GUESS_AT_ANSWER.match(s)]
    asked = set(stems(asking))
    # a word of the question itself stays, though the guess repeats it
    return " ".join(w for g in guesses for w in g.split() if not set(stems(w)) & asked)


def _asking_sentence(message: str) -> tuple[str, str]:
    """The sentence that asks, and the part of it that asks (the same, unless a clause at its
    end asks without a question mark)."""
    sentences = [s.strip() for s in _SENTENCE.findall(" ".join(message.split())) if s.strip()]
    if not sentences:
        return "", ""
    asking = [s for s in sentences if s.endswith("?") or _QUESTION_WORD.match(
        _LEAD_IN.sub("", s)) or _YES_NO.match(_LEAD_IN.sub("", s))]
    if any(s.endswith("?") for s in asking):
        # "need results within a month" after a question: a statement with its subject left
        # out, not a question
        asking = [s for s in asking if s.endswith("?") or not _STATEMENT_AUX.match(
            _LEAD_IN.sub("", s))]
    if not asking:
        # a question in the last clause, with no question mark: "the kit is 120k, how much is
        # paid", "we sit by the Dudley border so are we covered"
        last = _CLAUSE_BREAK.split(sentences[-1])[-1].strip()
        if (inner := _ASKED_AFTER_CONDITION.search(last)) is not None:
            last = last[inner.start("ask"):]  # "if it runs to 12 grand how much is paid"
        bare = _LEAD_IN.sub("", last)
        if last != sentences[-1] and len(last.split()) >= 3 and (
                _QUESTION_WORD.match(bare) or _YES_NO.match(bare)) and \
                not _WH_CLAUSE_AS_NOUN.match(bare):
            return sentences[-1], last
    if len(asking) > 1 and _ARGUED.search(asking[-1]) and not _ARGUED.search(asking[-2]):
        # "Could we put a van in the bid? It would speed up deliveries, so surely it counts?":
        # the owner's case for the answer follows the question, which is the one to answer
        return asking[-2], asking[-2]
    if len(asking) > 1 and _RESTATED.match(_LEAD_IN.sub("", asking[-1])) and \
            _WH_OPENING.match(_LEAD_IN.sub("", asking[-2])):
        # "How long can a hub project run? Is there a limit like the grant's 12 months?": the
        # second asks the first again by a comparison
        return asking[-2], asking[-2]
    if len(asking) > 1 and _PUT_TO_ANSWER.match(asking[-1]) and \
            _WH_OPENING.match(_LEAD_IN.sub("", asking[-2])):
        # "What's the longest a project may run? Would 18 months be ok?": the figure is
        # checked against the answer to the question before, which is the one to answer
        return asking[-2], asking[-2]
    if len(asking) > 1 and _GUESS_AT_ANSWER.match(asking[-1]):
        # "Who hosts the lab? Is it the council?": the owner's guess at the answer
        # follows the question, which is the one to answer
        wh = [s for s in asking[:-1] if _WH_OPENING.match(_LEAD_IN.sub("", s))]
        if wh:
            return wh[-1], wh[-1]
    if len(asking) > 1 and _EXAMPLE_OFFERED.match(asking[-1]):
        # "Is there a ceiling on the number of visits? Say two a month?": an example of the answer
        # after the question, which is the one to answer
        return asking[-2], asking[-2]
    found = asking[-1] if asking else sentences[-1]
    return found, found


# an example of what the answer might be, after the question: "Like one a year?", "Say £5k?"
_EXAMPLE_OFFERED = re.compile(r"^\W*(?:like|say|e\.?\s?g\.?|for\s+example|for\s+instance|"
                              r"something\s+like|maybe|perhaps)\b[^?]{0,40}\?\s*$", re.IGNORECASE)


# Phrasal verbs said for one plain verb, which is the word guidance uses: "how long are my details
# held onto?" asks how long they are kept
_PHRASAL_MEANING = {"hang": "keep", "hold": "keep", "get": "delete"}
_PHRASAL = re.compile(r"\b(?:(hang|hold)(?:s|ing)?\s+(?:on\s*to|onto)|"
                      r"(get)(?:s|ting)?\s+rid\s+of)\b", re.IGNORECASE)
def plain_verbs(text: str) -> str:
    """The text with a phrasal verb said for one plain verb written as that verb, the word
    guidance uses ("hang on to our data" is "keep our data")."""
    return _PHRASAL.sub(lambda m: _PHRASAL_MEANING[(m[1] or m[2]).lower()], text)


# A verb that opens a statement with its subject left out as often as a question: "need
# results by May", "have 3 sites"
_STATEMENT_AUX = re.compile(
    r"(?:need|have|had|must|might|may)\b|"
    # an auxiliary straight before a verb or an adverb has lost its subject, not asked one:
    # "would like to see the figures", "could do with a hand", "will send the rest later"
    r"(?:would|could|can|will|should|do|did)(?:n't)?\s+(?:like|love|prefer|appreciate|welcome|"
    r"be|need|want|hope|also|really|definitely|probably|rather|just|still|only|never|always|"
    r"try|join|come|get|go|use|do|send|call|keep|let|attend|book|bring|share|check)\b",
    re.IGNORECASE)
# notice to give or a wait before something: "how much notice does the lab need?", "lead time"
LEAD_TIME_ASKED = re.compile(
    r"\bhow\s+far\s+(?:ahead|in\s+advance)\b|\bhow\s+much\s+notice\b|\blead[\s-]+times?\b|"
    r"\bnotice\s+period\b|\bhow\s+(?:soon|early)\s+(?:do|does|should|must|would|will)\s+"
    r"(?:we|i|you|they)\s+(?:need\s+to\s+|have\s+to\s+)?book\b|\bwaiting\s+(?:list|time)\b",
    re.IGNORECASE)
# A pronoun that takes its meaning from the words before: "who should it go to"
BACK_REFERENCE = re.compile(r"\b(?:it|that|this|them|they|those|these|one)\b", re.IGNORECASE)
# A question after the condition it depends on, with no comma between
_ASKED_AFTER_CONDITION = re.compile(
    r"^\W*(?:if|when|once|assuming|say)\b[^?]{3,80}?\s(?P<ask>(?:how\s+(?:much|many|long)|"
    r"what(?:'s|\s+is|\s+would|\s+will|\s+do|\s+does)|(?:can|could|would|will|do|does|is|are)\s+"
    r"(?:we|i|it|they|that|the\s+\w+)|"
    # "if the scheme is not for us where could we go"
    r"(?:who|where|which\s+\w+)\s+(?:should|could|can|do|would|will)\s+(?:we|i))\b.*)$",
    re.IGNORECASE)
# "what we make is furniture": a clause that names something, not a question
_WH_CLAUSE_AS_NOUN = re.compile(r"^\W*(?:what|how|which|who|where|when|why)\s+(?:we|i|they|you|he|"
                                r"she|it|our|my)\b", re.IGNORECASE)
# Where a clause starts that may be a question of its own.
_CLAUSE_BREAK = re.compile(r"[,;:]\s+(?:(?:and|but|so)\s+)?|\s[-–—]\s+(?:(?:and|but|so)\s+)?|"
                           r"\s(?:but|so)\s+", re.IGNORECASE)
# A yes/no question about what the one before it asked: "is it the council or someone else?"
_GUESS_AT_ANSWER = re.compile(
    r"^\W*(?:or\s+)?(?:is|are|was|were|does|do|did|would|will)\s+(?:it|they|that|this|he|she)\b|"
    # "is the next one in Leeds or York?": the thing asked about, by "one"
    r"^\W*(?:or\s+)?(?:is|are|was|will|would)\s+(?:the\s+)?(?:next|first|last|latest|new)\s+"
    r"ones?\b|"
    # "Anyone from industry on it?", "anybody from outside?": what the answer might hold
    r"^\W*(?:any|anyone|anybody|anything|someone|somebody)\b(?=[^?]{0,40}\?\s*$)|"
    # a word or three offered as the answer: "Half?", "The council?", "About 20%?"
    r"^\W*(?:or\s+)?(?!(?:why|how|what|who|when|where|which|really|sure|ok|okay)\b)"
    r"(?:[\w'%.£-]+\s*){1,3}\?\s*$",
    re.IGNORECASE)
# the owner arguing for an answer: "so surely that counts?", "that's fine, right?"
_ARGUED = re.compile(r"\bsurely\b|,\s*(?:right|yeah|no)\s*\?\s*$", re.IGNORECASE)
_RESTATED = re.compile(r"^\W*(?:is|are|does|do|will|would)\s+(?:there|it|they|that)\b[^?]*?"
                       r"\b(?:like|same\s+as|as\s+with|similar\s+to|as\s+for|as\s+per)\b",
                       re.IGNORECASE)
_WH_OPENING = re.compile(r"^\W*(?:who|whom|whose|what|which|when|where|how)\b", re.IGNORECASE)
# the owner's own figure or plan put to the answer of the question before: "would 18 months be
# ok?", "is £5k too little?"
_PUT_TO_ANSWER = re.compile(
    r"^\W*(?:so\s+|and\s+)?(?:would|will|is|are|could|does|do)\s+(?:[\w£€$%.,'-]+\s+){1,4}?"
    r"(?:be\s+)?(?:ok|okay|fine|alright|all\s+right|allowed|acceptable|enough|too\s+(?:long|short|"
    r"much|little|many|few|late|early|big|small)|over\s+the\s+limit|within\s+(?:that|it|"
    r"the\s+(?:limit|rules?)))\s*\?*\s*$|"
    # a short yes or no on a figure of the owner's: "can we go to 20 months?"
    r"^\W*(?:would|will|is|are|could|can|does|do)\s+(?:[\w'-]+\s+){1,5}?(?:[£€$]\s?)?\d[\d,.]*"
    r"\s*(?:k|m|%|[a-z]+)?\s*\?*\s*$", re.IGNORECASE)


# "Which partners lead the hub?", "What organisations run it?": asks who, by its noun
_BODIES = (r"(?:partners?|organi[sz]ations?|universit(?:y|ies)|bodies|body|institutions?|people|"
           r"person|companies|company|firms?|teams?|groups?|departments?|institutes?|"
           r"agenc(?:y|ies)|funders?|ministr(?:y|ies))")
_WHICH_BODIES = re.compile(
    rf"^(?:which|what)\s+(?:\w+\s+)?{_BODIES}\s+"
    # "which department or agency funds it?"
    rf"(?:or\s+(?:\w+\s+)?{_BODIES}\s+)?"
    # "which team at Birmingham does the analysis?"
    r"(?:(?:at|in|of|from|within)\s+(?:[\w-]+\s+){1,3}?)?(?:does|do|lead|leads|run|runs|deliver|"
    r"delivers|manage|manages|operate|operates|host|hosts|fund|funds|support|supports|are|is|"
    r"sit|sits|oversee|oversees|own|owns|set|sets|behind|pay\s+for|pays\s+for|finance|finances|"
    # "which agency is funding it?"
    r"(?:is|are)\s+(?:funding|running|leading|backing|paying\s+for|delivering)|"
    # "which independent body could we appeal to?": someone to go to
    r"(?:can|could|should|would|will|do|must)\s+(?:i|we|you)\s+(?:complain|go|turn|appeal|"
    r"write|talk|speak|apply|contact))\b", re.IGNORECASE)


_IN_OR_OUT = re.compile(r"^\W*(?:are\s+we\s+|is\s+(?:it|that|the\s+site)\s+)?(?:in\s+or\s+out|"
                        r"inside\s+or\s+outside|in\s+the\s+area\s+or\s+not)\b", re.IGNORECASE)


# A condition before the question, with a comma: "When you say X, how big is ...?", "If we
# lease it, can the grant pay?"
_CONDITION_FIRST = re.compile(
    r"^\W*(?:if|when|once|as|since|given\s+that|assuming|now\s+that)\s+(?:you|we|i|they|it|"
    r"the|our|my|your|this|that)\b[^,?]{2,100},\s*(?=(?:how|what|which|who|where|when|why|can|"
    r"could|do|does|is|are|will|would|should|must)\b)", re.IGNORECASE)


# a clause set inside a yes/no question: "... when you work out ...", "... if we ..."
_SUBORDINATE = re.compile(r"\b(?:when(?:ever)?|if|once|while|whilst|after|before|because|as)\s+"
                          r"(?:you|we|they|i|it|the|our|your|a|an)\b", re.IGNORECASE)


def _kind(text: str, sentence: str) -> QuestionKind:
    if (condition := _CONDITION_FIRST.match(text)) is not None:
        return _kind(text[condition.end():], sentence)
    request = _REQUEST.match(text)
    if request and "list" in request.group(0).lower():
        return "list"
    text = _REQUEST.sub("", text).strip() or text
    tail = re.split(r"[,;:]|\s[-–—]\s", text)[-1].strip()
    if tail != text and not _QUESTION_WORD.match(text) and not _YES_NO.match(text) and \
            _EMBEDDED.search(tail):
        # "firm in Ludlow - who do we speak to": its own kind ("..., and how much is it": the
        # joining word is no part of it)
        tail = re.sub(r"^(?:and|or|but|also)\s+", "", tail, flags=re.IGNORECASE)
        return _kind(tail, tail + "?")
    asked = bool(request) or sentence.rstrip().endswith("?") or \
        bool(_QUESTION_WORD.match(text)) or bool(_YES_NO.match(text)) or \
        bool(_EMBEDDED.search(tail))
    if not asked or _FRAGMENT.match(text):
        return "statement"
    if _YES_NO.match(text) and (clause := _SUBORDINATE.search(text)) is not None and \
            not _AMOUNT.search(text, 0, clause.start()) and \
            not LENGTH_OF_TIME.search(text, 0, clause.start()) and \
            not _WHEN.search(text, 0, clause.start()):
        # "are trainees included once you total how many we employ?": the figure is the
        # clause's; the question asks yes or no
        return "yes_no"
    if LENGTH_OF_TIME.search(text) or (_WHEN.search(text) and not _AMOUNT.match(text)):
        return "when"
    if _AMOUNT.search(text):
        return "amount"
    lowered = text.lower()
    if lowered.startswith("who") or _WHICH_BODIES.match(text):
        return "who"
    if lowered.startswith("where"):
        return "where"
    if lowered.startswith("why"):
        return "why"
    if _DEFINITION.search(text):
        return "definition"
    if _LIST.search(text):
        return "list"
    if _HOW.match(text):
        return "how"
    if _YES_NO.match(text):
        return "yes_no"
    if _QUESTION_WORD.match(text):
        return "other"
    if _TAIL_YES_NO.search(text) or _IN_OR_OUT.match(text):
        return "yes_no"  # "We had £200k of grants - does that stop us?", "In or out?"
    return "statement" if len(text.split()) <= 6 else "other"


# --- answer types ----------------------------------------------------------------------------

_DATE = re.compile(
    r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|"
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\s+\d{4}\b|\b(?:19|20)\d{2}\b|"
    r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
    r"(?:working\s+)?(?:days?|weeks?|months?|years?)\b|\b(?:noon|midnight|\d{1,2}:\d{2})\b|"
    # "7 hours", "3.5 hours", "90 minutes": how long a session is
    r"\b\d+(?:\.\d+)?\s+(?:hours?|hrs?|minutes?|mins?)\b|"
    r"\b(?:within|after|before|by|until|each|every)\s+(?:\w+\s+){0,2}(?:days?|weeks?|months?|"
    r"years?|quarters?)\b|\b(?:monthly|quarterly|annually|weekly)\b", re.IGNORECASE)
_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+(?:\s+(?:of|and|&|for)?\s*[A-Z][\w-]+)+")
_PLACE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\b|\b(?:in|at|on|near)\s+[A-Z][a-z]+", re.UNICODE)
_LIST_TEXT = re.compile(r"(?m)^\s*(?:[-*•]|\d{1,2}[.)])\s+|:\s*$|;\s+\w+.*;\s+|,\s+\w+[^,]*,"
                        r"\s+(?:and|or)\s+")


# (not a clause's prefix, "TF-3.15", "KB 2.1", nor a unit or a currency, "GBP", "VAT")
_ACRONYM = re.compile(r"\b(?!(?:GBP|EUR|USD|VAT|UK|EU|SME|SMES|FTE|AWU|PDF|CNC|AM|PM|OK|NB|PS)\b)"
                      r"[A-Z]{2,5}\b(?![-–.]?\s?\d)")


def names_beyond(question: str, text: str) -> list[str]:
    """The names of people, teams and organisations in a text that the question does not
    itself name: for "Who runs the Valley Scheme?", a sentence naming only the scheme (or a
    place) does not answer, one naming its partners does. A name counts when it carries a
    word for an organisation or a role, or is an acronym that is not the initials of words
    the question uses."""
    # "Sub-Centre" is the question's "sub centre": hyphens join nothing here
    asked = {w.lower() for w in re.findall(r"[\w&]+", question)}
    content = [w for w in re.findall(r"[A-Za-z]+", question) if w.lower() not in _NAME_JOINERS
               and w.lower() not in {"to", "a", "an", "in", "on", "at"}]
    initials = {"".join(w[0] for w in content[i:j]).upper()
                for i in range(len(content)) for j in range(i + 2, min(i + 6, len(content)) + 1)}
    found = [m.group(0) for m in _NAME.finditer(text) if _ORG_OR_ROLE.search(m.group(0))]
    found += [a for a in _ACRONYM.findall(text) if a not in initials]
    return [name for name in found
            if not {w.lower() for w in re.findall(r"[\w&]+", name)
                    if w.lower() not in _NAME_JOINERS} <= asked]


# A body or a person named by the role that does something: "an appraisal panel", "your adviser"
_ROLE_DOER = re.compile(
    r"\b(?:by|to|from|with)\s+(?:an?|the|your|our|its|their)\s+(?:[\w-]+\s+){0,2}?(?P<role>panel|"
    r"committee|board|adviser|advisor|assessors?|officers?|ombudsman|commissioner|regulator|"
    r"reviewer|inspector|auditor|manager|director)\b", re.IGNORECASE)


def roles_beyond(question: str, text: str) -> list[str]:
    """The bodies or people a text names by their role ("considered by an appraisal panel")
    that the question does not itself name."""
    asked = set(stems(question))
    return [m["role"] for m in _ROLE_DOER.finditer(text) if not set(stems(m["role"])) & asked]


# Words that make a name an organisation's or a role's, not a place's or a thing's.
_ORG_OR_ROLE = re.compile(
    r"\b(?:University|College|Centre|Center|Institute|Council|Authority|Trust|Board|Team|"
    r"Group|Ltd|Limited|plc|Partnership|Office|Officer|Director|Manager|Commissioner|"
    r"Ombudsman|Agency|Department|Ministry|Hub|Unit|Service|Services|Society|Association|"
    r"Foundation|Company|Catapult|Laboratory|Lab)\b")


_NAME_JOINERS = frozenset({"of", "and", "&", "for", "the"})


def answer_present(answer_type: AnswerType, text: str) -> bool:
    """Whether a text holds the kind of answer asked for: a figure, a date, a name ..."""
    if answer_type == "figure":
        return has_figure(text)
    if answer_type == "date":
        return bool(_DATE.search(text))
    if answer_type == "name":
        return bool(_NAME.search(text))
    if answer_type == "place":
        return bool(_PLACE.search(text))
    if answer_type == "list":
        return bool(_LIST_TEXT.search(text))
    return True


# A scheme the question names by a proper name: "the most from Northern Catalyst", "a
# Skyline Growth grant"; a business's own name ("Acme Ltd") is not one
_PROPER = re.compile(r"(?<![.!?]\s)(?<!^)\b((?-i:[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*){0,3}))")
_SCHEME_NOUN = (r"(?:grants?|funds?|funding|schemes?|programmes?|programs?|loans?|vouchers?|"
                r"competitions?|awards?|accelerators?|money|max|maximum|most)")
# "a Skyline grant", "the Made Smarter adoption grant"
_SCHEME_AFTER = re.compile(r"(?:\s+(?-i:[a-z])[\w-]*){0,2}?\s+" + _SCHEME_NOUN + r"\b",
                           re.IGNORECASE)
# "the Northern Growth Fund": the name says it is one
_SCHEME_NAME = re.compile(r"\s(?:Grant|Fund|Scheme|Programme|Program|Loan|Accelerator)s?$")
# "the most from Northern Catalyst", "funding through Eastgate": money from the one named
_SCHEME_BEFORE = re.compile(r"\b" + _SCHEME_NOUN + r"\s+(?:(?!(?:for|on|towards|to|of)\b)"
                            r"[\w-]+\s+){0,3}?(?:from|through|via|by)"
                            r"\s+(?:the\s+)?$", re.IGNORECASE)
_COMPANY = re.compile(r"\b(?:ltd|limited|plc|llp|inc|gmbh)\b", re.IGNORECASE)


def schemes_named(question: str) -> list[str]:
    """The schemes or funders a question names by a proper name, as written: "a Skyline
    grant", "the most from Northern Catalyst"; not a company ("Acme Ltd") nor "I"."""
    found = []
    for match in _PROPER.finditer(question):
        name = match[1]
        if _COMPANY.search(name) or name in {"I", "I'm", "I've"}:
            continue
        if _SCHEME_AFTER.match(question, match.end()) or _SCHEME_NAME.search(name) or \
                _SCHEME_BEFORE.search(question, 0, match.start()):
            found.append(name)
    return found


# "which round can we apply in?", "the earliest round we could go for", "when could we apply?"
ROUND_ASKED = re.compile(
    r"\b(?:which|what|earliest|first)\s+(?:[\w-]+\s+){0,2}?rounds?\b|"
    r"\bwhen\s+(?:can|could|will|would|should|do|are)\s+(?:we|i)\b[^.?!]{0,40}?\b"
    r"(?:apply|applying|go\s+for|bid)\b|\bhow\s+soon\b[^.?!]{0,40}?\bapply", re.IGNORECASE)


# Advice next to the programme's own that its guidance seldom gives: tax, accounts, finance,
# insurance, employment law, intellectual property, premises. A question on one of these is
# not the programme's eligibility check nor its grant, and is answered only when a retrieved
# passage speaks of the same thing in the same words.
ADJACENT_ADVICE = re.compile(
    r"\b(?:corporation\s+tax|income\s+tax|capital\s+allowances?|(?:annual\s+)?investment\s+"
    r"allowances?|full\s+expensing|super-?deduction|(?:r\s*&\s*d|research\s+and\s+"
    r"development)\s+tax\s+(?:credits?|relief)|tax\s+(?:credits?|relief|reliefs|return|returns|"
    r"treatment|deductible|bill|liability|advice|purposes)|taxable|taxed|hmrc|paye|national\s+"
    r"insurance|business\s+rates|rates?\s+relief|vat\s+return|accounting\s+treatment|deferred\s+"
    r"income|audit(?:ed|or|ors)?|bookkeeping|loans?|overdraft|mortgage|hire\s+purchase|leas(?:e|ed|"
    r"es|ing)|invoice\s+finance|bridging|insurance|insure[ds]?|redundanc(?:y|ies)|employment\s+"
    r"(?:law|contract|tribunal)|tribunal|tupe|visas?|sponsor\s+licence|minimum\s+wage|pensions?|"
    r"patents?|patenting|trade\s*marks?|copyright|planning\s+permission|landlord|rent(?:al|ing)?|"
    r"apprenticeship\s+levy|levy|living\s+wage|"
    # how to account for it: "do we book it as revenue in the accounts?"
    r"(?:in|into|on)\s+(?:our|the|my|their)\s+(?:books|accounts|balance\s+sheet|p\s*&\s*l)|"
    r"profit\s+and\s+loss|depreciat(?:e|ion|ed)|"
    r"recruitment\s+agenc(?:y|ies)|job\s+adverts?)\b", re.IGNORECASE)

"""Insolvency: whether the business is in administration, liquidation, a CVA and the like.

True when any clause says the business is in insolvency proceedings; False when one says it is
not (or that it is solvent) and none says it is; None when none speaks of it. Proceedings in the
past or over, another business's, and a question that does not speak of this business are not
read.
"""

from __future__ import annotations

import re

from assistant.facts.common import NEGATION, Message

INSOLVENCY = re.compile(
    r"\b(?:(?:in|into|entered|enter|entering|under|placed\s+in|go(?:ing|ne)?\s+into|went\s+into|facing|"
    r"out\s+of|from|"
    r"near)\s+(?:an?\s+|the\s+|any\s+)?administration|liquidation|receivership|insolven(?:t|cy)|"
    r"(?:company\s+)?voluntary\s+arrangement|cva|winding[\s-]+up|wound\s+up|bankrupt(?:cy)?|"
    # "we reached an arrangement with all our creditors": a CVA told in words
    r"(?:arrangement|compromise|deal)\s+with\s+(?:all\s+)?(?:our|its|the|my|their)\s+creditors|"
    r"(?:gone|went|going|go)\s+(?:bust|under)|been\s+bust|"
    # the company moratorium of the Insolvency Act (Part A1), with a monitor
    r"(?:insolvency\s+|part\s+a1\s+|company\s+)?moratorium(?=[^.;!?]{0,80}\b(?:part\s+a1|"
    r"insolvency\s+act|monitor))|"
    r"(?:administrators?|receivers?|liquidators?)\s+(?:have\s+been\s+|has\s+been\s+|were\s+|"
    r"was\s+)?appointed|appointed\s+(?:an?\s+|the\s+)?(?:administrators?|receivers?|"
    r"liquidators?))\b", re.I)
SOLVENT = re.compile(r"\bsolvent\b", re.I)
_SOLVENT_PREDICATE = re.compile(
    r"(?:\b(?:are|is|am|remain|remains|be|being|been|fully|financially|completely|perfectly|still|"
    r"not|and|(?!hardly|scarcely)[a-z]+ly)|'re|'s|n't)\s+$", re.I)
# "22 staff, £2.6m turnover, solvent.": the word alone, as one item in a list of facts.
_SOLVENT_ALONE = re.compile(
    # ("definitely solvent", "absolutely solvent": any word of degree)
    r"\s*(?:(?:and|also|still|(?!hardly|scarcely)[a-z]+ly)\s+)*"
    r"solvent\s*", re.I)
_PAST_STATE = re.compile(
    r"\b(?:were|was|had|had\s+been|used\s+to|previously|formerly|came\s+out|exited|emerged|"
    r"history)\b", re.I)
# proceedings named as over: "would a former administration count?", "that earlier CVA"
_EARLIER_ONE = re.compile(r"\b(?:old|previous|former|earlier|past|prior|historic(?:al)?|"
                          r"that)\s+$", re.I)
_NEVER = re.compile(r"\b(?:never|not\s+ever|n't\s+ever)\b", re.I)
_NOW = re.compile(r"\b(?:now|currently|at\s+present|at\s+the\s+moment|still|this\s+(?:week|month)|"
                  r"today|recently|last\s+(?:week|month)|ongoing|on-going)\b", re.I)
# After the words, in the same sentence: it is over ("administration in 2017, exited 2018").
# ... of those, the words that say the proceedings ended, not only that they were in the past
_ENDED_WORDS = (r"came\s+out|come\s+out|out\s+of\s+it|exited|emerged|ended|completed|discharged|"
                r"finished|paid\s+off|behind\s+us|over\s+now|"
                # "... but were bought out by new owners": the business left it
                # (not "hope to be bought out": still in it)
                r"(?<!be\s)(?:bought\s+out|bought\s+(?:us|the\s+(?:business|company|firm))|"
                r"rescued)|"
                r"pre-?pack(?:ed)?")
_OVER_AFTER = re.compile(
    rf"\b(?:{_ENDED_WORDS}|since\s+then|back\s+in|years?\s+ago|"
    # (not the year of an Act: "the Insolvency Act 1986")
    r"(?<!since\s)(?<!act\s)(?:19|20)\d\d)\b",
    re.I)
_ENDED = re.compile(rf"\b(?:{_ENDED_WORDS})\b", re.I)
# the next sentence going on about the proceedings: "It runs for five years."
_IT_AGAIN = re.compile(r"\s*(?:it|this|that|the\s+(?:cva|arrangement|plan|deal|administration|"
                       r"moratorium|liquidation|receivership|petition)|an?\s+(?:licensed\s+)?"
                       r"insolvency\s+practitioner)\b",
                       re.I)
# After the words: they still run ("it runs until 2028", "we pay into it every month")
_ONGOING = re.compile(
    r"\b(?:runs?|lasts?|continues?|goes\s+on|going)\s+(?:on\s+)?(?:until|till|to|through|into)\s+"
    r"(?:(?:early|mid|late|the\s+end\s+of)[\s-]+)?(?:\w+\s+)?(?:19|20)\d\d\b|"
    r"\b(?:still\s+(?:paying|in\s+it|making\s+payments)|(?:we|i)\s+(?:pay|make\s+(?:a\s+)?"
    r"payments?)\b[^.;!?]{0,40}?\b(?:every|each|a|per)\s+(?:month|quarter|week)|"
    r"(?:on\s+track|up\s+to\s+date)\s+with\s+(?:it|the\s+payments|our\s+payments)|"
    r"payments\s+are\s+(?:all\s+)?(?:up\s+to\s+date|on\s+track|being\s+made)|"
    # "it lasts for three years; we have never missed a payment": still being paid
    r"(?:runs|lasts|goes\s+on)\s+for\s+(?:\w+\s+)?(?:years?|months?)|"
    r"(?:not|never|n't)\s+(?:yet\s+)?missed\s+(?:a|any|one)\s+payments?|"
    # an office-holder at work now: "a practitioner is acting as monitor"
    r"(?:is|are)\s+(?:now\s+)?acting\s+as\s+(?:the\s+|our\s+)?(?:monitor|administrators?|"
    r"liquidators?|supervisors?|receivers?|nominees?)|"
    r"in\s+(?:its|the)\s+(?:initial|first|extended)\s+period)\b", re.I)


# part of the way through: "now in month 20 of the 60-month arrangement"
_PART_WAY = re.compile(r"\bin\s+(?:the\s+)?(?:year|month)\s+(?:\d+|one|two|three|four|five|six|"
                       r"seven|eight|nine|ten|first|second|third|fourth|final|last)\s+of\s+"
                       r"(?:an?|the|our)\s+(?:[\w-]+\s+){0,2}$", re.I)
# "came out of administration", "emerged from a CVA": the proceedings named next are over
_LEFT_BEFORE = re.compile(
    r"\b(?:(?:came|come|got|gotten)\s+out\s+of|exited|emerged\s+from|left)\s+(?:an?\s+|the\s+)?"
    r"\w+(?:\s+\w+)?$", re.I)
# "a buyer took the firm out of receivership", "rescued from liquidation": it left them
_OUT_OF = re.compile(r"(?:out\s+of|from)\b", re.I)
_OUT_OF_BEFORE = re.compile(r"\b(?:out\s+of|from)\s+(?:an?\s+|the\s+)?$", re.I)
_STILL = re.compile(r"\b(?:still|currently|at\s+present)\b", re.I)


# The owner unsure of what they say: "it ended, I believe", "not sure it's closed"
_HEDGED = re.compile(r"\b(?:i\s+think|i\s+believe|not\s+(?:100%\s+)?sure|unsure|"
                     r"i'd\s+have\s+to\s+check|(?:need|have)\s+to\s+check|can't\s+remember|don't\s+know\s+(?:if|whether)|"
                     r"i\s+assume|hopefully|should\s+be)\b", re.I)


# the owner allowing that it may be over: "it may have finished", "might have ended by now"
_MAY_BE_OVER = re.compile(r"\b(?:may|might|could)\s+(?:well\s+)?(?:have\s+)?(?:finished|ended|"
                          r"completed|be\s+(?:over|finished|done))\b|"
                          # "not sure if it's finished or still running"
                          r"\b(?:finished|ended|over|closed|completed|done)\s+or\s+(?:is\s+)?"
                          r"(?:still\s+)?(?:running|ongoing|live|open|going|in\s+place)\b|"
                          r"\b(?:running|ongoing|live|in\s+place)\s+or\s+(?:has\s+)?"
                          r"(?:finished|ended|closed|completed)\b", re.I)


# proceedings that may not have begun: "whether it's been formally entered into yet", "still
# being discussed", "not agreed yet", "we're considering a CVA"
_MAY_NOT_HAVE_BEGUN = re.compile(
    r"\b(?:whether|if)\s+(?:it's|it\s+has|it\s+is|we've|we\s+have|we're|we\s+are)\s+"
    r"(?:(?:actually|formally|yet|now|already|officially)\s+)*(?:been\s+)?"
    r"(?:(?:actually|formally|officially)\s+)?(?:entered|agreed|signed|started|approved|"
    r"in\s+(?:it|one))\b|"
    r"\bstill\s+(?:just\s+|only\s+)?being\s+(?:discussed|negotiated|talked\s+about|"
    r"considered|drafted)\b|"
    r"\b(?:not|isn't|hasn't|haven't|has\s+not|have\s+not)\s+(?:been\s+)?(?:formally\s+)?"
    r"(?:agreed|signed|entered(?:\s+into)?|approved|started)\s+(?:it\s+)?yet\b|"
    r"\b(?:considering|thinking\s+about|looking\s+(?:at|into)|exploring|discussing)\s+"
    r"(?:an?\s+|a\s+possible\s+|the\s+option\s+of\s+an?\s+)?(?:company\s+voluntary\s+"
    r"arrangement|cva|voluntary\s+arrangement|administration|arrangement)\b", re.I)


# Advisers on insolvency, not proceedings: "the bank sent in an insolvency practitioner"
_ADVISERS = re.compile(r"\s+(?:firm|practitioners?|advisers?|advisors?|specialists?|experts?|"
                       r"accountants?|consultants?|advice|lawyers?|solicitors?)\b", re.I)


# An owner's way of saying the business is sound: "no debt issues", "no money worries"
_NO_MONEY_TROUBLE = re.compile(
    r"\bno\s+(?:debt|money|financial|cash[\s-]?flow)\s+(?:issues?|problems?|troubles?|worries)\b|"
    # "no issues with creditors", "never any receivership"
    r"\bno\s+(?:problems?|issues?|troubles?)\s+with\s+(?:debts?|money|creditors|paying)\b|"
    r"\bno\s+(?:administration|liquidation|receivership|insolvency)\b|"
    r"\b(?:debt|money)[\s-]free\b|\bno\s+(?:bad\s+)?debts\b|\bfinancially\s+(?:sound|healthy|"
    r"stable|strong|secure|fine|ok|okay)\b|"
    # "in good shape financially", "in decent financial health", "a healthy balance sheet"
    r"\bin\s+(?:good|decent|great|fine|sound|solid|strong)\s+(?:shape|health|order)\s+"
    r"financially\b|\b(?:good|decent|sound|solid|strong|healthy)\s+financial\s+"
    r"(?:health|shape|position|standing|footing)\b|\bhealthy\s+balance\s+sheet\b|"
    r"\b(?:we're|we\s+are|we've\s+been|it's|it\s+is|(?:the|our)\s+(?:firm|company|business)\s+"
    r"is)\s+(?:trading\s+)?(?:very\s+|"
    r"comfortably\s+|consistently\s+)?(?:profitable|profitably|in\s+profit)\b|"
    r"\bno\s+creditors\s+(?:chasing|pressing)\b|\bno\s+arrears\b|"
    # "nothing formal has started on our side", "no proceedings against the company"
    r"\bnothing\s+(?:formal|like\s+that|of\s+(?:the|that)\s+sort)\s+(?:is\s+|has\s+been\s+)?"
    r"(?:going\s+on|happening|running|in\s+place|started|outstanding)\b|"
    r"\bno\s+(?:other\s+)?(?:formal\s+|insolvency\s+|legal\s+)?proceedings\s+(?:against|"
    r"involving|on)\s+(?:us|the\s+(?:company|business|firm))\b|"
    # "not had any financial problems", "we've never been in debt trouble"
    r"\b(?:never|not|haven't|have\s+not|hasn't)\s+(?:ever\s+)?(?:had|been\s+in)\s+(?:any\s+)?"
    r"(?:money|financial|cash[\s-]?flow|debt)\s+(?:trouble|troubles|problems?|issues?|"
    r"difficult(?:y|ies)|bother)\b|"
    # "all fine money-wise", "money-wise we're ok", "finances are fine"
    r"\b(?:fine|ok|okay|good|sound|healthy|solid)\s+(?:money|cash|finance|financially)[\s-]?wise\b|"
    r"\b(?:money|cash|finance)[\s-]?wise\s*,?\s+(?:we're|we\s+are|it's|all|everything's)\s+"
    r"(?:all\s+)?(?:fine|ok|okay|good|sound|healthy|solid)\b|"
    r"\b(?:our\s+)?finances\s+are\s+(?:all\s+)?(?:fine|ok|okay|good|sound|healthy|solid|"
    r"in\s+order)\b|"
    # "not in financial difficulty", "not in any money trouble"
    r"\bnot\s+in\s+(?:any\s+)?(?:financial|money|cash(?:[\s-]?flow)?)\s+(?:trouble|"
    r"difficult(?:y|ies)|problems?|bother)\b", re.I)


# proceedings named as a form's label and answered "no" after it, with more of them between
_ANSWERED_NO = re.compile(
    # "Current insolvency events: None", "Insolvency history? no"
    r"(?:\s+(?:events?|history|proceedings|status|issues?|matters?|notices?)\b)?"
    r"(?:\s*(?:/|,|\bor\b|\band\b|&)\s*(?:any\s+|other\s+)*[a-z]+(?:\s+[a-z]+){0,2}?){0,4}"
    r"\s*(?:\?\s*[:=–-]?|[:=–-])\s*(?:no|none|nope|nil|n/?a|never)\b"
    # "In liquidation? No, definitely not!"
    r"(?=\s*(?:[.,;!)\n|]|$|(?:definitely|certainly|absolutely)\s+not\b))", re.I)


def read_insolvent(msg: Message, describes_business: bool = False) -> bool | None:
    """True when any clause says the business is in insolvency proceedings; False when
    one says it is not (or is solvent) and none says it is; None when none speaks of it.
    `describes_business`: the message states other facts about a business, so a question
    that describes one ("Is a bakery with 9 staff, not insolvent, eligible?") speaks of it
    when it says it is not insolvent (never when it only names proceedings: "Is a CVA a
    problem? We have 9 staff")."""
    states: list[bool] = []
    weak = 0  # proceedings read as the business's, though not said to run now
    denied = False  # the business says it is not in proceedings, or is solvent
    unsettled = False  # proceedings that may or may not have begun: asked
    for match in INSOLVENCY.finditer(msg.text):
        if _ADVISERS.match(msg.text, match.end()):
            continue  # who advises on it, not whether the business is in it
        if _PETITION.match(msg.text, match.end()) and (
                _insolvency_state(msg, match.start(), describes_business) or
                # a haulier's petition to wind the company up: another's petition, against
                # the business
                _AGAINST_US.match(msg.text, match.end(), msg.sentence(match.start())[1])):
            # a winding-up petition against the business: until a court makes the order,
            # or the petition is dismissed, whether it is in proceedings is asked
            # (what became of it may be told in the sentences after: "It was dismissed at
            # the hearing")
            end = msg.sentence(match.start())[1]
            after = msg.text[match.end():msg.sentence(min(end + 1, len(msg.text)))[1]]
            if _petition_ended(after):
                states.append(False)  # "the petition was dismissed so we're clear"
            else:
                unsettled = True
            continue
        if _ANSWERED_NO.match(msg.text, match.end()):
            # "Any receivership / CVA: no" written inline, as a form's line: not in any
            states.append(False)
            continue
        after = msg.text[match.end():msg.sentence(match.start())[1]]
        lead = msg.lead(match.start())
        if (_ENDED.search(after) or _OUT_OF.match(match.group(0))
                or _OUT_OF_BEFORE.search(msg.text, max(0, match.start() - 12), match.start())
                or _LEFT_BEFORE.search(
                msg.text, max(0, match.start() - 25), match.end())) and \
                not _STILL.search(lead + after) and \
                not msg.about_another_business(match.start()):
            if _HEDGED.search(msg.text, *msg.sentence(match.start())):
                return None  # "it ended in 2022, I believe, though not sure": not known
            states.append(False)  # "administration, long since exited": not now
            continue
        sentence_end = msg.sentence(match.start())[1]
        following = msg.text[sentence_end:msg.sentence(sentence_end + 1)[1]] \
            if _IT_AGAIN.match(msg.text, sentence_end + 1) else ""
        if (_ONGOING.search(after + following) or _PART_WAY.search(lead)) and \
                (state := _insolvency_state(msg, match.start(), describes_business)) is not None:
            states.append(state)  # "a CVA in 2023 that runs until 2028": not over yet
            continue
        if _OVER_AFTER.search(after) and not _NOW.search(lead + after):
            continue  # "administration in 2017": over, but not said to be
        if (state := _insolvency_state(msg, match.start(), describes_business)) is not None:
            first, end = msg.sentence(match.start())
            if state and _NAME_UNSURE.match(msg.text, match.end()) and _HEDGED.search(
                    msg.text, first, msg.sentence(end + 1)[1] if end < len(msg.text) else end):
                # "a CVA, I believe? or perhaps only a time-to-pay deal": which
                # it is, is asked
                unsettled = True
                continue
            now = _said_now(lead, after)
            if state and not now and _ended_after(msg, sentence_end):
                # "a CVA was agreed in 2019. All repaid; it closed in 2022": told
                # over, in the sentences that go on about it
                states.append(False)
                continue
            states.append(state)
            if state and not now:
                weak += 1
            elif not state:
                denied = True
    for match in SOLVENT.finditer(msg.text):
        lead = msg.lead(match.start())
        alone = _SOLVENT_ALONE.fullmatch(msg.text, *msg.clause(match.start(), match.end()))
        if alone or _SOLVENT_PREDICATE.search(lead[-30:]):
            state = _insolvency_state(msg, match.start(), describes_business, solvent=True)
            if state is not None:
                states.append(not state)
                denied = denied or state
    if any(states) and denied and states.count(True) == weak:
        # "the main contractor folded owing us; my dad's old firm was wound up in 1991 ...
        # we're not insolvent": proceedings named without saying they are the business's now,
        # and the business says it is in none
        return False
    if unsettled and not any(states) and not (False in states and
                                              _petition_ended(msg.text)):
        # "a winding-up petition was served on us; no insolvency": not known (unless the
        # message says the petition was dismissed or withdrawn)
        return None
    if not states and _NO_MONEY_TROUBLE.search(msg.text):
        return False  # "no debt issues", "debt-free": said of the business, no proceedings
    if not states:
        return None
    if any(states) and _HEDGED.search(msg.text) and _MAY_BE_OVER.search(msg.text):
        # "I believe it is still running, though it might be over now": not known
        return None
    if any(states) and _MAY_NOT_HAVE_BEGUN.search(msg.text):
        # "we're talking to creditors about an arrangement, not signed yet": not known
        return None
    if any(states) and all(_WITH_CREDITORS.fullmatch(m[0]) for m in INSOLVENCY.finditer(msg.text)) \
            and not _FORMAL.search(msg.text):
        # "an arrangement agreed with our creditors, paid monthly": a formal arrangement
        # (a CVA) is a proceeding, an informal one is not; which it is, is asked
        return None
    return any(states)


# the proceedings as the subject of a question, named again: "is the CVA a problem for us?"
_ASKED_OF_IT = re.compile(r"\b(?:does|do|would|will|could|can|is|are|did|might|should)\s+"
                          r"(?:the|that|this|our|my|a|an|any|such\s+an?)\s+$", re.I)


# said to be the business's state now: "we're in", "has entered", "currently", "still"
_PRESENT_TENSE = re.compile(
    r"\b(?:we're|we\s+are|i'm|i\s+am|it's|it\s+is|(?:is|are|am)\s+(?:now\s+|currently\s+|"
    r"still\s+)?(?:in|under|going|entering|being)|(?:have|has|'ve)\s+(?:now\s+|just\s+)?(?:entered|"
    r"gone|been\s+(?:put|placed))|currently|now|still|being|at\s+present|ongoing)\b", re.I)


def _said_now(lead: str, after: str) -> bool:
    """Whether the words around proceedings say they are the business's state now."""
    return bool(_PRESENT_TENSE.search(lead[-50:]) or _NOW.search(lead + after) or
                _ONGOING.search(after))


def _ended_after(msg: Message, sentence_end: int) -> bool:
    """Whether the next two sentences say the proceedings ended, and not that they still run."""
    if sentence_end >= len(msg.text):
        return False
    first = msg.sentence(min(sentence_end + 1, len(msg.text) - 1))
    second = msg.sentence(min(first[1] + 1, len(msg.text) - 1)) if first[1] < len(msg.text) \
        else first
    text = msg.text[first[0]:second[1]]
    return bool(_ENDED.search(text)) and not _STILL.search(text) and \
        not _ONGOING.search(text)


_PETITION = re.compile(r"[\s-]*(?:petitions?|proceedings\s+were\s+(?:issued|brought))\b", re.I)
# the name of the proceedings put in doubt straight after it: "a CVA? or maybe ..."
_NAME_UNSURE = re.compile(r"\s*\?|[^.;!]{0,20}\bor\s+(?:it\s+)?(?:might|may|could)\s+(?:just\s+)?"
                          r"(?:be|have\s+been)\b|[^.;!]{0,20}\bor\s+(?:maybe|perhaps)\b", re.I)
_PETITION_ENDED = re.compile(r"\b(?:was|were|has\s+been|have\s+been|got|been)\s+(?:\w+\s+){0,5}?"
                             r"(?:dismissed|withdrawn|struck\s+out|thrown\s+out)\b|"
                             # a report's line: "Status: DISMISSED 21/05/2025"
                             r"\bstatus\s*[:=-]\s*(?:dismissed|withdrawn|struck\s+out)\b|"
                             r"\b(?:court|judge)\s+(?:dismissed|threw\s+out|struck\s+out)\b|"
                             # "the court threw it out", "the judge kicked the petition out"
                             r"\b(?:threw|struck|kicked|chucked)\s+(?:it|the\s+petition)\s+"
                             r"out\b",
                             re.I)
_AGAINST_US = re.compile(r"[^.;!?]{0,30}?\b(?:against|on)\s+(?:us|me|the\s+(?:company|business|"
                         r"firm)|our\s+(?:company|business|firm))\b", re.I)
# the owner not knowing how it ended: "I haven't heard whether it got dismissed"
_WHETHER_BEFORE = re.compile(r"\b(?:whether|if|not\s+sure|unsure|don't\s+know|no\s+idea|"
                             r"hope|hoping|expect|might|may|could)\b[^.;!?]{0,40}$", re.I)


def _petition_ended(text: str) -> bool:
    """Whether the text says a petition was dismissed or withdrawn (not only that it may be)."""
    return any(not _WHETHER_BEFORE.search(text, 0, m.start())
               for m in _PETITION_ENDED.finditer(text))


_WITH_CREDITORS = re.compile(r"(?:arrangement|compromise|deal)\s+with\s+.*creditors", re.I)
_FORMAL = re.compile(r"(?<!not\ssure\sif\sit's\sa\s)(?<!not\ssure\sif\sit\sis\sa\s)"
                     r"(?<!don't\sknow\sif\sit's\sa\s)(?<!whether\sit's\sa\s)"
                     r"\b(?:formal(?:ly)?|voluntary|insolvency\s+practitioners?|supervisors?|"
                     r"nominees?|ivas?|cvas?|court|sanctioned|registered\s+at)\b", re.I)


# proceedings supposed, feared, weighed or avoided, not entered: "we might need a CVA", "if we
# went into administration", "we weighed up a CVA but the bank helped instead"
_NOT_A_FACT = re.compile(
    # ("may" in lower case: "in May an administrator was appointed" is a date)
    r"\b(?:might|(?-i:may)|could|would|going\s+to|gonna|if|unless|whether|worried|"
    r"consider(?:ing|ed)?|(?:thinking|thought)\s+(?:about|of)|look(?:ed|ing)?\s+(?:at|into)|"
    r"discuss(?:ed|ing)?|avoid(?:ed|ing)?|"
    r"threaten(?:ed|ing|s)?|risk\s+of|talk(?:ed|ing)?\s+(?:about|of))\b", re.I)
_SELF = re.compile(r"\b(?:we|we're|we've|we'd|our|us|i|i'm|my)\b", re.I)
# another party as the subject that opens the sentence: "Our biggest client, a retailer, ..."
_OTHER_SUBJECT = re.compile(
    r"\W*(?:\d{1,2}[.)]\s*)?(?:(?:last|this|earlier\s+this|in)\s+(?:year|month|spring|summer|"
    r"autumn|winter|(?:19|20)\d\d),?\s+)?"
    r"(?:(?:my|our|a|an|the|(?:one|1)\s+of\s+(?:our|my|the))\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:customers?|clients?|suppliers?|landlords?|competitors?|debtors?|tenants?|"
    r"main\s+contractors?|parent(?:\s+company)?|"
    # who else a business deals with: "our steel stockholder", "a distributor we used"
    r"stockholders?|stockists?|distributors?|wholesalers?|retailers?|hauliers?|"
    r"sub-?contractors?|buyers?|importers?|agents?|licensees?|franchisees?|franchisors?|"
    r"rivals?|partners?|sister\s+compan(?:y|ies)|subsidiar(?:y|ies))\b"
    r"(?!\s+(?:and|&)\s+(?:we|i|us)\b)", re.I)
# proceedings that are another's, whoever is speaking: "we are owed money in their liquidation",
# "the customer's administration"
_THEIRS_BEFORE = re.compile(
    r"(?:\b(?:their|his|her)\s+|"
    # a possessive, not "it's" or "that's"
    r"\b(?!(?:company|business|firm|our|my|it|that|there|what|who|here|he|she|where|how|let|"
    r"one|everything|nothing|something|nobody|no-one|noone|everyone|everybody|anyone|"
    r"anybody)'s)[\w-]+'s\s+|"
    r"\bcreditors?\s+(?:in|of|to)\s+(?:an?\s+|the\s+)?)(?:[\w-]+\s+)?$", re.I)


# "not in receivership, administration or liquidation": a negation carried along a
# list of proceedings, over commas and "or"
_NEGATED_LIST = re.compile(
    rf"(?:{NEGATION.pattern})(?:[\s,]|\b(?:in|into|or|nor|and|any|other|an?|the|under|been|"
    r"ever|gone|entered|subject|to|"
    r"administration|liquidation|receivership|insolvency|insolvent|proceedings?|process(?:es)?|"
    r"procedures?|company|voluntary|arrangements?|cva|winding|wound|up|bankruptcy|"
    r"bankrupt)\b)*$", re.I)


# "were" with no subject before it, typed for "we're": "but were not insolvent now"
_WERE_FOR_WE_RE = re.compile(r"(?:^\s*|[,;:]\s*|\b(?:so|and|but|because|as|cos|coz|now)\s+)"
                             r"were\b(?=\s+(?:not|never|a|an|in|still|fully|all)\b)", re.I)


def _insolvency_state(msg: Message, start: int, describes_business: bool = False,
                      solvent: bool = False) -> bool | None:
    """Whether the words at `start` apply to the business now: False when negated, None
    when about the past or another business. In a question that describes a business, only
    words saying it is not insolvent (or is solvent) are read."""
    lead = msg.lead(start)
    if msg.about_another_business(start) or _THEIRS_BEFORE.search(lead[-40:]) or \
            _ASKED_OF_IT.search(lead[-30:]):
        return None
    if _NOT_A_FACT.search(lead[-60:]):
        return None  # "we might have to look at a CVA next year": not now
    if _NEVER.search(lead[-40:]):
        return False  # "we have never been near insolvency": not then, not now
    # the state after "so" is the one said now: "the petition was withdrawn so we're clear"
    said_now = re.split(r"\b(?:so|therefore|hence|which\s+means|meaning)\b", lead, flags=re.I)[-1]
    if _PAST_STATE.search(_WERE_FOR_WE_RE.sub(" we're ", said_now)) or \
            _EARLIER_ONE.search(lead[-30:]):
        return None
    negated = bool(NEGATION.search(lead[-40:])) or _NEGATED_LIST.search(
        msg.text[msg.sentence(start)[0]:start]) is not None
    subject = _OTHER_SUBJECT.match(msg.text, msg.sentence(start)[0], start)
    if not negated and subject is not None and \
            not _SELF.search(_WERE_FOR_WE_RE.sub(" we're ", msg.text[subject.end():start])):
        # "our main client, a national chain, went under": the sentence's subject, not us
        # (its "our" says whose client it is)
        return None
    if msg.is_question_about_others(start) and \
            not (describes_business and negated != solvent):
        return None
    return not negated

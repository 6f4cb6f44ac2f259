"""Holdings: who owns a share of the business, what it owns of others, and what kind each holder is.

- "Owned by two directors" (no share stated) is read as a 100% holding by them: the words say
  who owns the whole business. "Family-owned" likewise. "Partly owned by" and "majority owned
  by" give no share, so no holding is recorded.
- "We own 40% of a supplier" is a holding by the business, read only when the one held is a
  business, a public body, a university or an investor.
- A holder's own staff, turnover and balance sheet are read from the words naming it, or from
  the words that follow and refer back to it ("- they have 90 staff").
"""

from __future__ import annotations

import re
from typing import Literal

from assistant.business import HolderKind, Holding, Money
from assistant.facts.common import (
    NUM,
    NUM_START,
    PERCENT,
    QUAL,
    SUBJECTLESS,
    Found,
    Message,
    lowered_article,
)
from assistant.facts.money import amounts_in, nearest_role
from assistant.facts.numbers import to_float
from assistant.facts.staff import STAFF_ADJ

_SHARE = rf"(?:{NUM_START}(?P<share>{NUM})\s*(?:%|per\s*cent\b|percent\b)|(?P<half>\bhalf))"
# "on the vans half the time", "half a day a week": a share of time, not of the company
_SHARE = _SHARE.replace(
    r"(?P<half>\bhalf)",
    r"(?P<half>\bhalf(?!-(?:time|day|days|week|hours?|term|year)\b|"
    r"\s+(?:(?:of\s+)?the\s+(?:time|day|week|month|year|staff|team|people)|"
    r"(?:of\s+)?(?:my|our|his|her|their)\s+(?:time|day|week)|time|an?\s|days?|hours?|weeks?|"
    r"months?|[\w-]+[\s-]+time)\b))")
_OWNED_BY = re.compile(
    rf"(?:{_SHARE}(?:\s+of\s+(?:us|(?:our|the)\s+(?:shares|equity|capital|company|business|"
    r"firm|voting\s+rights)))?(?:\s+(?:is|are))?[\s-]*)?"
    r"(?P<whole>\b(?:wholly|fully|entirely)[\s-]+)?"
    r"(?P<partly>\b(?:partly|partially|part|jointly|majority|minority|co)[\s-]+)?"
    r"\b(?:(?:owned|held|controlled)\s+by|"
    # "the fully owned trading arm of the county council"
    r"owned\s+(?:[\w-]+\s+)?(?P<subsidiary>subsidiary|company|business|firm|arm|venture)\s+of|"
    # "70% of the shares belongs to Acme Holdings", "the other 40% sits with the bank"
    r"(?:(?<=shares\s)|(?<=equity\s)|(?<=capital\s)|(?<=%\s))(?:belongs?|belonged)\s+to|"
    r"(?:(?<=shares\s)|(?<=equity\s)|(?<=%\s))(?:(?:is|are|sits?|lies?|rests?)\s+with))\s+",
    re.I)
_HOLDS = re.compile(
    rf"\b(?:(?:still|now|currently|also)\s+)?(?:owns?|holds?|(?:has|have|had)\s+(?:held|owned)|has|have|controls?|bought|acquired|purchased|took|has\s+taken|"
    rf"kept|keeps|retains?|retained|invested\s+in)\s+(?:(?:exactly|precisely|just|about|around|roughly|approximately|nearly|"
    rf"almost|some|only|still)\s+)?(?:a\s+|an\s+|(?:the\s+)?(?:other|remaining)\s+)?"
    rf"(?:{_SHARE}|(?P<all>\ball)(?=\s+(?:of\s+)?(?:us|it|our|the)\b))"
    r"(?:\s+(?:stake|share|shareholding|holding|interest|equity\s+stake))?"
    r"(?:\s+(?P<prep>of|in)\s+)?", re.I)
# a sentence about another, by a pronoun that is not the business's own: "They're a ..."
_ANOTHER_SUBJECT = re.compile(r"\W*(?:they|he|she)(?:'re|'s|\s+are|\s+is|\s+were|\s+was)?\b",
                              re.I)
_ITSELF = re.compile(r"\b(?:itself|themselves)\b", re.I)
_FAMILY_OWNED = re.compile(
    rf"(?:{_SHARE}\s+)?\b(?P<who>family|founders?|directors?|employees?|management)[\s-]+owned\b",
    re.I)  # "family-owned", "55% employee-owned"
# Holders listed with their shares: "md 55% + a distributor 45%", "Shareholders: county
# council 15%, partners 85%", "college has 20% staff 80%".
_LISTED_HOLDER = re.compile(
    rf"(?:^|(?<=[,+&:;(/%])|(?<=\band))\s*(?P<holder>(?:an?\s+|the\s+|our\s+)?[A-Za-z][\w'.-]*"
    rf"(?:\s+[A-Za-z][\w'.-]*){{0,3}}?)\s*[:=-]?\s*{_SHARE}(?!\s*(?:of|in)\b)", re.I)
# "... bought a stake", "... has a shareholding": a stake whose size is not said
_A_STAKE = re.compile(
    r"\b(?:took|taken|take|takes|has|have|had|holds?|held|owns?|bought|acquired|kept|keeps|"
    r"retains?|retained|got)\s+(?:(?:a|an|some|small|large|big|minority|majority|equity|"
    r"little)\s+){0,3}(?:stake|shareholding|holding|shares?|slice)\b"
    # in the business, not in another: "a stake in us", not "a stake in our supplier"
    r"(?!\s+(?:in|of)\s+(?!us\b|it\b|return\b|exchange\b|the\s+(?:company|business|firm)\b|"
    r"our\s+(?:[\w-]+\s+){0,2}(?:company|business|firm|shares|equity)\b))", re.I)
_PARTLY_OWNED_BY = re.compile(
    r"\b(?:partly|partially|part|jointly|co)[\s-]+(?:owned|held)\s+by\s+", re.I)
_BRACKETS = re.compile(r"\s*\(([^()]{1,80})\)")
_OWNERSHIP_WORDS = re.compile(
    r"\b(?:own|owns|owned|owner|owners|ownership|shareholders?|shareholding|shares|equity|"
    r"holds?|stake)\b", re.I)
_NOT_A_HOLDER = re.compile(
    r"\b(?:staff|employees?|people|turnover|sales|revenue|growth|margin|profit|export\w*|"
    r"grant|rate|share|trading|years?|months?|vat|tax|interest|discount|deposit|about|around|"
    r"roughly|approximately|nearly|almost|over|under|up|down|by|is|are|was|were|of|at|to|"
    r"with|has|have|holds?|owns?|owned|kept|took|keeps)\b", re.I)
_SELF_SUBJECT = re.compile(
    r"\b(?:we|we're|we've|us|i|i'm|(?:the|our|my)\s+(?:company|business|firm))\b", re.I)
_WE = re.compile(r"(?:we|i)(?:\s+(?:also|now|currently|still))?", re.I)
_OUR_EQUITY = re.compile(
    r"(?:us|it|(?:our|this|my|the|its)\s+(?:(?:ordinary|issued|voting|share)\s+)?(?:shares|"
    r"equity|capital|share\s+capital|voting\s+rights)|"
    # "have 100% of shares", as some owners write it
    r"(?:(?:ordinary|issued|voting)\s+)?shares(?!\s+(?:in|of)\b)|"
    # "the UK company", "our Birmingham business": the business named with one word more
    r"(?:our|this|my|the)\s+(?:(?-i:[A-Z])[\w-]*\s+|local\s+|british\s+)?(?:company|business|"
    r"firm))\b", re.I)
# "20% of our joinery shop": the business named by what it is
_OUR_BUSINESS = re.compile(
    r"(?:our|the)\s+(?:[\w-]+\s+){0,3}(?:lab|laboratory|shop|works|workshop|practice|studio|"
    r"agency|consultancy|spin-?out|start-?up|factory|bakery|brewery|[a-z]+(?:er|or|ery))\b"
    r"(?!\s+(?:sales|turnover|revenue|output|work|orders|costs?))", re.I)
_SUBJECT_BREAK = re.compile(
    r",\s|;|:\s|\s[-–]\s|\s(?:but|while|whereas)\s|"
    # "... in Tipton and we own 80% of ...": the business opens the next subject
    r"\sand\s(?=(?:a|an|the|our|my|another|we|i|\d+)\b|"
    # "I hold 60% and Tata Steel holds 40%": after a share, a name opens the next subject
    # (not "Smith and Jones Ltd", one name)
    r"(?<=%\sand\s)(?=(?-i:[A-Z]))|"
    # ... as after the shares it qualifies: "the founders hold 80% between them and Acme Ltd"
    r"(?<=\sthem\sand\s)(?=(?-i:[A-Z]))|(?<=\sus\sand\s)(?=(?-i:[A-Z]))|"
    r"(?<=\seach\sand\s)(?=(?-i:[A-Z]))|"
    r"(?<=\sshares\sand\s)(?=(?-i:[A-Z]))|(?<=\sequity\sand\s)(?=(?-i:[A-Z])))",
    re.I)
_RELATIVE = re.compile(r"(?:which|who)", re.I)
_NOBODY = re.compile(r"(?:nobody|no[\s-]?one|none|not\s+anyone|no\s+(?:other\s+)?(?:person|"
                     r"company|business|shareholder|investor))\b", re.I)
# the noun phrase a relative clause follows: "... of a university, which"
_NAMED_BEFORE = re.compile(
    r"(?:\b(?:an?|the|our|its|their)\s+|(?<![\w'-])(?=(?-i:[A-Z])))"
    # ... or a name, with or without "the": "the City of Walsall Council, which"
    r"(?P<noun>(?-i:[A-Z])[\w&'-]*(?:\s+(?:(?:of|for|and|&)\s+)?(?-i:[A-Z])[\w&'-]*){1,5}|"
    r"(?:(?!(?:an?|the|to|of|from|with|by|for|in|on|at)\b)[\w&'-]+\s+){0,4}[\w&'-]+)"
    r"\s*,\s*$", re.I)
_PRONOUN = re.compile(r"(?:they|it|he|she|this|that|who|which)", re.I)
_HOLDER_END = re.compile(
    r"[.;!?](?=\s|$)|\n|,\s*(?:and\s+|but\s+)?(?:we|our|i|us)\b|"
    # "... in Poland - I'd have to ask for its figures": the speaker again, after a dash
    r"\s[-–—]\s+(?:and\s+|but\s+)?(?:we|our|i|us|i'd|i'm|we'd|we're|i'll|we'll)\b|"
    rf"\s(?:and|but|while|whereas)\s+(?:we|our|i|us)\b|\sbut\b|\swhile\b|"
    rf"(?:,|\sand)\s+{NUM_START}{NUM}\s*(?:%|per\s*cent|percent)|"
    # "a subsidiary of Acme plc, 14 staff here": figures of the business's own
    r",\s*(?=[^,.;]{0,40}\b(?:here|on\s+site|ourselves|of\s+our\s+own)\b)", re.I)
_HOLDER_LABEL_END = re.compile(
    r"\s+(?:with|which|that|who|whose|employing|having|turning\s+over|has|have|employs)\b|,\s|"
    r"\s*\(|"
    # "my wife and I 60/40 - no outside shareholders": the split and what follows hold nothing
    r"\s+\d+\s*/\s*\d+\b|\s[-–]\s*(?:no|not|never|nothing)\b|"
    r"\s+and\s+(?:its|their)\b",
    re.I)
_HOLDER_STAFF: tuple[re.Pattern[str], ...] = (
    re.compile(rf"\b(?:head\s*count|staff|workforce|employees)\s*(?:of|is|:)?\s*(?:{QUAL}\s+)?"
               rf"{NUM_START}(?P<n>{NUM})\b(?!\s*%)", re.I),
    re.compile(rf"{NUM_START}(?P<n>{NUM})\s*-?\s*(?:(?:{STAFF_ADJ}|full[\s-]?time)\s+)?"
               r"(?:person|people|employees?|staff|strong|workers|ftes?|heads|awus?|"
               r"full[\s-]?timers|"
               r"annual\s+work\s+units?)\b", re.I),
    re.compile(rf"\bemploy(?:s|ing)?\s+(?:{QUAL}\s+)?{NUM_START}(?P<n>{NUM})\b", re.I),
    # a holder with nobody on its books: "the holdco has no staff", "which employs nobody"
    re.compile(r"\b(?:(?:has|have|with|had)\s+(?:no|zero)\s+(?:other\s+\w+\s+(?:and|or)\s+(?:no\s+)?)?"
               r"(?:staff|employees|workers|people\s+of\s+its\s+own)|"
               # ("no one" is read as "no 1")
               r"employs?\s+(?:nobody|no\s*(?:one|1)|no\s+staff|no\s+people)|"
               r"(?P<n>0)\s+staff)\b", re.I),
)


# Words that refer back to a holder just named: "- they have 500 staff", ". The group has".
_REFERS_BACK = re.compile(
    r"(?:\s*(?:of\s+)?(?:(?:our|the|its)\s+(?:[\w-]+\s+){0,2}?(?:shares|equity|business|"
    r"company|firm)|us|shares)\b)?"
    # an aside in brackets: "... 35% of us (we hold the other 65%); they employ ..."
    r"(?:\s*\([^()]{0,40}\))?\s*(?:[-–,;:(]\s*)?"
    # how the figures are counted: "at group level they have ..."
    r"(?:(?:on\s+a\s+(?:[\w-]+\s+){1,2}basis|at\s+group\s+level|in\s+total|overall|altogether|"
    r"combined|worldwide|globally|across\s+the\s+group)\s*,?\s*)?"
    r"(?:and\s+|which\s+|who\s+)?(?:they|it|which|who|"
    r"(?:the|that|this)\s+(?:[\w-]+\s+){0,2}(?:group|parent|company|firm|investor|business|"
    r"owner|shareholder|corporation|multinational|enterprise|fund|holdco|holding)|their|its)\b"
    r"(?!\s+(?:own|"
    r"owns|hold|holds)\b)", re.I)
# The holder's own verb going on: "A supplier holds 30% of us and has 40 staff"
_AND_HAS = re.compile(
    r"(?:\s*(?:of\s+)?(?:us|shares|the\s+(?:company|business|firm|shares)|our\s+(?:[\w-]+\s+){0,2}?"
    r"(?:shares|equity|business|company|firm))\b)?\s*,?\s*(?:(?:and|,)\s+(?=(?:has|had|have|"
    r"employs?|turns?\s+over)\b)|"
    r"(?:with|and)\b(?=[^.;!?]{0,40}\b(?:of\s+its\s+own|of\s+their\s+own)\b))",
    re.I)
# Words that turn back to the business itself: "; we have 45 staff".
_SELF_AGAIN = re.compile(r"(?:[;,]|\band\b|\bbut\b)\s+(?:we|our|us|here)\b", re.I)
# people an owner names by who they are to them: "a former colleague", "my two cousins"
_KNOWN_PEOPLE = (r"(?:colleague|cousin|uncle|aunt|nephew|niece|grand(?:father|mother|parent|"
                 r"son|daughter|child(?:ren)?)|friend|neighbour|relative|sibling|brother|sister|"
                 r"son|daughter|wife|husband|spouse|partner|mate)s?")

_HOLDER_KINDS: tuple[tuple[HolderKind, re.Pattern[str]], ...] = (
    # the owners speaking: "owned by us two", "the three of us"
    ("individual", re.compile(r"^\s*(?:the\s+)?(?:(?:two|three|four|five|both|all|\d)\s+of\s+)?"
                              r"(?:us|ourselves|i|me|myself)"
                              r"(?:\s+(?:two|three|four|five|both|all|\d))?\s*$",
                              re.I)),
    # people, whatever other words they come with
    ("individual", re.compile(
        r"\b(?:business\s+partners?|employee\s+ownership\s+trust|eot|management\s+team|"
        r"my\s+(?:wife|husband|partner|family|dad|mum|mom|father|mother|brother|sister|son|"
        r"daughter|uncle|aunt|cousin)(?!(?:'s|’s)\s+(?:[\w-]+\s+)?(?:company|business|firm|group|"
        r"ltd|limited|plc|holdings?))|(?:and|&)\s+(?:i|me|myself)|md|fd|ceo|cfo|coo|cto|"
        r"managing\s+director|chief\s+[\w-]+\s+officer|chair(?:man|woman)?|"
        r"proprietors?|owner[\s-]managers?|boss|"
        # a person by title: "Mr Daniel Okafor", "Dr A. Shah"
        r"(?-i:Mr|Mrs|Ms|Miss|Mx|Dr|Sir|Dame)\.?(?=\s+(?-i:[A-Z]))|"
        # someone who works in it: "my foreman", "our head chef", "the works supervisor"
        r"fore(?:man|men|woman)|supervisors?|engineers?|technicians?|machinists?|welders?|"
        r"fitters?|electricians?|chefs?|designers?|salesman|saleswoman|bookkeepers?|"
        r"team\s+leaders?|head\s+of\s+[\w-]+)\b", re.I)),
    # (a hospital named for its university is the health service's: "University Hospitals
    # Northfield NHS Trust")
    ("university", re.compile(r"\b(?:universit(?:y|ies)|uni|college|higher\s+education)\b"
                              r"(?!\s+hospitals?\b)", re.I)),
    ("public_body", re.compile(
        r"\b(?:nhs|council|local\s+authorit(?:y|ies)|government|public\s+(?:body|bodies|sector|"
        r"authority)|combined\s+authority|ministry|department\s+(?:of|for)|crown|municipal|"
        r"state[\s-]+owned|health\s+board|(?:hospitals?|health|ambulance)\s+(?:\w+\s+)?trust)\b",
        re.I)),
    ("investor", re.compile(
        r"\b(?:venture\s+capital|vc|investors?|investment|funds?|private\s+equity|"
        r"business\s+angels?|angels?|crowd[\s-]?fund\w*|family\s+office)\b", re.I)),
    ("enterprise", re.compile(
        r"\b(?:group|compan(?:y|ies)|firm|plc|ltd|limited|corporation|corp|holdings?|holdcos?|"
        r"parent|"
        r"subsidiar(?:y|ies)|"
        r"business|enterprise|suppliers?|customers?|manufacturer|multinational|conglomerate|llc|"
        # a business named by its trade: "a distributor", "a toolmaker", "a foundry"
        r"distributors?|wholesalers?|retailers?|makers?|fabricators?|foundry|foundries|"
        r"workshop|factory|plant|contractors?|consultancy|agency|"
        r"inc|gmbh)\b", re.I)),
    ("individual", re.compile(
        r"\b(?:directors?|founders?|co-?founders?|family|individuals?|people|persons?|partners?|"
        r"shareholders?|owners?|wife|husband|brother|sister|father|mother|son|daughter|me|"
        r"myself|employees|staff|management|managers?|"
        # people known to the owner: "a former colleague", "my two cousins"
        rf"{_KNOWN_PEOPLE}|parents|mum|dad|mom|fianc[eé]e?|girlfriend|boyfriend|in-laws?)\b",
        re.I)),
)


_PUBLIC = next(pattern for kind, pattern in _HOLDER_KINDS if kind == "public_body")
# holders whose stake can count towards the business's size
_COUNTED_KINDS = frozenset({"enterprise", "investor"})
_HOLDER_ACTS = re.compile(r"\s+(?:(?:bought|came|invested|got|went|has|had|was|were|is|are|who|"
                          r"which|that)\b.*|and)$", re.I)
# a time before the holder: "Last year a bigger firm took a stake"
_WHEN_FIRST = re.compile(r"^(?:(?:last|this|earlier\s+this|(?:back\s+)?in)\s+(?:year|month|"
                         r"spring|summer|autumn|winter|(?:19|20)\d\d)|recently|then|since\s+then|"
                         r"(?:some|a\s+few|two|three|\d+)\s+(?:years|months)\s+(?:ago|back)),?\s+",
                         re.I)


# "the two technicians", "3 engineers": people counted, unless they are companies
_PEOPLE_COUNTED = re.compile(r"^(?:the\s+|our\s+)?(?:\d+|two|three|four|five|both)\s+"
                             r"(?:[a-z-]+\s+)?[a-z-]+(?<!s)s\b", re.I)


# a person named by who they are to the owner, last in the label: "a university friend"
_KNOWN_PERSON = re.compile(rf"\b{_KNOWN_PEOPLE}\s*$", re.I)


def _holder_kind(label: str, phrase: str) -> HolderKind:
    # what follows ", no outside investors, no council stake" names nobody who holds
    phrase = re.split(r"(?:[,;]|\s[-–])\s*(?:and\s+)?(?:no|not|never|nothing)\b", phrase,
                      maxsplit=1)[0]
    if _KNOWN_PERSON.search(label) and not re.search(r"\b(?:business|trading)\s+partners?\s*$|"
                                                     r"\bpartner\s+(?:company|firm)", label,
                                                     re.I):
        return "individual"
    if _PEOPLE_COUNTED.match(label) and not any(
            pattern.search(label) for kind, pattern in _HOLDER_KINDS if kind != "individual"):
        return "individual"
    for text in (label, phrase):
        for kind, pattern in _HOLDER_KINDS:
            if pattern.search(text):
                return kind
    if re.fullmatch(r"\s*(?:my|his|her)\s+(?:[\w-]+\s+)?[a-z-]+\s*", label, re.I):
        return "individual"  # "my old schoolfriend", "her godfather": a person the speaker knows
    if _A_PERSONS_NAME.fullmatch(label.strip()) and not _A_TRADING_NAME.search(label):
        return "individual"  # "John Smith 40%, Jane Smith 60%": people, by name
    return "unknown"


# a name and a surname, or initials and a surname: "Priya Shah", "J. R. Hartley"
_A_PERSONS_NAME = re.compile(r"(?:[A-Z][a-z]{1,11}|[A-Z]\.?)(?:\s+(?:[A-Z][a-z]{1,11}|[A-Z]\.?))?"
                             r"\s+(?:Mc|Mac|O')?[A-Z][a-z'-]{1,20}")
# ... but not a business's name without its "Ltd": "Acme Metals", "Delta Precision"
_A_TRADING_NAME = re.compile(
    r"\b(?:engineering|industries|industrial|technolog(?:y|ies)|systems|services|solutions|"
    r"products|components|motors|foods|properties|estates|associates|international|global|uk|"
    r"europe|capital|partners|ventures|investments|trust|labs?|works|tools|metals|plastics|"
    r"electronics|logistics|packaging|precision|manufacturing|design|media|digital|software|"
    r"energy|trading|supplies|equipment|developments|construction|automation|foundation|"
    r"pension|sipp|nominees?|bank)\b", re.I)


def _kind_named_before(msg: Message, label: str, start: int) -> HolderKind:
    """The kind of a holder named again by its noun alone: "the trust" after "an NHS trust",
    "the council" after "the city council"."""
    kind = _holder_kind(label, label)
    noun = re.fullmatch(r"(?:(?:and|but|while)\s+)?(?:the|this|that)\s+([a-z-]+)", label.strip(),
                        re.I)
    if noun is None or kind not in ("unknown", "investor", "individual", "enterprise"):
        return kind
    for earlier in re.finditer(rf"((?:[\w&-]+\s+){{1,2}}){re.escape(noun[1])}\b",
                               msg.text[:start], re.I):
        named = _holder_kind(earlier[0], earlier[0])
        if named in ("public_body", "university"):
            kind = named
    return kind


# "another company - Brightline Holdings", "Our parent, Apex Aero Holdings,": a noun for a kind
# of holder, then the holder's name
_NOUN_THEN_NAME = re.compile(
    r"^\s*(?:(?:an?|the|our|my|its|their)\s+)?(?:other\s+|another\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:parent|company|firm|group|business|investor|shareholder|owner|customer|supplier)"
    r"\s*(?:,|\s[-–—]|:)\s*(?=(?-i:[A-Z])[\w&'.-]*[a-z])", re.I)


def _holder_label(phrase: str) -> str:
    phrase = re.sub(r"^\s*(?:and|but|while|plus|whereas)\s+", "", phrase, flags=re.I)
    # "our shareholders are the 2 founders": the founders
    phrase = re.sub(r"^\s*(?:our|the|its)\s+(?:shareholders|owners|members)\s+(?:are|were)\s+",
                    "", phrase, flags=re.I)
    # "Oldbury Labels Ltd, which I own 100%": the holder is the one who owns, after "which"
    phrase = re.sub(r"^\s*(?:which|that|whom)\s+(?=(?:i|we|my|our|me)\b)", "", phrase, flags=re.I)
    # "Being the Midlands plant of an Italian group (which owns us)": the group
    phrase = _AS_PART_OF.sub("", phrase)
    phrase = _NOUN_THEN_NAME.sub("", phrase)
    end = _HOLDER_LABEL_END.search(phrase)
    return (phrase[:end.start()] if end else phrase).strip(" ,-")


def read_holdings(msg: Message) -> list[Holding]:
    found: list[Found[Holding]] = _sister_companies(msg)
    for match in _OWNED_BY.finditer(msg.text):
        if holding := _owned_by(msg, match):
            found += [holding, *_more_owned_by(msg, holding.end)]
    for match in _HOLDS.finditer(msg.text):
        if not msg.claimed(*match.span()) and (holding := _holds(msg, match)):
            found.append(holding)
    for match in _FAMILY_OWNED.finditer(msg.text):
        if _ANOTHER_SUBJECT.match(msg.text, msg.sentence(match.start())[0], match.start()) \
                or _ITSELF.search(msg.text, max(0, match.start() - 25), match.start()):
            # "they're a family-owned group", "... it is itself owned by a family": a
            # holder named before, not us
            continue
        if not msg.claimed(*match.span()):
            msg.claim(*match.span())
            found.append(Found(match.start(), match.end(), Holding(
                share_percent=_share(match) or 100, holder=match["who"].lower(),
                holder_kind="individual")))
    found += _split_shares(msg)
    found += _listed_holders(msg, bool(found or _OWNERSHIP_WORDS.search(msg.text)))
    found += _public_stakes(msg)
    return [each for f in sorted(found, key=lambda f: f.start)
            for each in _each_holds(_named_after_any_lead(_their_figures(msg, f)))]


# "Walsall Council and Dudley Council each own 15%", "both the council and the NHS trust hold
# 10%": the share is each one's
_EACH = re.compile(r"^(?:(?P<lead>both|each\s+of)\s+)?(?P<first>.+?)\s+(?:and|&)\s+"
                   r"(?P<second>.+?)(?P<each>\s+each|\s+both)?$", re.I)


def _each_holds(holding: Holding) -> list[Holding]:
    each = _EACH.match(holding.holder)
    if each is None or not (each["lead"] or each["each"]) or holding.share_percent is None:
        return [holding]
    split = []
    for name in (each["first"], each["second"]):
        kind = _holder_kind(name, name)
        split.append(holding.model_copy(update={
            "holder": name.strip(), "holder_kind": holding.holder_kind if kind == "unknown"
            else kind}))
    return split


def _named_after_any_lead(holding: Holding) -> Holding:
    """The holder without a lead-in that ends in a colon ("In reply: a fund holds 30%")."""
    _, colon, name = holding.holder.rpartition(": ")
    return holding.model_copy(update={"holder": name}) if colon and name.strip() else holding


# One owner of two businesses: "my husband owns both firms", "both owned by my family"
_COMMON_OWNER = re.compile(
    r"\b(?:i|we|my\s+(?:family|wife|husband|partner|brother|sister)|the\s+(?:same\s+)?owners?)\s+"
    r"(?:also\s+)?(?:own|owns|control|controls|run|runs)\s+(?:100\s*%\s+of\s+|all\s+of\s+)?"
    r"(?:both|2|two)\s+(?:separate\s+|different\s+|limited\s+)?(?:companies|businesses|firms)\b|"
    r"\b(?:both|2|two)\s+(?:companies|businesses|firms)\s+(?:are\s+)?(?:wholly\s+|fully\s+)?"
    r"owned\s+by\s+(?:me|us|my|our|the\s+same)\b|\bsame\s+owners?\b|"
    # "we're joint owners of both firms"
    r"\b(?:i'm|i\s+am|we're|we\s+are)\s+(?:the\s+)?(?:sole\s+|only\s+|joint\s+)?(?:owners?|"
    r"shareholders?)\s+of\s+(?:both|2|two)\s+(?:separate\s+|different\s+|limited\s+)?"
    r"(?:companies|businesses|firms)\b", re.I)
# The other business of that owner: "a sister foundry in Redditch", "the other one",
# "our other company"
_SISTER = re.compile(
    # not a sibling: "my sister and I both work in it"
    r"\b(?:an?|our|the|(?<!\band\s)(?<!&\s)my)\s+sister\s+(?!(?:as|and|who|is|are|was|were|works?|"
    r"helps?|does|did|has|have|had|runs?|owns?|also|too|both|now|then|here|there|still|"
    r"currently|since|today)\b)(?:[\w-]+\s+){0,3}?[\w-]+"
    r"(?=\s+(?:in|at|near|with|based|that|which|who|employing|turning|has|had|is)\b|\s*[,;(.:-]|$)|"
    r"\b(?:our|my)\s+other\s+(?:[\w-]+\s+){0,2}?(?:company|firm|business)\b|"
    # "I also own a fabrication company next door"
    # ("my son and I also run a second firm ...", "... my wife also owns one")
    r"(?:(?<=\bi\s)|(?<=\bwe\s)|(?<=\bbrother\s)|(?<=\bsister\s)|(?<=\bwife\s)|"
    r"(?<=\bhusband\s)|(?<=\bpartner\s)|(?<=\bdad\s)|(?<=\bfather\s)|(?<=\bmum\s)|"
    r"(?<=\bmother\s)|(?<=\bson\s)|(?<=\bdaughter\s)|(?<=\bcousin\s)|"
    # "the founders also run ...", "both directors also run ..."
    r"(?<=\bbrothers\s)|(?<=\bsisters\s)|(?<=\bowners\s)|(?<=\bdirectors\s)|"
    r"(?<=\bpartners\s)|(?<=\bshareholders\s)|(?<=\bfounders\s))"
    r"(?:also\s+(?:jointly\s+)?(?:own|run)|(?:jointly\s+)?own\s+"
    r"(?=another\b))\s+(?:all\s+of\s+|100\s*%\s+of\s+)?(?:an?\s+|another\s+|a\s+second\s+)?"
    r"(?:[\w-]+\s+){0,3}?(?:company|firm|business)\b|"
    # "the founder owns us outright; she also owns a controlling interest in a sister foundry"
    r"(?:(?<=\bhe\s)|(?<=\bshe\s)|(?<=\bmd\s)|(?<=\bdirector\s)|(?<=\bowner\s)|"
    r"(?<=\bfounder\s)|(?<=\bchairman\s)|(?<=\bproprietor\s))"
    r"(?:also\s+owns\s+(?:a\s+(?:majority|controlling)\s+(?:stake|share|shareholding|interest)\s+"
    r"in\s+(?:an?\s+|another\s+)?|another\s+|(?:100\s*%|all)\s+of\s+(?:an?\s+|another\s+))|"
    # "our MD also owns all of a sister company", "the owner has another firm"
    r"(?:also\s+)?(?:owns|has|runs|controls)\s+(?:(?:100\s*%|all)\s+of\s+)?(?:another|a\s+second|"
    r"a\s+separate|an?\s+sister)\s+)"
    r"(?:[\w-]+\s+){0,3}?(?:company|firm|business)\b", re.I)
_THE_OTHER = re.compile(r"\bthe\s+other\s+(?:one|1|company|firm|business)\b|"
                        # "Company A does ..., Company B does ...": the second of the two
                        r"\b(?:company|firm|business)\s+(?:b|2)\b|\bthe\s+second\s+(?:one|1|"
                        r"company|firm|business)\b", re.I)
# The owner's control of another business, told after their share of this one: "Ms Khan holds
# all of us and also all of Khan Pressings Ltd"
_OWNER_ALSO = re.compile(
    r"\b(?:owns?|holds?)\s+(?:100\s*%|all|(?:5[1-9]|[6-9]\d)\s*%)\s+of\s+(?:the\s+company|the\s+"
    r"business|the\s+firm|us|it)\s*,?\s+(?:and\s+)?(?:also|as\s+well\s+as)\s+(?:owns?\s+|holds?\s+)?"
    r"(?:100\s*%|all|(?:5[1-9]|[6-9]\d)\s*%)\s+of\s+(?P<other>(?-i:[A-Z][\w&'-]*)(?:\s+(?-i:[A-Z&][\w&'-]*)){0,5}"
    r"|(?:another|a\s+second|a\s+separate)\s+(?:[\w-]+\s+){0,3}?(?:company|firm|business))", re.I)


def _sister_companies(msg: Message) -> list[Found[Holding]]:
    """Another business owned by the same owner as this one ("we run two firms, both mine ...
    the other one has 190 staff"; "a sister company with 215 staff"): linked, so counted in
    full (the EU definition, for an owner who controls both in the same market), as a holding
    of 100%. The business's own figures are then the ones left."""
    common = list(_COMMON_OWNER.finditer(msg.text))
    for match in common:
        msg.claim(*match.span())  # not "we own both firms" as one holding
    found: list[Found[Holding]] = []
    others = list(_SISTER.finditer(msg.text))
    if common:
        others += list(_THE_OTHER.finditer(msg.text))
    for also in _OWNER_ALSO.finditer(msg.text):
        start = also.start("other")
        end = _holder_end(msg, also.end())
        if again := _SELF_AGAIN.search(msg.text, also.end(), end):
            end = again.start()
        holding = _holding(msg, start, end, 100.0, "we_own")
        if holding is not None:
            msg.claim(start, end)
            found.append(Found(start, end, holding.model_copy(update={
                "holder_kind": "enterprise", "same_owner": True})))
    for match in sorted(others, key=lambda m: m.start()):
        if msg.claimed(*match.span()) or _SHARE_OF_IT.search(msg.text, 0, match.start()):
            continue  # "we hold 70% of a sister firm": a holding with its share, read so
        end = _holder_end(msg, match.end())
        if again := _SELF_AGAIN.search(msg.text, match.end(), end):
            end = again.start()
        holding = _holding(msg, match.start(), end, 100.0, "we_own")
        if holding is None:
            continue
        msg.claim(match.start(), end)
        holder = re.sub(r"\bother 1\b", "other one", holding.holder)
        holder = _SISTER_LABEL_END.sub("", _OWNS_TOO.sub("", holder)) or holder
        found.append(Found(match.start(), end, holding.model_copy(update={
            "holder_kind": "enterprise", "same_owner": True, "holder": holder})))
    return found


# a share of the other business told just before it: "we hold 70% of a sister firm"
_SHARE_OF_IT = re.compile(r"\b(?:owns?|holds?|have|has)\s+(?:a\s+)?\d+(?:\.\d+)?\s*(?:%|per\s*cent)"
                          r"(?:\s+stake)?\s+(?:of|in)\s+$", re.I)


# the words around the other business's name: "also own a bakery next door", "Company B does"
_OWNS_TOO = re.compile(r"^(?:(?:also\s+)?(?:jointly\s+)?(?:owns?|runs?|has|controls)|"
                       r"(?:jointly\s+)?own)\s+"
                       r"(?:all\s+of\s+|100\s*%\s+of\s+|(?:a\s+)?(?:majority|controlling)\s+"
                       r"(?:stake|share|shareholding|interest)\s+in\s+)?", re.I)
_SISTER_LABEL_END = re.compile(r"\s+(?:does|do|makes|make|is|has|which|that|who|employs)\b.*$|"
                               r"\s+[-–—].*$", re.I)


_CLAUSE_JOIN = re.compile(r"\s*(?:[,;]|\band\b|\bbut\b)\s*", re.I)
_NO_ONE = re.compile(r"(?:no|none\s+of|neither|nor|not\s+(?:a|any|one)|never\s+(?:a|any))\b",
                     re.I)


_SPLIT_BETWEEN = re.compile(
    r"\b(?:shares?|shareholding|ownership|equity|company|business)\s+(?:is|are|was|were)\s+"
    r"(?:\w+\s+)?(?:split|shared|divided|held)\s+(?:\w+\s+)?(?:between|among|amongst)\s+"
    r"(?P<holders>[^.;!?]{3,100})", re.I)


def _public_stakes(msg: Message) -> list[Found[Holding]]:
    """A public body's stake told without its size ("the county council has a holding", "we're
    partly owned by the county council"): a holding whose share is to be asked, since a public
    share of 25% or more decides eligibility on its own."""
    found: list[Found[Holding]] = []
    for match in _A_STAKE.finditer(msg.text):
        if msg.claimed(*match.span()):
            continue
        start = _subject_start(msg, match.start())
        holder = _holder_label(msg.text[start:match.start()].strip())
        clauses = _CLAUSE_JOIN.split(holder)
        if _NO_ONE.match(holder) or (_NO_ONE.match(clauses[-1]) and not _PUBLIC.search(
                " ".join(clauses[:-1]))):
            # "neither the council nor a bank has shares", "solvent, and not one public body
            # holds any shares": a denial
            msg.claim(start, match.end())
            continue
        public = _PUBLIC.search(holder)
        if public is not None:  # "the borough council invested when ... and": the council
            holder = _WHEN_FIRST.sub("", holder[:public.end()]) or holder[:public.end()]
            msg.claim(start, match.end())
            found.append(Found(start, match.end(), Holding(
                share_percent=None, holder=holder, holder_kind="public_body")))
        elif holder and (kind := _holder_kind(holder, holder)) in _COUNTED_KINDS:
            # "a far larger group bought into us": a partner or a linked enterprise, by a
            # share not given, so its size is asked for rather than left out
            holder = _WHEN_FIRST.sub("", holder)
            holder = lowered_article(holder)
            # "a steel company bought into us and took a stake": the company
            holder = _HOLDER_ACTS.sub("", holder).strip(" ,") or holder
            holder = re.sub(r"^1(?=\s+of\b)", "one", holder)  # numbers are read as digits
            msg.claim(start, match.end())
            found.append(Found(start, match.end(), Holding(
                share_percent=None, holder=holder, holder_kind=kind)))
    for match in _SPLIT_BETWEEN.finditer(msg.text):
        # "the equity is shared among the two directors and the county council": a public body's
        # stake whose size is not told
        if msg.claimed(*match.span()) or PERCENT.search(match[0]):
            continue
        part = next((p for p in re.split(r",|\band\b|&", match["holders"], flags=re.I)
                     if _PUBLIC.search(p)), None)
        if part is not None:
            msg.claim(*match.span())
            found.append(Found(match.start(), match.end(), Holding(
                share_percent=None, holder=_holder_label(part.strip()) or part.strip(),
                holder_kind="public_body")))
    for match in _BODY_OWNED.finditer(msg.text):
        # "we're a council-owned company": a public body's stake, its size to be asked
        if not msg.claimed(*match.span()) and not _DENIED.search(
                msg.text, max(0, match.start() - 30), match.start()):
            msg.claim(*match.span())
            found.append(Found(match.start(), match.end(), Holding(
                share_percent=100.0 if match["whole"] else None, holder=match["body"],
                holder_kind="public_body")))
    for match in _PARTLY_OWNED_BY.finditer(msg.text):
        holder = _holder_label(msg.text[match.end():_holder_end(msg, match.end())])
        end = match.end() + len(holder)
        kind = _holder_kind(holder, holder) if holder else "unknown"
        if holder and not msg.claimed(match.start(), end) and \
                (kind == "public_body" or kind in _COUNTED_KINDS):
            msg.claim(match.start(), end)
            found.append(Found(match.start(), end, Holding(
                share_percent=None, holder=holder, holder_kind=kind)))
    return found


# a public body named before "-owned": "a council-owned company", "wholly council-owned"
_BODY_OWNED = re.compile(
    r"(?P<whole>\b(?:wholly|fully|entirely|100%)[\s-]+)?\b(?P<body>(?:(?:city|county|district|"
    r"borough|local|town|parish)\s+)?council|local[\s-]+authority|government|state|nhs)"
    r"[\s-]+owned\b", re.I)
# "30% split between two engineers": a share held by several people or bodies together
_SPLIT_SHARE = re.compile(
    rf"{_SHARE}\s+(?:is\s+|are\s+)?(?:split|shared|divided|spread)\s+(?:equally\s+)?"
    r"(?:between|among|amongst)\s+(?P<holder>[^.;,]{2,60})", re.I)


def _split_shares(msg: Message) -> list[Found[Holding]]:
    found = []
    for match in _SPLIT_SHARE.finditer(msg.text):
        share = _share(match)
        if share is None or msg.claimed(*match.span()):
            continue
        holder = _holder_label(match["holder"])
        msg.claim(*match.span())
        found.append(Found(match.start(), match.end(), Holding(
            share_percent=share, holder=holder, holder_kind=_holder_kind(holder, holder))))
    return found


# "it's 70% owned by ...", "we're 90% held by ...": the business itself, its share told by who
# holds it
_SPEAKING_OF_US = re.compile(r"(?:it|it's|it’s|it\s+is|we|we're|we’re|we\s+are|this|that's|"
                             r"that|which|who|the\s+(?:company|business|firm))", re.I)
_SHARE_OWNED_BY = re.compile(r"\s*(?:[\w-]+\s+)?(?:owned|held|controlled)\s+by\b", re.I)


# a share of something else than the company: "paid a 20% deposit", "a 15% discount"
_NOT_A_STAKE = re.compile(
    r"\s*(?:deposit|discount|off|increase|rise|drop|fall|cut|growth|margin|uplift|rebate|"
    r"commission|mark-?up|interest|tax|vat|rate|grant|contribution|up-?front|down\s+payment|"
    r"more|less|faster|cheaper|better|of\s+(?:the\s+)?(?:cost|price|sales|turnover|time))\b",
    re.I)
# "paid a 20%": a holder's name does not end with an article
_ARTICLE_LAST = re.compile(r"\b(?:a|an|the)$", re.I)


# "of" inside a name: "City of Wolverhampton Council", "Bank of Ireland"
_NAME_OF = re.compile(r"\b((?-i:[A-Z])[\w'-]*)\s+of\s+(?=(?-i:[A-Z]))")


def _listed_holders(msg: Message, about_ownership: bool) -> list[Found[Holding]]:
    """Holders listed by name and share, in a message that speaks of who owns the business
    (`about_ownership`) or whose listed shares make up the whole of it ("md 55% + a
    distributor 45%")."""
    found: list[Found[Holding]] = []
    for match in _LISTED_HOLDER.finditer(msg.text):
        start, end = match.start("holder"), match.end()
        label = re.sub(r"^(?:and|or|plus|with|while)\b\s*", "", match["holder"].strip(), flags=re.I)
        if not label:
            continue
        share = _share(match)
        if (share is None or share > 100 or msg.claimed(start, end)
                or _NOT_A_HOLDER.search(_NAME_OF.sub(r"\1 ", label))
                or _SPEAKING_OF_US.fullmatch(label)
                or _SHARE_OWNED_BY.match(msg.text, end) or _NOT_A_STAKE.match(msg.text, end)
                or _ARTICLE_LAST.search(label)):
            continue
        holding = Holding(share_percent=share, holder=label,
                          holder_kind=_kind_named_before(msg, label, start))
        # its own figures in brackets after it: "a distributor 45% (70 staff, £8m)"
        if (brackets := _BRACKETS.match(msg.text, end)) and \
                (figures := _holding(msg, brackets.start(1), brackets.end(1), share,
                                     "owns_us")) is not None:
            holding = holding.model_copy(update={
                "employees": figures.employees, "turnover": figures.turnover,
                "balance_sheet": figures.balance_sheet})
            end = brackets.end()
        found.append(Found(start, end, holding))
    if not about_ownership and abs(sum(f.value.share_percent or 0 for f in found) - 100) > 1:
        return []
    for item in found:
        msg.claim(item.start, item.end)
    return found


def _their_figures(msg: Message, found: Found[Holding]) -> Holding:
    """A holder's own staff and turnover, told in the words that follow and refer back to
    it: "A supplier owns 35%, with 70 employees and £9m sales", "A Dutch group holds
    55% of us. It has 2,400 staff and revenue of €500m"."""
    holding = found.value
    if holding.holder_kind == "individual" or (holding.employees is not None
                                               and holding.turnover is not None):
        return holding
    sentence_end = msg.sentence(found.start)[1]
    if holding.holder_kind == "enterprise" and \
            _NOTHING_OF_ITS_OWN.search(msg.text, found.start, sentence_end):
        # "owned by X Holdings Ltd, which is dormant", "a holdco with no staff and no
        # turnover": nothing of its own to add
        return holding.model_copy(update={"employees": 0.0, "turnover": Money(amount=0)})
    # (named again by its name or its kind, it may be a sentence later: "X holds 30%; our MD
    # holds the rest. X has 120 staff", "... The wider group employs 900")
    after_next = msg.sentence(min(sentence_end + 1, len(msg.text)))[1] + 1
    # its company name beside its kind: "a key supplier, Marlow Ltd, holds 20%"
    named = _NAME_BESIDE.search(msg.text, found.start, found.end)
    names = [holding.holder, *([named["name"]] if named else [])]
    for start in (found.end, sentence_end + 1, after_next):
        if start >= len(msg.text):
            break
        if start == after_next:
            refer = (_named_again(msg.text, start, *names) or
                     _KIND_NAMED.match(msg.text, start)) \
                if after_next > sentence_end + 1 else None
        else:
            refer = _REFERS_BACK.match(msg.text, start) or (
                _AND_HAS.match(msg.text, start) if start == found.end else None) or (
                _KIND_AGAIN.search(msg.text, start, msg.sentence(start)[1])
                if start == found.end else None) or \
                _named_again(msg.text, start, *names) or (
                _told_of_it(msg, start) if start > found.end else None)
        if not refer and start > found.end:
            # "... owns 30% of us. We have 28 staff; they have 50": "they" after the business's
            # own words can only be the holder
            refer = _they_after_ours(msg, found.end, start)
        if not refer:
            continue
        end = msg.sentence(refer.end())[1]
        if again := _SELF_AGAIN.search(msg.text, refer.end(), end):
            end = again.start()
        # "The parent has no payroll, and it holds our sister works too (6 staff)": the
        # sister firm, read already, is not the holder's figures
        end = msg.unclaimed_until(refer.end(), end)
        other = _holding(msg, refer.end(), end, holding.share_percent,
                         holding.direction)
        if other is None or (other.employees is None and other.turnover is None
                             and other.balance_sheet is None):
            continue
        msg.claim(refer.start(), end)
        return holding.model_copy(update={
            "employees": holding.employees if holding.employees is not None
            else other.employees,
            "turnover": holding.turnover or other.turnover,
            "balance_sheet": holding.balance_sheet or other.balance_sheet})
    return holding


_AS_PART_OF = re.compile(
    r"^\s*(?:as|we\s+are|we're|being|i\s+run|i\s+manage)\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:arm|subsidiary|division|branch|offshoot|part|member|plant|site|factory|business)\s+of\s+",
    re.I)
# the holder named again by its kind, later in the sentence: "... and the group has 3,200 staff"
_KIND_AGAIN = re.compile(
    r"\b(?:and\s+|while\s+|but\s+|whereas\s+)?(?:the|that|this)\s+(?:whole\s+)?(?:group|parent|"
    r"parent\s+company|owner)(?=\s+(?:has|had|employs|employed|turns\s+over|made|makes)\b)", re.I)
# the holder named by its kind at the start of a sentence: "The wider group employs ..."
_KIND_NAMED = re.compile(
    r"\s*(?:the|that|this)\s+(?:[\w-]+\s+){0,2}?(?:group|parent|parent\s+company|owner|"
    r"holding\s+company|holdco)\b(?!\s+(?:own|owns|hold|holds)\b)", re.I)
_NOTHING_OF_ITS_OWN = re.compile(
    r"\b(?:(?:has|with)\s+no\s+(?:staff|employees|payroll|workforce)\b[^.;!?]{0,30}?\b(?:no\s+|or\s+)"
    r"(?:trading|turnover|sales|revenue|trade)|no\s+staff\s*,?\s*(?:and\s+)?no\s+(?:trading|"
    r"turnover|sales|revenue)|dormant|(?:a\s+)?(?:pure\s+)?holding\s+company\s+only|"
    r"non-?trading\s+(?:holding\s+)?company|(?:does\s+not|doesn't)\s+trade)\b", re.I)


def _told_of_it(msg: Message, start: int) -> re.Match[str] | None:
    """The next sentence as the holder's, when it points back to it with "its" or "their"
    and says nothing of the business's own ("Roughly 25 people; I can't say what its sales
    are")."""
    lo, hi = msg.sentence(start)
    sentence = msg.text[lo:hi]
    if not _ITS.search(sentence) or _OURS.search(sentence):
        return None
    return re.compile(r"\s*").match(msg.text, start)


def _they_after_ours(msg: Message, after: int, start: int) -> re.Match[str] | None:
    """ "they have ..." in the sentence at `start`, opening it or a clause of it, when all
    that is said between the holder and it is of the business itself ("we", "our") and
    names no one else."""
    lo, hi = msg.sentence(start)
    they = _THEY_HAVE.search(msg.text, lo, hi)
    if they is None:
        return None
    between = msg.text[after:they.start()]
    if not _OURS.search(between) or _SOMEONE_ELSE.search(between):
        return None
    return they


# "they have", "their figures are", opening a sentence or a clause
_THEY_HAVE = re.compile(r"(?:^|(?<=[.;:!?])\s*|\s[-–]\s+|,\s*(?:and|but|while|whereas)\s+|"
                        r"\s(?:and|but|while|whereas)\s+)(?:they|their\s+(?:side|figures|"
                        r"numbers))\s+(?:have|has|had|employ|employs|are|turn\s+over|made|make|"
                        r"do|did)\b", re.I)
# another party named between: "we sell to Tesco; they have 300,000 staff"
_SOMEONE_ELSE = re.compile(r"\b(?:customers?|clients?|suppliers?|buyers?|competitors?|sell\w*\s+to|"
                           r"suppl(?:y|ies|ying)|work\s+for|deliver\w*\s+to|buy\w*\s+from|"
                           r"(?-i:[A-Z][a-z]+\s+(?:Ltd|Limited|plc|Group|Holdings)))\b", re.I)
_ITS = re.compile(r"\b(?:its|their)\b", re.I)
_OURS = re.compile(r"\b(?:we|we're|we've|our|ours|us|here)\b", re.I)


# a company's name in commas or brackets beside the words for it: ", Marlow Ltd,"
_NAME_BESIDE = re.compile(r"[,(]\s*(?P<name>(?-i:[A-Z])[\w&'-]+(?:\s+(?-i:[A-Z])[\w&'-]+){0,3}?)"
                          r"(?:\s+(?:Ltd|Limited|plc|LLP|GmbH|BV|Inc|SA|AG))?\.?\s*[,)]", re.I)


def _named_again(text: str, start: int, *holders: str) -> re.Match[str] | None:
    """The holder named again by its first word with a possessive: "Hallam's accounts show
    ..." after "Hallam Industrial Holdings holds 45%"; the first of its names that is."""
    for holder in holders:
        if (match := _named_again_as(text, start, holder)) is not None:
            return match
    return None


def _named_again_as(text: str, start: int, holder: str) -> re.Match[str] | None:
    first = re.match(r"(?-i:[A-Z])[\w&-]{2,}", holder.strip())
    if first is None or first[0].lower() in {"the", "our", "my", "another", "one"}:
        return None
    # or by that word as the subject of its figures: "; Brennan has 80 staff"
    return re.compile(rf"[\s;,]*(?:{re.escape(first[0])}(?:'s|’s)\s+(?:[\w-]+\s+){{0,2}}?"
                      r"(?:accounts|figures|group|staff|headcount|turnover|books)?|"
                      rf"(?:and\s+)?{re.escape(first[0])}(?=\s+(?:itself\s+)?(?:has|had|employs|"
                      r"employed|turns\s+over|turned\s+over)\b))",
                      re.I).match(text, start)


# a business named as the subject of its figures: "Brightline has 60 staff", "Apex Tools
# employs 140" (not the business itself, nor a pronoun, which `_REFERS_BACK` reads)
_NAMED_SUBJECT = re.compile(
    r"\s*(?!(?:we|i|our|my|the|it|they|this|that|there|he|she|us)\b)"
    r"(?-i:[A-Z][\w&'-]+)(?:\s+(?-i:[A-Z][\w&'-]+)){0,2}"
    r"(?=\s+(?:itself\s+)?(?:has|had|employs|employed|turns\s+over|turned\s+over)\b)", re.I)


def read_referred_figures(msg: Message) -> Holding | None:
    """The figures a message gives for a holder named before, referring back to it ("It
    employs about 700 and sells £95m a year", or by a name: "Apex has 140 staff"); None when
    it refers to no one or gives none."""
    refer = _REFERS_BACK.match(msg.text)
    if refer is None or not refer.group(0).strip():
        refer = _NAMED_SUBJECT.match(msg.text)
    if refer is None or not refer.group(0).strip():
        return None
    other = _holding(msg, refer.end(), len(msg.text), 0, "owns_us")
    if other is None or (other.employees is None and other.turnover is None
                         and other.balance_sheet is None):
        return None
    return other


_FRACTIONS = {"a quarter": 25.0, "one quarter": 25.0, "a third": 100 / 3, "one third": 100 / 3,
              "half": 50.0, "a half": 50.0, "two thirds": 200 / 3, "three quarters": 75.0}
_LONE_SHARE = re.compile(
    rf"{NUM_START}(?P<n>{NUM})\s*(?:%|per\s*cent\b|percent\b)|"
    r"\b(?P<fraction>a\s+quarter|one\s+quarter|a\s+third|one\s+third|a\s+half|half|"
    r"two\s+thirds|three\s+quarters)\b", re.I)


# a share given as the least it may be
_AT_LEAST = re.compile(r"\b(?:(?:could|may|might)\s+(?:well\s+)?be\s+(?:more|higher|bigger)|"
                       r"(?:or|maybe|possibly|probably|perhaps)\s+(?:even\s+)?(?:more|higher)|"
                       r"at\s+least|if\s+not\s+more|upwards\s+of|no\s+less\s+than)\b", re.I)


def read_stated_share(msg: Message) -> float | None:
    """The one share a reply gives, for a holding named before without its size ("roughly a
    fifth, 20%", "they hold 30 per cent"); the figure wins over a fraction word. None when
    it gives no share or several, or only the least it may be ("20% at least, I think")."""
    if _AT_LEAST.search(msg.text):
        return None
    found = list(_LONE_SHARE.finditer(msg.text))
    figures = {to_float(m["n"]) for m in found if m["n"]}
    if len(figures) == 1:
        share = figures.pop()
        return share if share <= 100 else None
    fractions = {_FRACTIONS[" ".join(m["fraction"].lower().split())] for m in found
                 if m["fraction"]}
    return fractions.pop() if not figures and len(fractions) == 1 else None


def _share(match: re.Match[str]) -> float | None:
    if match.groupdict().get("all"):  # "Acme Holdings owns all of it"
        return 100.0
    if match["share"]:
        return to_float(match["share"])
    return 50.0 if match["half"] else None


def _owned_by(msg: Message, match: re.Match[str]) -> Found[Holding] | None:
    """ "60% owned by a 1,000-person group", "we are owned by two directors"."""
    if match["partly"] or (match["subsidiary"] and not match["whole"]):
        return None
    if _DENIED.search(msg.text, max(0, match.start() - 30), match.start()):
        msg.claim(match.start(), min(_holder_end(msg, match.end()),
                                     msg.clause(match.end())[1]))
        return None  # "nothing held by any council", "no shares owned by a public body"
    share = _share(match)
    if share is None:
        sentence_start = msg.sentence(match.start())[0]
        if _THE_REST.search(msg.text, msg.clause(match.start())[0], match.start()):
            return None  # "the remainder sits with my partner": a share not given
        if not match["whole"] and not _SELF_SUBJECT.search(msg.text, sentence_start,
                                                           match.start()) and \
                not (_IT_OPENS.match(msg.text, sentence_start) and
                     not msg.after_another_business(sentence_start)):
            return None
        share = 100.0
    end = _holder_end(msg, match.end())
    holding = _holding(msg, match.end(), end, share, "owns_us")
    if holding is None:
        return None
    msg.claim(match.start(), _claimed_end(msg, match.end(), end, holding))
    return Found(match.start(), end, holding)


# the next holder in the same phrase: "60% owned by the family and 40% by a supplier"
_AND_SHARE_BY = re.compile(
    rf"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)(?:the\s+(?:other|remaining)\s+)?{_SHARE}\s+"
    r"(?:is\s+|are\s+)?(?:owned\s+|held\s+)?by\s+", re.I)


def _more_owned_by(msg: Message, end: int) -> list[Found[Holding]]:
    found: list[Found[Holding]] = []
    while (more := _AND_SHARE_BY.match(msg.text, end)) and not msg.claimed(*more.span()):
        share = _share(more)
        stop = _holder_end(msg, more.end())
        holding = _holding(msg, more.end(), stop, share, "owns_us") if share else None
        if holding is None:
            break
        # the holder's name alone: what follows it is the business's own ("... and 55% by the
        # two directors, with 14 staff"), unless it is in brackets right after the name
        holding = holding.model_copy(update={"employees": None, "employees_approx": False,
                                             "turnover": None, "balance_sheet": None})
        stop = _claimed_end(msg, more.end(), stop, holding)
        if (brackets := _BRACKETS.match(msg.text, stop)) and (figures := _holding(
                msg, brackets.start(1), brackets.end(1), share, "owns_us")) is not None:
            holding = holding.model_copy(update={
                "employees": figures.employees, "turnover": figures.turnover,
                "balance_sheet": figures.balance_sheet})
            stop = brackets.end()
        msg.claim(more.start(), stop)
        found.append(Found(more.start(), stop, holding))
        end = stop
    return found


# a holding said not to be: "nothing held by", "none of it owned by", "not owned by"
_DENIED = re.compile(r"\b(?:nothing|none(?:\s+of\s+(?:it|us|the\s+shares))?|no\s+(?:part|shares?|"
                     r"stake|equity)|not|never|isn't|aren't)\s+(?:\w+\s+)?$", re.I)
# "It's owned by the two partners": the business, opening the sentence
_IT_OPENS = re.compile(r"\W*(?:it's|it\s+is|its)\s+(?:\w+\s+)?owned\b", re.I)
_THE_REST = re.compile(r"\b(?:the\s+(?:rest|remainder|balance|remaining|other\s+shares)|"
                       r"what'?s\s+left|whatever\s+is\s+left)\b", re.I)


def _claimed_end(msg: Message, start: int, end: int, holding: Holding) -> int:
    """Where the words read for a holding end: the holder's name alone when no figures of
    its own follow ("owned by my aunt, in business since 2003" leaves the years to be read),
    else the whole phrase."""
    if holding.employees is not None or holding.turnover is not None or \
            holding.balance_sheet is not None:
        return end
    label = msg.text.find(holding.holder, start, end)
    return label + len(holding.holder) if label >= 0 else end


# "holds 25% in return for its IP": "in" starts no object the share is of
_NOT_AN_OBJECT = re.compile(r"(?:return|exchange|lieu|total|cash|\d)", re.I)


def _holds(msg: Message, match: re.Match[str]) -> Found[Holding] | None:
    """ "an NHS trust holds 30%", "we own 40% of a supplier with 30 staff"."""
    share = _share(match)
    if share is None or share > 100:
        return None
    subject_start = _subject_start(msg, match.start())
    subject = msg.text[subject_start:match.start()].strip()
    # "Also we hold 60% in ...": the joining word is not the subject
    subject = re.sub(r"^(?:and|but|also|plus|so|then)\s+", "", subject, flags=re.I)
    # "we in turn hold 55% of ...", "we ourselves hold ...": the business all the same
    subject = re.sub(r"\s+(?:in\s+turn|ourselves|too|as\s+well|also|then|now|currently|still)$",
                     "", subject, flags=re.I)
    if _NOBODY.match(subject):
        return None  # "no one else has a quarter or more": no holder
    if _WE.fullmatch(subject):
        if not match["prep"]:
            return None
        end = _holder_end(msg, match.end())
        holding = _holding(msg, match.end(), end, share, "we_own")
        if holding is not None and holding.holder_kind == "unknown" and (
                holding.employees is not None or holding.turnover is not None):
            # "75% of a paint shop that employs 14": what has staff or sales is an enterprise
            holding = holding.model_copy(update={"holder_kind": "enterprise"})
        if holding is None or holding.holder_kind not in ("enterprise", "public_body",
                                                          "university", "investor"):
            return None
        if _OUR_EQUITY.fullmatch(holding.holder):
            msg.claim(subject_start, end)  # "we hold all of the business": its owners, no more
            return None
        msg.claim(subject_start, end)
        return Found(subject_start, end, holding)
    if _RELATIVE.fullmatch(subject) and (named := _NAMED_BEFORE.search(
            msg.text, msg.sentence(subject_start)[0], subject_start)) is not None:
        # "we spun out of a university, which keeps 35%": the noun before the comma
        subject_start = named.start("noun")
        subject = named["noun"]
    holder_end = match.start()
    if subject and _PRONOUN.fullmatch(subject) and \
            (parent := _last_parent(msg, subject_start)) is not None:
        # "we are a branch of a Swedish firm - they own all the shares", "we were bought by
        # Nordvik AB, who own all of us": the group
        which = "noun" if parent["noun"] else "buyer"
        subject_start, holder_end = parent.span(which)
        subject = parent[which]
    elif not subject or _PRONOUN.fullmatch(subject):
        return None
    if match["prep"] and not _OUR_EQUITY.match(msg.text, match.end()) and not \
            _OUR_BUSINESS.match(msg.text, match.end()) and \
            not _NOT_AN_OBJECT.match(msg.text, match.end()):
        return None  # a share of something else: "30% of our sales"
    holding = _holding(msg, subject_start, holder_end, share, "owns_us")
    if holding is None:
        return None
    kind = _kind_named_before(msg, holding.holder, subject_start)
    if kind in ("unknown", "individual") and \
            _NOUN_THEN_NAME.match(msg.text[subject_start:holder_end]):
        kind = holding.holder_kind  # "another company, Kestrel,": the noun says what it is
    holding = holding.model_copy(update={"holder_kind": kind})
    end = match.end()
    if holding.employees is None and holding.turnover is None and \
            (bracket := _FIGURES_IN_BRACKETS.match(msg.text, end)) is not None and \
            (inside := _holding(msg, bracket.start("inside"), bracket.end("inside"), share,
                                "owns_us")) is not None:
        # "Brook Holdings holds 30% (Brook: 80 AWU, sales £9m)": the holder's own figures,
        # in brackets after its share
        holding = holding.model_copy(update={
            "employees": inside.employees, "employees_approx": inside.employees_approx,
            "turnover": inside.turnover, "balance_sheet": inside.balance_sheet})
        end = bracket.end()
    msg.claim(subject_start, end)
    return Found(subject_start, end, holding)


_FIGURES_IN_BRACKETS = re.compile(
    r"\s*(?:(?:the|our|its)\s+)?(?:shares|equity|share\s+capital|company|business|us)?\s*"
    r"\((?P<inside>[^()]{1,160}?\d[^()]{0,160})\)")


# the business as a part of another: "the British branch of a German supplier", "a subsidiary
# of an American group"
_PART_OF = re.compile(
    r"\b(?:(?:arm|subsidiary|division|branch|offshoot|part|member|plant|site)\s+of\s+"
    r"(?P<noun>(?:an?|the)\s+[A-Za-z][\w&'.-]*(?:\s+[A-Za-z][\w&'.-]*){0,4}?)|"
    # "we were bought by Nordvik Group AB": the buyer, by its name or its noun
    r"(?:bought|acquired|taken\s+over|purchased)\s+by\s+"
    r"(?P<buyer>(?:(?:an?|the)\s+[A-Za-z][\w&'.-]*|(?-i:[A-Z])[\w&'.-]*)"
    r"(?:\s+[A-Za-z][\w&'.-]*){0,4}?))"
    r"(?=\s*(?:[,.;:()]|\s[-–—]\s|$|\s+(?:and|which|who|that|based|in|with|last|this|"
    r"back|recently|earlier|\d+)\b))", re.I)


def _last_parent(msg: Message, before: int) -> re.Match[str] | None:
    """The enterprise the business is said to be part of, last before `before` in its
    sentence or the one before it."""
    lo = msg.sentence(before)[0]
    lo = msg.sentence(lo - 2)[0] if lo > 1 else lo
    found = list(_PART_OF.finditer(msg.text, lo, before))
    return found[-1] if found else None


def _subject_start(msg: Message, verb_start: int) -> int:
    """Where the subject of the verb at `verb_start` begins: after the last break, or the
    one before when the last ends a phrase in apposition ("A supplier, Brant Ltd, holds
    a fifth")."""
    start = msg.sentence(verb_start)[0]
    # a break inside brackets is the holder's own detail: "Kessler Inc. (US, 5,000 staff) holds"
    inside = [b.span() for b in re.finditer(r"\([^()]*\)", msg.text[start:verb_start])]
    starts = [start] + [brk.end() for brk in _SUBJECT_BREAK.finditer(msg.text, start, verb_start)
                        if not any(a < brk.start() - start < b for a, b in inside)]
    # a verb inside brackets has its subject there too: "14 of us (we own 50% each)"
    opened = msg.text.rfind("(", start, verb_start)
    if opened >= 0 and ")" not in msg.text[opened:verb_start]:
        # (and a break within the brackets before it: "(six staff, the University holds 30%")
        starts = [s for s in starts if s <= opened] + [opened + 1] + \
            [s for s in starts if s > opened + 1]
    if len(starts) > 1 and (not msg.text[starts[-1]:verb_start].strip() or
                            SUBJECTLESS.match(msg.text, starts[-1])):
        # ("Our parent, a Dutch group, has 900 staff and owns 80%": the verb before it too)
        return starts[-3] if len(starts) > 2 else starts[0]
    return starts[-1]


def _holder_end(msg: Message, start: int) -> int:
    end = _HOLDER_END.search(msg.text, start)
    return end.start() if end else len(msg.text)


# A figure given roughly: "perhaps 90", "about 90", "90 or so", "must check the exact figure"
_ROUGHLY = re.compile(r"\b(?:maybe|perhaps|about|around|roughly|approx\w*|circa|some|nearly|"
                      r"almost|probably|guess)\b[^.;!?]*$", re.I)
_UNSURE = re.compile(r"\bor\s+so\b|\bneed\s+to\s+check\b|\bnot\s+sure\b|\bexact\s+figure\b",
                     re.I)


def _holding(msg: Message, start: int, end: int, share: float | None,
             direction: Literal["owns_us", "we_own"]) -> Holding | None:
    phrase = msg.text[start:end].strip()
    label = _holder_label(phrase)
    if not label or msg.claimed(start, end):
        return None
    employees, rough = None, False
    for pattern in _HOLDER_STAFF:
        if staff := pattern.search(msg.text, start, end):
            employees = to_float(staff["n"] or "0")
            rough = bool(_ROUGHLY.search(msg.text, max(start, staff.start() - 25),
                                         staff.start("n"))) or \
                bool(_UNSURE.search(msg.text, start, end))
            break
    figures: dict[str, Money] = {}
    for amount in amounts_in(msg, start, end):
        role = nearest_role(msg, amount, start, end, [],
                            roles=("turnover", "balance_sheet"))
        if role is None and employees is not None and "turnover" not in figures:
            role = "turnover"  # an amount beside the holder's staff: "(70 staff, 8m)"
        if role:
            figures[role] = amount.money
    return Holding(share_percent=share, holder=label,
                   holder_kind=_holder_kind(label, phrase), direction=direction,
                   employees=employees, employees_approx=rough, turnover=figures.get("turnover"),
                   balance_sheet=figures.get("balance_sheet"))

"""Requests the assistant refuses whatever the programme: help to mislead a funder (misstated
facts, invented documents, a false address, evading checks), other people's personal data,
the service's credentials, harm to people or systems, and abusive content. `refused_request`
names the rule a message breaks, or None. `is_emergency` spots a medical emergency, which is
pointed to the emergency services rather than answered.

Everything here is generic English; the programme's own words are in its knowledge folder.
"""

from __future__ import annotations

import re

from assistant.guards.injection import normalise_for_matching


def _any(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


_DECEIVE = (
    r"(?:hide|hiding|conceal|concealing|understate|understating|under-?report|under-?reporting|"
    r"misreport|misreporting|misstate|fake|faking|falsify|falsifying|fudge|fudging|massage|"
    r"doctor|forge|forging|fabricate|fabricating|inflate|inflating|pad|padding|backdate|"
    r"backdating|lie\s+about|lying\s+about|misrepresent|misrepresenting|manipulate|"
    r"manipulating|disguise|disguising|cover\s+up|not\s+declare|avoid\s+declaring|"
    r"not\s+mention|leave\s+out|omit|omitting|alter|altering|tweak|tweaking|shrink|"
    r"make\s+up|leave\s+(?:[\w'£,.]+\s+){1,5}?(?:off|out\s+of)|keep\s+(?:[\w'£,.]+\s+){1,5}?"
    r"(?:off|out\s+of|quiet))"
)
_RECORD = (
    r"(?:turnover|accounts|books|revenue|sales|profits?|headcount|head\s+count|staff|"
    r"employees|workforce|invoices?|quotes?|quotations|figures|numbers|ownership|"
    r"shareholders?|shareholding|parent\s+company|group|receipts|documents|paperwork|"
    r"timesheets|claims?|application|postcode|address|location|balance\s+sheet|grants?|"
    r"funding|support|awards?|aid|subsid(?:y|ies)|jobs|evidence|insolvency|administration|"
    r"debts|costs|expenses|dates?|size|trading\s+history|records|declaration|form)"
)
_INTENT = (
    r"(?:how\s+(?:do|can|could|would|should|might|to)|help\s+(?:me|us)|is\s+(?:it|there\s+a\s+way)|"
    r"best\s+way|a\s+way|ways\s+to|(?:can|could|should|shall|would)\s+(?:i|we)|tips|trick|"
    r"want\s+to|need\s+to|let's|let\s+us|is\s+it\s+ok|is\s+it\s+okay|what\s+if\s+(?:i|we))"
)
_PURPOSE = (
    r"(?:to|so\s+(?:that\s+)?(?:we|i|it|they)|in\s+order\s+to)\s+(?:\w+\s+)?(?:qualify|get|"
    r"look|appear|seem|stay|be\s+eligible|pass|receive|claim|meet|fall|count|fit)"
)
_MAKE = (r"(?:write|make|create|generate|produce|draft|prepare|mock\s+up|knock\s+up|"
         r"put\s+together|give\s+me|send\s+me|forge|fake|design)")
_PAPERS = (
    r"(?:invoices?|quotes?|quotations|receipts|letterheads?|headed\s+paper|payslips|"
    r"timesheets|bank\s+statements|references|certificates?|declarations?|accounts|"
    r"statements?\s+of\s+\w+|evidence|documents?)"
)

RULES: list[tuple[str, re.Pattern[str]]] = [
    ("fraud: misstating facts to obtain support", _any(
        rf"\b{_INTENT}\b[^.?!]{{0,40}}\b{_DECEIVE}\s+(?:[\w'£,]+\s+){{0,4}}?{_RECORD}\b",
        rf"\b{_DECEIVE}\s+(?:[\w'£,]+\s+){{0,4}}?{_RECORD}\b[^.?!]{{0,40}}\b(?:{_PURPOSE}|"
        r"without\s+(?:anyone|them|you|the\s+\w+|getting)\b)",
        # An imperative: "make up some timesheets for the claim".
        rf"^\W*(?:please\s+)?(?:just\s+)?{_DECEIVE}\s+(?:[\w'£,]+\s+){{0,3}}?{_RECORD}\b",
        # "can we not mention our parent company so we count as standalone"
        rf"\b{_INTENT}\b[^.?!]{{0,20}}\b(?:leave|keep)\s+(?:it|them|that|this)\s+(?:off|out)\b",
    )),
    ("fraud: false documents or reviews", _any(
        rf"\b(?:{_INTENT}|{_MAKE})\b[^.?!]{{0,30}}\b"
        r"(?:fake|false|forged|made[- ]up|phoney|phony|bogus|fraudulent|fictitious|backdated)\s+"
        r"(?:\w+\s+)?(?:invoices?|quotes?|quotations|receipts|accounts|documents|references|"
        r"reviews|staff|employees|evidence|letters?|payslips|timesheets|bank\s+statements|"
        r"declarations?|addresses)",
        # Someone else's paperwork written for them: quotes "from" suppliers, letterheads.
        rf"\b{_MAKE}\s+(?:me\s+|us\s+)?(?:up\s+)?(?:[\w'-]+\s+){{0,3}}?(?:supplier|suppliers'?|"
        r"competing|independent|third[- ]party)\s+(?:quotes?|quotations|invoices?|references)",
        rf"\b{_MAKE}\b[^.?!]{{0,100}}\b(?:on|in)\s+(?:different|their|other|a\s+supplier's|"
        r"someone\s+else's|official|headed|[\w'-]+'s)\s+(?:letterheads?|headed\s+paper|"
        r"stationery)",
        rf"\b{_MAKE}\s+(?:me\s+|us\s+)?(?:a\s+|an\s+|some\s+|two\s+|three\s+)?(?:[\w'-]+\s+)?"
        r"(?:quotes?|quotations?|invoices?|references?|letters?\s+of\s+support|endorsements?)\s+"
        r"(?:from|by|on\s+behalf\s+of)\b",
        # paperwork made to look like something it is not
        rf"\b{_MAKE}\b[^.?!]{{0,80}}\bso\s+(?:that\s+)?(?:it|they|we|the\s+\w+)\s+"
        r"(?:looks?|appears?|seems?)\s+(?:like|as\s+if|independent|genuine|real|official|"
        r"separate|unrelated)",
        rf"\b{_MAKE}\b[^.?!]{{0,40}}\b(?:official|official-looking|authentic-looking|"
        r"realistic|signed|stamped)\s+(?:\w+\s+){0,2}(?:letters?|documents?|confirmations?|"
        r"approvals?|certificates?|offers?|statements?)",
        rf"\b{_MAKE}\b[^.?!]{{0,40}}\b(?:letter|document|email|statement)\s+(?:\w+\s+){{0,3}}"
        r"(?:confirming|saying|stating|certifying)\s+(?:that\s+)?(?:my|our|we|i|the\s+"
        r"(?:company|business|firm))\b[^.?!]{0,40}\b(?:qualif\w*|eligible|approved|awarded|"
        r"entitled|meets?)",
        rf"\b{_MAKE}\s+(?:me\s+|us\s+)?(?:a\s+|an\s+|some\s+|our\s+|my\s+)?(?:[\w'-]+\s+){{0,2}}?"
        r"(?:bank\s+statements?|payslips?|invoices?|receipts?|references?|certificates?|"
        r"accounts)\s+(?:[\w'-]+\s+){0,3}?(?:showing|saying|stating|that\s+(?:shows?|says?))\b",
        r"\b(?:sign|make|submit|tick|give)\s+(?:a\s+|the\s+)?(?:false|untrue|misleading|"
        r"dishonest)\s+(?:declaration|statement|claim|answer)",
    )),
    ("fraud: a false address", _any(
        r"\b(?:use|give|put|enter|register|list|quote)\s+(?:a\s+|an\s+|our\s+|my\s+|the\s+)?"
        r"(?:[\w'-]+\s+){0,3}?(?:postbox|po\s+box|p\.o\.\s+box|mailbox|virtual|accommodation|"
        r"fake|false|made[- ]up|friend's|relative's|mate's|cousin's|brother's|sister's|"
        r"mum's|dad's)\s+(?:office\s+)?(?:address|postcode)",
    )),
    ("fraud: misstating facts in an application", _any(
        r"\b(?:write|word|phrase|fill\s+in|complete|draft|frame)\s+(?:our|the|my|an?)\s+"
        r"(?:application|form|declaration|claim|bid)\s+(?:so|to|in\s+a\s+way)\s+(?:that\s+)?"
        r"(?:it\s+)?(?:says?|shows?|states?|looks?|claims?|hides?|suggests?|reads?)\b",
        r"\bso\s+(?:that\s+)?[^.?!]{0,50}\b(?:isn't|is\s+not|won't\s+be|aren't|are\s+not)\s+"
        r"(?:obvious|visible|noticed|spotted)\b",
    )),
    ("fraud: evading checks", _any(
        r"\b(?:so|that)\s+(?:the\s+\w+|they|nobody|no\s+one|no-one|you|he|she)\s+"
        r"(?:doesn't|don't|won't|can't|does\s+not|do\s+not|will\s+not|cannot|never)\s+"
        r"(?:find\s+out|notice|know|see|realise|realize|spot|learn|discover)\b",
        r"\bwithout\s+(?:anyone|them|you|the\s+\w+|anybody)\s+(?:\w+\s+)?(?:knowing|noticing|"
        r"finding\s+out|realising|realizing|checking|spotting)",
        r"\bwithout\s+getting\s+caught\b|\bso\s+(?:they|nobody|no\s+one|no-one)\s+"
        r"(?:finds?\s+out|notices?|knows?)\b",
        r"\b(?:nobody|no\s+one|no-one)\s+(?:will|would|is\s+going\s+to)\s+(?:ever\s+)?"
        r"(?:check|know|notice|find\s+out)\b",
        r"\b(?:split|divide|break\s+up|restructure|separate)\s+(?:up\s+)?(?:the|our|my)\s+"
        r"(?:[\w-]+\s+){0,2}?(?:company|business|firm|group)\b[^.?!]{0,60}?\b(?:just\s+)?"
        r"(?:to|so)\s+(?:that\s+)?(?:\w+\s+){0,3}?(?:qualif\w*|stays?|gets?|looks?|appears?|"
        r"falls?|counts?|be\s+eligible|is\s+eligible|are\s+eligible|has|have|is|are)\b",
        rf"\b{_INTENT}\b[^.?!]{{0,30}}\b(?:launder|laundering|evade|evading|bribe|bribing|"
        r"embezzle|embezzling|siphon|skim)\b",
    )),
    ("privacy: other people's data", _any(
        r"\b(?:names?|emails?|e-mails?|email\s+addresses|phone\s+numbers|numbers|addresses|"
        r"contact\s+details|details|list)\s+(?:and\s+\w+\s+)?(?:of|for)\s+(?:the\s+|all\s+)?"
        r"(?:other|previous|successful|unsuccessful|rival|competing)\s+(?:companies|"
        r"applicants|businesses|firms|bidders|people|customers|clients)",
        r"\bwho\s+else\s+(?:has\s+)?(?:applied|got|received|was\s+awarded|won)\b",
    )),
    ("security: credentials", _any(
        r"\b(?:admin|administrator|root|system|database|server|your|the\s+service's)\s+"
        r"(?:password|passwords|credentials|login|api\s+keys?|secret\s+keys?|tokens?)\b",
        r"\b(?:api|secret|access|private)\s+keys?\s+(?:for|of)\s+(?:this|the|your)\b",
    )),
    ("harm: violence or weapons", _any(
        rf"\b(?:{_INTENT}|teach\s+me|tell\s+me\s+how|instructions\s+(?:for|to|on)|steps\s+to)\b"
        r"[^.?!]{0,30}\b(?:make|build|create|assemble|print|brew|cook|mix)\s+(?:a\s+|an\s+|some\s+)?"
        r"(?:bomb|explosive|explosives|ied|pipe\s+bomb|gun|firearm|weapon|nerve\s+agent|"
        # not a trade's words: "a gun-drilling cell", "we make drugs for rare diseases"
        r"poison|molotov|napalm|meth|(?:illegal|street|recreational|class\s+a)\s+drugs)\b"
        r"(?![\w-])",
        r"\b(?:kill|murder|hurt|harm|poison|attack|stab|shoot|assault|beat\s+up)\s+"
        r"(?:someone|somebody|a\s+person|people|him|her|them|a\s+colleague|an\s+employee|"
        # a person, not "hurt our chances" or "kill our margins"
        r"(?:my|our)\s+(?!(?:chances?|margins?|prospects?|applications?|bids?|business|sales|"
        r"profits?|reputation|cash\s*flow|cash|growth|case|scores?|ratings?|credit|brand|"
        r"position|plans?|project|numbers|figures|turnover|eligibility|odds|finances|market|"
        r"competitiveness|productivity|costs?|budget|progress|momentum|morale)\b)\w+)\b",
    )),
    ("harm: hacking or theft", _any(
        r"\b(?:hack|hacking)\s+(?:into\s+)?(?:a|an|the|my|his|her|their|our|someone's|"
        r"somebody's)?\s*\w*\s*(?:account|email|system|website|network|server|wi-?fi|"
        r"computer|phone|database|competitor)",
        # a place or a system, not a market: "break into aerospace"
        r"\bbreak\s+into\s+(?:[\w'-]+\s+){0,3}?(?:houses?|homes?|cars?|vans?|buildings?|offices?|"
        r"premises|warehouses?|shops?|accounts?|emails?|systems?|networks?|computers?|phones?|"
        r"safes?|units?|factor(?:y|ies)|sites?|servers?|databases?|websites?|flats?|garages?)\b",
        r"\b(?:steal|stealing|nick|swipe)\s+(?:\w+\s+){0,2}?(?:data|passwords?|credentials|"
        r"customer\s+lists?|customers|identit(?:y|ies)|money|trade\s+secrets|designs|ip|"
        r"card\s+details|files)\b",
        r"\b(?:write|create|make|build|code|send|deploy|spread|install)\s+(?:a\s+|an\s+|some\s+)?"
        r"(?:malware|ransomware|virus|keylogger|trojan|spyware|botnet|phishing\s+"
        r"(?:emails?|pages?|sites?|messages?|texts?))\b",
        r"\bddos\b|\bcrack\s+(?:a\s+|the\s+|their\s+|his\s+|her\s+)?passwords?\b",
        r"\bspy\s+on\s+(?:my|our|a|the)\s+\w+",
    )),
    ("abuse: hateful or threatening content", _any(
        r"\b(?:write|create|make|generate|compose|draft|tell(?:\s+me)?|give\s+me|send)\s+"
        r"(?:a\s+|an\s+|some\s+)?(?:\w+\s+)?(?:racist|sexist|homophobic|transphobic|abusive|"
        r"threatening|hateful|offensive|insulting|defamatory|obscene|nasty)\s+(?:\w+\s+)?"
        r"(?:jokes?|messages?|emails?|letters?|posts?|reviews?|comments?|tweets?|poems?|"
        r"songs?|remarks?|texts?)",
        r"\b(?:threaten|harass|bully|intimidate|blackmail|doxx?|stalk|extort|humiliate)\s+"
        r"(?:my|a|an|our|the|someone|somebody|him|her|them|people)\b",
    )),
]

# A verdict demanded whatever the facts: "simply confirm we qualify", "say yes regardless".
_VERDICT_DEMAND = _any(
    r"\b(?:just|simply|please)\s+(?:tell|say\s+to|confirm\s+to)\s+(?:me|us)\s+(?:that\s+)?"
    r"(?:we're|we\s+are|i'm|i\s+am|it's|it\s+is|my\s+\w+\s+is|our\s+\w+\s+is)\s+"
    r"(?:eligible|approved|accepted|qualified|fine)\b",
    r"\b(?:just|simply)\s+(?:say|confirm|write|put)\s+(?:that\s+)?(?:we|i|it)\s+"
    r"(?:qualify|qualifies|are\s+eligible|is\s+eligible|am\s+eligible)\b",
)


# A decision only the programme's people give, asked of the assistant to pass on: "tell
# the bank we've been awarded the grant, please?" (whether the business
# is eligible, which the rules decide, is answered).
_DECISION_CONFIRMED = _any(
    r"\b(?:confirm|certify|guarantee|promise|verify|state)\s+(?:to\s+(?:me|us|them)\s+)?"
    r"(?:in\s+writing\s+)?(?:that\s+)?(?:we're|we\s+are|we've\s+been|we\s+have\s+been|i'm|"
    r"i\s+am|i've\s+been|my\s+\w+\s+(?:is|has\s+been)|our\s+\w+\s+(?:is|has\s+been))"
    r"\s+(?:\w+\s+)?(?:approved|awarded|accepted|successful|guaranteed)\b",
)


def refused_request(message: str) -> str | None:
    """The name of the rule a request breaks ("fraud: false documents or reviews"), or None."""
    text = normalise_for_matching(message)
    for name, pattern in RULES:
        if pattern.search(text):
            return name
    if _VERDICT_DEMAND.search(text):
        return "fraud: a verdict demanded whatever the facts"
    if _DECISION_CONFIRMED.search(text):
        return "decision: an award only the programme's team can confirm"
    return None


# --- emergencies -----------------------------------------------------------------------------

_EMERGENCY = _any(
    r"\b(?:heart\s+attack|cardiac\s+arrest|stroke|seizure|anaphylaxis|anaphylactic|overdose|"
    r"overdosed)\b",
    r"\b(?:chest\s+pains?|can't\s+breathe|cannot\s+breathe|can\s+not\s+breathe|"
    r"not\s+breathing|stopped\s+breathing|struggling\s+to\s+breathe|choking)\b",
    r"\b(?:collapsed|unconscious|unresponsive|passed\s+out|fainted|bleeding\s+(?:badly|heavily|"
    r"a\s+lot)|severe\s+bleeding|badly\s+(?:burnt|burned|hurt|injured)|electrocuted|"
    r"lost\s+a\s+finger|severed)\b",
    # a person crushed, not a part: "he was crushed by the press", not "if the cell is crushed"
    r"\b(?:he|she|i|someone|somebody|colleague|worker|operator|man|woman|lad|they)\s+(?:was|were|"
    r"has\s+been|have\s+been|got|is|are|'s)\s+(?:being\s+)?crushed\b|"
    r"\bcrushed\s+(?:his|her|my|their)\s+\w+",
    r"\b(?:kill\s+myself|end\s+my\s+life|suicidal|want\s+to\s+die|self[- ]harm)\b",
    r"\b(?:medical\s+emergency|need\s+an\s+ambulance|call\s+an\s+ambulance)\b",
)
_NOT_NOW = re.compile(
    # a past event told in passing, a hypothetical or a product: "our stroke-rehab device"
    r"\b(?:device|product|sensor|monitor|rehab\w*|research|trial|test(?:ing)?|detection|"
    r"battery|batteries|cells?|prototypes?|samples?|components?|lab|laboratory|"
    r"diagnos\w*|patients?\s+with|treat\w*|last\s+(?:year|month)|years\s+ago)\b",
    re.IGNORECASE,
)


def is_emergency(message: str) -> bool:
    """A message about someone in danger now, not a product or a past event."""
    text = normalise_for_matching(message)
    return bool(_EMERGENCY.search(text)) and not _NOT_NOW.search(text)

"""Routing: decide what kind of turn a message is before anything is retrieved or computed.

Deterministic rules decide first, in this order: unsafe (jailbreaks, fraud, harm), referral
("talk to a person"), greeting, clearly off-topic, eligibility, signposting, else a programme
question. When an embedder is given, a message no rule claims is compared with two small sets
of example messages (generic business-support questions and everyday off-topic ones) to catch
off-topic messages the rules do not name. Without one the rules alone decide.

Everything here is generic language; nothing names a particular programme's hubs, places or
figures (those are in the knowledge folder).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
from pydantic import BaseModel

from assistant.guards import find_injection
from assistant.reply import Route
from knowledge.embeddings import Embedder


class RouteDecision(BaseModel):
    route: Route
    reason: str  # which rule (or comparison) decided, for logs and tests
    follow_up: bool = False  # reads as a continuation of the conversation so far


def _any(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


_FIRST_PERSON = re.compile(
    r"\b(?:i|i'm|im|i've|i'd|we|we're|we've|we'd|our|ours|us|my|me)\b", re.IGNORECASE
)
_NUMBER_WORDS = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
    r"thirty|forty|fifty|sixty|seventy|eighty|ninety|a\s+hundred|hundred|a\s+dozen|dozen)"
)

# --- unsafe ----------------------------------------------------------------------------------

_DECEIVE = (
    r"(?:hide|hiding|conceal|concealing|understate|understating|under-?report|under-?reporting|"
    r"misreport|misreporting|misstate|fake|faking|falsify|falsifying|fudge|fudging|massage|"
    r"doctor|forge|forging|fabricate|fabricating|inflate|inflating|pad|padding|backdate|"
    r"backdating|lie\s+about|lying\s+about|misrepresent|misrepresenting|manipulate|"
    r"manipulating|disguise|disguising|cover\s+up|not\s+declare|avoid\s+declaring|"
    r"not\s+mention|leave\s+out|omit|omitting|alter|altering|tweak|tweaking|shrink|"
    r"make\s+up)"
)
_RECORD = (
    r"(?:turnover|accounts|books|revenue|sales|profits?|headcount|head\s+count|staff|"
    r"employees|workforce|invoices?|quotes?|quotations|figures|numbers|ownership|"
    r"shareholders?|shareholding|parent\s+company|group|receipts|documents|paperwork|"
    r"timesheets|claims?|application|postcode|address|location|balance\s+sheet|grants?|"
    r"funding|support|awards?|aid|subsid(?:y|ies)|jobs|evidence|insolvency|administration|"
    r"debts|costs|expenses|dates?|size|trading\s+history|records)"
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
_UNSAFE_RULES: list[tuple[str, re.Pattern[str]]] = [
    ("fraud: misstating facts to obtain support", _any(
        rf"\b{_INTENT}\b[^.?!]{{0,40}}\b{_DECEIVE}\s+(?:[\w']+\s+){{0,3}}?{_RECORD}\b",
        rf"\b{_DECEIVE}\s+(?:[\w']+\s+){{0,3}}?{_RECORD}\b[^.?!]{{0,40}}\b(?:{_PURPOSE}|"
        r"without\s+(?:anyone|them|you|the\s+\w+|getting)\b)",
        # An imperative: "make up some timesheets for the claim".
        rf"^\W*(?:please\s+)?(?:just\s+)?{_DECEIVE}\s+(?:[\w']+\s+){{0,3}}?{_RECORD}\b",
    )),
    ("fraud: false documents or reviews", _any(
        rf"\b(?:{_INTENT}|write|make|create|generate|produce|draft|give\s+me)\b[^.?!]{{0,30}}\b"
        r"(?:fake|false|forged|made[- ]up|phoney|phony|bogus|fraudulent|fictitious)\s+"
        r"(?:\w+\s+)?(?:invoices?|quotes?|quotations|receipts|accounts|documents|references|"
        r"reviews|staff|employees|evidence|letters?|payslips|timesheets|bank\s+statements)",
    )),
    ("fraud: evading checks", _any(
        r"\bwithout\s+(?:anyone|them|you|the\s+\w+|anybody)\s+(?:\w+\s+)?(?:knowing|noticing|"
        r"finding\s+out|realising|realizing|checking|spotting)",
        r"\bwithout\s+getting\s+caught\b|\bso\s+(?:they|nobody|no\s+one|no-one)\s+"
        r"(?:finds?\s+out|notices?|knows?)\b",
        r"\b(?:split|divide|break\s+up|restructure)\s+(?:up\s+)?(?:the|our|my)\s+(?:company|"
        r"business|firm|group)\b[^.?!]{0,20}\b(?:just\s+)?(?:to|so)\s+(?:\w+\s+){0,2}?"
        r"(?:qualif\w*|stays?|gets?|looks?|appears?|falls?|counts?|be\s+eligible|is\s+eligible|"
        r"are\s+eligible)",
        rf"\b{_INTENT}\b[^.?!]{{0,30}}\b(?:launder|laundering|evade|evading|bribe|bribing|"
        r"embezzle|embezzling|siphon|skim)\b",
    )),
    ("harm: violence or weapons", _any(
        rf"\b(?:{_INTENT}|teach\s+me|tell\s+me\s+how|instructions\s+(?:for|to|on)|steps\s+to)\b"
        r"[^.?!]{0,30}\b(?:make|build|create|assemble|print|brew|cook|mix)\s+(?:a\s+|an\s+|some\s+)?"
        r"(?:bomb|explosive|explosives|ied|pipe\s+bomb|gun|firearm|weapon|nerve\s+agent|"
        r"poison|molotov|napalm|meth|drugs)\b",
        r"\b(?:kill|murder|hurt|harm|poison|attack|stab|shoot|assault|beat\s+up)\s+"
        r"(?:someone|somebody|a\s+person|people|him|her|them|my\s+\w+|a\s+colleague|"
        r"an\s+employee|our\s+\w+)\b",
    )),
    ("harm: hacking or theft", _any(
        r"\b(?:hack|hacking)\s+(?:into\s+)?(?:a|an|the|my|his|her|their|our|someone's|"
        r"somebody's)?\s*\w*\s*(?:account|email|system|website|network|server|wi-?fi|"
        r"computer|phone|database|competitor)",
        r"\bbreak\s+into\b",
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

# --- referral --------------------------------------------------------------------------------

_ASKS_WHO = re.compile(
    r"\bwho\s+(?:can|could|should|would|do|shall)\s+(?:i|we)\s+(?:talk|speak|chat)\b",
    re.IGNORECASE,
)
_REFERRAL_RULES: list[tuple[str, re.Pattern[str]]] = [
    ("asks for a human", _any(
        r"\b(?:a|an|to)\s+(?:real|actual|live)\s+(?:person|human|agent|adviser|advisor|"
        r"people)\b",
        r"\b(?:speak|talk|chat)\s+(?:to|with)\s+(?:a\s+)?human\b",
        r"\bhuman\s+(?:being|adviser|advisor|agent)\b|\bnot\s+a\s+(?:bot|machine|robot)\b",
    )),
    ("asks to speak to someone", _any(
        r"\b(?:speak|talk|chat)\s+(?:to|with)\s+(?:a\s+|an\s+|one\s+of\s+(?:your|the)\s+|your\s+|"
        r"the\s+|somebody\s+|someone\s+)?(?:someone|somebody|person|people|adviser|advisor|"
        r"advisers|advisors|business\s+adviser|member\s+of\s+(?:staff|the\s+team)|staff|"
        r"team|officer|account\s+manager|manager|operator|representative|rep)\b",
    )),
    ("asks to be contacted", _any(
        r"\b(?:call|ring|phone|contact|email|e-mail|text)\s+(?:me|us)\b(?!\s+(?:about\s+)?"
        r"(?:the\s+)?(?:guidance|document|form)s?)",
        r"\bcall\s*back\b|\bcallback\b|\bring\s*back\b",
        r"\b(?:get|be)\s+(?:back\s+)?in\s+touch\s+with\s+(?:me|us)\b",
        r"\b(?:book|arrange|schedule|set\s+up|request)\s+(?:a|an)\s+(?:\w+\s+)?(?:call|meeting|"
        r"appointment|chat|consultation)\b",
        r"\b(?:put|connect|transfer|refer|pass)\s+(?:me|us)\s+(?:through\s+)?(?:to|with)\s+"
        r"(?:a|an|someone|somebody|the\s+team|your\s+team|an?\s+adviser|an?\s+advisor)\b",
    )),
]

# --- greeting and capability ---------------------------------------------------------------

_PLEASANTRIES = _any(
    r"\bgood\s+(?:morning|afternoon|evening|day)\b",
    r"\b(?:hi|hello|hey|hiya|howdy|greetings|morning|afternoon|evening|yo|hallo|helo)\b",
    r"\b(?:thanks|thank\s+you|thank\s+u|thankyou|thx|ty|ta|cheers|many\s+thanks|"
    r"much\s+appreciated|appreciated|appreciate\s+it)\b",
    r"\b(?:bye|goodbye|good\s+bye|see\s+you|see\s+ya|take\s+care|have\s+a\s+(?:good|nice)\s+"
    r"(?:day|one|weekend))\b",
    r"\b(?:ok|okay|great|brilliant|perfect|lovely|nice|cool|awesome|excellent|fab|fantastic|"
    r"wonderful|super|amazing|noted|understood|got\s+it|will\s+do|sounds\s+good|no\s+worries|"
    r"all\s+good|you're\s+welcome|that's\s+(?:all|it)|that\s+is\s+all)\b",
    r"\bhow\s+(?:are\s+you|are\s+things|is\s+it\s+going|'s\s+it\s+going)\b|\bhow's\s+it\s+going\b",
    r"\bnice\s+to\s+meet\s+you\b",
)
_FILLER = re.compile(
    r"\b(?:so|much|very|for|your|the|that's|that|this|all|you|it's|it|was|is|really|helpful|"
    r"useful|"
    r"a|lot|and|there|again|everyone|team|folks|help|today|doing|just|wanted|to|say|bot|"
    r"assistant|i|me|we|us|well|indeed|oh|ah|um|hmm|please|then|mate|guys|all|of|info|"
    r"information|answer|answers|reply|now|bye|kind|kindly|appreciate)\b",
    re.IGNORECASE,
)
_LEADING_PLEASANTRIES = re.compile(
    r"^(?:\W*(?:hi|hello|hey|hiya|good\s+(?:morning|afternoon|evening)|morning|thanks|"
    r"thank\s+you|ok|okay|great|cheers)\b)+\W*",
    re.IGNORECASE,
)
_CAPABILITY = _any(
    r"^\W*(?:so\s+)?what\s+(?:can|could|do)\s+you\s+(?:do|help(?:\s+(?:me|us))?\s+with|"
    r"offer|answer)\b",
    r"^\W*(?:who|what)\s+(?:are|r)\s+you\b",
    r"^\W*what\s+is\s+this(?:\s+(?:chat|service|site|tool|thing))?\W*$",
    r"^\W*how\s+(?:does|do)\s+(?:this|you)\s+work\W*$",
    r"^\W*(?:can|could)\s+you\s+help(?:\s+(?:me|us))?\W*$",
    r"^\W*help(?:\s+(?:me|us|please))?\W*$",
)

# --- out of scope ----------------------------------------------------------------------------

# Words that tie a message to a business or to business support; a message using them is
# never called off-topic by the rules (only by the example comparison, if at all).
_BUSINESS_WORDS = _any(
    r"\b(?:business(?:es)?|compan(?:y|ies)|firm|smes?|start-?ups?|enterprise|ltd|limited|plc|"
    r"llp|grants?|fund|funds|funding|funded|programmes?|programs?|hubs?|pre-?hubs?|booster|"
    r"vouchers?|eligib\w*|qualif\w*|apply|applying|application|applications|staff|employees?|"
    r"turnover|revenue|customers?|clients?|products?|manufactur\w*|suppliers?|supply\s+chain|"
    r"factory|premises|production|prototyp\w*|facilit(?:y|ies)|labs?|laborator(?:y|ies)|"
    r"advisers?|advisors?|project|r&d|innovation|innovate|productivity|commercial\w*|"
    r"export\w*|invest\w*|procurement|sector|industr(?:y|ies|ial)|engineering|equipment|"
    r"machinery|sic|postcode|partners|universit(?:y|ies)|mfa|subsid(?:y|ies)|award|"
    r"match\s+funding|quotes?|quotations|claims?|net\s+zero|decarboni[sz]\w*|"
    r"automation|scale-?up|scaling)\b",
    # "we bake", but not "how do I bake": a question about doing it is not a business
    r"(?<!do\s)(?<!can\s)(?<!should\s)(?<!could\s)(?<!would\s)(?<!to\s)"
    r"\b(?:we|i)\s+(?:make|bake|brew|produce|manufacture|sell|supply|design|build|develop|"
    r"run|operate|employ|trade|grow|distribute|export|install|repair|process)\b",
    r"\bour\s+(?:team|products?|customers?|clients?|site|factory|workshop|kitchen|bakery|"
    r"shop|brand|range|process|line|plant|firm|staff|workforce|technology|device|service|"
    r"services|business|company)\b",
)
_OFF_TOPIC_RULES: list[tuple[str, re.Pattern[str]]] = [
    ("cooking and food at home", _any(
        r"\brecipes?\b|\bcalories\b",
        r"\bhow\s+(?:do|can|should)\s+(?:i|you|we)\s+(?:cook|bake|roast|fry|boil|grill|make)\s+"
        r"(?:a\s+|an\s+|some\s+|the\s+|my\s+)?(?:\w+\s+)?(?:pasta|cake|bread|chicken|rice|eggs?|"
        r"curry|pizza|soup|steak|biscuits|cookies|pancakes|lasagne|lasagna|roast|risotto|"
        r"dinner|lunch|breakfast)\b",
        r"\bwhat\s+(?:should|shall|can)\s+(?:i|we)\s+(?:have|eat|make|cook)\s+for\s+"
        r"(?:dinner|lunch|tea|breakfast|supper)\b",
    )),
    ("weather", _any(
        r"\bweather\b(?!\s*-?(?:proof|resistant|sealed|testing|tight))",
        r"\b(?:will|is)\s+it\s+(?:going\s+to\s+|gonna\s+)?(?:rain|snow|be\s+sunny|be\s+hot|"
        r"be\s+cold)\b",
    )),
    ("sport", _any(
        r"\b(?:football|soccer|premier\s+league|champions\s+league|world\s+cup|cricket|rugby|"
        r"tennis|golf|formula\s+(?:1|one)|f1|olympics|league\s+table|transfer\s+window|"
        r"fantasy\s+football|boxing|snooker|darts|nba|nfl|grand\s+prix|wimbledon|"
        r"super\s+bowl|the\s+ashes)\b",
        r"\bwho\s+(?:won|scored|is\s+winning|will\s+win)\b|\bkick[- ]?off\s+time\b",
        r"\b(?:match|game)\s+(?:score|result|tonight|today|last\s+night)\b",
    )),
    ("coding and homework", _any(
        r"\bhomework\b|\bcoursework\b|\bleetcode\b|\bfizz\s*buzz\b|\blinked\s+list\b|"
        r"\bbinary\s+(?:tree|search)\b|\bbubble\s+sort\b",
        r"\b(?:write|debug|fix|explain|optimi[sz]e)\s+(?:me\s+)?(?:a\s+|an\s+|some\s+|my\s+|"
        r"this\s+)?(?:python|java|javascript|typescript|c\+\+|c#|rust|sql|html|css|php|bash)?\s*"
        r"(?:code|script|program|function|class|regex|query|loop)\b",
        r"\b(?:in|using)\s+(?:python|java|javascript|typescript|c\+\+|c#|rust|php)\b",
        r"\bsolve\s+(?:this|my|the)\s+(?:equation|maths|math|sum|problem\s+set)\b",
    )),
    ("general knowledge and trivia", _any(
        r"\bcapital\s+(?:city\s+)?of\b",
        r"\bwho\s+(?:was|is|were)\s+(?:the\s+)?(?:first|current|last)?\s*(?:president|king|"
        r"queen|prime\s+minister|emperor|pope|man\s+on\s+the\s+moon)\b",
        r"\bhow\s+(?:tall|high|deep|old)\s+is\s+(?:the\s+|mount\s+|mt\.?\s+)?(?!your\b|our\b|"
        r"my\b)\w+",
        r"\b(?:tell|give)\s+me\s+(?:a|an|another|some)\s+(?:joke|riddle|fun\s+fact|story|"
        r"poem|limerick)\b",
        r"\b(?:write|compose)\s+(?:me\s+)?(?:a|an)\s+(?:\w+\s+)?(?:poem|song|limerick|haiku|"
        r"story|essay|novel)\b",
        r"\bmeaning\s+of\s+life\b|\bhoroscope\b|\bstar\s+sign\b|\bzodiac\b|\blottery\b|"
        r"\blotto\b|\btarot\b|\btrivia\b|\bquiz\b",
        r"\btranslate\b[^.?!]{0,60}\b(?:into|to|in)\s+(?:french|spanish|german|italian|"
        r"polish|urdu|punjabi|arabic|chinese|mandarin|japanese|portuguese|welsh|hindi)\b",
        r"\bwhat\s+(?:time|day|date)\s+is\s+it\b",
        r"\b(?:when|where)\s+(?:was|were|did)\s+\w+(?:\s+\w+)?\s+(?:born|die|died)\b",
    )),
    ("personal matters", _any(
        r"\bmy\s+(?:girlfriend|boyfriend|wife|husband|ex|fianc[ée]e?|crush|date|mum|mother|"
        r"dad|father|kids?|children|cat|dog|puppy|kitten|pet)\b",
        r"\b(?:relationship|dating|break\s+up\s+with|divorce|lose\s+weight|weight\s+loss|"
        r"diet\s+plan|workout|skincare|hangover|headache|my\s+symptoms|"
        r"personal\s+loan|my\s+credit\s+score|my\s+(?:own\s+)?mortgage)\b",
        r"\b(?:holiday|vacation)\s+(?:destination|ideas?|plans?|recommendations?)\b",
        r"\bwhat\s+(?:film|movie|series|tv\s+show|show|book|novel)\s+should\s+i\b|"
        r"\b(?:film|movie|netflix|tv\s+series)\s+(?:recommendations?|to\s+watch)\b",
        r"\bwhich\s+(?:car|phone|laptop|tv|house|flat)\s+should\s+i\s+buy\b",
    )),
]

# --- eligibility -----------------------------------------------------------------------------

_ELIGIBILITY_QUESTION = _any(
    r"\b(?:am\s+i|are\s+we|is\s+(?:my|our)\s+\w+|would\s+(?:i|we|my|our)|could\s+(?:i|we|my|our)|"
    r"will\s+(?:i|we|my|our)|do\s+(?:i|we)|does\s+(?:my|our)\s+\w+|can\s+(?:i|we|my|our)|"
    r"might\s+(?:i|we)|should\s+(?:i|we))\b[^.?!]{0,50}?\b(?:eligible|qualify|qualif\w+|"
    r"entitled|apply(?!\s+(?:online|by|via|through|using|in\s+person|on\s+paper|more\s+than|"
    r"again|twice|for\s+more\s+than|to\s+more\s+than))|"
    r"get\s+(?:any\s+)?(?:funding|a\s+grant|grant|money|the\s+grant|anything)|"
    # "get help with X" names a need (signposting), not a question about eligibility
    r"get\s+(?:any\s+)?(?:support|help)(?!\s+(?:with|to|on|in|for)\b)|"
    r"receive\s+(?:any\s+)?(?:funding|a\s+grant|support|money)|be\s+considered|"
    r"count\s+as\s+(?:an?\s+)?(?:sme|small|medium|micro))\b",
    r"\b(?:our|my)\s+eligibility\b|\beligib\w*\s+(?:check|assessment)\b",
    r"\b(?:check|assess|see|confirm|find\s+out|tell\s+(?:me|us))\s+(?:if|whether)\s+"
    r"(?:i|we|my|our)\b[^.?!]{0,30}\b(?:eligible|qualify|can\s+apply)",
    r"\bwhat\s+(?:support|funding|grants?|help|programmes?|schemes?)\s+(?:can|could|would|"
    r"might)\s+(?:i|we|my|our)\b",
    r"\bwhich\s+(?:programmes?|schemes?|support|grants?|funding)\s+(?:can|could|should|would|"
    r"might)\s+(?:i|we)\s+(?:apply|get|qualify)",
    r"\bhow\s+much\s+(?:funding|grant|money|support)?\s*(?:could|can|would|might|will)\s+"
    r"(?:i|we|my\s+\w+|our\s+\w+)\s+(?:get|receive|claim|be\s+(?:awarded|given|offered))",
    r"\bwhat\s+(?:are|am)\s+(?:we|i)\s+eligible\s+for\b",
)
# "Are start-ups like us eligible?": the eligibility word plus any first person. "Qualify"
# followed by an object is qualifying a part or process, a technical need.
_ELIGIBILITY_WORD = re.compile(
    r"\b(?:eligible|eligibility|ineligible|qualifies|"
    r"qualify(?!\s+(?:a|an|the|our|my|this|these|those|its|their|new|parts?|components?)\b))\b",
    re.IGNORECASE,
)
_HEADCOUNT = _any(
    r"\b\d[\d,]*(?:\.\d+)?\s*\+?\s*(?:full[- ]time\s+|part[- ]time\s+|fte\s+|permanent\s+|"
    r"members\s+of\s+)?(?:staff|employees|people|workers|ftes?|engineers|operatives|heads|"
    r"employed|person|-person|-strong)\b",
    rf"\b{_NUMBER_WORDS}\s+(?:full[- ]time\s+|part[- ]time\s+)?(?:staff|employees|people|"
    r"workers)\b",
    r"\b(?:team|workforce|staff|headcount)\s+(?:of|is|are)\s+(?:about\s+|around\s+|roughly\s+)?\d",
    r"\bemploy(?:s|ing)?\s+(?:about\s+|around\s+|roughly\s+|over\s+|under\s+)?\d",
)
_MONEY = _any(
    r"[£€$]\s?\d",
    r"\b\d+(?:\.\d+)?\s?(?:k|m|mn|million|bn|billion|thousand)\b",
    r"\b(?:turnover|revenue|annual\s+sales|balance\s+sheet)\b",
)
_POSTCODE = re.compile(
    r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b"
    r"|\b(?:in|at|postcode|based|near|is)\s+[A-Z]{1,2}\d[A-Z\d]?\b(?!\s*\d[A-Z]{2})"
)
_LOCATION = _any(
    r"\b(?:based|located|situated|sited)\s+(?:in|at|near|on)\b",
    r"\b(?:our|my)\s+(?:site|factory|premises|office|unit|workshop|plant|warehouse|shop|"
    r"head\s+office|hq|base)\s+(?:is\s+)?(?:in|at|near)\b",
)
_PLACE = re.compile(r"\b(?:we're|we\s+are|i'm|i\s+am|we're\s+based)\s+(?:in|from)\s+[A-Z]")
_SELF_DESCRIPTION = _any(
    r"\b(?:we\s+are|we're|i\s+am|i'm|i\s+run|we\s+run|i\s+own|we\s+own|my\s+company\s+is|"
    r"our\s+company\s+is|my\s+business\s+is|our\s+business\s+is|this\s+is)\s+(?:a|an)\b"
    r"[^.?!]{0,60}?\b(?:company|business|firm|manufacturer|maker|producer|supplier|start-?up|"
    r"sme|ltd|limited|consultancy|partnership|practice|sole\s+trader|agency|studio|bakery|"
    r"brewery|workshop|contractor|developer|distributor|wholesaler|retailer|plc|llp|"
    r"social\s+enterprise|spin-?out|fabricator|foundry|shop)\b",
)
_TRADING = _any(
    r"\btrading\s+(?:for|since)\b|\bbeen\s+trading\b",
    r"\b(?:established|founded|incorporated|set\s+up|started|launched|formed)\s+(?:in\s+)?\d{4}\b",
    r"\b\d+\s+(?:years?|months?)\s+(?:old|trading|in\s+business)\b",
)
_OWNERSHIP = _any(
    r"\bowned\s+by\b|\bsubsidiary\b|\bparent\s+company\b|\bholds?\s+\d+\s?%|"
    r"\b\d+\s?%\s+(?:owned|stake|of\s+(?:our|the)\s+shares)",
)
_SECTOR_CODE = re.compile(r"\bsic\b", re.IGNORECASE)
_INSOLVENCY = re.compile(
    r"\b(?:in|into|entered|entering)\s+(?:administration|liquidation|receivership)\b"
    r"|\binsolven(?:t|cy)\b",
    re.IGNORECASE,
)
_FACT_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("headcount", _HEADCOUNT), ("money", _MONEY), ("postcode", _POSTCODE),
    ("location", _LOCATION), ("place", _PLACE), ("trading time", _TRADING),
    ("ownership", _OWNERSHIP), ("sector code", _SECTOR_CODE), ("insolvency", _INSOLVENCY),
]

# --- signposting -----------------------------------------------------------------------------

_TECHNICAL_VERB = (
    r"(?:test|prototype|validate|verify|certify|qualify\s+(?:a|an|our|the|my)|characteri[sz]e|"
    r"trial|develop|design|scale\s+up|scale|automate|measure|simulate|model|analy[sz]e|build|"
    r"make|manufacture|reduce|improve|decarboni[sz]e|recycle|reuse|remanufacture|access|use|"
    r"try|optimi[sz]e|digiti[sz]e|adopt|integrate|benchmark|map|upgrade|convert|switch|"
    r"retrofit|3d[- ]print|print|machine|inspect|scan|commerciali[sz]e|explore|cut|lower|"
    r"electrify|install|find\s+(?:a|an|someone|somebody|partners?|experts?|a\s+facility|"
    r"a\s+lab|help))"
)
_FUNDING_WORDS = re.compile(
    r"\b(?:grants?|fund|funds|funding|funded|pay\s+for|costs?|claims?|quotes?|quotations|"
    r"intervention|award|vouchers?|mfa|match|rate|budget|money|spend|subsid\w*|eligible)\b",
    re.IGNORECASE,
)
_SIGNPOST_STRONG: list[tuple[str, re.Pattern[str]]] = [
    ("asks who can help", _any(
        r"\bwho\s+(?:can|could|should|would|might|does|do)\s+(?:help|assist|support|advise|"
        r"test|make|build|do)\b",
        r"\bwho\s+(?:can|could|should|do|shall)\s+(?:i|we)\s+(?:talk|speak|go|turn|contact|ask|"
        r"approach|work)\b",
        r"\bwhich\s+(?:hubs?|pre-?hubs?|partners?|universit(?:y|ies)|teams?|facilit(?:y|ies)|"
        r"labs?|laborator(?:y|ies)|experts?|centres?|centers?|groups?)\b",
    )),
    ("asks where to get something done", _any(
        r"\bwhere\s+(?:can|could|should|do|would)\s+(?:i|we)\s+(?:go|get|find|test|access|use|"
        r"hire|prototype|trial|make|build|develop|try|have)\b",
    )),
    ("asks for a facility or expertise", _any(
        r"\b(?:is\s+there|are\s+there|do\s+you\s+have|does\s+(?:anyone|anybody|any\s+partner|"
        r"the\s+programme)\s+have)\s+(?:a|an|any|some|somewhere|someone)?[^.?!]{0,40}?\b"
        r"(?:facilit(?:y|ies)|labs?|laborator(?:y|ies)|experts?|expertise|teams?|rigs?|"
        r"chambers?|equipment|kit|machines?|centres?|specialists?|capabilit\w*|somewhere|"
        r"someone|anyone)\b",
        r"\baccess\s+to\s+(?:a\s+|an\s+|the\s+|your\s+)?[^.?!]{0,30}?\b(?:facilit(?:y|ies)|labs?|"
        r"laborator(?:y|ies)|equipment|kit|machines?|experts?|expertise|test\w*|rigs?|"
        r"chambers?|scanners?|printers?|specialists?)\b",
    )),
    ("describes a technical need", _any(
        rf"\b(?:i|we|we're|i'm)\s+(?:(?:really\s+)?(?:need|want|would\s+like|'d\s+like|"
        rf"are\s+looking|am\s+looking|plan|hope|wish|intend|are\s+trying|am\s+trying)\s+to|"
        rf"looking\s+to)\s+(?:\w+\s+)?{_TECHNICAL_VERB}\b",
        rf"\bhelp\s+(?:us|me)\s+(?:to\s+)?(?:\w+\s+)?{_TECHNICAL_VERB}\b",
        r"\b(?:looking\s+for|need|want|seeking)\s+(?:a\s+|an\s+|some\s+)?(?:help|support|"
        r"advice|expertise|experts?|specialists?|partners?|facilit(?:y|ies)|labs?|"
        r"laborator(?:y|ies)|someone|somebody|a\s+place|somewhere)\s+(?:with|to|for|in|on|that|"
        r"who|which|where)\b(?![^.?!]{0,20}\b(?:application|apply|grant|funding|form)\b)",
    )),
]
_SIGNPOST_WEAK = _any(
    r"\b(?:facilit(?:y|ies)|labs?|laborator(?:y|ies)|test\s+rigs?|testing|test\s+beds?|"
    r"testbeds?|prototyp\w*|experts?|expertise|specialists?|chambers?|clean\s*rooms?|"
    r"scanners?|3d\s+print\w*|additive\s+manufacturing|metrology|simulators?|pilot\s+lines?|"
    r"characteri[sz]ation|trials)\b",
)

# --- follow-ups ------------------------------------------------------------------------------

_FOLLOW_UP_OPENER = re.compile(
    r"^\W*(?:and|but|also|so|ok|okay|or|then|what\s+about|how\s+about|what\s+if|"
    r"same\s+for|for\s+(?:a|an|the)|is\s+that|does\s+that|would\s+that|and\s+if)\b",
    re.IGNORECASE,
)
_SHORT_FOLLOW_UP_WORDS = 8

# --- examples for the embedding comparison (generic, not tied to one programme) -------------

BUSINESS_SUPPORT_EXAMPLES: tuple[str, ...] = (
    "Can my small business get a grant to buy new machinery?",
    "What funding is available for SMEs?",
    "How do I apply for business support?",
    "Who can help us test a new product?",
    "We need access to a laboratory for materials testing.",
    "Is my company eligible for support?",
    "How long does the application process take?",
    "What counts as an eligible cost?",
    "Can we get help with reducing our energy use and carbon emissions?",
    "Where can we build a prototype of our device?",
    "What is the deadline for applications?",
    "Do you offer expert advice on automation?",
    "How many quotes do we need for equipment?",
    "Can a start-up join the programme?",
    "What does the innovation hub offer manufacturers?",
    "We want to improve productivity in our factory.",
    "How are grant claims paid?",
    "What is the definition of a small or medium-sized enterprise?",
    "Is our area covered by the scheme?",
    "Can you help us find a university partner for research?",
    "What happens after I submit an enquiry?",
    "How do I make a complaint about the service?",
    "What personal data do you hold about me?",
    "What support is there for food and drink producers?",
    "Do previous subsidies affect how much we can receive?",
    "Which sectors are excluded from support?",
    "Can consultancy fees be included in the project costs?",
    "Where is the programme office?",
    "Are there any workshops or networking events for businesses?",
    "How can I keep up to date with news from the programme?",
    "How do I get in touch with the support team?",
    "Can I challenge a decision on my application?",
    "Who makes the funding decisions?",
    "Do I need to be registered for VAT to take part?",
    "Can charities and social enterprises take part?",
)
OFF_TOPIC_EXAMPLES: tuple[str, ...] = (
    "What's the weather like tomorrow?",
    "Give me a recipe for lasagne.",
    "Who won the football last night?",
    "Help me with my maths homework.",
    "Write a function that reverses a string.",
    "What is the capital of France?",
    "Tell me a joke.",
    "Should I break up with my boyfriend?",
    "What film should I watch tonight?",
    "How do I lose weight quickly?",
    "Write a poem about the sea.",
    "Who was the first person to walk on the moon?",
    "Where should I go on holiday this summer?",
    "How do I fix a flat tyre on my bike?",
    "What are tonight's lottery numbers?",
    "Translate this sentence into French.",
    "Recommend a good novel to read.",
    "How do I train my puppy to sit?",
    "What's a good name for a cat?",
    "How do I get rid of a cold?",
    "What is the best video game this year?",
    "How many planets are in the solar system?",
    "What should I wear to a wedding?",
    "Explain the rules of chess.",
    "How do I clean the oven at home?",
    "Why do leaves change colour in autumn?",
    "What's the tallest animal in the world?",
    "What should I buy my mum for her birthday?",
    "Which band had the most number one hits?",
    "How do I get my baby to sleep through the night?",
)


class Router:
    """Decides the route of one message; rules first, then (optionally) an example comparison.

    `embedder`, when given, is used only for messages no rule claims, to tell off-topic
    messages from programme questions. `margin` is how much closer a message must be to the
    off-topic examples than to the business-support ones; `floor` is the least similarity to
    an off-topic example that counts at all. With `has_context`, a message that reads as a
    follow-up (opens with "and", "what about", ... or is a few words long) is never sent out
    of scope by the comparison, and one that opens like a follow-up not by the rules either.
    """

    def __init__(self, embedder: Embedder | None = None, margin: float = 0.1,
                 floor: float = 0.25) -> None:
        if not 0.0 <= margin < 1.0:
            raise ValueError(f"margin must be between 0 and 1, got {margin!r}")
        if not 0.0 <= floor < 1.0:
            raise ValueError(f"floor must be between 0 and 1, got {floor!r}")
        self._embedder = embedder
        self._margin = margin
        self._floor = floor
        self._examples: tuple[np.ndarray, np.ndarray] | None = None

    def route(self, message: str, has_context: bool = False) -> RouteDecision:
        text = " ".join(message.split())
        follow_up = has_context and _reads_as_follow_up(text)
        decision = self._decide(text, has_context, follow_up)
        return decision.model_copy(update={"follow_up": follow_up})

    def _decide(self, text: str, has_context: bool, follow_up: bool) -> RouteDecision:
        if not text:
            return RouteDecision(route="greeting", reason="empty message")
        decision = _refusal_or_referral(text) or _small_talk(text)
        # A continuation ("and what about ...") is read against the conversation, so words
        # that look off-topic on their own do not decide it.
        if decision is None and not (has_context and _FOLLOW_UP_OPENER.search(text)):
            decision = _off_topic_by_rule(text)
        decision = decision or _eligibility_or_signposting(text)
        if decision is None and not follow_up:
            decision = self._off_topic_by_examples(text)
        return decision or RouteDecision(
            route="programme_question", reason="no other route applies"
        )

    def _off_topic_by_examples(self, text: str) -> RouteDecision | None:
        if self._embedder is None or _BUSINESS_WORDS.search(text):
            return None
        off, business = self._similarities(text)
        if off >= self._floor and off - business >= self._margin:
            return RouteDecision(
                route="out_of_scope",
                reason=f"closer to off-topic examples ({off:.2f} vs {business:.2f})",
            )
        return None

    def _similarities(self, text: str) -> tuple[float, float]:
        """Highest cosine similarity to an off-topic example and to a business example."""
        assert self._embedder is not None
        if self._examples is None:
            off = self._embedder.embed(list(OFF_TOPIC_EXAMPLES))
            business = self._embedder.embed(list(BUSINESS_SUPPORT_EXAMPLES))
            self._examples = (off, business)
        vector = self._embedder.embed([text])[0]
        off, business = self._examples
        return float(np.max(off @ vector)), float(np.max(business @ vector))


def _refusal_or_referral(text: str) -> RouteDecision | None:
    injection = find_injection(text)
    if injection is not None:
        return RouteDecision(route="unsafe", reason=f"jailbreak: {injection}")
    for name, pattern in _UNSAFE_RULES:
        if pattern.search(text):
            return RouteDecision(route="unsafe", reason=name)
    if _ASKS_WHO.search(text):  # "who should we talk to about X" asks for the right expert
        return None
    for name, pattern in _REFERRAL_RULES:
        if pattern.search(text):
            return RouteDecision(route="referral", reason=name)
    return None


def _small_talk(text: str) -> RouteDecision | None:
    if _is_pleasantry(text):
        return RouteDecision(route="greeting", reason="greeting or thanks")
    if _CAPABILITY.search(_LEADING_PLEASANTRIES.sub("", text)):
        return RouteDecision(route="greeting", reason="asks what the assistant can do")
    return None


def _off_topic_by_rule(text: str) -> RouteDecision | None:
    if _BUSINESS_WORDS.search(text):
        return None
    for name, pattern in _OFF_TOPIC_RULES:
        if pattern.search(text):
            return RouteDecision(route="out_of_scope", reason=f"off-topic: {name}")
    return None


def _eligibility_or_signposting(text: str) -> RouteDecision | None:
    """An explicit eligibility question wins; then a stated need; then a description of the
    business (which asks, in effect, "what can we get?"); then a mention of facilities."""
    if _ELIGIBILITY_QUESTION.search(text) or (
        _ELIGIBILITY_WORD.search(text) and _FIRST_PERSON.search(text)
    ):
        return RouteDecision(route="eligibility", reason="asks about eligibility")
    for name, pattern in _SIGNPOST_STRONG:
        if pattern.search(text):
            return RouteDecision(route="signposting", reason=name)
    facts = _described_facts(text)
    if _describes_business(text, facts):
        return RouteDecision(
            route="eligibility", reason="describes the business: " + ", ".join(facts)
        )
    if _SIGNPOST_WEAK.search(text) and not _FUNDING_WORDS.search(text):
        return RouteDecision(route="signposting", reason="mentions facilities or expertise")
    return None


def _is_pleasantry(text: str) -> bool:
    """True when nothing is left once greetings, thanks and filler words are taken out."""
    if not _PLEASANTRIES.search(text):
        return False
    rest = _FILLER.sub(" ", _PLEASANTRIES.sub(" ", text))
    return not re.search(r"\w", rest)


def _described_facts(text: str) -> list[str]:
    return [name for name, pattern in _FACT_PATTERNS if pattern.search(text)]


def _describes_business(text: str, facts: Sequence[str]) -> bool:
    """A message that describes the business asks, in effect, "what can we get?"."""
    if _SELF_DESCRIPTION.search(text) and facts:
        return True
    if _FIRST_PERSON.search(text) and len(facts) >= 2:
        return True
    return len(facts) >= 3


def _reads_as_follow_up(text: str) -> bool:
    return bool(_FOLLOW_UP_OPENER.search(text)) or len(text.split()) <= _SHORT_FOLLOW_UP_WORDS


# --- fixed replies for the routes that routing alone decides ---------------------------------
# str.format templates: {programme} is the programme's name, {contact} its contact sentence.

GREETING_REPLY = (
    "Hello! I can answer questions about {programme}: whether your business is eligible and "
    "for which support, how much you could receive, how to apply, and which hub, facility or "
    "expert team can help with your project. Tell me a little about your business or ask a "
    "question to get started."
)
OUT_OF_SCOPE_REPLY = (
    "Sorry, I can only help with questions about {programme}: eligibility, funding and how to "
    "apply, and finding the right hub, facility or expert team for your business. If you have "
    "a question about that, I'm happy to help, or you can contact {contact}."
)
UNSAFE_REPLY = (
    "I can't help with that. I can answer questions about {programme}, check your business's "
    "eligibility from accurate information about it, and point you to the right support. "
    "If you'd like to talk something through, please contact {contact}."
)
REFERRAL_REPLY = (
    "Of course: I can ask an adviser from {programme} to get in touch with you. Would a phone "
    "call or an email suit you better, and when is the best time to reach you? Please don't "
    "type your phone number or email address in this chat; give them through the programme's "
    "enquiry form, or contact {contact} directly."
)

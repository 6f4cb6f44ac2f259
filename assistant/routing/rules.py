"""The rules routing applies, in generic English: referral, small talk, off-topic subjects,
eligibility questions, signposting needs and follow-ups. The programme's own vocabulary (what it
calls its hubs and grants) comes from the knowledge folder and is passed to the router."""

from __future__ import annotations

import re


def _any(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


FIRST_PERSON = re.compile(
    r"\b(?:i|i'm|im|i've|i'd|we|we're|we've|we'd|our|ours|us|my|me)\b", re.IGNORECASE
)

# --- referral --------------------------------------------------------------------------------

ASKS_WHO = re.compile(
    r"\bwho\s+(?:can|could|should|would|do|shall)\s+(?:i|we)\s+(?:talk|speak|chat)\b",
    re.IGNORECASE,
)
REFERRAL_RULES: list[tuple[str, re.Pattern[str]]] = [
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

PLEASANTRIES = _any(
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
FILLER = re.compile(
    r"\b(?:so|much|very|for|your|the|that's|that|this|all|you|it's|it|was|is|really|helpful|"
    r"useful|"
    r"a|lot|and|there|again|everyone|team|folks|help|today|doing|just|wanted|to|say|bot|"
    r"assistant|i|me|we|us|well|indeed|oh|ah|um|hmm|please|then|mate|guys|all|of|info|"
    r"information|answer|answers|reply|now|bye|kind|kindly|appreciate)\b",
    re.IGNORECASE,
)
LEADING_PLEASANTRIES = re.compile(
    r"^(?:\W*(?:hi|hello|hey|hiya|good\s+(?:morning|afternoon|evening)|morning|thanks|"
    r"thank\s+you|ok|okay|great|cheers)\b)+\W*",
    re.IGNORECASE,
)
CAPABILITY = _any(
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
BUSINESS_WORDS = _any(
    r"\b(?:business(?:es)?|compan(?:y|ies)|firm|smes?|start-?ups?|enterprise|ltd|limited|plc|"
    r"llp|grants?|fund|funds|funding|funded|programmes?|programs?|schemes?|rounds?|deadlines?|"
    r"vouchers?|eligib\w*|qualif\w*|apply|applying|application|applications|staff|employees?|"
    r"turnover|revenue|customers?|clients?|products?|manufactur\w*|suppliers?|supply\s+chain|"
    r"factory|premises|production|prototyp\w*|facilit(?:y|ies)|labs?|laborator(?:y|ies)|"
    r"advisers?|advisors?|project|r&d|innovation|innovate|productivity|commercial\w*|"
    r"export\w*|invest\w*|procurement|sector|industr(?:y|ies|ial)|engineering|equipment|"
    r"machinery|sic|postcode|partners|universit(?:y|ies)|subsid(?:y|ies)|award|"
    r"match\s+funding|quotes?|quotations|claims?|net\s+zero|decarboni[sz]\w*|"
    r"automation|scale-?up|scaling|pilot\s+(?:plant|line|scale|facility|run)s?|"
    r"test\s*(?:beds?|rigs?|facility|facilities|centres?|centers?|tracks?|chambers?|lines?)|"
    r"testbeds?|anechoic|clean\s*rooms?|workshops?|machines?|machining|"
    # who owns the business: "my son and I own it"
    r"owns?\s+(?:it|the\s+(?:lot|shares|business|company|firm))|owned|ownership|"
    r"shareholders?|shareholding)\b",
    # "we bake", but not "how do I bake": a question about doing it is not a business
    r"(?<!do\s)(?<!can\s)(?<!should\s)(?<!could\s)(?<!would\s)(?<!to\s)"
    r"\b(?:we|i)\s+(?:make|bake|brew|produce|manufacture|sell|supply|design|build|develop|"
    r"run|operate|employ|trade|grow|distribute|export|install|repair|process)\b",
    r"\bour\s+(?:team|products?|customers?|clients?|site|factory|workshop|kitchen|bakery|"
    r"shop|brand|range|process|line|plant|firm|staff|workforce|technology|device|service|"
    r"services|business|company)\b",
)
OFF_TOPIC_RULES: list[tuple[str, re.Pattern[str]]] = [
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

# "Can we apply?", "could we get funding?", "do we qualify?": a modal with a verdict word.
MODAL_ELIGIBILITY = _any(
    r"\b(?:am\s+i|are\s+we|is\s+(?:my|our)\s+\w+|would\s+(?:i|we|my|our)|could\s+(?:i|we|my|our)|"
    r"will\s+(?:i|we|my|our)|do\s+(?:i|we)|does\s+(?:my|our)\s+\w+|can\s+(?:i|we|my|our)|"
    r"might\s+(?:i|we)|should\s+(?:i|we))\b[^.?!]{0,50}?\b(?:"
    # "is VAT counted among the eligible costs?" asks about costs, not the business
    r"eligible(?!\s+(?:costs?|expenditure|items?|spend|purchases?|activit(?:y|ies)))|"
    r"qualify|qualif\w+|"
    r"entitled|apply(?!\s+(?:online|by|via|through|using|in\s+person|on\s+paper|more\s+than|"
    # the language of the form: "can I apply in Welsh?"
    r"in\s+(?:welsh|english|polish|punjabi|urdu|bengali|gujarati|arabic|romanian|chinese|"
    r"mandarin|cantonese|hindi|somali|another\s+language|a\s+different\s+language|my\s+own\s+"
    r"language|writing)\b|"
    r"again|twice|for\s+more\s+than|to\s+more\s+than|for\s+(?:two|both|several|multiple|"
    r"another|a\s+second|more\s+than\s+one|each)\b|in\s+(?:the\s+same|every|each)\b|"
    # "apply for the grant and a voucher at the same time?": a rule on combining support
    r"[^.?!]{0,60}\b(?:at\s+the\s+same\s+time|simultaneously|in\s+parallel|both\s+at\s+once)\b))|"
    r"get\s+(?:any\s+)?(?:funding|a\s+grant|grant|money|the\s+grant|anything)|"
    # "can we still get a Harbour Grant?", "could we get the Pilot Voucher?": an award named
    r"get\s+(?:the|a|an)\s+(?:[\w&'-]+\s+){0,4}?(?:grants?|vouchers?|loans?|bursar(?:y|ies)|"
    r"awards?)(?=\s*(?:[?!.]|$))|"
    # "can we still get the Skyline Fund?": a programme by its name, ending the question
    r"get\s+(?:the|a|an)\s+(?-i:[A-Z])[\w&'-]*(?:\s+(?-i:[A-Z])[\w&'-]*){0,4}(?=\s*(?:[?!.]|$))|"
    # "a friend mentioned a grant for machinery; can we get one?": the grant just named
    r"get\s+(?:it|one)(?=\s*(?:[?!.]|$))|"
    # "get help with X" names a need (signposting), not a question about eligibility
    r"get\s+(?:any\s+)?(?:support|help)(?!\s+(?:with|to|on|in|for)\b)|"
    r"receive\s+(?:any\s+)?(?:funding|a\s+grant|support|money)|be\s+considered|"
    r"count\s+as\s+(?:an?\s+)?(?:sme|small|medium|micro)|"
    r"join|take\s+part|participate|sign\s+up|enrol|enroll|be\s+accepted|become\s+a\s+member)\b",
)
# Questions that can only be about the business's own eligibility, however they open.
ELIGIBILITY_QUESTION = _any(
    r"\b(?:are\s+we|am\s+i|is\s+(?:my|our)\s+(?:company|business|firm))\s+(?:still\s+)?"
    r"(?:an?\s+)?(?:sme|micro|small|medium|medium-sized|large)\b",
    # (an adviser for a client: "to look at their eligibility", "whether the client
    # qualifies")
    r"\b(?:our|my|their|its|(?:the|my|our)\s+client'?s|the\s+(?:company|business|firm)'s)\s+"
    r"eligibility\b|\beligib\w*\s+(?:check|assessment)\b",
    r"\b(?:check|assess|see|confirm|find\s+out|tell\s+(?:me|us))\s+(?:if|whether)\s+"
    r"(?:i|we|my|our|they|their|(?:the|my|our)\s+client|the\s+(?:company|business|firm))\b"
    r"[^.?!]{0,30}\b(?:eligible|qualify|qualifies|can\s+apply)",
    r"\bwhat\s+(?:support|funding|grants?|help|programmes?|schemes?)\s+(?:can|could|would|"
    r"might)\s+(?:i|we|my|our)\b",
    r"\bwhich\s+(?:programmes?|schemes?|support|grants?|funding)\s+(?:can|could|should|would|"
    r"might)\s+(?:i|we)\s+(?:apply|get|qualify)",
    r"\bhow\s+much\s+(?:funding|grant|money|support)?\s*(?:could|can|would|might|will)\s+"
    r"(?:i|we|my\s+\w+|our\s+\w+)\s+(?:get|receive|claim|be\s+(?:awarded|given|offered))",
    r"\bwhat\s+(?:are|am)\s+(?:we|i)\s+eligible\s+for\b",
    r"\bwhat\s+(?:can|could|would|might)\s+(?:i|we|my\s+\w+|our\s+\w+)\s+(?:get|receive|"
    r"apply\s+for|qualify\s+for)\b",
)
# What the rules work out for a business from its figures: "what would we be paid?",
# "how many posts do we have to add?", "what headroom do we have?"
AWARD_WORDS = re.compile(
    r"\b(?:grants?|awards?|awarded|vouchers?|funding|money|headroom|room|left|remain\w*|jobs?|"
    r"pay|paid|cover|covered|receive|get|contribute|contribution|intervention|rate|band|size)\b",
    re.IGNORECASE,
)
# MODAL_ELIGIBILITY inside a question about how, when or where ("How do I apply?", "When can we
# apply?") asks for the process, not a verdict.
PROCEDURAL = re.compile(r"^\W*(?:how|when|where|why|who|what|which|by\s+when)\b(?!\s+much\b)",
                        re.IGNORECASE)
# "Are start-ups like us eligible?": the eligibility word plus any first person. "Qualify"
# followed by an object is qualifying a part or process, a technical need; "eligible costs"
# are what a grant pays for, not the business.
ELIGIBILITY_WORD = re.compile(
    r"\b(?:eligible|eligibility|ineligible|qualifies|"
    r"qualify(?!\s+(?:a|an|the|our|my|this|these|those|its|their|new|parts?|components?)\b))\b"
    r"(?!\s+(?:project\s+|grant\s+)?(?:costs?|expenditure|expenses|spend\w*|items?|activit\w+|"
    r"purchases?|equipment|work|outputs?))",
    re.IGNORECASE,
)

SELF_DESCRIPTION = _any(
    r"\b(?:we\s+are|we're|i\s+am|i'm|i\s+run|we\s+run|i\s+own|we\s+own|my\s+company\s+is|"
    r"our\s+company\s+is|my\s+business\s+is|our\s+business\s+is|this\s+is)\s+(?:a|an)\b"
    r"[^.?!]{0,60}?\b(?:company|business|firm|manufacturer|maker|producer|supplier|start-?up|"
    r"sme|ltd|limited|consultancy|partnership|practice|sole\s+trader|agency|studio|bakery|"
    r"brewery|workshop|contractor|developer|distributor|wholesaler|retailer|plc|llp|"
    r"social\s+enterprise|spin-?out|fabricator|foundry|shop)\b",
)

# --- signposting -----------------------------------------------------------------------------

# What a provider does for a business: "who can review it", "which lab can test castings".
_PROVIDER_VERB = (
    r"(?:test|make|build|review|check|provide|analy[sz]e|work\s+on|supply|train|certify|"
    r"design|develop|model|measure|inspect|scan|simulate|prototype|offer|validate|verify|"
    r"qualify|characteri[sz]e|trial|assess|evaluate|audit|investigate|look\s+at|run|host|"
    r"print|machine|manufacture|recycle)"
)
# ... unless the thing to check is the application itself: that is for the programme's team
_NOT_PAPERWORK = (r"(?![^.?!]{0,30}\b(?:application|apply|applying|claims?|forms?|"
                  r"eligib\w*|declaration|personal\s+data|data\s+protection|privacy|"
                  r"complain\w*)\b)")

# What the programme's own office deals with, never a facility or expert team.
OFFICE_MATTERS = re.compile(
    r"\b(?:personal\s+data|data\s+protection|privacy\s+notice|gdpr|subject\s+access|"
    r"complain\w*|unhappy|not\s+happy|dissatisfied|not\s+satisfied|appeal\w*|"
    r"(?:badly|poorly|wrongly)\s+handled|mishandled|treated\s+(?:unfairly|badly))\b",
    re.IGNORECASE)

_TECHNICAL_VERB = (
    r"(?:test|prototype|validate|verify|certify|qualify\s+(?:a|an|our|the|my)|characteri[sz]e|"
    r"trial|develop|design|scale\s+up|scale|automate|measure|simulate|model|analy[sz]e|build|"
    r"make|manufacture|reduce|improve|decarboni[sz]e|recycle|reuse|remanufacture|access|use|"
    r"try|optimi[sz]e|digiti[sz]e|adopt|integrate|benchmark|map|upgrade|convert|switch|"
    r"retrofit|3d[- ]print|print|machine|inspect|scan|commerciali[sz]e|explore|cut|lower|"
    r"electrify|install|look\s+at|examine|investigate|study|train|find\s+out|"
    r"find\s+(?:a|an|someone|somebody|partners?|experts?|a\s+facility|a\s+lab|help)"
    # not premises, people to hire or other services: "find an office to lease"
    r"(?!\s+(?:[\w-]+\s+){0,2}?(?:units?|premises|offices?|warehouses?|property|properties|"
    r"buildings?|shops?|sites?|space|landlords?|tenants?|buyers?|jobs?|employees?|staff|"
    r"recruits?|apprentices?|accountants?|solicitors?|lawyers?|banks?|loans?|investors?)\b))"
)
FUNDING_WORDS = re.compile(
    r"\b(?:grants?|fund|funds|funding|funded|pay\s+for|costs?|claims?|quotes?|quotations|"
    r"intervention|award|vouchers?|match|rate|budget|money|spend|subsid\w*|eligible|mfa|"
    r"minimal\s+financial\s+assistance|de\s+minimis|valued|worth)\b",
    re.IGNORECASE,
)
SIGNPOST_STRONG: list[tuple[str, re.Pattern[str]]] = [
    ("asks who can help", _any(
        rf"\bwho\s+(?:can|could|should|would|might|does|do|will)\s+(?:help|assist|support|"
        rf"advise|do|{_PROVIDER_VERB})\b{_NOT_PAPERWORK}",
        r"\bwho\s+(?:can|could|should|do|shall)\s+(?:i|we)\s+(?:talk|speak|go|turn|contact|ask|"
        rf"approach|work)\b{_NOT_PAPERWORK}",
        rf"\bwho\s+(?:works?\s+(?:on|in|with)|speciali[sz]es?\s+in|helps?\s+(?:with|us|"
        rf"companies|businesses|firms)|offers?|provides?|supplies|runs?\s+(?:tests?|trials?)|"
        rf"has\s+(?!to\b)(?:[\w-]+\s+){{0,3}}?(?:experts?|expertise|scientists?|engineers?|"
        rf"specialists?|facilit(?:y|ies)|labs?|laborator(?:y|ies)|equipment|kit|rigs?|"
        rf"capabilit\w*|experience))\b{_NOT_PAPERWORK}",
        # "which hub should we talk to", "which lab can test castings": any noun
        rf"\bwhich\s+(?:[\w-]+\s+){{1,2}}?(?:can|could|should|would|might|will)\s+"
        rf"(?:(?:i|we)\s+(?:talk|speak|go|turn|contact|approach|use|work\s+with)|help|"
        rf"assist|support|advise|{_PROVIDER_VERB})\b",
    )),
    ("asks where to get something done", _any(
        r"\bwhere\s+(?:can|could|should|do|would)\s+(?:i|we|they|our\s+\w+)\s+(?:go(?!\s+(?:"
        r"instead|else|now|next|from\s+here)\b)|get|find|"
        r"test|access|use|hire|prototype|trial|make|build|develop|try|have|learn|train)\b",
        # "where within the network might this be tested?": the need told before, a place asked
        r"\bwhere\s+(?:(?:in|on|within|across)\s+(?:the\s+|this\s+|your\s+)?[\w-]+\s+)?(?:can|"
        r"could|would|might|should)\s+(?:that|this|it|these|those|they|something\s+like\s+that)"
        r"\s+be\s+(?:done|tested|carried\s+out|trialled|trialed|tried|made|built|measured|checked|"
        r"run|analy[sz]ed|scanned|assessed|evaluated|prototyped)\b",
        # "we'd try it on a few sample castings first - where could that happen?"
        r"\b(?:try|test|trial|prototype|see|watch)\b[^.?!]{0,80}\bwhere\s+(?:can|could|would|"
        r"might|should)\s+(?:i|we)\s+do\s+(?:that|this|it|so)\b",
        # "anywhere we can try one out on our parts?", "somewhere I could see one working"
        r"\b(?:anywhere|somewhere|any\s+place|a\s+place)\s+(?:that\s+|where\s+)?(?:i|we)\s+"
        r"(?:can|could|might)\s+(?:go\s+(?:to\s+|and\s+)?)?(?:test|try|trial|see|watch|use|"
        r"access|hire|prototype|demo|learn)\b",
    )),
    ("asks for a facility or expertise", _any(
        r"\b(?:is\s+there|are\s+there|do\s+you\s+have|does\s+(?:anyone|anybody|any\s+partner|"
        r"the\s+programme)\s+have)\s+(?:a|an|any|some|somewhere|someone)?[^.?!]{0,40}?\b"
        r"(?:facilit(?:y|ies)|labs?|laborator(?:y|ies)|experts?|expertise|teams?|rigs?|"
        r"chambers?|equipment|kit|machines?|centres?|specialists?|capabilit\w*|somewhere|"
        r"someone|anyone|pilot\s+(?:plant|line|facility)s?|test\s*beds?|testbeds?|"
        r"clean\s*rooms?|workshops?)\b",
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
        # "we need help improving our yield", "looking for support developing a sensor"
        r"\b(?:looking\s+for|need|want|seeking)\s+(?:some\s+)?(?:technical\s+|expert\s+)?(?:help|"
        r"support|advice|expertise)\s+(?!(?:applying|filling|completing|writing|getting|finding|"
        r"paying|funding|financing|claiming)\b)[a-z]+ing\b"
        r"(?![^.?!]{0,30}\b(?:application|apply|grant|funding|form|bid)\b)",
        # "we need bench space in a chemistry lab", "looking for a clean room"
        r"\b(?:need|needs|want|looking\s+for|seeking|require|after)\s+(?:a\s+|an\s+|some\s+|"
        r"access\s+to\s+|the\s+use\s+of\s+)?(?:[\w-]+\s+){0,3}?(?:facilit(?:y|ies)|labs?|"
        r"laborator(?:y|ies)|benches|bench|rigs?|chambers?|clean\s*rooms?|test\s+beds?|"
        r"workshop\s+space|lab\s+space|pilot\s+lines?|scanners?|experts?|specialists?|gpus?|"
        r"computing|supercomputer|simulators?|test\s+tracks?|wind\s+tunnels?)\b",
        # "we need compute time and help speeding up our models"
        r"\b(?:need|want|looking\s+for)\s+[^.?!]{0,40}\band\s+(?:some\s+)?(?:help|advice|"
        r"support)\s+(?:with|to|on|making|getting|speeding|improving)\b",
    )),
]
# What a question asks about a facility that the catalogue does not hold: its hours, prices,
# terms. Such a question wants that fact, not a list of facilities.
FACILITY_ATTRIBUTE = re.compile(
    r"\b(?:opening\s+(?:hours|times)|open(?:s|ing)?\s+(?:at|on|until|till|for)|hours|price|prices|"
    # whether it is open or free now: "is the track open at the moment?"
    r"(?:open|available|running|operating|closed)\b[^.?!]{0,30}\b(?:at\s+the\s+moment|right\s+now|"
    r"currently|these\s+days|this\s+(?:week|month|year))|"
    r"cost|costs|charge|charges|fee|fees|rent|rental|discount|parking|park|address|"
    r"(?:day|daily|hourly|half[\s-]day)\s+rates?|rate\s+card|"
    r"phone|email|capacity|size|age|waiting\s+list|availability|book(?:ing)?|hire|"
    # what using one requires: "must a visitor be insured to use the lab?"
    r"insurance|insured|induction|safety\s+training|dress\s+code|ppe|terms\s+and\s+conditions|"
    r"contract|nda|confidentiality|"
    # a measure of it: "what temperature is the room kept at?"
    r"temperatures?|humidity|voltages?|accuracy|resolution|tolerances?|dimensions|weight|"
    r"length|width|height|depth|speed)\b",
    re.IGNORECASE)
# what a question may ask of the support itself, which the guidance's rules hold or do not (not
# who can help): "could the specialist days go towards ...?", "do the rest lapse?", "may unused
# days be kept until the spring?"
SUPPORT_TERMS = re.compile(
    r"\b(?:run\s+out|expire[sd]?|expiry|lapse[sd]?|carr(?:y|ied)\s+(?:them\s+|it\s+)?"
    r"(?:over|forward)|roll(?:ed)?\s+(?:them\s+|it\s+)?over|save\s+(?:them|it|the\s+rest)|"
    r"bank\s+(?:them|it)|(?:days?|vouchers?|grants?|hours|funding|support|them|it)\s+"
    r"(?:be\s+)?(?:used|spent|put)\s+(?:to|for|on|towards))\b", re.IGNORECASE)
# ... of those, what a question about whether something exists may ask of a facility
FACILITY_TERMS = re.compile(
    r"\b(?:opening\s+(?:hours|times)|parking|car\s+park|price|prices|rent|rental|discount|"
    r"fee|fees|day\s+rate|charges?|waiting\s+list|canteen|wifi|wi-fi|disabled\s+access|"
    # how to get there: "is there a bus to the test track?"
    r"bus|buses|bus\s+stop|train\s+station|tram|public\s+transport|cycle\s+racks?|"
    # what it can take: "is there a weight limit for the rig?"
    r"(?:weight|size|height|load)\s+limits?|(?:maximum|max)\s+(?:size|weight|load|height)|"
    r"ev\s+charg(?:ing|ers?)|directions)\b",
    re.IGNORECASE)
SIGNPOST_WEAK = _any(
    r"\b(?:facilit(?:y|ies)|labs?|laborator(?:y|ies)|test\s+rigs?|testing|test\s+beds?|"
    r"testbeds?|prototyp\w*|experts?|expertise|specialists?|chambers?|clean\s*rooms?|"
    r"scanners?|3d\s+print\w*|additive\s+manufacturing|metrology|simulators?|pilot\s+lines?|"
    r"characteri[sz]ation|trials)\b",
)


# --- follow-ups ------------------------------------------------------------------------------

FOLLOW_UP_OPENER = re.compile(
    r"^\W*(?:and|but|also|so|ok|okay|or|then|what\s+about|how\s+about|what\s+if|"
    r"same\s+for|for\s+(?:a|an|the)|is\s+that|does\s+that|would\s+that|and\s+if)\b",
    re.IGNORECASE,
)
SHORT_FOLLOW_UP_WORDS = 8
# Words that refer back to what was said before: a message with one is a follow-up.
REFERS_BACK = re.compile(
    r"\b(?:it|its|it's|that|this|they|them|their|those|these|there|one|ones|same|else|too|"
    r"either|instead|then|him|her|he|she)\b", re.IGNORECASE)


"""How long the business has traded: durations ("trading 6 years"), start dates ("founded in
2019", "since March 2021") and "not yet trading".

- A start date known only to the year ("founded in 2019") is taken as the middle of the part of
  that year that has passed; a month ("since March 2021") as the middle of that month.
- "Pre-revenue" and "not yet trading" are 0 months trading.
- Only when nothing else is read: the business has done what it does since a year or for a time
  ("we've built boat trailers for 9 years"), in a clause about the business, not a career.
- A duration of something else (a project, a lease, a grant) is not the business's age.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from assistant.facts.activity import ACTIVITY_VERBS
from assistant.facts.common import LISTED_STAFF, NUM, QUAL, Found, Message
from assistant.facts.numbers import to_float

DURATION = (
    rf"(?:(?P<n>{NUM})|(?P<article>\ban?)|(?P<couple>\ba\s+couple\s+of)|(?P<halfa>\bhalf\s+an?))"
    r"(?P<half1>\s+and\s+a\s+half)?\s*-?\s*(?P<unit>years?|yrs?|months?|mths?|weeks?|wks?|"
    r"decades?)\b"
    r"(?P<half2>\s+and\s+a\s+half)?"
    # "6 yrs 3 months", "two years and four months": the months beyond the years
    r"(?:(?<=[sr])\s*,?\s*(?:and\s+)?(?P<more>\d{1,2})\s*(?:months?|mths?)\b)?")
_MONTH_NAMES = ("january february march april may june july august september october "
                "november december").split()
MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
         r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")


def month_number(name: str) -> int:
    """The month's number from its name or abbreviation: "Sept" is 9."""
    return next(i for i, full in enumerate(_MONTH_NAMES, 1) if full.startswith(name.lower()[:3]))


# a day before the month: "on 3 March 2019", "the 1st of September 2026"
_DAY = r"(?:(?:the\s+)?(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?=[a-z]))?"
# a season before the year: "since spring 2017", "in the autumn of 2019" (read as the year)
_SEASON = (r"(?:(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?(?:spring|summer|autumn|fall|winter)\s+"
           r"(?:of\s+)?|"
           # a holiday, or a week next to one: "at Easter 2013", "the week before Christmas 2019"
           r"(?:(?:the\s+)?(?:week|weekend|day|days|month|fortnight)\s+(?:before|after)\s+|at\s+|"
           r"(?:just\s+|shortly\s+|right\s+)?(?:before|after)\s+)?"
           r"(?P<holiday>christmas|xmas|easter(?:\s+(?:sunday|monday|weekend))?|"
           r"valentine'?s(?:\s+day)?|new\s+year'?s?(?:\s+(?:day|eve))?|halloween|"
           r"bonfire\s+night|boxing\s+day)(?:\s+day)?\s*,?\s+)")
# the month each holiday falls in
_HOLIDAY_MONTHS = {"christmas": 12, "xmas": 12, "easter": 4, "valentine": 2, "new": 1,
                   "halloween": 10, "bonfire": 11, "boxing": 12}
_TRADING = (r"(?:trading|traded|in\s+business|operating|operated|in\s+operation|established|"
            # "I've been freelance for 8 months": a freelancer's business is the self-employment
            r"(?<=been\s)(?:freelance|freelancing|self[\s-]employed)|"
            r"going|running|around|existed|exists?|in\s+existence|incorporated|open|active|"
            r"(?:a\s+)?(?:ltd|limited)(?:\s+company)?)")
_STARTED = (r"(?:founded|established|dat(?:es|ing)\s+(?:back\s+to|from)|"
            r"started(?:\s+(?:trading|up|out)(?:\s+(?:properly|officially|"
            r"fully|for\s+real|in\s+earnest))?|\s+(?:again|afresh|anew|over))?|set\s+up|incorporated|"
            # "set the company up", "started the business up"
            r"(?:set|started)\s+(?:it|(?:the|our|my|this)\s+(?:company|business|firm|shop|"
            r"[a-z-]+(?:ery|ry|shop|works|house|lab|studio|store|salon|yard|mill|plant)))\s+up|"
            # "we start the business in 2012", as some owners write it
            r"(?:(?<=we\s)|(?<=i\s))start\s+(?:(?:the|our|this|a|my)\s+)?(?:company|business|firm|"
            r"shop)|"
            r"spun\s+(?:out|off)|"
            # "grandad started us in 1974"
            r"(?:started|set|founded)\s+us(?:\s+up)?|"
            r"formed|launched|opened(?:\s+(?:our|the|its|my)\s+doors)?|began(?:\s+trading(?:\s+(?:properly|"
            r"officially|fully|for\s+real|in\s+earnest))?)?|"
            r"registered(?:\s+(?:at|with)\s+companies\s+house)?|"
            r"went\s+live|"
            # trading begins with the first sales: "our first orders came in late 2018"
            r"(?:our\s+)?first\s+(?:commercial\s+|paid\s+|paying\s+|proper\s+)?(?:sales?|orders?|"
            r"invoices?|customers?|clients?|jobs?|revenue|contracts?|deliver(?:y|ies)|shipments?)\s+"
            r"(?:(?:were|was)(?:\s+(?:sent|raised|issued|paid|delivered|shipped|done))?|came(?:\s+in)?|"
            r"arrived|landed|went\s+out))")
_TRADING_FOR = re.compile(
    rf"\b{_TRADING}\s+(?:already\s+)?(?:for\s+)?(?:(?:the\s+)?(?:last|past)\s+)?(?:{QUAL}\s+)?"
    rf"{DURATION}", re.I)
# "we are working already 4 years", as some owners write it (not "working 5 months on a design")
_WORKING_FOR = re.compile(
    r"\b(?:we|the\s+(?:company|business|firm))\s+(?:are|is|have\s+been|has\s+been|'ve\s+been|"
    rf"'re)\s+working\s+(?P<already>already\s+)?(?:for\s+)?{DURATION}"
    r"(?(already)|(?=\s*(?:[.,;!]|$|now\b|already\b)))", re.I)
_DURATION_OF_TRADING = re.compile(
    rf"{DURATION}'?\s+(?:of\s+)?(?:trading|in\s+business|"
    # "six years we are trading": the years first, as some owners write it
    r"(?:we|i)\s+(?:are|am|have\s+been|'ve\s+been)\s+(?:trading|in\s+business|open))\b",
    re.I)  # "9 years trading", "nine years' trading"
_AGE = re.compile(
    r"\b(?:we(?:'re|\s+are)|(?:the\s+|our\s+)?(?:company|business|firm)\s+is|it's|it\s+is)\s+"
    rf"(?:only\s+|just\s+)?(?:{QUAL}\s+)?{DURATION}\s+old\b", re.I)
# "we are a 4-year-old business", "I run a two-year-old engineering firm"
_AGE_BEFORE = re.compile(
    rf"\b(?:we(?:'re|\s+are)|i\s+run|i\s+own|it's)\s+an?\s+{DURATION}-?\s*old\s+"
    r"(?:[\w&-]+\s+){0,2}?(?:company|business|firm|outfit|startup|start-up|manufacturer|"
    r"workshop|bakery|brewery)\b", re.I)
# "22 years old" as one item of a list about the business ("..., 22 years old, debt-free"),
# not a person's age
_LISTED_AGE = re.compile(rf"(?:^|[,;(]|\band)\s*(?:{QUAL}\s+)?{DURATION}\s+old\b", re.I)
_A_PERSON_BEFORE = re.compile(r"\b(?:i'm|i\s+am|he's|she's|he\s+is|she\s+is|aged|age|"
                              r"director|founder|owner|son|daughter|"
                              # or a thing the business has or buys: "a used lathe, 3 yrs old"
                              r"machines?|machinery|building|premises|unit|kit|equipment|"
                              r"lathe|press|brake|oven|robot|printer|router|laser|van|lorry|"
                              r"vehicle|boiler|roof|software|system|used|second[- ]hand|"
                              r"ex[- ]demo|refurbished)\b", re.I)
# "Five years ago we set up ...", "Two months ago my sister and I started baking"
_AGO_STARTED = re.compile(
    rf"\b(?:(?:{QUAL}\s+)?{DURATION})\s+ago,?\s+(?:[\w'-]+\s+){{0,4}}?"
    rf"(?:(?:we|i|it|the\s+(?:company|business|firm))\s+|"
    # "a year ago we sold the van and opened a deli": the second verb of the one subject
    rf"(?<=\bago\s)(?:i|we)\s+[^.;!?]{{0,40}}?\band\s+(?:then\s+)?)"
    rf"(?:{_STARTED}|(?:started|began)\s+(?:[a-z]+ing)\b)", re.I)
# "... and have done for 9 years"
_DONE_FOR = re.compile(
    rf"\band\s+(?:we\s+)?(?:have|'ve)\s+(?:done|been)\s+(?:so\s+|it\s+)?for\s+"
    rf"(?:(?:the\s+)?(?:last|past)\s+)?(?:(?:over|more\s+than|almost|nearly|{QUAL})\s+)?"
    rf"{DURATION}", re.I)
# What was started, between the verb and the date: "my dad started the business in 1986".
_THE_BUSINESS = (r"(?:(?:(?:the|our|my)\s+)?(?:first|original)\s+[a-z-]+|"
                 r"it|(?:the|this|our|my|his|her|their)\s+"
                 r"(?:(?:own|family|current|present|existing|new|first|original|very)\s+){0,2}"
                 # its trade before the noun: "our candle company"
                 r"(?:(?!(?:in|at|on|to|for|from|with|and|ago|back|since)\b)[a-z-]+\s+"
                 r"(?=(?:company|business|firm)\b))?"
                 r"(?:company|business|firm|shop|factory|workshop|practice|bar|pub|cafe|café|"
                 r"restaurant|garage|gym|clinic|surgery|nursery|school|hotel|takeaway|centre|"
                 r"[a-z-]+(?:ery|ry|shop|works|house|lab|studio|store|salon|yard|mill|plant)))"
                 # how: "set the firm up from nothing in 2011"
                 r"(?:\s+(?:from\s+(?:scratch|nothing|home|the\s+ground\s+up)|ourselves|"
                 r"myself))?"
                 # and where: "opened our bakehouse in Kings Heath in ..."
                 # ("her first salon on Castle Street in 1994")
                 rf"(?:\s+(?:in|at|on)\s+(?!{MONTH}\b)(?-i:[A-Z])[\w'-]*"
                 rf"(?:\s+(?!{MONTH}\b)(?-i:[A-Z])[\w'-]*){{0,2}})?")
# who started it: "set up by my dad in 1987", "founded by two brothers"
_BY_WHOM = r"(?:\s+by\s+(?:[\w'-]+\s+){0,3}?[\w'-]+)?"
_STARTED_ON = re.compile(
    rf"\b(?:{_STARTED}(?:\s+{_THE_BUSINESS})?{_BY_WHOM}|{_TRADING}|"
    r"(?:company|business|firm)\s+(?:start|starts|begin|began|open|opened)|"
    # the trade begun: "we started brewing in 2015", "began making furniture in 2012" (not
    # something a going business starts: "started exporting in 2019")
    r"(?:(?<=\bwe\s)|(?<=\bi\s))(?:first\s+)?(?:started|began)\s+(?!(?:export|import|sell|us|work|look|"
    r"think|plan|try|consider|apply|hir|recruit|trad|grow|expand|invest|talk|speak|search|"
    r"rent|lease|pay|los|struggl|get|hav)ing\b)[a-z]+ing\b(?:\s+(?!(?:in|since|back|on|"
    r"during|from)\b)[a-z-]+){0,2})"
    # the date in brackets after an aside: "started it after leaving the navy (2016)", or
    # after a comma: "set the firm up after the war, in 1947"
    r"(?:\s+[^.;!?()\d]{1,40}?\s*\(\s*|\s+[^.;!?()\d,]{1,40}?,\s*(?=in\s)|\s*[:=]\s*|\s+)"
    r"(?:back\s+)?"
    rf"(?:in\s+|since\s+|during\s+|on\s+|from\s+)?(?:(?:early|late|mid)[\s-]+|{_SEASON})?{_DAY}"
    rf"(?:(?P<month>{MONTH})\s+)?(?P<year>(?:1[6-9]|20)\d\d)\b",
    re.I)
# "began trading in June this year", "opened in March last year": a month whose year is
# said in words; a day of a month ("our first paid job was 3rd October") is the latest one
# gone (a month alone could be any year's, so it is asked about)
_STARTED_IN_MONTH = re.compile(
    rf"\b(?:{_STARTED}(?:\s+{_THE_BUSINESS})?|{_TRADING}|started\s+[a-z]+ing)\s+(?:back\s+)?"
    r"(?:in\s+|since\s+|(?:at|from)\s+the\s+(?:end|start|beginning|middle)\s+of\s+|"
    r"in\s+(?:early|mid|late)[\s-]+|on\s+(?:the\s+)?(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?|"
    # "our first invoice was 3rd October"
    r"(?<=was\s)(?:the\s+)?(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?)"
    rf"(?P<month>{MONTH})\b(?:,?\s+(?:of\s+)?(?P<which>this|last)\s+year\b|"
    r"(?![\s,]*(?:of\s+)?(?:'?\d|next\b|the\s+year|(?:last|this|next)\s+year)))", re.I)
# "we began trading last April": the latest such month before this one
_STARTED_LAST_MONTH = re.compile(
    rf"\b(?:{_STARTED}(?:\s+{_THE_BUSINESS})?|{_TRADING}|started\s+[a-z]+ing)\s+(?:back\s+)?"
    rf"(?:in\s+|since\s+)?last\s+(?P<month>{MONTH})\b", re.I)
_A_PLACE_INSIDE = re.compile(r"\s(?:in|at)\s+(?-i:[A-Z])[\w'-]*(?:\s+(?-i:[A-Z])[\w'-]*)?\s+"
                             r"(?:in|since|during|back)\b")
# a place named after what was started or bought: "in Harborne", "at Merry Hill"
_PLACE = r"\s+(?:in|at|near)\s+(?-i:[A-Z])[\w'-]*(?:\s+(?-i:[A-Z])[\w'-]*)?"
_PLACE_NAMED = re.compile(_PLACE)
_NOT_YET = re.compile(r"\b(?:may|might|will|shall|plan|plans|planning|hope|hoping|intend|"
                      r"aim|going\s+to|to|should|could|would)\s+$|'ll\s+$", re.I)
_STARTED_AGO = re.compile(
    rf"\b{_STARTED}(?:\s+{_THE_BUSINESS}|\s+(?:of|from)\s+(?:the\s+)?[A-Za-z][\w\s]{{0,40}}?|"
    # "opened a small print shop in Harborne some 9 months ago"
    r"\s+an?\s+(?:[\w&'-]+\s+){0,3}?(?:company|business|firm|studio|shop|agency|practice|"
    rf"salon|cafe|café|bakery|brewery|workshop)\b(?:{_PLACE})?)?\s+"
    rf"(?:(?:{QUAL}\s+)?{DURATION}\s+ago|last\s+(?P<last>week|month|year))\b", re.I)
_NOT_TRADING = re.compile(
    r"\bpre[\s-]?(?:revenue|trading)\b|\bnot\s+(?:yet\s+)?(?:started\s+)?trading\b|"
    r"\b(?:have|has)(?:\s+not|n't)\s+(?:actually\s+|really\s+)?(?:yet\s+)?(?:started\s+)?"
    r"trad(?:ed|ing)\b|"
    r"\byet\s+to\s+(?:start\s+)?trad(?:e|ing)\b", re.I)
_LAST_PERIOD_MONTHS = {"week": 0.2, "month": 1.0, "year": 12.0}
# A duration of something other than the business: "the project runs for 12 months".
_NOT_THE_BUSINESS_AGE = re.compile(
    r"\b(?:project|programme|scheme|grant|lease|loan|monitoring|warranty|call|"
    # a funding round, not "round here"
    r"(?<=\bthe\s)round|(?<=\bthis\s)round|(?<=\bnext\s)round|(?<=\bfunding\s)round|round(?=\s+\d)|"
    r"competition|offer|application|machine|equipment|"
    # a part of the business started later: "our new product line launched 2 months ago"
    r"product|products|range|website|app|brand|division|branch|"
    r"(?:new|second|another|extra)\s+(?:line|site|unit|shop|store|premises|factory|office)|"
    # a contract, not a trade done under contract: "contract machining", "contract packers"
    r"contract(?!\s+[a-z]+(?:ing|ers?|ors?)\b))\b", re.I)
PRE_REVENUE = re.compile(
    r"\bpre[\s-]?revenue\b|\bno\s+(?:sales|revenue|turnover|income)\s+(?:yet|so\s+far)\b|"
    # "we have not sold one jar yet"
    r"\b(?:haven't|have\s+not|not)\s+(?:yet\s+)?(?:sold|made\s+a\s+(?:sale|penny))\b"
    r"(?:\s+[\w-]+){0,3}?\s+yet\b", re.I)
# Read only when nothing above is: the business has done what it does since a year ("baking
# bread since 1996", "we've been doing this since 2011") or for a time ("we've built boat
# trailers for 9 years"), both in a clause about the business, not a person's career.
_DOING_SINCE = re.compile(
    rf"\bsince\s+(?:{_SEASON})?{_DAY}(?:(?P<month>{MONTH})\s+)?(?P<year>(?:1[6-9]|20)\d\d)\b", re.I)
# "freelance since 2016", "a sole trader from 2019": the business is the owner's trade
_SELF_EMPLOYED_SINCE = re.compile(
    rf"\b(?:self[\s-]?employed|a\s+sole\s+trader|freelance|freelancing)\s+(?:since|from)\s+"
    rf"(?:(?P<month>{MONTH})\s+)?(?P<year>(?:19|20)\d\d)\b", re.I)
# "I started Acme Rope, a rigging firm, three months ago": the name between
_LAUNCHED_NAMED_AGO = re.compile(
    rf"\b(?:we|i)\s+(?:launched|started|founded|set\s+up|opened)\s+(?-i:[A-Z])[^.;!?]{{0,60}}?"
    rf"\b(?:{QUAL}\s+)?{DURATION}\s+ago\b", re.I)
# "I set up Kestrel Joinery from my shed in 2012": the name, then the year
_LAUNCHED_NAMED_IN = re.compile(
    rf"\b(?:we|i)\s+(?:launched|started|founded|set\s+up|opened)\s+(?-i:[A-Z])[^.;!?]{{0,60}}?"
    rf"\b(?:in|during)\s+(?:(?P<month>{MONTH})\s+)?(?P<year>(?:19|20)\d\d)\b", re.I)
_DOING_FOR = re.compile(
    # "... been running it 8 years": the owner's subject left out, "for" too
    r"(?:\bbeen\s+(?:doing|running)\s+(?:it|this)\s+(?:for\s+)?|\bbeen\s+at\s+it\s+(?:for\s+)?|"
    r"(?:\b(?:we|i)(?:'ve|\s+have)\s+(?:been\s+)?(?:[a-z-]+)\b[^.;!?]{0,60}?|"
    # "family business for 30 years", "a going concern for 12 years"
    r"\b(?:family|our|the|a)\s+(?:business|firm|company)\s+)\bfor\s+)"
    rf"(?:(?:the\s+)?(?:last|past)\s+)?(?:(?:over|more\s+than|almost|nearly|{QUAL})\s+)?"
    rf"{DURATION}", re.I)
# "we bought the business and its assets from the receivers 9 months ago": trading, as the
# owner now, since the purchase (not "we bought a new lathe 2 years ago")
_BOUGHT_AGO = re.compile(
    r"\b(?:we|our\s+(?:new\s+)?(?:company|business|firm)|the\s+new\s+(?:company|business|firm))\s+"
    r"(?:(?:only\s+|just\s+)?(?:bought|acquired|purchased))\s+(?:the\s+(?:business|trade)\b|"
    r"(?:the\s+)?(?:business|trade|company)\s+and\s+(?:its\s+)?assets\b)[^.;!?]{0,80}?"
    rf"\b(?:{QUAL}\s+)?{DURATION}\s+ago\b", re.I)
_KEPT_SINCE = re.compile(
    rf"\b(?:(?:family|owner|founder)[\s-]+(?:owned|run|managed)\s+(?:(?:business|company|firm)\s+)?"
    # "owned by its founders since 1999": the business itself is as old
    r"|owned\s+(?:and\s+run\s+)?by\s+(?:the\s+|our\s+|my\s+|its\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:directors?|founders?|partners?|family|brothers?|sisters?|owners?|couple|wife|husband|"
    r"dad|father|mum|mother|me|us)\s+)"
    rf"(?P<since>(?:ever\s+)?since)\s+(?:{_DAY}(?:(?P<month>{MONTH})\s+)?)?"
    r"(?P<year>(?:1[6-9]|20)\d\d)\b", re.I)
# the start of selling, said as such: "(only) started selling", "began trading", "started
# taking orders"
_FIRST_SALES = re.compile(r"\b(?:started|began)\s+(?:selling|trading|invoicing|taking\s+orders|"
                          r"taking\s+money|getting\s+(?:orders|customers|sales))\b", re.I)
# "we began roasting beans about 5 months ago": the business at its work since then
_STARTED_DOING_AGO = re.compile(
    # the subject may be dropped at the start of a sentence: "... in b30. started brewing"
    rf"(?:\b(?:we|i|it)\s+|(?:^|(?<=[.;!?,]\s)|(?<=[.;!?,]))\s*)(?:only\s+|first\s+)?"
    rf"(?:started|began)\s+[a-z]+ing"
    rf"(?:\s+(?:and|&)\s+[a-z]+ing)?\b[^.;!?]{{0,30}}?\b(?:{QUAL}\s+)?{DURATION}\s+ago\b", re.I)
_A_CAREER = re.compile(
    r"\b(?:i've\s+worked|i\s+have\s+worked|career|experience|industry|personally|myself|"
    r"director|ceo|md|joined|employed|lived|live|married|owned|premises|site|unit|building|"
    r"address|moved|based|grants?|loans?|vouchers?|awards?|subsid\w*|funding|administration|"
    r"insolven\w*|cva|liquidation|"
    r"receivership|customer|client|supplier|contract|lease|"
    # a holding's age: "an investor has held a stake since 2022"
    r"held|holds?|shares?|stake|invested|investors?|shareholders?)\b", re.I)
# Public support or a person's story after "since <year>": not how long the business has traded
_SUPPORT_SINCE = re.compile(
    r"\b(?:grants?|vouchers?|funding|subsid(?:y|ies)|awards?|loans?|support|assistance|"
    r"worked|employed|lived|joined|director)\b", re.I)
_AT_WORK_ON_SITE = re.compile(r"\b(?:we've|we\s+have|we|i've|i\s+have)\s+been\s+(?!based\b|"
                              r"located\b|living\b|renting\b|leasing\b)[a-z]+ing\b", re.I)
_SITE_WORDS = re.compile(r"\b(?:site|premises|unit|building|address)\b", re.I)
# Words showing that the clause before "since" speaks of the business at its work.
_OWN_SUBJECT = re.compile(r"\W*(?:we|i|they|he|she|it|you|our|my|their|his|her|the|this|"
                          r"that)\b", re.I)
_DOING = re.compile(
    rf"\b(?:we|we've|we're|our|us|i|i've|it|have\s+done|{ACTIVITY_VERBS}|[a-z]+ing)\b", re.I)


def duration_months(match: re.Match[str]) -> float:
    if match["n"]:
        count = to_float(match["n"])
    elif match["couple"]:
        count = 2.0
    elif match["halfa"]:
        count = 0.5
    else:
        count = 1.0
    if match["half1"] or match["half2"]:
        count += 0.5
    unit = match["unit"].lower()
    if unit.startswith("d"):
        return count * 120
    if unit.startswith("y"):
        return count * 12 + (float(match["more"]) if match.groupdict().get("more") else 0.0)
    if unit.startswith("w"):
        return round(count * 12 / 52, 1)
    return count


def months_since(start: date, today: date) -> float:
    """Whole months from `start` to `today`, none before it."""
    months = (today.year - start.year) * 12 + today.month - start.month
    if today.day < start.day:
        months -= 1
    return float(max(months, 0))


def _months_since_period(first: date, last: date, today: date) -> float:
    """Months since the middle of the part of [first, last] that has passed."""
    if first > today:
        return 0.0
    last = min(last, today)
    return months_since(first + (last - first) / 2, today)


def month_end(year: int, month: int) -> date:
    """The last day of the month."""
    return (date(year + month // 12, month % 12 + 1, 1)) - timedelta(days=1)


def read_months_trading(msg: Message, today: date) -> float | None:
    found: list[Found[float]] = []
    for pattern in (_TRADING_FOR, _WORKING_FOR, _DURATION_OF_TRADING, _AGE, _AGE_BEFORE):
        found += [Found(m.start(), m.end(), duration_months(m))
                  for m in pattern.finditer(msg.text)]
    for match in _LISTED_AGE.finditer(msg.text):
        if not _A_PERSON_BEFORE.search(msg.text, max(0, match.start() - 30), match.start()):
            found.append(Found(match.start(), match.end(), duration_months(match)))
    found += [Found(m.start(), m.end(), duration_months(m))
              for pattern in (_AGO_STARTED, _DONE_FOR, _BOUGHT_AGO)
              for m in pattern.finditer(msg.text)]
    for match in _STARTED_AGO.finditer(msg.text):
        months = (_LAST_PERIOD_MONTHS[match["last"].lower()] if match["last"]
                  else duration_months(match))
        # a place inside ("started a studio in Treforest 9 months ago") is left for the place
        # readers
        inside = list(_PLACE_NAMED.finditer(match[0]))
        found.append(Found(match.start() + inside[-1].end() if inside else match.start(),
                           match.end(), months))
    for match in _STARTED_IN_MONTH.finditer(msg.text):
        if _NOT_YET.search(msg.text, max(0, match.start() - 20), match.start()):
            continue  # "we may open in March": not begun
        if not match["which"] and not (match["day"] or match["day2"]):
            continue  # "we started in April": which April is asked
        month = month_number(match["month"])
        if match["which"]:
            year = today.year if match["which"].lower() == "this" else today.year - 1
        else:
            year = today.year if month <= today.month else today.year - 1
        found.append(Found(match.start(), match.end(), _months_since_period(
            date(year, month, 1), month_end(year, month), today)))
    for match in _STARTED_LAST_MONTH.finditer(msg.text):
        month = month_number(match["month"])
        year = today.year if month < today.month else today.year - 1
        found.append(Found(match.start(), match.end(), _months_since_period(
            date(year, month, 1), month_end(year, month), today)))
    for match in _STARTED_ON.finditer(msg.text):
        # this year alone does not say how long: January or last week
        if not match["month"] and int(match["year"]) == today.year:
            msg.claim(match.start(), match.end())
            continue
        # from the verb on, but a place inside ("opened our bakery in Digbeth in May 2023")
        # is left for the place readers
        start = match.start("month") if match["month"] else match.start("year")
        found.append(Found(match.start() if not _A_PLACE_INSIDE.search(match[0]) else start,
                           match.end(), months_from(match, today)))
    # trading begins with the first sales, whenever the company was set up: "formed in 2021
    # but dormant; we began trading five months back"
    found += [Found(m.start(), m.end(), duration_months(m))
              for m in _STARTED_DOING_AGO.finditer(msg.text)
              if _FIRST_SALES.search(m[0]) and not _A_CAREER.search(m[0])]
    found += [Found(m.start(), m.end(), 0.0) for m in _NOT_TRADING.finditer(msg.text)]
    found += [Found(m.start(), m.end(), months_from(m, today))
              for m in _SELF_EMPLOYED_SINCE.finditer(msg.text)]
    # "Date trading commenced: 03/2016", "trading since 06/2019"
    found += [Found(m.start(), m.end(), _months_since_period(
        date(int(m["y"]), int(m["m"]), 1), month_end(int(m["y"]), int(m["m"])), today))
        for m in _STARTED_NUMERIC.finditer(msg.text) if 1 <= int(m["m"]) <= 12]
    # "in May 2015 we set up our own print firm": the date before the verb
    found += [Found(m.start(), m.end(), months_from(m, today))
              for m in _IN_YEAR_STARTED.finditer(msg.text)
              if m["month"] or int(m["year"]) != today.year]
    if not found:
        found = [Found(m.start(), m.end(), duration_months(m))
                 for m in _LAUNCHED_NAMED_AGO.finditer(msg.text)]
    if not found:
        found = [Found(m.start("year") if _A_PLACE_INSIDE.search(m[0]) else m.start(),
                       m.end(), months_from(m, today))
                 for m in _LAUNCHED_NAMED_IN.finditer(msg.text)]
    if not found:
        found = _traded_ever_since(msg, today)
    if not found:
        # "we bought the cafe in June 2020": the owner's own business from then, when
        # nothing says how long the trade itself has run
        found = [Found(m.start(), m.end(), months_from(m, today))
                 for m in _TOOK_OVER_ON.finditer(msg.text)
                 if m["month"] or int(m["year"]) != today.year]
    if not found:
        found = _doing_for_a_time(msg, today)
    if not found:
        found = [Found(m.start(), m.end(), _decade_end(m, today))
                 for m in _STARTED_IN_DECADE.finditer(msg.text)]
    if not found:
        found = _listed_years(msg)
    if not found:
        found = [Found(m.start(), m.end(), _anniversary_months(m))
                 for m in _ANNIVERSARY.finditer(msg.text)]
        found += [Found(m.start(), m.end(), 12.0 * int(m["n"])) for m in _TURNED.finditer(msg.text)]
    if not found:
        found = _a_long_time(msg)
    found = [f for f in _without_overlaps(found)
             if not msg.claimed(f.start, f.end) and not msg.about_another_business(f.start)
             and not _NOT_THE_BUSINESS_AGE.search(msg.lead(f.start))]
    # "family owned since 1978", "owner-managed since 2001": the business has been going as
    # long (from "since": the owners before it are the ownership reader's)
    found += [Found(m.start("since"), m.end(), months_from(m, today))
              for m in _KEPT_SINCE.finditer(msg.text)
              if not msg.claimed(m.start("since"), m.end())]
    # the date of the first sale is when trading began, whatever else is dated: "incorporated
    # in 2021 and left dormant; first sales in May 2024"
    first_sales = [Found(m.start(), m.end(), months_from(m, today))
                   for m in _FIRST_SALE_ON.finditer(msg.text)
                   if not msg.about_another_business(m.start())
                   # this year alone does not say how long: January or last week
                   and (m["month"] or int(m["year"]) != today.year)]
    for m in _FIRST_SALE_ON_DAY.finditer(msg.text):
        day = _latest_day(int(m["day"]), month_number(m["month"]), today)
        if day is not None and not msg.about_another_business(m.start()):
            first_sales.append(Found(m.start(), m.end(), months_since(day, today)))
    # ... or a time ago: "the first loaves went on sale 2 months ago"
    first_sales += [Found(m.start(), m.end(), duration_months(m))
                    for m in _FIRST_SALE_AGO.finditer(msg.text)
                    if not msg.about_another_business(m.start())]
    if first_sales:
        found = first_sales
    elif (late := _FIRST_SALES_UNDATED.search(msg.text)) is not None and \
            not msg.about_another_business(late.start()):
        # "registered in 2019, dormant till this year when we began selling": trading began
        # at a time not told, so how long is asked, not read from the registration
        msg.claim(late.start(), late.end())
        found = []
    for item in found:
        msg.claim(item.start, item.end)
    return msg.took("months_trading", found)


# a start written as month/year: "Date trading commenced: 03/2016", "trading since 06/2019"
_STARTED_NUMERIC = re.compile(
    r"\b(?:(?:date\s+)?(?:trading\s+)?(?:commenced|started|began|start(?:\s+date)?)|"
    r"(?:trading|established|incorporated|founded|open)\s+(?:since|from|in|on)|since|"
    r"incorporated|established|founded|formed)\b\s*(?:trading\s*)?[:=-]?\s*"
    r"(?:(?:[0-3]?\d)[/.-])?(?P<m>[01]?\d)[/.-](?P<y>(?:19|20)\d\d)\b", re.I)
# the date first, then the start: "in May 2015 we set up our own print firm", "In 2020 I
# retired from teaching and then opened a yoga studio"
_IN_YEAR_STARTED = re.compile(
    rf"\b(?:in|since|during)\s+(?:(?:early|late|mid)[\s-]+|{_SEASON})?"
    rf"(?:(?P<month>{MONTH})\s+)?(?P<year>(?:19|20)\d\d)\s*,?\s+"
    r"(?:we|i|my\s+[a-z]+(?:\s+and\s+i)?)\s+(?:[^.;!?]{0,40}?\b(?:and|then)\s+)?"
    r"(?:finally\s+|officially\s+)?"
    r"(?:started|founded|set\s+up|opened|launched|established|formed)\s+(?:up\s+)?"
    r"(?:(?:a|an|the|our|my)\s+(?:own\s+)?(?:[\w&'-]+\s+){0,3}?(?:company|business|firm|shop|"
    r"school|studio|practice|agency|salon|garage|restaurant|cafe|café|bar|bakery|brewery|"
    r"workshop|factory)\b|trading\b)", re.I)
# the owner's own business from a purchase: "we bought the cafe in June 2020", "we took
# over the Crown on 1st March 2022"
_TOOK_OVER_ON = re.compile(
    r"\b(?:bought|took\s+over|acquired|purchased)\s+(?:the|this|our|my)\s+"
    r"(?:(?:[\w&'-]+\s+){0,3}?(?:company|business|firm|shop|pub|garage|salon|cafe|café|restaurant|"
    r"bar|bakery|practice|agency|studio)\b|(?-i:[A-Z])[\w'&-]*(?:\s+(?-i:[A-Z])[\w'&-]*){0,3})"
    rf"(?:{_PLACE})?\s+(?:(?:in|on|from)\s+){_DAY}(?:(?P<month>{MONTH})\s+)?"
    r"(?P<year>(?:19|20)\d\d)\b", re.I)


_FIRST_SALES_UNDATED = re.compile(
    r"\b(?:started|began|start|begin)\s+(?:actually\s+)?(?:trading|selling|invoicing)\s+"
    r"(?:(?:only\s+)?(?:this|earlier\s+this)\s+year|recently|lately)\b|"
    r"\bdormant\s+(?:until|till)\s+(?:this|earlier\s+this)\s+year\b", re.I)
_FIRST_SALE_ON = re.compile(
    r"\b(?:first\s+(?:[a-z]+\s+(?:and|&)\s+(?:our\s+|the\s+)?first\s+)?(?:sales?|invoices?|"
    r"orders?|paying\s+(?:customers?|jobs?|clients?)|customers?|jobs?)|"
    r"dormant\s+(?:until|till)|(?:started|began)\s+(?:trading|selling|invoicing))\b"
    rf"[^.;!?\d]{{0,30}}?\b(?:(?:on|in|from)\s+)?{_DAY}(?:(?P<month>{MONTH})\s+)?"
    r"(?P<year>(?:19|20)\d\d)\b", re.I)

# ... its day and month alone: "the first sale was made on 12 April" (the latest such day)
_FIRST_SALE_ON_DAY = re.compile(
    r"\b(?:first\s+(?:[a-z]+\s+(?:and|&)\s+(?:our\s+|the\s+)?first\s+)?(?:sales?|invoices?|"
    r"orders?|paying\s+(?:customers?|jobs?|clients?)|customers?|jobs?)|"
    r"(?:started|began)\s+(?:trading|selling|invoicing))\b"
    rf"[^.;!?\d]{{0,30}}?\b(?:on\s+)?(?:the\s+)?(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?"
    rf"(?P<month>{MONTH})\b(?!,?\s+(?:19|20)\d\d)", re.I)
_FIRST_SALE_AGO = re.compile(
    r"\b(?:first\s+(?:[a-z]+\s+){0,2}?(?:went\s+on\s+sale|sales?|invoices?|orders?|contracts?|"
    r"paying\s+(?:customers?|jobs?|clients?)|customers?|jobs?)|"
    # "didn't actually start trading until 3 months ago"
    r"(?:started|began|start|begin)\s+(?:actually\s+|properly\s+|really\s+)?"
    # ("started brewing and selling 4 months ago": the trade, then the sales)
    r"(?:[a-z]+ing\s+(?:and|&)\s+)?(?:trading|selling|invoicing))\b"
    rf"[^.;!?\d]{{0,60}}?\b(?:{QUAL}\s+)?{DURATION}\s+ago\b", re.I)


# "... bought the business in 2019 and we've traded ever since": since the year just named
_EVER_SINCE = re.compile(
    r"\b(?:we've|we\s+have|we|i've|i\s+have|it\s+has|it's|have|has)\s+(?:been\s+)?(?:trad(?:ed|ing)|"
    r"operated|operating|run|running|going|in\s+business)\b[^.;!?]{0,50}?\b(?:ever\s+since|"
    r"since\s+then)\b|"
    # "... the receivers sold us to the managers in 2019; since then it has run as usual"
    r"\b(?:ever\s+)?since\s+then\s*,?\s+(?:we've|we\s+have|we|it\s+has|it's)\s+(?:been\s+)?"
    r"(?:trad(?:ed|ing)|operated|operating|run|running|going|in\s+business)\b", re.I)
_A_YEAR = re.compile(r"\b(?:in\s+)?((?:19|20)\d\d)\b")


def _traded_ever_since(msg: Message, today: date) -> list[Found[float]]:
    """Trading "ever since" the year named just before: the last year in the 200 characters
    before it."""
    found = []
    for match in _EVER_SINCE.finditer(msg.text):
        years = [int(y) for y in _A_YEAR.findall(msg.text, max(0, match.start() - 200),
                                                  match.start())]
        years = [y for y in years if y <= today.year]
        if years:
            found.append(Found(match.start(), match.end(), _months_since_period(
                date(years[-1], 1, 1), date(years[-1], 12, 31), today)))
    return found


# A list of facts about the business: "16 staff, £1.3m, 9 years, family owned".
_A_DURATION_ALONE = re.compile(rf"^\s*(?:{QUAL}\s+)?{DURATION}\s*$", re.I)


def _listed_years(msg: Message) -> list[Found[float]]:
    """A duration standing alone as one item of a list of facts about the business, with a
    staff count in the same list, is how long it has traded."""
    found = []
    # an item ends at a comma, a bracket or a sentence's end ("... £1.9m, 10 yrs. Eligible?"),
    # not at the point inside a figure
    for clause in re.finditer(r"(?:[^,;()\n.!?]|\.(?=\S))+", msg.text):
        match = _A_DURATION_ALONE.match(clause.group())
        if match is None or not match["unit"].lower().startswith(("y", "m")):
            continue
        lo, hi = msg.sentence(clause.start())
        if LISTED_STAFF.search(msg.text, lo, hi):
            start = clause.start() + match.start()
            found.append(Found(start, clause.start() + match.end(), duration_months(match)))
    return found


# "making gates since the seventies": a decade, counted from its last year (the least it can be)
_SINCE_DECADE = re.compile(
    r"\bsince\s+the\s+(?:(?:early|mid|late)[\s-]+)?(?:(?P<century>1[5-9]|20)?(?P<decade>\d)0'?s|"
    r"(?P<word>sixties|seventies|eighties|nineties))\b", re.I)
_DECADE_WORDS = {"sixties": 6, "seventies": 7, "eighties": 8, "nineties": 9}


# "founded by my grandad in the sixties", "in business since the early 90s": started in a
# decade, counted from its last year (the least it can be)
_STARTED_IN_DECADE = re.compile(
    rf"\b(?:{_STARTED}(?:\s+{_THE_BUSINESS})?{_BY_WHOM}|{_TRADING})"
    # ("mum set the firm up while I was away at college in the 90s")
    r"(?:\s+(?:when|while|back\s+when)\s+[^.;!?\d]{1,40}?)?"
    r"\s+(?:back\s+)?(?:in|since|during)\s+(?:the\s+)?"
    r"(?:(?:early|mid|late)[\s-]+)?(?:(?P<century>1[5-9]|20)?(?P<decade>\d)0'?s|"
    r"(?P<word>sixties|seventies|eighties|nineties))\b", re.I)
# "the business turned 10 this year": its age
_TURNED = re.compile(r"\b(?:we|the\s+(?:company|business|firm)|it)\s+(?:just\s+)?turn(?:ed|s)\s+"
                     r"(?P<n>\d{1,3})\b(?!\s*(?:%|k\b|m\b|million|thousand|grand|staff|people|"
                     r"employees|machines|units))(?:\s+(?:years?\s+old|this\s+year|last\s+"
                     r"(?:month|week)))?", re.I)
# "it was our 40th anniversary last year", "this is our 10th year of trading"
_ANNIVERSARY = re.compile(
    r"\b(?:our|the\s+(?:company|business|firm)'s)\s+(?P<n>\d{1,3})(?:st|nd|rd|th)\s+"
    r"(?:(?P<birthday>anniversary|birthday)|(?P<year>year)\s+(?:of\s+trading|in\s+business|"
    r"trading))\b(?:\s+(?P<last>last\s+year))?", re.I)
# "we've been at it for donkey's years", "a third-generation family firm": a long time, told
# without a figure; read as the least it can mean
_A_LONG_TIME = re.compile(
    r"\b(?:for\s+|over\s+)?(?P<what>donkey'?s\s+years|yonks|decades|generations|"
    # "trading a good few years now", "the best part of a decade" (not "a few years ago")
    r"(?:a\s+good\s+few|quite\s+a\s+few|a\s+few|several|many|a\s+number\s+of)\s+years|"
    r"(?:the\s+best\s+part\s+of|nearly|almost|getting\s+on\s+for)\s+a\s+decade)\b"
    r"(?!\s+(?:ago|back|before|earlier|later|from\s+now|time|of\s+experience))|"
    r"\b(?P<nth>second|third|fourth|fifth|2nd|3rd|4th|5th)[\s-]+generation\b", re.I)
_LONG_TIME_MONTHS = {"decades": 240.0, "generations": 600.0}
_FEW_YEARS = re.compile(r"few|several|many|number", re.I)
_NEARLY_A_DECADE = re.compile(r"decade", re.I)
_GENERATIONS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5,
                "2nd": 2, "3rd": 3, "4th": 4, "5th": 5}


def _decade_end(match: re.Match[str], today: date) -> float:
    """The months since the last day of the decade matched: "the seventies" is from 1979."""
    digit = _DECADE_WORDS[match["word"].lower()] if match["word"] else int(match["decade"])
    century = int(match["century"]) * 100 if match["century"] else \
        (2000 if digit <= 2 else 1900)
    return months_since(date(century + digit * 10 + 9, 12, 31), today)


def _latest_day(day: int, month: int, today: date) -> date | None:
    """The latest day of that day and month not after today; None for no such day."""
    for year in (today.year, today.year - 1):
        try:
            found = date(year, month, day)
        except ValueError:
            return None
        if found <= today:
            return found
    return None


def _anniversary_months(match: re.Match[str]) -> float:
    """A 40th anniversary is 40 years on (a year more if it was last year); a 10th year of
    trading has 9 behind it."""
    years = int(match["n"]) - (0 if match["birthday"] else 1) + (1 if match["last"] else 0)
    return 12.0 * max(years, 0)


def _a_long_time(msg: Message) -> list[Found[float]]:
    found: list[Found[float]] = []
    for match in _A_LONG_TIME.finditer(msg.text):
        sentence = msg.text[slice(*msg.sentence(match.start()))]
        if _A_CAREER.search(sentence) or not (_DOING.search(sentence) or
                                              re.search(_TRADING, sentence, re.I)):
            continue
        # (a generation before this one is taken as 25 years)
        what = match["what"]
        months = ((96.0 if _NEARLY_A_DECADE.search(what) else 24.0 if _FEW_YEARS.search(what)
                   else _LONG_TIME_MONTHS.get(what.lower(), 60.0)) if what
                  else 25 * 12.0 * (_GENERATIONS[match["nth"].lower()] - 1))
        found.append(Found(match.start(), match.end(), months))
    return found


def _doing_for_a_time(msg: Message, today: date) -> list[Found[float]]:
    found: list[Found[float]] = []
    for match in _SINCE_DECADE.finditer(msg.text):
        clause = msg.text[msg.clause(match.start())[0]:match.start()]
        # "Gate makers, Tipton, since the early 1990s": one of a list of facts
        listed = not clause.strip(" ,;-")
        if _A_CAREER.search(clause) or not (_DOING.search(clause) or listed):
            continue
        found.append(Found(match.start(), match.end(), _decade_end(match, today)))
    for match in _DOING_FOR.finditer(msg.text):
        clause = msg.text[msg.sentence(match.start())[0]:match.end()]
        if not _A_CAREER.search(clause):
            found.append(Found(match.start(), match.end(), duration_months(match)))
    for match in _STARTED_DOING_AGO.finditer(msg.text):
        if not _A_CAREER.search(match[0]):
            found.append(Found(match.start(), match.end(), duration_months(match)))
    for match in _DOING_SINCE.finditer(msg.text):
        lo = msg.clause(match.start())[0]
        sentence_start = msg.sentence(match.start())[0]
        clause = msg.text[lo:match.start()]
        listed = not clause.strip(" ,;-")  # "5 staff, £400k, since 2013, solvent"
        # "Since 2022 we have had two vouchers": what the clause goes on to say is not the trade
        rest = msg.text[match.end():msg.clause(match.start())[1]]
        # (a clause cut at "and" inside what is made: "we've cast brass and bronze here
        # since 1980")
        joined = lo > sentence_start and not _OWN_SUBJECT.match(clause) and \
            _DOING.search(msg.text, sentence_start, lo) is not None
        # "we have been welding at this unit since 2009": the work done there, so the business
        # has traded at least as long (not "we've been at this unit since 2021")
        at_work_there = _AT_WORK_ON_SITE.search(clause) is not None and \
            not _A_CAREER.search(_SITE_WORDS.sub(" ", clause))
        if (_DOING.search(clause) or lo == sentence_start or listed or joined) \
                and (at_work_there or not _A_CAREER.search(clause)) \
                and not _SUPPORT_SINCE.search(rest):
            found.append(Found(match.start(), match.end(), months_from(match, today)))
    return found


def _without_overlaps(found: list[Found[float]]) -> list[Found[float]]:
    """Of overlapping readings of the same words, the longest."""
    kept: list[Found[float]] = []
    for item in sorted(found, key=lambda f: f.start - f.end):
        if not any(item.start < k.end and k.start < item.end for k in kept):
            kept.append(item)
    return kept


def months_from(match: re.Match[str], today: date) -> float:
    year = int(match["year"])
    day = match.groupdict().get("day")
    if (holiday := match.groupdict().get("holiday")) and not match["month"]:
        month = next(m for name, m in _HOLIDAY_MONTHS.items() if holiday.lower().startswith(name))
        return _months_since_period(date(year, month, 1), month_end(year, month), today)
    if match["month"] and day and 1 <= int(day) <= 31:
        month = month_number(match["month"])
        start = date(year, month, min(int(day), month_end(year, month).day))
        return _months_since_period(start, start, today)
    if match["month"]:
        month = month_number(match["month"])
        return _months_since_period(date(year, month, 1), month_end(year, month), today)
    return _months_since_period(date(year, 1, 1), date(year, 12, 31), today)

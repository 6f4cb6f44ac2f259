"""Staff: the headcount, part-timers as shares of a full-time week, and the people not counted.

- Staff are annual work units (AWU). A part-timer counts as the share of a full-time week that is
  stated ("4 part-timers doing 15 of 30 hours" is 4 x 0.5). Hours with no full-time week
  ("working 20 hours a week") are measured against a 37.5-hour week. A part-timer with no hours
  stated counts as 0.5.
- Apprentices, students on vocational training contracts and staff on maternity or parental
  leave are not counted: when stated among a total ("12 on the payroll, 3 of them apprentices")
  they are taken off it; when stated beside it ("8 staff plus 2 apprentices") the total stands.
- A bare number right after a correction ("40 staff, sorry, 45") replaces the headcount before.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.business import StatedBand
from assistant.facts.common import (
    CORRECTION,
    NUM,
    NUM_START,
    OWNING_BEFORE,
    QUAL,
    Found,
    Message,
    bound,
)
from assistant.facts.money import Amount
from assistant.facts.numbers import to_float

FULL_TIME_HOURS = 37.5  # the full-time week when a part-timer's hours are given without one
FULL_TIME_DAYS = 5.0  # the full-time week when a part-timer's days are given without one
PART_TIME_SHARE = 0.5  # a part-timer whose hours are not stated


_STAFF_NOUN = (r"(?:members?\s+of\s+staff|staff(?:\s+members)?|employees?|workers|personnel|ppl|"
               r"colleagues|team\s+members|heads|ftes?|full[\s-]time\s+equivalents?|"
               # "22 AWU": the staff count the size test uses, given as such
               r"awus?|annual\s+work\s+units?)")
STAFF_ADJ = (r"(?:permanent|temporary|skilled|experienced|direct|paid|salaried|core|office|"
             r"production|factory|admin|administrative|technical|other|more|in-house|local|"
             r"highly|total)")
_SIZE_WORD = r"(?:person|people|strong|employee|staff|man|head)"
_BUSINESS_NOUN = (r"(?:company|business|firm|outfit|organi[sz]ation|enterprise|sme|"
                  r"manufacturer|producer|supplier|provider|contractor|subcontractor|"
                  r"specialist|consultancy|agency|practice|studio|workshop|factory|foundry|"
                  r"works|shop|lab|laboratory|plant|mill|spin-?out|start-?up|[\w-]*maker)")
# "30 people in all", "9 of us all told": a total after its parts, which it replaces
_IN_ALL = re.compile(
    rf"{NUM_START}(?P<n>{NUM})\s+(?:{STAFF_ADJ}\s+){{0,2}}(?:people|persons|of\s+us|"
    rf"{_STAFF_NOUN})\s+(?:in\s+all|in\s+total|altogether|all\s+told|all\s+in|overall)\b",
    re.I)
_HEADCOUNT: tuple[re.Pattern[str], ...] = tuple(re.compile(p, re.I) for p in (
    # "45 staff", "120 employees", "3 FTE", "12 highly skilled workers"
    rf"{NUM_START}(?P<n>{NUM})\s*(?:{STAFF_ADJ}\s+){{0,2}}{_STAFF_NOUN}\b",
    # "we have 12 people", "with 30 people": people only as a business's own
    rf"(?:\b(?:have|has|employ|employs|employing|with|of|are|got)|\b(?:we|they)'re|"
    rf"\b(?:it's|it\s+is|that's))\s+"
    rf"(?:{QUAL}\s+)?"
    rf"{NUM_START}(?P<n>{NUM})\s+(?:{STAFF_ADJ}\s+){{0,2}}(?:people|persons)\b",
    rf"{NUM_START}(?P<n>{NUM})\s+(?:{STAFF_ADJ}\s+){{0,2}}people\s+"
    r"(?:work|working|are\s+employed|on\s+(?:the|our)\s+payroll)\b",
    # "we employ 12"
    rf"\bemploy(?:s|ing)?\s+(?:{QUAL}\s+)?{NUM_START}(?P<n>{NUM})\b"
    r"(?!\s*(?:%|per\s*cent|percent)|[.,]\d)",
    # "a team of 8", "headcount of 230", "headcount: 230"
    r"\b(?:team|crew|staff|workforce|head\s*count|staff\s+count|payroll|staff\s+numbers|"
    # "Employees 31", as a form's line is written without its colon
    r"(?<![a-z]\s)employees|(?:number|no\.?)\s+of\s+(?:staff|employees|people))\s*"
    r"(?:of|is|are|was|at|stands\s+at|totals?|:|=|-|"
    # "headcount fluctuates between 40 and 55": a range, read at each end
    r"(?:fluctuates?|var(?:y|ies)|ranges?|swings?|moves?|goes\s+up\s+and\s+down)(?:\s+(?:between|"
    r"from|anywhere\s+from|anywhere\s+between))?)?\s*"
    # (not a year heading a figure: "Employees 2021: 47")
    rf"(?:{QUAL}\s+)?(?!(?:19|20)\d\d\s*[:)=–-]|(?:19|20)\d\d\s+\d){NUM_START}(?P<n>{NUM})\b"
    r"(?!\s*(?:%|per\s*cent|percent|years?|months?|weeks?|days?|hours?|k\b|m\b)|[.,]\d)",
    # "a 12-person company", "a 40-strong workforce"
    rf"{NUM_START}(?P<n>{NUM})\s*-?\s*{_SIZE_WORD}\s+"
    r"(?:team|company|business|firm|outfit|operation|workforce|organi[sz]ation|enterprise|sme|"
    r"manufacturer|workshop)\b",
    # "a 600-person automotive interiors manufacturer": the size of the whole business, with
    # words between (not "a 10-person sales team", which is part of it)
    rf"{NUM_START}(?P<n>{NUM})\s*-?\s*{_SIZE_WORD}\s+(?:[\w&'-]+\s+){{0,3}}?"
    rf"{_BUSINESS_NOUN}\b",
    # "a 30-person steel fabricator in Grimsby", "a 12-person haulier", "8-person joinery": a
    # maker, doer or trade that ends the phrase (not "a 10-person customer service team")
    rf"{NUM_START}(?P<n>{NUM})\s*-?\s*{_SIZE_WORD}\s+(?:[\w&'-]+\s+){{0,2}}?"
    r"[a-z-]+(?:[^aeiou\W]er|or|ier|ist|ery|ry|ing|ics)\b(?=\s*(?:[,.;:!?()]|$)|\s+(?:in|based|"
    r"from|at|near|"
    r"with|and|that|who|which|looking|wanting|hoping)\b)",
    # "in FTE terms 48.5", "full-time equivalent: 12.5" (read after a headcount, so it wins)
    rf"\b(?:in\s+)?(?:ftes?|full[\s-]time\s+equivalents?)(?:\s+terms)?\s*[,:=-]?\s*"
    rf"(?:(?:it's|it\s+is|we're|we\s+are|that's|that\s+is|is|are|of)\s+)?(?:{QUAL}\s+)?"
    rf"{NUM_START}(?P<n>{NUM})\b(?!\s*%)",
    # "41 is the headcount"
    rf"{NUM_START}(?P<n>{NUM})\s+(?:is|are)\s+(?:the|our)\s+(?:head\s*count|staff\s+count|"
    r"number\s+of\s+(?:staff|employees|people))\b",
    # "the 12 includes two apprentices": a figure given before, now broken down
    rf"\bthe\s+(?P<n>{NUM})\s+(?:(?:i|we)\s+(?:gave|said|mentioned)\s+)?(?:includes|included|"
    r"counts|counted|covers|is\s+including)\b",
    # "the 90 I gave is everybody employed", "45 is all our staff"
    rf"{NUM_START}(?P<n>{NUM})\s+(?:(?:i|we)\s+(?:gave|said|mentioned|quoted|told\s+you)\s+)?"
    r"(?:is|are|was|were)\s+(?:everyone|everybody|all\s+(?:of\s+)?"
    r"(?:our\s+|the\s+)?(?:staff|people|employees|workforce))\b",
    # "28 on the books", "40 on the payroll"
    rf"{NUM_START}(?P<n>{NUM})\s+on\s+(?:the\s+|our\s+)?(?:books|payroll)\b",
    # "21 people" as one item of a list of facts: "21 people, sales £2.4m"
    rf"(?:^|(?<=[,;:(\n])|(?<=\.\s)|(?<=\s[-–])|(?<=\bfrom\s))\s*(?:{QUAL}\s+)?(?<!\d[,.])"
    rf"(?P<n>{NUM})\s+"
    r"(?:people|persons)"
    # ... or before the next fact: "22 people and we turn over £2m"
    r"\s*(?=[,;.)(]|$|inc(?:l|luding)?\b|depending\b|give\s+or\s+take\b|or\s+so\b|"
    r"(?:at\s+the\s+moment|currently|these\s+days|right\s+now)\b|"
    r"(?:and|with|plus)\s+(?:we|our|a|an|the)?\s*"
    # ("7 people and £1.2m turnover")
    r"(?:[£€$]\s?\d[\d,.]*\s*(?:k|m|mn|million|bn)?\s+(?:of\s+|in\s+)?)?"
    r"(?:turn\s*-?\s*over|turnover|"
    r"sales|revenue|t/o)\b|"
    # ... or with how long they work: "23 people all full time"
    r"(?:all\s+|mostly\s+|both\s+)?(?:full|part)[\s-]*time(?:rs)?\b)",
    # "the whole company, office included, is 52 people": the total after the words between
    rf"\b(?:whole|entire)\s+(?:company|business|firm|group|workforce|operation|team|lot)\b"
    rf"[^.;!?]{{0,80}}?\b(?:is|are|comes\s+to|totals?|adds\s+up\s+to)\s+(?:{QUAL}\s+)?"
    rf"{NUM_START}(?P<n>{NUM})\s+(?:{STAFF_ADJ}\s+){{0,2}}(?:people|persons|{_STAFF_NOUN})\b",
    # "our 15 people make seats", "all our 40 staff"
    rf"\bour\s+(?:{QUAL}\s+)?(?P<n>{NUM})\s+(?:{STAFF_ADJ}\s+){{0,2}}(?:people|staff|employees|"
    r"workers|workforce)\b",
    # "there are 8 of us"
    rf"\b(?:there\s+are|we\s+are|we're)\s+(?:{QUAL}\s+)?(?P<n>{NUM})\s+of\s+us\b",
    # "we're 20 strong", "the team is 35-strong now"
    rf"\b(?:we\s+are|we're|we\s+number|(?:the|our)\s+(?:team|workforce|company|business|firm)\s+"
    rf"(?:is|are))\s+(?:now\s+)?(?:{QUAL}\s+)?{NUM_START}(?P<n>{NUM})\s*-?\s*strong\b",
    # a correction: "sorry, I meant 300 people not 30", "should have said 45 people"
    rf"\b(?:meant|mean|should\s+(?:have\s+)?(?:said|read|be)|it's\s+actually|actually|"
    rf"correction:?|sorry,?)\s+(?:{QUAL}\s+)?{NUM_START}(?P<n>{NUM})\s+(?:people|persons|"
    rf"{_STAFF_NOUN})\b",
    # "we are 4 co-founders", "only the three of us": the founders who are the business
    rf"\b(?:we\s+are|we're|there\s+are)\s+(?:{QUAL}\s+)?(?P<n>{NUM})\s+(?:co-?\s?founders|"
    r"founders|partners|directors)\b(?!\s+(?:and|plus|with)\b)",
    rf"\b(?:just|only)\s+the\s+(?P<n>{NUM})\s+of\s+us\b(?!\s+(?:own|owns|hold)\b)"
    r"(?!\s*,?\s*(?:\d+\s*/\s*\d+|\d+\s*%|equally))",
    # "we are three chemists who founded it": the founders are the business, whatever
    # their trade is called
    rf"\b(?:we\s+are|we're|there\s+are)\s+(?:just\s+|only\s+)?{NUM_START}(?P<n>{NUM})\s+"
    r"(?:[\w-]+\s+)?[a-z-]{3,}(?:s|men|women|people|folk)\s+(?:who|that)\s+(?:(?:have|had|"
    r"recently|just)\s+)?(?:set\s+up|started|start|founded|formed|run|own|co-?founded|launched|"
    r"spun\s+out|incorporated)\b",
    # "about 40 people here", "60 people on site"
    rf"{NUM_START}(?P<n>{NUM})\s+(?:people|persons)\s+(?:here|on\s+site|at\s+(?:this|the|our)\s+"
    r"(?:site|plant|factory))\b",
    # staff taken over with a business: "we retained 19 of their people"
    rf"\b(?:kept\s+on|retained|transferred\s+over|took\s+over)\s+(?:{QUAL}\s+)?{NUM_START}"
    r"(?P<n>\d[\d,]*)\s+(?:of\s+(?:the|their|its)\s+)?(?:staff|employees|workforce|people|team)\b",
))
# People named by their work, counted as staff in a list of the workforce ("12 machinists and
# 4 office staff", "me plus 4 lads", "6 welders, 2 in the office and me").
_ROLE = (r"(?:technicians?|techs?|engineers?|machinists?|operators?|operatives?|fitters?|welders?|"
         r"fabricators?|electricians?|mechanics?|chefs?|cooks?|bakers?|drivers?|designers?|"
         r"developers?|programmers?|scientists?|chemists?|assemblers?|joiners?|carpenters?|"
         r"labourers?|packers?|installers?|craftsm[ae]n|craftspeople|tailors?|"
         r"seamstress(?:es)?|directors?|managers?|supervisors?|administrators?|admins?|"
         r"sales\s*(?:people|reps?)|reps|consultants?|analysts?|nurses?|carers?|cleaners?|"
         r"technologists?|surveyors?|jewellers?|advisers?|advisors?|setters?|toolmakers?|inspectors?|planners?|"
         r"estimators?|brewers?|butchers?|growers?|plumbers?|builders?|painters?|decorators?|"
         r"finishers?|polishers?|upholsterers?|lads|guys|girls|blokes|fellas|chaps|hands|"
         # people named by a trade or profession: "4 dentists", "three groomers"
         r"ladies|dentists?|hygienists?|artists?|groomers?|therapists?|stylists?|barbers?|"
         r"hairdressers?|beauticians?|opticians?|optometrists?|pharmacists?|vets?|physios?|"
         r"instructors?|teachers?|tutors?|coaches|trainers?|practitioners?|accountants?|"
         r"solicitors?|architects?|receptionists?|assistants?|waiters?|waitresses?|porters?|"
         r"couriers?|roofers?|plasterers?|bricklayers?|tilers?|glaziers?|gardeners?|"
         r"landscapers?|florists?|photographers?|editors?|animators?|caterers?|cashiers?|"
         r"care\s+workers?|support\s+workers?)")
_ITEM_NOUN = rf"(?:{_ROLE}|{_STAFF_NOUN}|people|persons|full[\s-]?timers?)"
# where staff work: "in the office", "on the shop floor", "at the benches", "in production"
_WORKPLACE = (r"in\s+the\s+(?:office|workshop|factory|shop|kitchen|warehouse|yard|lab|showroom|"
              r"studio|garage|depot|salon|bakery|mill)|"
              r"on\s+the\s+(?:shop[\s-]?)?floor|on\s+the\s+(?:tools|line|road|vans?)|"
              r"at\s+the\s+benche?s?|"
              r"in\s+(?:production|dispatch|despatch|admin|sales|accounts|design|assembly|stores)")
_STAFF_ITEM = re.compile(
    rf"{NUM_START}(?P<n>{NUM})\s+(?:(?:{STAFF_ADJ}|office|sales|shop[\s-]?floor|sewing|"
    r"full[\s-]?time|f/t|qualified|senior|junior|trainee|support|care|kitchen|warehouse|"
    r"delivery|clinical|nursing|teaching|retail|front[\s-]of[\s-]house|back[\s-]office)\s+){0,2}"
    rf"(?:(?P<noun>{_ITEM_NOUN})(?:\s+(?:{_WORKPLACE}))?|(?P<more>others?|more|other\s+people)|"
    # "11 on the shop floor", "6 at the benches", "4 in production"
    rf"(?P<where>{_WORKPLACE}))\b"
    # not the owners: "two directors own it"
    r"(?!\s+(?:jointly\s+|equally\s+)?(?:own|owns|hold|holds|share)\b)"
    r"(?:\s+full[\s-]?time\b)?", re.I)
# The owner, or a family member, working beside the staff listed: "me", "my wife".
_FAMILY = r"(?:wife|husband|son|daughter|brother|sister|dad|mum|father|mother|missus|partner)"
_WORKING_OWNER = rf"(?:me|myself|the\s+owner|(?:my|our|the)\s+{_FAMILY})"
_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and|plus)?|and|plus|\+|&)\s*", re.I)
_OWNER_BEFORE = re.compile(
    rf"\b(?:just\s+|only\s+)?(?:(?:{_WORKING_OWNER}\s*(?:,|and|plus|\+|&)\s*){{1,3}}"
    # "my son and me, each on the tools all week, 4 fitters": what they do, between
    r"(?:(?:both|each|all)\s+[^,.;:]{0,60},\s*(?:and\s+|plus\s+)?)?|"
    # "me and my partner both on the tools every day, plus 5 fitters"
    rf"(?:{_WORKING_OWNER}\s*(?:,|and|\+|&)\s*){{1,2}}{_WORKING_OWNER}\s+(?:own\s+it\s+and\s+)?"
    r"(?:both|each|all)\s+"
    r"[^,.;:]{0,60},\s*(?:and\s+|plus\s+|then\s+)?)$", re.I)
_OWNER = re.compile(rf"\b{_WORKING_OWNER}\b", re.I)
# "..., plus me", "..., me and the wife": one or two working owners after the list
_OWNER_AFTER = re.compile(
    rf"\s*(?:,\s*(?:and\s+|plus\s+)?|\s(?:and|plus)\s+|\s*[+&]\s*){_WORKING_OWNER}\b"
    rf"(?>(?:\s*(?:,\s*)?(?:and|plus|\+|&)\s*(?:{_WORKING_OWNER}|{_FAMILY})\b)?)"
    r"(?!\s+(?:own|owns|hold|holds|run|runs|are\s+(?:the\s+)?(?:owners|shareholders|directors)))",
    re.I)
# ... after a headcount, and how they work: "Staff 12, all permanent, plus me and my son"
_OWNER_AFTER_HEADCOUNT = re.compile(
    r"(?:\s*,\s*(?:all|both)\s+(?:full[\s-]?time|f/t|permanent))?" + _OWNER_AFTER.pattern, re.I)
# a headcount come back after a change: "now we are down to 241 again"
_BACK_TO = re.compile(rf"\b(?:(?:back|down|dropped|fallen|fell|returned)\s+(?:down\s+)?to\s+"
                      # "back around 240" (not "down about 20", which is by how many)
                      rf"(?:{QUAL}\s+)?|back\s+(?:at\s+)?(?:around|about|roughly|nearer)\s+)"
                      rf"{NUM_START}(?P<n>{NUM})\b"
                      r"(?!\s*(?:%|per\s*cent|k\b|m\b|million|years?|months?|hours?|days?)|[.,]\d)",
                      re.I)
# a headcount said to be one period's only: "271 staff that year alone, for a single large
# order". A size ceiling crossed in a single period does not change the business's size (the
# two-period test), so the headcount told for the period before it sizes the business. (Number
# words are digits by then: "1-off", "1 big contract".)
_ONE_PERIOD = re.compile(
    r"\bfor\s+the\s+first\s+time\b|\b(?:one|1)[\s-]?off\b|\btemporar(?:y|ily)\b|\bspike[sd]?\b|"
    r"\b(?:unusual|exceptional|freak|bumper|abnormal|atypical|(?:one|1)[\s-]year)\s+"
    r"(?:year|period|peak|spike|contract|order)\b|"
    r"\bonly\s+(?:in|for)\s+(?:the|our|that)\s+(?:latest|last|most\s+recent|one|1)\s+"
    r"(?:year|period|set\s+of\s+accounts|accounts)\b|"
    r"\b(?:because\s+of|due\s+to|after|driven\s+by|thanks\s+to|on\s+the\s+back\s+of)\s+"
    r"(?:one|1|a\s+single)\s+(?:[\w-]+\s+){0,2}(?:contract|order|project)\b", re.I)
_OWNER_OR_FAMILY = re.compile(rf"\b(?:{_WORKING_OWNER}|{_FAMILY})\b", re.I)
_STAFF_SPOKEN_OF = re.compile(rf"\b(?:{_STAFF_NOUN}|head\s*count|workforce|staffing)\b", re.I)
# Where one role alone is read as the staff: opening its clause, or after "we have/employ".
_ROLE_ALONE_LEAD = re.compile(
    rf"(?:^|\b(?:we|i)\s+(?:have|employ|'ve\s+got|have\s+got|got)|\bwith|\bthere\s+are|"
    rf"\b(?:we're|we\s+are))\s*(?:{QUAL}\s+)?$", re.I)
# "me and my sister run the stall": two people, when no headcount is given
_TWO_OF_US = re.compile(
    # not the owners: "owned by me and a cousin", "shares split with my partner"
    rf"(?<!owned\sby\s)(?<!held\sby\s)"
    rf"\b(?:(?:just\s+|only\s+)?(?:me|i)\s+(?:and|&)\s+(?:my|a)\s+(?:co-?founder|business\s+partner|"
    rf"partner|flatmate|friend|mate|{_FAMILY})|"
    # "my wife and I work here": the other first
    rf"(?<![\w,]\s)my\s+(?:co-?founder|business\s+partner|partner|{_FAMILY})\s+(?:and|&)\s+(?:i|me)"
    rf"(?=\s+(?:both\s+|also\s+)?(?:work|run|do|are)\b))\b"
    r"(?!\s+(?:(?:also|jointly|both|together|still)\s+)?(?:own|owns|hold|holds|"
    r"are\s+(?:the\s+)?(?:owners|shareholders|directors)))"
    # the owners' shares after them: "just me and my daughter, 70/30"
    r"(?!\s*,?\s*(?:\d+\s*[/-]?\s*\d+\b(?!\s*(?:staff|people|employees))|equally|half\s+each))",
    re.I)
# The owner working alone: "I'm a sole trader", "as a sole trader"
_SOLE_TRADER = re.compile(r"\b(?:i'm|im|i\s+am|as|being)\s+a\s+sole\s+trader\b"
                          r"(?![^.;!?]{0,40}\b(?:staff|employees?|people|workers|team)\b)", re.I)
# People named by a work the list of roles above lacks ("5 baristas", "3 upholstery
# finishers"), counted only beside staff the list does name: a word for an agent, not a thing
_ANY_ROLE_ITEM = re.compile(
    rf"{NUM_START}(?P<n>{NUM})\s+(?:[a-z]+\s+)?(?P<noun>(?!(?:print|las|rout|cutt|contain|"
    r"trail|comput|serv|custom|suppli|us|memb|ord|tenant|student|patient|resident|parent|"
    r"visit|competit|invest|shareholder|partner|owner|year|month|week|day|hour|van|lorr|"
    r"truck|site|unit|machine|product)(?:er|or|ist|ian|ant|ent|ee)?s\b)"
    r"[a-z]+(?:ers|ors|ists|istas|ians|ants|ents|ees|men|women|folk))\b", re.I)
_GENERIC_TOTAL = re.compile(rf"^(?:{_STAFF_NOUN}|people|persons)$", re.I)
# Days a week: "2 days a week", "4 days out of a 6-day week", "1 day per week".
# ("four staff on 2-day weeks (full time being 6 days)": the week's length told after)
_DAYS = (rf"(?P<d>{NUM})\s*-?\s*days?\b(?:\s*(?:of|out\s+of|in)\s*(?:an?\s+)?"
         rf"(?P<fulld>{NUM})\s*-?\s*days?(?:\s*-?\s*(?:working\s+)?week)?)?(?:\s*(?:a|per|each)\s+week|\s*weekly|"
         r"\s*-?\s*weeks?\b)?"
         rf"(?:\s*[,(]?\s*(?:where\s+|and\s+)?full[\s-]?time\s+(?:is|being|would\s+be|=)\s+"
         rf"(?P<fulldays>{NUM})\s*-?\s*days?(?:\s*(?:a|per|each)\s+week)?\s*\)?)?")
_PART_TIME_HOURS = (
    r"(?:\s*,?\s*\(?\s*(?:(?:each\s+)?(?:on|working|doing|at)\s+|"
    # "two part-timers that both work 12 hours"
    r"(?:who|that)\s+(?:each\s+|all\s+|both\s+)?(?:do|does|work|works|are\s+on)\s+|(?=\d)))"
    rf"(?:(?P<pct>{NUM})\s*(?:%|per\s*cent|percent)"
    rf"|{_DAYS}"
    rf"|(?P<h>{NUM})\s*-?\s*(?P<hunit>hours?|hrs?|h\b)?\s*"
    rf"(?:(?:of|out\s+of|/|from|against)\s*(?:(?:a|an|our|the|their|its|my)\s+)?"
    rf"(?:(?:standard|normal|usual|full[\s-]?time|contracted|basic)\s+)?(?P<full>{NUM})\s*-?\s*"
    r"(?:hours?|hrs?|h\b)?)?"
    r"(?:\s*(?:a|per|each)\s+week|\s*weekly|\s*pw|\s*-?\s*weeks?)?"
    # "on 16 hours, where full time is 32"
    rf"(?:\s*[,(]?\s*(?:where\s+|and\s+)?full[\s-]?time\s+(?:is|being|would\s+be|=)\s+"
    rf"(?P<fullweek>{NUM})\s*(?:hours?|hrs?|h\b)?(?:\s*(?:a|per|each)\s+week)?\s*\)?)?)")
_FULL_TIMERS = re.compile(
    rf"{NUM_START}(?P<n>{NUM})\s*(?:{STAFF_ADJ}\s+)?(?:full[\s-]?time(?:rs?)?|f/t)\b"
    rf"(?!\s+equivalent)(?:\s+{_STAFF_NOUN}|\s+people)?", re.I)
# Owners working full time themselves: "2 directors, both working full time"
_WORKING_OWNERS_FULL = re.compile(
    rf"{NUM_START}(?P<n>{NUM})\s+(?:of\s+us\s+)?(?:working\s+)?(?:(?:the|my|our)\s+)?"
    r"(?:co-?|owner[\s-]?)?(?:directors?|"
    r"owners?|partners?|founders?|shareholders?)\b[^.;:()]{0,50}?(?:\b(?:work|works|working)\s+"
    r"(?:in\s+(?:it|the\s+business|the\s+company)\s+)?|"
    # "three founders, all full time"
    r"\b(?:all|both|each)\s+(?:of\s+(?:us|them)\s+)?)full[\s-]?time\b(?![\s-]+(?:staff|"
    r"employees|people|workers)\b)", re.I)


def _full_timers(text: str, lo: int = 0, hi: int | None = None) -> list[re.Match[str]]:
    """Full-timers, called so, and owners who are said to be full-timers themselves."""
    hi = len(text) if hi is None else hi
    owners = list(_WORKING_OWNERS_FULL.finditer(text, lo, hi))
    named = [m for m in _FULL_TIMERS.finditer(text, lo, hi)
             if not any(o.start() <= m.start() < o.end() for o in owners)]
    return sorted(owners + named, key=lambda m: m.start())


_PART_TIMERS = re.compile(
    rf"{NUM_START}(?P<n>{NUM})\s*(?:{STAFF_ADJ}\s+)?"
    r"(?:of\s+(?:whom|them|these|those|the\s+rest|the\s+others)\s+)?"
    # "10 people on part-time contracts": the people first, then how they work
    r"(?:(?:(?:staff|people|employees|workers)\s+)?(?:on|working|employed)\s+(?:a\s+)?)?"
    r"(?:are\s+|work\s+|working\s+)?"
    rf"(?:part[\s-]?time(?:rs?)?|half[\s-]?time(?:rs?)?|p/t)\b"
    rf"(?:\s+(?:contracts?|hours|basis))?(?:\s+{_STAFF_NOUN}|\s+people)?"
    rf"(?:{_PART_TIME_HOURS})?",
    re.I)
# People who work part of the week without being called part-time: "6 people who work 2
# days out of 5", "3 staff on 4 days a week", "5 people on 18 hours of a 36-hour week".
# people as owners call them: "one lad on 20 hours", "a seasonal guy"
_CASUAL_PEOPLE = r"(?:lads?|lass(?:es)?|guys?|chaps?|blokes?|girls?)"
_DAY_WORKERS = re.compile(
    rf"{NUM_START}(?P<n>{NUM})\s+(?:(?:more|other|further)\s+)?(?:people|persons|staff|employees|"
    rf"workers|colleagues|ladies|women|men|person|employee|worker|colleague|member\s+of\s+staff|"
    rf"{_CASUAL_PEOPLE}|woman|man|{_ROLE})?\s*"
    rf"(?:(?:who|that)\s+(?:each\s+|all\s+|both\s+)?|"
    r"of\s+(?:whom|them|these|those|the\s+others|the\s+rest)\s+)?"
    r"(?:work|working|on|do|doing)\s+"
    rf"(?:{_DAYS}|(?P<h>{NUM})\s*-?\s*(?P<hunit>hours?|hrs?)\b(?:\s*(?:of|out\s+of|/|from|against)\s*"
    rf"(?:an?\s+)?(?P<full>{NUM})\s*-?\s*(?:hours?|hrs?)?(?:\s*-?\s*week)?)?"
    r"(?:\s*(?:a|per|each)\s+week|\s*weekly)?"
    # "(full time is 40)", ", where 37.5 hours is full time"
    rf"(?:\s*[,(]?\s*(?:where\s+|and\s+)?full[\s-]?time\s+(?:is|being|would\s+be|=)\s+"
    rf"(?P<fullweek>{NUM})\s*(?:hours?|hrs?|h\b)?(?:\s*(?:a|per|each)\s+week)?\s*\)?)?)", re.I)
# Seasonal staff count for the months they work: "2 summer pickers for 3 months" is 0.5.
SEASONAL = re.compile(
    rf"(?:{NUM_START}(?P<n>{NUM})|\b(?P<one>an?))\s+"
    # "two pickers on a temporary contract for 4 months"
    r"(?:(?:staff|workers?|lads?|ladies|people|persons?|employees?|packers?|pickers?|operatives?|"
    r"hands?)\s+on\s+(?:an?\s+)?(?:full[\s-]?time\s+)?)?"
    r"(?:seasonal|temporary|temp|summer|christmas|casual)\s+(?:production\s+|factory\s+|"
    r"warehouse\s+|packing\s+|extra\s+)?"
    rf"(?:staff|workers?|employees?|people|pickers?|hands?|packers?|temps?|contracts?|persons?|"
    rf"{_CASUAL_PEOPLE})?\s*"
    r"(?:(?:who|that)\s+(?:was|were|works?|worked|is|are|does|do|did)\s+)?(?:full[\s-]?time\s+)?"
    # "..., taken on by us directly and on full hours over the two months"
    r"(?:,?\s*[^.;!?\d]{0,60}?\b(?:for|over|during)\s+(?:those|these|the)\s+|"
    rf"(?:for\s+)?(?:the\s+)?)(?:about\s+)?(?P<m>{NUM})\s*(?:(?:summer|winter|busy|peak|"
    r"christmas|festive|harvest)\s+)?(?:months?|(?P<weeks>weeks?))\b", re.I)
# People who are not counted in annual work units (the EU SME definition): apprentices, students
# on vocational training contracts, and staff on maternity or parental leave.
_PEOPLE = (r"(?:people|persons?|staff(?:\s+members?)?|members?\s+of\s+staff|employees?|"
           r"colleagues|workers)")
# "maternity leave", "maternity or parental leave"
_LEAVE_KIND = r"(?:maternity|paternity|parental|shared\s+parental|adoption)"
_LEAVE = rf"{_LEAVE_KIND}(?:\s*(?:or|and|/)\s*{_LEAVE_KIND})*\s+leave"
_NOT_COUNTED_STAFF = re.compile(
    rf"(?:{NUM_START}(?P<n>{NUM})|(?P<one>\ban?))\s+"
    r"(?P<of>of\s+(?:whom|them|these|those|which|us)\s+)?"
    r"(?:(?:is|are|was|were|being|been|currently|now)\s+)*"
    rf"(?:(?:an?\s+)?(?:{STAFF_ADJ}\s+)?apprentices?\b"
    r"|(?:students?|trainees?)\s+on\s+(?:a\s+)?vocational\s+training(?:\s+contracts?)?\b"
    # ... and people another business employs: "10 of whom are agency temps"
    r"|(?:from\s+an?\s+)?agency\s+(?:temps?|workers?|staff|people|drivers?|labour|pickers?)\b"
    r"|(?:agency|self[\s-]employed)\s+(?:contractors?|subcontractors?)\b"
    # ("a fitter who has been on parental leave since May")
    rf"|(?:{_PEOPLE}\s+|[a-z-]+\s+(?=(?:who\s+|that\s+|is\s+|are\s+|has\s+|have\s+|been\s+|"
    rf"currently\s+|now\s+)*on\s+{_LEAVE}))?"
    rf"(?:(?:who|that|is|are|was|were|has|have|had|been|currently|now)\s+)*on\s+{_LEAVE}\b)|"
    # one person named: "plus Priya, who is on parental leave"
    r"(?P<named>(?-i:[A-Z][a-z]+)),?\s+who(?:'s|\s+is|\s+has|\s+was)\s+(?:been\s+|now\s+)?on\s+"
    rf"{_LEAVE}\b", re.I)
# A total that is one group of the staff, the full-timers: others listed after are besides it
_FULL_TIME_GROUP = re.compile(r"\bfull[\s-]?time(?:rs?)?\b|\bf/t\b", re.I)
# Uncounted people named as well as a total ("8 staff plus 2 apprentices"), not among it.
_IN_ADDITION = re.compile(
    r"\b(?:plus|and|also|as\s+well\s+as|another|additional|further|besides|on\s+top)\b", re.I)
_ONLY_JOINED = re.compile(r"[\s,]*(?:and\s+)?", re.I)  # "2 apprentices and 1 on leave"
# Part-timers in addition to a total ("8 staff plus 3 part-time"), rather than among it
# ("45 staff, 10 of whom are part-time", "headcount 45 (including 5 part-time)").
_MORE_STAFF = re.compile(r"\b(?:plus|and|also|as\s+well\s+as|another|additional|further|more)\b",
                         re.I)
_CORRECTED_NUMBER = re.compile(
    rf"{CORRECTION}\s*[,:;-]*\s*(?:(?:it's|it\s+is|we\s+have|we've\s+got|we\s+employ|"
    rf"there\s+are)\s+)?(?:{QUAL}\s+)?{NUM_START}(?P<n>{NUM})\b"
    r"(?!\s*(?:%|per\s*cent|percent)|[.,]\d)", re.I)


# Hours or a share of the week told in words the part-time reader does not take apart
# ("working half the week each", "on half hours", "on 16 of 32 hours").
_SOME_HOURS = re.compile(
    rf"{NUM}\s*-?\s*(?:hours?|hrs?|h\b|days?|%|per\s*cent)|\b(?:half|a\s+third|a\s+quarter|"
    r"three\s+quarters)\b", re.I)


def _hours_stated(match: re.Match[str]) -> bool:
    """Whether a part-timer's share of the week is stated, not taken as the usual half."""
    groups = {k: v for k, v in match.groupdict().items() if v}
    return bool(groups.get("pct") or groups.get("d")
                or (groups.get("h") and (groups.get("full") or groups.get("hunit"))))


# the firm's full-time week, told apart from the part-timers: "our standard week is 39 hours"
_FULL_WEEK_STATED = re.compile(
    rf"\b(?:an?\s+full(?:[\s-]?time)?\s+week|full[\s-]?time|(?:our|the)\s+(?:standard|normal|usual|"
    rf"full[\s-]?time|working)\s+week)\s+(?:here\s+|for\s+us\s+)?(?:is|=|being)\s+(?:{QUAL}\s+)?"
    rf"(?P<h>{NUM})\s*(?:hours?|hrs?|h)\b", re.I)


def _part_time_share(match: re.Match[str], full_week: float | None = None) -> float:
    """The share of a full-time week one part-timer works (module doc: the rules); the
    firm's own week, when the message states it, for hours given without one."""
    groups = {k: v for k, v in match.groupdict().items() if v}
    if groups.get("pct"):
        share = to_float(groups["pct"]) / 100
    elif groups.get("d"):
        full_days = to_float(groups.get("fulld") or groups.get("fulldays") or "0") or \
            FULL_TIME_DAYS
        share = to_float(groups["d"]) / full_days if full_days else 0.0
    elif groups.get("h") and (groups.get("full") or groups.get("hunit")):
        full = to_float(groups.get("full") or groups.get("fullweek") or "0") or \
            full_week or FULL_TIME_HOURS
        share = to_float(groups["h"]) / full if full else 0.0
    else:
        return PART_TIME_SHARE
    return share if 0 < share <= 1 else PART_TIME_SHARE


def _seasonal_months(match: re.Match[str]) -> float:
    """The months of the year a seasonal worker works: "for 3 months", "for the 6 weeks"."""
    months = to_float(match["m"]) * (12 / 52 if match["weeks"] else 1.0)
    return min(months, 12.0)


def read_employees(msg: Message, unassigned: list[Amount]) -> float | None:
    uncounted = _not_counted(msg)
    for total in _IN_ALL.finditer(msg.text):
        if not msg.claimed(*total.span("n")) and not msg.about_another_business(total.start()):
            # the parts before it, in its sentence, are in the total: they are not read
            msg.claim(msg.sentence(total.start())[0], total.start())
            msg.claim(*total.span())
            return msg.took("employees", _less_uncounted(
                msg, [Found(*total.span("n"), to_float(total["n"]))], uncounted))
    lists = _staff_lists(msg)
    breakdowns = _part_time_breakdowns(msg, lists)  # takes in the lists it adds to
    found = lists + breakdowns
    seen: set[int] = set()
    for pattern in _HEADCOUNT:
        for match in pattern.finditer(msg.text):
            start, end = match.span("n")
            if start in seen or msg.claimed(start, end):
                continue
            if msg.about_another_business(match.start()) or \
                    _TO_ANOTHER.search(msg.text, max(0, match.start() - 40), match.start()) or \
                    _IN_THE_PAST.match(msg.text, match.end(), msg.sentence(match.start())[1]):
                continue
            if re.match(r"(?:just|only)\b", match[0], re.I) and OWNING_BEFORE.search(
                    msg.text, max(0, match.start() - 60), match.start()):
                continue  # "no other shareholders, only the 2 of us": the owners
            seen.add(start)
            value = to_float(match["n"]) + bound(msg.text, start)
            if (owners := _OWNER_AFTER_HEADCOUNT.match(msg.text, match.end())) is not None:
                # "12 employees, plus me and my son": the working owners besides them
                value += len(_OWNER_OR_FAMILY.findall(owners[0]))
                msg.claim(*owners.span())
            found.append(Found(start, end, max(value, 0.0)))
    found += _corrected_headcounts(msg, found, unassigned)
    for back in _BACK_TO.finditer(msg.text):
        # "it rose to 258 for one contract; now we are down to 241 again": the staff now
        start, end = back.span("n")
        if found and not msg.claimed(start, end) and max(f.start for f in found) < start and \
                _STAFF_SPOKEN_OF.search(msg.text, max(0, start - 200), start):
            msg.claim(start, end)
            found.append(Found(start, end, to_float(back["n"]) + bound(msg.text, start)))
    if not found:
        found = [Found(m.start(), m.end(), 2.0) for m in _TWO_OF_US.finditer(msg.text)
                 if not msg.claimed(*m.span())]
    if not found:  # "I'm a sole trader": the owner alone
        found = [Found(m.start(), m.end(), 1.0) for m in _SOLE_TRADER.finditer(msg.text)
                 if not msg.claimed(*m.span())]
    found = _the_average(msg, found)
    # "Payroll of 48 ... two directors, solvent": the owners named by their role are not the
    # headcount when one is given
    by_role = [f for f in found if _OWNERS_ALONE.fullmatch(msg.text, f.start, f.end)]
    if by_role and len(by_role) < len(found):
        found = [f for f in found if f not in by_role]
    found = _less_uncounted(msg, found, uncounted)
    found = _before_one_period(msg, found)
    found = _parts_restated(msg, found)
    found = _not_only_present(msg, found)
    found = _seasonal_besides(msg, found)
    if found:
        last = max(found, key=lambda f: f.start)
        msg.part_timers_unknown = {last.start: msg.part_timers_unknown.get(last.start, 0.0)}
    return msg.took("employees", found)


_OWNERS_ALONE = re.compile(r"\s*(?:the\s+|our\s+|its\s+)?\d+\s+(?:co-?)?(?:directors?|partners?|"
                           r"founders?|owners?|shareholders?)\s*", re.I)
# a headcount that varies, and its average over the year: "between 40 in winter and 90 in
# summer; about 55 on average", "the average across the year is 55"
_AVERAGE_COUNT = re.compile(
    rf"\b(?:average|averages|averaging|averaged|on\s+average|mean)\b[^.;\d£€$%]{{0,30}}?"
    rf"(?:{QUAL}\s+)?(?P<n>\d[\d,]*(?:\.\d+)?)(?![\d,.]*\s*(?:%|k\b|m\b|hours|hrs|days))|"
    rf"(?:{QUAL}\s+)?(?P<n2>\d[\d,]*(?:\.\d+)?)\s+(?:(?:{_STAFF_NOUN})\s+)?on\s+average\b",
    re.I)
# a business the owner's deals with, sized before it is named: "we supply a 300-staff car
# maker", "a customer of ours, a 900-person group"
_TO_ANOTHER = re.compile(
    r"\b(?:suppl(?:y|ies|ying)|sell(?:s|ing)?\s+to|work(?:s|ing)?\s+(?:for|with)|"
    r"(?:make|making|makes)\s+(?:parts|components)\s+for|customers?|clients?|competitors?|"
    r"rivals?)\s+(?:(?:is|are|include|includes)\s+)?(?:a|an|one|the)\s+$", re.I)
# a headcount the business had once, not now: "we used to employ 300 people back in the 90s"
_IN_THE_PAST = re.compile(r"[^.,;!?]{0,20}?\b(?:back\s+in\s+(?:the\s+)?(?:19|'|\d0)|"
                          r"in\s+the\s+(?:19)?[5-9]0'?s|at\s+(?:our|its|the)\s+peak)", re.I)


# ... a count of people, not of something else: "on average we ship 400 units" is not staff
_AFTER_AVERAGE = re.compile(
    rf"\s*(?:$|[.,;:)!?]|(?:{_STAFF_NOUN}|fte|ftes|heads|on|over|across|through|for|in|per|"
    r"a|and|but|or|with|all|each|every|last|this|during)\b)", re.I)


def _the_average(msg: Message, found: list[Found[float]]) -> list[Found[float]]:
    """The staff averaged over the year, where the staff are spoken of with an average."""
    averages = []
    for match in _AVERAGE_COUNT.finditer(msg.text):
        group = "n" if match["n"] else "n2"
        start, end = match.span(group)
        lo, hi = msg.sentence(start)
        if msg.claimed(start, end) or msg.about_another_business(start) or \
                not _AFTER_AVERAGE.match(msg.text, end) or \
                not _STAFF_SPOKEN_OF.search(msg.text, max(0, lo - 200), hi):
            continue
        msg.claim(start, end)
        averages.append(Found(start, end, to_float(match[group])))
    return averages or found


# people counted where they are at a moment, not on the payroll: "about 260 through the gate
# most days", "at the busiest time 500 are in the building"
_PRESENT = re.compile(r"\b(?:in\s+the\s+(?:building|factory|plant)|"
                      r"through\s+the\s+(?:gates?|doors?)|at\s+(?:the\s+)?peak|at\s+busy\s+times|at\s+any\s+(?:one\s+)?time|"
                      r"on\s+(?:a\s+)?busy\s+days?|on\s+site\s+(?:most|every|each|on\s+a)\s+"
                      r"days?)\b", re.I)


# people who work there but are employed by others: "agency temps", "freelance engineers",
# "the canteen contractor's people"
_EMPLOYED_ELSEWHERE = re.compile(r"\b(?:agency|agencies|freelance(?:rs?)?|self[\s-]employed|"
                                 r"sub-?contractors?|outside\s+contractors?|contractors'?\s+"
                                 r"(?:own\s+)?(?:people|staff)|outsourced)\b", re.I)


def _seasonal_besides(msg: Message, found: list[Found[float]]) -> list[Found[float]]:
    """Seasonal staff told in a sentence of their own after the staff count ("We have 165
    full-timers. Each autumn we take on 240 seasonal packers for 3 months."): besides the
    count, never the whole of it, so added to it."""
    if len(found) < 2:
        return found
    *_, before, last = sorted(found, key=lambda f: f.start)
    lo, hi = msg.sentence(last.start)
    if msg.sentence(before.start) == (lo, hi) or _full_timers(msg.text, lo, hi):
        return found
    seasonal = list(SEASONAL.finditer(msg.text, lo, hi))
    if not seasonal or not any(m.start() <= last.start < m.end() for m in seasonal):
        return found
    return [f for f in found if f is not before and f is not last] + \
        [Found(before.start, last.end, before.value + last.value)]


def _not_only_present(msg: Message, found: list[Found[float]]) -> list[Found[float]]:
    """The headcounts without those of the people present at a moment (`_PRESENT`), employed
    by others (`_EMPLOYED_ELSEWHERE`) or that someone is said to give (`_SOMEONE_SAYS`),
    when another count is given: who is in the building is not who the business employs."""
    kept = [f for f in found if not _PRESENT.search(
        msg.text, msg.clause(f.start)[0], msg.clause(f.start)[1]) and not
        _EMPLOYED_ELSEWHERE.search(msg.text, msg.clause(f.start)[0], f.end) and not
        _SOMEONE_SAYS.search(msg.text, msg.sentence(f.start)[0], f.start)]
    # heads counted beside a count in full-time equivalents or work units: "240 FTE (about 290
    # heads)" is 240
    if _IN_WORK_UNITS.search(msg.text):
        kept = [f for f in kept if not (_HEADS_AFTER.match(msg.text, f.end) or
                                        _HEADS_BEFORE.search(msg.text, max(0, f.start - 20),
                                                             f.start))] or kept
    return kept if kept else found


_IN_WORK_UNITS = re.compile(r"\b(?:ftes?|full[\s-]time[\s-]equivalents?|awus?|annual\s+work\s+"
                            r"units?)\b", re.I)
_HEADS_AFTER = re.compile(r"\s*(?:heads|bodies|headcount)\b", re.I)
_HEADS_BEFORE = re.compile(r"\bhead\s*count\s*(?:of|is|:|=|-)?\s*(?:about\s+|around\s+)?$", re.I)


# a count someone else is reported to give: "our ops manager says we're over 250 people"
_SOMEONE_SAYS = re.compile(r"\b(?:says?|said|thinks?|thought|reckons?|reckoned|claims?|claimed|"
                           r"told\s+(?:me|us)|insists?)\s+(?:that\s+)?(?:we|we're|we've|we'd|"
                           r"there\s+(?:are|is)|there's|it's|it\s+is|the\s+(?:company|business|"
                           r"firm))\b[^.;:!?]*$|\baccording\s+to\b[^.;:!?]*$", re.I)


def _parts_restated(msg: Message, found: list[Found[float]]) -> list[Found[float]]:
    """The headcounts without a later one that restates a part of an earlier, larger count
    ("80 on full hours and 12 on mornings only ... but we only employ 80 full-timers"): the
    part is not a new count of the staff."""
    kept = []
    for item in found:
        number = re.match(r"\d[\d,]*(?:\.\d+)?", msg.text[item.start:item.end])
        restated = number is not None and any(
            earlier.start < item.start and earlier.value > item.value and
            msg.sentence(earlier.start) != msg.sentence(item.start) and
            re.search(rf"(?<![\d.,]){re.escape(number[0])}(?![\d]|[.,]\d)",
                      msg.text[slice(*msg.sentence(earlier.start))])
            for earlier in found)
        if not restated:
            kept.append(item)
    return kept


def _before_one_period(msg: Message, found: list[Found[float]]) -> list[Found[float]]:
    """The headcounts without the last, when the last is said to be one period's only ("236
    the year before, then 258 because of a one-off order") and an earlier one is told: the
    period before sizes the business (`_ONE_PERIOD`)."""
    if len(found) < 2:
        return found
    last = max(found, key=lambda f: f.start)
    # (said of it: from its clause to the end of its sentence)
    if not _ONE_PERIOD.search(msg.text, msg.clause(last.start)[0], msg.sentence(last.start)[1]):
        return found
    earlier = [f for f in found if f.end <= last.start]
    return earlier or found


def _staff_lists(msg: Message) -> list[Found[float]]:
    """Staff listed by their work and added up: "12 machinists and 4 office staff" is 16, "me
    plus 4 lads" is 5. A list that opens with a total and then breaks it down ("40 staff, 12
    engineers and 28 operators") is the total. A role alone is read as the staff only where a
    headcount would stand ("14 technicians, turnover ...", "we have 9 fitters"). Sentences
    with part-timers are left to the part-time reader."""
    found: list[Found[float]] = []
    items = [m for m in _STAFF_ITEM.finditer(msg.text)
             if not msg.claimed(*m.span()) and not msg.about_another_business(m.start())
             and not _part_timers(msg.text, *msg.sentence(m.start()))
             and not _ONE_DAY_WORKER.search(msg.text, *msg.sentence(m.start()))
             and not SEASONAL.search(msg.text, *msg.sentence(m.start()))]
    others = [m for m in _ANY_ROLE_ITEM.finditer(msg.text)
              if not any(i.start() <= m.start() < i.end() for i in items)]
    # owners said to work full time lead a list of the others: "3 partners, all working full
    # time, plus 7 fitters" is 10 (elsewhere, they are the headcount readers' to read)
    owners_full = [o for o in _WORKING_OWNERS_FULL.finditer(msg.text)
                   if not msg.claimed(*o.span()) and not msg.about_another_business(o.start())
                   and not _part_timers(msg.text, *msg.sentence(o.start()))]
    leading = [o for o in owners_full
               if any(_LIST_GAP.fullmatch(msg.text, o.end(), m.start()) for m in items + others)]
    items = [m for m in items if not any(o.start() <= m.start() < o.end() for o in leading)
             and not any(o not in leading and msg.sentence(o.start()) == msg.sentence(m.start())
                         for o in owners_full)] + leading
    items += [m for m in others
              if not any(i.start() <= m.start() < i.end() for i in items)
              and not msg.claimed(*m.span()) and not msg.about_another_business(m.start())
              and not _part_timers(msg.text, *msg.sentence(m.start()))]
    items.sort(key=lambda m: m.start())
    groups: list[list[re.Match[str]]] = []
    for item in items:
        if groups and _LIST_GAP.fullmatch(msg.text, groups[-1][-1].end(), item.start()):
            groups[-1].append(item)
        else:
            groups.append([item])
    for group in groups:
        if all(m.re is _ANY_ROLE_ITEM for m in group) or (
                group[0].re is _WORKING_OWNERS_FULL and len(group) == 1):
            continue
        if any(m.re is _WORKING_OWNERS_FULL for m in group[1:]):
            continue  # owners after others are a part of the list told again
        before = _OWNER_BEFORE.search(msg.text, max(0, group[0].start() - 100), group[0].start())
        after = _OWNER_AFTER.match(msg.text, group[-1].end())
        owned = _OWNER_BEFORE.search(msg.text, 0, group[0].start())
        lead = group[0].re is _STAFF_ITEM
        if lead and not owned and (group[0]["more"] or (group[0]["where"] and len(group) == 1
                                                        and not after)):
            continue  # "3 more" or "2 in the office" with nothing they add to
        owner = float(len(_OWNER.findall(before[0])) if before else 0) + \
            float(len(_OWNER.findall(after[0])) if after else 0)
        roles = [m for m in group if m.re is not _STAFF_ITEM
                 or (m["noun"] and not _GENERIC_TOTAL.match(m["noun"])
                     and not re.match(r"full", m["noun"], re.I))]
        if len(group) == 1 and not owner and (
                not roles or not _ROLE_ALONE_LEAD.search(msg.lead(group[0].start()))):
            continue  # a headcount alone is the headcount readers' to read
        counts = [to_float(m["n"]) for m in group]
        if (len(group) > 2 and lead and group[0]["noun"]
                and _GENERIC_TOTAL.match(group[0]["noun"])
                and sum(counts[1:]) == counts[0]):
            value = counts[0]  # a total, then its breakdown
        else:
            value = sum(counts) + owner
        start = before.start() if before else group[0].start()
        end = after.end() if after else group[-1].end()
        for m in group:
            msg.claim(*m.span())
        found.append(Found(start, end, value))
    return found


def _not_counted(msg: Message) -> list[re.Match[str]]:
    """Apprentices and staff on leave, whose numbers are then not read as a headcount."""
    found = []
    for match in _NOT_COUNTED_STAFF.finditer(msg.text):
        if msg.claimed(*match.span()) or msg.about_another_business(match.start()):
            continue
        msg.claim(*match.span())
        found.append(match)
    return found


# a sentence about the total just told: "It includes 14 apprentices", "Of those, 3 are ..."
_IT_INCLUDES = re.compile(r"\s*(?:it|that|this|the\s+(?:total|figure|number|headcount))\s+"
                          r"(?:includes|included|counts|counted|covers)\b|"
                          r"\s*of\s+(?:those|them|these)\b", re.I)
# part-timers said to be among the total: "4 of the others are part-time"
_AMONG_THEM = re.compile(r"\bof\s+(?:whom|them|these|those|the\s+rest|the\s+others)\b", re.I)
_OF_WHOM_BEFORE = re.compile(r"\bof\s+(?:whom|them|these|those)\s+$", re.I)


def _less_uncounted(msg: Message, found: list[Found[float]],
                    uncounted: list[re.Match[str]]) -> list[Found[float]]:
    """Headcounts less the uncounted people stated among them, in the same sentence after
    the total: "12 people on the payroll, 3 of them apprentices" is 9; "8 staff plus 2
    apprentices" stays 8."""
    adjusted = list(found)
    previous: tuple[int, re.Match[str], bool] | None = None  # (total, match, among it)
    for match in uncounted:
        sentence = msg.sentence(match.start())
        totals = [i for i, f in enumerate(adjusted)
                  if f.start < match.start() and msg.sentence(f.start) == sentence]
        if not totals and _IT_INCLUDES.match(msg.text, sentence[0]):
            # "... 90 on the books. That includes 3 apprentices": the total just before
            before = msg.sentence(max(sentence[0] - 2, 0))
            totals = [i for i, f in enumerate(adjusted)
                      if msg.sentence(f.start) == before and before != sentence]
        if not totals:
            continue
        index = max(totals, key=lambda i: adjusted[i].start)  # the nearest before
        total = adjusted[index]
        if match["of"] or _IT_INCLUDES.match(msg.text, sentence[0]) or \
                _OF_WHOM_BEFORE.search(msg.text, max(0, match.start() - 20), match.start()):
            among = True  # "3 of them apprentices", "of whom two are on parental leave"
        elif (previous and previous[0] == index
              and _ONLY_JOINED.fullmatch(msg.text, previous[1].end(), match.start())):
            among = previous[2]  # "including 2 apprentices and 1 on maternity leave"
        else:
            gap = msg.text[min(total.end, match.start()):match.start()]
            # "30 full-time staff, 2 on maternity leave": a group of its own, not among them
            among = not _IN_ADDITION.search(gap) and \
                not _FULL_TIME_GROUP.search(msg.text, total.start, total.end)
        previous = (index, match, among)
        if among:
            heads = 1.0 if match["one"] or match["named"] else to_float(match["n"])
            adjusted[index] = Found(total.start, total.end, max(round(total.value - heads, 2), 0.0))
    return adjusted


# One person working some days a week, named or by their work: "a bookkeeper one day a week",
# "Maureen who does the accounts 2.5 days a week", "my son does deliveries 3 days a week"
_ONE_DAY_WORKER = re.compile(
    r"(?:\b(?:a|an|one|my|our)\s+(?:[a-z-]+\s+){0,2}?[a-z-]+|(?<![.!?]\s)\b(?-i:[A-Z][a-z]+))"
    r"(?:\s+(?:who|that))?\s+(?:(?:does|do|works|work|comes\s+in|helps|covers|is\s+in|keeps|"
    r"runs|handles|manages|looks\s+after|cleans|drives|answers|helps\s+out|"
    # "a lad in the workshop 1 day a week": where the one works, then when
    r"in\s+the\s+(?:office|shop|workshop|warehouse|kitchen|factory|yard|lab))\b(?:\s+[\w-]+){0,3}?"
    r"\s+|[,(]\s*)?"
    rf"{_DAYS}(?<=week|ekly)", re.I)
# "... plus me": the owner beside the staff listed
_AND_ME = re.compile(r"\b(?:plus|and|\+|&)\s+(?:me|myself)\b|"
                     # "me plus 2 part-timers": the owner named first
                     r"(?:^|(?<=[.,;:!?(]\s)|(?<=[.,;:!?(]))\s*(?:me|myself)\s+(?:plus|and|\+|&)\s+(?=\d)|"
                     r",\s*(?:and\s+)?me\s+(?:full[\s-]?time|f/t|too|as\s+well)\b|"
                     # "there's me (full time), 5 lads, ...": the owner listed first
                     r"\b(?:there's|there\s+is|theres|there’s)\s+(?:me|myself)\b|"
                     # "it is myself, doing it full time; ...": the owner first
                     r"\b(?:it's|it\s+is|its)\s+(?:me|myself)\s*,?\s+(?:working|who\s+works?|"
                     r"doing)\s+(?:[\w-]+\s+){0,2}?full[\s-]?time\b|"
                     r"(?:^|(?<=[.;:!?]\s)|(?<=[.;:!?]))\s*(?:me|myself)\s*(?:\([^)]{0,40}\)\s*)?"
                     r"(?:full[\s-]?time\s*)?,\s*(?=\d)|"
                     # "I'm the MD, working full time myself, plus 5 on the shop floor"
                     r"\b(?:i|i'm|i\s+am)\b[^.;!?]{0,40}?\b(?:work|working)\s+(?:in\s+(?:it|the\s+"
                     r"(?:business|company|firm))\s+)?full[\s-]?time(?:\s+in\s+(?:it|the\s+(?:business|"
                     r"company|firm)))?(?:\s+myself)?\s*,?\s*(?:plus|and|\+|&|as\s+well\s+as|"
                     r"alongside)\s+"
                     r"(?=\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b)",
                     re.I)


# a second working owner named after "me": "and me and my sister"
_AND_FAMILY = re.compile(rf"\s*,?\s*(?:and|&|plus|\+)\s+(?:my|our|the)\s+{_FAMILY}\b"
                         r"(?!\s+(?:(?:also|jointly|both)\s+)?(?:own|owns|hold|holds)\b)", re.I)


def _spans_apart(match: re.Match[str], others: Sequence[re.Match[str]]) -> bool:
    return not any(o.start() < match.end() and match.start() < o.end() for o in others)


def _part_time_breakdowns(msg: Message, lists: list[Found[float]] | None = None
                          ) -> list[Found[float]]:
    """Full-timers plus part-timers as fractions, per sentence: "11 full-timers and 8
    part-timers doing 15 of 30 hours" is 15; "45 staff, 10 of whom are part-time" is 40. In a
    sentence with part-timers, staff named by their work or where they work, working owners
    ("us two") and one person's days a week are counted too: "9 in the workshop full time,
    the three of us, and a bookkeeper 1.5 days a week" is 12.3."""
    found: list[Found[float]] = []
    singles_all = [m for m in _ONE_DAY_WORKER.finditer(msg.text) if not msg.claimed(*m.span())]
    sentences = _joined_by_semicolons(msg, sorted(
        {msg.sentence(m.start()) for m in _part_timers(msg.text)}
        | {msg.sentence(m.start()) for m in _full_timers(msg.text)}
        | {msg.sentence(m.start()) for m in singles_all}
        | {msg.sentence(m.start()) for m in SEASONAL.finditer(msg.text)}
        | {msg.sentence(m.start()) for m in _AND_ME.finditer(msg.text)}))
    for lo, hi in sentences:
        seasonal = [m for m in SEASONAL.finditer(msg.text, lo, hi)
                    if not msg.claimed(*m.span())]
        part = [m for m in _part_timers(msg.text, lo, hi) if not msg.claimed(*m.span())
                and not any(s.start() <= m.start() < s.end() for s in seasonal)]
        singles = [m for m in singles_all if lo <= m.start() < hi
                   and _spans_apart(m, [*part, *seasonal])]
        full = [m for m in _full_timers(msg.text, lo, hi)
                if not msg.claimed(*m.span())
                and not any(p.start() <= m.start() < p.end() for p in (*part, *seasonal))]
        if part or singles:
            # staff named by their work or place; "N staff" after one of them is one more
            # group ("12 on the shop floor, the 2 staff in the office"), first it is the total
            taken = [*part, *seasonal, *singles, *full]
            items: list[re.Match[str]] = []
            for m in _STAFF_ITEM.finditer(msg.text, lo, hi):
                if not _spans_apart(m, taken) or msg.claimed(*m.span()) or m["more"]:
                    continue
                if m["noun"] and _GENERIC_TOTAL.match(m["noun"]) and not items:
                    continue
                items.append(m)
            full = sorted([*full, *items], key=lambda m: m.start())
        week = _FULL_WEEK_STATED.search(msg.text)
        full_week = to_float(week["h"]) if week else None
        part_awu = sum(to_float(m["n"]) * _part_time_share(m, full_week) for m in part) + \
            sum(_heads(m) * _seasonal_months(m) / 12 for m in seasonal) + \
            sum(_part_time_share(m, full_week) for m in singles)
        part_heads = sum(_heads(m) for m in (*part, *seasonal)) + len(singles)
        part = sorted([*part, *seasonal, *singles], key=lambda m: m.start())
        value: float | None = None
        spans = [m.span() for m in (*part, *full)]
        if full:
            value = sum(to_float(m["n"]) for m in full) + part_awu
            first = min((*full, *part), key=lambda m: m.start())
            total = _staff_total(msg, lo, first.start(), 0)
            if total is not None and _MORE_STAFF.search(msg.text, total.end("n"), first.start()):
                # "8 employees plus the 3 directors, who work in it full time": besides them
                value += to_float(total["n"])
                spans.append(total.span("n"))
        elif part:
            total = _staff_total(msg, lo, part[0].start(), part_heads)
            if total is None and _AMONG_THEM.search(part[0][0]):
                # "3 of the rest do two days a week": among a total told before
                total = _staff_total(msg, 0, part[0].start(), part_heads)
            if total is None and lo > 1 and _IT_INCLUDES.match(msg.text, lo):
                # "... 90 on the books. That includes ... 6 who work half-time"
                total = _staff_total(msg, *msg.sentence(lo - 2), part_heads)
            if total is None and (fewer := _staff_total(msg, lo, part[0].start(), 0)) and \
                    _MORE_STAFF.search(msg.text, fewer.end("n"), part[0].start()):
                # "80 permanent staff plus 150 seasonal packers for 6 weeks": besides them,
                # though fewer
                total = fewer
            listed = [f for f in lists or [] if lo <= f.start < part[0].start()]
            if total is None and listed:
                # "4 full-time fitters; 3 part-timers on 20 hours": the staff listed by their
                # work before, in the same list, and the part-timers besides them
                value = sum(f.value for f in listed) + part_awu
                spans.append((listed[0].start, listed[-1].end))
                for item in listed:
                    lists.remove(item)  # type: ignore[union-attr]
            elif total is None:
                value = part_awu
            else:
                spans.append(total.span("n"))
                value = to_float(total["n"]) + part_awu
                if not _MORE_STAFF.search(msg.text, total.end("n"), part[0].start()) or \
                        _AMONG_THEM.search(part[0][0]):
                    value -= part_heads  # the part-timers are among the total
        if value is None or not spans:
            continue
        owners_counted = any(m.re is _WORKING_OWNERS_FULL for m in full)
        first_item = min(s for s, _ in spans)
        before = _OWNER_BEFORE.search(msg.text, max(lo, first_item - 100), first_item)
        if before is not None and msg.claimed(*before.span()):
            before = None
        me = _AND_ME.search(msg.text, lo, hi)
        if (part or full) and not owners_counted and me is not None and \
                not msg.claimed(*me.span()) and not (  # singles are among `part` now
                    before is not None and before.start() <= me.start() < before.end()):
            # "5 staff at the benches, plus me, and ...", "... and me and my sister, both
            # full time": the owners beside the staff
            other = _AND_FAMILY.match(msg.text, me.end())
            value += 2 if other else 1
            spans.append((me.start(), other.end() if other else me.end()))
        elif (part or full) and not owners_counted and before is not None:
            # "me and my partner both work in it, then 5 full time and one on 2 days a week"
            value += len(_OWNER.findall(before[0]))
            spans.append(before.span())
        for span in spans:
            msg.claim(*span)
        start = min(s for s, _ in spans)
        unknown = sum(_heads(m) for m in part if m.re in (_PART_TIMERS, _DAY_WORKERS)
                      and not _hours_stated(m)
                      and not _SOME_HOURS.search(msg.text, m.start(), hi))
        if unknown:
            msg.part_timers_unknown[start] = unknown
        found.append(Found(start, max(e for _, e in spans), round(value, 2)))
    return found


_BESIDES_THOSE = re.compile(r"\s*(?:on\s+top\s+of\s+(?:that|them|those)|in\s+addition|"
                            r"besides\s+(?:that|them|those)|as\s+well\s+as\s+(?:that|them|those)|"
                            r"plus|then\s+there(?:'s|\s+is|\s+are))\b", re.I)


def _joined_by_semicolons(msg: Message, sentences: list[tuple[int, int]]
                          ) -> list[tuple[int, int]]:
    """Groups of staff in sentences that follow one another after a semicolon, or in a next
    sentence that says it adds to them ("In addition ..."), as one list: "236 full-time
    employees; 18 part-time employees on 22.5 hours" is one workforce."""
    joined: list[tuple[int, int]] = []
    for lo, hi in sentences:
        between = msg.text[joined[-1][1]:lo] if joined else ""
        if joined and ((between[:1] == ";" and not between[1:].strip()) or (
                not between.strip(" .") and _BESIDES_THOSE.match(msg.text, lo))):
            # (or the next sentence adds to it: "120 full-time staff. In addition the three
            # partners work in the firm full time")
            joined[-1] = (joined[-1][0], hi)
        else:
            joined.append((lo, hi))
    return joined


def _heads(match: re.Match[str]) -> float:
    """The people a match counts: its number, or one for "a summer worker"."""
    return to_float(match["n"]) if match["n"] else 1.0


def _part_timers(text: str, lo: int = 0, hi: int | None = None) -> list[re.Match[str]]:
    """Part-timers, called so or said to work some days a week, in text order."""
    hi = len(text) if hi is None else hi
    named = list(_PART_TIMERS.finditer(text, lo, hi))
    by_days = [m for m in _DAY_WORKERS.finditer(text, lo, hi)
               if not any(p.start() <= m.start() < p.end() for p in named)]
    return sorted(named + by_days, key=lambda m: m.start())


def _staff_total(msg: Message, lo: int, hi: int, part_heads: float) -> re.Match[str] | None:
    """The staff total stated before the part-timers in a sentence, if any."""
    totals = [m for pattern in _HEADCOUNT for m in pattern.finditer(msg.text, lo, hi)
              if not msg.claimed(*m.span("n")) and to_float(m["n"]) >= part_heads]
    return max(totals, key=lambda m: m.start("n"), default=None)


def _corrected_headcounts(msg: Message, found: list[Found[float]],
                          amounts: list[Amount]) -> list[Found[float]]:
    """A bare number right after "sorry" corrects the figure before it, when that was a
    headcount: "we have 40 staff, sorry, 45"."""
    corrected: list[Found[float]] = []
    for match in _CORRECTED_NUMBER.finditer(msg.text):
        start, end = match.span("n")
        if msg.claimed(start, end):
            continue
        staff_before = [f.start for f in found if f.start < start]
        other_before = [a.start for a in amounts if a.start < start]
        if staff_before and max(staff_before) > max(other_before, default=-1):
            msg.claim(start, end)
            corrected.append(Found(start, end, to_float(match["n"])))
    return corrected


# A size band named before a word for a business: "small company", "medium-sized firm".
_BAND_BUSINESS = (r"(?P<band>micro|small|medium(?:[\s-]?sized)?)\s*(?:-|\s)?\s*(?:sized\s+)?"
                  r"(?:business|company|co|firm|enterprise|sme|manufacturer|employer|outfit)\b")
# The size an owner gives the business in words, of the business itself: "we're a small
# company", "as a micro business", "our firm is a medium-sized enterprise".
_STATED_BAND = re.compile(
    r"\b(?P<lead>we(?:'re|\s+are)|i(?:'m|\s+am)?\s+(?:run|own)|as|being|(?:our|my)\s+(?:company|"
    r"business|firm)\s+is)\s+(?:an?\s+)?(?:(?:uk|family|independent|local)[\s-]+)?"
    + _BAND_BUSINESS, re.I)
# The size of a business a question supposes: "for a medium firm spending £250k".
_SUPPOSED_BAND = re.compile(r"(?:^\W*|(?<=[.!?]\s)|\b(?:an?|the|for|if)\s+)" + _BAND_BUSINESS, re.I)


# ... or in a word alone: "we're micro.", "we are small, so ..."
_STATED_BAND_ALONE = re.compile(
    r"\b(?P<lead>we(?:'re|\s+are)|(?:our|my)\s+(?:company|business|firm)\s+is|(?<=\()so|"
    r"i'm|im|i\s+am)\s+(?:obviously\s+|obvs\s+|clearly\s+)?"
    r"(?:classed\s+as\s+|counted\s+as\s+)?(?:an?\s+)?"
    r"(?P<band>micro|small|medium(?:[\s-]?sized)?)\b(?=\s*(?:[.,;:!)]|$|and\b|so\b|but\b|"
    r"obvs\b|obviously\b|really\b|tbh\b|lol\b))", re.I)


# ... or opening the message: "Medium-sized manufacturer here.", "small firm, Walsall, ..."
_STATED_BAND_OPENING = re.compile(
    r"^\W*(?:(?:hi|hello|hiya|morning|afternoon)\b\W*)?(?P<lead>)(?:an?\s+)?"
    r"(?P<band>micro|small|medium(?:[\s-]?sized)?)\s*(?:-|\s)?\s*(?:sized\s+)?"
    r"(?:[a-z&-]+\s+){0,2}?(?:business|company|co|firm|enterprise|sme|manufacturer|employer|"
    # or a trade: "Small sheet metal fabricator in Dudley"
    r"outfit|maker|supplier|workshop|shop|[a-z-]+(?:er|or|ist)s?)\b"
    r"(?=\s+(?:here|in|at|based|from)\b|\s*[,.;:–-])", re.I)


def read_stated_band(msg: Message) -> StatedBand | None:
    """ "small" for "we're a small business"; None when the business's size is not named."""
    found = [m for pattern in (_STATED_BAND, _STATED_BAND_ALONE, _STATED_BAND_OPENING)
             for m in pattern.finditer(msg.text)
             if not msg.about_another_business(m.start()) and _said_of_itself(msg, m)]
    found.sort(key=lambda m: m.start())
    if not found:
        return None
    return _band(found[-1]["band"])


def read_supposed_band(text: str) -> StatedBand | None:
    """The size of a business a question supposes ("a micro business with a £400k project"),
    for that question's answer only: it says nothing of the asker's own business."""
    match = _SUPPOSED_BAND.search(text)
    return _band(match["band"]) if match else None


def _band(word: str) -> StatedBand:
    word = word.lower()
    return "medium" if word.startswith("medium") else "micro" if word == "micro" else "small"


def _said_of_itself(msg: Message, match: re.Match[str]) -> bool:
    """ "As a small business, ..." opens a sentence; "do we count as a micro business?" asks."""
    if match["lead"].lower() not in ("as", "being"):
        return True
    lo, _ = msg.sentence(match.start())
    return not msg.text[lo:match.start()].strip()

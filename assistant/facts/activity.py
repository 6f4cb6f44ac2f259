"""What the business does: its activity in its own words, and SIC codes.

- An activity is read after a lead ("we are a", "we make", "we write"), from a participle alone
  ("... in 1986 making brass fittings"), and from a bare noun phrase opening a message that goes
  on to state other facts ("Powder coating firm, DY5 3UP. 22 staff").
- A place that interrupts an activity is dropped: "a toolmaker in Tyseley making press tools" is
  "toolmaker making press tools".
- SIC codes are read as their SIC 2007 class (`sic_class`).
"""

from __future__ import annotations

import re

from assistant.facts.common import SENTENCE_BREAK, Message
from assistant.facts.insolvency import INSOLVENCY, SOLVENT

_MAX_PHRASE_WORDS = 15  # longest sector description kept


ACTIVITY_VERBS = (
    r"(?:make|manufacture|produce|design|build|develop|write|create|code|program|supply|sell|"
    # "we turn over £2m" tells the turnover, not a trade
    r"turn(?!s?\s*-?\s*over\b)|"
    r"distribute|provide|offer|grow|farm|fish|mine|install|repair|maintain|service|process|"
    r"recycle|refurbish|convert|print|test|machine|fabricate|assemble|cast|mould|mold|coat|"
    r"clean|transport|haul|import|export|brew|bake|cater|publish|host|rear|breed|engineer|"
    r"consult|retail|trade|operate|"
    # (not "we run an office and a showroom too": a part of the business, not its trade)
    r"run(?!s?\s+(?:an?\s+|our\s+|the\s+)?(?:[\w-]+\s+)?(?:office|offices|showrooms?|"
    r"website|warehouse|depot|fleet)\b)|roast|pack|package|weld|paint|plate|galvani[sz]e|polish|"
    r"grind|sew|upholster|knit|weave|dye|blend|bottle|smoke|deliver|restore|hire|rent|lease|"
    r"teach|train|treat|care|blast|spray|fix|mend|remanufacture|upcycle|resell|salvage|load|"
    r"broker|cut|bend|forge|stamp|etch|engrave|anodi[sz]e|laminate|extrude|distill?|ferment|"
    r"mill|smelt|refine|harvest|slaughter|butcher|solder|glaze|calibrate|inspect|recondition|"
    r"formulate|compound|dispense|route|churn|"
    # trades told with a verb of the work: "we fit kitchens", "we put up scaffolding", "we help
    # shops cut waste" (not "fit the rules": a thing fits)
    r"fit(?!s?\s+(?:the|this|that|in|with|into|within|under|our|us)\b)|erect|put\s+up|"
    r"help|organi[sz]e|stock|wholesale|photograph|film|record|recruit|"
    r"demolish|excavate|survey|renovate|refit|decorate|plaster|tile|landscape|source|"
    # trades told as what they do: "we arrange insurance", "we let out flats", "we take bets"
    # ("let" and "take" only with what is let or taken: not "we let the bank know")
    r"arrange|advise|lend|insure|underwrite|"
    r"let(?=s?\s+(?:out\s+)?(?:flats|houses|homes|propert|rooms|offices|units|apartments|"
    r"holiday|shops|premises|land))|(?:accept|take)(?=s?\s+(?:bets|wagers)\b))(?:s|es)?")
# the kinds of place a business is opened as: "the tearoom", "a print shop", "the deli"
_OUTLET = (r"(?:[a-z]*shop|store|centre|bar|restaurant|cafe|café|salon|garage|studio|practice|"
           r"agency|school|pub|launderette|hotel|clinic|surgery|nursery|gym|takeaway|bakery|"
           r"brewery|distillery|dairy|pharmacy|boutique|parlour|market|supermarket|florist|deli|"
           r"bistro|[a-z]*room)")
_ACTIVITY_LEADS: tuple[re.Pattern[str], ...] = tuple(re.compile(p, re.I) for p in (
    # "we are a toolroom making press dies for carmakers"
    # ("my client is a toolmaker": an adviser's client is the business)
    r"\b(?:we\s+are|we're|i\s+am|i'm|(?:the|our|my)\s+(?:company|business|firm)\s+is|it's|"
    r"it\s+is|(?:(?:my|the|our)\s+)?client\s+is|(?:my|the)\s+client,|"
    # "for a client, Hollis Joinery Ltd, a joinery workshop": the client named, then its trade
    r"\b(?:a|my|the|our)\s+client,\s+(?-i:[A-Z])[\w&'.-]*(?:\s+(?-i:[A-Z&])[\w&'.-]*){0,4},)"
    r"\s+(?:an?)\s+"
    # (not what the business is to another: "we're an unsecured creditor in their CVA")
    r"(?!(?:[\w-]+\s+)?(?:creditors?|customers?|clients?|members?|shareholders?|guarantors?|"
    r"debtors?|tenants?|bit|little|lot|few|long|while)\b)",
    # "we're a partnership - joinery and shopfitting": what follows the business's form
    r"\b(?:i'm|i\s+am|we're|we\s+are|it's|it\s+is)\s+(?:an?\s+)?(?:sole\s+trader|partnership|"
    r"limited\s+company|ltd\s+company|llp|small\s+(?:business|firm)|family\s+(?:business|firm)|"
    r"start-?up|social\s+enterprise|community\s+interest\s+company|cic|charity|co-?operative)"
    # ("we're a social enterprise (CIC) in Handsworth doing ...": its form and place between)
    r"(?:\s*\([^()]{1,40}\))?(?:\s+(?:in|at|based\s+in)\s+(?-i:[A-Z])[\w'-]*"
    r"(?:\s+(?-i:[A-Z])[\w'-]*)?)?"
    r"\s*(?:\s[-–—]\s*|:\s*|\s+(?:doing|making)\s+)"
    r"(?!(?:what|how|which|who|when|where|why|can|could|do|does|is|are|will|would|we|i)\b)"
    r"(?=[a-z])",
    # "Sole trader, upholsterer near Wednesbury": the form opening the message, then the trade
    r"^\W*(?:an?\s+)?(?:sole\s+trader|partnership|family\s+(?:business|firm))\s*[,:;]\s*"
    r"(?!(?:what|how|which|who|when|where|why|can|could|do|does|is|are|will|would|we|i|me|"
    r"my|our|just|only|been|based|trading|no|not)\b)(?=[a-z])",
    # "We're Hadley Metals, structural steel fabricators": what follows the name
    r"\b(?:we\s+are|we're)\s+(?-i:[A-Z][\w&'.-]*)(?:\s+(?-i:[A-Z&][\w&'.-]*)){0,4}\s*,\s+"
    r"(?:an?\s+)?(?!(?:and|but|so|we|our|us|i|it|based|located|in|at|on|from|with|the)\b)"
    r"(?=[a-z])",
    # "we own two firms. This one - laser cutting, in DY4 - has 12 staff": the one asking,
    # told apart from another business by what it does
    r"\bthis\s+(?:one|1|company|business|firm)\s*(?:[-–—:(]\s*)"
    r"(?!(?:what|how|which|who|when|where|why|can|could|do|does|is|are|will|would|we|i|it|"
    r"the|our|has|had|have)\b)(?=[a-z]|[A-Z]{2})",
    # "we started our own picture framing business": the kind before the business
    r"\b(?:set\s+up|started|start|founded|launched|opened|run|running|have|own)\s+(?:my|our)\s+own\s+"
    r"(?=(?:[\w&-]+\s+){1,4}?(?:business|company|firm|shop|workshop|bakery|studio|practice)\b)",
    # "Our firm, Kestrel Labels, prints labels": the business named, then what it does
    r"\b(?:our|the|my)\s+(?:firm|company|business)\s*,\s+(?-i:[A-Z])[\w&'.-]*"
    r"(?:\s+(?-i:[A-Z&])[\w&'.-]*){0,4}\s*,\s+(?=[a-z]+s\b)",
    # "we're into metal finishing"
    r"\b(?:we're|we\s+are|i'm|i\s+am)\s+(?:mainly\s+|mostly\s+)?into\s+(?=[a-z])",
    # "Marston Precision here - CNC machining for rail": the name, then the trade
    r"(?-i:[A-Z])[\w&'.-]*(?:\s+(?-i:[A-Z&])[\w&'.-]*){0,3}\s+here\s*[-–—:,]\s*"
    r"(?!(?:what|how|which|who|when|where|why|can|could|do|does|is|are|will|would|we|i|just|"
    r"quick|a\s+quick)\b)(?=[A-Za-z])",
    # "the grant for our powder coating plant": the trade before the works it is done in
    r"\b(?:for|at|in|from|into|to)\s+our\s+(?!(?:new|main|own|second|first|current|existing|"
    r"other|old|big|small|little|only|whole|entire|production|manufacturing|industrial)\s)"
    # (a place is not a trade: "our Tipton works")
    r"(?=(?:(?-i:[a-z])[\w&-]*\s+){1,3}?(?:plant|works|factory|foundry|mill|bakery|brewery|"
    r"workshop)\b)",
    # "we incorporated our candle company in May": the trade before the business founded
    r"\b(?:incorporated|set\s+up|started|founded|launched|formed|registered)\s+(?:my|our)\s+"
    r"(?!(?:new|small|little|family|current|first|limited|ltd|own)\b)"
    r"(?=(?:[\w&-]+\s+){1,3}?(?:business|company|firm)\b)",
    # "we're a practice in Erdington which designs kitchens": the trade in a relative clause
    r"\b(?:we\s+are|we're|i\s+run|i\s+own|we\s+run)\s+(?:an?\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:firm|company|business|practice|outfit|team)\b[^.;!?]{0,40}?\b(?:that|which|who)\s+"
    rf"(?:(?:also|mainly|mostly|now)\s+)?(?={ACTIVITY_VERBS}\b)",
    # "I run a bakery", "we've got a tyre shop"
    r"\b(?:we|i|(?:me|i|my\s+[a-z]+|[a-z]+)\s+(?:and|&)\s+(?:me|i|myself|my\s+[a-z]+))\s+"
    r"(?:run|own|manage|operate)\s+(?:an?|two|three|four|several|\d+)\s+"
    # (not a part of the business: "we run an office and a showroom too")
    r"(?!(?:[\w-]+\s+)?(?:office|offices|showroom|showrooms|website|warehouse|depot|fleet)\b)",
    # "we own small firm for kitchen fitting": the trade after the kind of business
    r"\b(?:have|own|run|has|am\s+owner\s+of)\s+(?:an?\s+)?(?:small\s+|little\s+|family\s+|new\s+)?"
    r"(?:company|business|firm)\s+(?:for|doing)\s+(?=[a-z])",
    # "we were a furniture retailer", "we was a restaurant": what it did, and still does
    r"\b(?:we\s+(?:were|was)|i\s+was)\s+an?\s+(?!(?:bit|little|lot|few|long|while|year|month|"
    r"week|day|time|member|customer|client|supplier\s+to|shareholder|director|partner|owner|"
    r"co-?owner|employee|guarantor|creditor|founder|investor|trustee|manager)\b)",
    # "we opened the tearoom in 2019", "I took over the deli": the kind of business
    r"\b(?:we|i)\s+(?:opened|bought|took\s+over|set\s+up|started|launched|acquired)\s+"
    r"(?:the|a|an|our|my|this)\s+(?!(?:company|business|firm)\b)"
    rf"(?=(?:[\w&'-]+\s+){{0,3}}?{_OUTLET}s?\b)",
    # "The tearoom opened in the spring": the kind, as the subject of its opening
    r"(?:^|(?<=[.!?]\s))(?:the|our|my)\s+(?!(?:company|business|firm)\b)"
    rf"(?=(?:[\w&'-]+\s+){{0,3}}?{_OUTLET}s?\s+(?:opened|started|was\s+(?:set\s+up|"
    r"founded|established|opened)|first\s+opened)\b)",
    # "what we do: scaffolding", "line of business - signage", "nature of business: ..."
    r"\b(?:what\s+(?:we|i)\s+do|(?:our\s+|the\s+)?(?:line|type|nature)\s+of\s+(?:the\s+)?"
    r"(?:business|work|trade)|business\s+(?:type|activity|activities)|trade|activity|"
    r"activities)\s*(?:is|:|-|–)\s*(?=[a-z])",
    # "trading for 20 years as a specialist maker of oak doors"
    r"\b(?:established|trading|operating|working|going|been|in\s+business)\b[^.;!?]{0,40}?"
    r"\bas\s+(?:an?\s+)?(?=(?:[\w&-]+\s+){0,3}?(?:supplier|manufacturer|maker|producer|"
    r"distributor|installer|provider|contractor|retailer|wholesaler|importer|exporter|"
    r"specialist|consultancy|agency|business|company|firm)s?\b)",
    # "My own business, a yoga studio in Harborne, ..."
    r"\b(?:my|our)\s+(?:own\s+)?(?:business|company|firm)\s*(?:,|–|-|:)\s*(?:an?\s+)"
    r"(?=[a-z])",
    # "Mercia Signs Ltd designs, makes and fits signage": the company by its name, and a verb
    rf"\b(?-i:[A-Z][\w&'.-]*)(?:\s+(?-i:[A-Z&][\w&'.-]*)){{0,4}}\s+(?:Ltd|Limited|plc|LLP)\.?\s+"
    rf"(?:(?:also|mainly|now)\s+)?(?={ACTIVITY_VERBS}\b)",
    # "The firm was set up in 2003 and builds timber frames"
    rf"\b(?:the|our)\s+(?:company|business|firm)\b[^.;!?]{{0,60}}?\band\s+(?:now\s+|still\s+)?"
    rf"(?={ACTIVITY_VERBS}\b)",
    # "we are owners of family butchers", "i have sweet shop": the kind of business, told without
    # an article
    r"\b(?:i\s+am|i'm|we\s+are|we're)\s+(?:the\s+)?(?:owners?|co-?owners?|directors?|managers?)\s+of\s+"
    r"(?:an?\s+|the\s+|my\s+|our\s+)?(?!(?:two|three|four|five|both|several|\d+)\b)"
    r"(?=(?:[\w&-]+\s+){0,3}?(?:business|company|firm|shop|store|"
    r"workshop|factory|salon|garage|bakery|cafe|restaurant|pub|bar|nursery|farm|practice|agency|"
    r"studio|brewery|distillery|dairy|mill|foundry|kitchen|butchers?)s?\b)",
    # (a place where the work is done, "we have a workshop in Tipton where we make ...", is not
    # the trade)
    r"\b(?:we|i)\s+(?:have|own|run|has)\s+(?:an?\s+)?(?:small\s+|little\s+|family\s+)?"
    r"(?=(?:[\w&-]+\s+){0,2}?(?:shop|store|salon|garage|bakery|cafe|restaurant|pub|nursery|farm|"
    r"brewery|distillery|dairy|butchers?)s?\b)"
    r"(?!(?:no|any|some|the|a|an|two|three|\d+)\b)",
    # "my family has run a market garden for 40 years"
    r"\b(?:we|i|my\s+(?:family|wife|husband|dad|father|mum|mother|parents))(?:'ve|\s+has|"
    r"\s+have)\s+(?:always\s+)?(?:run|owned|operated)\s+(?:an?|the|this)\s+",
    r"\b(?:we|i)(?:'ve|\s+have)?\s+got\s+(?:an?|two|three|\d+)\s+(?=(?:[\w&-]+\s+){0,3}?"
    r"(?:shop|store|business|firm|company|workshop|factory|salon|garage|bakery|cafe|restaurant|"
    r"pub|bar|nursery|farm|practice|agency|studio|unit)s?\b)",
    # "we make aerospace brackets", "me and my son make garden furniture" (not "if I make a
    # complaint": a supposed act, not the trade)
    r"(?<!\bif\s)(?<!\bwhen\s)(?<!\bonce\s)(?<!\bunless\s)(?<!\bbefore\s)(?<!\bafter\s)"
    r"(?<!\bshould\s)\b(?:we|i|(?:the|our|my)\s+(?:company|business|firm)|(?:me|i|my\s+[a-z]+)\s+(?:and|&)\s+"
    # ... and "our lads fix tractors": the people of the business, doing its work
    r"(?:me|i|myself|my\s+[a-z]+)|our\s+(?:lads|team|guys|crew|engineers|staff|people|fitters|"
    r"technicians|folk|chefs|girls))\s+"
    r"(?:(?:also|mainly|mostly|primarily|currently|now|largely|just|only)\s+|"
    # "the company owns and rents out flats": what it does with what it owns
    r"(?:own|owns|buy|buys)\s+and\s+)?"
    # "we powder coat", "we shot blast", "we laser cut": a verb with the way it is done
    rf"(?=(?:[a-z]+-|(?:powder|shot|sand|bead|grit|spray|laser|water|plasma|cnc|hand|heat|"
    rf"vacuum|injection|blow|die|press|spot|tig|mig|wire|flame|dip|zinc)\s+)?{ACTIVITY_VERBS}\b)",
    # "we've built boat trailers for 9 years", "we have been making signs since 1990"
    r"\b(?:we|i)(?:'ve|\s+have)\s+(?:been\s+|always\s+)?(?=(?:made|manufactured|produced|designed|"
    r"built|supplied|sold|distributed|installed|repaired|serviced|fabricated|assembled|printed|"
    r"machined|coated|baked|brewed|roasted|packed|bred|reared|grown|farmed|fished|run|"
    r"making|manufacturing|producing|designing|building|supplying|selling|installing|"
    r"repairing|printing|machining|coating|baking|brewing|roasting)\b)",
    # "my sister and I have just started brewing cider"
    r"\b(?:started|begun|began)\s+(?=(?:making|manufacturing|producing|designing|building|"
    r"supplying|selling|installing|repairing|printing|machining|coating|baking|brewing|roasting|"
    r"cooking|growing|developing|distilling|fermenting|bottling|assembling|fabricating|"
    r"welding|sewing|knitting|weaving|engraving|moulding|casting)\b)",
    # "we're toolmakers", "we are roofing and cladding installers"
    r"\b(?:we\s+are|we're)\s+(?:(?:mainly|mostly|primarily|specialist|independent)\s+)?"
    # (not who owns it: "we are the owners of two firms")
    r"(?!(?:the\s+|joint\s+|sole\s+)*(?:owners?|shareholders?|directors?|co-?founders?|founders?|"
    r"partners?|members?)\b)"
    # (lower case: "we are Orme & Daughters Ltd" is a name)
    # ("we're bookies", "we're electricians", "we are management consultants")
    r"(?!(?:[a-z&-]+\s+){0,4}(?:compan|subsidiar|entit|bod|part|famil)ies\b)"
    r"(?=(?-i:(?:[a-z&-]+\s+){0,4}[a-z-]+(?:ers|ors|ists|smiths|wrights|ies|cians|ants|"
    r"ics))\b)",
    # "we do laser engraving", "I do contract upholstery"
    r"(?:\b(?:we|i)\s+(?:(?:mainly|mostly|also|just)\s+)?do|\b(?:(?:the|our|my)\s+(?:company|"
    r"business|firm)|company\s+(?:a|1))\s+(?:(?:mainly|mostly|also|just)\s+)?does)\s+"
    r"(?=(?:[\w&-]+\s+){0,3}?[a-z-]+(?:ing|ery|ry|work)\b)(?!(?:a|the|some|any|it|this|that)\b)",
    # "founded back in 2012 to design hearing aids"
    r"\b(?:set\s+(?:(?:it|the\s+(?:company|business|firm))\s+)?up|founded|started|"
    r"spun\s+(?:out|off)|established|formed)\b[^.;!?]{0,60}?"
    rf"\bto\s+(?={ACTIVITY_VERBS}\b)",
    # "we've been in picture framing since the nineties"
    r"\b(?:we|i)(?:'ve|\s+have)\s+been\s+in\s+(?!the\s+(?:area|region|city|town)\b)"
    r"(?=(?:[\w&-]+\s+){0,3}?[a-z-]+(?:ing|ery|ry|ics|ware)\b)",
    # "revenue of £400k from bridal alterations"
    r"\b(?:turnover|revenue|income|sales)\b(?:[^.;!?]|\.(?=\d)){0,25}?\bfrom\s+"
    r"(?!(?:the\s+)?(?:last|past|previous|this|next)\b)"
    r"(?=(?:[\w&-]+\s+){0,3}?[a-z-]+(?:ing|ery|ry|ics|ware|ch|ces)\b)",
    # "we buy it in from abroad and sell it online": goods bought in to be sold on
    r"\b(?:we|i)\s+(?=(?:buy|import|source)\s+(?:(?:[\w-]+\s+){0,3}?in\s+(?:from|and|to)\b|"
    r"(?:[\w-]+\s+){0,8}?(?:and|to)\s+(?:then\s+)?(?:re)?sell\b))",
    # "we specialise in wire harnesses"
    r"\bspeciali[sz](?:e|es|ing)\s+in\s+",
    # "we're in the food manufacturing sector"
    r"\b(?:we(?:'re|\s+are)|i(?:'m|\s+am)|(?:we|i)\s+work)\s+in\s+(?:the\s+)?"
    r"(?=[\w\s&,-]{2,60}?\b(?:sector|industry|trade|market|space)\b)",
    # "sector: food manufacturing"
    r"\b(?:our\s+)?(?:sector|industry)\s*(?:is|:|-)\s*",
))
_PHRASE_STOP = re.compile(
    r"[.;!?\n(]|,\s|\s[-–]\s"
    r"|\s+(?:with|employing|based|located|situated|since|who|whose|but|because|so|although|"
    r"though|and\s+(?:we|our|i|have|are|employ|turn|were)|which\s+(?:has|have|employs|is|are)|"
    r"that\s+(?:has|have|employs)|for\s+(?:the\s+)?(?:last|past)|for\s+\w+\s+(?:years?|months?)|"
    r"for\s+over|founded|established|trading|turning\s+over|turnover|owned|headcount|looking|"
    r"hoping|wanting|want|need|needing|would|we'd|and\s+would|opened|started|"
    r"and\s+(?:it|then|they|he|she|now)|"
    # another subject: "we trade at fairs so you'll class us as ...", "... they might think"
    r"you(?:'ll|'d|\s+will|\s+would|\s+might|\s+may)?|they(?:'ll|'d)?)\b"
    r"|\s+(?:in|since|from)\s+(?:'\d{2}|(?:19|20)\d{2})\b"
    r"|\s+(?:from|in|at|near)\s+(?:the\s+)?(?-i:[A-Z])"
    r"|\s+(?:in|at)\s+[A-Za-z]{1,2}\d"
    r"|\s+(?:about\s+|around\s+|roughly\s+)?\d[\d.]*\s*(?:years?|months?|weeks?)\s+ago\b"
    r"|\s+(?=[A-Za-z]{1,2}\d[A-Za-z\d]?\s*\d[A-Za-z]{2}\b)"  # a postcode: "upholstery b12 0zz"
    r"|[\s-]owned\b|\s+subsidiary\s+of\b"
    r"|$", re.I)
_PLACE_PREPOSITION = re.compile(r"\s+(?:in|at|from|near)\s+$", re.I)
# An activity told by a participle, with no lead ("... started the business in 1986 making brass
# fittings", "a toolmaker in Tyseley making press tools"). Only participles that are seldom the
# head of a compound noun ("powder coating", "3D printing" are names of trades, not verbs here).
_ACTIVITY_GERUND = re.compile(
    r"\b(?:making|manufacturing|producing|designing|developing|writing|creating|supplying|"
    r"selling|distributing|providing|installing|repairing|maintaining|servicing|fabricating|"
    r"assembling|importing|exporting|brewing|baking|casting|moulding|molding|refurbishing|"
    r"converting|machining|printing|coating|welding|packaging|packing|processing|recycling|"
    r"plating|finishing|roasting|farming|breeding|rearing|fishing|programming|restoring|"
    r"upholstering|galvani[sz]ing|polishing|painting|sewing|knitting|weaving|stitching|"
    r"embroidering|dyeing)\s+", re.I)
# A participle after these words is not the business's activity: "interested in developing",
# "a machine for making", "the making of".
_NOT_BEFORE_GERUND = frozenset(
    "about at on for of by to in into with without from after before since while when than "
    "towards toward through via upon against despite including like love enjoy start started "
    "starting begin began begun stop stopped keep kept consider considering considered try "
    "trying tried finish finished avoid help helps interested looking thinking plan planning "
    "need needs want wants mind involved spend spent spending a an the our my your their its "
    "his her this that these those no not".split())
_STARTED_DOING = frozenset("started began start begin".split())
_PLACE_WORDS = frozenset("in at from near out of".split())
# Nor is it when what follows is not a thing made or done: "making a loss", "making sure",
# "manufacturing sector", "developing for the NHS".
_NOT_A_GERUND_OBJECT = frozenset(
    "a an the this that these those our my your their its his her it them us him some any all "
    "to for of in on at with by from into about as sure use progress money profit profits loss "
    "losses changes improvements savings headway sense time way things up out do sector sectors "
    "industry industries service services capability capabilities capacity facility facilities "
    "process processes plant site sites line lines operation operations business company firm "
    "skills expertise experience specialist specialists technique techniques method methods "
    # a time after it: "we began selling a few weeks back" says when, not what
    "one two three four five six seven eight nine ten eleven twelve few several last about "
    "around nearly almost over just "
    "team teams sme smes "
    # a place where it is done: "the pilot packing hall", "a welding bay"
    "hall halls room rooms area areas shed sheds bay bays floor floors rig rigs cell cells "
    "centre centres center centers station stations suite suites lab labs laboratory zone "
    "zones booth booths".split())
# Words between an activity cut off by a place and the activity that continues after it:
# "in Tyseley", "at Unit 4, Kingsbury Road", "in Erdington, B24 9PX".
_LOCATION_WORDS = frozenset(
    "in at from near on based located situated the of upon under and".split())
_LOCATION_TOKEN = re.compile(
    r"[A-Z][\w'&.-]*|[A-Za-z]{1,2}\d[A-Za-z\d]?|\d[A-Za-z]{2}|\d+[A-Za-z]?")
# A message may open with the business as a bare noun phrase: "Powder coating firm, DY5 3UP.
# 22 staff". Words that show the opening is something else (a greeting, a question, a sentence
# with a subject and verb, a request) rule it out.
_NOT_IN_AN_OPENING_NOUN_PHRASE = frozenset(
    "i me my we us our you your they them their he she it its this that these those there here "
    "is are am was were be been being have has had do does did can could would should will "
    "shall may might must need needs want wants looking hope hoping think know help tell ask "
    "asking please thanks thank cheers hi hello hey dear morning afternoon evening yes no yeah "
    "ok okay sorry what how who which where when why whether if so just not also quick question "
    "questions query enquiry inquiry advice info information check about regarding re subject "
    "same again update updated correction actually follow following message "
    "oops whoops apologies sorr soz ah oh ahh um umm er erm hmm right well anyway btw ps nb "
    "typo mistake wrong mixup "
    "greetings salaam salam salaams assalamualaikum asalamualaikum assalamu alaikum namaste "
    "shalom hiya howdy yo evening "
    "comes come came goes go went says say said shows show showed gives give gave sends send sent "
    "bill bills letter letters "
    "eligibility eligible grant grants funding fund apply application applying support "
    "trading going running operating turnover staff employees owned solvent insolvency "
    "established founded incorporated started opened launched began set formed".split())
_NOT_AN_OPENING_WORD = frozenset(
    "in at on for from to with by of about as and but or after before since because while "
    "when".split())
# The ends of nouns that name an activity or its makers: "moulding", "upholstery", "printers".
_ACTIVITY_NOUN = re.compile(
    r"(?:ings?|ery|ers?|ors?|ists?|ics|tion|ware|smiths?|wrights?|ry|ies|ure|ancy|ency|mbly|"
    # "maintenance", "opticians", "electricians"
    r"ance|ians)$")
# The kinds of premises or outfit a trade is known by: "bike centre", "tile shop", "haulage
# company", "launderette"
_BUSINESS_HEAD = re.compile(
    r"(?:shop|store|centre|center|company|firm|business|service|bar|restaurant|cafe|café|salon|"
    r"garage|studio|practice|agency|school|pub|launderette|laundrette|laundry|hotel|clinic|"
    r"surgery|nursery|gym|dealership|takeaway|mill|foundry|brewery|"
    r"distillery|dairy|pharmacy|chemist|opticians|vets|boutique|parlour|market|supermarket|"
    r"bakery|florist|butchers?|hire|repairs|care|room|works)s?$")
# what a maker makes, named in a bare phrase: "laser-cut brackets for shopfitters"
_GOODS = re.compile(r"\b(?:parts|components|products|assemblies|goods|devices|equipment|"
                    r"machinery|systems|units|tools|fittings|fixtures)\b", re.I)
_QUICK_ONE = r"(?:a\s+|one\s+|1\s+)?quick\s+(?:one|1|question|q|query)"
# a greeting first ("Hi, toolmaker in Tipton"), then an article
_LEADING_ARTICLE = re.compile(
    r"\s*(?:(?:hi\s+there|hello\s+there|hi|hiya|hello|hey|heya|howdy|morning|afternoon|evening|"
    r"good\s+(?:morning|afternoon|evening|day))\b\s*[,!.:-]*\s*)?"
    # and a word that the question is short: "hello, quick question: toolmakers in ..."
    rf"(?:{_QUICK_ONE}\s*[,!.:–-]+\s*)?"
    # a label before it: "Client: press shop, ...", "Business - bakery"
    r"(?:(?:client|business|company|trade|sector|activity|industry|line\s+of\s+work)\s*[:–-]\s*)?"
    r"(?:(?:a|an|the)\s+)?",
    re.I)
_SPATIAL = re.compile(r"\b[23][dD]\b")  # "3D print bureau": no figure
_CONTRACTION = re.compile(r"'(?:re|m|ve|ll|d)\b|n't\b", re.I)
_MAX_OPENING_WORDS = 8  # a longer opening without a verb is not a name for a business
# Words that say nothing about what a business does.
_GENERIC_WORDS = frozenset(
    "a an the of and small medium micro large sized sme smes business company firm enterprise "
    "start up startup team family run owned limited ltd plc llp partnership sole trader new "
    "young growing local independent uk british group subsidiary member part spin out social "
    "very fairly relatively quite fully wholly partly private we our us it is person people "
    "staff based organisation organization project question pre revenue early stage seed "
    "funded backed venture joint spinout established cooperative co op operative charity "
    "trading brand "
    # the business's places and the people who own it: "head office", "our postcode"
    "head office offices registered address postcode site premises proprietor "
    "owner owners border area council district "
    "incorporated founded".split())


# an auxiliary after a noun phrase: the phrase is a sentence's subject
_VERB_NEXT = re.compile(r"\s*(?:would|will|is|was|are|were|can|could|should|has|had|have|does|did|"
                        r"may|might|must)\b", re.I)
# more verbs after a first one, up to the last: ", welds and " in "designs, welds and fits"
_MORE_VERBS = re.compile(r"(?:\s*,\s*[a-z]+)*\s*,?\s*(?:and|&)\s+(?=[a-z]+\s)")
# a company's name ending in its legal form: "Ashcombe Fasteners Ltd" (its trade after the first
# word, a brand)
_TRADE_NAME = re.compile(
    r"(?-i:\b(?!(?:We|We're|I|I'm|Our|The|This|It|It's|Hi|Hello|Dear)\b)[A-Z][\w&'-]+)\s+"
    r"(?P<trade>(?-i:[A-Z][\w&'-]+)(?:\s+(?-i:[A-Z][\w&'-]+)){0,2})\s+"
    r"(?:Ltd|Limited|plc|PLC|LLP)\b")
_ANOTHER_S_NAME_AFTER = re.compile(
    r"\s*,?\s*(?:which\s+|who\s+)?(?:holds?|owns?|has|have|had|took|bought|invested|is\s+our|"
    r"are\s+our|supplies|buys)\b", re.I)
_ANOTHER_S_NAME_BEFORE = re.compile(
    r"\b(?:owned\s+by|held\s+by|of|from|for|with|to|by|customer|client|supplier|parent)\s+"
    r"(?:the\s+)?$", re.I)
# a message about another firm: "did Acme Tooling Ltd get a grant? they're a competitor"
_OF_ANOTHER = re.compile(r"\b(?:competitors?|rivals?|customers?|clients?|suppliers?|they're|"
                         r"theyre|they\s+are)\b|^\W*(?:did|has|have|does|do|is|was)\s+"
                         r"(?-i:[A-Z])", re.I)
# words in a company's name that say nothing of its trade
_NAME_WORDS = frozenset("group holdings holding uk international industries enterprises "
                        "company companies co global ventures partners associates trading "
                        "brothers bros sons and & the of".split())
# words that name no work, of which a phrase made alone names no trade
_NOT_WORK = frozenset(
    "turnover sales revenue income profit units unit now today currently staff employees "
    "workers people years year months month weeks time money funding grant grants scheme "
    "schemes council councils state government authority held owned owner owners shares "
    "shareholders nothing any all some none everything lot lots "
    # a bare answer's first word: "nope, not insolvent"
    "yes no not nope nah nay yep yeah yup aye ok okay sure correct right true false never "
    "thanks cheers".split())
# a phrase that opens with a preposition names where or how, not what: "in schemes"
_NAMES_NO_WORK = re.compile(r"(?:in|on|at|for|from|with|by|of|to|into|over|under|about)\b.*",
                            re.I)
# A verb alone that says the business works, not at what
_SAYS_NOT_WHAT = frozenset("selling trading working operating running doing going business".split())


# The business's own production premises, which say it makes things when nothing else says
# what it does.
_OWN_WORKS = re.compile(
    r"\b(?:our|my|the)\s+(?:own\s+|main\s+|new\s+|only\s+|sole\s+|single\s+)?(?P<premises>factory|machine\s+shop|"
    r"fabrication\s+shop|workshop|foundry|production\s+line|manufacturing\s+site|"
    r"manufacturing\s+unit|production\s+unit)\b(?=[^.?!]{0,60}\b(?:is|are|where|in|at|"
    r"based)\b)", re.I)


# The kind of business a phrase names: "print shop", "dental lab", "kitchen fitter".
_KIND_HEAD = re.compile(
    r"(?<=[\w&-] )(?:(?:shop|firm|company|business|lab|laboratory|workshop|studio|practice|"
    r"agency|consultancy|spin-?out|start-?up|manufacturer|maker|producer|supplier)s?|works|"
    r"[a-z]+(?:[^aeiou\W]er|or|ist|ery)s?)\b(?!-)"
    # and ends the phrase: not "a delivery pod"
    r"(?=\s*(?:[,.;:!?()&]|$)|\s+(?:in|at|on|with|based|from|near|and|that|which|who|whose|"
    r"when|turning|trading|employing|owned|run|is|are|was|has|have|had|eligible|qualify|of|for|"
    r"here|"
    r"to|could|can|would|might|may|[A-Za-z]{1,2}\d)\b)", re.I)
_KIND_MODIFIER = re.compile(r"[a-z][a-z&-]*|[A-Z]{2,5}|&")  # "dental", "fire-door", "HVAC"
_NOT_A_KIND_MODIFIER = frozenset(
    "two three four five several "
    "a an the our my your their its this that with and or for of in at on by from to as is are "
    "was were be been not no any some every each which who whose what".split())
_TOKEN = re.compile(r"\S+")
_SIZE_OR_PLACE = re.compile(r"\d[\w.]*-[a-z]+|[A-Z][a-z]+(?:-[A-Z]?[a-z]+)*")
# Words ending like a maker's name that are not one.
_NOT_A_KIND = frozenset(
    "other others another number numbers order orders quarter quarters member members owner "
    "owners further after over under water paper letter letters matter matters manner together "
    "either neither rather whether ever never however cover centre center meter metre minister "
    "register partner partners customer customers supplier suppliers director directors founder "
    "founders investor investors shareholder shareholders competitor competitors majority "
    "minority history category territory inventory factory theory memory story "
    # people close to the owner: "it belongs to me and my aunt"
    "brother brothers mother father sister sisters daughter daughters grandfather grandmother "
    "manager managers employer employers adviser advisers advisor advisors lawyer lawyers "
    "banker bankers landlord landlords worker workers "
    # what a business is given or offered: "we got a £9,000 voucher"
    "voucher vouchers offer offers lender lenders tender tenders".split())
# what comes before the kind: an article, a number ("two clothes shops"), or the message's
# start ("Hi - Bearwood-based signmaker here")
_ARTICLE_BEFORE = re.compile(
    r"\b(?:an?|our|my|the|two|three|four|five|several|\d+)\s+$|"
    r"^\W*(?:(?:hi|hiya|hello|hey|heya|howdy|morning|afternoon|evening|good\s+(?:morning|"
    r"afternoon|evening|day)|hi\s+there|hello\s+there|dear\s+(?:all|team|sir|madam))\b\W*)?"
    rf"(?:{_QUICK_ONE}\W*)?$|"
    # after a short opening clause: "sole trader here, upholstery workshop in ..."
    r"^\W*(?:[\w'-]+\s+){0,2}here\s*[,:-]\s*$", re.I)
# "one of our clients, a hotel chain": the phrase after names that other party
_ANOTHER_IN_APPOSITION = re.compile(
    r"\b(?:customers?|clients?|suppliers?|parent|partners?|investors?|competitors?|"
    r"shareholders?|owners?|landlord|distributors?)\s*(?:,|-|–|:|\(|is|are|was|were)\s*"
    r"(?:an?|the|our|my)\s+$", re.I)
_OTHER_PARTIES = frozenset(
    "customer customers client clients supplier suppliers parent shareholder shareholders "
    "investor investors partner partners competitor competitors owner owners director "
    "directors founder founders member members manager managers council sister subsidiary "
    "subsidiaries affiliate affiliates holdco".split())


# A preposition and the postcode after it end an opening phrase: "Toolmakers at B63 3AA".
_BEFORE_POSTCODE = re.compile(r"\s+(?:at|in|near|from|on)\s+(?=[A-Za-z]{1,2}\d)", re.I)


# Goods bought in to be sold on, told with the selling after a place or a pause: "we import
# garden tools from Taiwan and sell them online"
_BOUGHT_THEN_SOLD = re.compile(
    r"(?P<verb>buy|import|source)\b[^.;!?]{0,80}?\b(?:and|to)\s+(?:then\s+)?(?:re)?sell\b", re.I)


def _bought_to_sell(text: str, start: int, phrase: str) -> str:
    """The phrase read from `start`, with the selling kept when the phrase lost it: "import
    garden tools" is "import and sell garden tools" when the sentence goes on to sell them."""
    told = _BOUGHT_THEN_SOLD.match(text, start)
    if told is None or re.search(r"sell", phrase, re.I):
        return phrase
    verb = told["verb"]
    return re.sub(rf"^{verb}\b", f"{verb} and sell", phrase, count=1, flags=re.I)


class SectorReader:
    """Reads what a business does. `place_re` finds the places the policy knows, which say where
    a business is, not what it does."""

    def __init__(self, place_re: re.Pattern[str] | None) -> None:
        self._place_re = place_re

    def sector_text(self, text: str, describes_business: bool,
                    with_figures: bool | None = None) -> str | None:
        """The phrases that say what the business does: after a lead ("we are a", "we make"),
        then activities told by a participle alone; and, in a message that goes on to state
        facts about the business, an opening bare noun phrase ("Powder coating firm, DY5 3UP").
        Only when nothing else says what it does, and the message gives figures or a postcode
        (`with_figures`), the kind of business named anywhere ("Could a Tipton kitchen fitter
        with 14 staff apply?") or an activity listed among the facts."""
        found: list[tuple[int, str]] = []
        for lead in _ACTIVITY_LEADS:
            found += [(m.end(), _bought_to_sell(text, m.end(), p)) for m in lead.finditer(text)
                      if (p := self._activity_phrase(text, m.end()))]
        if describes_business and (opening := self._opening_phrase(text, one_word_activity=True)):
            found.append(opening)
        if describes_business:
            found += self._sentence_openings(text)
        found += self._gerund_phrases(text)
        if not found and (describes_business if with_figures is None else with_figures):
            # "Could a Tipton kitchen fitter with 14 staff apply?", "dy4, 14 staff, kitchen
            # fitting, ..."
            found = self._kind_phrases(text) + self._listed_activities(text)
        if not found:  # "the works where the robot would sit", "our workshop is in ..."
            found = [(m.start(), m["premises"].lower()) for m in _OWN_WORKS.finditer(text)]

        phrases: list[tuple[int, str]] = []
        for start, phrase in found:  # the first reading of the same words is kept
            if phrase.lower().strip() in _SAYS_NOT_WHAT:
                continue  # "we began selling last spring": when, not what
            if _NAMES_NO_WORK.fullmatch(phrase.strip()) or not (
                    set(re.findall(r"[a-z]+", phrase.lower())) - _GENERIC_WORDS - _NOT_WORK):
                continue  # "in schemes", "units now", "turnover", "council": no trade named
            if not any(phrase in p or p in phrase for _, p in phrases):
                phrases.append((start, phrase))
        if not phrases and describes_business:
            # "Company: Orbital Castings Ltd": the trade in the company's name, after its first
            # word, when nothing else says what the business does
            # (not another company's: "owned by Acme Engineering Ltd", "Acme Tools Ltd holds")
            phrases = [(m.start("trade"), m["trade"].lower()) for m in _TRADE_NAME.finditer(text)
                       if set(m["trade"].lower().split()) - _NAME_WORDS
                       and not _ANOTHER_S_NAME_AFTER.match(text, m.end())
                       and not _ANOTHER_S_NAME_BEFORE.search(text, max(0, m.start() - 40),
                                                             m.start())
                       and not _OF_ANOTHER.search(text)][:1]
        return "; ".join(p for _, p in sorted(phrases)) or None

    def _activity_phrase(self, text: str, start: int) -> str | None:
        end = self._phrase_end(text, start)
        words = text[start:end].split()
        # "a toolmaker in Tyseley making press tools": the place is dropped, the activity kept
        if (after := self._activity_after_place(text, end)) is not None:
            rest = self._activity_phrase(text, after)
            words += rest.split() if rest else []
        phrase = " ".join(words[:_MAX_PHRASE_WORDS]).strip(" ,-")
        if re.search(r"[%£€$]", phrase):
            return None
        content = [w for w in re.findall(r"[a-z]+", phrase.lower()) if w not in _GENERIC_WORDS]
        if re.fullmatch(ACTIVITY_VERBS, phrase.lower()):
            # "designs, welds and fits iron gates": the verbs listed, then what they do
            listed = _MORE_VERBS.match(text, end)
            if listed is not None:
                rest = self._activity_phrase(text, listed.end())
                return f"{phrase}{text[end:listed.end()]}{rest}" if rest else None
            return None  # a verb with nothing made or done: "the frames we build at B9"
        return phrase if content else None

    def _phrase_end(self, text: str, start: int) -> int:
        stop = _PHRASE_STOP.search(text, start + 1)
        end = stop.start() if stop else len(text)
        place = self._place_re.search(text, start, end) if self._place_re else None
        # "a bakery in smethwick": the place is where, not what
        if place and (before := _PLACE_PREPOSITION.search(text, start, place.start())):
            end = before.start()
        return end

    def _activity_after_place(self, text: str, end: int) -> int | None:
        """Where an activity resumes after the place that cut a phrase off, when only the place
        (names, postcode, street number) stands between: "in Tyseley making press tools"."""
        sentence = SENTENCE_BREAK.search(text, end)
        stop = sentence.start() if sentence else len(text)
        gerund = next((g for g in _ACTIVITY_GERUND.finditer(text, end, stop)
                       if self._gerund_is_activity(text, g)), None)
        if gerund is None:
            return None
        between = text[end:gerund.start()]
        if self._place_re is not None:
            between = self._place_re.sub(" Place ", between)
        tokens = [t for t in re.split(r"[\s,()]+", between) if t]
        places = [t for t in tokens if t.lower() not in _LOCATION_WORDS]
        if not places or not all(_LOCATION_TOKEN.fullmatch(t) for t in places):
            return None
        return gerund.start()

    @staticmethod
    def _gerund_is_activity(text: str, gerund: re.Match[str]) -> bool:
        before = re.findall(r"[\w']+", text[max(0, gerund.start() - 30):gerund.start()])
        after = re.match(r"[\w']+", text[gerund.end():])
        if before and before[-1].lower() in _NOT_BEFORE_GERUND and not (
                before[-1].lower() in _STARTED_DOING
                and any(w.lower() in {"we", "i"} for w in before[-3:-1])):
            return False  # but "we started brewing ...": what the business does
        if after is not None and after[0].lower() not in _NOT_A_GERUND_OBJECT:
            return True
        # "we're manufacturing in Walsall", "we are machining, 40 staff": the trade itself
        said = " ".join(w.lower() for w in before[-2:])
        return bool(re.fullmatch(r"(?:\S+ )?(?:we're|i'm)|we are|i am", said)) and (
            after is None or after[0].lower() in _PLACE_WORDS)

    def _gerund_phrases(self, text: str) -> list[tuple[int, str]]:
        msg = Message(text)
        # a participle is never a name, so a capital on it only starts a sentence
        return [(g.start(), p[0].lower() + p[1:]) for g in _ACTIVITY_GERUND.finditer(text)
                if self._gerund_is_activity(text, g) and not msg.about_another_business(g.start())
                and (p := self._activity_phrase(text, g.start()))]

    def _opening_phrase(self, text: str, one_word_activity: bool = False
                        ) -> tuple[int, str] | None:
        """The business named by a bare noun phrase at the start of a message, if it opens so:
        "Powder coating firm, DY5 3UP", "Family bakery in Walsall". Not a greeting, a question,
        a sentence with a subject or a verb, nor a name (every word capitalised)."""
        article = _LEADING_ARTICLE.match(text)
        start = article.end() if article else 0
        end = self._phrase_end(text, start)
        if cut := _BEFORE_POSTCODE.search(text, start, end):  # "Toolmakers at B63 3AA, ..."
            end = cut.start()
        words = text[start:end].split()
        if _VERB_NEXT.match(text, end):
            return None  # "The report would be for ...": a subject and its verb
        sentence = SENTENCE_BREAK.search(text, start)
        if (not words or len(words) > _MAX_OPENING_WORDS
                or not (words[0][0].isalpha() or _SPATIAL.fullmatch(words[0]))
                or words[0].lower() in _NOT_AN_OPENING_WORD
                # a kind asked about ("Is a bakery eligible?"), not one told with its figures
                # ("Toolmaker, DY1, 6 staff, ... - could we apply?")
                or (sentence is not None and sentence[0] == "?"
                    and not re.search(r"\d", text[end:sentence.start()]))
                or (all(w[0].isupper() for w in words)
                    and not (one_word_activity and len(words) == 1
                             and (_ACTIVITY_NOUN.search(words[0].lower())
                                  or _BUSINESS_HEAD.search(words[0].lower()))))):
            return None
        opening = text[start:end]
        if re.search(r"\b(?:Ltd|Limited|plc|PLC|LLP)\b", opening):
            return None  # "Hollybank Gates Ltd designs ...": a company's name, then its verb
        if self._place_re and self._place_re.fullmatch(opening.strip()):
            return None  # "Wednesbury WS10 8AA": where, not what
        lowered = re.findall(r"[a-z]+", opening.lower())
        if len(lowered) == 1 and lowered[0] in _OTHER_PARTIES:
            return None  # "Customers in B1, ...": not what the business is
        if (re.search(r"\d", _SPATIAL.sub("", opening)) or _CONTRACTION.search(opening)
                or any(w in _NOT_IN_AN_OPENING_NOUN_PHRASE for w in lowered)
                or SOLVENT.search(opening) or INSOLVENCY.search(opening)):
            return None
        phrase = self._activity_phrase(text, start)
        if phrase is None:
            return None
        # the capital that starts a sentence is not part of the description; a place's is
        first = phrase.split()[0]
        if first[1:].islower() and not (self._place_re and self._place_re.match(phrase)):
            phrase = phrase[0].lower() + phrase[1:]
        return start, phrase

    def _kind_phrases(self, text: str) -> list[tuple[int, str]]:
        """The business named by the kind of business it is, anywhere in a message that
        describes one: "a 14-person kitchen fitter", "a Tipton print shop", "our
        dental lab". The words before the kind are kept while they describe
        it (not a size, a place or a name); another business ("a client firm") is not
        read."""
        msg = Message(text)
        found: list[tuple[int, str]] = []
        for head in _KIND_HEAD.finditer(text):
            if head[0].lower() in _NOT_A_KIND or msg.about_another_business(head.start()):
                continue
            if _KIND_HEAD.match(text, head.end() + 1) and text[head.end():head.end() + 1] == " ":
                continue  # "joinery workshop": the kind is the last word
            lo, hi = msg.sentence(head.start())
            if text[hi:hi + 1] == "?" and not re.search(r"\d", text[lo:hi]):
                continue  # "Is a bakery eligible? We have 12 staff": a kind asked about
            words: list[str] = []
            start = head.start()
            for token in reversed(list(_TOKEN.finditer(text, max(0, start - 80), start))):
                word = token.group()
                if _SIZE_OR_PLACE.fullmatch(word) and word.lower() not in _NOT_A_KIND_MODIFIER:
                    start = token.start()  # "a 14-person ...", "a Tipton ...": not the kind
                    continue
                if not _KIND_MODIFIER.fullmatch(word) or word.lower() in _NOT_A_KIND_MODIFIER:
                    break
                words.insert(0, word)
                start = token.start()
            if not _ARTICLE_BEFORE.search(text, 0, start) or \
                    _ANOTHER_IN_APPOSITION.search(text, 0, start):
                continue
            phrase = " ".join([*words, head[0]])
            content = [w for w in re.findall(r"[a-z]+", phrase.lower())
                       if w not in _GENERIC_WORDS]
            if content and not any(w in _OTHER_PARTIES for w in content):
                found.append((head.start(), phrase))
        return found[:1]

    def _listed_activities(self, text: str) -> list[tuple[int, str]]:
        """An activity given as one item of a list of facts: "dy4, kitchen fitting, 14 staff,
        £900k". The item is a few lower-case words ending in an activity's noun."""
        found: list[tuple[int, str]] = []
        items = list(re.finditer(r"[^,;\n]+", text))
        if len(items) < 3:
            return found
        msg = Message(text)
        for item in items:
            # (an item may be a bullet point: "- press shop")
            words = re.sub(r"^\s*[-*•·]\s+", "", item.group()).split()
            lowered = [w.lower() for w in words]
            if (not 1 <= len(words) <= 4 or not all(re.fullmatch(r"[a-z][a-z&-]*", w)
                                                    for w in words)
                    or any(w in _NOT_IN_AN_OPENING_NOUN_PHRASE for w in lowered)
                    or all(w in _GENERIC_WORDS for w in lowered)
                    or not (_ACTIVITY_NOUN.search(lowered[-1]) or
                            _BUSINESS_HEAD.search(lowered[-1]))
                    # a person in the list of staff ("and myself, the director, full time")
                    or lowered[-1] in _NOT_A_KIND or lowered[-1] in _OTHER_PARTIES
                    or lowered[0] in {"a", "an", "the"}  # a phrase in a sentence, not a list
                    or SOLVENT.search(item.group()) or INSOLVENCY.search(item.group())
                    or msg.after_another_business(item.start())):
                continue
            found.append((item.start() + len(item.group()) - len(item.group().lstrip()),
                          " ".join(words)))
        return found

    def _sentence_openings(self, text: str) -> list[tuple[int, str]]:
        """An activity named by a bare noun phrase opening a later sentence: "Founded 2004.
        Laser cutting, 12 staff". Only a phrase ending in an activity's noun
        ("moulding", "upholstery", "toolmakers") is taken: a later sentence's opening is more
        often something else ("Quick question", "Thanks")."""
        found: list[tuple[int, str]] = []
        for brk in SENTENCE_BREAK.finditer(text):
            start = brk.end()
            rest = text[start:]
            if not rest.strip():
                continue
            offset = start + len(rest) - len(rest.lstrip())
            opening = self._opening_phrase(text[offset:], one_word_activity=True)
            if opening is None:
                continue
            phrase = opening[1]
            # the head is the last word before a place or a thing it is in: "craft brewery in a
            # railway arch", "dog boarding on a farm"
            head = re.split(r"\s+(?:in|at|on|near|from|with|by|off|under)\s+", phrase.lower())[0]
            last = re.findall(r"[a-z]+", head)
            if last and (_ACTIVITY_NOUN.search(last[-1]) or _BUSINESS_HEAD.search(last[-1])
                         or _GOODS.search(phrase)):
                found.append((offset + opening[0], phrase))
        return found


# --- SIC codes -------------------------------------------------------------------------------

_SIC_CODE = r"\d{2}(?:\.\d{1,2}(?:/\d)?|\d{1,3})?"
_SIC = re.compile(
    r"\b(?:SIC|standard\s+industrial\s+classification)\b(?:\s*\(?\s*2007\s*\)?(?!\d))?"
    r"(?:\s*(?:codes?|numbers?|nos?\.?|class(?:es)?))?\s*(?:is|are|:|-|=|of)?\s*"
    rf"(?P<codes>{_SIC_CODE}(?:\s*(?:,|and|&|/|or|\+)\s*{_SIC_CODE})*)(?![\d.]\d)", re.I)


def sic_class(code: str) -> str:
    """A SIC 2007 code as its class: "25620", "2562", "25.62/1" -> "25.62"; "011" -> "01.1"."""
    digits = code.split("/")[0].replace(".", "")
    if len(digits) >= 4:
        return f"{digits[:2]}.{digits[2:4]}"
    if len(digits) == 3:
        return f"{digits[:2]}.{digits[2]}"
    return digits


def read_sic_codes(msg: Message) -> list[str]:
    codes: list[str] = []
    for match in _SIC.finditer(msg.text):
        msg.claim(*match.span())
        for code in re.findall(_SIC_CODE, match["codes"]):
            if (normal := sic_class(code)) not in codes:
                codes.append(normal)
    return codes

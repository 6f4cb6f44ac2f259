"""Postcodes: full UK postcodes and outward codes, and which place named is the business's site.

A full postcode of valid UK format is read wherever it stands; an outward code alone ("DY1") only
with something saying it is a location (a postcode cue, a town written before it). A code of
valid format that the policy does not know is still returned (the engine says it does not
recognise it). Of several places named, the
business's own site is taken (`best_location`, also used for councils): not one it says it is not
at ("20 minutes from"), nor one of another business, nor a head office when another site is
named; one named as its site over one merely mentioned; else the last.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant.facts.common import AskedFact, Found, Message

# The UK's postcode areas (the letters of an outward code).
_POSTCODE_AREAS = frozenset(
    "AB AL B BA BB BD BF BH BL BN BR BS BT CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL DN "
    "DT DY E EC EH EN EX FK FY G GL GU GY HA HD HG HP HR HS HU HX IG IM IP IV JE KA KT KW KY L "
    "LA LD LE LL LN LS LU M ME MK ML N NE NG NN NP NR NW OL OX PA PE PH PL PO PR RG RH RM S SA "
    "SE SG SK SL SM SN SO SP SR SS ST SW SY TA TD TF TN TQ TR TS TW UB W WA WC WD WF WN WR WS "
    "WV YO ZE".split())
# Only central London districts end in a letter (W1A, EC1A, SW1A), from these sets of letters.
_LETTER_DISTRICT_AREAS = frozenset({"E", "EC", "N", "NW", "SE", "SW", "W", "WC"})
_DISTRICT_LETTERS = {1: "ABCDEFGHJKPSTUW", 2: "ABEHMNPRVWXY"}
# Chemical formulae that have the shape of a real outward code.
_FORMULAE = frozenset({"CO2", "SO2", "CH4", "N2"})

FULL_POSTCODE = re.compile(
    r"(?<![A-Za-z0-9])(?P<out>[A-Za-z]{1,2}\d[A-Za-z\d]?)\s?"
    r"(?P<in>\d[ABD-HJLNP-UW-Zabd-hjlnp-uw-z]{2})(?![A-Za-z0-9])")
_OUTWARD_CODE = re.compile(r"(?<![\w-])(?P<out>[A-Za-z]{1,2}\d[A-Za-z\d]?)(?!\w|-[A-Za-z])")
_POSTCODE_CUE = re.compile(
    r"\b(?:in|at|near|from|postcode(?:\s+is)?|post\s+code(?:\s+is)?|district|area|"
    r"(?:our\s+|the\s+)?(?:site|premises|works|unit|factory)(?:\s+is)?)\s*:?\s*$",
    re.I)
_ONLY_A_CODE = re.compile(
    r"\s*(?:(?:it's|it\s+is|our\s+postcode\s+is|postcode:?|we're\s+in|in)\s*)?"
    r"[A-Za-z]{1,2}\d[A-Za-z\d]?\s*[.!]?\s*", re.I)
# A place or postcode the business is not at.
_NOT_HERE = re.compile(
    r"\b(?:not|rather\s+than|instead\s+of|(?:moved|moving|relocated|relocating)\s+(?:away\s+)?"
    r"from|outside(?:\s+of)?|university\s+of|(?:miles?|minutes?|mins?|km|kilomet(?:re|er)s?|"
    r"drive|walk)\s+(?:away\s+)?from|border(?:s|ing)?(?:\s+with)?|towards|near|nr\.?|"
    r"close\s+to|just\s+off|"
    # a place the business was at, or where people live: "previously at ST6", "staff live in"
    r"(?:previously|formerly|originally|used\s+to\s+be)\s+(?:we\s+were\s+)?(?:based\s+)?"
    r"(?:at|in)|(?:live|lives|living|commute|commutes|commuting)"
    # "I live out in ...", "she lives over in ..."
    r"(?:\s+(?:out|over|up|down|across|just|right|now))?(?:\s+in)?(?:\s+from)?)\s+"
    r"(?:the\s+)?(?:in\s+)?"
    # ... and a place glossing a code just named there: "moving from B98 (Redditch)"
    r"(?:[A-Za-z]{1,2}\d[A-Za-z\d]?\s*\(\s*)?$", re.I)
# a site besides the business's own: "also have a warehouse in", "a second unit in"
_EXTRA_SITE = re.compile(r"\b(?:also|another|second|other|extra|additional|as\s+well\s+as)\b"
                         r"(?:\s+[\w'-]+){0,4}?\s+(?:in|at|on|near)\s+$", re.I)
# the site named as such: "our site is in", "the factory is at"
_SITE_NAMED = re.compile(r"\b(?:site|factory|works|unit|plant|workshop|premises|warehouse|yard)"
                         r"\s+(?:is\s+|are\s+)?(?:in|at|on)\b", re.I)
# an office's address, not where the work is done
_OFFICE_WORDS = (r"registered\s+(?:office|address)|head\s+office|headquarters|hq|accountants?'?s?|"
                 r"(?:postal|correspondence)\s+address")
# an office's or an invoice's address, named just before the place
_OFFICE_JUST_BEFORE = re.compile(
    rf"\b(?:{_OFFICE_WORDS}|(?:invoice|invoicing|billing)\s+address)\s*(?:is\s+)?"
    r"(?:in\s+|at\s+|:\s*|,\s*)?(?:[\w'-]+,?\s+){0,4}$", re.I)
_NEAR = re.compile(r"\b(?:near|nr\.?|close\s+to|just\s+off)\s+(?:the\s+)?$", re.I)
# (up to a place where the work is done: "head office in X but the works are in Y")
_AN_OFFICE = re.compile(rf"\b(?:{_OFFICE_WORDS})\b(?:(?!\b(?:but|whereas|while|factory|works|"
                        r"workshop|plant|site|unit|premises|warehouse|yard)\b)[^.;])*$", re.I)
# where the work is done, and an office, named just before a place
_WORK_CUE = re.compile(
    r"\b(?:factory|factories|works|workshop|plant|mill|foundry|unit|production\s+site|"
    r"manufacturing\s+site|warehouse|yard|lab|laboratory|depot|manufacturing|production|"
    r"machining|shop|site|premises)\s+(?:is\s+|are\s+)?(?:in|at|on|near)\s+"
    r"(?:[\w'-]+\s+){0,2}$", re.I)
_OFFICE_CUE = re.compile(
    r"\b(?:office|offices|sales\s+office|showroom)\s+(?:is\s+)?(?:in|at|on|near)\s+"
    r"(?:[\w'-]+\s+){0,2}$", re.I)
_ANOTHER_SITE = re.compile(
    r"\b(?:other|another|second|separate|different|new)\s+(?:site|premises|unit|factory|works|"
    r"location|plant|workshop)\b|"
    # "our office address is in CV1, but the unit we work from is elsewhere"
    r"\b(?:but|while|whereas|though|although)\s+(?:the|our)\s+(?:actual\s+|real\s+)?"
    r"(?:site|premises|unit|factory|works|plant|workshop|warehouse|yard)\b", re.I)
# A site between places or on a border between them: which one it is in is not said.
# (a number word in a name is a digit by now: "Four Oaks" is "4 Oaks")
_BETWEEN_PLACES = re.compile(
    r"\bbetween\s+(?:\d+\s+)?(?-i:[A-Z])[\w'-]*(?:\s+(?-i:[A-Z])[\w'-]*)?\s+and\s+"
    r"(?:\d+\s+)?(?-i:[A-Z])[\w'-]*(?:\s+(?-i:[A-Z])[\w'-]*)?", re.I)
_ON_A_BORDER = re.compile(
    _BETWEEN_PLACES.pattern + r"|"
    r"\b(?-i:[A-Z])[\w'-]*\s*/\s*(?-i:[A-Z])[\w'-]*\s+border\b|\bborder\s+(?:of|between)\b|"
    r"\bon\s+the\s+(?:edge|boundary|border)\b|"
    # "right where Dudley, Sandwell and Walsall meet"
    r"\bwhere\s+(?:[\w'-]+(?:,\s*|\s+)){1,8}?(?:meet|join|converge)\b", re.I)
_UNSURE_OF_COUNCIL = re.compile(
    r"\b(?:not\s+sure|unsure|don't\s+know|do\s+not\s+know|no\s+idea|can't\s+remember)\s+"
    r"(?:which|what)\s+(?:council|local\s+authority|borough|authority)\b", re.I)
# The business at more than one site: "two factories", "both units", "one in X and one in Y".
_SEVERAL_SITES = re.compile(
    r"\b(?:two|three|four|2|3|4|both|several|multiple)\s+(?:[\w-]+\s+)?(?:sites|factories|units|"
    r"premises|workshops|plants|locations|warehouses|branches|depots)\b|"
    r"\b(?:one|1)\s+(?:(?:site|unit|factory|works|plant|workshop|warehouse|branch|depot)\s+)?"
    r"(?:in|at)\s+[\w\s-]{2,30}?\s+and\s+(?:one|1|another|the\s+other)\s+"
    r"(?:(?:site|unit|factory|works|plant|workshop|warehouse|branch|depot)\s+)?(?:in|at)\b|"
    # "a unit in Tamworth plus another over in Bilston" (number words are digits by now)
    r"\b(?:a|one|1|our)\s+(?:site|unit|factory|works|plant|workshop|warehouse|branch|depot)\s+"
    r"(?:in|at)\s+[\w\s-]{2,30}?\s+(?:and|plus|as\s+well\s+as|with)\s+(?:another|a\s+second|"
    r"(?:one|1)\s+more)(?:\s+(?:one|1|site|unit|factory|works|plant|workshop|warehouse|branch|"
    r"depot))?\s+(?:(?:over|up|down|out)\s+)?(?:in|at)\b", re.I)
_SITE_CUE = re.compile(
    r"\b(?:based|located|situated|site|sites|premises|factory|office|offices|unit|workshop|"
    r"warehouse|plant|headquarters|hq|registered|operate|operating)\b[\w\s,'-]{0,25}$", re.I)


# the place a code is written after: "Brierley Hill (DY5 3UP)", "Tipton, DY4"
_NAME_BEFORE_CODE = re.compile(r"(?P<name>(?-i:[A-Z][\w'-]+)(?:\s+(?-i:[A-Z][\w'-]+)){0,2})"
                               r"\s*(?:\(|,)?\s*$")
_FOR_THE = re.compile(r"\b(?:for|into)\s+(?:the|our)\s+$|"
                      # "the new line will go in our Darlaston plant": where the work will be
                      r"\b(?:will|would|is\s+going\s+to|are\s+going\s+to|to\s+be)\s+"
                      r"(?:[\w-]+\s+){0,2}?(?:in|into|at|on)\s+(?:the|our)\s+$", re.I)
_PROJECT_FOR = re.compile(r"\b(?:investment|project|machine|machinery|kit|equipment|grant|"
                          r"money|work|upgrade|line)\s+(?:is|are|would\s+be|will\s+be|'s|goes)\s+"
                          r"(?:for|at|in)\s+(?:the\s+|our\s+)?$", re.I)
# "the kiln would sit in our other workshop in Kidderminster"
_GOES_TO_SITE_IN = re.compile(
    r"\b(?:will|would|is\s+going\s+to|are\s+going\s+to|to\s+be|shall)\s+(?:go|be\s+installed|"
    r"be\s+put|be\s+sited|be\s+based|sit|be|happen|be\s+used)\s+(?:in|into|at|on)\s+(?:the|our)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:site|plant|factory|works|unit|premises|facility|depot|warehouse|"
    r"workshop|branch|yard|shop)\s+(?:in|at|on)\s+$", re.I)
_WHERE_IT_GOES = re.compile(r"\s*(?:\([^)]{1,12}\)\s*)?,?\s*(?:which\s+is\s+)?where\s+"
                            r"(?:the\s+|our\s+)?(?:[\w-]+\s+){0,3}?(?:will|would|is\s+going\s+to|are\s+going\s+to|"
                            r"goes|go)\b", re.I)
_SITE_NOUN_AFTER = re.compile(r"\s+(?:site|plant|factory|works|unit|premises|facility|depot|"
                              r"warehouse|workshop|branch)\b", re.I)


def valid_outward_code(code: str) -> bool:
    """True when `code` (upper case) has the format of a real UK outward code: B15, CV4, W1A."""
    match = re.fullmatch(r"([A-Z]{1,2})(\d)([A-Z\d]?)", code)
    if not match or match[1] not in _POSTCODE_AREAS:
        return False
    area, suffix = match[1], match[3]
    if suffix.isalpha():
        return area in _LETTER_DISTRICT_AREAS and suffix in _DISTRICT_LETTERS[len(area)]
    return True


def read_postcode(msg: Message, asked: AskedFact | None,
                  known_districts: set[str]) -> str | None:
    found: list[Found[str]] = []
    for match in FULL_POSTCODE.finditer(msg.text):
        outward = match["out"].upper()
        if valid_outward_code(outward):
            msg.claim(*match.span())
            found.append(Found(match.start(), match.end(),
                               f"{outward} {match['in'].upper()}"))
    for match in _OUTWARD_CODE.finditer(msg.text):
        if msg.claimed(*match.span()):
            continue
        outward = match["out"].upper()
        if valid_outward_code(outward) and _outward_accepted(msg, match, asked, known_districts):
            msg.claim(*match.span())
            found.append(Found(match.start(), match.end(), outward))
    return best_location(msg, found, "postcode")


def _outward_accepted(msg: Message, match: re.Match[str], asked: AskedFact | None,
                      known_districts: set[str]) -> bool:
    """An outward code alone is read as one only with something saying it is a location:
    "in DY1", "postcode WS1", a message that is just the code, or a known district written
    in capitals."""
    code = match["out"].upper()
    if code in _FORMULAE or (_FINANCIAL_YEAR.fullmatch(code) and asked != "postcode"):
        return False
    if asked == "postcode" or _ONLY_A_CODE.fullmatch(msg.text):
        return True
    if _POSTCODE_CUE.search(msg.text, max(0, match.start() - 30), match.start()):
        return True
    if match["out"].isupper() and _AFTER_TOWN.search(msg.text, max(0, match.start() - 40),
                                                     match.start()):
        return True  # "Shrewsbury SY1": a town and its district
    if code in known_districts and _AFTER_PLACE_WORD.search(
            msg.text, max(0, match.start() - 40), match.start()):
        return True  # "in walsal ws2", "in kiddermister (dy10)": a district the policy knows
    return match["out"].isupper() and code in known_districts


# "sales of £6m in FY25": a financial year (the FY districts have one digit)
_FINANCIAL_YEAR = re.compile(r"FY\d\d")
# "... in Darlaston. Cannock is only our registered office": a place that is not the site
_ONLY_AN_OFFICE = re.compile(
    r"\s*(?:\([^)]{1,12}\)\s*)?(?:(?:is|'s)\s+(?:just|only|merely|simply)\s+(?:the|our|a|my)\s+"
    r"(?:registered\s+|head\s+|postal\s+|main\s+)?(?:office|address|hq|headquarters)\b|"
    # ... or a place said after it not to be the site: "Lichfield is where I live", "Leek was
    # our old address"
    r"(?:is|'s|was)\s+(?:just\s+|only\s+|merely\s+|simply\s+)?(?:(?:the|our|my|an?)\s+(?:old|"
    r"previous|former|home|postal|registered|billing|invoic\w*|correspondence)\s+(?:address|"
    r"office|premises|site|unit|base)|where\s+(?:i|we|he|she|they|the|my|our|most|all|some|"
    r"both)\b(?:\s+[\w-]+){0,3}?\s+(?:live|lives|lived|used\s+to|started|were|was)"
    r")\b)", re.I)
# "in <a place> " just before a code, in any case: "in walsal ws2", "at oldbury (b69)"
_AFTER_PLACE_WORD = re.compile(
    r"\b(?:in|at|near|based\s+in)\s+[a-z][a-z'-]+(?:\s+[a-z]+)?,?\s*\(?$", re.I)
# A place name written just before a code: "Shrewsbury SY1", "Sutton Coldfield, B73".
_AFTER_TOWN = re.compile(r"\b[A-Z][a-z]{2,}(?:[ -][A-Z][a-z]+)*,?\s+$")


# (a place's part may come between: "buyers in Dudley town centre and Walsall")
_PLACES_JOINED = re.compile(r"(?:\s+(?:city|town)\s+cent(?:re|er)|\s+area)?"
                            r"\s*(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or|&)\s|/)\s*", re.I)


def best_location(msg: Message, found: list[Found[str]], fact: str,
                  alike: Callable[[set[str]], bool] | None = None) -> str | None:
    """The business's own site among the locations named: not one it says it is not at or
    one of another business; one named as its site over one merely mentioned; else the
    last. `alike` says whether places all stand the same towards the programmes' areas: when
    the business names places it works at that do not, and none is said to be the one the work
    is for, none is taken."""
    own: list[Found[str]] = []
    previous: Found[str] | None = None
    for f in sorted(found, key=lambda f: f.start):
        # "customers in Bromsgrove and Worcester": a place listed after another's is theirs too;
        # but "near Walsgrave, Coventry" names the town the place near the site is in
        listed = previous is not None and previous not in own and \
            _PLACES_JOINED.fullmatch(msg.text, previous.end, f.start) is not None and not (
                previous.value == f.value and msg.text[previous.end:f.start].strip() == ","
                and _NEAR.search(msg.text, max(0, previous.start - 20), previous.start))
        if not listed and not _NOT_HERE.search(msg.text, max(0, f.start - 40), f.start) \
                and not msg.about_another_business(f.start) \
                and not _ONLY_AN_OFFICE.match(msg.text, f.end):
            own.append(f)
        previous = f
    if fact == "local_authority":
        # "Ansty Park, Coventry CV7": a council's name written after a place as the address's
        # post town, which says nothing of the council the place is in
        own = [g for i, g in enumerate(own)
               if not (i and (f := own[i - 1]).value != g.value
                       and re.fullmatch(r"\s*,\s*", msg.text[f.end:g.start])
                       and msg.text[g.start:g.end].lower() == g.value.lower()
                       and msg.text[f.start:f.end].lower() != f.value.lower()
                       and not _PLACES_JOINED.match(msg.text, g.end))]
    # "Registered office: 1 High St, Lichfield. Works: ... Walsall": an office named just
    # before a place is not the site when another place is named
    offices = [f for f in own
               if _OFFICE_JUST_BEFORE.search(msg.text, max(0, f.start - 60), f.start)]
    if offices and len(offices) < len(own):
        own = [f for f in own if f not in offices]
    elif offices and any(m.start() > f.end or m.end() <= office.start()
                         for f in offices
                         if (office := _OFFICE_JUST_BEFORE.search(
                             msg.text, max(0, f.start - 60), f.start)) is not None
                         for m in _SITE_NAMED.finditer(msg.text)):
        return None  # "Invoice address: ... DY10 1AA. Site: Tipton": that code is not the site's
    # "head office in CV1; the press goes in our second factory": the office is not the site
    if _ANOTHER_SITE.search(msg.text) or _SEVERAL_SITES.search(msg.text):
        own = [f for f in own
               if not _AN_OFFICE.search(msg.text, max(0, f.start - 50), f.start)]
    # "a factory in Walsall and an office in Lichfield": the work is done at the factory
    if len({f.value for f in own}) > 1:
        made = [f for f in own if _WORK_CUE.search(msg.text, max(0, f.start - 40), f.start)]
        if made and len({f.value for f in made}) == 1 and all(
                _OFFICE_CUE.search(msg.text, max(0, f.start - 40), f.start)
                for f in own if f.value != made[0].value):
            own = made
    # ("two sites, one in X and one in Y": the word that counts them singles out neither)
    several = [m.span() for m in _SEVERAL_SITES.finditer(msg.text)]
    # "the analysis would be for the Hednesford plant": the site the work is for
    served = [f for f in own if _FOR_THE.search(msg.text, max(0, f.start - 50), f.start)
              and _SITE_NOUN_AFTER.match(msg.text, f.end)]
    if not served and fact == "postcode":
        # "a factory in Tipton (DY4 7AB) ... the new press is for the Tipton factory":
        # the code written after the place the work is for
        served = [f for f in own if (name := _NAME_BEFORE_CODE.search(
            msg.text, max(0, f.start - 40), f.start)) is not None and re.search(
            rf"\b(?:for|into|at|in)\s+(?:the|our)\s+{re.escape(name['name'])}"
            rf"{_SITE_NOUN_AFTER.pattern}", msg.text, re.I)]
    if not served:
        # "... and the investment is for Tipton", "a unit in Tipton, where the new press will
        # go": the place the project is said to be for
        served = [f for f in own if _PROJECT_FOR.search(msg.text, max(0, f.start - 50), f.start)
                  or _GOES_TO_SITE_IN.search(msg.text, max(0, f.start - 80), f.start)
                  or _WHERE_IT_GOES.match(msg.text, f.end)]
    if len({f.value for f in served}) == 1:
        return msg.took(fact, served)
    # "we're in Tipton and also have a warehouse in Cannock": an extra site is not the site;
    # named alone ("we also have a unit in Cannock"), it does not say where the site is
    extra = [f for f in own if _EXTRA_SITE.search(msg.text, max(0, f.start - 50), f.start)]
    if extra and not _SEVERAL_SITES.search(msg.text):
        if len(extra) == len(own):
            return None
        own = [f for f in own if f not in extra]
    worked = {f.value for f in own if _WORK_CUE.search(msg.text, max(0, f.start - 40), f.start)}
    if alike is not None and len(worked) > 1 and not alike(worked):
        return None  # "a factory in X and a warehouse in Y": which one benefits is asked
    sites = [f for f in own if (cue := _SITE_CUE.search(msg.text, max(0, f.start - 60), f.start))
             and not any(lo <= cue.start() < hi for lo, hi in several)]
    if _SEVERAL_SITES.search(msg.text) and len({f.value for f in own}) > 1 and \
            len({f.value for f in sites}) != 1:
        return None  # "two factories, one in X and one in Y": which one benefits is asked
    if _ON_A_BORDER.search(msg.text) and len(values := {f.value for f in own}) > 1:
        # "between Coventry and Meriden", "on the X / Y border": not settled, unless the site is
        # in one of the places ("on the X / Y border", not "between" them, where another
        # council may lie) and they all lie in the same areas, when the area is known
        return msg.took(fact, own[:1]) if alike is not None and alike(values) and \
            not _BETWEEN_PLACES.search(msg.text) else None
    if (between := _BETWEEN_PLACES.search(msg.text)) is not None and \
            0 < len([f for f in own if between.start() <= f.start < between.end()]) < 2:
        return None  # "between Kingswinford and Wall Heath", one of them not known: not settled
    if fact == "local_authority" and _UNSURE_OF_COUNCIL.search(msg.text) and not (
            alike is not None and own and alike({f.value for f in own})):
        # "not sure which council": the places named do not settle it, unless they all lie
        # in the same areas whichever council they are in
        return None
    return msg.took(fact, sites) or msg.took(fact, own)

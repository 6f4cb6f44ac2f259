"""The extractive composer: answers built only from sentences of retrieved passages.

Each candidate sentence is scored by its similarity to the question (and its passage's), by
the question's rarer words it contains, and by whether it holds the kind of answer asked for
(a figure, a date). The best few are kept, near-duplicates dropped, and shown in the shape the
question asks for: the sentence with the figure or date first for "how much" and "when"; a
list with its items for a list question; a catalogue record under its name, a table row as the
cells that answer. Each is followed by the number of the passage it came from, so every
sentence is supported by the citation beside it. Structured sentences (`Lead`) open the
answer when the engine has them. Last, the refusal decision (`refusal.py`) says whether the
sentences answer the question at all.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from assistant.composer.arithmetic import Worked, date_after, own_share, raised_figure, worked_sum
from assistant.composer.base import Composition, Lead, Sentence
from assistant.composer.refusal import (
    EMAIL,
    FORM_WORDS,
    PHONE,
    SPAN,
    Evidence,
    RefusalModel,
    adjacent_advice,
    contact_of_unknown,
    signals,
    unknown_part,
    unknown_scheme,
    unnamed_applicant,
    unreported_record,
)
from assistant.composer.sentences import (
    PROSE_FIELDS,
    catalogue_line,
    introduces_list,
    is_labelled,
    is_list_item,
    split_sentences,
    table_row,
)
from assistant.figures import URL_PATTERN
from assistant.guards import is_instruction_to_assistant
from assistant.questions import (
    BACK_REFERENCE,
    Question,
    answer_present,
    names_beyond,
    read_question,
    roles_beyond,
)
from assistant.reply import Citation
from knowledge.documents import DocType
from knowledge.embeddings import Embedder
from knowledge.programme import KindWords
from knowledge.retrieval import ScoredChunk
from knowledge.words import plain_words, stems

# an address asked for, whatever the question word: "the postcode for the satnav"
_ADDRESS_ASKED = re.compile(r"\b(?:address|postcode|post\s+code|sat\s*-?nav|directions|"
                            r"how\s+do\s+i\s+(?:get|find)\b)", re.IGNORECASE)
_RECORD_POSTCODE = re.compile(r"^\s*(?:postcode|post\s+code|postal\s+code|zip)\s*:\s*(\S.*?)\s*$",
                              re.IGNORECASE | re.MULTILINE)
_PLACE_FIELDS = frozenset({"location", "address", "site", "where"})


def _where_asked(asked: Question) -> bool:
    """Whether the question asks where something is, or for its address."""
    return asked.kind == "where" or _ADDRESS_ASKED.search(asked.text) is not None

_STEPS = re.compile(r"\b(?:steps?|stages?|process|procedure|how\s+to|what\s+happens)\b",
                    re.IGNORECASE)


@dataclass(frozen=True)
class ComposerConfig:
    max_sentences: int = 4
    min_similarity: float = 0.3  # a sentence scoring below this is never quoted
    margin: float = 0.15  # keep sentences within this of the best one
    duplicate_similarity: float = 0.9
    passage_weight: float = 0.15  # how much the whole passage's match counts for a sentence
    # how much the headings above it count ("Applying > How quickly will I hear back?"): an
    # FAQ's heading is the question its answer answers
    heading_weight: float = 0.2
    word_weight: float = 0.3  # how much the question's rarer words found in it count
    kind_bonus: float = 0.05  # a sentence holding the kind of answer asked for
    unnamed_penalty: float = 0.3  # a sentence naming nobody, for a question asking who
    list_items: int = 10  # items kept under a sentence that introduces a list
    cache_size: int = 20_000  # sentence vectors kept between questions


@dataclass(frozen=True)
class _Candidate:
    text: str  # as quoted
    passage: int
    position: int
    raw: str  # as written in the passage
    before: str = ""  # the sentence before, when this one opens with a pronoun for its subject

    @property
    def meaning(self) -> str:
        """What the sentence says, read with the sentence its pronoun points back to: "It is
        led by the two universities" is about what the sentence before names."""
        return f"{self.before} {self.text}" if self.before else self.text


# Words that say who leads, runs or delivers something.
_AGENCY = re.compile(r"\b(?:led|run|delivered|managed|operated|hosted|funded|overseen|chaired|"
                     r"owned)\s+by\b|\b(?:leads?|lead\s+the|runs|deliver|delivers|manages|operates|"
                     r"hosts|chairs|oversees)\b", re.IGNORECASE)
# "It is led by ...", "They offer ...": the subject is in the sentence before
_PRONOUN_OPENING = re.compile(r"^(?:it|they|this|these|its|their|he|she)\b", re.IGNORECASE)


def _kind_names(kinds: Mapping[str, KindWords]) -> list[tuple[str, str, bool]]:
    """Each kind's names written as names ("Sub-Studio", "Sub-Studios"; not "grant"), longest
    first, with whether another kind's name holds it ("Studio" in "Sub-Studio")."""
    names = {name: kind for kind, words in kinds.items() for name in (words.one, words.many)
             if name[:1].isupper()}
    shown = {name: f" {plain_words(name)} " for name in names}
    return sorted(((name, kind, any(shown[name] in f" {plain_words(other)} "
                                    for other in names if other != name
                                    and names[other] != kind))
                   for name, kind in names.items()), key=lambda n: -len(n[0]))


# a comparison with another offer: "like the X", "as with the X", "the same as X"
_COMPARED_WITH = re.compile(
    r"\b(?:just\s+)?(?:like|unlike|as\s+(?:with|for|is\s+the\s+case\s+(?:with|for)|does|do)|"
    # "... the way Northfield projects are"
    r"(?:in\s+)?the\s+way(?=\s+(?:a|an|the|(?-i:[A-Z])))|"
    r"(?:the\s+)?same\s+as|similar\s+to|compared\s+(?:to|with)|as\s+(?:an?|the)\s+[^,.;?!]{1,40}?"
    r"\s+(?:does|do|must|is|has))\b[^,.;?!]*", re.IGNORECASE)

class ExtractiveComposer:
    def __init__(self, embedder: Embedder, config: ComposerConfig | None = None,
                 refusal: RefusalModel | None = None,
                 rarity: Callable[[], Mapping[str, float]] | None = None,
                 offers: Mapping[str, str] | None = None,
                 kinds: Mapping[str, KindWords] | None = None) -> None:
        """`refusal`: the decision on whether the sentences answer (None: never refuse what
        was found). `rarity`: how rare each word is in the indexed guidance
        (`HybridRetriever.word_rarity`); without it every word weighs the same. `offers`: the
        names of the programme's offers (programme names, aliases, award names), each with
        the kind of programme it belongs to, so that a question about one kind is not answered
        from a sentence about another. `kinds`: how each kind is named ("Sub-Studio",
        "Studios"), so that a sentence naming only the kind ("each hour in a Studio is valued at
        ...") is about it too."""
        self._embedder = embedder
        self._config = config or ComposerConfig()
        self._refusal = refusal
        self._rarity = rarity
        self._offers = {re.compile(rf" {re.escape(plain_words(name))}s? "): kind
                        for name, kind in (offers or {}).items() if plain_words(name)}
        self._kind_names = _kind_names(kinds or {})
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()

    def compose(self, question: str, passages: list[ScoredChunk],
                decisions: Sequence[str] = (), lead: Sequence[Lead] = ()) -> Composition:
        """The answer from the passages' own sentences, after any `lead` sentences.
        `decisions` (the eligibility engine's verdicts) are for composers that write."""
        asked = read_question(question)
        lead = [line for line in lead if line.citation is not None or
                _evidence_passage(line, passages) is not None]
        texts = [p.chunk.embed_text for p in passages]
        other_scheme = _other_scheme(question, asked, texts)
        if other_scheme:
            lead = []  # "the most from Northern Catalyst?": the policy's figures are not its own
        # the question's own sentence: a follow-up's earlier turn may name another offer; when
        # it names none, the sentences before it may ("We hold a Northfield voucher. What is each
        # session worth?")
        own = asked.sentence or asked.text
        candidates = self._of_the_kind_asked(
            self._candidates(passages, question),
            own if self._kinds_named(own, asking=True) else question, passages)
        if not lead and asked.kind == "amount":
            lead = _worked(asked, candidates, passages, question)
        # a date or a figure worked from one sentence: that sentence is its whole support
        worked_from = None
        if not lead:
            texts_found = [c.text for c in candidates]
            lead = _worked_from_one(date_after(question, texts_found), candidates, passages) or \
                _worked_from_one(raised_figure(question, texts_found), candidates, passages) or \
                _worked_from_one(own_share(question, texts_found), candidates, passages)
            worked_from = lead[1].text if lead else None
        if not candidates:
            return self._lead_only(lead, passages, asked)
        query = self._embedder.embed([question])[0]
        vectors = self._sentence_vectors([c.text for c in candidates])
        passage_sims = self._passage_similarities(query, passages)
        heading_sims = self._sentence_vectors(
            [p.chunk.context or p.chunk.title for p in passages]) @ query
        rarity = dict(self._rarity()) if self._rarity else {}
        cosines = vectors @ query
        # a sentence that opens with a pronoun is read half on its own, half with the sentence
        # its pronoun points back to
        pointing = [i for i, c in enumerate(candidates) if c.before]
        if pointing:
            meant = self._sentence_vectors([candidates[i].meaning for i in pointing]) @ query
            cosines[pointing] = (cosines[pointing] + meant) / 2
        scored = [self._score(c, float(cosines[i]), float(passage_sims[c.passage]),
                              float(heading_sims[c.passage]), asked, rarity,
                              passages[c.passage].chunk.context,
                              passages[c.passage].chunk.doc_type == DocType.CATALOGUE)
                  for i, c in enumerate(candidates)]
        # an intro ("... three kinds of investment:") says nothing without its list
        usable = [s for s, c in zip(scored, candidates, strict=True)
                  if (_expands(asked) or not introduces_list(c.raw))
                  and not (lead and _illustration(c, passages[c.passage]))]
        keep = {id(s) for s in usable}
        vectors_kept = np.stack([vectors[i] for i, s in enumerate(scored) if id(s) in keep]) \
            if usable else vectors[:0]
        # after a direct answer from the policy, one quoted sentence is enough support
        limit = 1 if lead else self._config.max_sentences
        chosen = self._choose(usable, vectors_kept, limit=limit) \
            if usable and worked_from is None else []
        best_cosine = float(np.max(cosines))
        evidence = Evidence(
            question=asked,
            selected=[f"{passages[s.passage].chunk.context}\n{s.text}" for s in chosen],
            passages=texts,
            best_similarity=best_cosine, best_passage=float(np.max(passage_sims)),
            rarity=rarity)
        values = signals(evidence)
        # a direct answer from the policy answers the question: no decision is made
        probability = self._refusal.probability(values) if self._refusal and not lead else None
        # what the passages cannot answer, whatever the model says
        unanswerable = unknown_part(question, texts) is not None or \
            adjacent_advice(_advice_asked(asked, question), texts) is not None or \
            unnamed_applicant(question, texts) is not None or other_scheme or \
            contact_of_unknown(question, texts) is not None
        decided = not lead and (not chosen or unanswerable or (
            self._refusal is not None and self._refusal.refuses(values)))
        # the contact asked for, when the sentences chosen give none: "which address do I
        # write to about my records?" is answered by the address, not by the rules around it
        contact_missing = contact_wanted(asked.text) is not None and \
            not any(_contact_answered(asked.text, s.text) for s in chosen)
        given = _contact_given(asked, usable, passages, rarity, question) \
            if (decided or contact_missing) and not lead and not unanswerable else None
        if given is not None:
            # "which address takes complaints?": the sentence giving the address, on its topic
            decided = False
            chosen = [given, *(s for s in chosen if s is not given)]
        # a list or a rule from the policy is not the programme's record either
        record = unreported_record(asked.text, [s.text for s in chosen] + [x.text for x in lead],
                                   question)
        refused = bool(decided or record)
        if not lead and (unanswerable or record):
            # decided by a rule, not by the model: the model is fitted on the questions the
            # rules leave to it (`ssr-assistant eval fit-refusal`)
            values = {**values, "ruled": 1.0}
        if asked.kind == "definition" and not lead:
            chosen = _with_its_figure(_paragraph(chosen, candidates, scored), usable, question,
                                      [_about(p) for p in passages])
        if not lead:
            chosen = _compared(chosen, usable, question)
        records = {n for n, p in enumerate(passages) if p.chunk.doc_type == DocType.CATALOGUE}
        ordered = _with_antecedents(_focused(_ordered(chosen, asked, records), candidates, asked,
                                             [float(x) for x in heading_sims]),
                                    candidates, scored, [p.chunk.source for p in passages])
        if given is not None:
            # the address or number asked for leads, whatever the list or the order around it
            ordered = [given, *(s for s in ordered if s is not given)]
        answer, citations, shown = _render(lead, ordered, candidates, passages, asked,
                                           self._config.list_items)
        best = max((s.score for s in scored), default=0.0)
        return Composition(answer, citations, shown, best, signals=values,
                           refusal_probability=probability, refused=refused,
                           question_kind=asked.kind)

    # --- candidates and scores

    def _candidates(self, passages: list[ScoredChunk], question: str) -> list[_Candidate]:
        found: list[_Candidate] = []
        asked = read_question(question)
        listing = asked.kind == "list"
        # "where is the incubator exactly?": a record's postcode goes with its location
        where = _where_asked(asked)
        for p, passage in enumerate(passages):
            catalogue = passage.chunk.doc_type == DocType.CATALOGUE
            postcode = _RECORD_POSTCODE.search(passage.chunk.text) if catalogue and where \
                else None
            previous = ""
            prose = continued = False  # the sentence before was of a description
            told = ""  # ... and what it said
            for n, raw in enumerate(split_sentences(passage.chunk.text)):
                before, previous = previous, raw
                if is_instruction_to_assistant(raw):  # passages are data, never orders
                    continue
                if (len(raw.split()) < 4 and not is_list_item(raw)) or \
                        URL_PATTERN.fullmatch(raw.strip()) or \
                        (not catalogue and _NAMES_AND_DATES.fullmatch(raw.strip())):
                    continue  # a link, a label or a byline alone says nothing
                text = raw
                if catalogue:
                    field = catalogue_line(raw)
                    continued = field is None and prose and not is_labelled(raw)
                    if continued:
                        # the description's later sentences: "It opened in 2015."
                        field = ("description", raw)
                        before = told
                    prose = field is not None and field[0] in PROSE_FIELDS
                    if field is None:
                        continue
                    text = told = field[1]
                    if postcode and field[0] in _PLACE_FIELDS and postcode[1] not in text:
                        text = f"{text.rstrip('. ')} {postcode[1]}"
                else:
                    row = table_row(raw)
                    if row is not None:
                        shown = row.shown(question)
                        if shown is None and not listing:
                            continue  # a row with no cell the question asks about
                        text = shown or raw
                found.append(_Candidate(
                    text=text, passage=p, position=n, raw=raw,
                    before=before if before and (not catalogue or continued) and
                    not is_list_item(before) and _PRONOUN_OPENING.match(raw) else ""))
        return found

    def _kinds_named(self, text: str, asking: bool = False) -> set[str]:
        words = f" {plain_words(text)} "
        named = {kind for name, kind in self._offers.items() if name.search(words)}
        # a kind by its name: written as a name in the guidance ("a Studio"); in a question,
        # only a name no other kind's name holds ("sub-studio", not "studio", said of both)
        rest = words if asking else text
        for name, kind, held in self._kind_names:
            pattern = rf" {re.escape(plain_words(name))} " if asking else \
                rf"(?<![\w-]){re.escape(name)}(?![\w-])"
            if asking and held:
                continue
            if re.search(pattern, rest):
                named.add(kind)
                rest = re.sub(pattern, " | ", rest)
        return named

    def _of_the_kind_asked(self, candidates: list[_Candidate], question: str,
                           passages: Sequence[ScoredChunk] = ()) -> list[_Candidate]:
        """Without the sentences that name only another kind of programme than the one the
        question names: "how long can a Northfield Innovation Project run?" is not answered by
        "Southgate Grant projects finish within 12 months", nor by "Projects finish within 12
        months" under the heading "Southgate Grant > Timescale"."""
        asked = self._kinds_named(question, asking=True)
        # "must a Northfield project finish in a year, as a Southgate one must?": the offer
        # compared with is not the one asked about
        compared = _COMPARED_WITH.sub(" ", question)
        if (unlike := self._kinds_named(compared, asking=True)) and unlike != asked:
            asked = unlike
        if not asked:
            return candidates

        def about(candidate: _Candidate) -> set[str]:
            named = self._kinds_named(candidate.text)
            if named or candidate.passage >= len(passages):
                return named
            chunk = passages[candidate.passage].chunk
            return self._kinds_named(chunk.context or "") or self._kinds_named(chunk.title or "")

        return [c for c in candidates if not (named := about(c)) or named & asked]

    def _score(self, candidate: _Candidate, cosine: float, passage: float, heading: float,
               asked: Question, rarity: Mapping[str, float], context: str = "",
               catalogue: bool = False) -> Sentence:
        config = self._config
        own = 1 - config.passage_weight - config.heading_weight
        score = own * cosine + config.passage_weight * passage + config.heading_weight * heading
        # the headings above a sentence name what it is about ("How to apply > The steps")
        score += config.word_weight * _word_share(asked, f"{context}\n{candidate.text}", rarity)
        if asked.answer_type == "name":
            # "who ...?" is answered by a sentence naming someone besides those it asks about,
            # or a body by its role ("considered by an appraisal panel")
            named = names_beyond(asked.text, candidate.text) or roles_beyond(asked.text,
                                                                            candidate.text)
            score += config.kind_bonus if named else -config.unnamed_penalty
            if named and _AGENCY.search(candidate.text):
                score += config.kind_bonus  # "It is led by ...": names who does it
        elif asked.answer_type not in {"any", "list"} and answer_present(asked.answer_type,
                                                                          candidate.text):
            score += config.kind_bonus
        if _contact_answered(asked.text, candidate.text):
            score += config.kind_bonus  # "what email do I send it to?": the sentence with one
        if asked.kind == "list" and introduces_list(candidate.raw):
            score += config.kind_bonus
        if asked.kind == "list" and not _NEGATIVE.search(asked.text) and \
                _NEGATIVE.search(f"{context}\n{candidate.text}"):
            # "what can the grant pay for?" is not answered by the list of what it cannot
            score -= 2 * config.kind_bonus
        if asked.kind == "how" and _STEPS.search(context):
            score += config.kind_bonus  # a process is answered by its steps
        if catalogue and _where_asked(asked) and \
                candidate.text.split(":", 1)[0].strip().lower() in _PLACE_FIELDS:
            # "where is the lab?": the record's location, kept beside what the record is
            score += config.margin + config.kind_bonus
        if catalogue and _RECORD_ASKED.search(asked.text):
            # "which team does the modelling?": a team or a facility, which the catalogue names
            score += 2 * config.kind_bonus
        return Sentence(candidate.text, candidate.passage, candidate.position, float(score))

    def _choose(self, scored: list[Sentence], vectors: np.ndarray, limit: int) -> list[Sentence]:
        config = self._config
        if not scored:
            return []
        order = sorted(range(len(scored)), key=lambda i: scored[i].score, reverse=True)
        best = scored[order[0]].score
        kept: list[int] = []
        for i in order:
            sentence = scored[i]
            if len(kept) >= max(limit, 1) or sentence.score < best - config.margin:
                break
            if sentence.score < config.min_similarity:
                break
            if any(float(vectors[i] @ vectors[j]) > config.duplicate_similarity for j in kept):
                continue
            kept.append(i)
        return [scored[i] for i in kept]

    def _lead_only(self, lead: list[Lead], passages: list[ScoredChunk],
                   asked: Question) -> Composition:
        if not lead:
            return Composition("", [], [], 0.0, refused=True, question_kind=asked.kind)
        answer, citations, shown = _render(lead, [], [], passages, asked, 0)
        return Composition(answer, citations, shown, 1.0, question_kind=asked.kind)

    # --- vectors

    def _sentence_vectors(self, texts: list[str]) -> np.ndarray:
        """Vectors for short sentences, remembered across questions (passages recur often).

        The lock guards the cache only: the model runs outside it, so turns answered at once
        embed at once instead of queueing behind each other's sentences."""
        with self._lock:
            known = {t: self._cache[t] for t in texts if t in self._cache}
        missing = list(dict.fromkeys(t for t in texts if t not in known))
        if missing:
            # small batches: sentences vary in length, and padding a batch to its longest
            # sentence costs more than the extra batches
            vectors = self._embedder.embed(missing, batch_size=8)
            known.update(zip(missing, vectors, strict=True))
            with self._lock:
                for text, vector in zip(missing, vectors, strict=True):
                    self._cache[text] = vector
                while len(self._cache) > self._config.cache_size:
                    self._cache.popitem(last=False)
        return np.stack([known[t] for t in texts])

    def _passage_similarities(self, query: np.ndarray,
                              passages: list[ScoredChunk]) -> np.ndarray:
        """The dense search's cosine where it found the passage; computed for the others."""
        sims = np.array([p.dense_score if p.dense_score is not None else np.nan
                         for p in passages], dtype=np.float32)
        missing = [i for i, value in enumerate(sims) if np.isnan(value)]
        if missing:  # passages recur across questions: their vectors are remembered too
            vectors = self._sentence_vectors([passages[i].chunk.embed_text for i in missing])
            sims[missing] = vectors @ query
        return sims


def _word_share(asked: Question, text: str, rarity: Mapping[str, float]) -> float:
    """The rarity-weighted share of the question's content words that the text contains."""
    if not asked.words:
        return 0.0
    ceiling = max(rarity.values(), default=1.0) or 1.0
    words = set(stems(text))
    total = sum(rarity.get(w, ceiling) for w in asked.words)
    return sum(rarity.get(w, ceiling) for w in asked.words if w in words) / total if total \
        else 0.0


def _ordered(chosen: list[Sentence], asked: Question,
             records: set[int] | frozenset[int] = frozenset()) -> list[Sentence]:
    """Best first: passages in the order of their best sentence, each passage's sentences in
    reading order; for "how much" and "when", the passage with the figure or date leads; for
    "which team ...", the catalogue's record (`records`: the catalogue passages)."""
    if not chosen:
        return []
    rank: dict[int, float] = {}
    for sentence in chosen:
        rank[sentence.passage] = max(rank.get(sentence.passage, -1.0), sentence.score)
    if _RECORD_ASKED.search(asked.text) and (named := [s for s in chosen if s.passage in records]):
        rank[max(named, key=lambda s: s.score).passage] = float("inf")
    if asked.answer_type in {"figure", "date"}:
        holding = [s for s in chosen if answer_present(asked.answer_type, s.text)]
        if holding:
            rank[max(holding, key=lambda s: s.score).passage] = float("inf")
    return sorted(chosen, key=lambda s: (-rank[s.passage], s.passage, s.position))


# a period counted from an event: "within 20 working days of the acknowledgement"
_COUNTED_FROM = re.compile(rf"\b(?:within|after|before|inside)\s+(?:{SPAN.pattern})\s+of\s+"
                           r"(?:the|your|our)\s+([a-z]+)", re.IGNORECASE)


def _with_antecedents(chosen: list[Sentence], candidates: list[_Candidate],
                      scored: list[Sentence], sources: Sequence[str] = ()) -> list[Sentence]:
    """A sentence that opens with a pronoun ("It is led by ...") is shown after the sentence
    that names what the pronoun stands for; one that counts a period from an event ("within
    20 days of the acknowledgement") after the sentence, earlier in its document, that says
    when the event comes ("we acknowledge it within 3 days"); a question the guidance asks
    itself, before its answer. `sources`: each passage's document."""
    def document(s: Sentence) -> str:
        return sources[s.passage] if s.passage < len(sources) else str(s.passage)

    opens = {(c.passage, c.position) for c in candidates if c.before}
    by_place = {(s.passage, s.position): s for s in scored}
    shown = {(s.passage, s.position) for s in chosen}
    out: list[Sentence] = []
    for sentence in chosen:
        place = (sentence.passage, sentence.position)
        before = (sentence.passage, sentence.position - 1)
        if place in opens and before not in shown and before in by_place:
            out.append(by_place[before])
            shown.add(before)
        elif (event := _COUNTED_FROM.search(sentence.text)) is not None:
            root = stems(event[1])
            earlier = [s for s in scored if document(s) == document(sentence)
                       and (s.passage != sentence.passage or s.position < sentence.position)
                       and (s.passage, s.position) not in shown
                       and root and root[0] in stems(s.text) and SPAN.search(s.text)
                       and not _COUNTED_FROM.search(s.text)]
            if earlier:
                nearest = max(earlier, key=lambda s: s.position)
                out.append(nearest)
                shown.add((nearest.passage, nearest.position))
        out.append(sentence)
        after = (sentence.passage, sentence.position + 1)
        if sentence.text.rstrip().endswith("?") and after in by_place and after not in shown:
            # a question the guidance asks itself ("What if the form is wrong?") is shown with
            # its answer, the sentence after it
            out.append(by_place[after])
            shown.add(after)
    return out


# a sentence about the document itself: "This guidance explains what the funding can pay for"
_ABOUT_THE_DOCUMENT = re.compile(r"^\W*(?:this|these)\s+(?:guidance|guide|document|page|notice|"
                                 r"section|leaflet|booklet|note|policy|procedure)s?\b", re.I)


def _paragraph(chosen: list[Sentence], candidates: list[_Candidate],
               scored: list[Sentence], size: int = 3) -> list[Sentence]:
    """For "what is X?", the best sentence and the ones after it in its passage (a
    definition reads on), then at most one sentence from elsewhere."""
    if not chosen:
        return chosen
    best = max(chosen, key=lambda s: s.score)
    by_place = {(s.passage, s.position): s for s in scored}
    run = [best]
    for c in candidates:
        if len(run) == size:
            break
        if c.passage == best.passage and c.position > run[-1].position and \
                not is_list_item(c.raw) and not introduces_list(c.raw) and \
                (c.passage, c.position) in by_place:
            if c.position != run[-1].position + 1 or _ABOUT_THE_DOCUMENT.match(c.text):
                break  # "This guidance explains ...": the document, not X
            run.append(by_place[(c.passage, c.position)])
    others = [s for s in chosen if s.passage != best.passage][:1]
    return run + others


# "the difference between a Cluster and a Pre-Cluster", "grant vs voucher", "compare X with Y",
# "how does X differ from Y": two things, each to be spoken of
_SUBJECT = r"(?:an?\s+|the\s+)?(?P<{0}>[\w'-]+(?:\s+[\w'-]+){{0,4}}?)"
_COMPARED = (
    re.compile(r"\b(?:difference|differences|differ|distinction)\s+between\s+" +
               _SUBJECT.format("a") + r"\s+(?:and|&|vs\.?|versus)\s+" + _SUBJECT.format("b") +
               r"\s*(?=[?.,;!]|$|\s+(?:is|are|for|in|when|if)\b)", re.I),
    re.compile(r"\b(?:compare|comparing)\s+" + _SUBJECT.format("a") +
               r"\s+(?:and|with|to|against)\s+" + _SUBJECT.format("b") +
               r"\s*(?=[?.,;:!]|\s[-–]\s|$)", re.I),
    re.compile(r"\bhow\s+(?:does|do|is|are)\s+" + _SUBJECT.format("a") +
               r"\s+(?:differ|different)\s+(?:from|to)\s+" + _SUBJECT.format("b") +
               r"\s*(?=[?.,;:!]|\s[-–]\s|$)", re.I),
    re.compile(r"^\W*(?:an?\s+|the\s+)?(?P<a>[\w'-]+(?:\s+[\w'-]+){0,3}?)\s+(?:vs\.?|versus)\s+" +
               _SUBJECT.format("b") + r"\s*(?=[?.,;:!]|\s[-–]\s|$)", re.I),
)


def compared_subjects(question: str) -> tuple[str, str] | None:
    """The two things a question compares, as written, or None."""
    for pattern in _COMPARED:
        if match := pattern.search(question):
            return match["a"], match["b"]
    return None


def _names(subject: str, text: str, within: int = 8) -> bool:
    """Whether the sentence is about the subject: names it itself ("Cluster" is not named by
    "Pre-Cluster") in its first `within` words, where a sentence's subject stands."""
    phrase = r"\s+".join(re.escape(w) for w in subject.split())
    plural = "s?" if not subject.endswith("s") else ""
    opening = " ".join(text.split()[:within + len(subject.split()) - 1])
    return re.search(rf"(?<![\w-]){phrase}{plural}(?![\w-])", opening, re.I) is not None


def _compared(chosen: list[Sentence], usable: list[Sentence], question: str) -> list[Sentence]:
    """For a question comparing two things, a sentence on each: the best one naming a thing
    no chosen sentence names is added."""
    subjects = compared_subjects(question)
    if subjects is None:
        return chosen
    out = list(chosen)
    for subject in subjects:
        if any(_names(subject, s.text) for s in out):
            continue
        naming = [s for s in usable if _names(subject, s.text) and s not in out]
        if naming:
            out.append(max(naming, key=lambda s: s.score))
    return out


# "What is the Skills Fund?", "what's a Pre-Cluster and ...": the thing asked about
_DEFINED = re.compile(r"\bwhat(?:'s|\s+is|\s+are)\s+(?:an?\s+|the\s+)?"
                      r"(?P<x>[\w'-]+(?:\s+[\w'-]+){0,4}?)"
                      r"\s*(?=[?.,;:!]|\s+(?:and|exactly|actually|about|for|in)\b|$)", re.I)
_MONEY = re.compile(r"[£€$]\s?\d|\b(?:GBP|EUR)\s?\d|\d\s?%", re.I)


def _with_its_figure(chosen: list[Sentence], usable: list[Sentence],
                     question: str, about: Sequence[str] = ()) -> list[Sentence]:
    """For "what is X?", a definition without an amount is followed by the best sentence
    about X that gives one: what an offer is worth is part of what it is. `about`: what each
    passage is about (its document's title and headings)."""
    match = _DEFINED.search(question)
    if match is None or not chosen or any(_MONEY.search(s.text) for s in chosen):
        return chosen
    # about X: in the definition's own passage, naming X, or in a passage on X
    priced = [s for s in usable if s not in chosen and _MONEY.search(s.text)
              and (s.passage == chosen[0].passage or _names(match["x"], s.text, within=40)
                   or (0 <= s.passage < len(about)
                       and _names(match["x"], about[s.passage], within=40)))]
    return [*chosen, max(priced, key=lambda s: s.score)] if priced else chosen


def _about(passage: ScoredChunk) -> str:
    """What a passage is about: its document's title and the headings above it."""
    chunk = passage.chunk
    return f"{chunk.title or ''} {chunk.context or ''} {chunk.locator or ''}"


def _focused(chosen: list[Sentence], candidates: list[_Candidate], asked: Question,
             headings: list[float]) -> list[Sentence]:
    """For a list or a process, the best list is the answer: its passage first, and at most
    one sentence from elsewhere after it. For a process, the best list is the one under the
    heading closest to the question ("How to apply > The seven steps", not "Who can apply")."""
    if asked.kind not in {"list", "how"}:
        return chosen
    raw = {(c.passage, c.position): c.raw for c in candidates}
    listed = [s for s in chosen if is_list_item(raw[(s.passage, s.position)]) or
              introduces_list(raw[(s.passage, s.position)])]
    if not listed:
        return chosen
    first = listed[0].passage
    if asked.kind == "how":
        first = max(listed, key=lambda s: headings[s.passage]).passage
    return [s for s in chosen if s.passage == first] + \
        [s for s in chosen if s.passage != first][:1]


def _evidence_passage(line: Lead, passages: Sequence[ScoredChunk]) -> int | None:
    """The retrieved passage that names most of what a lead sentence lists (at least half)."""
    if not line.evidence:
        return None
    best, count = None, 0
    for i, passage in enumerate(passages):
        text = passage.chunk.text.lower()
        found = sum(name.lower() in text for name in line.evidence)
        if found > count:
            best, count = i, found
    return best if count * 2 >= len(line.evidence) else None


def _render(lead: Sequence[Lead], chosen: list[Sentence], candidates: list[_Candidate],
            passages: list[ScoredChunk], asked: Question,
            list_items: int) -> tuple[str, list[Citation], list[Sentence]]:
    numbers: dict[tuple[str, str], int] = {}
    citations: list[Citation] = []

    def number(citation: Citation) -> int:
        key = (citation.source, citation.locator)
        if key not in numbers:
            numbers[key] = len(citations) + 1
            citations.append(citation.model_copy(update={"n": numbers[key]}))
        return numbers[key]

    blocks: list[list[str]] = []
    shown: list[Sentence] = []
    for line in lead:
        citation = line.citation
        if citation is None:
            found = _evidence_passage(line, passages)
            assert found is not None  # leads without a citation were filtered
            citation = passage_citation(passages[found], line.text)
        blocks.append([f"{line.text} [{number(citation)}]"])
        shown.append(Sentence(line.text, -1, 0, 1.0))
    groups: dict[int, list[Sentence]] = {}
    for sentence in chosen:  # already in answer order: passages best first
        groups.setdefault(sentence.passage, []).append(sentence)
    for p, sentences in groups.items():
        passage = passages[p]
        n = number(passage_citation(passage, sentences[0].text))
        lines = [_record_heading(passage)] if passage.chunk.doc_type == DocType.CATALOGUE \
            else []
        positions = _positions(candidates, p, sentences, asked, list_items)
        items = [i for i in positions if is_list_item(candidates[i].raw)]
        opened = any(introduces_list(candidates[i].raw) for i in positions)
        if len(items) > 1 and not opened and _heading(passage):
            lines.append(f"{_heading(passage)}:")  # a list shown without its opening line
        for position in positions:
            text = candidates[position].text
            if len(items) == 1 and position in items and not opened:
                text = _under_heading(passage, text)  # an item shown alone
            lines.append(f"{text} [{n}]")
        blocks.append(lines)
        shown.extend(sentences)
    answer = "\n\n".join(_join(lines) for lines in blocks)
    return answer, citations, shown


def _positions(candidates: list[_Candidate], passage: int, sentences: list[Sentence],
               asked: Question, limit: int) -> list[int]:
    """Indexes into `candidates` of what to show from one passage, in reading order: the
    chosen sentences; the items under one that introduces a list; and for a list question,
    the whole list a chosen item belongs to."""
    mine = [i for i, c in enumerate(candidates) if c.passage == passage]
    at = {candidates[i].position: i for i in mine}
    keep: set[int] = set()
    for sentence in sentences:
        index = at[sentence.position]
        keep.add(index)
        start = index
        if asked.kind in {"list", "how"} and is_list_item(candidates[index].raw):
            while start - 1 in mine and is_list_item(candidates[start - 1].raw):
                start -= 1
            if start - 1 in mine and introduces_list(candidates[start - 1].raw):
                start -= 1
            keep.add(start)
            for count, i in enumerate(j for j in mine if j >= start):
                if count > limit or (i > start and not is_list_item(candidates[i].raw)):
                    break
                keep.add(i)
            continue
        if introduces_list(candidates[start].raw) and _expands(asked):
            following = [i for i in mine if i > start]
            for count, i in enumerate(following):
                if not is_list_item(candidates[i].raw) or count == limit:
                    break
                keep.add(i)
    return sorted(keep)


_TABLE_ROW = re.compile(r"^[^.;:]{1,60}(?:; [^;:]{1,40}: [^;]*){1,}$")


def _illustration(candidate: _Candidate, passage: ScoredChunk) -> bool:
    """A table's row: no support for a direct answer the policy gives ("Yes: Walsall is inside
    the area" is not supported by the WS2 row of a postcode table)."""
    return bool(_TABLE_ROW.match(candidate.text)) and \
        passage.chunk.doc_type != DocType.CATALOGUE


# "Valley Scheme Office, June 2026.": names and a date, no sentence
_NAMES_AND_DATES = re.compile(r"(?:(?:[A-Z][\w&'.-]*|\d{1,4}|of|and|the|for|&)[\s,;:()/-]*)+\.?")


def _expands(asked: Question) -> bool:
    """Whether a list is shown with its items: for questions that ask for a list, a process or
    a description, not for one that asks for a figure, a date, a name or a yes or no."""
    return asked.kind in {"list", "how", "other", "statement", "why"}


def _heading(passage: ScoredChunk) -> str:
    """The heading a passage sits under, when it has one ("Ineligible costs")."""
    heading = passage.chunk.locator.split(" > ")[-1].strip()
    if heading.lower().startswith(("page ", "clause", "record ", "line ")):
        return ""
    return heading


def _under_heading(passage: ScoredChunk, item: str) -> str:
    """A list item shown alone, after the heading it sits under: "Ineligible costs: ..."."""
    body = item[2:].strip() if is_list_item(item) else item
    heading = _heading(passage)
    return f"{heading}: {body}" if heading else body


def _record_heading(passage: ScoredChunk) -> str:
    """A catalogue answer names the facility or team (and its partner, once)."""
    chunk = passage.chunk
    partner = f" ({chunk.partner})" if chunk.partner and chunk.partner not in chunk.title \
        else ""
    return f"**{chunk.title}**{partner}:"


def _worked(asked: Question, candidates: list[_Candidate],
            passages: list[ScoredChunk], message: str = "") -> list[Lead]:
    """A count the question gives times the value a passage puts on one of the same thing,
    when that passage is about what the question is about (a word besides the unit shared).
    A count used up may be told before the question (`message`): "We've had 4 of the days.
    What are the rest worth?"."""
    found = worked_sum(asked.text, [c.text for c in candidates], message)
    if found is None:
        return []
    worked, index = found
    candidate = candidates[index]
    passage = passages[candidate.passage]
    subject = set(stems(asked.text)) - set(stems(worked.unit)) - FORM_WORDS
    if not subject & set(stems(f"{passage.chunk.context}\n{candidate.text}")):
        return []
    leads = [Lead(worked.text, citation=passage_citation(passage, candidate.text))]
    if worked.count_from is not None and worked.count_from != index:
        counted = candidates[worked.count_from]  # the sentence that says how many there are
        leads.append(Lead(counted.text, citation=passage_citation(passages[counted.passage],
                                                                  counted.text)))
    return leads


def _worked_from_one(found: tuple[Worked, int] | None, candidates: list[_Candidate],
                     passages: list[ScoredChunk]) -> list[Lead]:
    """A figure or a date worked from one sentence ("12 months after 10 March 2027 is 10 March
    2028.", "£50,000 raised by 10% is £55,000."), then that sentence, both cited to it."""
    if found is None:
        return []
    worked, index = found
    candidate = candidates[index]
    citation = passage_citation(passages[candidate.passage], candidate.text)
    return [Lead(worked.text, citation=citation), Lead(candidate.text, citation=citation)]


# Words that turn a list into what is not allowed: "Ineligible costs", "cannot be funded"
_NEGATIVE = re.compile(r"\b(?:ineligible|not\s+eligible|cannot|can't|can\s*not|won't|will\s+not|"
                       r"not\s+(?:be\s+)?(?:funded|paid|covered|allowed|included)|excluded|"
                       r"exclusions?|isn't|aren't|doesn't|don't|not)\b", re.IGNORECASE)


# a team or a facility asked for by its kind: "which team at the university does ...", "what
# lab could test ..."
_RECORD_ASKED = re.compile(
    r"\b(?:which|what)\s+(?:[\w-]+\s+){0,4}?(?:team|teams|group|groups|institute|centre|center|"
    r"lab|labs|laboratory|facility|facilities|unit|department|experts?)\b", re.IGNORECASE)


# A way of getting in touch asked for, and what gives it
_CONTACT_KINDS = (
    (re.compile(r"\be-?mail\b", re.IGNORECASE), EMAIL),
    # "where should the form go?", "who do we write to?": an address to send it to
    (re.compile(r"\b(?:where|who)\s+(?:do|should|can|would|must)\s+(?:i|we)\s+(?:send|write|post|"
                r"address|email|submit|lodge)\b", re.IGNORECASE), EMAIL),
    (re.compile(r"\b(?:phone|telephone|ring|number\s+to\s+call)\b", re.IGNORECASE), PHONE),
    # "who should we contact about a late claim?": someone to reach, by email or phone
    (re.compile(r"\bwho\s+(?:do|should|can|would|must)\s+(?:i|we)\s+(?:contact|ask|speak\s+to|"
                r"talk\s+to|get\s+in\s+touch\s+with|go\s+to|approach|ring|call)\b",
                re.IGNORECASE), re.compile(f"{EMAIL.pattern}|{PHONE.pattern}", re.IGNORECASE)),
    # "how can we obtain the panel's notes on our bid?": a request, made to someone
    (re.compile(r"\bhow\s+(?:do|should|can|would|must)\s+(?:i|we)\s+(?:get\s+hold\s+of|request|"
                r"ask\s+for|obtain|make\s+a\s+request)\b", re.IGNORECASE),
     re.compile(f"{EMAIL.pattern}|{PHONE.pattern}", re.IGNORECASE)),
    (re.compile(r"\b(?:website|web\s+(?:page|address)|link|url)\b", re.IGNORECASE), URL_PATTERN),
)


# support the business has had: "the Skyline grant we received" is its own history
_HAD = re.compile(r"\b(?:had|got|received|won|awarded|given|secured|obtained|took|used)\b",
                  re.IGNORECASE)


def _other_scheme(message: str, asked: Question, passages: Sequence[str]) -> bool:
    """Whether the question asks about a scheme or funder no retrieved passage mentions ("the
    most from Northern Catalyst"), and the message says of no support the business has had
    ("we got £90k of Skyline grants": its own history, which the rules weigh)."""
    return unknown_scheme(asked.text, passages) is not None and not _HAD.search(message)


# the words of a request for contact details, beside its topic
_CONTACT_WORDS = frozenset(stems("email e-mail address addresses phone telephone number ring call "
                                 "website web page link url send sent write contact reach details "
                                 "go goes put lodge submit make find use"))


def _contact_given(asked: Question, usable: Sequence[Sentence], passages: Sequence[ScoredChunk],
                   rarity: Mapping[str, float], message: str = "") -> Sentence | None:
    """The best sentence giving the email address, phone number or web address asked for, on
    the question's own topic: it names part of it, and with its heading a third or more of the
    question's other words (by rarity); failing that, one in a section that holds half or more
    of them. None when no sentence does."""
    # the question's own sentence: a long message's story is not its topic
    # (a word the guidance never uses is in no sentence: it says nothing of which one answers)
    def topic_of(text: str) -> list[str]:
        return list(dict.fromkeys(w for w in stems(text) if w not in _CONTACT_WORDS
                                  and w not in FORM_WORDS and (not rarity or w in rarity)))

    # "... we want to appeal the decision. Where should it go?": the topic is in the sentence
    # before
    topic = topic_of(asked.text) or topic_of(message)
    if not topic:
        return None
    ceiling = max(rarity.values(), default=1.0) or 1.0
    total = sum(rarity.get(w, ceiling) for w in topic)
    # the sections that hold half or more of the topic in their own words, heading included
    sections = [set(stems(f"{p.chunk.locator}\n{p.chunk.text}")) for p in passages]
    topical = {n for n, words in enumerate(sections)
               if sum(rarity.get(w, ceiling) for w in topic if w in words) >= total / 2}
    giving, in_section = [], []
    for sentence in usable:
        if not _contact_answered(asked.text, sentence.text):
            continue
        own = set(stems(sentence.text))
        # named in the sentence itself, and with its own heading most of the topic
        near = own | set(stems(passages[sentence.passage].chunk.locator))
        if own & set(topic) and \
                sum(rarity.get(w, ceiling) for w in topic if w in near) >= total / 3:
            giving.append(sentence)
        elif sentence.passage in topical and _WHOM_TO_ASK.search(asked.text):
            in_section.append(sentence)
    # "To make a request, email ...", closing a section whose other sentences hold the topic:
    # the way to ask, given once for the whole section
    return max(giving or in_section, key=lambda s: s.score, default=None)


# whom to ask or how ("who should we write to?", "how can we request it?"), not
# someone's own address ("what is the chair's own email?")
_WHOM_TO_ASK = re.compile(r"\b(?:who|whom|how)\b", re.IGNORECASE)


def contact_wanted(question: str) -> re.Pattern[str] | None:
    """What gives the email address, phone number or web address a question asks for (a
    pattern that finds one in a text); None when it asks for none."""
    return next((given for asked, given in _CONTACT_KINDS if asked.search(question)), None)


def _advice_asked(asked: Question, message: str) -> str:
    """Where a matter of tax, finance or premises would be asked: the sentence that asks, or the
    whole message when that sentence points back to what was told before it ("We rent the
    unit. Can the grant pay that?"); "We rent a unit. What proves where the site is?" asks
    nothing about renting."""
    sentence = asked.sentence or asked.text
    return message if not sentence or BACK_REFERENCE.search(sentence) else sentence


def _contact_answered(question: str, sentence: str) -> bool:
    """Whether the question asks for an email address, a phone number or a web address and the
    sentence gives one."""
    return any(asked.search(question) and given.search(sentence)
               for asked, given in _CONTACT_KINDS)


def passage_citation(passage: ScoredChunk, quote: str) -> Citation:
    chunk = passage.chunk
    return Citation(n=0, title=chunk.title, source=chunk.source, locator=chunk.locator,
                    url=chunk.url, quote=quote[:300])


def _join(lines: list[str]) -> str:
    """Running text, except that list items (and a record's name) stand on lines of their own."""
    out: list[str] = []
    for line in lines:
        if out and not is_list_item(line) and not is_list_item(out[-1]) and \
                not out[-1].endswith(":") and not introduces_list(out[-1].rsplit(" [", 1)[0]):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return "\n".join(out)

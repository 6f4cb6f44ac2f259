"""The output guard: what stands between a language model and the user.

`OutputGuard` keeps a sentence of a model's answer only when it cites a source it was given
and that passage supports it (or it repeats one of the engine's decisions), when every figure
in it is found in that passage or the decisions, and when it is not an instruction. Links and
email addresses that no source contains are removed.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

import numpy as np

from assistant.composer import Composition, Sentence, split_sentences
from assistant.figures import URL_PATTERN, Figure, figure_allowed, figures
from assistant.guards import is_instruction_to_assistant
from assistant.guards.personal import EMAIL_PATTERN
from assistant.llm import links
from assistant.reply import Citation
from knowledge.embeddings import Embedder
from knowledge.retrieval import ScoredChunk
from knowledge.words import stems


class Verdict(StrEnum):
    KEPT = "kept"
    NO_CITATION = "no_citation"  # cites nothing and restates no decision
    UNKNOWN_SOURCE = "unknown_source"  # cites a number that is not one of the sources
    UNSUPPORTED = "unsupported"  # the cited passage does not say it
    INVENTED_FIGURE = "invented_figure"  # a figure found in neither the passage nor decisions
    UNKNOWN_CONTACT = "unknown_contact"  # an email address no source gives
    INSTRUCTION = "instruction"  # steering text, whoever wrote it


@dataclass(frozen=True)
class GuardConfig:
    support_similarity: float = 0.6  # cosine with the passage's best-matching sentence
    word_overlap: float = 0.8  # share of the sentence's words and figures found in one unit
    min_overlap_words: int = 4  # fewer words than this: overlap proves nothing
    decision_similarity: float = 0.75  # cosine with a decision to count as restating it

    def __post_init__(self) -> None:
        for name in ("support_similarity", "word_overlap", "decision_similarity"):
            value = getattr(self, name)
            if not 0.0 < value <= 1.0:
                raise ValueError(f"{name} must be above 0 and at most 1, got {value!r}")
        if self.min_overlap_words < 1:
            raise ValueError(f"min_overlap_words must be at least 1, got "
                             f"{self.min_overlap_words!r}")


@dataclass(frozen=True)
class CheckedSentence:
    """One sentence of the model's answer and what the guard decided about it."""

    text: str  # citation markers taken out, unlisted links removed
    sources: tuple[int, ...]  # the cited passages, as 0-based indexes into the passages
    verdict: Verdict
    support: float = 0.0  # best cosine with a cited passage sentence or a decision
    evidence: str = ""  # the passage sentence or decision that supports it
    removed_links: tuple[str, ...] = ()

    @property
    def kept(self) -> bool:
        return self.verdict is Verdict.KEPT


@dataclass(frozen=True)
class GuardedAnswer:
    answer: str  # the kept sentences, citations renumbered [1]..[m]
    citations: list[Citation]
    sentences: list[CheckedSentence]  # every sentence, kept or not, in the model's order

    @property
    def kept(self) -> list[CheckedSentence]:
        return [s for s in self.sentences if s.kept]

    @property
    def dropped(self) -> list[CheckedSentence]:
        return [s for s in self.sentences if not s.kept]

    @property
    def removed_links(self) -> list[str]:
        return [link for s in self.sentences for link in s.removed_links]

    def composition(self) -> Composition:
        """The same shape as the extractive composer's. A kept sentence that only restates a
        decision has passage -1: it rests on the rules, not on a passage."""
        kept = [
            Sentence(text=s.text, passage=s.sources[0] if s.sources else -1, position=n,
                     score=s.support)
            for n, s in enumerate(self.kept)
        ]
        return Composition(self.answer, self.citations, kept,
                           max((s.score for s in kept), default=0.0))


@dataclass
class _Evidence:
    """What one passage (or the decisions) can vouch for, steering sentences left out.

    A unit is a sentence or two adjacent sentences: a model often joins two into one.
    """

    sentences: list[str]
    units: list[str]
    unit_words: list[set[str]]
    figures: set[Figure]
    vectors: np.ndarray | None = None


@dataclass(frozen=True)
class _Match:
    similarity: float = 0.0  # best cosine with a unit
    overlap: float = 0.0  # best share of the sentence's words found in a unit
    unit: str = ""  # the unit with the best cosine


@dataclass
class _Draft:
    line: int
    prefix: str
    raw: str
    text: str = ""
    cited: tuple[int, ...] = ()  # as written: 1-based
    removed_links: tuple[str, ...] = ()
    verdict: Verdict | None = None
    sources: tuple[int, ...] = ()
    support: float = 0.0
    evidence: str = ""
    vector: np.ndarray | None = None

    @property
    def claim(self) -> str:
        """The sentence as judged: links say nothing about support."""
        return URL_PATTERN.sub(" ", self.text)


class OutputGuard:
    """Keeps only the sentences of a model's answer that the sources or decisions support."""

    def __init__(self, embedder: Embedder, config: GuardConfig | None = None) -> None:
        self._embedder = embedder
        self._config = config or GuardConfig()

    def check(self, answer: str, passages: Sequence[ScoredChunk],
              decisions: Sequence[str] = ()) -> GuardedAnswer:
        evidence = [_passage_evidence(p) for p in passages]
        facts = _evidence(list(decisions), context="", pairs=False)
        texts = [" ".join(e.sentences) for e in evidence] + list(decisions)
        allowed_links = links.allowed_links(passages, texts)
        allowed_emails = links.allowed_emails(texts)
        drafts = _drafts(answer)
        for draft in drafts:
            self._screen(draft, len(passages), allowed_links, allowed_emails)
        self._embed([d for d in drafts if d.verdict is None], evidence, facts)
        for draft in drafts:
            if draft.verdict is None:
                self._judge(draft, evidence, facts)
        return _render(drafts, passages, evidence)

    def _screen(self, draft: _Draft, n_sources: int, allowed: set[str],
                emails: set[str]) -> None:
        """The checks that need no embeddings: instructions, links, contacts, citations."""
        draft.text, draft.removed_links = links.remove_unlisted_links(draft.text, allowed)
        if is_instruction_to_assistant(draft.raw) or is_instruction_to_assistant(draft.text):
            draft.verdict = Verdict.INSTRUCTION
        elif any(e.lower() not in emails for e in EMAIL_PATTERN.findall(draft.text)):
            draft.verdict = Verdict.UNKNOWN_CONTACT
        elif any(not 1 <= n <= n_sources for n in draft.cited):
            draft.verdict = Verdict.UNKNOWN_SOURCE
        draft.sources = tuple(dict.fromkeys(n - 1 for n in draft.cited if 1 <= n <= n_sources))

    def _embed(self, drafts: list[_Draft], evidence: list[_Evidence], facts: _Evidence) -> None:
        """One batch for everything that needs a vector: the sentences still open, the units
        of the passages they cite, and the decisions."""
        if not drafts:
            return
        cited = [evidence[i] for i in sorted({i for d in drafts for i in d.sources})]
        groups = [facts, *cited]
        texts = [d.claim for d in drafts] + [u for g in groups for u in g.units]
        vectors = self._embedder.embed([_for_embedding(t) for t in texts], batch_size=16)
        for draft, vector in zip(drafts, vectors, strict=False):
            draft.vector = vector
        start = len(drafts)
        for group in groups:
            group.vectors = vectors[start:start + len(group.units)]
            start += len(group.units)

    def _judge(self, draft: _Draft, evidence: list[_Evidence], facts: _Evidence) -> None:
        config = self._config
        words = _claim_words(draft.claim)
        matches = [_best_match(draft, words, evidence[i], config.min_overlap_words)
                   for i in draft.sources]
        found = max(matches, key=lambda m: m.similarity, default=_Match())
        supported = any(m.similarity >= config.support_similarity
                        or m.overlap >= config.word_overlap for m in matches)
        restated = _best_match(draft, words, facts, config.min_overlap_words)
        restates = (restated.similarity >= config.decision_similarity
                    or restated.overlap >= config.word_overlap)
        if not supported and restates:
            # it rests on the rules, not on the passages it cited: it keeps no citation
            found, draft.sources = restated, ()
        draft.support, draft.evidence = found.similarity, found.unit
        if not (supported or restates):
            draft.verdict = Verdict.UNSUPPORTED if draft.sources else Verdict.NO_CITATION
            return
        allowed = facts.figures.union(*(evidence[i].figures for i in draft.sources))
        if not all(figure_allowed(f, allowed) for f in figures(draft.claim, words_from=2)):
            draft.verdict = Verdict.INVENTED_FIGURE
            return
        draft.verdict = Verdict.KEPT


def _best_match(draft: _Draft, words: set[str], evidence: _Evidence,
                min_words: int) -> _Match:
    if evidence.vectors is None or not evidence.units or draft.vector is None:
        return _Match()
    sims = evidence.vectors @ draft.vector
    top = int(np.argmax(sims))
    overlap = 0.0
    if len(words) >= min_words:
        overlap = max(len(words & unit) / len(words) for unit in evidence.unit_words)
    return _Match(float(sims[top]), overlap, evidence.units[top])


def _passage_evidence(passage: ScoredChunk) -> _Evidence:
    chunk = passage.chunk
    sentences = [s for s in split_sentences(chunk.text) if not is_instruction_to_assistant(s)]
    # the heading path often names the subject that a passage's sentences leave implicit
    return _evidence(sentences, context=chunk.context or chunk.title, pairs=True)


def _evidence(sentences: list[str], context: str, pairs: bool) -> _Evidence:
    units = list(sentences)
    if pairs:
        units += [f"{a} {b}" for a, b in itertools.pairwise(sentences)]
    context_words = _claim_words(context, words_from=1)
    return _Evidence(
        sentences=sentences,
        units=units,
        unit_words=[_claim_words(u, words_from=1) | context_words for u in units],
        figures=figures(f"{context}\n" + "\n".join(sentences), words_from=1),
    )


def _for_embedding(text: str) -> str:
    # "GBP 35,000" and "£35,000" are the same amount; the embedder does not know that
    return _CURRENCY_CODE_RE.sub(lambda m: _CURRENCY_SIGNS[m.group(1).upper()], text)


_CURRENCY_SIGNS = {"GBP": "£", "EUR": "€", "USD": "$"}
_CURRENCY_CODE_RE = re.compile(r"\b(GBP|EUR|USD)\s?(?=\d)", re.IGNORECASE)


_CITATION_RE = re.compile(
    r"\[(?:sources?\s*)?(\d+(?:\s*(?:,|-|–|and)\s*\d+)*)\]", re.IGNORECASE
)
_CITATIONS_AFTER_STOP_RE = re.compile(
    r"([.!?])((?:\s*\[(?:sources?\s*)?\d+(?:\s*(?:,|-|–|and)\s*\d+)*\])+)", re.IGNORECASE
)
_BULLET_RE = re.compile(r"^\s*(?:[-*•]|\d{1,2}[.)])\s+")
_HIDDEN_REASONING_RE = re.compile(r"<think>.*?</think>", re.IGNORECASE | re.DOTALL)


def _drafts(answer: str) -> list[_Draft]:
    answer = _HIDDEN_REASONING_RE.sub("", answer)
    drafts: list[_Draft] = []
    for number, line in enumerate(answer.splitlines()):
        if not line.strip():
            continue
        bullet = _BULLET_RE.match(line)
        prefix = "- " if bullet else ""
        body = line[bullet.end():] if bullet else line
        # "... costs. [1] The next ..." : the marker belongs to the sentence before it
        body = _CITATIONS_AFTER_STOP_RE.sub(lambda m: f" {m.group(2).strip()}{m.group(1)}", body)
        for raw in split_sentences(body):
            cited = tuple(n for group in _CITATION_RE.findall(raw) for n in _numbers(group))
            text = links.tidy(_CITATION_RE.sub("", raw))
            if re.search(r"\w", text):
                drafts.append(_Draft(line=number, prefix=prefix, raw=raw, text=text,
                                     cited=cited))
    return drafts


def _numbers(group: str) -> list[int]:
    found: list[int] = []
    for part in re.split(r"\s*(?:,|and)\s*", group):
        ends = [int(x) for x in re.split(r"\s*[-–]\s*", part) if x.strip()]
        if len(ends) == 2 and 0 < ends[1] - ends[0] < 20:
            found.extend(range(ends[0], ends[1] + 1))
        else:
            found.extend(ends)
    return found


def _render(drafts: list[_Draft], passages: Sequence[ScoredChunk],
            evidence: list[_Evidence]) -> GuardedAnswer:
    numbers: dict[int, int] = {}
    citations: list[Citation] = []
    lines: dict[int, tuple[str, list[str]]] = {}
    for draft in drafts:
        if draft.verdict is not Verdict.KEPT:
            continue
        for i in draft.sources:
            if i not in numbers:
                numbers[i] = len(numbers) + 1
                citations.append(_citation(numbers[i], passages[i], draft, evidence[i]))
        markers = "".join(f"[{numbers[i]}]" for i in draft.sources)
        rendered = f"{draft.text} {markers}" if markers else draft.text
        lines.setdefault(draft.line, (draft.prefix, []))[1].append(rendered)
    answer = _join_lines([prefix + " ".join(parts) for prefix, parts in lines.values()])
    checked = [
        CheckedSentence(text=d.text, sources=d.sources, verdict=d.verdict or Verdict.UNSUPPORTED,
                        support=d.support, evidence=d.evidence, removed_links=d.removed_links)
        for d in drafts
    ]
    return GuardedAnswer(answer=answer, citations=citations, sentences=checked)


def _join_lines(lines: list[str]) -> str:
    """Paragraphs apart; list items of one list on consecutive lines."""
    text = ""
    for n, line in enumerate(lines):
        if n:
            together = line.startswith("- ") and lines[n - 1].startswith("- ")
            text += "\n" if together else "\n\n"
        text += line
    return text


def _citation(n: int, passage: ScoredChunk, draft: _Draft, evidence: _Evidence) -> Citation:
    chunk = passage.chunk
    quote = draft.evidence if draft.evidence in evidence.units else (
        evidence.sentences[0] if evidence.sentences else "")
    return Citation(n=n, title=chunk.title, source=chunk.source, locator=chunk.locator,
                    url=chunk.url, quote=quote[:300])


# --- words ---------------------------------------------------------------------------------

def _content_words(text: str) -> set[str]:
    return set(stems(text))


def _claim_words(text: str, words_from: int = 2) -> set[str]:
    """Content words and figures: a figure counts as a word, so "35% of £100,000" is three."""
    found = {f"#{f.code or f.value}{'%' if f.percent else ''}"
             for f in figures(text, words_from)}
    return _content_words(text) | found

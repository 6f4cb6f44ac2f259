"""The language-model option: an OpenAI-compatible chat client, the LLM composer and the
output guard that stands between the model and the user.

The model only words the answer. `OutputGuard` keeps a sentence of its answer only when the
sentence cites a source it was given and that passage supports it (or it repeats one of the
engine's decisions), when every figure in it is found in that passage or the decisions, and
when it is not an instruction. Links that no source contains are removed. If nothing
survives, or the model cannot be reached, `LLMComposer` returns the extractive answer.
"""

from __future__ import annotations

import itertools
import json
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Literal
from urllib.parse import urlsplit

import httpx
import numpy as np

from assistant import prompts
from assistant.composer import Composition, ExtractiveComposer, Sentence, split_sentences
from assistant.errors import AssistantError
from assistant.guards import is_instruction_to_assistant
from assistant.reply import Citation
from knowledge.embeddings import Embedder
from knowledge.retrieval import ScoredChunk
from knowledge.words import stems

log = logging.getLogger(__name__)


class LLMError(AssistantError):
    """The language model could not give an answer (unreachable, slow, or a bad response)."""


# --- the client ------------------------------------------------------------------------------

@dataclass(frozen=True)
class ChatMessage:
    role: Literal["system", "user", "assistant"]
    content: str


class ChatClient:
    """Calls `POST {base_url}/chat/completions` on any OpenAI-compatible server."""

    def __init__(self, base_url: str, model: str, api_key: str | None = None,
                 timeout_s: float = 20.0, temperature: float = 0.0,
                 max_tokens: int = 800) -> None:
        parts = urlsplit(base_url.strip()) if isinstance(base_url, str) else None
        if parts is None or parts.scheme not in {"http", "https"} or not parts.netloc:
            raise ValueError(
                f"base_url must be an http:// or https:// address such as "
                f"http://localhost:8000/v1, got {base_url!r}"
            )
        if not isinstance(model, str) or not model.strip():
            raise ValueError(f"model must name the model to call, got {model!r}")
        if api_key is not None and (not isinstance(api_key, str) or not api_key.strip()):
            # the value is a secret: say what is wrong without echoing it
            raise ValueError("api_key is blank; leave it unset for a server that needs no key")
        if isinstance(timeout_s, bool) or not isinstance(timeout_s, int | float) \
                or timeout_s <= 0:
            raise ValueError(f"timeout_s must be a number of seconds above 0, got {timeout_s!r}")
        if not 0.0 <= temperature <= 2.0:
            raise ValueError(f"temperature must be between 0 and 2, got {temperature!r}")
        if max_tokens < 1:
            raise ValueError(f"max_tokens must be at least 1, got {max_tokens!r}")
        self.base_url = base_url.strip().rstrip("/")
        self.model = model.strip()
        self.timeout_s = float(timeout_s)
        self._temperature = temperature
        self._max_tokens = max_tokens
        headers = {"Authorization": f"Bearer {api_key.strip()}"} if api_key else {}
        self._http = httpx.Client(timeout=self.timeout_s, headers=headers)

    @property
    def url(self) -> str:
        return f"{self.base_url}/chat/completions"

    def complete(self, messages: Sequence[ChatMessage]) -> str:
        """The text of the model's reply; `LLMError` with a readable reason otherwise."""
        payload = {
            "model": self.model,
            "messages": [{"role": m.role, "content": m.content} for m in messages],
            "temperature": self._temperature,
            "max_tokens": self._max_tokens,
        }
        try:
            response = self._http.post(self.url, json=payload)
        except httpx.TimeoutException as exc:
            raise LLMError(
                f"the language model at {self.url} did not answer within {self.timeout_s:g} s"
            ) from exc
        except httpx.HTTPError as exc:
            raise LLMError(f"could not reach the language model at {self.url}: {exc}") from exc
        if response.status_code >= 400:
            raise LLMError(
                f"the language model at {self.url} returned HTTP {response.status_code}: "
                f"{_snippet(response.text)}"
            )
        return _message_text(response, self.url)

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> ChatClient:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def _message_text(response: httpx.Response, url: str) -> str:
    try:
        body = response.json()
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise LLMError(
            f"the language model at {url} sent a response that is not JSON: "
            f"{_snippet(response.text)}"
        ) from exc
    try:
        content = body["choices"][0]["message"]["content"]
    except (KeyError, IndexError, TypeError) as exc:
        raise LLMError(
            f"the language model at {url} sent JSON without choices[0].message.content: "
            f"{_snippet(response.text)}"
        ) from exc
    if isinstance(content, list):  # some servers send content as a list of typed parts
        content = "".join(part.get("text", "") for part in content if isinstance(part, dict))
    if not isinstance(content, str) or not content.strip():
        raise LLMError(f"the language model at {url} sent an empty answer")
    return content


def _snippet(text: str, limit: int = 200) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit] + "..."


# --- the output guard ------------------------------------------------------------------------

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
    figures: set[_Figure]
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
        return _URL_RE.sub(" ", self.text)


class OutputGuard:
    """Keeps only the sentences of a model's answer that the sources or decisions support."""

    def __init__(self, embedder: Embedder, config: GuardConfig | None = None) -> None:
        self._embedder = embedder
        self._config = config or GuardConfig()

    def check(self, answer: str, passages: Sequence[ScoredChunk],
              decisions: Sequence[str] = ()) -> GuardedAnswer:
        evidence = [_passage_evidence(p) for p in passages]
        facts = _evidence(list(decisions), context="", pairs=False)
        allowed_links = _allowed_links(passages, evidence, decisions)
        allowed_emails = _allowed_emails(evidence, decisions)
        drafts = _drafts(answer)
        for draft in drafts:
            self._screen(draft, len(passages), allowed_links, allowed_emails)
        self._embed([d for d in drafts if d.verdict is None], evidence, facts)
        for draft in drafts:
            if draft.verdict is None:
                self._judge(draft, evidence, facts)
        return _render(drafts, passages, evidence)

    def _screen(self, draft: _Draft, n_sources: int, links: set[str], emails: set[str]) -> None:
        """The checks that need no embeddings: instructions, links, contacts, citations."""
        draft.text, draft.removed_links = _remove_unlisted_links(draft.text, links)
        if is_instruction_to_assistant(draft.raw) or is_instruction_to_assistant(draft.text):
            draft.verdict = Verdict.INSTRUCTION
        elif any(e.lower() not in emails for e in _EMAIL_RE.findall(draft.text)):
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
        if not all(_figure_allowed(f, allowed) for f in _figures(draft.claim, words_from=2)):
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
        figures=_figures(f"{context}\n" + "\n".join(sentences), words_from=1),
    )


def _for_embedding(text: str) -> str:
    # "GBP 35,000" and "£35,000" are the same amount; the embedder does not know that
    return _CURRENCY_CODE_RE.sub(lambda m: _CURRENCY_SIGNS[m.group(1).upper()], text)


_CURRENCY_SIGNS = {"GBP": "£", "EUR": "€", "USD": "$"}
_CURRENCY_CODE_RE = re.compile(r"\b(GBP|EUR|USD)\s?(?=\d)", re.IGNORECASE)


# --- sentences of the model's answer ---------------------------------------------------------

_CITATION_RE = re.compile(
    r"\[(?:sources?\s*)?(\d+(?:\s*(?:,|-|–|and)\s*\d+)*)\]", re.IGNORECASE
)
_CITATIONS_AFTER_STOP_RE = re.compile(
    r"([.!?])((?:\s*\[(?:sources?\s*)?\d+(?:\s*(?:,|-|–|and)\s*\d+)*\])+)", re.IGNORECASE
)
_BULLET_RE = re.compile(r"^\s*(?:[-*•]|\d{1,2}[.)])\s+")
_HIDDEN_REASONING_RE = re.compile(r"<think>.*?</think>", re.IGNORECASE | re.DOTALL)
_SPACE_BEFORE_STOP_RE = re.compile(r"\s+([.,;:!?])")


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
            text = _tidy(_CITATION_RE.sub("", raw))
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


def _tidy(text: str) -> str:
    text = _SPACE_BEFORE_STOP_RE.sub(r"\1", text)
    text = re.sub(r"\(\s*\)|<\s*>", "", text)
    return " ".join(text.split()).strip(" *_").strip()


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


# --- links and contacts ----------------------------------------------------------------------

_LINK_RE = re.compile(
    r"\[(?P<anchor>[^\]\n]+)\]\((?P<target>[^)\s]+)\)"  # Markdown link
    r"|<(?P<auto>(?:https?://|www\.)[^>\s]+)>"  # autolink
    r"|(?P<bare>(?:https?://|www\.)[^\s<>()\[\]]+)",
    re.IGNORECASE,
)
_URL_RE = re.compile(r"(?:https?://|www\.)[^\s<>()\[\]\"']+", re.IGNORECASE)
_EMAIL_RE = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
_TRAILING = ".,;:!?'\""
_GONE = "\x00"  # where a removed link stood, until the words pointing at it are gone too
# words left stranded when the link after them goes: "apply online at ."
_STRANDED_RE = re.compile(
    r"(?:\s*\b(?:at|via|on|see|visit|from|here)\b:?)?\s*\x00", re.IGNORECASE
)


def _normalise_url(url: str) -> str:
    url = url.strip().rstrip(_TRAILING).lower()
    url = re.sub(r"^https?://", "", url)
    return url.removeprefix("www.").rstrip("/")


def _allowed_links(passages: Sequence[ScoredChunk], evidence: list[_Evidence],
                   decisions: Sequence[str]) -> set[str]:
    texts = [" ".join(e.sentences) for e in evidence] + list(decisions)
    found = {_normalise_url(u) for text in texts for u in _URL_RE.findall(text)}
    found |= {_normalise_url(p.chunk.url) for p in passages if p.chunk.url}
    return found


def _allowed_emails(evidence: list[_Evidence], decisions: Sequence[str]) -> set[str]:
    texts = [" ".join(e.sentences) for e in evidence] + list(decisions)
    return {e.lower() for text in texts for e in _EMAIL_RE.findall(text)}


def _remove_unlisted_links(text: str, allowed: set[str]) -> tuple[str, tuple[str, ...]]:
    removed: list[str] = []

    def replace(match: re.Match[str]) -> str:
        if match.group("anchor") is not None:
            target = match.group("target")
            if _normalise_url(target) in allowed:
                return match.group(0)
            removed.append(target)
            anchor = match.group("anchor")
            return _GONE if _URL_RE.fullmatch(anchor.strip()) else anchor
        url = match.group("auto") or match.group("bare")
        tail = ""
        if match.group("bare"):
            stripped = url.rstrip(_TRAILING)
            url, tail = stripped, url[len(stripped):]
        if _normalise_url(url) in allowed:
            return match.group(0)
        removed.append(url)
        return _GONE + tail

    cleaned = _LINK_RE.sub(replace, text)
    if removed:
        cleaned = _tidy(_STRANDED_RE.sub("", cleaned))
    return cleaned, tuple(removed)


# --- figures ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Figure:
    value: float | None  # None for a code such as a clause number "3.2.1"
    code: str = ""
    percent: bool = False


_FIGURE_RE = re.compile(
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)*)"
    r"(?:(?P<suffix>k|m|mn|bn)(?![a-z])"
    r"|\s?(?P<scale>thousand|million|billion)\b"
    r"|\s?(?P<pct>%|per\s?cent\b|percent\b))?",
    re.IGNORECASE,
)
_SCALES = {"k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "million": 1e6,
           "bn": 1e9, "billion": 1e9}
_UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
          "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
          "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
          "nineteen": 19}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}
_NUMBER_WORD_RE = re.compile(
    rf"\b(?:(?P<tens>{'|'.join(_TENS)})(?:[- ](?P<unit>{'|'.join(list(_UNITS)[:9])}))?"
    rf"|(?P<single>{'|'.join(_UNITS)}))\b"
    r"(?:\s(?P<scale>hundred|thousand|million|billion)\b)?"
    r"(?:\s?(?P<pct>%|per\s?cent\b|percent\b))?",
    re.IGNORECASE,
)


def _figures(text: str, words_from: int) -> set[_Figure]:
    """Numbers in a text, as values: "£2.4bn", "2,400 million" and "GBP 2,400m" agree.

    Number words count too, from `words_from` up: an answer's "one" is usually a pronoun
    ("one of the hubs"), while a source's "one job" vouches for a "1".
    """
    text = _EMAIL_RE.sub(" ", _URL_RE.sub(" ", text))
    found: set[_Figure] = set()
    for match in _FIGURE_RE.finditer(text):
        number = match.group("num").replace(",", "")
        percent = match.group("pct") is not None
        if number.count(".") > 1:
            found.add(_Figure(None, code=number))
            continue
        scale = _SCALES.get((match.group("suffix") or match.group("scale") or "").lower(), 1.0)
        found.add(_Figure(round(float(number) * scale, 4), percent=percent))
    for match in _NUMBER_WORD_RE.finditer(text):
        if match.group("single"):
            value = _UNITS[match.group("single").lower()]
        else:
            value = _TENS[match.group("tens").lower()] + _UNITS.get(
                (match.group("unit") or "").lower(), 0)
        if value < words_from:
            continue
        scale_word = (match.group("scale") or "").lower()
        multiplier = 100.0 if scale_word == "hundred" else _SCALES.get(scale_word, 1.0)
        found.add(_Figure(round(value * multiplier, 4), percent=match.group("pct") is not None))
    return found


def _figure_allowed(figure: _Figure, allowed: set[_Figure]) -> bool:
    if figure.value is None:
        return figure in allowed
    if figure.percent:
        return figure in allowed
    # a bare number may quote a percentage or an amount: "rates of 50, 45 and 35%"
    return any(a.value == figure.value for a in allowed)


# --- words -----------------------------------------------------------------------------------

def _content_words(text: str) -> set[str]:
    return set(stems(text))


def _claim_words(text: str, words_from: int = 2) -> set[str]:
    """Content words and figures: a figure counts as a word, so "35% of £100,000" is three."""
    figures = {f"#{f.code or f.value}{'%' if f.percent else ''}"
               for f in _figures(text, words_from)}
    return _content_words(text) | figures


# --- the composer ----------------------------------------------------------------------------

class LLMComposer:
    """Answers in the model's words, kept only where the output guard finds them supported;
    the extractive answer whenever the model fails or nothing it wrote survives."""

    def __init__(self, client: ChatClient, fallback: ExtractiveComposer, embedder: Embedder,
                 guard_config: GuardConfig | None = None, max_sentences: int = 6) -> None:
        if max_sentences < 1:
            raise ValueError(f"max_sentences must be at least 1, got {max_sentences!r}")
        self._client = client
        self._fallback = fallback
        self._guard = OutputGuard(embedder, guard_config)
        self._max_sentences = max_sentences

    @property
    def guard(self) -> OutputGuard:
        return self._guard

    def messages(self, question: str, passages: Sequence[ScoredChunk],
                 decisions: Sequence[str] = ()) -> list[ChatMessage]:
        return [
            ChatMessage("system", prompts.answer_system_prompt(self._max_sentences)),
            ChatMessage("user", prompts.answer_user_prompt(question, passages, decisions)),
        ]

    def compose(self, question: str, passages: list[ScoredChunk],
                decisions: Sequence[str] = ()) -> Composition:
        if not passages:  # nothing to ground an answer on: the extractive "not found"
            return self._fallback.compose(question, passages)
        try:
            text = self._client.complete(self.messages(question, passages, decisions))
        except LLMError as exc:
            log.warning("using the extractive answer: %s", exc)
            return self._fallback.compose(question, passages)
        guarded = self._guard.check(text, passages, decisions)
        if guarded.dropped:
            log.info("output guard dropped %d of %d sentences: %s", len(guarded.dropped),
                     len(guarded.sentences),
                     ", ".join(s.verdict.value for s in guarded.dropped))
        if not guarded.kept:
            return self._fallback.compose(question, passages)
        return guarded.composition()

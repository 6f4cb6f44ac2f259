"""The composition root: settings in, wired components out. Nothing else reads settings."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from assistant.composer import ExtractiveComposer, RefusalModel
from assistant.composer.policy_view import view_of
from assistant.composer.structured import StructuredAnswers
from assistant.conversations import SqlConversationStore
from assistant.eligibility import EligibilityEngine
from assistant.eligibility.wording import award_short_name
from assistant.engine import AnswerComposer, Assistant
from assistant.facts import FactExtractor
from assistant.guards import InputGuard
from assistant.quotes import AwardQuotes
from assistant.routing import Router
from assistant.settings import Settings
from assistant.signposting import Signposter
from assistant.spelling import Speller, dictionary_words, english_words
from knowledge.chunking import Chunker, ChunkingConfig
from knowledge.clauses import ClauseIndex
from knowledge.embeddings import SentenceTransformerEmbedder, bundled_model_path
from knowledge.errors import KnowledgeError
from knowledge.index import KnowledgeIndex, bundled_knowledge_dir, open_index
from knowledge.ingest import Ingestor
from knowledge.policy import Policy, load_policy
from knowledge.programme import KindWords, load_programme
from knowledge.retrieval import HybridRetriever, RetrievalConfig
from knowledge.tokens import enable_offline_tiktoken, prompt_encoding


def configure_runtime(settings: Settings) -> None:
    """Process-wide switches that keep the assistant offline. Call once, before any model use."""
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ.setdefault("TRANSFORMERS_NO_ADVISORY_WARNINGS", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    enable_offline_tiktoken(settings.data_dir / "tiktoken")


@dataclass
class Components:
    knowledge_dir: Path
    index: KnowledgeIndex
    embedder: SentenceTransformerEmbedder
    ingestor: Ingestor
    retriever: HybridRetriever
    assistant: Assistant


def knowledge_dir(settings: Settings) -> Path:
    return settings.knowledge_dir or bundled_knowledge_dir()


def build(settings: Settings, knowledge: Path | None = None, progress: bool = True,
          embedder: SentenceTransformerEmbedder | None = None) -> Components:
    """Wire the components for one knowledge folder (the configured one unless given)."""
    root = knowledge or knowledge_dir(settings)
    index = open_index(root, settings.data_dir, settings.chroma_url)
    embedder = embedder or SentenceTransformerEmbedder()
    encoding = prompt_encoding()
    chunker = Chunker(
        embedder.count_tokens,
        ChunkingConfig(max_tokens=embedder.max_tokens),
        count_prompt_tokens=lambda text: len(encoding.encode(text, disallowed_special=())),
    )
    retriever = HybridRetriever(index, embedder, RetrievalConfig(k=settings.retrieval_k))
    policy = load_policy(index.root)
    programme = load_programme(index.root)
    eligibility = EligibilityEngine(policy) if policy else None
    extractor = FactExtractor.from_policy(policy) if policy else FactExtractor()
    assistant = Assistant(
        retriever=retriever,
        composer=_composer(settings, embedder, retriever, policy, programme.kinds),
        programme=programme,
        store=SqlConversationStore(settings.conversations_url()),
        router=Router(embedder, programme_words=_named_things(programme.words, policy),
                      place_names=_place_names(policy),
                      catalogue_names=retriever.record_names),
        guard=InputGuard(),
        extractor=extractor,
        policy=policy,
        eligibility=eligibility,
        signposter=Signposter(retriever, _programme_names(policy)),
        clauses=ClauseIndex(index),
        structured=StructuredAnswers(view_of(policy), programme.name, programme.kinds,
                                     programme.contact)
        if policy else None,
        quotes=AwardQuotes(policy, eligibility, programme.kinds, reader=extractor)
        if policy and eligibility else None,
        k=settings.retrieval_k,
        speller=Speller(retriever.words, [
            *english_words(_model_vocabulary()), *dictionary_words(),
            *(word for name in (*_place_names(policy), *_named_things(programme.words, policy))
              for word in re.findall(r"[A-Za-z]+", name))]),
    )
    return Components(index.root, index, embedder,
                      Ingestor(index, embedder, chunker, progress=progress), retriever, assistant)


def _model_vocabulary() -> Path:
    """The bundled embedding model's WordPiece vocabulary, whose whole words are English words
    (an empty path when the model package is missing: no word is then put right)."""
    try:
        return bundled_model_path() / "vocab.txt"
    except KnowledgeError:
        return Path()


def _place_names(policy: Policy | None) -> list[str]:
    """The places the policy's areas name: councils, towns, authorities outside the area."""
    names: list[str] = []
    for area in policy.areas if policy else []:
        names += [*area.councils, *area.towns, *(p.authority for p in area.outside)]
    return names


def _named_things(words: Sequence[str], policy: Policy | None) -> list[str]:
    """The words that mark a message as about the programme: the programme file's, and the
    names the policy gives its programmes, their aliases, awards and funding rounds ("When
    does Round 3 open?" is about the programme, however short)."""
    named = list(words)
    for programme in policy.programmes if policy else []:
        award = [programme.award.name] if programme.award and programme.award.name else []
        named += [programme.name, *programme.aliases, *award, *(r.name for r in programme.rounds)]
    return list(dict.fromkeys(w for w in named if w.strip()))


def _composer(settings: Settings, embedder: SentenceTransformerEmbedder,
              retriever: HybridRetriever, policy: Policy | None = None,
              kinds: Mapping[str, KindWords] | None = None) -> AnswerComposer:
    """Extractive by default; a language model when an endpoint is configured."""
    extractive = ExtractiveComposer(embedder, refusal=RefusalModel.bundled(),
                                    rarity=retriever.word_rarity, offers=_offers(policy),
                                    kinds=kinds)
    if not settings.llm_base_url:
        return extractive
    from assistant.llm import ChatClient, LLMComposer

    client = ChatClient(settings.llm_base_url, settings.llm_model or "",
                        settings.llm_api_key or None, timeout_s=settings.llm_timeout_s)
    return LLMComposer(client, extractive, embedder)


def _offers(policy: Policy | None) -> dict[str, str]:
    """Each name the policy gives an offer (a programme, its aliases, its award's name, and that
    name less its noun: "Design-Sprint" for a Design-Sprint voucher), with the kind of programme
    it belongs to."""
    offers: dict[str, str] = {}
    for programme in policy.programmes if policy else []:
        award = [programme.award.name, award_short_name(programme.award)] \
            if programme.award and programme.award.name else []
        for name in (programme.name, *programme.aliases, *award):
            if name:
                offers.setdefault(name, programme.kind)
    return offers


def _programme_names(policy: Policy | None) -> dict[str, str] | None:
    if policy is None:
        return None
    return {p.hub_slug or p.id: p.name for p in policy.programmes}

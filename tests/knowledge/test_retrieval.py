"""Hybrid retrieval over the bundled knowledge: the right document in the top 3.

The questions in tests/data/retrieval/ were written from the documents, in the words a
business owner would use, not from the engine's output.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.factory import Components
from knowledge.stores import Filters

pytestmark = pytest.mark.slow
DATA = Path(__file__).resolve().parents[1] / "data" / "retrieval"


def _cases(path: Path) -> list[dict[str, str]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


CASES = [case for path in sorted(DATA.glob("*.jsonl")) for case in _cases(path)]
# Measured when the set was written: 52 of 55 (0.945) in the top 3; a drop below this fails.
MIN_HIT_AT_3 = 0.9


def _hit_at_3(components: Components, cases: list[dict[str, str]]) -> tuple[float, list[str]]:
    misses = []
    for case in cases:
        results = components.retriever.search(case["question"], k=3)
        names = [Path(r.chunk.source).name for r in results]
        titles = [r.chunk.title for r in results]
        if case["source"] not in names or ("record" in case and case["record"] not in titles):
            misses.append(f"{case['question']!r}: expected {case['source']}, got {names}")
    return 1 - len(misses) / len(cases), misses


def test_there_are_enough_questions() -> None:
    assert len(CASES) >= 25
    assert len({c["source"] for c in CASES}) >= 15


def test_right_document_in_top_3_for_bundled_questions(bundled: Components) -> None:
    rate, misses = _hit_at_3(bundled, CASES)
    assert len(CASES) - len(misses) >= 25
    assert rate >= MIN_HIT_AT_3, f"hit@3 {rate:.3f}; misses:\n" + "\n".join(misses)


def test_a_folder_written_elsewhere_works_unchanged(tmp_path: Path, embedder,
                                                    make_settings) -> None:
    """Another programme's content, in its own conventions, indexed with no code change."""
    from assistant.factory import build

    folder = DATA.parent / "other-programme"
    components = build(make_settings(tmp_path), folder / "knowledge", progress=False,
                       embedder=embedder)
    report = components.ingestor.ingest()
    # eleven guidance files, and five catalogue sources that name their fields their own way;
    # schema.yaml and policy/ are not sources
    assert report.ok and report.documents.added == 16
    rate, misses = _hit_at_3(components, _cases(folder / "questions.jsonl"))
    assert rate >= MIN_HIT_AT_3, f"hit@3 {rate:.3f}; misses:\n" + "\n".join(misses)


def test_results_carry_scores_from_both_indexes(bundled: Components) -> None:
    results = bundled.retriever.search("three quotations for items over £5,000", k=5)
    assert [r.score for r in results] == sorted((r.score for r in results), reverse=True)
    assert any(r.dense_score is not None and r.lexical_score is not None for r in results)
    assert all(-1.0 <= r.dense_score <= 1.0 for r in results if r.dense_score is not None)


def test_lexical_search_stems_words(bundled: Components) -> None:
    hits = bundled.index.lexical.search("quoting", 10, Filters())
    assert any("quot" in h.chunk.text.lower() for h in hits)
    assert any("quotation" in h.chunk.text.lower() for h in hits)


def test_lexical_search_finds_postcode_districts(bundled: Components) -> None:
    hits = bundled.index.lexical.search("CV8", 5, Filters())
    assert hits and "CV8" in hits[0].chunk.text


def test_filter_by_document_type(bundled: Components) -> None:
    results = bundled.retriever.search("battery testing", k=8,
                                       filters=Filters(doc_type="catalogue"))
    assert len(results) == 8
    assert all(r.chunk.source.startswith("catalogue/") for r in results)


def test_filter_by_partner(bundled: Components) -> None:
    results = bundled.retriever.search("testing facility", k=5, filters=Filters(partner="WMG"))
    assert results and all(r.chunk.partner == "WMG" for r in results)


def test_filter_by_programme(bundled: Components) -> None:
    results = bundled.retriever.search("what support is on offer", k=5,
                                       filters=Filters(programme="medtech-hub"))
    assert results
    assert all("medtech-hub" in r.chunk.programme.split(",") for r in results)


def test_catalogue_records_by_field(bundled: Components) -> None:
    wmg = bundled.retriever.records(partner="WMG")
    assert len(wmg) >= 8 and all(r.get("partner") == "WMG" for r in wmg)
    quantum = bundled.retriever.records(serves="quantum-prehub")
    assert quantum and all("quantum-prehub" in r.values("serves") for r in quantum)
    assert bundled.retriever.records(partner="WMG", name="zzz-no-such") == []


def test_every_citation_locator_is_filled(bundled: Components) -> None:
    results = bundled.retriever.search("Minimal Financial Assistance limit", k=5)
    assert all(r.chunk.locator for r in results)


def test_one_section_does_not_crowd_out_the_rest() -> None:
    from knowledge.documents import Chunk, DocType
    from knowledge.retrieval import ScoredChunk, _varied

    def scored(i: int, locator: str) -> ScoredChunk:
        chunk = Chunk(id=str(i), source="guide.md", title="Guide", doc_type=DocType.GUIDANCE,
                      text=f"passage {i}", context="Guide", locator=locator, index=i)
        return ScoredChunk(chunk, 1.0 - i / 10)

    ranked = [scored(0, "Table"), scored(1, "Table"), scored(2, "Table"), scored(3, "Table"),
              scored(4, "Partners"), scored(5, "Contact"), scored(6, "Table")]
    kept = [s.chunk.id for s in _varied(ranked, 5, per_section=3)]
    assert kept == ["0", "1", "2", "4", "5"]  # the best three of the table, then the others
    # with too few others, the table fills the rest, in rank order
    assert [s.chunk.id for s in _varied(ranked[:5], 5, per_section=3)] == ["0", "1", "2", "3",
                                                                          "4"]


def test_record_names_are_the_catalogue_s_and_read_once_per_index_state(bundled) -> None:
    names = bundled.retriever.record_names()
    assert names == tuple(r.name for r in bundled.retriever.records())
    assert bundled.retriever.record_names() is names  # the same index: not read again

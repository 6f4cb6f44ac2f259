"""Incremental ingestion against a real Chroma store and SQLite FTS5 index in a temp folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.factory import Components, build
from assistant.settings import Settings
from knowledge.embeddings import SentenceTransformerEmbedder
from knowledge.stores import Filters

FAQ = "guidance/faq/frequently-asked-questions.md"
COMPLAINTS = "guidance/policies/complaints-procedure.txt"


class StopRun(Exception):
    """Stands for the process dying part-way through an ingest."""


def _components(knowledge: Path, data: Path, embedder: SentenceTransformerEmbedder) -> Components:
    settings = Settings(_env_file=None, data_dir=data)  # type: ignore[call-arg]
    return build(settings, knowledge, progress=False, embedder=embedder)


def _assert_consistent(components: Components) -> None:
    """Both indexes hold exactly the chunks the manifest accounts for, once each."""
    files = components.index.manifest.files()
    expected = {source: entry.chunks for source, entry in files.items() if entry.chunks}
    assert dict(components.index.vectors.source_counts()) == expected
    assert dict(components.index.lexical.source_counts()) == expected


def _lexical_text(components: Components, query: str, source: str) -> str:
    hits = components.index.lexical.search(query, 20, Filters(sources=(source,)))
    return "\n".join(hit.chunk.text for hit in hits)


def test_second_run_embeds_nothing(small_knowledge: Path, tmp_path: Path,
                                   embedder: SentenceTransformerEmbedder) -> None:
    components = _components(small_knowledge, tmp_path / "data", embedder)
    first = components.ingestor.ingest()
    assert first.ok
    assert first.documents.added == 5
    assert first.chunks.added == first.embedded > 20

    second = components.ingestor.ingest()
    assert second.embedded == 0
    assert second.documents.unchanged == 5
    assert second.chunks.unchanged == first.chunks.added
    assert second.documents.added == second.documents.updated == second.documents.removed == 0
    _assert_consistent(components)


def test_changed_file_replaces_its_chunks(small_knowledge: Path, tmp_path: Path,
                                          embedder: SentenceTransformerEmbedder) -> None:
    components = _components(small_knowledge, tmp_path / "data", embedder)
    components.ingestor.ingest()
    path = small_knowledge / COMPLAINTS
    original = path.read_text(encoding="utf-8")
    path.write_text(original + "\n\n11. Ombudsman\n\nYou may ask the zanzibarian ombudsman to "
                    "review our handling of your complaint.\n", encoding="utf-8")

    report = components.ingestor.ingest()
    assert report.documents.updated == 1
    assert report.documents.unchanged == 4
    assert 0 < report.embedded == report.chunks.updated
    assert "zanzibarian" in _lexical_text(components, "zanzibarian", COMPLAINTS)
    _assert_consistent(components)

    path.write_text(original, encoding="utf-8")
    components.ingestor.ingest()
    assert _lexical_text(components, "zanzibarian", COMPLAINTS) == ""
    _assert_consistent(components)


def test_deleted_file_leaves_both_indexes(small_knowledge: Path, tmp_path: Path,
                                          embedder: SentenceTransformerEmbedder) -> None:
    components = _components(small_knowledge, tmp_path / "data", embedder)
    first = components.ingestor.ingest()
    faq_chunks = components.index.manifest.files()[FAQ].chunks
    (small_knowledge / FAQ).unlink()

    report = components.ingestor.ingest()
    assert report.documents.removed == 1
    assert report.chunks.removed == faq_chunks
    assert report.embedded == 0
    assert FAQ not in components.index.vectors.source_counts()
    assert FAQ not in components.index.lexical.source_counts()
    assert FAQ not in components.index.manifest.files()
    assert components.index.vectors.count() == first.chunks.added - faq_chunks
    _assert_consistent(components)


def test_a_run_stopped_part_way_is_finished_by_the_next(small_knowledge: Path, tmp_path: Path,
                                                        embedder: SentenceTransformerEmbedder
                                                        ) -> None:
    components = _components(small_knowledge, tmp_path / "data", embedder)
    stored: list[str] = []

    def die_on_third_file(source: str) -> None:
        stored.append(source)
        if len(stored) == 3:
            raise StopRun(source)  # chunks written to both indexes, manifest row not yet

    with pytest.raises(StopRun):
        components.ingestor.ingest(after_store=die_on_third_file)
    manifest = components.index.manifest.files()
    assert len(manifest) == 2 and stored[2] not in manifest
    assert stored[2] in components.index.vectors.source_counts()  # the half-done file

    # a file deleted while the index was in that state must not linger either
    (small_knowledge / stored[2]).unlink()
    report = components.ingestor.ingest()
    assert report.ok
    assert report.documents.unchanged == 2
    assert report.documents.added == 2
    assert stored[2] not in components.index.vectors.source_counts()
    _assert_consistent(components)


def test_missing_chunks_are_restored(small_knowledge: Path, tmp_path: Path,
                                     embedder: SentenceTransformerEmbedder) -> None:
    components = _components(small_knowledge, tmp_path / "data", embedder)
    components.ingestor.ingest()
    components.index.vectors.delete_source(FAQ)  # say, a store restored from an old backup

    report = components.ingestor.ingest()
    assert report.documents.updated == 1
    assert report.documents.unchanged == 4
    _assert_consistent(components)


def test_broken_files_are_reported_and_the_rest_indexed(small_knowledge: Path, tmp_path: Path,
                                                        embedder: SentenceTransformerEmbedder
                                                        ) -> None:
    guidance = small_knowledge / "guidance"
    (guidance / "broken.pdf").write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\ntruncated")
    (guidance / "empty.md").write_bytes(b"")
    (guidance / "latin1.txt").write_bytes("Caf\xe9 notice\n\nPrices in \xa3.".encode("latin-1"))
    (guidance / "diagram.png").write_bytes(b"\x89PNG\r\n")
    components = _components(small_knowledge, tmp_path / "data", embedder)

    report = components.ingestor.ingest()
    assert not report.ok
    failed = "\n".join(report.failed)
    for name in ("guidance/broken.pdf", "guidance/empty.md", "guidance/latin1.txt"):
        assert name in failed
    assert "empty" in failed and "UTF-8" in failed
    assert report.skipped == ["guidance/diagram.png: .png files are not read in guidance/"]
    assert report.documents.added == 5
    _assert_consistent(components)


def test_a_file_that_breaks_keeps_its_last_good_chunks(small_knowledge: Path, tmp_path: Path,
                                                       embedder: SentenceTransformerEmbedder
                                                       ) -> None:
    components = _components(small_knowledge, tmp_path / "data", embedder)
    components.ingestor.ingest()
    before = components.index.manifest.files()[COMPLAINTS]
    (small_knowledge / COMPLAINTS).write_bytes(b"\xff\xfe broken \xff")

    report = components.ingestor.ingest()
    assert [f.split(":")[0] for f in report.failed] == [COMPLAINTS]
    assert components.index.manifest.files()[COMPLAINTS] == before
    assert components.index.vectors.source_counts()[COMPLAINTS] == before.chunks
    _assert_consistent(components)


def test_rebuild_embeds_everything_again(small_knowledge: Path, tmp_path: Path,
                                         embedder: SentenceTransformerEmbedder) -> None:
    components = _components(small_knowledge, tmp_path / "data", embedder)
    first = components.ingestor.ingest()
    report = components.ingestor.ingest(rebuild=True)
    assert report.rebuilt
    assert report.embedded == first.embedded
    assert report.documents.added == 5
    _assert_consistent(components)


def test_catalogue_records_are_kept_with_every_field(small_knowledge: Path, tmp_path: Path,
                                                     embedder: SentenceTransformerEmbedder
                                                     ) -> None:
    components = _components(small_knowledge, tmp_path / "data", embedder)
    components.ingestor.ingest()
    records = components.retriever.records()
    assert len(records) >= 12
    assert all(r.source == "catalogue/expert-teams.yaml" for r in records)
    assert all(r.fields.get("partner") for r in records)
    assert all(isinstance(r.fields.get("capabilities"), list) for r in records)


def test_catalogue_schema_is_read_not_indexed_and_a_change_rereads_the_catalogue(
        tmp_path: Path, embedder: SentenceTransformerEmbedder) -> None:
    knowledge = tmp_path / "knowledge"
    (knowledge / "catalogue").mkdir(parents=True)
    (knowledge / "catalogue" / "labs.csv").write_text(
        "Bench,Run by,Offers\nBend rig,Acme,bend testing\n", encoding="utf-8")
    (knowledge / "catalogue" / "teams.json").write_text(
        '[{"team": "Data team", "organisation": "Uni"}]', encoding="utf-8")
    schema = knowledge / "catalogue" / "schema.yaml"
    schema.write_text("files:\n  labs.csv: {name: bench, partner: run by}\n", encoding="utf-8")
    components = _components(knowledge, tmp_path / "data", embedder)
    first = components.ingestor.ingest()
    assert first.ok, first.failed
    assert set(components.index.manifest.files()) == {"catalogue/labs.csv",
                                                      "catalogue/teams.json"}
    assert not first.skipped

    schema.write_text("files:\n  labs.csv: {name: bench, partner: run by, capabilities: offers}\n",
                      encoding="utf-8")
    second = components.ingestor.ingest()
    assert second.ok and second.documents.updated == 2
    assert "Capabilities: bend testing" in _lexical_text(components, "bend", "catalogue/labs.csv")

    schema.write_text("files:\n  lab.csv: {name: bench, nmae: x}\n", encoding="utf-8")
    third = components.ingestor.ingest()
    assert third.failed[0].startswith("catalogue/schema.yaml: line 2: 'nmae' is not one of")
    assert any(f.startswith("catalogue/labs.csv: line 1: no field gives the record's name")
               for f in third.failed)
    assert third.documents.updated == 1  # teams.json, read by common names, is still indexed
    _assert_consistent(components)


def test_a_schema_pattern_matching_no_file_is_reported(
        tmp_path: Path, embedder: SentenceTransformerEmbedder) -> None:
    knowledge = tmp_path / "knowledge"
    (knowledge / "catalogue").mkdir(parents=True)
    (knowledge / "catalogue" / "teams.json").write_text('[{"team": "Data team", "site": "Hull"}]',
                                                        encoding="utf-8")
    (knowledge / "catalogue" / "schema.yaml").write_text(
        "files:\n  team.json: {name: team}\n", encoding="utf-8")
    report = _components(knowledge, tmp_path / "data", embedder).ingestor.ingest()
    assert report.failed == ["catalogue/schema.yaml: line 2: 'team.json' matches no catalogue "
                             "file"]
    assert report.documents.added == 1

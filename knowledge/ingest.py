"""Incremental ingestion of a knowledge folder into its dense and lexical indexes.

An unchanged file (same SHA-256) embeds nothing; a changed file replaces its chunks; a
deleted file leaves both indexes. Chunks are written per file, and the manifest row last, so
a run stopped part-way is finished by the next one, which also removes chunks that no
manifest row accounts for.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from tqdm import tqdm

from knowledge.chunking import Chunker
from knowledge.documents import Chunk, LoadedDocument
from knowledge.embeddings import Embedder
from knowledge.errors import LoaderError
from knowledge.index import SECTIONS, KnowledgeIndex
from knowledge.loaders import is_catalogue_schema, load_file, loader_for
from knowledge.loaders.fields import SCHEMA_FILES, CatalogueSchema, load_schema
from knowledge.manifest import FileEntry

INDEX_FORMAT = "1"  # bump when chunk text or metadata change shape, to force a rebuild


@dataclass
class Tally:
    added: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0

    def as_dict(self) -> dict[str, int]:
        return dict(self.__dict__)


@dataclass
class IngestReport:
    knowledge_dir: str
    documents: Tally = field(default_factory=Tally)
    chunks: Tally = field(default_factory=Tally)
    failed: list[str] = field(default_factory=list)  # "source: problem", one per file
    skipped: list[str] = field(default_factory=list)  # files of a type we do not read
    warnings: list[str] = field(default_factory=list)  # policy citations that cannot be shown
    rebuilt: bool = False
    embedded: int = 0
    seconds: float = 0.0
    phases: dict[str, float] = field(default_factory=dict)  # seconds spent reading, embedding...

    @property
    def ok(self) -> bool:
        return not self.failed

    def as_dict(self) -> dict[str, object]:
        return {
            "knowledge_dir": self.knowledge_dir,
            "documents": self.documents.as_dict(),
            "chunks": self.chunks.as_dict(),
            "failed": self.failed,
            "skipped": self.skipped,
            "warnings": self.warnings,
            "rebuilt": self.rebuilt,
            "embedded": self.embedded,
            "seconds": round(self.seconds, 3),
            "phases": {name: round(value, 3) for name, value in self.phases.items()},
        }


@dataclass
class _Pending:
    source: str
    sha256: str
    documents: list[LoadedDocument]
    chunks: list[Chunk]
    is_new: bool


# Called after a file's chunks are in both indexes and before its manifest row is written:
# the moment a crash leaves the index ahead of the manifest (tests stop runs there).
AfterStore = Callable[[str], None]


class Ingestor:
    def __init__(self, index: KnowledgeIndex, embedder: Embedder, chunker: Chunker,
                 progress: bool = True, encode_batch: int = 64) -> None:
        self._index = index
        self._embedder = embedder
        self._chunker = chunker
        self._progress = progress
        self._encode_batch = encode_batch

    def signature(self) -> str:
        config = self._chunker.config
        return (f"format={INDEX_FORMAT};embedder={self._embedder.name};"
                f"max={config.max_tokens};target={config.target_tokens}")

    def ingest(self, rebuild: bool = False, after_store: AfterStore | None = None) -> IngestReport:
        started = time.perf_counter()
        index = self._index
        report = IngestReport(knowledge_dir=str(index.root))
        if rebuild or index.manifest.get_meta("signature") not in (None, self.signature()):
            self._reset()
            report.rebuilt = True
        index.manifest.set_meta("signature", self.signature())

        on_disk = self._scan(report)
        schema, schema_sha = self._schema(on_disk, report)
        indexed = index.manifest.files()
        stale = self._repair(indexed)

        for source in sorted(set(indexed) - set(on_disk)):
            self._delete(source)
            report.documents.removed += 1
            report.chunks.removed += indexed[source].chunks

        todo: list[tuple[str, Path, str, str]] = []
        for source, (path, section) in sorted(on_disk.items()):
            entry = indexed.get(source)
            sha = _sha256(path)
            if section == "catalogue" and schema_sha:  # a changed mapping re-reads the catalogue
                sha = hashlib.sha256(f"{sha}:{schema_sha}".encode()).hexdigest()
            if entry and entry.sha256 == sha and source not in stale:
                report.documents.unchanged += 1
                report.chunks.unchanged += entry.chunks
            else:
                todo.append((source, path, section, sha))

        report.phases["scan"] = time.perf_counter() - started
        mark = time.perf_counter()
        pending = self._load(todo, indexed, report, schema)
        report.phases["read"] = time.perf_counter() - mark
        mark = time.perf_counter()
        vectors = self._embed([c for p in pending for c in p.chunks])
        report.embedded = len(vectors)
        report.phases["embed"] = time.perf_counter() - mark
        mark = time.perf_counter()
        self._write(pending, vectors, after_store)
        for item in pending:
            if item.is_new:
                report.documents.added += 1
                report.chunks.added += len(item.chunks)
            else:
                report.documents.updated += 1
                report.chunks.updated += len(item.chunks)
        report.phases["write"] = time.perf_counter() - mark
        report.seconds = time.perf_counter() - started
        return report

    def _reset(self) -> None:
        self._index.vectors.reset()
        self._index.lexical.reset()
        self._index.manifest.clear()

    def _scan(self, report: IngestReport) -> dict[str, tuple[Path, str]]:
        found: dict[str, tuple[Path, str]] = {}
        root = self._index.root
        for section in SECTIONS:
            folder = root / section
            if not folder.is_dir():
                continue
            for path in sorted(folder.rglob("*")):
                relative = path.relative_to(root)
                if not path.is_file() or any(p.startswith((".", "_")) for p in relative.parts):
                    continue
                source = relative.as_posix()
                if path.name.lower().startswith("readme") or is_catalogue_schema(source):
                    continue
                if loader_for(section, path) is None:
                    report.skipped.append(f"{source}: {path.suffix or 'no extension'} files "
                                          f"are not read in {section}/")
                    continue
                found[source] = (path, section)
        return found

    def _schema(self, on_disk: dict[str, tuple[Path, str]],
                report: IngestReport) -> tuple[CatalogueSchema | None, str]:
        """The catalogue's field mapping and its hash, or (None, "") when there is none.

        A schema that cannot be read is reported as failed; the catalogue is still read, its
        fields found by their common names.
        """
        found = [name for name in SCHEMA_FILES if (self._index.root / "catalogue" / name).is_file()]
        if not found:
            return None, ""
        path = self._index.root / "catalogue" / found[0]
        source = f"catalogue/{found[0]}"
        sha = _sha256(path)
        try:
            schema = load_schema(path, source)
        except LoaderError as exc:
            report.failed.append(str(exc))
            return CatalogueSchema(), sha
        except (OSError, UnicodeDecodeError) as exc:
            report.failed.append(f"{source}: could not be read ({exc})")
            return CatalogueSchema(), sha
        catalogue = [s for s, (_, section) in on_disk.items() if section == "catalogue"]
        report.failed.extend(schema.unmatched(catalogue))
        return schema, sha

    def _repair(self, indexed: dict[str, FileEntry]) -> set[str]:
        """Remove chunks no manifest row accounts for; return files whose chunks are incomplete."""
        in_vectors = self._index.vectors.source_counts()
        in_lexical = self._index.lexical.source_counts()
        for orphan in (set(in_vectors) | set(in_lexical)) - set(indexed):
            self._delete_chunks(orphan)
        return {source for source, entry in indexed.items()
                if in_vectors.get(source, 0) != entry.chunks
                or in_lexical.get(source, 0) != entry.chunks}

    def _load(self, todo: list[tuple[str, Path, str, str]], indexed: dict[str, FileEntry],
              report: IngestReport, schema: CatalogueSchema | None) -> list[_Pending]:
        pending: list[_Pending] = []
        bar = tqdm(todo, desc="Reading", unit="file", disable=not self._progress or not todo,
                   leave=False)
        for source, path, section, sha in bar:
            try:
                documents = load_file(path, source, section, schema)
                chunks = _renumber([c for doc in documents for c in self._chunker.chunk(doc, sha)])
            except LoaderError as exc:
                report.failed.append(str(exc))
                continue
            except OSError as exc:
                report.failed.append(f"{source}: could not be read ({exc.strerror or exc})")
                continue
            pending.append(_Pending(source, sha, documents, chunks, source not in indexed))
        return pending

    def _embed(self, chunks: list[Chunk]) -> np.ndarray:
        if not chunks:
            return np.zeros((0, 0), dtype=np.float32)
        texts = [c.embed_text for c in chunks]
        parts = []
        step = self._encode_batch * 8
        with tqdm(total=len(texts), desc="Embedding", unit="chunk",
                  disable=not self._progress) as bar:
            for start in range(0, len(texts), step):
                parts.append(self._embedder.embed(texts[start : start + step],
                                                  batch_size=self._encode_batch))
                bar.update(len(parts[-1]))
        return np.vstack(parts)

    def _write(self, pending: list[_Pending], vectors: np.ndarray,
               after_store: AfterStore | None) -> None:
        """New chunks into both indexes in one batch each, then each file's manifest row.

        A stop before a file's row is written leaves its chunks unaccounted for: the next
        run's repair removes them and the file is indexed again.
        """
        for item in pending:
            if not item.is_new:
                self._delete_chunks(item.source)
        chunks = [c for item in pending for c in item.chunks]
        if chunks:
            self._index.vectors.add(chunks, vectors)
            self._index.lexical.add(chunks)
        for item in pending:
            if after_store is not None:
                after_store(item.source)
            entry = FileEntry(item.source, item.sha256, len(item.chunks))
            self._index.manifest.record_file(entry, item.documents)

    def _delete_chunks(self, source: str) -> None:
        self._index.vectors.delete_source(source)
        self._index.lexical.delete_source(source)

    def _delete(self, source: str) -> None:
        self._delete_chunks(source)
        self._index.manifest.forget_file(source)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _renumber(chunks: list[Chunk]) -> list[Chunk]:
    """Number chunks across a whole file (a catalogue file chunks record by record)."""
    from dataclasses import replace

    return [replace(c, index=n, id=hashlib.sha1(f"{c.id}\0{n}".encode()).hexdigest())
            for n, c in enumerate(chunks)]

"""Loaders: one per file format, each turning a file into `LoadedDocument`s that keep structure.

Guidance files give one document each; a catalogue file gives one document per record.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from knowledge.documents import LoadedDocument
from knowledge.errors import LoaderError
from knowledge.loaders import catalogue, docx, html, markdown, pdf, text
from knowledge.loaders.fields import (
    SCHEMA_FILES,
    SYNONYMS_ONLY,
    CatalogueSchema,
    FieldMapping,
    find_schema,
)

Loader = Callable[[Path, str], list[LoadedDocument]]

GUIDANCE_LOADERS: dict[str, Loader] = {
    ".md": markdown.load,
    ".markdown": markdown.load,
    ".html": html.load,
    ".htm": html.load,
    ".pdf": pdf.load,
    ".docx": docx.load,
    ".txt": text.load,
}

# catalogue loaders take the file's field mapping as a third argument
CatalogueLoader = Callable[[Path, str, FieldMapping], list[LoadedDocument]]
CATALOGUE_LOADERS: dict[str, CatalogueLoader] = {
    ".csv": catalogue.load_csv,
    ".json": catalogue.load_json,
    ".yaml": catalogue.load_yaml,
    ".yml": catalogue.load_yaml,
}


def loader_for(section: str, path: Path) -> Loader | CatalogueLoader | None:
    """The loader for a file in a knowledge sub-folder, or None when the format is not ours."""
    suffix = path.suffix.lower()
    return GUIDANCE_LOADERS.get(suffix) if section == "guidance" else CATALOGUE_LOADERS.get(suffix)


def is_catalogue_schema(source: str) -> bool:
    """`catalogue/schema.yaml`: the catalogue's field mapping, read by ingest, not a record file."""
    return source in {f"catalogue/{name}" for name in SCHEMA_FILES}


def load_file(path: Path, source: str, section: str,
              schema: CatalogueSchema | None = None) -> list[LoadedDocument]:
    """Read one file; raises `LoaderError` naming the file when it cannot be used.

    A catalogue file's fields are mapped by `schema` (`catalogue/schema.yaml`); when it is not
    given, the schema beside the file's catalogue folder is read, if there is one.
    """
    loader = loader_for(section, path)
    if loader is None:
        raise LoaderError(source, f"unsupported file type {path.suffix!r} in {section}/")
    if path.stat().st_size == 0:
        raise LoaderError(source, "the file is empty")
    try:
        if section == "catalogue":
            schema = schema if schema is not None else find_schema(path, source)
            mapping = schema.mapping_for(source) if schema is not None else SYNONYMS_ONLY
            documents = CATALOGUE_LOADERS[path.suffix.lower()](path, source, mapping)
        else:
            documents = GUIDANCE_LOADERS[path.suffix.lower()](path, source)
    except LoaderError:
        raise
    except UnicodeDecodeError as exc:
        problem = f"not valid UTF-8 text ({exc.reason} at byte {exc.start})"
        raise LoaderError(source, problem) from exc
    except Exception as exc:  # a parser's own error: report it against the file, go on with others
        raise LoaderError(source, f"could not be read: {type(exc).__name__}: {exc}") from exc
    if not any(doc.blocks for doc in documents):
        raise LoaderError(source, "no text could be extracted")
    return documents

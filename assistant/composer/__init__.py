"""Answer composition from retrieved passages (the extractive composer; the language-model
composer is `assistant.llm`).

- base.py        `Composition` (what a composer returns), `Sentence`, `Lead` (a sentence decided
                 from structured data that opens an answer)
- extractive.py  `ExtractiveComposer`: sentences chosen and shaped for the kind of question
- sentences.py   sentence splitting; list items, table rows, catalogue fields
- refusal.py     whether the chosen sentences answer the question (`RefusalModel`, fitted on
                 the development half of the golden set: `refusal.yaml`)
- structured.py  direct answers from the policy: places in the area, programmes by kind,
                 funding rounds (`StructuredAnswers`, reading the policy through `policy_view`)
"""

from assistant.composer.base import Composition, Lead, Sentence
from assistant.composer.extractive import ComposerConfig, ExtractiveComposer
from assistant.composer.refusal import SIGNALS, RefusalModel
from assistant.composer.sentences import split_sentences

__all__ = ["SIGNALS", "ComposerConfig", "Composition", "ExtractiveComposer", "Lead",
           "RefusalModel", "Sentence", "split_sentences"]

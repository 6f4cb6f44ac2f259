"""Policy files read as YAML with their node trees, so that every problem is reported with
the file and the line it is on."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import (
    BaseModel,
    ValidationError,
)

from knowledge.errors import PolicyError
from knowledge.policy.schema import Loc


@dataclass(frozen=True)
class ParsedFile:
    """One policy file: its path for messages, its YAML node tree (for line numbers) and data."""

    relative: str  # "policy/areas.yaml"
    node: yaml.Node | None
    data: object


@dataclass(frozen=True)
class Problem:
    file: ParsedFile
    loc: Loc
    message: str




def parse_file(path: Path, knowledge_dir: Path) -> ParsedFile:
    relative = path.relative_to(knowledge_dir).as_posix()
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise PolicyError(f"{relative}: cannot be read as UTF-8 text ({exc})") from exc
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        raise PolicyError(f"{relative}{_yaml_problem(exc)}") from exc
    except yaml.YAMLError as exc:
        raise PolicyError(f"{relative}: not valid YAML: {exc}") from exc
    finally:
        loader.dispose()
    parsed = ParsedFile(relative=relative, node=node, data={} if data is None else data)
    duplicate = _duplicate_key(node)
    if duplicate is not None:
        key = duplicate
        raise PolicyError(
            f"{relative}, line {key.start_mark.line + 1}: {key.value!r} is written twice in the "
            f"same mapping; YAML would silently keep only the last one"
        )
    return parsed


def _yaml_problem(exc: yaml.MarkedYAMLError) -> str:
    """", line 12: not valid YAML: ..." with, when the mistake started earlier (an unclosed
    bracket), the line where the construct it broke began."""
    mark = exc.problem_mark or exc.context_mark
    where = f", line {mark.line + 1}" if mark is not None else ""
    text = f"{where}: not valid YAML: {exc.problem or exc.context or 'syntax error'}"
    start = exc.context_mark
    if exc.problem and exc.context and start is not None and mark is not None \
            and start.line != mark.line:
        text += f" ({exc.context} started on line {start.line + 1})"
    return text


def _duplicate_key(node: yaml.Node | None) -> yaml.ScalarNode | None:
    """The second occurrence of a key repeated within one mapping, anywhere in the tree."""
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode):
                if key.value in seen:
                    return key
                seen.add(key.value)
            found = _duplicate_key(value)
            if found is not None:
                return found
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            found = _duplicate_key(item)
            if found is not None:
                return found
    return None


M = TypeVar("M", bound=BaseModel)


def validate_file(model: type[M], parsed: ParsedFile) -> M:
    try:
        return model.model_validate(parsed.data)
    except ValidationError as exc:
        errors = _grouped(exc)
        loc, message = errors[0]
        raise PolicyError(located_message(parsed, loc, message, len(errors) - 1,
                                          "in this file")) from exc


def _grouped(exc: ValidationError) -> list[tuple[Loc, str]]:
    """Pydantic's errors, one per place. A union reports one error per member it tried
    ("value.bool", "value.int", ...): those are merged into one message at the field."""
    places: dict[Loc, list[dict[str, Any]]] = {}
    for error in exc.errors():
        places.setdefault(_data_loc(error), []).append(dict(error))
    return [(loc, _merged(errs)) for loc, errs in places.items()]


def _data_loc(error: Any) -> Loc:
    """The error's location without the union member tags pydantic adds ("list[str]")."""
    return tuple(part for part in error["loc"] if not _is_type_tag(part))


def _is_type_tag(part: str | int) -> bool:
    return isinstance(part, str) and (
        part in ("bool", "int", "float", "str", "date", "datetime", "[key]")
        or "[" in part or part.startswith("function-")
    )


def _merged(errors: list[dict[str, Any]]) -> str:
    messages = list(dict.fromkeys(_wording(e) for e in errors))
    if len(messages) == 1:
        return messages[0] + _got(errors[0])
    options = [m.removeprefix("Input should be ") for m in messages]
    return "Input should be " + ", ".join(options[:-1]) + " or " + options[-1] + \
        _got(errors[0])


def _wording(error: dict[str, Any]) -> str:
    kind = error["type"]
    if kind == "missing":
        return "required, but missing"
    if kind == "extra_forbidden":
        return "not a field here (check the spelling)"
    return str(error["msg"]).removeprefix("Value error, ")


def _got(error: dict[str, Any]) -> str:
    if error["type"] in ("missing", "extra_forbidden", "value_error"):
        return ""
    value = error.get("input")
    if isinstance(value, str | int | float | bool | date):
        return f" (got {value!r})" if not isinstance(value, date) else f" (got {value})"
    return ""


def located_message(parsed: ParsedFile, loc: Loc, problem: str, more: int, scope: str) -> str:
    line, shown = _locate(parsed.node, loc)
    where = f"{parsed.relative}, line {line}"
    field = ".".join(str(part) for part in shown)
    text = f"{where}: {field}: {problem}" if field else f"{where}: {problem}"
    if more:
        text += f" (and {more} more problem{'s' if more > 1 else ''} {scope})"
    return text


def _locate(node: yaml.Node | None, loc: Loc) -> tuple[int, list[str | int]]:
    """The line of the YAML key (or list item) at `loc`, and the part of `loc` shown to the
    user. A missing key is reported at the line of the mapping that should hold it."""
    line = node.start_mark.line + 1 if node is not None else 1
    shown: list[str | int] = []
    for n, part in enumerate(loc):
        child = _child(node, part)
        if child is None:
            if n == len(loc) - 1:
                shown.append(part)  # a missing key: named, at its parent's line
            break
        key, node = child
        line = key.start_mark.line + 1
        shown.append(part)
    return line, shown


def _child(node: yaml.Node | None, part: str | int) -> tuple[yaml.Node, yaml.Node] | None:
    """(the node whose line to report, the node to descend into) for one step of a path."""
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and key.value == str(part):
                return key, value
    elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and \
            0 <= part < len(node.value):
        return node.value[part], node.value[part]
    return None

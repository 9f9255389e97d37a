"""The pipeline's attribute ruler, matched through an index instead of spaCy's general ``Matcher``.

The English pipeline's ``attribute_ruler`` maps tags to parts of speech and morphology with about
180 one- and two-token rules (``{"TAG": "NN"}``, ``{"LOWER": "ai", "TAG": {"IN": ["VBP", "VBZ"]}}``).
spaCy's ``Matcher`` tries every rule at every token, which costs about a tenth of the whole parse.
:func:`install` gives the ruler a ``match`` that looks rules up by the first token's tag and lower
form and returns the very same match list (rule order, then position), so the ruler's own
``set_annotations`` sets exactly the attributes it would have set.

Only rules made of the predicates below are indexed: plain values, ``IN`` and ``NOT_IN`` lists and
``REGEX`` (a ``re.search``, as spaCy does) on ``TAG``, ``LOWER``, ``DEP`` and ``IS_SPACE``, no
operators. A ruler with any other rule is left as it is (another pipeline package may have them).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.strings import StringStore
    from spacy.tokens import Doc

# A token predicate over the attribute columns of a parse (hashes in the string store, ``IS_SPACE``
# 0 or 1): ``(column, test)`` where the test takes the column's value.
Check = tuple[int, Callable[[int], bool]]
_COLUMNS = ("TAG", "LOWER", "DEP", "IS_SPACE")


@dataclass(frozen=True, slots=True)
class _Rule:
    number: int  # the ruler's rule id: later rules take precedence
    key: int  # its match id (the string store's hash of the id)
    length: int  # tokens
    checks: tuple[tuple[int, int, Callable[[int], bool]], ...]  # (token offset, column, test)


def _check(attr: str, spec: object, strings: StringStore) -> Check | None:
    if attr not in _COLUMNS:
        return None
    column = _COLUMNS.index(attr)
    if attr == "IS_SPACE":
        if not isinstance(spec, bool):
            return None
        wanted = int(spec)
        return column, lambda v: v == wanted
    if isinstance(spec, Mapping):
        values = next(iter(spec.values())) if len(spec) == 1 else None
        if isinstance(values, list) and not all(isinstance(v, str) for v in values):
            return None
        if set(spec) == {"IN"} and isinstance(values, list):
            allowed = frozenset(strings.add(v) for v in values)
            return column, lambda v: v in allowed
        if set(spec) == {"NOT_IN"} and isinstance(values, list):
            barred = frozenset(strings.add(v) for v in values)
            return column, lambda v: v not in barred
        if set(spec) == {"REGEX"} and isinstance(spec["REGEX"], str):
            search = re.compile(spec["REGEX"]).search
            return column, lambda v: search(strings[v]) is not None
        return None
    if isinstance(spec, str):
        wanted = strings.add(spec)
        return column, lambda v: v == wanted
    return None


def _first_values(token: Mapping[str, Any], strings: StringStore) -> tuple[int, list[int]] | None:
    """A column and the values in it (hashes; 0/1 for ``IS_SPACE``) one of which the first token of
    a rule must have, when there is such a short list; ``None`` otherwise."""
    for column, attr in enumerate(_COLUMNS):
        spec = token.get(attr)
        if isinstance(spec, bool):
            return column, [int(spec)]
        if isinstance(spec, str):
            return column, [strings.add(spec)]
        if isinstance(spec, Mapping) and set(spec) == {"IN"} and all(isinstance(v, str) for v in spec["IN"]):
            return column, [strings.add(v) for v in spec["IN"]]
    return None


class IndexedMatch:
    """A drop-in for ``AttributeRuler.match`` over rules found through the first token's attributes."""

    def __init__(self, rules: Sequence[tuple[_Rule, tuple[int, list[int]] | None]]) -> None:
        from spacy.attrs import IDS

        self.attr_ids = [IDS[name] for name in _COLUMNS]
        self.by_value: tuple[dict[int, list[_Rule]], ...] = tuple({} for _ in _COLUMNS)
        self.always: list[_Rule] = []
        for rule, first in rules:
            if first is None:
                self.always.append(rule)
                continue
            column, values = first
            for value in values:
                self.by_value[column].setdefault(value, []).append(rule)

    def __call__(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        columns = doc.to_array(self.attr_ids).T.tolist()
        n = len(doc)
        found: list[tuple[int, int, int, int]] = []
        lookups = [(index, column) for index, column in zip(self.by_value, columns, strict=True) if index]
        for start in range(n):
            for index, column in lookups:
                rules = index.get(column[start])
                if rules:
                    _match(rules, columns, start, n, found)
            if self.always:
                _match(self.always, columns, start, n, found)
        found.sort()
        return found


def _match(
    rules: list[_Rule], columns: list[list[int]], start: int, n: int, found: list[tuple[int, int, int, int]]
) -> None:
    for rule in rules:
        end = start + rule.length
        if end > n:
            continue
        for offset, column, test in rule.checks:
            if not test(columns[column][start + offset]):
                break
        else:
            found.append((rule.number, rule.key, start, end))


def compile_rules(patterns: Sequence[Mapping[str, Any]], strings: StringStore) -> IndexedMatch | None:
    """An :class:`IndexedMatch` for a ruler's ``patterns`` (its rules in id order; the rule id as a
    string is its match key in ``strings``), or ``None`` when some rule uses what it does not
    handle."""
    rules: list[tuple[_Rule, tuple[int, list[int]] | None]] = []
    for number, rule in enumerate(patterns):
        for pattern in rule["patterns"]:
            if not pattern:
                return None
            checks: list[tuple[int, int, Callable[[int], bool]]] = []
            for offset, token in enumerate(pattern):  # a token without predicates is any token
                for attr, spec in token.items():
                    check = _check(attr, spec, strings)
                    if check is None:
                        return None  # an operator, another attribute or predicate: not handled
                    checks.append((offset, *check))
            compiled = _Rule(number, strings[str(number)], len(pattern), tuple(checks))
            rules.append((compiled, _first_values(pattern[0], strings)))
    return IndexedMatch(rules)


def install(nlp: Language) -> bool:
    """Give the pipeline's ``attribute_ruler`` (if any) the indexed ``match``; ``False`` when it has
    none or rules this module does not handle (then it keeps spaCy's own matcher)."""
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    ruler: Any = nlp.get_pipe("attribute_ruler")
    if not callable(getattr(ruler, "match", None)) or not hasattr(ruler, "patterns"):
        return False
    matcher = compile_rules(ruler.patterns, nlp.vocab.strings)
    if matcher is None:
        return False
    ruler.match = matcher
    return True

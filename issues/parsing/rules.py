"""Named rules: what the parser knows, one row each, kept in ordered tables by stage.

A rule has a name (what `--explain` prints), what it recognises in words, an example
from invented text (its tests read it back), a test and, where a decision weighs several
clues, a weight: positive for one reading, negative for the other. Tables live beside the
stage that uses them: closing lines in closings.py, story boundaries in boundaries.py.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Rule(Generic[T]):
    name: str
    recognises: str
    example: str
    test: Callable[[T], bool] = field(repr=False)
    weight: float = 0.0


@dataclass(frozen=True)
class Verdict:
    """The evidence weighed for one decision: the rules that fired, their weights, the total."""

    score: float
    fired: tuple[tuple[str, float], ...]

    def to_dict(self) -> dict:
        return {"score": round(self.score, 2), "rules": [{"rule": n, "weight": w} for n, w in self.fired]}


def first_match(table: Sequence[Rule[T]], subject: T) -> Rule[T] | None:
    """The first rule of an ordered table that recognises the subject (a line's kind)."""
    return next((rule for rule in table if rule.test(subject)), None)


def totals(table: Sequence[Rule]) -> tuple[float, float]:
    """The table's positive weights summed, and its negative ones (as a positive number)."""
    return sum(r.weight for r in table if r.weight > 0), sum(-r.weight for r in table if r.weight < 0)


def weigh(
    table: Sequence[Rule[T]], subject: T, bias: float = 0.0, table_totals: tuple[float, float] | None = None
) -> Verdict:
    """Sum the weights of the rules that fire: a score above zero is the positive reading.

    The rules are tried in the table's order, and the weighing stops once the rules left
    could not bring the sum across zero: put the cheap, heavy clues first. `table_totals` is
    totals(table), computed once by the caller of a fixed table.
    """
    ahead, against = table_totals or totals(table)
    score, fired = bias, []
    for rule in table:
        if score > against or -score >= ahead:
            break  # decided: what is left cannot change the sign
        if rule.weight > 0:
            ahead -= rule.weight
        else:
            against += rule.weight
        if rule.test(subject):
            score += rule.weight
            fired.append((rule.name, rule.weight))
    return Verdict(score, tuple(fired))

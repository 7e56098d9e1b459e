"""A planning problem: library, client and sport profile resolved into the optimizer's inputs.

Everything here is a pure function of frozen values, cheap to rebuild for a what-if variant.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property

from workbench.client import (
    GENERAL,
    Client,
    SportProfile,
    Target,
    resolve_priorities,
    resolve_targets,
    validate_client,
)
from workbench.glossary import WEEKDAYS, level_rank
from workbench.library import Exercise, Library

__all__ = ["Problem", "adjacent_pairs", "exclusion_reasons", "make_problem"]


@dataclass(frozen=True)
class Problem:
    library: Library
    client: Client
    profile: SportProfile
    targets: dict[str, Target]
    priorities: dict[str, float]

    @cached_property
    def eligible(self) -> tuple[Exercise, ...]:
        """Exercises the client may do: equipment, level, avoided tags and bans (hard limits 3, 4)."""
        return tuple(e for e in self.library.exercises if not exclusion_reasons(e, self.client))

    @property
    def weekdays(self) -> tuple[str, ...]:
        return tuple(d for d in WEEKDAYS if d in self.client.weekdays)

    @property
    def shortfall_muscles(self) -> tuple[str, ...]:
        """Posterior-chain muscles with a positive weekly minimum: the ones a plan must cover."""
        return tuple(m.id for m in self.library.posterior_chain if self.targets[m.id].min_sets > 0)


def exclusion_reasons(exercise: Exercise, client: Client) -> list[str]:
    """Why a client may not do ``exercise`` (empty when allowed)."""
    reasons = []
    missing = sorted(exercise.needs - client.available_equipment)
    if missing:
        reasons.append("needs " + ", ".join(missing))
    if level_rank(exercise.level) > level_rank(client.level):
        reasons.append(f"is {exercise.level}")
    avoided = sorted(set(exercise.tags) & set(client.avoid))
    if avoided:
        reasons.append("carries avoided tag " + ", ".join(avoided))
    if exercise.id in client.ban:
        reasons.append("is banned")
    return reasons


def adjacent_pairs(weekdays: tuple[str, ...]) -> list[tuple[str, str]]:
    """Training days that fall on consecutive calendar days, Sun->Mon included (hard limit 8)."""
    days = set(weekdays)
    return [
        (WEEKDAYS[i], WEEKDAYS[(i + 1) % 7])
        for i in range(7)
        if WEEKDAYS[i] in days and WEEKDAYS[(i + 1) % 7] in days and len(days) > 1
    ]


def make_problem(
    library: Library,
    client: Client,
    profiles: Mapping[str, SportProfile] | None = None,
    *,
    file: str = "client",
) -> Problem:
    """Validate ``client`` against ``library`` and resolve targets and priorities."""
    validate_client(client, library, profiles, file=file)
    profile = (profiles or {}).get(client.sport, GENERAL)
    return Problem(
        library=library,
        client=client,
        profile=profile,
        targets=resolve_targets(library, client, profile),
        priorities=resolve_priorities(library, client, profile),
    )

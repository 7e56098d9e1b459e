"""The hard limits of a weekly plan (PRODUCT.md, v2; limit 2 counts the warm-up since v3): the one list that the optimizer's
constraints, the independent checker, the explainer and the test oracle share.

Everything not listed here is a preference, valued by the optimizer's coach value and judged
by the coach's rubric (:mod:`workbench.quality`).
"""

from __future__ import annotations

from enum import Enum

__all__ = ["HardLimit"]


class HardLimit(Enum):
    """A hard limit: its number in the contract and what it says.

    ``PLAN_MATCHES_LIBRARY`` (0) is not a limit of the contract but the checker's
    precondition: a plan read from a file must describe the library's exercises.
    """

    PLAN_MATCHES_LIBRARY = (0, "the plan agrees with the library")
    WEEKDAYS = (1, "training only on the client's weekdays, one session a weekday")
    SESSION_MINUTES = (2, "session minutes and warm-up within the booked minutes")
    EQUIPMENT = (3, "equipment available")
    ELIGIBILITY = (4, "level, avoided tags and bans respected")
    SETS_PER_EXERCISE = (5, "each exercise once a session with its minimum to maximum sets")
    REQUIRED = (6, "required exercises present")
    MUSCLE_MAXIMUM = (7, "no muscle above its maximum")
    RECOVERY = (8, "no muscle primary on consecutive calendar days")
    EXERCISES_PER_SESSION = (9, "no session above the client's exercise cap")

    def __init__(self, number: int, text: str) -> None:
        self.number = number
        self.text = text

    @classmethod
    def of(cls, number: int) -> HardLimit:
        for limit in cls:
            if limit.number == number:
                return limit
        raise ValueError(f"no hard limit {number}")

    @classmethod
    def contract(cls) -> tuple[HardLimit, ...]:
        """The limits of the contract, 1 to 9 (without the checker's precondition)."""
        return tuple(limit for limit in cls if limit.number > 0)

    def __str__(self) -> str:
        return f"limit {self.number} ({self.text})"

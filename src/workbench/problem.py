"""A planning problem: library, client, sport profile, coach weights and the coach's standards
resolved into the optimizer's and the rubric's inputs.

Everything here is a pure function of frozen values, cheap to rebuild for a what-if variant.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from functools import cached_property

from workbench.client import (
    GENERAL,
    Client,
    FrozenMap,
    SportProfile,
    Target,
    floor_share,
    resolve_priorities,
    resolve_targets,
    small_floor_share,
    validate_client,
)
from workbench.coaching import CoachWeights
from workbench.glossary import WEEKDAYS, level_rank
from workbench.library import Exercise, Library
from workbench.rules import HardLimit
from workbench.standards import DEFAULT_STANDARDS, Standards

__all__ = [
    "ALL_LIMITS",
    "Problem",
    "adjacent_pairs",
    "calendar_runs",
    "exclusion_reasons",
    "make_problem",
]

ALL_LIMITS: frozenset[HardLimit] = frozenset(HardLimit)
EPSILON = 1e-6


#: The knee bend a cranky knee takes under load without cost [degrees]: a step-up or a box
#: squat to a right angle.
KNEE_SPARED = 90
#: Movement patterns a coach reads as the legs' (knee-dominant) work.
KNEE_DOMINANT = frozenset({"squat", "lunge"})


@dataclass(frozen=True)
class Problem:
    library: Library
    client: Client
    profile: SportProfile
    targets: Mapping[str, Target]
    priorities: Mapping[str, float]
    weights: CoachWeights
    #: The coach's standards the week is judged by: the rubric's, with the sport profile's
    #: ``[standards]`` overrides.
    standards: Standards = DEFAULT_STANDARDS

    @cached_property
    def eligible(self) -> tuple[Exercise, ...]:
        """Exercises the client may do: equipment, level, avoided tags and bans (limits 3, 4)."""
        return tuple(e for e in self.library.exercises if not exclusion_reasons(e, self.client))

    def allowed(self, enforced: frozenset[HardLimit] = ALL_LIMITS) -> tuple[Exercise, ...]:
        """Exercises the optimizer may place when only ``enforced`` limits hold."""
        return tuple(
            e
            for e in self.library.exercises
            if not exclusion_reasons(e, self.client, enforced=enforced)
        )

    def upper_sets(self, exercise: Exercise, enforced: frozenset[HardLimit] = ALL_LIMITS) -> int:
        """Most sets of ``exercise`` in one session that the ``enforced`` limits allow."""
        client = self.client
        bound = client.max_sets_per_exercise
        if HardLimit.SESSION_MINUTES in enforced:
            bound = min(bound, math.floor(client.work_minutes / exercise.set_minutes + EPSILON))
        if HardLimit.MUSCLE_MAXIMUM in enforced:
            for muscle, weight in exercise.muscle_weights.items():
                bound = min(bound, math.floor(self.targets[muscle].max_sets / weight + EPSILON))
        return max(bound, 0)

    def placeable(self, enforced: frozenset[HardLimit] = ALL_LIMITS) -> tuple[Exercise, ...]:
        """Allowed exercises that can be placed at all: their fewest sets fit the limits."""
        fewest = self.client.min_sets_per_exercise if HardLimit.SETS_PER_EXERCISE in enforced else 1
        return tuple(e for e in self.allowed(enforced) if self.upper_sets(e, enforced) >= fewest)

    def sport_lift(self, exercise_id: str) -> frozenset[str]:
        """A sport's defining lift (``[specific.lifts]``) and the variants of it the client
        asks for, which stand in for it: a required sumo deadlift is a powerlifter's deadlift
        (a drawn week of 2026-12-08: a conventional deadlift held its day for the sport, and
        the required sumo got five sets a week, one short of C12's six)."""
        if not self.library.has_exercise(exercise_id):
            return frozenset({exercise_id})  # a library without it (an imported one)
        lift = self.library.exercise(exercise_id)
        asked = (
            self.library.exercise(other)
            for other in self.client.require
            if self.library.has_exercise(other)
        )
        return frozenset(
            {exercise_id}
            | {
                e.id
                for e in asked
                if (e.family, e.pattern, e.equipment) == (lift.family, lift.pattern, lift.equipment)
            }
        )

    def sport_lift_days(self, exercise_id: str, placeable: frozenset[str]) -> int:
        """The days a week a sport's defining lift is asked for (``[specific.lifts]``), at
        most the training days. A heavy spinal row is assistance, not a competition lift: it
        goes on the sessions the sport's squats and deadlifts (``placeable``) leave free, one
        heavy spinal lift a session (COACHING.md C18): a strength athlete's barbell row on
        four days of training, none on three."""
        lifts = self.profile.specific.lifts
        training = len(self.weekdays)
        goal = min(lifts[exercise_id], training)
        if not self.library.has_exercise(exercise_id):
            return goal

        def heavy_row(lift: Exercise) -> bool:
            return lift.heavy_spinal and lift.pattern == "horizontal_pull"

        if not heavy_row(self.library.exercise(exercise_id)):
            return goal
        others = (
            (self.library.exercise(other), days)
            for other, days in lifts.items()
            if other != exercise_id and self.library.has_exercise(other)
        )
        taken = sum(
            min(days, training)
            for lift, days in others
            if lift.heavy_spinal and not heavy_row(lift) and self.sport_lift(lift.id) & placeable
        )
        return max(0, min(goal, training - taken))

    def in_scope(self, exercises: tuple[Exercise, ...]) -> tuple[Exercise, ...]:
        """``exercises`` less, in posterior-chain scope, the lifts whose prime movers are all
        anterior, unless the client asks for one: a press is the client's other training
        (round 80: a pike push-up for a posterior-chain runner's upper trapezius and serratus,
        "outside the posterior-chain-only scope"; the coaches' serratus work there is a push-up
        plus or a serratus punch)."""
        if not self.client.posterior_only:
            return exercises
        required = set(self.client.require)
        return tuple(e for e in exercises if e.id in required or not self.library.anterior_only(e))

    @property
    def weekdays(self) -> tuple[str, ...]:
        return tuple(d for d in WEEKDAYS if d in self.client.weekdays)

    def spared(self, exercise: Exercise) -> bool:
        """Whether a coach would not count ``exercise`` as its family's staple for this
        client, allowed as it is: jumps for a knee or a back to spare, lunges past a right
        angle for a knee to spare, squats and lunges in posterior-chain scope (round 14: a
        runner's staple pogo hops and walking lunges for a marathoner's cranky knee, in a
        posterior-chain week). Nor a beginner's swing, clean or snatch the client did not
        ask for (the blind reviews of rounds 22-24: swings opening the weeks of unsupervised
        beginners aged 42-55, "before the hinge has been taught through the RDL", in four
        weeks of three rounds; NSCA Essentials: the slow lifts first), nor one for a back to
        spare (round 34: a dumbbell swing in the week of a client with an old back tweak,
        "ballistic hinging ... what I would hold back with a back history")."""
        client = self.client
        knee = "deep_knee_flexion" in client.avoid
        back = "high_spinal_load" in client.avoid
        # A swing kept with care is the staple it is; a jump kept with care is power work
        # a coach may give, not a staple the week is asked for.
        careful = self.power_with_care(exercise) and not exercise.impact
        if (
            (client.level == "beginner" or (back and not careful))
            and exercise.explosive
            and exercise.pattern == "hinge"
            and exercise.id not in client.require
            and exercise.family not in self.profile.specific.families
        ):
            return True
        if exercise.impact and (knee or back):
            return True
        if knee and exercise.pattern == "lunge" and exercise.knee_flexion > KNEE_SPARED:
            return True
        # In posterior-chain scope, squats and lunges and anterior-only work (a close-grip
        # bench: round 30, a posterior-chain strongman's "out of scope") are the client's
        # other training.
        return client.posterior_only and (
            exercise.pattern in KNEE_DOMINANT or self.library.anterior_only(exercise)
        )

    def power_with_care(self, exercise: Exercise) -> bool:
        """Whether ``exercise`` is power work a coach keeps, with care, for a power sport's
        athlete whose back is spared (an old back tweak, a disc history): the two-hand swing,
        a two-footed jump at low spinal load (a squat or box jump) and a light medicine-ball
        throw (not the slam). Rounds 55-62: four fighters and grapplers with an old back tweak went without
        any explosive or rotational work (swings, jumps and twisting throws all spared), "no
        power for a fighter"; the coaches gave swings and box jumps with care. Bounds, hops,
        sprints, sprawls, cleans and loaded twisting (a cable woodchop, a Russian twist) stay
        spared. A striker keeps the band woodchop, standing, hip-driven, against a light
        elastic pull (round 82: a Muay Thai fighter with an old back tweak and a hotel gym's
        band had "no rotational power at all", beside a coach's woodchops on two days; round
        34's objection was a cable's load)."""
        if "high_spinal_load" not in self.client.avoid or "power" not in self.profile.patterns:
            return False
        if exercise.family == "kettlebell_swing":
            return True
        if exercise.pattern == "rotation" and exercise.equipment == ("band",):
            return "rotation" in self.profile.specific.families
        if exercise.impact:
            return exercise.pattern == "squat" and exercise.spinal_load in ("none", "low")
        # Not the slam: a hard flexion at speed (rounds 67-68, "a poor fit for a disc history").
        return (
            exercise.explosive
            and exercise.equipment == ("medicine_ball",)
            and exercise.family != "slam"
        )

    @property
    def own_families(self) -> frozenset[str]:
        """The families the sport sets apart as its specifics (a fighter's throws, slams,
        sprawls and rotation; a grappler's adduction), and the accessories that train the
        muscles it names (a runner's calf raises and hip abduction): they lead a session's work
        after its main lifts (:func:`~workbench.plan.session_order`; rounds 73-75: a runner's
        "calves last despite the runner brief")."""
        muscles = set(self.profile.specific.muscles)
        trained = {
            e.family
            for e in self.library.exercises
            if e.role == "accessory" and muscles & set(e.primary_muscles)
        }
        return frozenset(self.profile.specific.families) | frozenset(trained)

    def out_of_scope(self, exercise: Exercise) -> bool:
        """Whether ``exercise`` is work a posterior-chain week leaves to the client's other
        training (squats, lunges, anterior-only work: :meth:`spared` in that scope), so no
        staple, sport specific or defining lift of it is asked."""
        return self.client.posterior_only and self.spared(exercise)

    @property
    def shortfall_muscles(self) -> tuple[str, ...]:
        """Posterior-chain muscles with a positive weekly minimum: the ones a plan must cover."""
        return tuple(m.id for m in self.library.posterior_chain if self.targets[m.id].min_sets > 0)

    def with_client(self, client: Client) -> Problem:
        """The same library, profile, weights and standards for ``client`` (already
        validated), its bands and priorities resolved again: a longer week carries more of
        each floor."""
        return replace(
            self,
            client=client,
            targets=_targets(self.library, client, self.profile, self.weights, self.standards),
            priorities=FrozenMap(resolve_priorities(self.library, client, self.profile)),
        )

    @property
    def floor_share(self) -> float:
        """The share of the library's and the profile's floors this week carries (1 unless
        the week is short: ``data/coaching.toml``, ``full_floor_minutes``)."""
        weights = self.weights
        return floor_share(self.client, weights.full_floor_minutes, weights.full_floor_sessions)

    @property
    def required_weekly_sets(self) -> float:
        """C12's weekly sets of a required exercise in this week: the standards' six, or one
        session's dose (three) in a week that cannot reach six (one session of at most five
        sets: round 42, a desk worker's one 25-minute session gave its required glute bridge a
        third of the time), the week's share of six where it carries only part of the floors
        (a short week, :attr:`floor_share` below 1; never below a session's three: round 101,
        a 62-year-old's required farmer carry on two of three 15-minute sessions, 12 of 45
        minutes, "two farmer carries" against the coach's one)."""
        standards = self.standards
        weekly = standards.required_weekly_sets
        session = min(weekly, standards.required_session_sets)
        if self.client.max_sets_per_exercise * len(self.weekdays) < weekly:
            return session
        # The week's share of the six, to the nearest whole set, never below a session's.
        return max(session, min(weekly, math.floor(weekly * self.floor_share + 0.5)))

    @property
    def small_floor_share(self) -> float:
        """The share of a small muscle's floor this week carries (less than
        :attr:`floor_share` in a short week: :func:`~workbench.client.small_floor_share`)."""
        return small_floor_share(self.floor_share)

    @property
    def weekly_minutes(self) -> float:
        return self.client.minutes_per_session * len(self.weekdays)


def exclusion_reasons(
    exercise: Exercise, client: Client, *, enforced: frozenset[HardLimit] | None = None
) -> list[str]:
    """Why a client may not do ``exercise`` (empty when allowed) under the ``enforced`` limits
    (default: all of them)."""
    enforced = ALL_LIMITS if enforced is None else enforced
    reasons = []
    missing = sorted(exercise.needs - client.available_equipment)
    if missing and HardLimit.EQUIPMENT in enforced:
        reasons.append("needs " + ", ".join(missing))
    if HardLimit.ELIGIBILITY in enforced:
        if level_rank(exercise.level) > level_rank(client.level):
            reasons.append(f"is {exercise.level}")
        avoided = sorted(set(exercise.tags) & set(client.avoid))
        if avoided:
            reasons.append("carries avoided tag " + ", ".join(avoided))
        if exercise.id in client.ban:
            reasons.append("is banned")
    return reasons


def adjacent_pairs(weekdays: tuple[str, ...]) -> list[tuple[str, str]]:
    """Training days that fall on consecutive calendar days, Sun->Mon included (limit 8)."""
    days = set(weekdays)
    return [
        (WEEKDAYS[i], WEEKDAYS[(i + 1) % 7])
        for i in range(7)
        if WEEKDAYS[i] in days and WEEKDAYS[(i + 1) % 7] in days and len(days) > 1
    ]


def calendar_runs(weekdays: Iterable[str]) -> list[tuple[str, ...]]:
    """The training days in runs of consecutive calendar days (Sun->Mon wraps, as for
    recovery), each from its first day, in the order of those first days; isolated days are
    runs of one, and a week of seven days is one run from Monday."""
    held = set(weekdays)
    if len(held) == len(WEEKDAYS):
        return [WEEKDAYS]
    runs = []
    for index, day in enumerate(WEEKDAYS):
        if day in held and WEEKDAYS[index - 1] not in held:
            run = [day]
            following = (index + 1) % len(WEEKDAYS)
            while WEEKDAYS[following] in held:
                run.append(WEEKDAYS[following])
                following = (following + 1) % len(WEEKDAYS)
            runs.append(tuple(run))
    return runs


def _targets(
    library: Library,
    client: Client,
    profile: SportProfile,
    weights: CoachWeights,
    standards: Standards,
) -> FrozenMap[str, Target]:
    """The client's bands; in a short week the prime movers (and any muscle the profile or
    the client raises) keep the week's share of their floors, the small muscles less."""
    share = floor_share(client, weights.full_floor_minutes, weights.full_floor_sessions)
    priorities = resolve_priorities(library, client, profile)
    prime = {*standards.prime_movers, *(m for m, p in priorities.items() if p > 1.0)}
    return FrozenMap(resolve_targets(library, client, profile, share=share, prime=prime))


def make_problem(
    library: Library,
    client: Client,
    profiles: Mapping[str, SportProfile] | None = None,
    weights: CoachWeights | None = None,
    *,
    file: str = "client",
    standards: Standards = DEFAULT_STANDARDS,
) -> Problem:
    """Validate ``client`` against ``library`` and resolve targets, priorities and standards.

    ``weights`` default to the shipped ``data/coaching.toml``; ``standards`` (default: the
    rubric's) get the sport profile's ``[standards]`` overrides.
    """
    validate_client(client, library, profiles, file=file)
    profile = (profiles or {}).get(client.sport, GENERAL)
    if weights is None:
        # The shipped weights are package data, read once; I/O stays in iotools.
        from workbench.iotools import shipped_weights

        weights = shipped_weights()
    scoped = _scoped(standards.replace(**profile.standards), client)
    return Problem(
        library=library,
        client=client,
        profile=profile,
        targets=_targets(library, client, profile, weights, scoped),
        priorities=FrozenMap(resolve_priorities(library, client, profile)),
        weights=weights,
        standards=scoped,
    )


#: The share of its work minutes a posterior-chain-only session need use (COACHING.md C1,
#: 70% for a whole week): the muscles' weekly ceilings fill before the time does, and the
#: coaches of rounds 13 and 15 gave such clients 26-38 of 55-65 minutes, not filler [ratio].
POSTERIOR_SESSION_USE = 0.5


def _scoped(standards: Standards, client: Client) -> Standards:
    """The standards for the client's scope: a posterior-chain-only week uses less of its
    time (:data:`POSTERIOR_SESSION_USE`)."""
    if not client.posterior_only:
        return standards
    return standards.replace(session_use=min(standards.session_use, POSTERIOR_SESSION_USE))

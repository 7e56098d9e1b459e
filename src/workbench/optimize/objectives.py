"""Objectives as values: each builds its expression on the decisions and evaluates a plan
on its own, from the plan's sets alone, so the value reported is never the solver's float.

- :data:`SHORTFALL` (minimise): the priority-weighted shortfall of effective sets below
  each posterior-chain muscle's floor.
- :data:`COACH_VALUE` (maximise): the week a strength coach would write with the time that
  is left — dose toward each muscle's target with diminishing returns, the sport's staple
  families, a main lift of three or more sets opening every session, the hip-hinge
  principle, booked time used evenly, the right number of exercises, loaded main lifts,
  little impact and anterior-only work, major muscles twice a week, required exercises and
  sport specifics dosed, one heavy non-ballistic hinge, vertical pulls (pull-ups where the
  client can do them), one accessory of a family a session, no filler for the small
  muscles. Weights come from ``data/coaching.toml``; the targets it aims at
  from :mod:`workbench.standards`, the same numbers the rubric judges by.

  The dose counts as points *lost* below each target (0 when every target is met), not as
  points gained from zero: the relative gap the stage is proven to is then a gap on what a
  coach can still change, not on a large constant every sensible week collects.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import pulp

from workbench.coaching import CoachWeights
from workbench.glossary import ARTICLE_STAPLES, SECONDARY_WEIGHT, SPINAL_LOADS, level_rank
from workbench.library import Exercise
from workbench.optimize.decisions import Decisions
from workbench.problem import Problem
from workbench.standards import (
    ACCESSORY_SETS,
    ANTERIOR_SHARE,
    FAMILY_WEEKLY_SETS,
    HEAVY_HINGE_FAMILY,
    IMPACT_SHARE,
    KNEE_FLEXION_SETS,
    LOADED_SHARE,
    MAIN_SHARE,
    MAJOR_DAY_SETS,
    MAJOR_DAYS,
    MAJOR_MUSCLES,
    OPENER_SETS,
    PRIME_MOVERS,
    REQUIRED_SESSION_SETS,
    REQUIRED_WEEKLY_SETS,
    SESSION_USE,
    SINGLE_LEG_PATTERNS,
    SINGLE_LEG_SETS,
    SMALL_MUSCLES,
    VERTICAL_PULL_SETS,
    exercises_range,
    hinge_goal,
    hinge_sessions_goal,
)

__all__ = [
    "COACH_VALUE",
    "SHORTFALL",
    "Assignment",
    "Objective",
    "coach_value_of",
    "shortfall_of",
]

Assignment = Mapping[tuple[str, str], int]
#: Effective sets move in steps of this size: whole sets x 1.0 or x SECONDARY_WEIGHT.
SET_STEP = SECONDARY_WEIGHT


@dataclass(frozen=True)
class Objective:
    """A stage's objective: how to build it on the decisions and how to evaluate a plan."""

    name: str
    sense: int  # pulp.LpMinimize or pulp.LpMaximize
    unit: str
    build: Callable[[Decisions], Any]
    evaluate: Callable[[Problem, Assignment], float]

    @property
    def maximise(self) -> bool:
        return self.sense == pulp.LpMaximize


# ----- helpers shared by build and evaluate ------------------------------------------------


def _effective(problem: Problem, assignment: Assignment) -> dict[str, float]:
    totals: dict[str, float] = defaultdict(float)
    for (exercise_id, _day), sets in assignment.items():
        for muscle, weight in problem.library.exercise(exercise_id).muscle_weights.items():
            totals[muscle] += sets * weight
    return totals


def _on_set_grid(value: float) -> bool:
    """Whether every shortfall below a minimum of ``value`` is a whole number of steps."""
    steps = value / SET_STEP
    return (1 / SET_STEP).is_integer() and abs(steps - round(steps)) < 1e-9


# ----- the shortfall ---------------------------------------------------------------------


def _build_shortfall(decisions: Decisions) -> Any:
    problem = decisions.problem
    terms = []
    for muscle_id in problem.shortfall_muscles:
        minimum = problem.targets[muscle_id].min_sets
        if _on_set_grid(minimum):
            # Effective sets move in half sets, so a shortfall below a minimum on that grid is
            # a whole number of half sets. Saying so lets the solvers round their bound up to
            # the next reachable value: without it, proving a positive shortfall optimal took
            # HiGHS a minute and CBC several on a two-day travel kit.
            halves = decisions.variable("short", low=0)
            halves.cat = pulp.LpInteger
            short = SET_STEP * halves
        else:
            short = decisions.variable("short", low=0)
        decisions.prob += short >= minimum - decisions.effective[muscle_id]
        terms.append(problem.priorities[muscle_id] * short)
    return pulp.lpSum(terms)


def shortfall_of(problem: Problem, assignment: Assignment) -> float:
    """Priority-weighted shortfall of ``assignment`` below the posterior floors [sets/week]."""
    effective = _effective(problem, assignment)
    return sum(
        problem.priorities[m] * max(0.0, problem.targets[m].min_sets - effective.get(m, 0.0))
        for m in problem.shortfall_muscles
    )


SHORTFALL = Objective(
    "shortfall", pulp.LpMinimize, "weighted sets/week", _build_shortfall, shortfall_of
)


# ----- the coach value -------------------------------------------------------------------


@dataclass(frozen=True)
class _Groups:
    """The exercise groups the coach value speaks of, for one problem."""

    main: tuple[Exercise, ...]
    power: tuple[Exercise, ...]
    hinge: tuple[Exercise, ...]
    loaded_main: tuple[Exercise, ...]
    lighter: dict[int, tuple[Exercise, ...]]  # load classes below the family's best -> lifts
    below_level: tuple[Exercise, ...]
    impact: tuple[Exercise, ...]
    knee_flexion: tuple[Exercise, ...]  # hamstring curls: knee-flexion pattern, not impact
    single_leg: tuple[Exercise, ...]  # unilateral lower-body lifts
    vertical_pull: tuple[Exercise, ...]  # the hardest vertical pulls the client's level allows
    heavy_hinge: tuple[Exercise, ...]  # the heaviest deadlifts at hand, not ballistic
    small_accessory: tuple[Exercise, ...]  # accessories leading with no larger posterior muscle
    small_floors: tuple[str, ...]  # small muscles that only those accessories lead with
    anterior_only: tuple[Exercise, ...]
    preferred: tuple[Exercise, ...]
    specific: tuple[Exercise, ...]
    staples: dict[str, tuple[Exercise, ...]]
    loadable: bool  # the client can load a main lift
    placeable: tuple[Exercise, ...]


def _scopes(exercise: Exercise) -> tuple[str, ...]:
    """What an exercise's load is compared with: its family, and for a (slow) main lift the
    main lifts of its pattern (a barbell RDL, not a band good morning). Power work is
    compared within its family only: a swing is not a light deadlift."""
    if exercise.role == "main":
        return (f"family:{exercise.family}", f"pattern:{exercise.pattern}")
    return (f"family:{exercise.family}",)


def _lift(exercise: Exercise) -> tuple[str, str]:
    """A lift as a coach counts it in a session: for a main lift its pattern and the muscle it
    leads with (a good morning and a straight-leg deadlift are one hamstring hinge, a row and
    a Pendlay row one row); for other work its family (one throw, one calf raise: a standing
    and a seated calf raise in one session are doubled calf work, whose sets a coach gives to
    a heavier lift)."""
    if exercise.role == "carry":
        return ("carry", "carry")  # one loaded carry closes a session
    if exercise.role == "main":
        return (f"pattern:{exercise.pattern}", exercise.primary_muscles[0])
    return (exercise.family, "")


def _lifts(exercises: tuple[Exercise, ...]) -> dict[tuple[str, str], list[Exercise]]:
    lifts: dict[tuple[str, str], list[Exercise]] = defaultdict(list)
    for exercise in exercises:
        lifts[_lift(exercise)].append(exercise)
    return lifts


def _regressions(exercises: tuple[Exercise, ...]) -> tuple[Exercise, ...]:
    """Easier versions of a lift the client could do as it is: same family and primary
    muscles, the same equipment and more (a band-assisted pull-up beside a pull-up)."""
    return tuple(
        easy
        for easy in exercises
        if any(
            hard.family == easy.family
            and level_rank(hard.level) > level_rank(easy.level)
            and set(hard.primary_muscles) == set(easy.primary_muscles)
            and set(hard.equipment) < set(easy.equipment)
            for hard in exercises
        )
    )


def _hardest(exercises: tuple[Exercise, ...]) -> tuple[Exercise, ...]:
    """The exercises at the highest level among ``exercises`` (all placeable, so at most the
    client's): the progression lift where the client can do it, e.g. a pull-up, not the
    pulldown that stands in for it."""
    top = max((level_rank(e.level) for e in exercises), default=0)
    return tuple(e for e in exercises if level_rank(e.level) == top)


def _heaviest(exercises: tuple[Exercise, ...]) -> tuple[Exercise, ...]:
    """The exercises among ``exercises`` that load the most: those of the highest load class,
    and of those the ones with a high spinal load where there are any (a conventional, sumo or
    trap-bar deadlift from the floor, not a Romanian deadlift, in a gym; any kettlebell
    deadlift or single-leg RDL at home; a Romanian deadlift where the back must be spared)."""
    top = max((e.load_class for e in exercises), default=0)
    heaviest = tuple(e for e in exercises if e.load_class == top)
    from_the_floor = tuple(e for e in heaviest if e.spinal_load == SPINAL_LOADS[-1])
    return from_the_floor or heaviest


def _groups(problem: Problem, exercises: tuple[Exercise, ...]) -> _Groups:
    profile = problem.profile
    main = tuple(e for e in exercises if e.is_main_lift)
    # The heaviest variant a client could do: within the family, and for a main lift also
    # among the main lifts of its pattern (a barbell RDL, not a band good morning).
    heaviest: dict[str, int] = defaultdict(int)
    for exercise in exercises:
        for scope in _scopes(exercise):
            heaviest[scope] = max(heaviest[scope], exercise.load_class)
    lighter: dict[int, list[Exercise]] = defaultdict(list)
    for exercise in exercises:
        best = max(heaviest[scope] for scope in _scopes(exercise))
        if best > exercise.load_class:
            lighter[best - exercise.load_class].append(exercise)
    loaded_main = tuple(e for e in main if e.loaded)
    # The article's six belong in nearly every program; a sport adds its own.
    families = dict.fromkeys((*ARTICLE_STAPLES, *profile.staples))
    staples = {family: tuple(e for e in exercises if e.family == family) for family in families}
    # An accessory that leads with none of the posterior chain's larger muscles (a neck
    # extension, a serratus punch, a press) is filler unless the sport asks for it.
    larger = {m.id for m in problem.library.posterior_chain} - SMALL_MUSCLES
    wanted = {*families, *profile.specific.families}
    small_accessory = tuple(
        e
        for e in exercises
        if e.role == "accessory"
        and e.family not in wanted
        and not larger.intersection(e.primary_muscles)
    )
    # A small muscle no other exercise at hand leads with (the serratus: only punches do)
    # needs those accessories to reach its floor.
    small_ids = {e.id for e in small_accessory}
    led = {m for e in exercises if e.id not in small_ids for m in e.primary_muscles}
    small_floors = tuple(
        m.id
        for m in problem.library.posterior_chain
        if m.id in SMALL_MUSCLES
        and m.id not in led
        and any(m.id in e.primary_muscles for e in small_accessory)
    )
    return _Groups(
        main=main,
        power=tuple(e for e in exercises if e.role == "power"),
        hinge=tuple(e for e in exercises if e.hinge),
        loaded_main=loaded_main,
        lighter={steps: tuple(group) for steps, group in sorted(lighter.items())},
        below_level=_regressions(exercises),
        impact=tuple(e for e in exercises if e.impact),
        knee_flexion=tuple(
            e
            for e in exercises
            if e.pattern == "knee_flexion" and "hamstrings" in e.primary_muscles
        ),
        single_leg=tuple(
            e
            for e in exercises
            if e.unilateral and e.pattern in SINGLE_LEG_PATTERNS and not e.impact
        ),
        vertical_pull=_hardest(tuple(e for e in main if e.pattern == "vertical_pull")),
        heavy_hinge=_heaviest(
            tuple(
                e
                for e in main
                if e.family == HEAVY_HINGE_FAMILY and not e.explosive and not e.impact
            )
        ),
        small_accessory=small_accessory,
        small_floors=small_floors,
        anterior_only=tuple(e for e in exercises if problem.library.anterior_only(e)),
        preferred=tuple(e for e in exercises if e.pattern in profile.preferred_patterns),
        specific=tuple(e for e in exercises if e.family in profile.specific.families),
        staples={family: group for family, group in staples.items() if group},
        loadable=bool(loaded_main),
        placeable=exercises,
    )


def _dose_slope(w: CoachWeights, muscle_id: str) -> float:
    """Points per effective set toward a muscle's target (before its priority)."""
    return w.dose + (w.prime_mover_dose if muscle_id in PRIME_MOVERS else 0.0)


def _aim(problem: Problem, muscle_id: str) -> float:
    """The dose aimed for: the band's, scaled down for a beginner, never below the floor."""
    band = problem.targets[muscle_id]
    scale = problem.weights.beginner_dose if problem.client.level == "beginner" else 1.0
    return max(band.min_sets, band.dose * scale)


def _midway(problem: Problem, muscle_id: str) -> float:
    """Halfway from the floor to the dose aimed for [sets/week]: a set below it counts more
    toward the target than a set above it (``dose_taper``)."""
    return (problem.targets[muscle_id].min_sets + _aim(problem, muscle_id)) / 2


def _full_dose(problem: Problem) -> float:
    """The dose points of a week that meets every posterior muscle's target [points]."""
    return sum(
        _dose_slope(problem.weights, m.id) * problem.priorities[m.id] * _aim(problem, m.id)
        for m in problem.library.posterior_chain
    )


def _stimulus(w: CoachWeights, groups: _Groups) -> dict[str, float]:
    """Exercise id -> the share of a set's dose it gives toward a target: less for a lighter
    variant than one at hand, less for ballistic work (it counts in full against the maxima)."""
    share = {e.id: w.ballistic_stimulus for e in groups.placeable if e.explosive}
    for steps, group in groups.lighter.items():
        for exercise in group:
            share[exercise.id] = share.get(exercise.id, 1.0) * max(
                0.0, 1.0 - w.lighter_stimulus * steps
            )
    return share


def _choice_terms(w: CoachWeights, groups: _Groups) -> list[tuple[float, tuple[Exercise, ...]]]:
    """Per-set weights of exercise choice: lighter and easier variants than the family offers,
    accessories for the small muscles alone, impact drills, the profile's preferred patterns."""
    terms = [(-w.lighter_variant * steps, group) for steps, group in groups.lighter.items()]
    terms += [
        (-w.below_level, groups.below_level),
        (-w.small_accessory_set, groups.small_accessory),
        (-w.impact_set, groups.impact),
        (w.preferred_set, groups.preferred),
    ]
    return [(weight, group) for weight, group in terms if group and weight]


def _build_value(decisions: Decisions) -> Any:
    problem, client, w = decisions.problem, decisions.problem.client, decisions.problem.weights
    prob, days = decisions.prob, decisions.days
    groups = _groups(problem, decisions.exercises)
    var = decisions.variable
    value: list[Any] = []

    # Dose toward each posterior muscle's target, more per set on the first half of the way
    # from the floor than on the second, then little per set up to its maximum; a set of a
    # lighter variant than the client could load counts for less.
    stimulus = _stimulus(w, groups)
    for muscle in problem.library.posterior_chain:
        band, priority = problem.targets[muscle.id], problem.priorities[muscle.id]
        aim = _aim(problem, muscle.id)
        mid = _midway(problem, muscle.id)
        early = var("dose", high=mid)
        toward = var("dose_late", high=aim - mid)
        above = var("above", high=max(0.0, band.max_sets - aim))
        prob += early + toward + above <= pulp.lpSum(
            e.weight(muscle.id) * stimulus.get(e.id, 1.0) * decisions.sets[(e.id, d)]
            for e in decisions.exercises
            if e.weight(muscle.id)
            for d in days
        )
        slope = _dose_slope(w, muscle.id)
        value += [
            slope * priority * (1 + w.dose_taper) * early,
            slope * priority * (1 - w.dose_taper) * toward,
            w.dose_above_target * priority * above,
        ]
        if muscle.id in PRIME_MOVERS and w.prime_mover_reached and aim > 0:
            # The planned dose as a coach counts it (every effective set, ballistic included).
            reached = var("reached", binary=True)
            prob += decisions.effective[muscle.id] >= aim * reached
            value.append(w.prime_mover_reached * reached)

    # The sport's staple families, each present at least once.
    for group in groups.staples.values():
        present = var("staple", high=1)
        prob += present <= pulp.lpSum(decisions.chosen[(e.id, d)] for e in group for d in days)
        value.append(w.staple * present)

    # A main lift of >= 3 sets opens every session; power work (which opens) has >= 3 sets.
    dosing = client.max_sets_per_exercise >= OPENER_SETS
    heavy: dict[tuple[str, str], Any] = {}  # (main lift, day) -> it has >= 3 sets there
    if dosing:
        heavy = {
            (e.id, d): var("heavy", binary=True)
            for e in groups.main
            if decisions.upper[e.id] >= OPENER_SETS
            for d in days
        }
        for key, flag in heavy.items():
            prob += decisions.sets[key] >= OPENER_SETS * flag
        for day in days:
            opened = var("opener", high=1)
            prob += opened <= pulp.lpSum(f for (_, d), f in heavy.items() if d == day)
            value.append(w.opener * opened)
        for exercise in groups.main:
            weight = w.short_power if exercise.role == "power" else w.short_main
            for day in days:
                short = var("short_main")
                flag = heavy.get((exercise.id, day), 0)
                prob += short >= decisions.chosen[(exercise.id, day)] - flag
                value.append(-weight * short)

    # One heavy, non-ballistic hinge a week, dosed as a main lift (>= 3 sets in a session
    # where the client's cap allows): swings and snatches complement it, never replace it.
    if groups.heavy_hinge:
        held = var("heavy_hinge", high=1)
        prob += held <= pulp.lpSum(
            heavy.get((e.id, d), 0) if dosing else decisions.chosen[(e.id, d)]
            for e in groups.heavy_hinge
            for d in days
        )
        value.append(w.heavy_hinge * held)

    # The hip-hinge principle: enough non-impact hinge sets, spread over the sessions.
    if groups.hinge:
        hinge_sets = var("hinge_sets", high=hinge_goal(client.level, len(days)))
        prob += hinge_sets <= decisions.sets_of(groups.hinge)
        value.append(w.hinge_set * hinge_sets)
        loaded_days = []
        for day in days:
            flag = var("hinge_day", binary=True)
            prob += decisions.sets_of(groups.hinge, [day]) >= 3 * flag
            loaded_days.append(flag)
        sessions = var("hinge_sessions", high=hinge_sessions_goal(len(days)))
        prob += sessions <= pulp.lpSum(loaded_days)
        value.append(w.hinge_session * sessions)

    # Booked time used: each session at least 70% of its minutes.
    for day in days:
        unused = var("unused")
        prob += unused >= SESSION_USE * client.minutes_per_session - decisions.minutes[day]
        value.append(-w.unused_minute * unused)

    # The number of exercises a session of this length holds (C3).
    fewest, most = exercises_range(client.minutes_per_session)
    for day in days:
        over, under = var("over_count"), var("under_count")
        prob += over >= decisions.count[day] - most
        prob += under >= fewest - decisions.count[day]
        value.append(-w.exercise_count * (over + under))

    # Loaded, not jumped: impact at most a third of glute max and hamstring sets (C9).
    impact = tuple(e for e in decisions.exercises if e.impact)
    for muscle_id in ("gluteus_maximus", "hamstrings"):
        if impact and problem.library.has_muscle(muscle_id):
            excess = var("impact")
            prob += (
                excess
                >= decisions.effective_of(muscle_id, impact)
                - IMPACT_SHARE * decisions.effective[muscle_id]
            )
            value.append(-w.impact_excess * excess)

    # Major muscles on two days or more (C10).
    if len(days) >= MAJOR_DAYS:
        for muscle_id in MAJOR_MUSCLES:
            if not problem.library.has_muscle(muscle_id):
                continue
            trained = []
            for day in days:
                flag = var("major_day", binary=True)
                prob += (
                    decisions.effective_of(muscle_id, decisions.exercises, [day])
                    >= MAJOR_DAY_SETS * flag
                )
                trained.append(flag)
            often = var("frequency", high=MAJOR_DAYS)
            prob += often <= pulp.lpSum(trained)
            value.append(w.frequency * often)

    # Required exercises dosed: >= 3 sets in a session and >= 6 a week (C12).
    for exercise_id in client.require:
        keys = [(exercise_id, d) for d in days if (exercise_id, d) in decisions.sets]
        if not keys:
            continue
        dosed_days = []
        for key in keys:
            flag = var("required_day", binary=True)
            prob += decisions.sets[key] >= REQUIRED_SESSION_SETS * flag
            dosed_days.append(flag)
        dosed = var("required_dosed", high=1)
        prob += dosed <= pulp.lpSum(dosed_days)
        weekly = var("required_sets", high=REQUIRED_WEEKLY_SETS)
        prob += weekly <= pulp.lpSum(decisions.sets[key] for key in keys)
        value += [w.required_session * dosed, w.required_set * weekly]

    # The sport's specifics (C12): sets of its families, effective sets of its muscles.
    specific = problem.profile.specific
    if groups.specific and specific.min_sets:
        done = var("specific_sets", high=specific.min_sets)
        prob += done <= decisions.sets_of(groups.specific)
        value.append(w.specific_set * done)
    for muscle_id in specific.muscles:
        done = var("specific_dose", high=specific.min_effective_sets)
        prob += done <= decisions.effective[muscle_id]
        value.append(w.specific_set * done)

    # Hamstrings trained at the knee too (curls, Nordics, glute-ham raises), and single-leg
    # lower-body work, each up to its weekly goal.
    for weight, group, goal in (
        (w.knee_flexion_set, groups.knee_flexion, KNEE_FLEXION_SETS),
        (w.single_leg_set, groups.single_leg, SINGLE_LEG_SETS),
        (w.vertical_pull_set, groups.vertical_pull, VERTICAL_PULL_SETS),
    ):
        if group and weight:
            done = var("goal_sets", high=goal)
            prob += done <= decisions.sets_of(group)
            value.append(weight * done)

    all_sets = decisions.sets_of(decisions.exercises)
    main_sets = decisions.sets_of(groups.main)
    value.append(-w.set_cost * all_sets)
    # Loaded main lifts where the equipment allows (C13), and a nudge toward them beyond it.
    if groups.loadable:
        loaded = decisions.sets_of(groups.loaded_main)
        unloaded = var("unloaded")
        prob += unloaded >= LOADED_SHARE * main_sets - loaded
        value.append(-w.unloaded_main_set * unloaded)
    # Multi-joint lifts carry at least half the week's sets (C11), and of each session.
    thin = var("main_share")
    prob += thin >= MAIN_SHARE * all_sets - main_sets
    value.append(-w.main_share * thin)
    for day in days:
        thin = var("session_main_share")
        prob += thin >= MAIN_SHARE * decisions.sets_of(
            decisions.exercises, [day]
        ) - decisions.sets_of(groups.main, [day])
        value.append(-w.session_main_share * thin)
    # Few exercises that load only anterior muscles (C14).
    if groups.anterior_only:
        anterior = decisions.sets_of(groups.anterior_only)
        excess = var("anterior")
        prob += excess >= anterior - ANTERIOR_SHARE * all_sets
        value += [-w.anterior_set * anterior, -w.anterior_excess * excess]
    # Exercise choice: the loadable variant and the client's own level first (charged per set
    # of the lesser variant, so choice never buys volume), no small-muscle filler (charged per
    # set above what a set of it brings), the profile's preferred patterns.
    for weight, group in _choice_terms(w, groups):
        value.append(weight * decisions.sets_of(group))
    # ... except the small-muscle sets a floor needs, where nothing else at hand leads with
    # the muscle: those are handed back.
    for muscle_id in groups.small_floors:
        needed = var("small_floor", high=problem.targets[muscle_id].min_sets)
        prob += needed <= decisions.effective_of(muscle_id, groups.small_accessory)
        value.append(w.small_accessory_set * needed)
    # A session holds one variant of a lift (one calf raise, one row with the same lead
    # muscle), and its accessories at three sets or fewer.
    for lift in _lifts(decisions.exercises).values():
        if len(lift) > 1:
            for day in days:
                twice = var("same_lift")
                prob += twice >= pulp.lpSum(decisions.chosen[(e.id, day)] for e in lift) - 1
                value.append(-w.same_lift_twice * twice)
    for exercise in decisions.exercises:
        if not exercise.is_main_lift and decisions.upper[exercise.id] > ACCESSORY_SETS:
            for day in days:
                extra = var("accessory_sets")
                prob += extra >= decisions.sets[(exercise.id, day)] - ACCESSORY_SETS
                value.append(-w.accessory_set * extra)
    # Variety: no family past its weekly sets, and the same exercise on three days at most.
    families: dict[str, list[Exercise]] = defaultdict(list)
    for exercise in decisions.exercises:
        families[exercise.family].append(exercise)
    for members in families.values():
        if sum(decisions.upper[e.id] for e in members) * len(days) > FAMILY_WEEKLY_SETS:
            excess = var("family_excess")
            prob += excess >= decisions.sets_of(members) - FAMILY_WEEKLY_SETS
            value.append(-w.family_excess * excess)
    if len(days) >= 3:
        for exercise in decisions.exercises:
            repeat = var("repeat")
            prob += repeat >= pulp.lpSum(decisions.chosen[(exercise.id, d)] for d in days) - 2
            value.append(-w.repeat * repeat)
    return pulp.lpSum(value)


def coach_value_of(problem: Problem, assignment: Assignment) -> float:
    """The coach value of ``assignment``, computed from its sets alone [points]."""
    client, w = problem.client, problem.weights
    days = problem.weekdays
    library = problem.library
    exercises = tuple(library.exercise(e) for e in sorted({e for e, _ in assignment}))
    groups = _groups(problem, problem.placeable())
    effective = _effective(problem, assignment)
    by_day: dict[str, dict[str, float]] = {d: defaultdict(float) for d in days}
    sets_by_day: dict[str, list[tuple[Exercise, int]]] = {d: [] for d in days}
    for (exercise_id, day), sets in assignment.items():
        exercise = library.exercise(exercise_id)
        sets_by_day[day].append((exercise, sets))
        for muscle_id, weight in exercise.muscle_weights.items():
            by_day[day][muscle_id] += sets * weight

    def sets_in(members: tuple[Exercise, ...], day: str | None = None) -> int:
        ids = {e.id for e in members}
        return sum(n for (e, d), n in assignment.items() if e in ids and (day is None or d == day))

    stimulus = _stimulus(w, groups)
    dosed: dict[str, float] = defaultdict(float)
    for (exercise_id, _day), sets in assignment.items():
        for muscle_id, weight in library.exercise(exercise_id).muscle_weights.items():
            dosed[muscle_id] += sets * weight * stimulus.get(exercise_id, 1.0)
    value = 0.0
    for muscle in library.posterior_chain:
        band, priority = problem.targets[muscle.id], problem.priorities[muscle.id]
        total, aim = dosed.get(muscle.id, 0.0), _aim(problem, muscle.id)
        mid = _midway(problem, muscle.id)
        value += (
            _dose_slope(w, muscle.id)
            * priority
            * (
                (1 + w.dose_taper) * min(total, mid)
                + (1 - w.dose_taper) * min(max(0.0, total - mid), aim - mid)
            )
        )
        if muscle.id in PRIME_MOVERS and aim > 0 and effective.get(muscle.id, 0.0) >= aim - 1e-9:
            value += w.prime_mover_reached
        value += (
            w.dose_above_target
            * priority
            * min(max(0.0, total - aim), max(0.0, band.max_sets - aim))
        )
    used_families = {e.family for e in exercises}
    value += w.staple * sum(1 for family in groups.staples if family in used_families)
    if client.max_sets_per_exercise >= OPENER_SETS:
        for day in days:
            if any(e.is_main_lift and n >= OPENER_SETS for e, n in sets_by_day[day]):
                value += w.opener
            for exercise, sets in sets_by_day[day]:
                if exercise.is_main_lift and sets < OPENER_SETS:
                    value -= w.short_power if exercise.role == "power" else w.short_main
    if groups.heavy_hinge:
        dosed_sets = OPENER_SETS if client.max_sets_per_exercise >= OPENER_SETS else 1
        heaviest = {e.id for e in groups.heavy_hinge}
        if any(n >= dosed_sets for (e, _), n in assignment.items() if e in heaviest):
            value += w.heavy_hinge
    if groups.hinge:
        value += w.hinge_set * min(sets_in(groups.hinge), hinge_goal(client.level, len(days)))
        loaded_days = sum(1 for d in days if sets_in(groups.hinge, d) >= 3)
        value += w.hinge_session * min(loaded_days, hinge_sessions_goal(len(days)))
    minutes = {d: sum(e.set_minutes * n for e, n in sets_by_day[d]) for d in days}
    for day in days:
        value -= w.unused_minute * max(0.0, SESSION_USE * client.minutes_per_session - minutes[day])
    fewest, most = exercises_range(client.minutes_per_session)
    for day in days:
        count = len(sets_by_day[day])
        value -= w.exercise_count * (max(0, count - most) + max(0, fewest - count))
    impact = tuple(e for e in groups.placeable if e.impact)
    if impact:
        for muscle_id in ("gluteus_maximus", "hamstrings"):
            if library.has_muscle(muscle_id):
                jumped = sum(
                    n * library.exercise(e).weight(muscle_id)
                    for (e, _), n in assignment.items()
                    if library.exercise(e).impact
                )
                value -= w.impact_excess * max(
                    0.0, jumped - IMPACT_SHARE * effective.get(muscle_id, 0.0)
                )
    if len(days) >= MAJOR_DAYS:
        for muscle_id in MAJOR_MUSCLES:
            if library.has_muscle(muscle_id):
                trained = sum(1 for d in days if by_day[d][muscle_id] >= MAJOR_DAY_SETS - 1e-9)
                value += w.frequency * min(trained, MAJOR_DAYS)
    for exercise_id in client.require:
        counts = [assignment.get((exercise_id, d), 0) for d in days]
        if any(n >= REQUIRED_SESSION_SETS for n in counts):
            value += w.required_session
        value += w.required_set * min(sum(counts), REQUIRED_WEEKLY_SETS)
    specific = problem.profile.specific
    if groups.specific and specific.min_sets:
        value += w.specific_set * min(sets_in(groups.specific), specific.min_sets)
    for muscle_id in specific.muscles:
        value += w.specific_set * min(effective.get(muscle_id, 0.0), specific.min_effective_sets)
    for weight, group, goal in (
        (w.knee_flexion_set, groups.knee_flexion, KNEE_FLEXION_SETS),
        (w.single_leg_set, groups.single_leg, SINGLE_LEG_SETS),
        (w.vertical_pull_set, groups.vertical_pull, VERTICAL_PULL_SETS),
    ):
        if group and weight:
            value += weight * min(sets_in(group), goal)
    all_sets = sum(assignment.values())
    main_sets = sets_in(groups.main)
    value -= w.set_cost * all_sets
    if groups.loadable:
        loaded = sets_in(groups.loaded_main)
        value -= w.unloaded_main_set * max(0.0, LOADED_SHARE * main_sets - loaded)
    value -= w.main_share * max(0.0, MAIN_SHARE * all_sets - main_sets)
    for day in days:
        value -= w.session_main_share * max(
            0.0, MAIN_SHARE * sets_in(groups.placeable, day) - sets_in(groups.main, day)
        )
    if groups.anterior_only:
        anterior = sets_in(groups.anterior_only)
        value -= w.anterior_set * anterior
        value -= w.anterior_excess * max(0.0, anterior - ANTERIOR_SHARE * all_sets)
    for weight, group in _choice_terms(w, groups):
        value += weight * sets_in(group)
    small = {e.id for e in groups.small_accessory}
    for muscle_id in groups.small_floors:
        from_small = sum(
            n * library.exercise(e).weight(muscle_id)
            for (e, _), n in assignment.items()
            if e in small
        )
        value += w.small_accessory_set * min(from_small, problem.targets[muscle_id].min_sets)
    for day in days:
        lifts: dict[tuple[str, str], int] = defaultdict(int)
        for exercise, sets in sets_by_day[day]:
            lifts[_lift(exercise)] += 1
            if not exercise.is_main_lift:
                value -= w.accessory_set * max(0, sets - ACCESSORY_SETS)
        value -= w.same_lift_twice * sum(max(0, n - 1) for n in lifts.values())
    family_sets: dict[str, int] = defaultdict(int)
    for (exercise_id, _day), sets in assignment.items():
        family_sets[library.exercise(exercise_id).family] += sets
    value -= w.family_excess * sum(max(0, n - FAMILY_WEEKLY_SETS) for n in family_sets.values())
    if len(days) >= 3:
        for exercise in exercises:
            on = sum(1 for d in days if (exercise.id, d) in assignment)
            value -= w.repeat * max(0, on - 2)
    return value


COACH_VALUE = Objective("coach value", pulp.LpMaximize, "points", _build_value, coach_value_of)

"""The coach's rubric (``COACHING.md`` C1–C14) and the verdict on a week.

:func:`coach_check` judges a :class:`~workbench.plan.Plan` the way the reviewing strength coach
did: fourteen criteria, each with the number behind it and one plain line a coach can read,
and the verdict *coach-credible*. It is a pure function of the plan and the problem; every
number is recomputed from the library (minutes from ``set_minutes``, effective sets from the
primary and secondary muscles), never read from the plan's own columns. The thresholds come
from :mod:`workbench.standards`, which the optimizer's coach value shares.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from workbench import standards
from workbench.glossary import WEEKDAYS
from workbench.library import Exercise
from workbench.plan import Plan, PlanEntry
from workbench.problem import Problem

__all__ = [
    "CREDIBLE_SHARE",
    "HINGE_SESSION_SETS",
    "IMPACT_MUSCLES",
    "MAX_SETS_PER_EXERCISE",
    "MIN_SETS_PER_EXERCISE",
    "REQUIRED_CRITERIA",
    "TITLES",
    "CoachCheck",
    "Criterion",
    "coach_check",
]

#: C4: the sets a coach gives one exercise in one session (Krieger 2010; Rhea et al. 2003).
MIN_SETS_PER_EXERCISE = 2
MAX_SETS_PER_EXERCISE = 5
#: C6: a session counts toward the hip-hinge principle with at least this many hinge sets.
HINGE_SESSION_SETS = 3.0
#: C9: the muscles whose effective sets impact drills must not dominate.
IMPACT_MUSCLES: tuple[str, ...] = ("gluteus_maximus", "hamstrings")
#: The verdict: these criteria must pass (when they apply) ...
REQUIRED_CRITERIA: tuple[str, ...] = ("C2", "C4", "C6", "C7", "C12")
#: ... and at least this share of the criteria that apply.
CREDIBLE_SHARE = 0.8
#: The criteria's names, as COACHING.md gives them.
TITLES: dict[str, str] = {
    "C1": "time use",
    "C2": "every day used, evenly",
    "C3": "exercises per session",
    "C4": "sets per exercise",
    "C5": "session order",
    "C6": "hip-hinge principle",
    "C7": "the article's staples",
    "C8": "dose",
    "C9": "loaded, not jumped",
    "C10": "frequency",
    "C11": "multi-joint share",
    "C12": "the client in substance",
    "C13": "best tool for the job",
    "C14": "a posterior-chain program",
}
#: Slack on every comparison, so that 2/3 of 9 sets counts as 6.
TOLERANCE = 1e-9


@dataclass(frozen=True)
class Criterion:
    """One line of the rubric judged on one week.

    ``passed`` means something only when ``applies``; ``value`` is the number behind the
    judgement (a share 0..1, a count of sets or sessions), ``detail`` one plain line with it.
    """

    id: str
    title: str
    applies: bool
    passed: bool
    value: float | None
    detail: str


@dataclass(frozen=True)
class CoachCheck:
    """The rubric's fourteen criteria for one week, and the verdict."""

    criteria: tuple[Criterion, ...]

    @property
    def applicable(self) -> int:
        """How many criteria apply to this client."""
        return sum(1 for c in self.criteria if c.applies)

    @property
    def passed(self) -> int:
        """How many of the criteria that apply the week passes."""
        return sum(1 for c in self.criteria if c.applies and c.passed)

    @property
    def failed(self) -> tuple[Criterion, ...]:
        """The criteria that apply and fail, in rubric order."""
        return tuple(c for c in self.criteria if c.applies and not c.passed)

    @property
    def credible(self) -> bool:
        """Coach-credible: passes C2, C4, C6, C7 and C12 (those that apply) and at least 80%
        of the criteria that apply."""
        failed = {c.id for c in self.failed}
        if failed & set(REQUIRED_CRITERIA):
            return False
        return self.passed >= CREDIBLE_SHARE * self.applicable - TOLERANCE

    def criterion(self, criterion_id: str) -> Criterion:
        """The criterion ``criterion_id`` (``"C1"`` .. ``"C14"``)."""
        for criterion in self.criteria:
            if criterion.id == criterion_id:
                return criterion
        raise KeyError(criterion_id)

    def summary(self) -> str:
        """``coach check 13/14 — C9: impact drills give 40% ...``; failures joined by ``; ``."""
        head = f"coach check {self.passed}/{self.applicable}"
        if not self.failed:
            return head
        return head + " — " + "; ".join(f"{c.id}: {c.detail}" for c in self.failed)


def coach_check(plan: Plan, problem: Problem) -> CoachCheck:
    """Judge ``plan`` against COACHING.md's rubric for ``problem``'s client."""
    week = _Week(plan, problem)
    return CoachCheck(tuple(judge(week) for judge in _CRITERIA))


# ----- the week, recomputed from the library ------------------------------------------------


class _Week:
    """A plan's sessions, minutes and effective sets, recomputed from the library."""

    def __init__(self, plan: Plan, problem: Problem) -> None:
        self.plan = plan
        self.problem = problem
        self.library = problem.library
        self.client = problem.client
        self.training_days = problem.weekdays
        used = {entry.weekday for entry in plan.entries}
        #: Every day judged: the training days, and any other day the plan uses.
        self.days = tuple(d for d in WEEKDAYS if d in used or d in self.training_days)

    def exercise(self, entry: PlanEntry) -> Exercise:
        return self.library.exercise(entry.exercise_id)

    @cached_property
    def sessions(self) -> dict[str, tuple[PlanEntry, ...]]:
        """Each judged day's entries in session order (empty for a day without a session)."""
        return {day: self.plan.session(day) for day in self.days}

    @cached_property
    def held(self) -> dict[str, tuple[PlanEntry, ...]]:
        """The days that hold a session."""
        return {day: entries for day, entries in self.sessions.items() if entries}

    @cached_property
    def entries(self) -> tuple[PlanEntry, ...]:
        """Every entry in week order: by day, then by order within the day."""
        return tuple(entry for entries in self.sessions.values() for entry in entries)

    @cached_property
    def family_sets(self) -> dict[str, int]:
        """Sets [sets/week] of each lift family the week holds."""
        sets: dict[str, int] = {}
        for entry in self.entries:
            family = self.exercise(entry).family
            sets[family] = sets.get(family, 0) + entry.sets
        return sets

    def minutes(self, day: str) -> float:
        """A session's length [min]: sets x the library's set_minutes."""
        return sum(e.sets * self.exercise(e).set_minutes for e in self.sessions[day])

    @cached_property
    def total_sets(self) -> int:
        return sum(entry.sets for entry in self.entries)

    def sets_where(self, test: Callable[[Exercise], bool], day: str | None = None) -> int:
        """Sets [sets/week] (or on ``day``) of the exercises that pass ``test``."""
        entries = self.entries if day is None else self.sessions[day]
        return sum(entry.sets for entry in entries if test(self.exercise(entry)))

    def effective(
        self,
        muscle: str,
        test: Callable[[Exercise], bool] = lambda _: True,
        day: str | None = None,
    ) -> float:
        """Effective sets [sets/week] for ``muscle`` (or on ``day``) from exercises passing ``test``."""
        entries = self.entries if day is None else self.sessions[day]
        return sum(
            entry.sets * self.exercise(entry).weight(muscle)
            for entry in entries
            if test(self.exercise(entry))
        )

    def muscle_name(self, muscle: str) -> str:
        # A small library (a coach's own, or a test's) may lack a muscle the rubric names.
        return self.library.muscle(muscle).name if self.library.has_muscle(muscle) else muscle

    def family_name(self, family: str) -> str:
        """A family as a coach says it: ``deadlift``, not ``Deadlift (conventional; ...)``."""
        if not self.library.has_family(family):
            return family.replace("_", " ")
        name = self.library.family(family).name.split(" (")[0]
        return name[:1].lower() + name[1:]


def _num(value: float) -> str:
    """A number as a coach writes it: 12, 12.5, 43.25."""
    return f"{round(value, 2):g}"


def _pct(share: float) -> str:
    return f"{share:.0%}"


def _sets(count: float) -> str:
    return f"{_num(count)} set" + ("" if math.isclose(count, 1) else "s")


def _at_least(value: float, goal: float) -> bool:
    return value >= goal - TOLERANCE


def _at_most(value: float, limit: float) -> bool:
    return value <= limit + TOLERANCE


def _share(part: float, whole: float) -> float:
    return part / whole if whole > 0 else 0.0


def _criterion(
    cid: str, passed: bool, value: float | None, detail: str, *, applies: bool = True
) -> Criterion:
    return Criterion(cid, TITLES[cid], applies, passed if applies else True, value, detail)


def _and_more(count: int) -> str:
    return f", and {count} more" if count > 0 else ""


# ----- the criteria -------------------------------------------------------------------------


def _c1_time_use(week: _Week) -> Criterion:
    booked = week.client.minutes_per_session
    if not week.days:
        return _criterion("C1", False, 0.0, "no training day")
    shares = {day: _share(week.minutes(day), booked) for day in week.days}

    def outside(share: float) -> float:
        return max(0.0, standards.SESSION_USE - share, share - 1.0)

    failing = [d for d in week.days if outside(shares[d]) > TOLERANCE]
    if failing:
        worst = max(failing, key=lambda d: (outside(shares[d]), -week.days.index(d)))
        if not week.sessions[worst]:
            detail = f"{worst} has no session (0% of {_num(booked)} min)"
        else:
            detail = f"{worst} uses {_pct(shares[worst])} of {_num(booked)} min"
        return _criterion("C1", False, shares[worst], detail)
    low, high = min(shares.values()), max(shares.values())
    detail = f"sessions use {_pct(low)}–{_pct(high)} of {_num(booked)} min"
    return _criterion("C1", True, low, detail)


def _c2_days_used_evenly(week: _Week) -> Criterion:
    empty = [d for d in week.training_days if not week.sessions.get(d)]
    if empty:
        detail = f"{empty[0]} has no session" + _and_more(len(empty) - 1)
        return _criterion("C2", False, 0.0, detail)
    if not week.held:
        return _criterion("C2", False, 0.0, "no session")
    minutes = {day: week.minutes(day) for day in week.held}
    shortest = min(minutes, key=lambda d: minutes[d])
    longest = max(minutes, key=lambda d: minutes[d])
    ratio = _share(minutes[shortest], minutes[longest])
    passed = _at_least(ratio, standards.SESSION_EVENNESS)
    detail = (
        f"{shortest}'s {_num(minutes[shortest])} min is {_pct(ratio)} of "
        f"{longest}'s {_num(minutes[longest])} min"
    )
    if passed:
        detail = f"{len(week.held)} days used; {detail}"
    return _criterion("C2", passed, ratio, detail)


def _c3_exercises_per_session(week: _Week) -> Criterion:
    booked = week.client.minutes_per_session
    fewest, most = standards.exercises_range(booked)
    band = f"{fewest}–{most} for {_num(booked)} min"
    if not week.held:
        return _criterion("C3", False, 0.0, f"no session ({band})")
    counts = {day: len(entries) for day, entries in week.held.items()}

    def outside(count: int) -> int:
        return max(0, fewest - count, count - most)

    failing = [d for d in counts if outside(counts[d]) > 0]
    if failing:
        worst = max(failing, key=lambda d: (outside(counts[d]), -week.days.index(d)))
        count = counts[worst]
        noun = "exercise" if count == 1 else "exercises"
        detail = f"{worst} holds {count} {noun} ({band})" + _and_more(len(failing) - 1)
        return _criterion("C3", False, float(count), detail)
    low, high = min(counts.values()), max(counts.values())
    spread = f"{low}" if low == high else f"{low}–{high}"
    return _criterion("C3", True, float(low), f"{spread} exercises a session ({band})")


def _c4_sets_per_exercise(week: _Week) -> Criterion:
    most = min(MAX_SETS_PER_EXERCISE, week.client.max_sets_per_exercise)
    band = f"{MIN_SETS_PER_EXERCISE}–{most}"
    if not week.entries:
        return _criterion("C4", True, None, "no exercise to dose")
    failing = [e for e in week.entries if not MIN_SETS_PER_EXERCISE <= e.sets <= most]
    if failing:
        first = failing[0]
        detail = (
            f"{first.weekday}: {week.exercise(first).name} has {_sets(first.sets)} ({band})"
            + _and_more(len(failing) - 1)
        )
        return _criterion("C4", False, float(first.sets), detail)
    low = min(e.sets for e in week.entries)
    high = max(e.sets for e in week.entries)
    return _criterion("C4", True, float(low), f"every exercise gets {low}–{high} sets ({band})")


def _session_order_fault(week: _Week, day: str) -> str | None:
    entries = week.held[day]
    opener = week.exercise(entries[0])
    if not opener.is_main_lift:
        return f"{day} opens with {opener.name}, not a main lift"
    if entries[0].sets < standards.OPENER_SETS:
        return (
            f"{day} opens with {opener.name} for {_sets(entries[0].sets)} "
            f"(≥ {standards.OPENER_SETS})"
        )
    before: Exercise | None = None
    for entry in entries:
        exercise = week.exercise(entry)
        if exercise.is_main_lift and before is not None:
            return f"{day}: {exercise.name} comes after {before.name}"
        if not exercise.is_main_lift and before is None:
            before = exercise
    return None


def _c5_session_order(week: _Week) -> Criterion:
    if not week.held:
        return _criterion("C5", False, 0.0, "no session")
    faults = [f for f in (_session_order_fault(week, d) for d in week.held) if f is not None]
    if faults:
        detail = faults[0] + _and_more(len(faults) - 1)
        return _criterion("C5", False, float(len(faults)), detail)
    detail = f"every session opens with a main lift of ≥ {standards.OPENER_SETS} sets"
    return _criterion("C5", True, 0.0, detail)


def _hinge(exercise: Exercise) -> bool:
    return exercise.hinge


def _c6_hip_hinge(week: _Week) -> Criterion:
    days = len(week.training_days)
    goal = standards.hinge_goal(week.client.level, days)
    sessions_goal = standards.hinge_sessions_goal(days)
    weekly = week.sets_where(_hinge)
    sessions = sum(
        1 for day in week.held if _at_least(week.sets_where(_hinge, day), HINGE_SESSION_SETS)
    )
    enough_sets = _at_least(weekly, goal)
    enough_sessions = sessions >= sessions_goal
    if not enough_sets:
        detail = f"{weekly} hinge / hip-extension sets a week (≥ {_num(goal)})"
    elif not enough_sessions:
        detail = (
            f"{sessions} session{'' if sessions == 1 else 's'} with ≥ "
            f"{_num(HINGE_SESSION_SETS)} hinge sets (≥ {sessions_goal})"
        )
    else:
        detail = (
            f"{weekly} hinge / hip-extension sets a week (≥ {_num(goal)}), "
            f"{sessions} sessions with ≥ {_num(HINGE_SESSION_SETS)}"
        )
    return _criterion("C6", enough_sets and enough_sessions, float(weekly), detail)


def _c7_staples(week: _Week) -> Criterion:
    staples = week.problem.profile.staples
    placeable = {e.family for e in week.problem.placeable()}
    doable = [f for f in staples if f in placeable]
    goal = standards.staples_goal(len(doable), week.problem.weekly_minutes)
    if goal <= 0:
        why = (
            "no staple the client can do"
            if not doable
            else f"under {_num(standards.STAPLE_MINUTES)} min booked a week"
        )
        return _criterion("C7", True, None, why, applies=False)
    family_sets = week.family_sets
    met = [f for f in staples if _at_least(family_sets.get(f, 0), standards.STAPLE_SETS)]
    passed = len(met) >= goal
    detail = f"{len(met)} of {len(doable)} staples get ≥ {standards.STAPLE_SETS} sets (≥ {goal})"
    missing = [week.family_name(f) for f in doable if f not in met]
    if not passed and missing:
        detail += "; missing " + ", ".join(missing)
    return _criterion("C7", passed, float(len(met)), detail)


def _not_ballistic(exercise: Exercise) -> bool:
    return not exercise.explosive


def _c8_dose(week: _Week) -> Criterion:
    booked = week.problem.weekly_minutes
    if not _at_least(booked, standards.DOSE_MINUTES):
        detail = (
            f"only {_num(booked)} min booked a week (applies from {_num(standards.DOSE_MINUTES)})"
        )
        return _criterion("C8", True, None, detail, applies=False)
    dose = (
        standards.MAJOR_DOSE_BEGINNER if week.client.level == "beginner" else standards.MAJOR_DOSE
    )
    totals = {m: week.effective(m) for m in standards.MAJOR_MUSCLES}
    for muscle in standards.MAJOR_MUSCLES:
        if not _at_least(totals[muscle], dose):
            detail = (
                f"{week.muscle_name(muscle)}: {_num(totals[muscle])} effective sets "
                f"(≥ {_num(dose)})"
            )
            return _criterion("C8", False, totals[muscle], detail)
    heavy = {m: week.effective(m, _not_ballistic) for m in standards.MAJOR_MUSCLES}
    for muscle in standards.MAJOR_MUSCLES:
        if not _at_most(heavy[muscle], standards.MAJOR_CEILING):
            detail = (
                f"{week.muscle_name(muscle)}: {_num(heavy[muscle])} non-ballistic effective "
                f"sets (≤ {_num(standards.MAJOR_CEILING)})"
            )
            return _criterion("C8", False, heavy[muscle], detail)
    lowest = min(totals.values())
    detail = (
        ", ".join(f"{week.muscle_name(m)} {_num(totals[m])}" for m in standards.MAJOR_MUSCLES)
        + f" effective sets (≥ {_num(dose)}); non-ballistic at most "
        + f"{_num(max(heavy.values()))} (≤ {_num(standards.MAJOR_CEILING)})"
    )
    return _criterion("C8", True, lowest, detail)


def _impact(exercise: Exercise) -> bool:
    return exercise.impact


def _c9_loaded_not_jumped(week: _Week) -> Criterion:
    shares = {m: _share(week.effective(m, _impact), week.effective(m)) for m in IMPACT_MUSCLES}
    worst = max(IMPACT_MUSCLES, key=lambda m: shares[m])
    share = shares[worst]
    passed = _at_most(share, standards.IMPACT_SHARE)
    if share == 0:
        return _criterion("C9", True, 0.0, "no impact drill loads the glutes or hamstrings")
    detail = (
        f"impact drills give {_pct(share)} of {week.muscle_name(worst)} effective sets "
        f"(≤ {_pct(standards.IMPACT_SHARE)})"
    )
    return _criterion("C9", passed, share, detail)


def _c10_frequency(week: _Week) -> Criterion:
    if len(week.training_days) < 2:
        return _criterion("C10", True, None, "one training day a week", applies=False)
    days = {
        m: sum(
            1
            for day in week.held
            if _at_least(week.effective(m, day=day), standards.MAJOR_DAY_SETS)
        )
        for m in standards.MAJOR_MUSCLES
    }
    threshold = f"≥ {_num(standards.MAJOR_DAY_SETS)} effective sets"
    for muscle in standards.MAJOR_MUSCLES:
        if days[muscle] < standards.MAJOR_DAYS:
            detail = (
                f"{week.muscle_name(muscle)}: {threshold} on {days[muscle]} "
                f"day{'' if days[muscle] == 1 else 's'} (≥ {standards.MAJOR_DAYS})"
            )
            return _criterion("C10", False, float(days[muscle]), detail)
    fewest = min(days.values())
    names = ", ".join(week.muscle_name(m) for m in standards.MAJOR_MUSCLES)
    detail = f"{names} each get {threshold} on ≥ {fewest} days"
    return _criterion("C10", True, float(fewest), detail)


def _main(exercise: Exercise) -> bool:
    return exercise.is_main_lift


def _c11_multi_joint_share(week: _Week) -> Criterion:
    share = _share(week.sets_where(_main), week.total_sets)
    passed = _at_least(share, standards.MAIN_SHARE)
    detail = (
        f"main lifts give {_pct(share)} of {week.total_sets} sets (≥ {_pct(standards.MAIN_SHARE)})"
    )
    return _criterion("C11", passed, share, detail)


def _avoided(week: _Week) -> tuple[list[str], list[str]]:
    """C12: entries carrying a tag the client avoids (injuries)."""
    missing = []
    for entry in week.entries:
        tags = sorted(set(week.exercise(entry).tags) & set(week.client.avoid))
        if tags:
            said = ", ".join(t.replace("_", " ") for t in tags)
            missing.append(f"{entry.weekday}: {week.exercise(entry).name} carries avoided {said}")
    return missing, ["no avoided tag"] if week.client.avoid and not missing else []


def _required(week: _Week) -> tuple[list[str], list[str]]:
    """C12: each required exercise gets enough sets in one session and in the week."""
    missing, met = [], []
    for required in week.client.require:
        name = week.library.exercise(required).name
        per_session = [e.sets for e in week.entries if e.exercise_id == required]
        weekly, most = sum(per_session), max(per_session, default=0)
        if not _at_least(most, standards.REQUIRED_SESSION_SETS):
            missing.append(
                f"{name} gets at most {_sets(most)} in a session "
                f"(≥ {standards.REQUIRED_SESSION_SETS})"
            )
        elif not _at_least(weekly, standards.REQUIRED_WEEKLY_SETS):
            missing.append(
                f"{name} gets {_sets(weekly)} a week (≥ {standards.REQUIRED_WEEKLY_SETS})"
            )
        else:
            met.append(f"{name} {_sets(weekly)}")
    return missing, met


def _prioritised(week: _Week) -> tuple[list[str], list[str]]:
    """C12: each posterior muscle the client prioritises gets PRIORITY_RAISE x its floor."""
    missing, reached = [], 0
    for muscle in week.library.posterior_chain:
        priority = week.problem.priorities.get(muscle.id, 1.0)
        if not _at_least(priority, standards.PRIORITY_THRESHOLD):
            continue
        goal = standards.PRIORITY_RAISE * week.problem.targets[muscle.id].min_sets
        dose = week.effective(muscle.id)
        if _at_least(dose, goal):
            reached += 1
        else:
            missing.append(f"{muscle.name}: {_num(dose)} effective sets (priority: ≥ {_num(goal)})")
    met = []
    if reached and not missing:
        plural = "" if reached == 1 else "s"
        met.append(f"{reached} priority muscle{plural} ≥ {standards.PRIORITY_RAISE:g} × floor")
    return missing, met


def _sport_specifics(week: _Week) -> tuple[list[str], list[str]]:
    """C12: the sport profile's specific families and muscles."""
    profile = week.problem.profile
    specific = profile.specific
    missing, met = [], []
    if specific.families and specific.min_sets > 0:
        sets = sum(week.family_sets.get(f, 0) for f in set(specific.families))
        what = specific.description or " or ".join(week.family_name(f) for f in specific.families)
        if _at_least(sets, specific.min_sets):
            met.append(f"{what} {_sets(sets)}")
        else:
            missing.append(f"{what}: {_sets(sets)} a week (≥ {_num(specific.min_sets)})")
    for muscle in specific.muscles:
        dose = week.effective(muscle)
        name = week.muscle_name(muscle)
        if _at_least(dose, specific.min_effective_sets):
            met.append(f"{name} {_num(dose)}")
        else:
            missing.append(
                f"{name}: {_num(dose)} effective sets "
                f"({profile.name}: ≥ {_num(specific.min_effective_sets)})"
            )
    return missing, met


def _c12_client_in_substance(week: _Week) -> Criterion:
    missing: list[str] = []
    met: list[str] = []
    for part in (_avoided, _required, _prioritised, _sport_specifics):
        part_missing, part_met = part(week)
        missing += part_missing
        met += part_met
    if missing:
        detail = missing[0] + _and_more(len(missing) - 1)
        return _criterion("C12", False, float(len(missing)), detail)
    detail = "; ".join(met) if met else "nothing avoided, required or prioritised"
    return _criterion("C12", True, 0.0, detail)


def _c13_best_tool(week: _Week) -> Criterion:
    if not any(e.is_main_lift and e.loaded for e in week.problem.placeable()):
        detail = "no loaded main lift in the client's equipment"
        return _criterion("C13", True, None, detail, applies=False)
    main_sets = week.sets_where(_main)
    if main_sets == 0:
        return _criterion("C13", False, 0.0, "no main lift at all, though the equipment loads one")
    share = _share(week.sets_where(lambda e: e.is_main_lift and e.loaded), main_sets)
    passed = _at_least(share, standards.LOADED_SHARE)
    detail = (
        f"loaded lifts give {_pct(share)} of {main_sets} main-lift sets "
        f"(≥ {_pct(standards.LOADED_SHARE)})"
    )
    return _criterion("C13", passed, share, detail)


def _c14_posterior_program(week: _Week) -> Criterion:
    share = _share(week.sets_where(week.library.anterior_only), week.total_sets)
    passed = _at_most(share, standards.ANTERIOR_SHARE)
    detail = (
        f"anterior-only exercises give {_pct(share)} of {week.total_sets} sets "
        f"(≤ {_pct(standards.ANTERIOR_SHARE)})"
    )
    return _criterion("C14", passed, share, detail)


_CRITERIA: tuple[Callable[[_Week], Criterion], ...] = (
    _c1_time_use,
    _c2_days_used_evenly,
    _c3_exercises_per_session,
    _c4_sets_per_exercise,
    _c5_session_order,
    _c6_hip_hinge,
    _c7_staples,
    _c8_dose,
    _c9_loaded_not_jumped,
    _c10_frequency,
    _c11_multi_joint_share,
    _c12_client_in_substance,
    _c13_best_tool,
    _c14_posterior_program,
)

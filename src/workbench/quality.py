"""The coach's rubric (``COACHING.md`` v3, C1–C19) and the verdict on a week.

:func:`coach_check` judges a :class:`~workbench.plan.Plan` the way the reviewing strength coach
did: nineteen criteria, each with the number behind it and one plain line a coach can read,
and the verdict *coach-credible*. It is a pure function of the plan and the problem; every
number is recomputed from the library (minutes from ``set_minutes``, effective sets from the
primary and secondary muscles), never read from the plan's own columns. The thresholds are
the problem's :class:`~workbench.standards.Standards`: the rubric's, with the client's sport
profile's overrides (a runner's knee-dominant sets).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

from workbench.glossary import WEEKDAYS
from workbench.library import Exercise
from workbench.plan import Plan, PlanEntry
from workbench.problem import Problem, calendar_runs
from workbench.standards import DEFAULT_STANDARDS, Standards

__all__ = [
    "CREDIBLE_SHARE",
    "REQUIRED_CRITERIA",
    "TITLES",
    "CoachCheck",
    "Criterion",
    "coach_check",
]

#: The verdict by the rubric's own standards: these criteria must pass (when they apply) ...
REQUIRED_CRITERIA: tuple[str, ...] = DEFAULT_STANDARDS.required_criteria
#: ... and at least this share of the criteria that apply.
CREDIBLE_SHARE = DEFAULT_STANDARDS.credible_share
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
    "C14": "a posterior emphasis",
    "C15": "a real press",
    "C16": "knee-dominant work",
    "C17": "room to warm up",
    "C18": "spinal load spread",
    "C19": "even allocation",
}
#: Slack on every comparison, so that 2/3 of 9 sets counts as 6.
TOLERANCE = 1e-9


@dataclass(frozen=True)
class Criterion:
    """One line of the rubric judged on one week.

    ``passed`` means something only when ``applies``; ``value`` is the number behind the
    judgement (a share 0..1, a count of sets, sessions or days, minutes), ``detail`` one plain
    line with it.
    """

    id: str
    title: str
    applies: bool
    passed: bool
    value: float | None
    detail: str


@dataclass(frozen=True)
class CoachCheck:
    """The rubric's nineteen criteria for one week, and the verdict by the standards the week
    was judged by (``required`` criteria and ``credible_share``)."""

    criteria: tuple[Criterion, ...]
    required: tuple[str, ...] = field(default=REQUIRED_CRITERIA)
    credible_share: float = field(default=CREDIBLE_SHARE)

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
        """Coach-credible: passes C2, C4, C6, C7, C12, C15, C16 and C18 (those that apply) and
        at least 85% of the criteria that apply."""
        failed = {c.id for c in self.failed}
        if failed & set(self.required):
            return False
        return self.passed >= self.credible_share * self.applicable - TOLERANCE

    def criterion(self, criterion_id: str) -> Criterion:
        """The criterion ``criterion_id`` (``"C1"`` .. ``"C19"``)."""
        for criterion in self.criteria:
            if criterion.id == criterion_id:
                return criterion
        raise KeyError(criterion_id)

    def summary(self) -> str:
        """``coach check 18/19 — C9: impact drills give 40% ...``; failures joined by ``; ``."""
        head = f"coach check {self.passed}/{self.applicable}"
        if not self.failed:
            return head
        return head + " — " + "; ".join(f"{c.id}: {c.detail}" for c in self.failed)


def coach_check(plan: Plan, problem: Problem) -> CoachCheck:
    """Judge ``plan`` against COACHING.md's rubric for ``problem``'s client, by
    ``problem.standards``."""
    week = _Week(plan, problem)
    standards = problem.standards
    return CoachCheck(
        tuple(judge(week) for judge in _CRITERIA),
        required=standards.required_criteria,
        credible_share=standards.credible_share,
    )


# ----- the week, recomputed from the library ------------------------------------------------


class _Week:
    """A plan's sessions, minutes and effective sets, recomputed from the library."""

    def __init__(self, plan: Plan, problem: Problem) -> None:
        self.plan = plan
        self.problem = problem
        self.library = problem.library
        self.client = problem.client
        self.standards: Standards = problem.standards
        self.training_days = problem.weekdays
        used = {entry.weekday for entry in plan.entries}
        #: Every day judged: the training days, and any other day the plan uses.
        self.days = tuple(d for d in WEEKDAYS if d in used or d in self.training_days)

    def exercise(self, entry: PlanEntry) -> Exercise:
        return self.library.exercise(entry.exercise_id)

    @cached_property
    def placeable(self) -> tuple[Exercise, ...]:
        """The exercises the client could be given under the hard limits."""
        return self.problem.placeable()

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

    @property
    def work_text(self) -> str:
        """The minutes a session may list, as a coach reads them: ``55 min (60 booked − 5
        warm-up)``, or ``25 min`` when there is no warm-up."""
        client = self.client
        if client.warmup <= 0:
            return f"{_num(client.work_minutes)} min"
        return (
            f"{_num(client.work_minutes)} min ({_num(client.minutes_per_session)} booked − "
            f"{_num(client.warmup)} warm-up)"
        )


def _num(value: float) -> str:
    """A number as a coach writes it: 12, 12.5, 43.25."""
    return f"{round(value, 2):g}"


def _pct(share: float) -> str:
    return f"{share:.0%}"


def _sets(count: float) -> str:
    return f"{_num(count)} set" + ("" if math.isclose(count, 1) else "s")


def _days(count: int) -> str:
    return f"{count} day" + ("" if count == 1 else "s")


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


def _listing(items: list[str]) -> str:
    """``Mon``, ``Mon and Fri``, ``Mon, Wed and Fri``."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _and_more(count: int) -> str:
    return f", and {count} more" if count > 0 else ""


# ----- the criteria -------------------------------------------------------------------------


def _c1_time_use(week: _Week) -> Criterion:
    """Every session's listed work is session_use..100% of the minutes left after the warm-up."""
    work = week.client.work_minutes
    if not week.days:
        return _criterion("C1", False, 0.0, "no training day")
    shares = {day: _share(week.minutes(day), work) for day in week.days}

    def outside(share: float) -> float:
        return max(0.0, week.standards.session_use - share, share - 1.0)

    failing = [d for d in week.days if outside(shares[d]) > TOLERANCE]
    if failing:
        worst = max(failing, key=lambda d: (outside(shares[d]), -week.days.index(d)))
        if not week.sessions[worst]:
            detail = f"{worst} has no session: 0% of {week.work_text}"
        else:
            detail = f"{worst} uses {_pct(shares[worst])} of {week.work_text}"
        return _criterion("C1", False, shares[worst], detail)
    low, high = min(shares.values()), max(shares.values())
    spread = _pct(low) if _pct(low) == _pct(high) else f"{_pct(low)}–{_pct(high)}"
    detail = f"sessions use {spread} of {week.work_text}"
    return _criterion("C1", True, low, detail)


def _c2_days_used_evenly(week: _Week) -> Criterion:
    """Every training day has a session; the shortest is session_evenness x the longest."""
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
    passed = _at_least(ratio, week.standards.session_evenness)
    detail = (
        f"{shortest}'s {_num(minutes[shortest])} min is {_pct(ratio)} of "
        f"{longest}'s {_num(minutes[longest])} min"
    )
    if passed:
        detail = f"{len(week.held)} days used; {detail}"
    return _criterion("C2", passed, ratio, detail)


def _c3_exercises_per_session(week: _Week) -> Criterion:
    """Each session holds the exercises its booked minutes call for."""
    booked = week.client.minutes_per_session
    fewest, most = week.standards.exercises_range(booked)
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
    """Every exercise gets min..min(max, the client's cap) sets."""
    fewest = week.standards.min_sets_per_exercise
    most = min(week.standards.max_sets_per_exercise, week.client.max_sets_per_exercise)
    band = f"{fewest}–{most}"
    if not week.entries:
        return _criterion("C4", True, None, "no exercise to dose")
    failing = [e for e in week.entries if not fewest <= e.sets <= most]
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
    opener_sets = week.standards.opener_sets
    if not opener.is_main_lift:
        return f"{day} opens with {opener.name}, not a main lift"
    if entries[0].sets < opener_sets:
        return f"{day} opens with {opener.name} for {_sets(entries[0].sets)} (≥ {opener_sets})"
    before: Exercise | None = None
    for entry in entries:
        exercise = week.exercise(entry)
        if exercise.is_main_lift and before is not None:
            return f"{day}: {exercise.name} comes after {before.name}"
        if not exercise.is_main_lift and before is None:
            before = exercise
    return None


def _c5_session_order(week: _Week) -> Criterion:
    """Every session opens with a main lift of opener_sets; no main lift after an accessory."""
    if not week.held:
        return _criterion("C5", False, 0.0, "no session")
    faults = [f for f in (_session_order_fault(week, d) for d in week.held) if f is not None]
    if faults:
        detail = faults[0] + _and_more(len(faults) - 1)
        return _criterion("C5", False, float(len(faults)), detail)
    detail = f"every session opens with a main lift of ≥ {week.standards.opener_sets} sets"
    return _criterion("C5", True, 0.0, detail)


def _hinge(exercise: Exercise) -> bool:
    return exercise.hinge


def _c6_hip_hinge(week: _Week) -> Criterion:
    """Enough non-impact hinge sets a week, spread over enough sessions."""
    standards = week.standards
    days = len(week.training_days)
    goal = standards.hinge_goal(week.client.level, days)
    sessions_goal = standards.hinge_sessions_goal(days)
    per_session = standards.hinge_session_sets
    weekly = week.sets_where(_hinge)
    sessions = sum(1 for day in week.held if _at_least(week.sets_where(_hinge, day), per_session))
    enough_sets = _at_least(weekly, goal)
    enough_sessions = sessions >= sessions_goal
    if not enough_sets:
        detail = f"{weekly} hinge / hip-extension sets a week (≥ {_num(goal)})"
    elif not enough_sessions:
        detail = (
            f"{sessions} session{'' if sessions == 1 else 's'} with ≥ "
            f"{_num(per_session)} hinge sets (≥ {sessions_goal})"
        )
    else:
        detail = (
            f"{weekly} hinge / hip-extension sets a week (≥ {_num(goal)}), "
            f"{sessions} sessions with ≥ {_num(per_session)}"
        )
    return _criterion("C6", enough_sets and enough_sessions, float(weekly), detail)


def _c7_staples(week: _Week) -> Criterion:
    """Enough of the profile's staple families the client can do, each with staple_sets."""
    standards = week.standards
    staples = week.problem.profile.staples
    placeable = {e.family for e in week.placeable if not week.problem.spared(e)}
    doable = [f for f in staples if f in placeable]
    goal = standards.staples_goal(len(doable), week.problem.weekly_minutes)
    if goal <= 0:
        why = (
            "no staple the client can do"
            if not doable
            else f"under {_num(standards.staple_minutes)} min booked a week"
        )
        return _criterion("C7", True, None, why, applies=False)
    family_sets = week.family_sets
    met = [f for f in staples if _at_least(family_sets.get(f, 0), standards.staple_sets)]
    passed = len(met) >= goal
    detail = (
        f"{len(met)} of {len(doable)} staples get ≥ {_num(standards.staple_sets)} sets (≥ {goal})"
    )
    missing = [week.family_name(f) for f in doable if f not in met]
    if not passed and missing:
        detail += "; missing " + ", ".join(missing)
    return _criterion("C7", passed, float(len(met)), detail)


def _not_ballistic(exercise: Exercise) -> bool:
    return not exercise.explosive


def _c8_dose(week: _Week) -> Criterion:
    """Each major muscle's weekly dose, and a ceiling on its non-ballistic sets."""
    standards = week.standards
    booked = week.problem.weekly_minutes
    if not _at_least(booked, standards.dose_minutes):
        detail = (
            f"only {_num(booked)} min booked a week (applies from {_num(standards.dose_minutes)})"
        )
        return _criterion("C8", True, None, detail, applies=False)
    dose = standards.major_dose_for(week.client.level)
    majors = standards.major_muscles
    totals = {m: week.effective(m) for m in majors}
    for muscle in majors:
        if not _at_least(totals[muscle], dose):
            detail = (
                f"{week.muscle_name(muscle)}: {_num(totals[muscle])} effective sets "
                f"(≥ {_num(dose)})"
            )
            return _criterion("C8", False, totals[muscle], detail)
    heavy = {m: week.effective(m, _not_ballistic) for m in majors}
    for muscle in majors:
        if not _at_most(heavy[muscle], standards.major_ceiling):
            detail = (
                f"{week.muscle_name(muscle)}: {_num(heavy[muscle])} non-ballistic effective "
                f"sets (≤ {_num(standards.major_ceiling)})"
            )
            return _criterion("C8", False, heavy[muscle], detail)
    lowest = min(totals.values(), default=0.0)
    detail = (
        ", ".join(f"{week.muscle_name(m)} {_num(totals[m])}" for m in majors)
        + f" effective sets (≥ {_num(dose)}); non-ballistic at most "
        + f"{_num(max(heavy.values(), default=0.0))} (≤ {_num(standards.major_ceiling)})"
    )
    return _criterion("C8", True, lowest, detail)


def _impact(exercise: Exercise) -> bool:
    return exercise.impact


def _c9_loaded_not_jumped(week: _Week) -> Criterion:
    """Impact drills give at most impact_share of glute max and of hamstring effective sets."""
    muscles = week.standards.impact_muscles
    shares = {m: _share(week.effective(m, _impact), week.effective(m)) for m in muscles}
    worst = max(muscles, key=lambda m: shares[m])
    share = shares[worst]
    if share == 0:
        return _criterion("C9", True, 0.0, "no impact drill loads the glutes or hamstrings")
    limit = week.standards.impact_share
    detail = (
        f"impact drills give {_pct(share)} of {week.muscle_name(worst)} effective sets "
        f"(≤ {_pct(limit)})"
    )
    return _criterion("C9", _at_most(share, limit), share, detail)


def _c10_frequency(week: _Week) -> Criterion:
    """Each major muscle gets major_day_sets effective sets on major_days days."""
    standards = week.standards
    if len(week.training_days) < 2:
        return _criterion("C10", True, None, "one training day a week", applies=False)
    majors = standards.major_muscles
    days = {
        m: sum(
            1
            for day in week.held
            if _at_least(week.effective(m, day=day), standards.major_day_sets)
        )
        for m in majors
    }
    threshold = f"≥ {_num(standards.major_day_sets)} effective sets"
    for muscle in majors:
        if days[muscle] < standards.major_days:
            detail = (
                f"{week.muscle_name(muscle)}: {threshold} on {_days(days[muscle])} "
                f"(≥ {standards.major_days})"
            )
            return _criterion("C10", False, float(days[muscle]), detail)
    fewest = min(days.values(), default=0)
    names = ", ".join(week.muscle_name(m) for m in majors)
    detail = f"{names} each get {threshold} on ≥ {fewest} days"
    return _criterion("C10", True, float(fewest), detail)


def _main(exercise: Exercise) -> bool:
    return exercise.is_main_lift


def _c11_multi_joint_share(week: _Week) -> Criterion:
    """Main-lift sets are at least main_share of the week's sets."""
    share = _share(week.sets_where(_main), week.total_sets)
    goal = week.standards.main_share
    detail = f"main lifts give {_pct(share)} of {week.total_sets} sets (≥ {_pct(goal)})"
    return _criterion("C11", _at_least(share, goal), share, detail)


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
    standards = week.standards
    asked = week.problem.required_weekly_sets
    missing, met = [], []
    for required in week.client.require:
        name = week.library.exercise(required).name
        per_session = [e.sets for e in week.entries if e.exercise_id == required]
        weekly, most = sum(per_session), max(per_session, default=0)
        if not _at_least(most, standards.required_session_sets):
            missing.append(
                f"{name} gets at most {_sets(most)} in a session "
                f"(≥ {_num(standards.required_session_sets)})"
            )
        elif not _at_least(weekly, asked):
            missing.append(f"{name} gets {_sets(weekly)} a week (≥ {_num(asked)})")
        else:
            met.append(f"{name} {_sets(weekly)}")
    return missing, met


def _prioritised(week: _Week) -> tuple[list[str], list[str]]:
    """C12: each posterior muscle the client prioritises gets priority_raise x its floor."""
    standards = week.standards
    missing, reached = [], 0
    for muscle in week.library.posterior_chain:
        priority = week.problem.priorities.get(muscle.id, 1.0)
        if not _at_least(priority, standards.priority_threshold):
            continue
        goal = standards.priority_raise * week.problem.targets[muscle.id].min_sets
        dose = week.effective(muscle.id)
        if _at_least(dose, goal):
            reached += 1
        else:
            missing.append(f"{muscle.name}: {_num(dose)} effective sets (priority: ≥ {_num(goal)})")
    met = []
    if reached and not missing:
        plural = "" if reached == 1 else "s"
        met.append(f"{reached} priority muscle{plural} ≥ {standards.priority_raise:g} × floor")
    return missing, met


def _sport_specifics(week: _Week) -> tuple[list[str], list[str]]:
    """C12: the sport profile's specific families, muscles and defining lifts."""
    profile = week.problem.profile
    specific = profile.specific
    missing, met = [], []
    # In posterior-chain scope, only the families the scope keeps (a strength profile's
    # squats and presses are the client's other training).
    families = {
        f
        for f in specific.families
        if any(e.family == f and not week.problem.out_of_scope(e) for e in week.placeable)
        or not week.client.posterior_only
    }
    if families and specific.min_sets > 0:
        sets = sum(week.family_sets.get(f, 0) for f in families)
        what = specific.description or " or ".join(week.family_name(f) for f in families)
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
    # The sport's defining lifts, where the client can do them: days a week with >= the
    # opener's sets of each.
    placeable = {e.id for e in week.placeable}
    fewest = week.standards.opener_sets
    for exercise_id in specific.lifts:
        # The lift, or a variant of it the client asks for (a required sumo deadlift).
        ids = week.problem.sport_lift(exercise_id)
        if not ids & placeable:
            continue
        lift = week.library.exercise(exercise_id)
        if week.problem.out_of_scope(lift):
            continue  # anterior work or a squat, written elsewhere in posterior-chain scope
        goal = week.problem.sport_lift_days(exercise_id, frozenset(placeable))
        if goal == 0:
            continue  # a row the squats and deadlifts leave no session for
        done = sum(
            1
            for entries in week.held.values()
            if any(e.exercise_id in ids and e.sets >= fewest for e in entries)
        )
        name = week.library.exercise(exercise_id).name
        if done >= goal:
            met.append(f"{name} on {_days(done)}")
        else:
            missing.append(
                f"{name} on {_days(done)} with ≥ {fewest} sets ({profile.name}: ≥ {goal})"
            )
    return missing, met


def _c12_client_in_substance(week: _Week) -> Criterion:
    """Nothing avoided; required lifts, priority muscles and the sport's specifics dosed."""
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
    """With loadable equipment, at least loaded_share of main-lift sets are loaded."""
    if not any(e.is_main_lift and e.loaded for e in week.placeable):
        detail = "no loaded main lift in the client's equipment"
        return _criterion("C13", True, None, detail, applies=False)
    main_sets = week.sets_where(_main)
    if main_sets == 0:
        return _criterion("C13", False, 0.0, "no main lift at all, though the equipment loads one")
    share = _share(week.sets_where(lambda e: e.is_main_lift and e.loaded), main_sets)
    goal = week.standards.loaded_share
    detail = f"loaded lifts give {_pct(share)} of {main_sets} main-lift sets (≥ {_pct(goal)})"
    return _criterion("C13", _at_least(share, goal), share, detail)


def _c14_posterior_emphasis(week: _Week) -> Criterion:
    """Posterior-chain muscles get at least posterior_share of the week's effective sets."""
    posterior = {m.id for m in week.library.posterior_chain}
    total = posterior_sets = 0.0
    for entry in week.entries:
        for muscle, weight in week.exercise(entry).muscle_weights.items():
            total += entry.sets * weight
            if muscle in posterior:
                posterior_sets += entry.sets * weight
    share = _share(posterior_sets, total)
    goal = week.standards.posterior_share
    detail = (
        f"posterior-chain muscles get {_pct(share)} of {_num(total)} effective sets "
        f"(≥ {_pct(goal)})"
    )
    return _criterion("C14", _at_least(share, goal), share, detail)


def _whole_week_pattern(
    week: _Week,
    cid: str,
    field_name: str,
    serves: Callable[[Exercise], bool],
    what: str,
    done: str,
) -> Criterion:
    """At least the standard ``field_name`` of sets a week of the exercises that ``serves``
    picks. Applies only in whole-body scope, where asked (a goal above 0), and where the
    client can do ``what``."""
    goal = getattr(week.standards, field_name)
    if week.client.posterior_only:
        detail = f"posterior-chain scope: {what} is written elsewhere"
        return _criterion(cid, True, None, detail, applies=False)
    if goal <= 0:
        profile = week.problem.profile
        by = f" of a {profile.name} client" if field_name in profile.standards else ""
        return _criterion(cid, True, None, f"{what} is not asked{by}", applies=False)
    if not any(serves(e) for e in week.placeable):
        return _criterion(cid, True, None, f"no {what} the client can do", applies=False)
    sets = week.sets_where(serves)
    detail = f"{_sets(sets)} of {done} a week (≥ {_num(goal)})"
    return _criterion(cid, _at_least(sets, goal), float(sets), detail)


def _c15_press(week: _Week) -> Criterion:
    """At least press_sets sets a week of a press (whole-body scope, where the client can)."""
    return _whole_week_pattern(
        week, "C15", "press_sets", lambda e: e.press, "press work", "a press"
    )


def _c16_knee_dominant(week: _Week) -> Criterion:
    """At least knee_dominant_sets sets a week of a squat, lunge, split squat, step-up or leg
    press (whole-body scope, where asked and where the client may do one)."""
    return _whole_week_pattern(
        week,
        "C16",
        "knee_dominant_sets",
        lambda e: e.knee_dominant,
        "knee-dominant work",
        "squats, lunges or step-ups",
    )


def _c17_room_to_warm_up(week: _Week) -> Criterion:
    """Every session's listed work fits in the booked minutes less the warm-up."""
    client = week.client
    if not week.held:
        return _criterion("C17", True, 0.0, "no session")
    minutes = {day: week.minutes(day) for day in week.held}
    longest = max(minutes, key=lambda d: (minutes[d], -week.days.index(d)))
    over = [d for d in minutes if not _at_most(minutes[d], client.work_minutes)]
    warmup = f"a {_num(client.warmup)}-min warm-up" if client.warmup > 0 else "no warm-up"
    if over:
        detail = (
            f"{longest} lists {_num(minutes[longest])} min of work, past the "
            f"{_num(client.work_minutes)} min {_num(client.minutes_per_session)} booked leave "
            f"after {warmup}" + _and_more(len(over) - 1)
        )
        return _criterion("C17", False, minutes[longest], detail)
    detail = (
        f"the longest session lists {_num(minutes[longest])} min of work "
        f"(≤ {_num(client.work_minutes)}: {_num(client.minutes_per_session)} booked less {warmup})"
    )
    return _criterion("C17", True, minutes[longest], detail)


def _heavy_spinal(exercise: Exercise) -> bool:
    return exercise.heavy_spinal


def _longest_run(days: set[str]) -> tuple[int, str]:
    """The most calendar days running in ``days`` (Sunday to Monday counts, as for recovery),
    and the day the run starts on."""
    run = max(calendar_runs(days), key=len, default=())
    return len(run), run[0] if run else ""


def _c18_spinal_load_spread(week: _Week) -> Criterion:
    """At most spinal_lifts_per_session heavy spinal lifts a session, never on
    spinal_days_running calendar days running."""
    standards = week.standards
    per_session = {
        day: [week.exercise(e).name for e in entries if _heavy_spinal(week.exercise(e))]
        for day, entries in week.held.items()
    }
    crowded = [
        d for d, lifts in per_session.items() if len(lifts) > standards.spinal_lifts_per_session
    ]
    if crowded:
        day = max(crowded, key=lambda d: (len(per_session[d]), -week.days.index(d)))
        lifts = per_session[day]
        detail = (
            f"{day} holds {len(lifts)} heavy spinal lifts ({', '.join(lifts)}; "
            f"≤ {standards.spinal_lifts_per_session} a session)" + _and_more(len(crowded) - 1)
        )
        return _criterion("C18", False, float(len(lifts)), detail)
    loaded = {d for d, lifts in per_session.items() if lifts}
    run, start = _longest_run(loaded)
    if run >= standards.spinal_days_running:
        detail = (
            f"heavy spinal lifts on {run} days running from {start} "
            f"(never {standards.spinal_days_running})"
        )
        return _criterion("C18", False, float(run), detail)
    most = max((len(lifts) for lifts in per_session.values()), default=0)
    if not loaded:
        return _criterion("C18", True, 0.0, "no heavy spinal lift")
    detail = (
        f"at most {most} heavy spinal lift{'' if most == 1 else 's'} a session, "
        f"on {_days(len(loaded))}, never more than {run} running "
        f"(< {standards.spinal_days_running})"
    )
    return _criterion("C18", True, float(most), detail)


def _c19_even_allocation(week: _Week) -> Criterion:
    """No exercise at top_sets on top_sets_days days; no muscle past session_primary_sets
    primary sets in one session."""
    standards = week.standards
    top_days: dict[str, list[str]] = {}
    for entry in week.entries:
        if entry.sets >= standards.top_sets:
            top_days.setdefault(entry.exercise_id, []).append(entry.weekday)
    repeated = [e for e, days in top_days.items() if len(days) >= standards.top_sets_days]
    if repeated:
        exercise_id = repeated[0]
        days = top_days[exercise_id]
        at_least = "" if week.client.max_sets_per_exercise <= standards.top_sets else "≥ "
        detail = (
            f"{week.library.exercise(exercise_id).name} at {at_least}{standards.top_sets} sets "
            f"on {_listing(days)} (on fewer than {standards.top_sets_days} days)"
            + _and_more(len(repeated) - 1)
        )
        return _criterion("C19", False, float(len(days)), detail)
    heaviest: tuple[float, str, str] = (0.0, "", "")
    crowded = 0
    for day, entries in week.held.items():
        primary: dict[str, int] = {}
        for entry in entries:
            for muscle in week.exercise(entry).primary_muscles:
                primary[muscle] = primary.get(muscle, 0) + entry.sets
        for muscle, count in primary.items():
            if not _at_most(count, standards.session_primary_sets):
                crowded += 1
            if count > heaviest[0]:
                heaviest = (float(count), day, muscle)
    sets, day, muscle = heaviest
    limit = f"≤ {_num(standards.session_primary_sets)}"
    if crowded:
        detail = (
            f"{day}: {week.muscle_name(muscle)} gets {_num(sets)} primary sets ({limit})"
            + _and_more(crowded - 1)
        )
        return _criterion("C19", False, sets, detail)
    detail = (
        f"no exercise at {standards.top_sets} sets on {standards.top_sets_days} days; "
        f"at most {_num(sets)} primary sets of a muscle in a session ({limit})"
    )
    return _criterion("C19", True, sets, detail)


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
    _c14_posterior_emphasis,
    _c15_press,
    _c16_knee_dominant,
    _c17_room_to_warm_up,
    _c18_spinal_load_spread,
    _c19_even_allocation,
)

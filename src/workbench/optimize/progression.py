"""The block model: the sets of every week of a block, over the peak week's own choices, as
one small integer program.

The peak week is the weekly optimizer's (:func:`~workbench.planner.make_plan`); every other
week chooses, for each ``(exercise, weekday)`` slot of it, 0 sets or between the client's
fewest sets per exercise and the peak's sets. Each week is then a sub-week of a week that
holds every hard limit: minutes, equipment, eligibility, sets per exercise, muscle maxima,
recovery (within the week and across the boundary between weeks: a muscle primary on no
Sunday-Monday pair of the peak week is primary on none of any pair of its sub-weeks) and the
exercise cap hold by construction; required exercises and locks are rows of their own.

What a week asks (:class:`WeekSpec`) is data: the effective sets per muscle it aims at (a
goal, weighted by priority), the band each muscle should stay in (elastic, at a cost far
above any goal), slots it must hold, at their peak or left out, groups of which one (or
``n`` days) must be held, and the earlier week whose effective sets it must not fall below
nor rise past by more than :attr:`ProgressionSpec.max_rise`. Solved with the project's
backends to a gap or a node budget, never the clock: the same spec gives the same sets.

Variables are keyed by ``(week, slot)`` in dicts, never by names (STYLE.md 3).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from workbench.optimize.backends import backend
from workbench.optimize.model import Linear, LinearModel
from workbench.optimize.status import Termination

__all__ = [
    "BALANCE_COST",
    "BAND_COST",
    "BAND_MISS_COST",
    "PROGRESSION_GAP",
    "PROGRESSION_NODES",
    "RISE_COST",
    "ProgressionResult",
    "ProgressionSpec",
    "SlotSpec",
    "WeekSpec",
    "solve_progression",
]

#: An ``(exercise_id, weekday)`` slot of the peak week.
Slot = tuple[str, str]

#: Cost of one effective set outside a week's band, and of one set of a required rise not
#: made [per set]: far above the goal's (1 a set at priority 1), so a band or a rise is
#: missed only where no sub-week of the peak meets it.
BAND_COST = 100.0
RISE_COST = 100.0
#: Cost of a band missed at all, however narrowly [per muscle and week]: above any
#: preference, so a band is kept wherever a sub-week of the peak keeps it.
BAND_MISS_COST = 50.0
#: Cost of a slot a week leaves out [per slot]: a week drops whole exercises only where the
#: goal asks for it; main lifts keep their days first (frequency through a deload).
DROP_COST = 0.05
MAIN_DROP_COST = 0.25
#: Cost of a minute a session falls short of its share of the week [per min]: a set of
#: ~3 minutes short costs about what a set off the goal does, so sessions shrink alike
#: where the goal allows (0.1 and 1.0 a minute gave one credible week less and none more
#: over 20 generated 5-week blocks, 7 Dec 2026).
BALANCE_COST = 0.3
#: The block model's relative gap [ratio] and work budget [nodes]: a block of six weeks over
#: 30 slots has ~400 columns and proves its optimum at the root or within a few hundred nodes.
PROGRESSION_GAP = 1e-4
PROGRESSION_NODES = 5000


@dataclass(frozen=True)
class SlotSpec:
    """One slot of the peak week: its sets there, the effective sets one set gives each
    muscle [sets], whether it is a main lift."""

    exercise_id: str
    weekday: str
    peak_sets: int
    weights: Mapping[str, float]
    main: bool = False
    #: Minutes one set takes [min].
    minutes: float = 0.0

    @property
    def key(self) -> Slot:
        return (self.exercise_id, self.weekday)


@dataclass(frozen=True)
class WeekSpec:
    """What one week of the block asks. Muscles absent from ``goal`` ask nothing."""

    #: Effective sets aimed at per muscle [sets/week].
    goal: Mapping[str, float]
    #: The band (low, high) each muscle should stay in [sets/week]; elastic.
    band: Mapping[str, tuple[float, float]] = field(default_factory=dict)
    #: Slots held (at least the fewest sets), held at their peak sets, left out.
    present: frozenset[Slot] = frozenset()
    exact: frozenset[Slot] = frozenset()
    absent: frozenset[Slot] = frozenset()
    #: Groups of slots of which at least ``n`` are held (a main lift on one of its days: 1;
    #: neck work on two days: 2).
    at_least: tuple[tuple[frozenset[Slot], int], ...] = ()
    #: Groups of slots worth keeping in the week (a staple family), each with what leaving
    #: every slot of it out costs [per group].
    kept: tuple[tuple[frozenset[Slot], float], ...] = ()
    #: Keep each session's share of the week's minutes at least its share in the peak week
    #: (elastic): a week of fewer sets shortens every session alike, not one of them.
    balance: bool = False
    #: The index of the earlier week this one rises from: no muscle's effective sets below
    #: it, none above it by more than the spec's ``max_rise``.
    follows: int | None = None


@dataclass(frozen=True)
class ProgressionSpec:
    slots: tuple[SlotSpec, ...]
    weeks: tuple[WeekSpec, ...]
    #: The fewest sets a held slot gets (the client's ``min_sets_per_exercise``).
    min_sets: int
    #: The most a muscle's effective sets rise from the week a week follows [sets/week].
    max_rise: float = 2.0
    #: Rises to make: (from week, to week, muscle, at least [sets/week]); elastic.
    rises: tuple[tuple[int, int, str, float], ...] = ()
    #: The weight of each muscle's goal (its priority); absent muscles weigh 1.
    priorities: Mapping[str, float] = field(default_factory=dict)
    solver: str = "highs"


@dataclass(frozen=True)
class ProgressionResult:
    """How the block model ended, the sets of each week by slot (None without a solution),
    and each band or rise it could not meet (one line each)."""

    termination: Termination
    sets: tuple[Mapping[Slot, int], ...] | None = None
    objective: float | None = None
    bound: float | None = None
    nodes: int = 0
    misses: tuple[str, ...] = ()

    @property
    def proven(self) -> bool:
        return self.termination is Termination.OPTIMAL

    @property
    def gap(self) -> float | None:
        """The relative gap proven [ratio], when both value and bound are known."""
        if self.objective is None or self.bound is None:
            return None
        return abs(self.objective - self.bound) / max(abs(self.objective), 1.0)


def _muscles(slots: tuple[SlotSpec, ...]) -> list[str]:
    seen: dict[str, None] = {}
    for slot in slots:
        for muscle in slot.weights:
            seen.setdefault(muscle)
    return list(seen)


def _components(spec: ProgressionSpec) -> list[list[int]]:
    """The weeks in groups that share a row: a week and the week it follows, the two ends
    of a rise. No row joins two groups, so each is solved alone: the optimum of the whole
    model is the optimum of each group (its objective is the sum of theirs)."""
    parent = list(range(len(spec.weeks)))

    def root(week: int) -> int:
        while parent[week] != week:
            parent[week] = parent[parent[week]]
            week = parent[week]
        return week

    def join(one: int, other: int) -> None:
        parent[root(one)] = root(other)

    for index, week in enumerate(spec.weeks):
        if week.follows is not None:
            join(index, week.follows)
    for first, last, _muscle, _amount in spec.rises:
        join(first, last)
    groups: dict[int, list[int]] = {}
    for index in range(len(spec.weeks)):
        groups.setdefault(root(index), []).append(index)
    return sorted(groups.values())


def _signature(week: WeekSpec) -> tuple[object, ...]:
    """What a lone week's model depends on: two weeks with one signature have one optimum."""
    return (
        tuple(sorted(week.goal.items())),
        tuple(sorted(week.band.items())),
        tuple(sorted(week.present)),
        tuple(sorted(week.exact)),
        tuple(sorted(week.absent)),
        tuple(sorted((tuple(sorted(g)), n) for g, n in week.at_least)),
        tuple(sorted((tuple(sorted(g)), c) for g, c in week.kept)),
    )


def solve_progression(spec: ProgressionSpec) -> ProgressionResult:
    """The sets of every week of ``spec``'s block: goals met as closely as the bands, rises
    and held slots allow. One model; its independent parts (:func:`_components`) are solved
    apart, and a lone week asking what another asks is solved once."""
    sets: list[Mapping[Slot, int] | None] = [None] * len(spec.weeks)
    misses: list[str] = []
    termination = Termination.OPTIMAL
    objective = 0.0
    bound: float | None = 0.0
    nodes = 0
    solved: dict[tuple[object, ...], tuple[ProgressionResult, int]] = {}
    for group in _components(spec):
        key = _signature(spec.weeks[group[0]]) if len(group) == 1 else None
        if key is not None and key in solved:
            part, source = solved[key]
            sets[group[0]] = part.sets[0] if part.sets is not None else None
            objective += part.objective or 0.0
            bound = bound + part.bound if part.bound is not None and bound is not None else None
            misses += [
                m.replace(f"week {source + 1}:", f"week {group[0] + 1}:")
                for m in part.misses
                if m.startswith(f"week {source + 1}:")
            ]
            continue
        part = _solve_weeks(spec, group)
        if key is not None:
            solved[key] = (part, group[0])
        if part.sets is None:
            return ProgressionResult(part.termination, nodes=nodes + part.nodes)
        for position, week in enumerate(group):
            sets[week] = part.sets[position]
        misses += part.misses
        nodes += part.nodes
        objective += part.objective or 0.0
        bound = bound + part.bound if part.bound is not None and bound is not None else None
        if part.termination is not Termination.OPTIMAL:
            termination = part.termination
    order = {text: index for index, text in enumerate(misses)}
    return ProgressionResult(
        termination,
        tuple(week_sets or {} for week_sets in sets),
        objective=objective,
        bound=bound,
        nodes=nodes,
        misses=tuple(sorted(set(misses), key=lambda m: (_week_of(m), order[m]))),
    )


def _week_of(miss: str) -> int:
    head = miss.split(":")[0]
    return int(head.split()[1]) if head.startswith("week ") else 0


def _solve_weeks(spec: ProgressionSpec, group: list[int]) -> ProgressionResult:
    """One independent part of the block model: the weeks ``group`` (indices into
    ``spec.weeks``), their sets in that order."""
    model = LinearModel()
    objective = Linear()
    fewest = spec.min_sets
    sets: dict[tuple[int, Slot], int] = {}
    held: dict[tuple[int, Slot], int] = {}
    for week_index in group:
        week = spec.weeks[week_index]
        for slot in spec.slots:
            key = slot.key
            peak = slot.peak_sets
            if key in week.absent:
                low = high = 0
            elif key in week.exact:
                low = high = peak
            else:
                low, high = (min(fewest, peak) if key in week.present else 0), peak
            count = model.add_column(low, high, integer=True, name=f"sets_w{week_index}")
            on = model.add_column(
                1 if low > 0 else 0, 1 if high > 0 else 0, integer=True, name=f"on_w{week_index}"
            )
            sets[(week_index, key)] = count
            held[(week_index, key)] = on
            # 0 sets, or the fewest to the peak's.
            model.at_most(Linear.of(count) - Linear.of(on, peak), 0.0)
            model.at_least(Linear.of(count) - Linear.of(on, min(fewest, peak)), 0.0)
            objective.add(on, -(MAIN_DROP_COST if slot.main else DROP_COST))
            objective.constant += MAIN_DROP_COST if slot.main else DROP_COST
        for members_group, wanted in week.at_least:
            members = [held[(week_index, key)] for key in sorted(members_group)]
            model.at_least(Linear((column, 1.0) for column in members), min(wanted, len(members)))
        for members_group, cost in week.kept:
            members = [held[(week_index, key)] for key in sorted(members_group)]
            if not members:
                continue
            kept = model.add_binary(name="kept")
            model.at_most(Linear.of(kept) - Linear((column, 1.0) for column in members), 0.0)
            objective.add(kept, -cost)
            objective.constant += cost

    peak_minutes: dict[str, float] = {}
    for slot in spec.slots:
        peak_minutes[slot.weekday] = (
            peak_minutes.get(slot.weekday, 0.0) + slot.peak_sets * slot.minutes
        )
    peak_total = sum(peak_minutes.values())
    for week_index in group:
        if not spec.weeks[week_index].balance or peak_total <= 0:
            continue
        week_minutes = Linear(
            (sets[(week_index, slot.key)], slot.minutes) for slot in spec.slots if slot.minutes
        )
        for day, minutes in sorted(peak_minutes.items()):
            session = Linear(
                (sets[(week_index, slot.key)], slot.minutes)
                for slot in spec.slots
                if slot.weekday == day and slot.minutes
            )
            short = model.add_column(0.0, name="session_short")
            objective.add(short, BALANCE_COST)
            model.at_least(session - week_minutes * (minutes / peak_total) + Linear.of(short), 0.0)

    muscles = _muscles(spec.slots)
    effective: dict[tuple[int, str], Linear] = {}
    for week_index in group:
        for muscle in muscles:
            effective[(week_index, muscle)] = Linear(
                (sets[(week_index, slot.key)], slot.weights[muscle])
                for slot in spec.slots
                if muscle in slot.weights
            )

    def elastic(expression: Linear, low: float, high: float, cost: float) -> tuple[int, int]:
        """``low <= expression <= high`` with a column for each side's miss, costed."""
        under = model.add_column(0.0, name="under")
        over = model.add_column(0.0, name="over")
        objective.add(under, cost).add(over, cost)
        model.at_least(expression + Linear.of(under), low)
        model.at_most(expression - Linear.of(over), high)
        return under, over

    misses: list[tuple[str, int, int]] = []
    for week_index in group:
        week = spec.weeks[week_index]
        for muscle in muscles:
            amount = effective[(week_index, muscle)]
            if muscle in week.goal:
                weight = max(spec.priorities.get(muscle, 1.0), 0.1)
                elastic(amount, week.goal[muscle], week.goal[muscle], weight)
            if muscle in week.band:
                band_low, band_high = week.band[muscle]
                under, over = elastic(amount, band_low, band_high, BAND_COST)
                # Any miss switches on a costed flag (a miss is at most the band's own width
                # beyond the muscle's peak, the largest it can get).
                flag = model.add_binary(name="band_missed")
                reach = max(band_high, 1.0) + sum(
                    s.weights.get(muscle, 0.0) * s.peak_sets for s in spec.slots
                )
                model.at_most(Linear.of(under) + Linear.of(over) - Linear.of(flag, reach), 0.0)
                objective.add(flag, BAND_MISS_COST)
                misses.append(
                    (
                        f"week {week_index + 1}: {muscle} outside {band_low:g}-{band_high:g}",
                        under,
                        over,
                    )
                )
            if week.follows is not None:
                before = effective[(week.follows, muscle)]
                model.at_least(amount - before, 0.0)
                model.at_most(amount - before, spec.max_rise)
    for first, last, muscle, least in spec.rises:
        if muscle not in muscles or first not in group:
            continue
        rise = effective[(last, muscle)] - effective[(first, muscle)]
        short = model.add_column(0.0, least, name="short")
        objective.add(short, RISE_COST)
        model.at_least(rise + Linear.of(short), least)
        misses.append(
            (
                f"{muscle} rises by less than {least:g} from week {first + 1} to {last + 1}",
                short,
                short,
            )
        )

    run = (
        backend(spec.solver)
        .attach(model, threads=1)
        .solve(objective, maximise=False, gap=PROGRESSION_GAP, node_limit=PROGRESSION_NODES)
    )
    if not run.termination.feasible or run.values is None:
        return ProgressionResult(run.termination, nodes=run.nodes)
    values = run.values
    weeks = tuple(
        {slot.key: round(values[sets[(w, slot.key)]]) for slot in spec.slots} for w in group
    )
    missed = tuple(
        text for text, under, over in misses if values[under] > 1e-6 or values[over] > 1e-6
    )
    return ProgressionResult(
        run.termination,
        weeks,
        objective=run.objective,
        bound=run.bound,
        nodes=run.nodes,
        misses=missed,
    )

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

A week may also hold other exercises than the peak's (a fight camp's phases,
:class:`OptionSpec`): a slot takes one of its options, an open slot (power work added beside
the main lifts) only options, and an option of the slot's own exercise lets it grow past
its peak sets; weeks of one phase choose the same. Such a week is no longer a
sub-week by construction, so it gets the rows a sub-week holds for free: each session's
minutes, each muscle's maximum, each exercise once per session, the exercise cap. The
options' prime movers are the caller's to keep within the day's (recovery).

Variables are keyed by ``(week, slot)`` in dicts, never by names (STYLE.md 3).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from workbench.optimize.backends import backend
from workbench.optimize.model import Linear, LinearModel
from workbench.optimize.status import Termination

__all__ = [
    "BALANCE_COST",
    "BAND_COST",
    "BAND_MISS_COST",
    "FALL_COST",
    "PROGRESSION_GAP",
    "PROGRESSION_NODES",
    "RISE_COST",
    "OptionSpec",
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
#: Cost of a main lift's set above its peak less one in a block's first week [per set].
MAIN_SHORT_COST = 5.0
#: The fewest sets a main lift starts a block with: a set under a three-set peak is a main
#: lift's token (block rounds 11-13: "main lifts get only 2 sets in weeks 1-2 for an
#: advanced lifter", "Fri squat is only 2x5").
MAIN_START_SETS = 3
#: What a set short of those three costs a held main lift in a rising week [per set]: above a
#: set off the goal (1), below a band's or a rise's (100).
MAIN_TOKEN_COST = 3.0
#: Cost of a minute a session falls short of its share of the week [per min]: a set of
#: ~3 minutes short costs about what a set off the goal does, so sessions shrink alike
#: where the goal allows (0.1 and 1.0 a minute gave one credible week less and none more
#: over 20 generated 5-week blocks, 7 Dec 2026).
BALANCE_COST = 0.3
#: Cost of a set an exercise falls from the week its week rises from [per set]: well above a
#: set off the goal (1), so an exercise's sets rise or hold and the goal is met by the
#: others (at 0.5 a desk worker's block kept "woodchop 2-3-2-3", at 1.5 a runner's single-leg
#: RDL went 3-4-3-4 under the one-set rise of the hamstrings), below a band's or a rise's.
#: 8 since round 63's value (at 5 a generated client's kettlebell reverse fly went 3-2).
FALL_COST = 8.0
#: The block model's relative gap [ratio] and work budget [nodes]: a block of six weeks over
#: 30 slots has ~400 columns and proves its optimum at the root or within a few hundred nodes.
PROGRESSION_GAP = 1e-4
PROGRESSION_NODES = 5000


@dataclass(frozen=True)
class SlotSpec:
    """One slot of the peak week: its sets there, the effective sets one set gives each
    muscle [sets], whether it is a main lift. An ``open`` slot holds no exercise of its own
    (``exercise_id`` only names it, ``peak_sets`` 0): only a week's options fill it."""

    exercise_id: str
    weekday: str
    peak_sets: int
    weights: Mapping[str, float]
    main: bool = False
    #: Minutes one set takes [min].
    minutes: float = 0.0
    open: bool = False

    @property
    def key(self) -> Slot:
        return (self.exercise_id, self.weekday)


@dataclass(frozen=True)
class OptionSpec:
    """An exercise a week may hold in a slot instead of the slot's own: the effective sets
    one set gives each muscle [sets], one set's minutes [min], the most sets it takes."""

    exercise_id: str
    weights: Mapping[str, float]
    minutes: float
    most_sets: int


@dataclass(frozen=True)
class WeekSpec:
    """What one week of the block asks. Muscles absent from ``goal`` ask nothing."""

    #: Effective sets aimed at per muscle [sets/week].
    goal: Mapping[str, float]
    #: The band (low, high) each muscle should stay in [sets/week]; elastic.
    band: Mapping[str, tuple[float, float]] = field(default_factory=dict)
    #: Slots held (at least the fewest sets), held at their peak sets (at least them where
    #: the slot's own exercise may grow past them: an option of its own), left out.
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
    #: Exercises a slot may hold this week instead of its own (an open slot: only these).
    options: Mapping[Slot, tuple[OptionSpec, ...]] = field(default_factory=dict)
    #: Weeks of one phase hold the same exercises: in each slot the same one (or none), in
    #: every week whose day trains.
    phase: str | None = None
    #: What holding an exercise in a slot is worth, per week held: (slot, exercise_id) ->
    #: value [per week].
    prefer: Mapping[tuple[Slot, str], float] = field(default_factory=dict)
    #: Groups of exercise ids whose sets together should reach a number (elastic): (ids,
    #: sets, cost of a set short).
    floors: tuple[tuple[frozenset[str], float, float], ...] = ()
    #: The earlier week this one is planned under, once that week is solved: each slot holds
    #: what that week holds there (or nothing) at no more of its sets, each session no more
    #: sets and no more minutes than that week's on the same weekday (a taper under the last
    #: speed week).
    under: int | None = None
    #: The band (low, high) of the week's total sets [sets]; elastic.
    total: tuple[float, float] | None = None
    #: (weekdays, sets): the week's sessions on those weekdays hold at least that many sets
    #: together (elastic, as a total's band): room for a week planned under this one (the
    #: last speed week keeps the taper's floor on the days the fight leaves it).
    room: tuple[tuple[str, ...], float] | None = None
    #: A held slot's most sets as a share of its most (rounded up, never below the fewest): a
    #: cut week cuts every exercise, not only each muscle's total (the fifth block review: a
    #: deload's calf raise, hip abduction and back extension at their peak week's three sets).
    most_share: float | None = None
    #: The main lifts start a set under their peak sets (elastic, ``MAIN_SHORT_COST`` a set
    #: above): the block's rises reach them, not only the accessories (block round 6: a hip
    #: thrust at 4 x 10-12 and a band RDL at 4 x 15 in every accumulation week, the added
    #: sets on calves, rows and abduction).
    main_short: bool = False
    #: A held main lift keeps :data:`MAIN_START_SETS` (elastic, ``MAIN_TOKEN_COST`` a set):
    #: a block's accumulation weeks.
    main_tokens: bool = False


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
    #: For a week holding options: the most minutes of each weekday's session [min], the
    #: most effective sets of each muscle [sets/week], the most exercises in a session.
    session_minutes: Mapping[str, float] = field(default_factory=dict)
    ceilings: Mapping[str, float] = field(default_factory=dict)
    max_exercises: int | None = None


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
    #: Each week's exercises held in a slot not their own: ``(exercise_id, weekday)`` -> the
    #: slot they fill.
    placed: tuple[Mapping[Slot, Slot], ...] = ()
    #: Each week's held slots: slot -> (the exercise it holds, its sets).
    held: tuple[Mapping[Slot, tuple[str, int]], ...] = ()

    @property
    def proven(self) -> bool:
        return self.termination is Termination.OPTIMAL

    @property
    def gap(self) -> float | None:
        """The relative gap proven [ratio], when both value and bound are known."""
        if self.objective is None or self.bound is None:
            return None
        return abs(self.objective - self.bound) / max(abs(self.objective), 1.0)


def _muscles(spec: ProgressionSpec) -> list[str]:
    seen: dict[str, None] = {}
    for slot in spec.slots:
        for muscle in slot.weights:
            seen.setdefault(muscle)
    for week in spec.weeks:
        for options in week.options.values():
            for option in options:
                for muscle in option.weights:
                    seen.setdefault(muscle)
    return list(seen)


def _choices(slot: SlotSpec, week: WeekSpec) -> tuple[OptionSpec, ...]:
    """What ``slot`` may hold in ``week``: its own exercise (unless open), then its options.
    An option of the slot's own exercise is that exercise grown past its peak sets (a camp
    phase's power work): it stands in the own's place."""
    options = tuple(week.options.get(slot.key, ()))
    if slot.open:
        return options
    grown = [o for o in options if o.exercise_id == slot.exercise_id]
    own = (
        grown[0]
        if grown
        else OptionSpec(slot.exercise_id, slot.weights, slot.minutes, slot.peak_sets)
    )
    return (own, *(o for o in options if o.exercise_id != slot.exercise_id))


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

    phases: dict[str, int] = {}
    for index, week in enumerate(spec.weeks):
        if week.follows is not None:
            join(index, week.follows)
        if week.phase is not None:
            join(index, phases.setdefault(week.phase, index))
    for first, last, _muscle, _amount in spec.rises:
        join(first, last)
    groups: dict[int, list[int]] = {}
    for index in range(len(spec.weeks)):
        groups.setdefault(root(index), []).append(index)
    # A group planned under another week comes after that week's group.
    ordered: list[list[int]] = []
    waiting = sorted(groups.values())
    while waiting:
        done = {week for group in ordered for week in group}
        ready = [
            group
            for group in waiting
            if all(
                spec.weeks[w].under is None
                or spec.weeks[w].under in done
                or spec.weeks[w].under in group
                for w in group
            )
        ]
        if not ready:
            raise ValueError("weeks planned under each other in a circle")
        ordered += ready
        waiting = [group for group in waiting if group not in ready]
    return ordered


def _alike(spec: ProgressionSpec, group: list[int]) -> bool:
    """Whether the weeks of ``group`` ask the same and are joined only by their phase: then
    one week's optimum, held in each, is the group's (each week's terms are the same, its
    shared choices too)."""
    first = spec.weeks[group[0]]
    joined = {w for f, t, _m, _a in spec.rises for w in (f, t)}
    return len(group) > 1 and all(
        spec.weeks[w].follows is None
        and spec.weeks[w].under is None
        and w not in joined
        and _signature(spec.weeks[w]) == _signature(first)
        for w in group
    )


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
        tuple(
            sorted(
                (k, tuple((o.exercise_id, o.most_sets) for o in v)) for k, v in week.options.items()
            )
        ),
        tuple(sorted(week.prefer.items())),
        tuple(sorted((tuple(sorted(g)), n, c) for g, n, c in week.floors)),
        week.total,
        week.balance,
        week.under,
        week.room,
    )


def solve_progression(spec: ProgressionSpec) -> ProgressionResult:
    """The sets of every week of ``spec``'s block: goals met as closely as the bands, rises
    and held slots allow. One model; its independent parts (:func:`_components`) are solved
    apart, and a lone week asking what another asks is solved once."""
    sets: list[Mapping[Slot, int] | None] = [None] * len(spec.weeks)
    placed: list[Mapping[Slot, Slot]] = [{} for _ in spec.weeks]
    misses: list[str] = []
    termination = Termination.OPTIMAL
    objective = 0.0
    bound: float | None = 0.0
    nodes = 0
    held: list[Mapping[Slot, tuple[str, int]]] = [{} for _ in spec.weeks]
    solved: dict[tuple[object, ...], tuple[ProgressionResult, int]] = {}
    for group in _components(spec):
        key = (
            _signature(spec.weeks[group[0]])
            if len(group) == 1 and spec.weeks[group[0]].under is None
            else None
        )
        alike = _alike(spec, group)
        if key is not None and key in solved:
            part, source = solved[key]
        else:
            part = _solve_weeks(spec, group[:1] if alike else group, held)
            source = group[0]
            if key is not None:
                solved[key] = (part, group[0])
            if part.sets is None:
                return ProgressionResult(part.termination, nodes=nodes + part.nodes)
            nodes += part.nodes
            if part.termination is not Termination.OPTIMAL:
                termination = part.termination
        assert part.sets is not None
        copies = group if (alike or key is not None) else []
        for position, week in enumerate(group):
            at = 0 if copies else position
            sets[week] = part.sets[at]
            placed[week] = part.placed[at] if part.placed else {}
            held[week] = part.held[at] if part.held else {}
            if copies:
                objective += part.objective or 0.0
                bound = bound + part.bound if part.bound is not None and bound is not None else None
                misses += [
                    m.replace(f"week {source + 1}:", f"week {week + 1}:")
                    for m in part.misses
                    if m.startswith(f"week {source + 1}:")
                ]
        if not copies:
            misses += part.misses
            objective += part.objective or 0.0
            bound = bound + part.bound if part.bound is not None and bound is not None else None
    order = {text: index for index, text in enumerate(misses)}
    return ProgressionResult(
        termination,
        tuple(week_sets or {} for week_sets in sets),
        objective=objective,
        bound=bound,
        nodes=nodes,
        misses=tuple(sorted(set(misses), key=lambda m: (_week_of(m), order[m]))),
        placed=tuple(placed),
        held=tuple(held),
    )


def _week_of(miss: str) -> int:
    head = miss.split(":")[0]
    return int(head.split()[1]) if head.startswith("week ") else 0


#: A column of the model: (week, slot, the exercise held in it).
_Choice = tuple[int, Slot, str]


def _solve_weeks(
    spec: ProgressionSpec,
    group: list[int],
    earlier: Sequence[Mapping[Slot, tuple[str, int]]] = (),
) -> ProgressionResult:
    """One independent part of the block model: the weeks ``group`` (indices into
    ``spec.weeks``), their sets in that order; ``earlier``: what each week solved already
    holds (the week a week is planned under)."""
    model = LinearModel()
    objective = Linear()
    fewest = spec.min_sets
    sets: dict[_Choice, int] = {}
    held: dict[_Choice, int] = {}
    minutes_of: dict[_Choice, float] = {}
    weights_of: dict[_Choice, Mapping[str, float]] = {}
    #: The on-columns of every exercise held on a weekday, per week: (week, exercise_id, day).
    holding: dict[tuple[int, str, str], list[int]] = {}
    picks: dict[tuple[str, Slot, str], int] = {}
    phases = [spec.weeks[w].phase for w in group if spec.weeks[w].phase is not None]
    shared = {phase for phase in phases if phases.count(phase) > 1}
    for week_index in group:
        week = spec.weeks[week_index]
        needed = {key for members, _n in week.at_least for key in members}
        for slot in spec.slots:
            key = slot.key
            choices = _choices(slot, week)
            if week.under is not None:
                # What the earlier week holds here, at no more of its sets; a slot it leaves
                # empty holds its own exercise only where the week must (a required
                # exercise whose other days rest, a lock).
                kept_choice = earlier[week.under].get(key)
                if kept_choice is not None:
                    choices = tuple(
                        replace(c, most_sets=min(c.most_sets, kept_choice[1]))
                        for c in choices
                        if c.exercise_id == kept_choice[0]
                    )
                elif key not in week.present and key not in needed:
                    choices = ()
                else:
                    choices = choices[:1] if not slot.open else ()
            if not choices:
                continue
            peak = slot.peak_sets
            single = (
                len(choices) == 1
                and not slot.open
                and choices[0].exercise_id == slot.exercise_id
                and choices[0].most_sets == peak
            )
            ons = []
            # A main lift held in a rising week keeps three sets (or its peak's, if fewer):
            # a two-set main lift is a token (block rounds 11-14). The slot's own lift, not a
            # variant standing in for it (a camp's power work).
            tokens = slot.main and week.main_tokens and week.most_share is None
            for option in choices:
                most = option.most_sets
                token_sets = (
                    min(MAIN_START_SETS, peak, most)
                    if tokens and option.exercise_id == slot.exercise_id
                    else fewest
                )
                if week.most_share is not None and key not in week.exact:
                    cut = math.ceil(week.most_share * most - 1e-9)
                    most = min(most, max(min(fewest, most), cut))
                    peak = min(slot.peak_sets, most) if single else peak
                if key in week.absent:
                    low = high = 0
                elif single and key in week.exact:
                    low = high = peak
                elif single:
                    low, high = (min(fewest, peak) if key in week.present else 0), peak
                else:
                    low, high = 0, most
                count = model.add_column(low, high, integer=True, name=f"sets_w{week_index}")
                on = model.add_column(
                    1 if low > 0 else 0,
                    1 if high > 0 else 0,
                    integer=True,
                    name=f"on_w{week_index}",
                )
                choice = (week_index, key, option.exercise_id)
                sets[choice] = count
                held[choice] = on
                minutes_of[choice] = option.minutes
                weights_of[choice] = option.weights
                holding.setdefault((week_index, option.exercise_id, slot.weekday), []).append(on)
                ons.append(on)
                if week.main_short and slot.main and single and peak > max(fewest, MAIN_START_SETS):
                    above = model.add_column(0.0, name="main_above")
                    objective.add(above, MAIN_SHORT_COST)
                    model.at_most(Linear.of(count) - Linear.of(above), float(peak - 1))
                # 0 sets, or the fewest to the most.
                model.at_most(Linear.of(count) - Linear.of(on, most), 0.0)
                model.at_least(Linear.of(count) - Linear.of(on, min(fewest, most)), 0.0)
                if token_sets > fewest:
                    # Elastic: a set short of a held main lift's three costs MAIN_TOKEN_COST.
                    short = model.add_column(0.0, name="main_token")
                    objective.add(short, MAIN_TOKEN_COST)
                    model.at_least(
                        Linear.of(count) + Linear.of(short) - Linear.of(on, float(token_sets)), 0.0
                    )
                if not slot.open:
                    objective.add(on, -(MAIN_DROP_COST if slot.main else DROP_COST))
                value = week.prefer.get((key, option.exercise_id), 0.0)
                if value:
                    objective.add(on, -value)
                if week.phase is not None and week.phase in shared:
                    # The phase's weeks hold the same exercises (each where its day trains).
                    pick_key = (week.phase, key, option.exercise_id)
                    pick = picks.get(pick_key)
                    if pick is None:
                        pick = model.add_binary(name="pick")
                        picks[pick_key] = pick
                    model.at_most(Linear.of(on) - Linear.of(pick), 0.0)
                    if key not in week.absent:
                        model.at_least(Linear.of(on) - Linear.of(pick), 0.0)
            if not slot.open:
                objective.constant += MAIN_DROP_COST if slot.main else DROP_COST
            if single:
                continue
            # One exercise a slot; a held slot holds one; an exact slot its peak's sets.
            model.at_most(Linear((on, 1.0) for on in ons), 1.0)
            if key in week.present and key not in week.absent:
                model.at_least(Linear((on, 1.0) for on in ons), 1.0)
            if key in week.exact and key not in week.absent:
                counts = Linear((sets[(week_index, key, o.exercise_id)], 1.0) for o in choices)
                model.at_least(counts, float(peak))
                # A slot whose own exercise may grow past its peak holds at least the peak.
                grows = any(
                    o.exercise_id == slot.exercise_id and o.most_sets > peak for o in choices
                )
                if slot.open or not grows:
                    model.at_most(counts, float(peak))
        for members_group, wanted in week.at_least:
            members = [
                on
                for exercise_id, day in sorted(members_group)
                for on in holding.get((week_index, exercise_id, day), ())
            ]
            model.at_least(Linear((column, 1.0) for column in members), min(wanted, len(members)))
        for members_group, cost in week.kept:
            members = [
                on
                for exercise_id, day in sorted(members_group)
                for on in holding.get((week_index, exercise_id, day), ())
            ]
            if not members:
                continue
            kept = model.add_binary(name="kept")
            model.at_most(Linear.of(kept) - Linear((column, 1.0) for column in members), 0.0)
            objective.add(kept, -cost)
            objective.constant += cost
    for phase_pick in _pick_groups(picks):
        model.at_most(Linear((pick, 1.0) for pick in phase_pick), 1.0)

    def session(week_index: int, day: str, per: str) -> Linear:
        """A week's session on ``day``: its sets, or its minutes."""
        return Linear(
            (column, 1.0 if per == "sets" else minutes_of[choice])
            for choice, column in sets.items()
            if choice[0] == week_index
            and choice[1][1] == day
            and (per == "sets" or minutes_of[choice])
        )

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
            (column, minutes_of[choice])
            for choice, column in sets.items()
            if choice[0] == week_index and minutes_of[choice]
        )
        for day, minutes in sorted(peak_minutes.items()):
            short = model.add_column(0.0, name="session_short")
            objective.add(short, BALANCE_COST)
            model.at_least(
                session(week_index, day, "minutes")
                - week_minutes * (minutes / peak_total)
                + Linear.of(short),
                0.0,
            )

    muscles = _muscles(spec)
    effective: dict[tuple[int, str], Linear] = {}
    for week_index in group:
        for muscle in muscles:
            effective[(week_index, muscle)] = Linear(
                (column, weights_of[choice][muscle])
                for choice, column in sets.items()
                if choice[0] == week_index and muscle in weights_of[choice]
            )

    days = sorted({slot.weekday for slot in spec.slots})
    for week_index in group:
        week = spec.weeks[week_index]
        if not week.options:
            continue
        # Rows a sub-week of the peak holds by construction, and a week of other exercises
        # must be given: each session's minutes, each muscle's maximum, each exercise once
        # a session, the exercise cap.
        for day in days:
            if day in spec.session_minutes:
                model.at_most(session(week_index, day, "minutes"), spec.session_minutes[day])
            if spec.max_exercises is not None:
                exercises = Linear(
                    (on, 1.0)
                    for (w, _exercise_id, d), columns in holding.items()
                    if w == week_index and d == day
                    for on in columns
                )
                model.at_most(exercises, float(spec.max_exercises))
        for muscle in muscles:
            if muscle in spec.ceilings:
                model.at_most(effective[(week_index, muscle)], spec.ceilings[muscle])
        for (w, _exercise_id, _day), columns in holding.items():
            if w == week_index and len(columns) > 1:
                model.at_most(Linear((on, 1.0) for on in columns), 1.0)

    def elastic(expression: Linear, low: float, high: float, cost: float) -> tuple[int, int]:
        """``low <= expression <= high`` with a column for each side's miss, costed."""
        under = model.add_column(0.0, name="under")
        over = model.add_column(0.0, name="over")
        objective.add(under, cost).add(over, cost)
        model.at_least(expression + Linear.of(under), low)
        model.at_most(expression - Linear.of(over), high)
        return under, over

    def flagged(under: int, over: int, reach: float) -> None:
        """Any miss switches on a costed flag (``reach``: the largest miss there can be)."""
        flag = model.add_binary(name="band_missed")
        model.at_most(Linear.of(under) + Linear.of(over) - Linear.of(flag, reach), 0.0)
        objective.add(flag, BAND_MISS_COST)

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
                # A miss is at most the band's own width beyond the muscle's peak.
                flagged(
                    under,
                    over,
                    max(band_high, 1.0)
                    + sum(s.weights.get(muscle, 0.0) * s.peak_sets for s in spec.slots)
                    + sum(
                        o.weights.get(muscle, 0.0) * o.most_sets
                        for options in week.options.values()
                        for o in options
                    ),
                )
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
        for exercise_ids, floor, cost in week.floors:
            counted = Linear(
                (column, 1.0)
                for choice, column in sets.items()
                if choice[0] == week_index and choice[2] in exercise_ids
            )
            short = model.add_column(0.0, floor, name="floor_short")
            objective.add(short, cost)
            model.at_least(counted + Linear.of(short), floor)
        if week.under is not None:
            cap_sets: dict[str, float] = {}
            cap_minutes: dict[str, float] = {}
            minutes_by_choice = {
                (slot.key, option.exercise_id): option.minutes
                for slot in spec.slots
                for option in _choices(slot, spec.weeks[week.under])
            }
            for slot_key, (exercise_id, count) in earlier[week.under].items():
                day = slot_key[1]
                cap_sets[day] = cap_sets.get(day, 0.0) + count
                cap_minutes[day] = cap_minutes.get(day, 0.0) + count * minutes_by_choice.get(
                    (slot_key, exercise_id), 0.0
                )
            for day in days:
                model.at_most(session(week_index, day, "sets"), cap_sets.get(day, 0.0))
                model.at_most(session(week_index, day, "minutes"), cap_minutes.get(day, 0.0))
        if week.room is not None:
            room_days, room_sets = week.room
            held_there = Linear(
                (column, 1.0)
                for choice, column in sets.items()
                if choice[0] == week_index and choice[1][1] in room_days
            )
            short = model.add_column(0.0, room_sets, name="room_short")
            objective.add(short, BAND_COST)
            model.at_least(held_there + Linear.of(short), room_sets)
        if week.total is not None:
            total_low, total_high = week.total
            total = Linear(
                (column, 1.0) for choice, column in sets.items() if choice[0] == week_index
            )
            under, over = elastic(total, total_low, total_high, BAND_COST)
            flagged(
                under,
                over,
                total_high
                + sum(s.peak_sets for s in spec.slots)
                + sum(o.most_sets for options in week.options.values() for o in options),
            )
            misses.append(
                (
                    f"week {week_index + 1}: total sets outside {total_low:g}-{total_high:g}",
                    under,
                    over,
                )
            )
    # An exercise's sets do not fall from the week a week rises from (elastic): the third
    # block review read "landmine rotation 2-3-2-3, cable adduction 3-2-2-3" as noise.
    in_slot: dict[tuple[int, Slot], Linear] = {}
    for (week_index, key, _exercise_id), slot_sets in sets.items():
        in_slot[(week_index, key)] = in_slot.get((week_index, key), Linear()) + Linear.of(slot_sets)
    for week_index in group:
        before_index = spec.weeks[week_index].follows
        if before_index is None or before_index not in group:
            continue
        for slot in spec.slots:
            now = in_slot.get((week_index, slot.key))
            then = in_slot.get((before_index, slot.key))
            if now is None or then is None:
                continue
            fall = model.add_column(0.0, float(slot.peak_sets) + 10.0, name="fall")
            objective.add(fall, FALL_COST)
            model.at_least(now - then + Linear.of(fall), 0.0)
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
    weeks: list[dict[Slot, int]] = []
    placed: list[dict[Slot, Slot]] = []
    held_slots: list[dict[Slot, tuple[str, int]]] = []
    for week_index in group:
        week_sets: dict[Slot, int] = {}
        week_placed: dict[Slot, Slot] = {}
        week_held: dict[Slot, tuple[str, int]] = {}
        for slot in spec.slots:
            for option in _choices(slot, spec.weeks[week_index]):
                column = sets.get((week_index, slot.key, option.exercise_id))
                count = 0 if column is None else round(values[column])
                key = (option.exercise_id, slot.weekday)
                own = not slot.open and option.exercise_id == slot.exercise_id
                if own or count > 0:
                    week_sets[key] = week_sets.get(key, 0) + count
                if count > 0:
                    week_held[slot.key] = (option.exercise_id, count)
                    if not own:
                        week_placed[key] = slot.key
        weeks.append(week_sets)
        placed.append(week_placed)
        held_slots.append(week_held)
    missed = tuple(
        text for text, under, over in misses if values[under] > 1e-6 or values[over] > 1e-6
    )
    return ProgressionResult(
        run.termination,
        tuple(weeks),
        objective=run.objective,
        bound=run.bound,
        nodes=run.nodes,
        misses=missed,
        placed=tuple(placed),
        held=tuple(held_slots),
    )


def _pick_groups(picks: Mapping[tuple[str, Slot, str], int]) -> list[list[int]]:
    """The picks of each (phase, slot), in the order they were made: one exercise each."""
    groups: dict[tuple[str, Slot], list[int]] = {}
    for (phase, slot, _exercise_id), pick in picks.items():
        groups.setdefault((phase, slot), []).append(pick)
    return list(groups.values())

"""What relaxing buys: each offered change is re-solved, never worse, and honest."""

from __future__ import annotations

from workbench.client import Client, Override, SportProfile
from workbench.explain import NO_PLAN, Cause, what_relaxing_buys
from workbench.library import Library
from workbench.optimize import SolveOptions, Termination
from workbench.planner import make_plan
from workbench.report import SHORT_WORDS

TIGHT = Client(
    name="Tight",
    weekdays=("Mon", "Thu"),
    minutes_per_session=30,
    equipment=("band",),
    level="beginner",
    # A short week carries part of each library floor; floors the coach sets stay whole.
    targets={
        m: Override(16)
        for m in (
            "hamstrings",
            "gluteus_maximus",
            "latissimus_dorsi",
            "erector_spinae",
            "rhomboids",
            "trapezius_middle",
        )
    },
)


def test_each_relaxation_is_the_optimum_of_the_relaxed_client(
    library: Library, profiles: dict[str, SportProfile]
) -> None:
    # What relaxing buys is a shortfall: the shortfall stage alone, proven exactly.
    result = make_plan(library, TIGHT, profiles, SolveOptions(preferences=False), explain=False)
    assert result.solved.status is Termination.OPTIMAL
    now = result.solved.shortfall
    assert now is not None and now > 0
    relaxations = what_relaxing_buys(result.problem, result.solved)
    changes = [r.change for r in relaxations]
    assert "45 min a session (+15)" in changes
    assert "one more day (Sat)" in changes  # Sat has no training neighbour; Tue and Wed do
    assert any(c.startswith("add ") for c in changes)
    assert [r.shortfall for r in relaxations] == sorted(r.shortfall for r in relaxations)
    for relaxation in relaxations:
        # A relaxation only widens the feasible set: never worse than now.
        assert relaxation.proven and relaxation.shortfall <= now + 1e-9
        # The shortfall is what the relaxation promises: its stage alone, proven exactly.
        again = make_plan(
            library, relaxation.client, profiles, SolveOptions(preferences=False), explain=False
        )
        assert again.plan is not None
        assert abs((again.solved.shortfall or 0.0) - relaxation.shortfall) < 1e-9
    # The equipment tried is what opens exercises for the short muscles, not the whole list.
    added = [r for r in relaxations if r.change.startswith("add ")]
    assert 1 <= len(added) <= 3


def test_nothing_to_relax_when_every_muscle_is_covered(
    library: Library, profiles: dict[str, SportProfile]
) -> None:
    client = Client(weekdays=("Mon", "Wed", "Fri"), minutes_per_session=45,
                    equipment=("kettlebell", "band", "pullup_bar"))  # fmt: skip
    result = make_plan(library, client, profiles, explain=False)
    assert result.solved.shortfall == 0
    assert what_relaxing_buys(result.problem, result.solved) == []


def test_each_short_muscle_names_its_cause_as_an_enum(
    library: Library, profiles: dict[str, SportProfile]
) -> None:
    """The dashboard reads the cause and its detail apart; the command line's one-line
    reason ("time: 30 min x 2 sessions cannot fit ...") stays as it was."""
    result = make_plan(library, TIGHT, profiles, SolveOptions(preferences=False))
    assert result.short
    for short in result.short:
        assert isinstance(short.cause, Cause) and short.detail
        named_first = short.cause in (Cause.TIME, Cause.RECOVERY, Cause.LIMITS)
        expected = f"{short.cause.value}: {short.detail}" if named_first else short.detail
        assert short.reason == expected
    assert set(SHORT_WORDS) == set(Cause)  # the client's report has words for each cause


def test_a_week_no_plan_meets_gives_its_reasons_one_by_one(
    library: Library, profiles: dict[str, SportProfile]
) -> None:
    client = Client(
        name="Too short",
        weekdays=("Mon",),
        minutes_per_session=5,
        equipment=("kettlebell",),
        require=("kettlebell_swing", "kettlebell_deadlift"),
    )
    result = make_plan(library, client, profiles)
    assert result.status is Termination.INFEASIBLE and result.reasons
    assert result.message == f"{NO_PLAN}: " + "; ".join(result.reasons)
    unexplained = make_plan(library, client, profiles, explain=False)
    assert unexplained.reasons == unexplained.solved.conflicts

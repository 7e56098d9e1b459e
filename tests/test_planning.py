"""The planning session (issue 16, item 1): the week offered as each stage lands, every
offer checked, the last one byte for byte :func:`make_plan`'s; a caller stops it between
stages, and :func:`interrupting` stops a HiGHS solve in flight."""

from __future__ import annotations

import threading

import pytest
import tiny
from conftest import DATA

from workbench.check import check_plan
from workbench.client import SportProfile
from workbench.iotools import plan_to_csv, read_client
from workbench.library import Library
from workbench.optimize import Milestone, Termination
from workbench.planner import make_plan
from workbench.planning import interrupting, plan_stages

ORDER = list(Milestone)


@pytest.mark.parametrize("name", ["home_kettlebell", "fighter"])
def test_stages_arrive_in_order_checked_and_end_on_make_plans_week(
    name: str, library: Library, profiles: dict[str, SportProfile]
) -> None:
    client = read_client(DATA / "clients" / f"{name}.toml")
    offered = list(plan_stages(library, client, profiles))
    milestones = [r.solved.milestone for r in offered]
    assert milestones[0] is Milestone.COVERAGE and Milestone.SEARCHED in milestones
    assert milestones == sorted(milestones, key=ORDER.index)
    assert [r.solved.final for r in offered] == [False] * (len(offered) - 1) + [True]
    # Each week on the way holds every hard limit and keeps the shortfall proven first.
    for result in offered:
        assert result.plan is not None and not result.violations
        assert not check_plan(result.plan, library, result.problem.client, result.problem.targets)
        assert result.solved.shortfall == pytest.approx(offered[0].solved.shortfall, abs=1e-6)
        assert result.solved.stages[0].proven
    # Explanations are re-solves: only the final week carries them.
    assert all(r.short == () and r.coverage_costs == () for r in offered[:-1])
    one_shot = make_plan(library, client, profiles)
    final = offered[-1]
    assert final.plan is not None and one_shot.plan is not None
    assert plan_to_csv(final.plan) == plan_to_csv(one_shot.plan)
    assert (final.short, final.coverage_costs, final.message, final.check) == (
        one_shot.short,
        one_shot.coverage_costs,
        one_shot.message,
        one_shot.check,
    )
    assert [s.name for s in final.solved.stages] == [s.name for s in one_shot.solved.stages]


@pytest.mark.parametrize("name", sorted(tiny.CASES))
def test_the_last_offer_is_make_plans_answer_on_every_tiny_case(
    name: str, profiles: dict[str, SportProfile]
) -> None:
    small, client = tiny.CASES[name]()
    offered = list(plan_stages(small, client, profiles, weights=tiny.WHOLE_FLOORS))
    one_shot = make_plan(small, client, profiles, weights=tiny.WHOLE_FLOORS)
    final = offered[-1]
    assert final.solved.final and final.status is one_shot.status
    assert final.message == one_shot.message
    if one_shot.plan is None:
        assert final.plan is None
    else:
        assert final.plan is not None and plan_to_csv(final.plan) == plan_to_csv(one_shot.plan)


def test_a_caller_that_stops_iterating_stops_the_solve(
    library: Library, profiles: dict[str, SportProfile]
) -> None:
    client = read_client(DATA / "clients" / "home_kettlebell.toml")
    stages = plan_stages(library, client, profiles)
    first = next(stages)
    assert first.solved.milestone is Milestone.COVERAGE
    stages.close()  # the generator ends at its yield: no further stage runs
    with pytest.raises(StopIteration):
        next(stages)


def test_an_interrupt_stops_the_highs_solve_in_flight(
    library: Library, profiles: dict[str, SportProfile]
) -> None:
    """The event set once the first week is offered: the value stage's solves end at once
    (interrupted, nothing proven); without the event the same stage proves its gap."""
    client = read_client(DATA / "clients" / "home_kettlebell.toml")
    stop = threading.Event()
    with interrupting(stop):
        offered = []
        for result in plan_stages(library, client, profiles, explain=False):
            offered.append(result)
            if result.solved.milestone is Milestone.SEARCHED:
                stop.set()
    value = offered[-1].solved.stage("coach value")
    assert value is not None and value.termination in (Termination.ERROR, Termination.TIME_LIMIT)
    untouched = make_plan(library, client, profiles, explain=False).solved.stage("coach value")
    assert untouched is not None and untouched.termination in (
        Termination.OPTIMAL,
        Termination.BUDGET,
    )


def test_an_interrupt_stops_the_local_search_between_moves(
    library: Library, profiles: dict[str, SportProfile]
) -> None:
    """The local search is pure Python (HiGHS's callbacks cannot stop it): it looks at the
    event between its moves. Set once the coverage week is offered, the searched week is that
    week unchanged; without the event the search improves on it."""
    client = read_client(DATA / "clients" / "home_kettlebell.toml")

    def weeks(stop: threading.Event | None) -> dict[Milestone, str]:
        found: dict[Milestone, str] = {}
        with interrupting(stop or threading.Event()):
            for result in plan_stages(library, client, profiles, explain=False):
                assert result.plan is not None
                found[result.solved.milestone] = plan_to_csv(result.plan)
                if result.solved.milestone is Milestone.COVERAGE and stop is not None:
                    stop.set()
                if result.solved.milestone is Milestone.SEARCHED:
                    break
        return found

    searched = weeks(None)
    assert searched[Milestone.SEARCHED] != searched[Milestone.COVERAGE]
    stopped = weeks(threading.Event())
    assert stopped[Milestone.SEARCHED] == stopped[Milestone.COVERAGE]

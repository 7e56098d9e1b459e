"""The coach value's weights: one coach-editable file with a source for every number, read
strictly, and really what the optimizer values."""

from __future__ import annotations

import shutil
import tomllib
from pathlib import Path

import pytest
import tiny
from conftest import DATA

from workbench import cli, iotools
from workbench.coaching import PARAMETER_NAMES, PATTERN_NAMES, TERM_NAMES, weights_from_mapping
from workbench.errors import InputError
from workbench.optimize import solve
from workbench.problem import make_problem


def _table() -> dict:
    return tomllib.loads((DATA / "coaching.toml").read_text(encoding="utf-8"))


def test_every_weight_has_a_value_and_a_source() -> None:
    table = _table()
    assert set(table["weights"]) == set(TERM_NAMES)
    assert set(table["parameters"]) == set(PARAMETER_NAMES)
    assert set(table["patterns"]) == set(PATTERN_NAMES)
    for section, keys in (
        ("weights", {"value"}),
        ("parameters", {"value"}),
        ("patterns", {"floor", "target"}),
    ):
        for name, entry in table[section].items():
            assert set(entry) == keys | {"source"}, (section, name)
            assert len(entry["source"]) > 30, (section, name)  # a sentence, not a placeholder
    assert iotools.read_weights() == weights_from_mapping(table)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda t: t["weights"].update({"vibes": {"value": 1, "source": "x"}}), "weights.vibes"),
        (lambda t: t["weights"].pop("staple"), "weights.staple"),
        (lambda t: t["weights"]["staple"].update({"value": "lots"}), "weights.staple.value"),
        (lambda t: t["weights"]["staple"].update({"value": -1}), "weights.staple.value"),
        (lambda t: t["weights"]["staple"].update({"source": " "}), "weights.staple"),
        (lambda t: t["weights"]["staple"].update({"unit": "pt"}), "weights.staple"),
        (lambda t: t.update({"extra": 1}), "extra"),
        (lambda t: t["patterns"]["hinge"].update({"floor": 12}), "patterns.hinge.floor"),
        (
            lambda t: t["parameters"]["beginner_dose"].update({"value": 2}),
            "parameters.beginner_dose.value",
        ),
    ],
)
def test_bad_weights_name_the_field(change, field: str) -> None:
    table = _table()
    change(table)
    with pytest.raises(InputError) as caught:
        weights_from_mapping(table, file="coaching.toml")
    assert caught.value.field == field and "\n" not in str(caught.value)


def test_a_library_folder_carries_its_own_weights(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A coach who stops valuing staples (and the article's principle behind them) gets a
    different week from the same client: the file is read, not decorative."""
    folder = tmp_path / "lib"
    shutil.copytree(DATA, folder, ignore=shutil.ignore_patterns("clients", "*.md"))
    client = str(DATA / "clients" / "home_kettlebell.toml")
    plans = []
    for label in ("shipped", "edited"):
        if label == "edited":
            text = (folder / "coaching.toml").read_text(encoding="utf-8")
            text = text.replace("[weights.staple]\nvalue = 20.0", "[weights.staple]\nvalue = 0.0")
            text = text.replace(
                "[weights.hinge_principle]\nvalue = 2.0", "[weights.hinge_principle]\nvalue = 0.0"
            )
            (folder / "coaching.toml").write_text(text, encoding="utf-8")
        out = tmp_path / f"{label}.csv"
        code = cli.main(["plan", "--client", client, "--library", str(folder), "--out", str(out)])
        assert code == 0, capsys.readouterr().err
        plans.append(out.read_bytes())
    assert plans[0] != plans[1]
    (folder / "coaching.toml").write_text("[weights]\nstaple = 3\n", encoding="utf-8")
    code = cli.main(["plan", "--client", client, "--library", str(folder)])
    err = capsys.readouterr().err
    assert code == 2 and "coaching.toml" in err and len(err.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("weight", "without"),
    [
        # No heavy-hinge term (nor the full session's, which the deadlift's longer sets
        # also serve here): the cheaper Romanian deadlift takes the hinge.
        (("heavy_hinge", "full_session"), ("romanian_deadlift", "deadlift")),
        # Neither the pull-up term nor the level's: the pulldown, which also gives the
        # serratus a little (each alone keeps the pull-up).
        (("vertical_pull_progression", "level_fit"), ("pulldown", "pull_up")),
    ],
)
def test_the_coach_reviews_terms_decide_the_week(
    weight: tuple[str, ...], without: tuple[str, str]
) -> None:
    """On a tiny library where each choice is the coach review's (a heavy deadlift, pull-ups,
    a serratus punch only at the sets its floor needs), the optimizer makes it, and without
    that one weight the choice goes the other way."""
    problem = tiny.case_problem("coach_choice")
    result = solve(problem)
    assert result.plan is not None
    week = result.plan.sets_by_exercise_day()
    assert week == {("deadlift", "Mon"): 3, ("pull_up", "Mon"): 3, ("serratus_punch", "Mon"): 2}
    blind = problem.weights.evolve(**dict.fromkeys(weight, 0.0))
    library, client = tiny.CASES["coach_choice"]()
    other = solve(make_problem(library, client, weights=blind)).plan
    assert other is not None
    chosen = {exercise for exercise, _day in other.sets_by_exercise_day()}
    taken, given_up = without
    assert taken in chosen and given_up not in chosen, other.sets_by_exercise_day()

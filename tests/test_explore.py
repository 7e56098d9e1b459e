"""The library explorer: tables, filters, kit gaps, and the explorer's model and view."""

from __future__ import annotations

import pytest

from workbench import explore, iotools
from workbench.client import Kit
from workbench.errors import InputError
from workbench.glossary import POSTERIOR_CHAIN, level_rank
from workbench.library import Library
from workbench.ui.explorer import ANY, ExplorerModel, explorer_view


@pytest.fixture(scope="module")
def kits(library: Library) -> dict[str, Kit]:
    return iotools.read_kits(library=library)


def test_exercise_frame_one_row_per_exercise(library: Library) -> None:
    frame = explore.exercise_frame(library)
    assert list(frame.columns) == list(explore.EXERCISE_FRAME_COLUMNS)
    assert len(frame) == len(library.exercises)
    assert frame["id"].is_unique
    row = frame.set_index("id").loc["barbell_deadlift"]
    assert row["primary_muscles"] == "erector spinae, gluteus maximus, hamstrings"
    assert row["equipment"] == "barbell"
    assert row["set_minutes"] == 3.5


def test_filter_by_equipment_implies_bodyweight(library: Library) -> None:
    bodyweight_only = explore.filter_exercises(library, equipment=())
    assert bodyweight_only
    assert all(not e.needs for e in bodyweight_only)
    with_band = explore.filter_exercises(library, equipment=["band"])
    assert set(bodyweight_only) < set(with_band)
    assert all(e.needs <= {"band"} for e in with_band)
    assert len(explore.filter_exercises(library)) == len(library.exercises)


def test_filter_by_level_muscle_pattern_text(library: Library) -> None:
    beginner = explore.filter_exercises(library, level="beginner")
    assert beginner and all(e.level == "beginner" for e in beginner)
    intermediate = explore.filter_exercises(library, level="intermediate")
    assert all(level_rank(e.level) <= 1 for e in intermediate)
    assert len(beginner) < len(intermediate) < len(library.exercises)

    soleus = explore.filter_exercises(library, muscle="soleus")
    assert {"seated_calf_raise", "standing_calf_raise"} <= {e.id for e in soleus}
    assert all("soleus" in e.primary_muscles + e.secondary_muscles for e in soleus)

    hinges = explore.filter_exercises(library, pattern="hinge")
    assert hinges and all(e.pattern == "hinge" for e in hinges)

    found = explore.filter_exercises(library, text="  DEADLIFT ")
    assert "barbell_deadlift" in {e.id for e in found}
    assert all("deadlift" in (e.id + e.name).lower() for e in found)

    calm = explore.filter_exercises(library, avoid=["high_spinal_load"])
    assert calm and all("high_spinal_load" not in e.tags for e in calm)

    both = explore.filter_exercises(library, equipment=["kettlebell"], muscle="hamstrings")
    assert "kettlebell_swing" in {e.id for e in both}


@pytest.mark.parametrize(
    ("option", "value"),
    [
        ("equipment", ["kettlebel"]),
        ("level", "expert"),
        ("muscle", "glutes"),
        ("pattern", "jump"),
        ("avoid", ["knees"]),
    ],
)
def test_filter_rejects_unknown_ids(library: Library, option: str, value: object) -> None:
    with pytest.raises(InputError) as raised:
        explore.filter_exercises(library, **{option: value})
    assert raised.value.field == option


def test_reaching_lists_primary_first(library: Library) -> None:
    frame = explore.reaching(library, "soleus")
    assert set(frame["role"]) == {"primary", "secondary"}
    roles = list(frame["role"])
    assert roles == sorted(roles, key=lambda r: r != "primary")
    assert set(frame["weight"]) == {1.0, 0.5}
    expected = {e.id for e in library.exercises if e.weight("soleus") > 0}
    assert set(frame["id"]) == expected
    with pytest.raises(InputError):
        explore.reaching(library, "not_a_muscle")


def test_kit_gaps_verdicts(library: Library, kits: dict[str, Kit]) -> None:
    gym = explore.kit_gaps(library, kits["gym"].equipment)
    assert list(gym.columns) == list(explore.GAP_COLUMNS)
    assert list(gym["muscle_id"]) == list(POSTERIOR_CHAIN)
    assert set(gym["verdict"]) == {"covered"}
    assert (gym["best_addition"] == "").all()

    # Bodyweight only, beginner, no heavy spinal load: some muscles lose their primary work.
    bare = explore.kit_gaps(library, (), level="beginner", avoid=["high_spinal_load"]).set_index(
        "muscle_id"
    )
    assert len(bare) == 16
    assert set(bare["verdict"]) == set(explore.VERDICTS)
    for muscle_id, row in bare.iterrows():
        allowed = explore.filter_exercises(
            library,
            equipment=(),
            level="beginner",
            avoid=["high_spinal_load"],
            muscle=str(muscle_id),
        )
        assert row["primary"] == sum(muscle_id in e.primary_muscles for e in allowed)
        assert row["secondary"] == sum(muscle_id in e.secondary_muscles for e in allowed)
        assert (row["verdict"] == "covered") == (row["primary"] > 0)
    # The suggested item really opens a primary exercise for the muscle.
    gaps = bare[bare["verdict"] != "covered"]
    for muscle_id, row in gaps.iterrows():
        item = row["best_addition"]
        assert item
        opened = explore.filter_exercises(
            library,
            equipment=[item],
            level="beginner",
            avoid=["high_spinal_load"],
            muscle=str(muscle_id),
        )
        assert any(muscle_id in e.primary_muscles for e in opened)


def test_kit_gap_summary(library: Library, kits: dict[str, Kit]) -> None:
    summary = explore.kit_gap_summary(library, kits)
    assert list(summary.columns) == list(kits)
    assert len(summary) == 16
    assert "erector spinae" in summary.index
    travel = explore.kit_gaps(library, kits["travel"].equipment)
    assert list(summary["travel"]) == list(travel["verdict"])


def test_explorer_model_filters(library: Library, kits: dict[str, Kit]) -> None:
    model = ExplorerModel(library, kits)
    assert len(model.exercises) == len(library.exercises)
    model.kit = "travel"
    model.muscle = "hamstrings"
    assert model.exercises == explore.filter_exercises(
        library, equipment=kits["travel"].equipment, muscle="hamstrings"
    )
    assert model.summary == f"{len(model.exercises)} of {len(library.exercises)} exercises"
    assert len(model.frame()) == len(model.exercises)
    assert len(model.heatmap().data[0].z) == len(model.exercises)
    model.text = "no such exercise anywhere"
    assert model.exercises == []
    assert model.heatmap().data == ()
    model.kit = "spaceship"
    assert model.exercises == [] and "spaceship" in model.error
    model.kit = ANY
    assert model.error == ""


def test_explorer_view_follows_the_model(library: Library, kits: dict[str, Kit]) -> None:
    model = ExplorerModel(library, kits)
    view = explorer_view(model)
    status, table = view.children[3], view.children[4]
    kit_control = view.children[0].children[0]
    kit_control.value = "travel"  # a coach picks a kit
    assert model.kit == "travel"
    assert model.summary in status.value
    model.pattern = "plantar_flexion"  # the model changes; the control follows
    assert view.children[1].children[1].value == "plantar_flexion"
    assert all(e.pattern == "plantar_flexion" for e in model.exercises)
    for exercise in model.exercises:
        assert exercise.name in table.value

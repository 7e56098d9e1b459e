"""File I/O: the plan CSV contract, round trips, formula cells, atomic writes, kits, profiles."""

from __future__ import annotations

import csv
import io
import os
import stat
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workbench import iotools
from workbench.analytics import coverage, coverage_rows
from workbench.client import Client, resolve_targets
from workbench.errors import InputError
from workbench.glossary import WEEKDAYS
from workbench.library import Library
from workbench.plan import PLAN_COLUMNS, Plan, PlanEntry, build_plan

CONTRACT_HEADER = (
    "day,weekday,order,exercise_id,exercise,sets,reps,rest_seconds,minutes,"
    "equipment,primary_muscles,secondary_muscles"
)
SAMPLE = {
    ("kettlebell_swing", "Mon"): 4,
    ("glute_bridge", "Mon"): 3,
    ("pull_up", "Wed"): 3,
    ("single_leg_calf_raise", "Fri"): 2,
    ("dumbbell_row", "Fri"): 3,
}


@pytest.fixture(scope="module")
def sample(library: Library) -> Plan:
    return build_plan(library, ("Mon", "Wed", "Fri"), SAMPLE)


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def test_plan_csv_has_the_contract_columns(sample: Plan, tmp_path: Path) -> None:
    path = iotools.write_plan(sample, tmp_path / "plan.csv")
    text = path.read_bytes().decode("utf-8")
    assert text.splitlines()[0] == CONTRACT_HEADER
    assert ",".join(PLAN_COLUMNS) == CONTRACT_HEADER
    rows = _rows(path)
    assert len(rows) == len(sample.entries)
    assert [r["weekday"] for r in rows] == ["Mon", "Mon", "Wed", "Fri", "Fri"]
    assert [r["day"] for r in rows] == ["1", "1", "2", "3", "3"]
    assert [r["order"] for r in rows] == ["1", "2", "1", "1", "2"]


def test_minutes_are_sets_times_set_minutes(sample: Plan, library: Library, tmp_path: Path) -> None:
    rows = _rows(iotools.write_plan(sample, tmp_path / "plan.csv"))
    for row in rows:
        exercise = library.exercise(row["exercise_id"])
        assert float(row["minutes"]) == pytest.approx(int(row["sets"]) * exercise.set_minutes)
        assert row["equipment"] == ";".join(exercise.equipment)
        assert row["primary_muscles"] == ";".join(exercise.primary_muscles)
        assert row["secondary_muscles"] == ";".join(exercise.secondary_muscles)
        assert row["reps"] == exercise.reps and int(row["rest_seconds"]) == exercise.rest_seconds
    monday = sum(float(r["minutes"]) for r in rows if r["weekday"] == "Mon")
    assert monday == pytest.approx(sample.session_minutes()["Mon"])


def test_round_trip_is_exact(sample: Plan, tmp_path: Path) -> None:
    back = iotools.read_plan(iotools.write_plan(sample, tmp_path / "plan.csv"))
    assert back == sample
    assert back.entries == sample.entries


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "'"])
def test_formula_cells_are_neutralised_and_restored(
    start: str, sample: Plan, tmp_path: Path
) -> None:
    first = sample.entries[0]
    evil = PlanEntry(
        **{
            **first.__dict__,
            "exercise": f'{start}HYPERLINK("http://x")',
            "reps": f"{start}1",
            "equipment": (f"{start}cmd", "band"),
        }
    )
    plan = Plan((evil, *sample.entries[1:]))
    path = iotools.write_plan(plan, tmp_path / "plan.csv")
    row = _rows(path)[0]
    for column in ("exercise", "reps", "equipment"):
        assert row[column].startswith("'"), column  # a spreadsheet shows it as text
    assert not any(
        cell.startswith(("=", "+", "-", "@")) for r in _rows(path) for cell in r.values()
    )
    assert iotools.read_plan(path) == plan


# ---- generated plans ----------------------------------------------------------------------

_TEXT = st.text(min_size=1, max_size=12).filter(lambda t: t == t.strip())
_ITEM = st.text(
    alphabet=st.characters(blacklist_characters=";", blacklist_categories=["Cs"]),
    min_size=1,
    max_size=8,
).filter(lambda t: t == t.strip())


@st.composite
def plans(draw: st.DrawFn) -> Plan:
    weekdays = sorted(
        draw(st.sets(st.sampled_from(WEEKDAYS), min_size=1, max_size=7)), key=WEEKDAYS.index
    )
    entries = []
    for day, weekday in enumerate(weekdays, start=1):
        for order in range(1, draw(st.integers(0, 4)) + 1):
            sets = draw(st.integers(1, 10))
            set_minutes = draw(st.integers(1, 40)) / 4  # multiples of 0.25 [min]
            entries.append(
                PlanEntry(
                    day=day,
                    weekday=weekday,
                    order=order,
                    exercise_id=draw(_TEXT),
                    exercise=draw(_TEXT),
                    sets=sets,
                    reps=draw(_TEXT),
                    rest_seconds=draw(st.integers(0, 600)),
                    minutes=round(sets * set_minutes, 4),
                    equipment=tuple(draw(st.lists(_ITEM, min_size=1, max_size=3))),
                    primary_muscles=tuple(draw(st.lists(_ITEM, min_size=1, max_size=3))),
                    secondary_muscles=tuple(draw(st.lists(_ITEM, max_size=3))),
                )
            )
    return Plan(tuple(entries), tuple(weekdays))


@pytest.fixture(scope="module")
def plan_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One folder for every generated plan (each example overwrites the last one's file)."""
    return tmp_path_factory.mktemp("generated")


@given(plan=plans())
def test_generated_plans_round_trip(plan: Plan, plan_folder: Path) -> None:
    path = iotools.write_plan(plan, plan_folder / "generated.csv")
    back = iotools.read_plan(path)
    assert back == plan
    for row in csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")):
        assert not any(cell.startswith(("=", "+", "-", "@")) for cell in row)


# ---- reading bad plans ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        ("sets", "three", "not a whole number"),
        ("day", "9", "outside"),
        ("weekday", "Funday", "not a weekday"),
        ("minutes", "lots", "not a number"),
    ],
)
def test_bad_plan_cells_name_row_field_value(
    column: str, value: str, message: str, sample: Plan, tmp_path: Path
) -> None:
    path = iotools.write_plan(sample, tmp_path / "plan.csv")
    rows = _rows(path)
    rows[2][column] = value
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=PLAN_COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    with pytest.raises(InputError, match=message) as caught:
        iotools.read_plan(path)
    assert (caught.value.row, caught.value.field) == (4, column)
    assert str(caught.value.value) == value
    assert "plan.csv" in str(caught.value) and "\n" not in str(caught.value)


def test_broken_plan_files(tmp_path: Path) -> None:
    wrong = tmp_path / "wrong.csv"
    wrong.write_text("day,weekday\n1,Mon\n", encoding="utf-8")
    with pytest.raises(InputError, match="header") as caught:
        iotools.read_plan(wrong)
    assert caught.value.row == 1
    ragged = tmp_path / "ragged.csv"
    ragged.write_text(CONTRACT_HEADER + "\n1,Mon,1\n", encoding="utf-8")
    with pytest.raises(InputError, match="cells") as caught:
        iotools.read_plan(ragged)
    assert caught.value.row == 2
    empty = tmp_path / "empty.csv"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(InputError, match="empty"):
        iotools.read_plan(empty)
    with pytest.raises(InputError, match="not found"):
        iotools.read_plan(tmp_path / "missing.csv")


# ---- atomic writes ----------------------------------------------------------------------------


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_failed_write_leaves_the_old_file(
    sample: Plan, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "plan.csv"
    path.write_text("precious\n", encoding="utf-8")

    def broken_replace(source: object, target: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError, match="No space"):
        iotools.write_plan(sample, path)
    assert path.read_text(encoding="utf-8") == "precious\n"
    assert _leftovers(tmp_path) == []


def test_write_into_a_missing_folder(sample: Plan, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="folder does not exist"):
        iotools.write_plan(sample, tmp_path / "nowhere" / "plan.csv")
    assert list(tmp_path.iterdir()) == []


def test_overwrite_replaces_and_keeps_the_mode(sample: Plan, tmp_path: Path) -> None:
    path = tmp_path / "plan.csv"
    path.write_text("old\n", encoding="utf-8")
    path.chmod(0o640)
    iotools.write_plan(sample, path)
    assert iotools.read_plan(path) == sample
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert _leftovers(tmp_path) == []
    fresh = iotools.write_plan(sample, tmp_path / "fresh.csv")
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o666 & ~umask


def test_coverage_csv(sample: Plan, library: Library, tmp_path: Path) -> None:
    rows = coverage(sample, library, resolve_targets(library, Client()))
    path = iotools.write_coverage(coverage_rows(rows), tmp_path / "coverage.csv")
    read = _rows(path)
    assert tuple(read[0]) == iotools.COVERAGE_COLUMNS
    assert len(read) == len(library.muscles)
    by_id = {r["muscle_id"]: r for r in read}
    assert float(by_id["gluteus_maximus"]["effective_sets"]) == 3 + 4  # bridge 3, swing 4
    assert by_id["soleus"]["status"] == "short"


# ---- kits and sport profiles -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "field", "value"),
    [
        ("[home]\nname = 'Home'\nequipment = ['kettlebel']\n", "home.equipment", "kettlebel"),
        ("[home]\ncolour = 'red'\n", "home.colour", "colour"),
        ("[home]\nequipment = 'band'\n", "home.equipment", None),
        ("home = 3\n", "home", None),
    ],
)
def test_bad_kits(text: str, field: str, value: object, tmp_path: Path, library: Library) -> None:
    path = tmp_path / "kits.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        iotools.read_kits(path, library)
    assert (caught.value.field, caught.value.value) == (field, value)
    assert caught.value.file is not None and caught.value.file.endswith("kits.toml")


def test_kits_default_to_the_shipped_file(library: Library) -> None:
    kits = iotools.read_kits(library=library)
    assert kits["travel"].equipment == ("band",)


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("name = 'Boxer'\npunches = 3\n", "punches"),
        ("preferred_patterns = ['jab']\n", "preferred_patterns"),
        ("[priorities]\nbiceps_femoris = 2\n", "priorities.biceps_femoris"),
        ("[targets.hamstrings]\nmin = 30\nmax = 3\n", "targets.hamstrings.min"),
        ("staples = ['deadlift', 'moonwalk']\n", "staples"),
        ("[specific]\nfamilies = ['throw']\nreps = 3\n", "reps"),
    ],
)
def test_bad_sport_profiles(text: str, field: str, tmp_path: Path, library: Library) -> None:
    (tmp_path / "boxer.toml").write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        iotools.read_sport_profiles(tmp_path, library)
    assert caught.value.field == field
    assert caught.value.file is not None and caught.value.file.endswith("boxer.toml")


def test_sport_profiles_always_hold_general(tmp_path: Path) -> None:
    (tmp_path / "boxer.toml").write_text("name = 'Boxer'\n", encoding="utf-8")
    profiles = iotools.read_sport_profiles(tmp_path)
    assert set(profiles) == {"boxer", "general"}
    assert profiles["boxer"].name == "Boxer"


def test_shipped_data_dir_is_the_checkout_data() -> None:
    folder = iotools.shipped_data_dir()
    assert (folder / "exercises.csv").exists()
    assert (folder / "kits.toml").exists()
    assert (folder / "sports" / "general.toml").exists()

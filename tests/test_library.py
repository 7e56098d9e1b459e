"""Library validation: every bad cell is reported with file, row, field and value."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import tiny
from conftest import DATA

from workbench import iotools
from workbench.errors import InputError, LibraryError
from workbench.library import library_from_rows


def _problems(error: LibraryError) -> set[tuple[str | None, int | None, str | None, object]]:
    return {(p.file, p.row, p.field, p.value) for p in error.problems}


def _library_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "lib"
    folder.mkdir()
    for name in ("muscles.csv", "equipment.csv", "exercises.csv"):
        shutil.copy(DATA / name, folder / name)
    return folder


def test_a_tiny_library_is_valid() -> None:
    library = tiny.build(
        [tiny.muscle("m1", 2, 8), tiny.muscle("q", 0, 4, chain="anterior")],
        [tiny.exercise("e1", ["m1"], ["q"], equipment=["band", "barbell"])],
    )
    exercise = library.exercise("e1")
    assert exercise.needs == frozenset({"band", "barbell"})
    assert exercise.muscle_weights == {"m1": 1.0, "q": 0.5}
    assert [m.id for m in library.posterior_chain] == ["m1"]
    assert library.has_exercise("e1") and not library.has_exercise("e2")
    assert library.has_muscle("q") and not library.has_muscle("m2")
    assert tiny.exercise("bw", ["m1"])["equipment"] == "bodyweight"
    assert (
        tiny.build([tiny.muscle("m1", 2, 8)], [tiny.exercise("bw", ["m1"])]).exercise("bw").needs
        == frozenset()
    )


BAD_CELLS = [
    ("id", "Bad Id", "Bad Id"),
    ("name", " ", " "),
    ("equipment", "kettlebel", "kettlebel"),
    ("equipment", "", ""),
    ("pattern", "twist", "twist"),
    ("level", "expert", "expert"),
    ("set_minutes", "abc", "abc"),
    ("set_minutes", "0", "0"),
    ("rest_seconds", "9999", "9999"),
    ("rest_seconds", "1.5", "1.5"),
    ("knee_flexion", "200", "200"),
    ("spinal_load", "huge", "huge"),
    ("unilateral", "maybe", "maybe"),
    ("tags", "bendy", "bendy"),
    ("primary_muscles", "biceps_femoris", "biceps_femoris"),
    ("primary_muscles", "", ""),
    ("secondary_muscles", "m1", "m1"),
    ("reps", "lots", "lots"),
    ("tags", "explosive", "explosive"),  # the explosive column says no
]


@pytest.mark.parametrize(
    ("field", "value", "reported"), BAD_CELLS, ids=[f"{f}={v!r}" for f, v, _ in BAD_CELLS]
)
def test_each_bad_cell_is_named(field: str, value: str, reported: object) -> None:
    good = tiny.exercise("good", ["m1"])
    bad = {**tiny.exercise("bad", ["m1"]), field: value}
    with pytest.raises(LibraryError) as caught:
        tiny.build([tiny.muscle("m1", 2, 8)], [good, bad])
    assert ("exercises.csv", 3, field, reported) in _problems(caught.value)
    line = str(caught.value)
    assert "\n" not in line
    assert line.startswith("exercises.csv: row 3, field ")


def test_a_number_too_large_for_a_float_is_named() -> None:
    """A 400-digit rest is reported once, not an OverflowError (found by the fuzz test: the
    rest was divided into minutes to compare with the set's length)."""
    value = "9" * 400
    bad = {**tiny.exercise("bad", ["m1"]), "rest_seconds": value}
    with pytest.raises(LibraryError) as caught:
        tiny.build([tiny.muscle("m1", 2, 8)], [tiny.exercise("good", ["m1"]), bad])
    assert _problems(caught.value) == {("exercises.csv", 3, "rest_seconds", value)}


def test_every_problem_is_collected() -> None:
    rows = [
        {**tiny.exercise("a", ["m1"]), "level": "expert"},
        {**tiny.exercise("b", ["m1"]), "pattern": "twist", "reps": "lots"},
        tiny.exercise("a", ["m1"]),
    ]
    with pytest.raises(LibraryError) as caught:
        tiny.build([tiny.muscle("m1", 2, 8)], rows)
    problems = _problems(caught.value)
    assert ("exercises.csv", 2, "level", "expert") in problems
    assert ("exercises.csv", 3, "pattern", "twist") in problems
    assert ("exercises.csv", 3, "reps", "lots") in problems
    assert ("exercises.csv", 4, "id", "a") in problems  # repeats row 2
    assert "(and 3 more problems)" in str(caught.value)


def test_muscle_and_equipment_rows_are_checked() -> None:
    muscles = [
        tiny.muscle("m1", 9, 8),
        {**tiny.muscle("m2", 2, 8), "region": "middle", "chain": "side"},
        {**tiny.muscle("m3", 2, 8), "min_sets": "lots"},
    ]
    with pytest.raises(LibraryError) as caught:
        library_from_rows(
            muscles,
            [{"id": "band", "name": "band"}],
            [tiny.exercise("e", ["m1"], equipment=["band"])],
        )
    problems = _problems(caught.value)
    assert ("muscles.csv", 2, "max_sets", "8") in problems
    assert ("muscles.csv", 3, "region", "middle") in problems
    assert ("muscles.csv", 3, "chain", "side") in problems
    assert ("muscles.csv", 4, "min_sets", "lots") in problems
    assert ("equipment.csv", None, "id", "bodyweight") in problems


def test_missing_column_and_empty_table() -> None:
    row = tiny.exercise("e", ["m1"])
    del row["knee_flexion"]
    with pytest.raises(LibraryError) as caught:
        tiny.build([tiny.muscle("m1", 2, 8)], [row])
    assert ("exercises.csv", 1, "knee_flexion", None) in _problems(caught.value)
    with pytest.raises(LibraryError, match="holds no rows"):
        tiny.build([tiny.muscle("m1", 2, 8)], [])


def test_read_library_keeps_spreadsheet_row_numbers(tmp_path: Path) -> None:
    folder = _library_copy(tmp_path)
    lines = (folder / "exercises.csv").read_text(encoding="utf-8").splitlines()
    lines[5] = lines[5].replace(",hinge,", ",hinje,", 1)
    lines.insert(2, ",,,,,,,,,,,,,,")  # a blank spreadsheet line before it
    (folder / "exercises.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(LibraryError) as caught:
        iotools.read_library(folder)
    (problem,) = caught.value.problems
    assert problem.row == 7 and problem.field == "pattern" and problem.value == "hinje"
    assert problem.file is not None and problem.file.endswith("exercises.csv")


def test_read_library_file_problems(tmp_path: Path) -> None:
    folder = _library_copy(tmp_path)
    with (folder / "muscles.csv").open("a", encoding="utf-8") as stream:
        stream.write("neck,neck,upper,posterior,2\n")
    with pytest.raises(InputError) as caught:
        iotools.read_library(folder)
    assert caught.value.row == len((DATA / "muscles.csv").read_text().splitlines()) + 1
    assert "muscles.csv" in str(caught.value)

    (folder / "muscles.csv").write_bytes(b"id,name\xff\n")
    with pytest.raises(InputError, match="not UTF-8"):
        iotools.read_library(folder)
    (folder / "muscles.csv").unlink()
    with pytest.raises(InputError, match="not found"):
        iotools.read_library(folder)
    with pytest.raises(InputError, match="library folder not found"):
        iotools.read_library(tmp_path / "nowhere")


def test_read_library_accepts_a_byte_order_mark(tmp_path: Path) -> None:
    folder = _library_copy(tmp_path)
    text = (folder / "exercises.csv").read_text(encoding="utf-8")
    (folder / "exercises.csv").write_text(text, encoding="utf-8-sig")
    assert len(iotools.read_library(folder).exercises) == len(iotools.read_library(DATA).exercises)

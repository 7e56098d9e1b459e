"""Client files: every key parses, days spread sensibly, bad input names file, field and value."""

from __future__ import annotations

from pathlib import Path

import pytest
import tiny
from conftest import DATA

from workbench import iotools
from workbench.client import (
    CLIENT_KEYS,
    Client,
    Override,
    Target,
    client_from_mapping,
    client_to_mapping,
    floor_share,
    resolve_priorities,
    resolve_targets,
    spread_days,
    validate_client,
)
from workbench.errors import InputError
from workbench.glossary import WEEKDAYS
from workbench.library import Library
from workbench.problem import adjacent_pairs, make_problem
from workbench.standards import DEFAULT_STANDARDS

EVERY_KEY = """
name = "Sam"
weekdays = ["Mon", "Wed", "Fri"]
days_per_week = 3
minutes_per_session = 45
equipment = ["kettlebell", "band", "pullup_bar"]
level = "advanced"
sport = "fighter"
avoid = ["high_spinal_load", "impact"]
require = ["kettlebell_swing"]
ban = ["barbell_deadlift"]
min_sets_per_exercise = 3
max_sets_per_exercise = 4
max_exercises_per_session = 6
warmup_minutes = 8
scope = "posterior_chain"
lock = ["kettlebell_swing@Mon"]
swap = ["kettlebell_swing@Wed"]
sparring = ["Tue", "Thu"]

[targets.gluteus_medius]
min = 8
max = 16

[targets.soleus]
max = 12

[priorities]
gluteus_maximus = 2
hamstrings = 1.5
"""


def _write(tmp_path: Path, text: str, name: str = "client.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_every_contract_key_parses(tmp_path: Path, library: Library, profiles) -> None:
    path = _write(tmp_path, EVERY_KEY)
    client = iotools.read_client(path)
    assert client == Client(
        name="Sam",
        weekdays=("Mon", "Wed", "Fri"),
        minutes_per_session=45.0,
        equipment=("kettlebell", "band", "pullup_bar"),
        level="advanced",
        sport="fighter",
        avoid=("high_spinal_load", "impact"),
        require=("kettlebell_swing",),
        ban=("barbell_deadlift",),
        min_sets_per_exercise=3,
        max_sets_per_exercise=4,
        max_exercises_per_session=6,
        warmup_minutes=8.0,
        scope="posterior_chain",
        lock=("kettlebell_swing@Mon",),
        swap=("kettlebell_swing@Wed",),
        sparring=("Tue", "Thu"),
        targets={"gluteus_medius": Override(8, 16), "soleus": Override(None, 12)},
        priorities={"gluteus_maximus": 2.0, "hamstrings": 1.5},
    )
    assert validate_client(client, library, profiles) is client
    parsed_keys = {line.split("=")[0].strip() for line in EVERY_KEY.splitlines() if "=" in line}
    assert set(CLIENT_KEYS) <= parsed_keys | {"targets", "priorities"}


def test_defaults(tmp_path: Path) -> None:
    client = iotools.read_client(_write(tmp_path, "weekdays = ['Tue']\nminutes_per_session = 30\n"))
    assert client.level == "intermediate" and client.sport == "general"
    assert client.max_sets_per_exercise == 5
    assert client.equipment == client.avoid == client.require == client.ban == ()
    assert client.available_equipment == frozenset({"bodyweight"})


@pytest.mark.parametrize("days", range(1, 8))
def test_days_per_week_spreads_days(days: int, tmp_path: Path) -> None:
    client = iotools.read_client(
        _write(tmp_path, f"days_per_week = {days}\nminutes_per_session = 30\n")
    )
    assert client.weekdays == spread_days(days)
    assert len(set(client.weekdays)) == days
    assert all(d in WEEKDAYS for d in client.weekdays)
    pairs = adjacent_pairs(client.weekdays)
    if days <= 3:
        assert pairs == []  # never two days in a row, Sun->Mon included
    else:
        # As few back-to-back days as a 7-day cycle allows.
        assert len(pairs) == 2 * days - 7


@pytest.mark.parametrize(
    ("text", "field", "value"),
    [
        ("colour = 'red'", "colour", "red"),
        ("weekdays = ['Mon', 'Funday']", "weekdays", "Funday"),
        ("sparring = ['Tue', 'Funday']", "sparring", "Funday"),
        ("sparring = ['Tue', 'Tue']", "sparring", "Tue"),
        ("sparring = 'Tue'", "sparring", "Tue"),
        ("weekdays = ['Mon', 'Tue', 'Mon']", "weekdays", "Mon"),
        ("weekdays = []", "weekdays", []),
        ("weekdays = 'Mon'", "weekdays", "Mon"),
        ("weekdays = ['Mon']\ndays_per_week = 2", "days_per_week", 2),
        ("days_per_week = 8", "days_per_week", 8),
        ("days_per_week = 2.5", "days_per_week", 2.5),
        ("minutes_per_session = 0", "minutes_per_session", 0),
        ("minutes_per_session = 500", "minutes_per_session", 500),
        ("minutes_per_session = 'long'", "minutes_per_session", "long"),
        ("minutes_per_session = true", "minutes_per_session", True),
        ("level = 'expert'", "level", "expert"),
        ("avoid = ['knees']", "avoid", "knees"),
        ("equipment = ['Kettle Bell']", "equipment", "Kettle Bell"),
        ("max_sets_per_exercise = 0", "max_sets_per_exercise", 0),
        ("max_sets_per_exercise = 11", "max_sets_per_exercise", 11),
        ("name = ''", "name", ""),
        ("[targets.hamstrings]\nmin = 9\nmax = 4", "targets.hamstrings.min", 9),
        ("[targets.hamstrings]", "targets.hamstrings", {}),
        ("min_sets_per_exercise = 4\nmax_sets_per_exercise = 3", "min_sets_per_exercise", 4),
        ("min_sets_per_exercise = 0", "min_sets_per_exercise", 0),
        ("max_exercises_per_session = 0", "max_exercises_per_session", 0),
        ("max_exercises_per_session = 2.5", "max_exercises_per_session", 2.5),
        ("[targets.hamstrings]\nmin = 2\nmax = 4\nmid = 3", "targets.hamstrings.mid", 3),
        ("[targets.hamstrings]\nmin = -1\nmax = 4", "targets.hamstrings.min", -1),
        ("[priorities]\nhamstrings = 'high'", "priorities.hamstrings", "high"),
        ("priorities = 3", "priorities", 3),
        ("lock = ['barbell_deadlift']", "lock", "barbell_deadlift"),
        ("lock = ['barbell_deadlift@Funday']", "lock", "barbell_deadlift@Funday"),
        ("lock = ['barbell_deadlift@Fri']", "lock", "barbell_deadlift@Fri"),
        ("lock = ['Barbell Deadlift@Mon']", "lock", "Barbell Deadlift@Mon"),
        ("lock = ['row@Mon', 'row@Mon']", "lock", "row@Mon"),
        ("lock = 'row@Mon'", "lock", "row@Mon"),
        ("swap = ['barbell_deadlift@Sun']", "swap", "barbell_deadlift@Sun"),
        ("lock = ['row@Mon']\nswap = ['row@Mon']", "swap", "row@Mon"),
    ],
)
def test_bad_values_name_file_field_and_value(
    text: str, field: str, value: object, tmp_path: Path
) -> None:
    base = {
        "weekdays": "weekdays = ['Mon', 'Wed']",
        "minutes_per_session": "minutes_per_session = 30",
    }
    lines = [
        line for key, line in base.items() if not text.startswith(key) and f"\n{key}" not in text
    ]
    if text.startswith("days_per_week"):
        lines = [base["minutes_per_session"]]
    path = _write(tmp_path, "\n".join([*lines, text]) + "\n")
    with pytest.raises(InputError) as caught:
        iotools.read_client(path)
    error = caught.value
    assert (error.field, error.value) == (field, value)
    assert error.file is not None and error.file.endswith("client.toml")
    assert "\n" not in str(error) and field in str(error)


@pytest.mark.parametrize(
    ("text", "field", "shown"),
    [
        ("priorities = 3", "priorities", "3 is not a table"),
        ("targets = 5", "targets", "5 is not a table"),
        ("targets = [1]", "targets", "[1] is not a table"),
        ("[targets]\nhamstrings = 5", "targets.hamstrings", "5 is not a table"),
    ],
)
def test_a_value_that_is_not_a_table_is_shown(
    text: str, field: str, shown: str, tmp_path: Path
) -> None:
    """The line names the key and the value found there (found by the fuzz test: these said
    only 'must be a table')."""
    path = _write(tmp_path, f"weekdays = ['Mon']\nminutes_per_session = 30\n{text}\n")
    with pytest.raises(InputError) as caught:
        iotools.read_client(path)
    assert caught.value.field == field
    assert f"field '{field}': {shown}" in str(caught.value)


def test_missing_required_keys(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="minutes_per_session"):
        iotools.read_client(_write(tmp_path, "weekdays = ['Mon']\n"))
    with pytest.raises(InputError) as caught:
        iotools.read_client(_write(tmp_path, "minutes_per_session = 30\n"))
    assert caught.value.field == "weekdays"


@pytest.mark.parametrize(
    ("changes", "field", "value"),
    [
        ({"equipment": ("kettlebel",)}, "equipment", "kettlebel"),
        ({"require": ("kettlebell_swingg",)}, "require", "kettlebell_swingg"),
        ({"ban": ("moon_walk",)}, "ban", "moon_walk"),
        ({"sport": "boxing"}, "sport", "boxing"),
        (
            {"targets": {"biceps_femoris": Override(1, 2)}},
            "targets.biceps_femoris",
            "biceps_femoris",
        ),
        ({"priorities": {"glutes": 2.0}}, "priorities.glutes", "glutes"),
        ({"targets": {"hamstrings": Override(25, None)}}, "targets.hamstrings.min", 25),
        ({"require": ("glute_bridge",), "ban": ("glute_bridge",)}, "ban", "glute_bridge"),
        ({"lock": ("moon_walk@Mon",)}, "lock", "moon_walk@Mon"),
        ({"swap": ("moon_walk@Wed",)}, "swap", "moon_walk@Wed"),
        ({"lock": ("glute_bridge@Mon",), "ban": ("glute_bridge",)}, "lock", "glute_bridge@Mon"),
    ],
)
def test_unknown_ids_are_rejected(
    changes: dict[str, object], field: str, value: object, library: Library, profiles
) -> None:
    client = Client(equipment=("band",)).evolve(**changes)
    with pytest.raises(InputError) as caught:
        validate_client(client, library, profiles, file="sam.toml")
    assert (caught.value.file, caught.value.field, caught.value.value) == ("sam.toml", field, value)


@pytest.mark.parametrize(
    ("changes", "field", "value"),
    [
        ({"weekdays": ("Funday",)}, "weekdays", "Funday"),
        ({"weekdays": ("Mon", "Wed", "Mon")}, "weekdays", "Mon"),
        ({"weekdays": ()}, "weekdays", []),
        ({"minutes_per_session": 0.0}, "minutes_per_session", 0.0),
        ({"minutes_per_session": -5}, "minutes_per_session", -5),
        ({"max_sets_per_exercise": 0}, "max_sets_per_exercise", 0),
        ({"min_sets_per_exercise": 6}, "min_sets_per_exercise", 6),
        ({"level": "expert"}, "level", "expert"),
        ({"avoid": ("knees",)}, "avoid", "knees"),
        ({"targets": {"hamstrings": Override(9, 4)}}, "targets.hamstrings.min", 9),
        ({"priorities": {"hamstrings": -1}}, "priorities.hamstrings", -1),
        ({"lock": ("row@Tue",)}, "lock", "row@Tue"),
        ({"swap": ("row",)}, "swap", "row"),
        ({"lock": ("row@Mon",), "swap": ("row@Mon",)}, "swap", "row@Mon"),
    ],
)
def test_clients_check_themselves_when_made(
    changes: dict[str, object], field: str, value: object
) -> None:
    with pytest.raises(InputError) as caught:
        Client(**changes)  # type: ignore[arg-type]
    assert (caught.value.field, caught.value.value) == (field, value)
    assert f"field '{field}'" in str(caught.value) and "\n" not in str(caught.value)


def test_broken_toml_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not valid TOML") as caught:
        iotools.read_client(_write(tmp_path, "weekdays = ['Mon'\n"))
    assert caught.value.file is not None and caught.value.file.endswith("client.toml")
    assert "\n" not in str(caught.value)
    with pytest.raises(InputError, match="not found"):
        iotools.read_client(tmp_path / "nobody.toml")
    with pytest.raises(InputError, match="folder"):
        iotools.read_client(tmp_path)


def test_write_and_read_back(tmp_path: Path) -> None:
    path = _write(tmp_path, EVERY_KEY)
    client = iotools.read_client(path)
    again = iotools.read_client(iotools.write_client(client, tmp_path / "again.toml"))
    assert again == client
    assert client_from_mapping(client_to_mapping(client)) == client


def test_targets_and_priorities_layer(library: Library, profiles) -> None:
    """The library's bands, then the sport profile's, then the client's own."""
    client = Client(
        sport="fighter",
        targets={"obliques_internal": Override(9, 12), "hamstrings": Override(None, 18)},
        priorities={"hamstrings": 5.0},
    )
    fighter = profiles["fighter"]
    targets = resolve_targets(library, client, fighter)
    dose = fighter.targets["obliques_internal"].target_sets  # the profile moves the dose
    assert targets["obliques_internal"] == Target(9, 12, dose)  # client beats profile
    external = fighter.targets["obliques_external"]
    assert (targets["obliques_external"].min_sets, targets["obliques_external"].max_sets) == (
        external.min_sets,
        external.max_sets,
    )  # profile beats library
    muscle = library.muscle("soleus")
    assert targets["soleus"] == Target(muscle.min_sets, muscle.max_sets, muscle.target_sets)
    hamstrings = library.muscle("hamstrings")
    fighter_dose = fighter.targets["hamstrings"].target_sets
    # Either bound alone: the other stays the library's, the dose stays inside the band.
    assert targets["hamstrings"] == Target(hamstrings.min_sets, 18, fighter_dose)
    assert fighter_dose is not None and targets["hamstrings"].dose == min(fighter_dose, 18)
    priorities = resolve_priorities(library, client, fighter)
    assert priorities["hamstrings"] == 5.0
    assert priorities["gluteus_maximus"] == fighter.priorities["gluteus_maximus"]
    assert priorities["soleus"] == 1.0
    problem = make_problem(library, client, profiles)
    assert problem.targets == targets and problem.priorities == priorities


def test_general_profile_changes_nothing(library: Library, profiles) -> None:
    client = Client()
    assert resolve_targets(library, client, profiles["general"]) == resolve_targets(library, client)
    assert resolve_priorities(library, client, profiles["general"]) == resolve_priorities(
        library, client
    )


def test_clients_are_frozen_values() -> None:
    client = Client()
    variant = client.evolve(minutes_per_session=90.0)
    assert client.minutes_per_session == 60 and variant.minutes_per_session == 90
    with pytest.raises(AttributeError):
        client.level = "advanced"  # type: ignore[misc]


def test_windows_line_endings(tmp_path: Path) -> None:
    path = tmp_path / "crlf.toml"
    path.write_bytes(b'name = "Sam"\r\nweekdays = ["Mon", "Thu"]\r\nminutes_per_session = 30\r\n')
    assert iotools.read_client(path).weekdays == ("Mon", "Thu")


def test_locks_and_swaps_round_trip_exactly(tmp_path: Path, library: Library, profiles) -> None:
    """Locks and swaps are saved with the client file: written, read back, the same client and
    the same text (their order kept)."""
    client = Client(
        name="Sam",
        weekdays=("Mon", "Wed", "Fri"),
        minutes_per_session=45,
        equipment=("kettlebell", "band", "pullup_bar"),
        lock=("pull_up@Wed", "kettlebell_swing@Mon"),
        swap=("kettlebell_romanian_deadlift@Fri",),
    )
    validate_client(client, library, profiles)
    path = iotools.write_client(client, tmp_path / "sam.toml")
    text = path.read_text(encoding="utf-8")
    assert 'lock = [\n    "pull_up@Wed",\n    "kettlebell_swing@Mon",\n]' in text or (
        'lock = ["pull_up@Wed", "kettlebell_swing@Mon"]' in text
    )
    again = iotools.read_client(path)
    assert again == client
    assert [str(p) for p in again.locks] == ["pull_up@Wed", "kettlebell_swing@Mon"]
    assert again.swaps[0].exercise_id == "kettlebell_romanian_deadlift"
    assert iotools.write_client(again, tmp_path / "again.toml").read_text(encoding="utf-8") == text


def test_a_client_without_locks_or_swaps_writes_the_contract_keys_only(tmp_path: Path) -> None:
    """lock and swap go beyond PRODUCT.md's client file: unused, they are not written, so
    the file other tools read is unchanged; read back, the client is the same."""
    client = iotools.read_client(DATA / "clients" / "home_kettlebell.toml")
    text = iotools.write_client(client, tmp_path / "sam.toml").read_text(encoding="utf-8")
    assert "lock" not in text and "swap" not in text
    assert iotools.read_client(tmp_path / "sam.toml") == client
    locked = client.evolve(lock=("pull_up@Wed",))
    assert "lock = [" in iotools.write_client(locked, tmp_path / "locked.toml").read_text(
        encoding="utf-8"
    )


def test_warmup_defaults_by_session_length_and_is_part_of_the_slot() -> None:
    assert Client(minutes_per_session=45).warmup == 5
    assert Client(minutes_per_session=30).warmup == 5
    assert Client(minutes_per_session=25).warmup == 0
    assert Client(minutes_per_session=25, warmup_minutes=3).warmup == 3
    assert Client(minutes_per_session=60, warmup_minutes=0).work_minutes == 60
    assert Client(minutes_per_session=60).work_minutes == 55
    # The default follows the session's length; a client's own warm-up stays.
    assert Client(minutes_per_session=45).evolve(minutes_per_session=20).warmup == 0
    assert (
        Client(minutes_per_session=45, warmup_minutes=8).evolve(minutes_per_session=20).warmup == 8
    )


def test_a_warmup_that_fills_the_slot_is_bad_input() -> None:
    with pytest.raises(InputError) as caught:
        Client(minutes_per_session=20, warmup_minutes=20)
    assert caught.value.field == "warmup_minutes"
    assert "leaves no time" in str(caught.value)
    with pytest.raises(InputError, match="outside"):
        Client(warmup_minutes=-1)


def test_scope_is_a_choice_and_posterior_scope_drops_anterior_floors(
    library: Library, profiles
) -> None:
    with pytest.raises(InputError) as caught:
        Client(scope="upper_body")
    assert caught.value.field == "scope" and "whole_body" in str(caught.value)
    whole = make_problem(library, Client(), profiles)
    posterior = make_problem(library, Client(scope="posterior_chain"), profiles)
    for muscle in library.muscles:
        if muscle.chain == "anterior":
            assert posterior.targets[muscle.id].min_sets == 0
            assert posterior.targets[muscle.id].dose == 0
            assert posterior.targets[muscle.id].max_sets == whole.targets[muscle.id].max_sets
        else:
            assert posterior.targets[muscle.id] == whole.targets[muscle.id]


def test_warmup_and_scope_round_trip_and_are_left_out_when_default(tmp_path: Path) -> None:
    default = client_to_mapping(Client())
    assert "warmup_minutes" not in default
    assert default["scope"] == "whole_body"
    own = Client(warmup_minutes=7.5, scope="posterior_chain")
    assert client_from_mapping(client_to_mapping(own)) == own


# ----- a sport profile's coach standards ----------------------------------------------------


def test_a_sport_profile_overrides_the_coachs_standards(tmp_path: Path, library: Library) -> None:
    (tmp_path / "rower.toml").write_text(
        "name = 'Rower'\n[standards]\nknee_dominant_sets = 8\nposterior_share = 0.75\n"
        "top_sets = 4\n",
        encoding="utf-8",
    )
    profiles = iotools.read_sport_profiles(tmp_path, library)
    rower = profiles["rower"]
    assert rower.standards == {"knee_dominant_sets": 8.0, "posterior_share": 0.75, "top_sets": 4}
    assert isinstance(rower.standards["top_sets"], int)  # a count stays whole
    assert profiles["general"].standards == {}
    problem = make_problem(library, Client(sport="rower"), profiles)
    assert problem.standards == DEFAULT_STANDARDS.replace(
        knee_dominant_sets=8, posterior_share=0.75, top_sets=4
    )
    # The rubric's own value is left as it was.
    assert DEFAULT_STANDARDS.knee_dominant_sets == 4
    assert make_problem(library, Client(), profiles).standards == DEFAULT_STANDARDS


def test_the_shipped_profiles_standards(profiles) -> None:
    """COACHING.md C16: ≥ 6 knee-dominant sets for runners; not asked of desk workers."""
    assert profiles["runner"].standards == {
        "knee_dominant_sets": 6,
        "session_use": 0.5,
        "single_leg_sets": 9,
        "single_leg_hinge_sets": 6,
    }
    assert profiles["desk_worker"].standards == {"knee_dominant_sets": 0}
    assert profiles["fighter"].standards == {} and profiles["general"].standards == {}


@pytest.mark.parametrize(
    ("text", "field", "value", "shown"),
    [
        ("standards = 3", "standards", 3, "3 is not a table"),
        ("[standards]\nsquat_sets = 6", "standards.squat_sets", 6, "unknown standard 'squat_sets'"),
        (
            "[standards]\nknee_dominant_sets = 'six'",
            "standards.knee_dominant_sets",
            "six",
            "not a number",
        ),
        (
            "[standards]\nknee_dominant_sets = -2",
            "standards.knee_dominant_sets",
            -2,
            "outside 0..1000",
        ),
        ("[standards]\nposterior_share = 70", "standards.posterior_share", 70, "outside 0..1"),
        ("[standards]\nopener_sets = 2.5", "standards.opener_sets", 2.5, "not a whole number"),
        ("[standards]\ntop_sets_days = 0", "standards.top_sets_days", 0, "outside 1..1000"),
        (
            "[standards]\nmajor_muscles = ['hamstrings']",
            "standards.major_muscles",
            ["hamstrings"],
            "unknown standard",
        ),
        (
            "[standards]\nmin_sets_per_exercise = 4\nmax_sets_per_exercise = 3",
            "standards.min_sets_per_exercise",
            4,
            "above max_sets_per_exercise 3",
        ),
    ],
)
def test_bad_standards_name_file_key_and_value(
    text: str, field: str, value: object, shown: str, tmp_path: Path
) -> None:
    (tmp_path / "boxer.toml").write_text(f"name = 'Boxer'\n{text}\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        iotools.read_sport_profiles(tmp_path)
    error = caught.value
    assert (error.field, error.value) == (field, value)
    assert error.file is not None and error.file.endswith("boxer.toml")
    assert shown in str(error) and "\n" not in str(error)


def test_a_short_week_carries_part_of_each_floor(library: Library, profiles) -> None:
    """Floors are whole from ``full_floor_minutes`` (150) of listed work a week in
    ``full_floor_sessions`` (3) sessions and shrink in proportion below the shorter of the
    two, to the nearest half set; a floor the client sets stays whole; the ceilings and the
    doses aimed for do not move."""
    whole = make_problem(library, Client(weekdays=("Mon", "Wed", "Fri"), minutes_per_session=55))
    assert whole.floor_share == 1.0  # 3 x (55 - 5) = 150 min
    one_long = make_problem(library, Client(weekdays=("Mon",), minutes_per_session=160))
    assert one_long.floor_share == pytest.approx(1 / 3)  # 155 min, but one session of three
    assert whole.targets["hamstrings"] == Target(8, 20, 20)
    short = make_problem(
        library,
        Client(
            weekdays=("Mon", "Wed"),
            minutes_per_session=35,
            targets={"latissimus_dorsi": Override(min_sets=9)},
        ),
    )
    assert short.floor_share == pytest.approx(60 / 150)  # 2 x (35 - 5)
    assert short.targets["hamstrings"] == Target(3, 20, 20)  # 8 x 0.4 = 3.2
    # A small muscle's floor shrinks faster (SMALL_FLOOR_POWER), and under a set it is none:
    # 3 x 0.4^2 = 0.48, none; 6 x 0.16 = 0.96, a set to the nearest half; 8 x 0.16 = 1.28.
    assert short.targets["gluteus_minimus"] == Target(0, 12, 6)
    assert short.targets["trapezius_middle"].min_sets == 1
    assert short.targets["rhomboids"].min_sets == 1.5
    assert short.targets["latissimus_dorsi"].min_sets == 9  # the client's own floor
    assert short.targets["quadriceps"].min_sets == 0  # anterior floors too: 4 x 0.16
    assert short.small_floor_share == pytest.approx(0.4**2)
    # The sport profile's floors shrink with the library's (the runner raises glute medius).
    runner = make_problem(
        library, Client(weekdays=("Mon", "Thu"), minutes_per_session=42.5, sport="runner"), profiles
    )
    full_runner = make_problem(
        library,
        Client(weekdays=("Mon", "Wed", "Fri"), minutes_per_session=55, sport="runner"),
        profiles,
    )
    # A muscle the profile raises (x2) keeps the week's share, as a prime mover does.
    assert runner.targets["gluteus_medius"].min_sets == (
        round(full_runner.targets["gluteus_medius"].min_sets * 75 / 150 * 2) / 2
    )
    assert floor_share(Client(minutes_per_session=20), 0.0) == 1.0  # 0: always whole


def test_a_short_strength_week_holds_the_clients_lifts(library: Library, profiles) -> None:
    """An advanced powerlifter on 3 x 30 minutes in a full gym (75 min of work): with every
    floor whole the sixteen floors fill the week with a goblet squat, band pulldowns and
    incline push-ups (blind review round 6: 2/10); carrying part of each floor, the week holds
    the back squat, the bench press and a barbell deadlift."""
    from workbench.planner import make_plan

    kits = iotools.read_kits(None, library)
    client = Client(
        name="Powerlifter",
        weekdays=("Fri", "Sat", "Sun"),
        minutes_per_session=30,
        equipment=kits["gym"].equipment,
        level="advanced",
        sport="strength",
        priorities={"latissimus_dorsi": 1.5},
    )
    lifts = {"back_squat", "bench_press", "barbell_deadlift"}
    result = make_plan(library, client, profiles)
    assert result.plan is not None
    assert lifts <= {e.exercise_id for e in result.plan.entries}
    whole = make_plan(library, client, profiles, weights=tiny.WHOLE_FLOORS)
    assert whole.plan is not None
    assert not lifts <= {e.exercise_id for e in whole.plan.entries}

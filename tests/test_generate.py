"""The seeded client generator: the same seed gives the same client (under any hash seed),
every client is valid against the shipped library and profiles, the distributions look like a
coach's roster, the grid covers every (days, minutes) cell, clients round-trip through the
client file, and `workbench generate` writes them."""

from __future__ import annotations

import os
import statistics
import subprocess
import tomllib
from collections import Counter
from pathlib import Path

import pytest
from conftest import VENV_BIN
from test_cli import call

from workbench import iotools
from workbench.client import Client, Kit, SportProfile, validate_client
from workbench.errors import InputError
from workbench.generate import (
    GRID_DAYS,
    MINUTE_BUCKETS,
    describe_client,
    generate_client,
    generate_clients,
    grid_cell,
    grid_clients,
    minute_bucket,
)
from workbench.glossary import BODYWEIGHT, TAGS, level_rank
from workbench.library import Library

MANY = 300


@pytest.fixture(scope="module")
def kits(library: Library) -> dict[str, Kit]:
    return iotools.read_kits(library=library)


@pytest.fixture(scope="module")
def sports(profiles: dict[str, SportProfile]) -> list[str]:
    return sorted(profiles)


@pytest.fixture(scope="module")
def many(library: Library, kits: dict[str, Kit], sports: list[str]) -> list[Client]:
    return generate_clients(1, MANY, sports=sports, kits=kits, library=library)


def test_the_same_seed_gives_the_same_client(
    library: Library, kits: dict[str, Kit], sports: list[str]
) -> None:
    for seed in (0, 17, 2**40 + 3):
        first = generate_client(seed, sports=sports, kits=kits, library=library)
        again = generate_client(seed, sports=list(sports), kits=dict(kits), library=library)
        assert first == again
        assert iotools.client_toml(first) == iotools.client_toml(again)
        assert first.name.endswith(f"(seed {seed})")


def test_different_seeds_give_different_clients(many: list[Client]) -> None:
    files = {iotools.client_toml(client.evolve(name="x")) for client in many}
    assert len(files) >= 0.95 * len(many)  # without the name (which holds the seed)


def test_the_hash_seed_changes_nothing(tmp_path: Path) -> None:
    """Two processes under different PYTHONHASHSEED write the same bytes."""
    outputs = []
    for hash_seed in ("1", "2"):
        env = dict(os.environ, PYTHONHASHSEED=hash_seed)
        done = subprocess.run(
            [str(VENV_BIN / "workbench"), "generate", "--seed", "40", "--count", "25"],
            capture_output=True,
            text=True,
            timeout=120,
            env=env,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1]
    assert outputs[0].count("# seed ") == 25


def test_every_generated_client_is_valid(
    many: list[Client], library: Library, profiles: dict[str, SportProfile]
) -> None:
    for client in many:
        assert validate_client(client, library, profiles) is client
        assert set(client.avoid) <= set(TAGS)
        assert 1 <= len(client.weekdays) <= 6
        assert 20 <= client.minutes_per_session <= 120
        assert client.warmup < client.minutes_per_session
        for exercise_id in client.require:  # something this client may do, and it fits
            exercise = library.exercise(exercise_id)
            assert exercise.needs <= set(client.equipment)
            assert level_rank(exercise.level) <= level_rank(client.level)
            assert not set(exercise.tags) & set(client.avoid)
            assert client.min_sets_per_exercise * exercise.set_minutes <= client.work_minutes
        assert not set(client.require) & set(client.ban)


def test_the_roster_looks_like_a_coachs(many: list[Client], kits: dict[str, Kit]) -> None:
    sports = Counter(client.sport for client in many)
    assert sports.most_common(1)[0][0] == "general"
    assert {"desk_worker", "runner", "fighter"} <= set(sports)

    def beginners(sport: str) -> float:
        mine = [c for c in many if c.sport == sport]
        return sum(c.level == "beginner" for c in mine) / len(mine)

    assert beginners("desk_worker") > 0.45
    assert beginners("fighter") < 0.2
    assert beginners("desk_worker") > beginners("general") > beginners("fighter")

    minutes = [client.minutes_per_session for client in many]
    assert sum(30 <= m <= 75 for m in minutes) >= 0.65 * len(minutes)
    assert 40 <= statistics.median(minutes) <= 60
    days = Counter(len(client.weekdays) for client in many)
    assert set(days) == set(GRID_DAYS)
    assert days.most_common(1)[0][0] in (2, 3, 4)
    # Back-to-back days and weekends occur, not only the spread weeks.
    assert any(client.weekdays[:2] == ("Mon", "Tue") for client in many)
    assert any({"Sat", "Sun"} <= set(client.weekdays) for client in many)

    avoid = Counter(client.avoid for client in many)
    assert avoid.most_common(1)[0][0] == ()
    assert {"high_spinal_load", "deep_knee_flexion", "overhead", "impact"} <= {
        tag for client in many for tag in client.avoid
    }
    posterior_only = sum(client.posterior_only for client in many)
    assert 0.03 * MANY <= posterior_only <= 0.2 * MANY
    assert 0.05 * MANY <= sum(bool(client.require) for client in many) <= 0.3 * MANY
    assert sum(bool(client.priorities) for client in many) >= 0.05 * MANY
    assert sum(client.warmup_minutes is None for client in many) >= 0.75 * MANY

    equipment = Counter(tuple(client.equipment) for client in many)
    for kit_id in ("home", "travel", "garage", "gym", "hotel", "dumbbells", "machines"):
        assert equipment[kits[kit_id].equipment] > 0, kit_id
    assert equipment[("pullup_bar",)] > 0  # bodyweight and a pull-up bar


def test_older_clients_and_named_sports(
    library: Library, kits: dict[str, Kit], many: list[Client]
) -> None:
    """Profiles another branch adds (grappler, strength) are drawn when named, at the levels
    those athletes train at; a profile the generator does not know is drawn too."""
    sports = ("general", "fighter", "runner", "desk_worker", "grappler", "strength", "climber")
    clients = generate_clients(5000, 400, sports=sports, kits=kits, library=library)
    drawn = Counter(client.sport for client in clients)
    assert set(drawn) == set(sports)
    for sport in ("grappler", "strength"):
        levels = Counter(c.level for c in clients if c.sport == sport)
        assert levels["beginner"] <= 0.15 * sum(levels.values()), (sport, levels)
    # The name says who the client is.
    sample = next(c for c in clients if c.sport == "grappler")
    assert any(word in sample.name for word in ("BJJ", "wrestler", "judoka"))


def test_pinning_days_and_minutes_keeps_every_other_draw(
    library: Library, kits: dict[str, Kit], sports: list[str]
) -> None:
    for seed in range(30):
        free = generate_client(seed, sports=sports, kits=kits, library=library)
        pinned = generate_client(seed, sports=sports, kits=kits, days=6, minutes=120)
        assert len(pinned.weekdays) == 6 and pinned.minutes_per_session == 120
        for key in ("sport", "level", "equipment", "avoid", "scope", "priorities"):
            assert getattr(pinned, key) == getattr(free, key), (seed, key)


def test_without_a_library_nothing_is_required_or_banned(
    kits: dict[str, Kit], sports: list[str]
) -> None:
    clients = generate_clients(0, 200, sports=sports, kits=kits)
    assert not any(client.require or client.ban for client in clients)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"sports": ()}, "sports"),
        ({"kits": {}}, "kits"),
        ({"days": 0}, "days"),
        ({"days": 8}, "days"),
        ({"days": 2.5}, "days"),
        ({"minutes": 0}, "minutes"),
        ({"minutes": 1000}, "minutes"),
    ],
)
def test_impossible_arguments_are_input_errors(
    changes: dict, field: str, kits: dict[str, Kit], sports: list[str]
) -> None:
    arguments: dict = {"sports": sports, "kits": kits, **changes}
    with pytest.raises(InputError) as caught:
        generate_client(3, **arguments)
    assert caught.value.field == field


def test_the_grid_covers_every_cell(
    library: Library, kits: dict[str, Kit], sports: list[str]
) -> None:
    cells = {grid_cell(index) for index in range(30)}
    assert len(cells) == len(GRID_DAYS) * len(MINUTE_BUCKETS)
    clients = grid_clients(11, 200, sports=sports, kits=kits, library=library)
    counts = Counter((len(c.weekdays), minute_bucket(c.minutes_per_session)) for c in clients)
    assert set(counts) == {(days, bucket) for days in GRID_DAYS for bucket in MINUTE_BUCKETS}
    assert max(counts.values()) - min(counts.values()) <= 1  # evenly
    assert {len(c.weekdays) for c in clients} == set(GRID_DAYS)
    assert min(c.minutes_per_session for c in clients) == 20
    assert max(c.minutes_per_session for c in clients) == 120
    # A dozen already spread over both axes (what a quick benchmark run measures).
    few = grid_clients(0, 12, sports=sports, kits=kits, library=library)
    assert {len(c.weekdays) for c in few} == set(GRID_DAYS)
    assert {minute_bucket(c.minutes_per_session) for c in few} == set(MINUTE_BUCKETS)
    # Client i is generate_client(seed + i) with its cell's days and minutes pinned.
    assert clients[7] == generate_client(
        18,
        sports=sports,
        kits=kits,
        library=library,
        days=len(clients[7].weekdays),
        minutes=clients[7].minutes_per_session,
    )


def test_clients_round_trip_through_the_client_file(many: list[Client], tmp_path: Path) -> None:
    for index, client in enumerate(many[:100]):
        path = iotools.write_client(client, tmp_path / f"client_{index}.toml")
        back = iotools.read_client(path)
        assert back == client
        assert iotools.client_toml(back) == path.read_text(encoding="utf-8")


def test_describe_client(many: list[Client]) -> None:
    for client in many[:50]:
        line = describe_client(client)
        assert "\n" not in line
        assert f"{client.minutes_per_session:g} min" in line and client.sport in line
        assert "/".join(client.weekdays) in line


# ---- the command line ------------------------------------------------------------------------


def test_generate_writes_client_files(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    library: Library,
    profiles: dict[str, SportProfile],
    kits: dict[str, Kit],
    sports: list[str],
) -> None:
    out = tmp_path / "fresh" / "clients"  # made if new
    code, stdout, err = call(capsys, "generate", "--seed", "5", "--count", "3", "--out", str(out))
    assert code == 0, err
    assert err == ""
    assert sorted(p.name for p in out.iterdir()) == [f"client_{s}.toml" for s in (5, 6, 7)]
    lines = stdout.strip().splitlines()
    assert len(lines) == 3
    for seed, line in zip((5, 6, 7), lines, strict=True):
        path = out / f"client_{seed}.toml"
        assert line.startswith(f"seed {seed}  ") and str(path) in line
        client = validate_client(iotools.read_client(path), library, profiles)
        assert client == generate_client(seed, sports=sports, kits=kits, library=library)
        assert describe_client(client) in line
    first = (out / "client_5.toml").read_bytes()
    assert call(capsys, "generate", "--seed", "5", "--out", str(out))[0] == 0
    assert (out / "client_5.toml").read_bytes() == first  # same seed, same bytes


def test_generate_prints_toml_without_out(capsys: pytest.CaptureFixture[str]) -> None:
    code, stdout, err = call(capsys, "generate", "--seed", "9", "--count", "2", "--days", "4")
    assert code == 0, err
    chunks = [c for c in stdout.split("# seed ") if c.strip()]
    assert len(chunks) == 2
    for seed, chunk in zip((9, 10), chunks, strict=True):
        header, _, body = chunk.partition("\n")
        assert header.startswith(f"{seed}: ")
        data = tomllib.loads(body)
        assert len(data["weekdays"]) == 4
        assert data["name"].endswith(f"(seed {seed})")


def test_generate_grid(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, stdout, err = call(capsys, "generate", "--grid", "--count", "30", "--out", str(tmp_path))
    assert code == 0, err
    clients = [iotools.read_client(path) for path in sorted(tmp_path.glob("*.toml"))]
    cells = {(len(c.weekdays), minute_bucket(c.minutes_per_session)) for c in clients}
    assert len(cells) == 30
    assert len(stdout.splitlines()) == 30


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (["--count", "0"], "--count"),
        (["--count", "many"], "--count"),
        (["--seed", "-1"], "--seed"),
        (["--seed", "1.5"], "--seed"),
        (["--days", "8"], "--days"),
        (["--minutes", "0"], "--minutes"),
        (["--grid", "--days", "3"], "--days"),
    ],
)
def test_generate_bad_input_is_one_line_exit_2(
    args: list[str], field: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, stdout, err = call(capsys, "generate", *args)
    assert code == 2
    assert stdout == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in err
    assert f"field '{field}'" in lines[0]


def test_generate_out_on_a_file_is_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "taken"
    blocker.write_text("", encoding="utf-8")
    code, _stdout, err = call(capsys, "generate", "--out", str(blocker))
    assert code == 2
    assert "is a file, not a folder" in err and len(err.strip().splitlines()) == 1


def test_generate_help(capsys: pytest.CaptureFixture[str]) -> None:
    code, stdout, err = call(capsys, "generate", "--help")
    assert code == 0 and err == ""
    for option in ("--seed", "--count", "--out", "--library", "--days", "--minutes", "--grid"):
        assert option in stdout
    assert "client_<seed>.toml" in stdout
    code, stdout, _err = call(capsys, "--help")
    assert "generate" in stdout


def test_generate_with_a_library_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--library: the folder's own kits are drawn from (a kit the generator does not know)."""
    folder = tmp_path / "lib"
    folder.mkdir()
    shipped = iotools.shipped_data_dir()
    for name in ("muscles.csv", "equipment.csv", "exercises.csv"):
        (folder / name).write_bytes((shipped / name).read_bytes())
    (folder / "kits.toml").write_text(
        '[rings]\nname = "Gymnastic rings"\nequipment = ["band", "pullup_bar"]\n',
        encoding="utf-8",
    )
    code, stdout, err = call(
        capsys, "generate", "--library", str(folder), "--count", "20", "--out", str(tmp_path)
    )
    assert code == 0, err
    kits_drawn = set()
    for path in tmp_path.glob("client_*.toml"):
        equipment = iotools.read_client(path).equipment
        assert set(equipment) <= {"band", "pullup_bar", "medicine_ball", "box", BODYWEIGHT}
        kits_drawn.add(equipment[:2])
    assert ("band", "pullup_bar") in kits_drawn  # the folder's own kit
    assert len(stdout.splitlines()) == 20

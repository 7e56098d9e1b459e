"""Deterministic manglers for the fuzz test (test_fuzz.py).

Each mangler takes a file (a parsed :class:`CsvFile`, or a client file's text) and a seeded
:class:`random.Random`, and returns the mangled bytes and what the product must then say:

- ``Spot(row, field, value, words)``: this cell (or client key) is wrong by itself, so the
  input must be refused (exit 2) with a message naming the file and, where given, this row,
  field (a TOML key, or the start of a nested one) and value, and holding ``words``;
- ``VALID``: a change a coach's spreadsheet or editor makes without meaning anything (a BOM,
  CRLF line ends, an extra column, padded cells, shuffled rows): the input must be accepted;
- ``None``: the file may be accepted or refused, but never with a traceback, and a refusal is
  still one line naming the file.
"""

from __future__ import annotations

import csv
import io
import random
import tomllib
from collections.abc import Callable
from dataclasses import dataclass

import tomli_w


@dataclass(frozen=True)
class Spot:
    row: int | None = None
    field: str | None = None
    value: str | None = None  # text the message must quote (None: no value to name)
    words: str | None = None  # text the message must hold (what is wrong with a whole file)


VALID = Spot(row=-1)  # a sentinel: the file must be accepted
NOT_UTF8 = Spot(words="is not UTF-8 text")
Outcome = tuple[bytes, Spot | None]

# ---- CSV ------------------------------------------------------------------------------------

#: Per library file: numeric columns, reference columns (choices or id lists) with an unknown
#: value for each, columns that may be empty, and the column holding the row's id.
NUMERIC = {
    "muscles.csv": ("min_sets", "max_sets", "target_sets"),
    "exercises.csv": ("set_minutes", "rest_seconds", "knee_flexion"),
    "plan.csv": ("day", "order", "sets", "rest_seconds", "minutes"),
}
REFERENCES = {
    "muscles.csv": ("region", "chain"),
    "exercises.csv": (
        "equipment",
        "pattern",
        "level",
        "spinal_load",
        "tags",
        "primary_muscles",
        "secondary_muscles",
        "family",
    ),
    "families.csv": ("role",),
    "plan.csv": ("weekday",),
}
FLAGS = {"exercises.csv": ("unilateral", "explosive")}
MAY_BE_EMPTY = {"exercises.csv": ("tags", "secondary_muscles")}
LIST_COLUMNS = ("equipment", "tags", "primary_muscles", "secondary_muscles")

NOT_NUMBERS = ("abc", "ten", "5sets", "0x10", "--3", "1.2.3", "½", "3;4", "1,5")
HUGE = ("1e308", "99999999999999999999999", "1e999", "1" + "0" * 400)
NOT_FINITE = ("nan", "NaN", "inf", "-inf", "Infinity")
NOT_SLUGS = ("Bad Id!", "with space", "UPPER", "ümlaut", "9starts_with_digit", "dash-ed")


def _split(text: str) -> tuple[list[str], list[str]]:
    """Lines without their ends, and the ends (the shipped files have no multi-line cells)."""
    lines = text.splitlines(keepends=True)
    bodies = [line.rstrip("\r\n") for line in lines]
    ends = [line[len(body) :] or "\n" for line, body in zip(lines, bodies, strict=True)]
    return bodies, ends


def _cells(line: str) -> list[str]:
    return next(csv.reader([line]))


def _line(cells: list[str]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="").writerow(cells)
    return out.getvalue()


def _join(bodies: list[str], ends: list[str]) -> bytes:
    return "".join(b + e for b, e in zip(bodies, ends, strict=True)).encode("utf-8")


class CsvFile:
    """One library CSV, parsed once: header, rows, and a way to write one cell back."""

    def __init__(self, name: str, text: str) -> None:
        self.name = name
        self.text = text
        self.bodies, self.ends = _split(text)
        self.header = _cells(self.bodies[0])

    @property
    def data_rows(self) -> range:
        """Indexes of the data lines; spreadsheet row = index + 1."""
        return range(1, len(self.bodies))

    def with_cell(self, index: int, column: str, value: str) -> bytes:
        cells = _cells(self.bodies[index])
        cells[self.header.index(column)] = value
        return self.with_line(index, _line(cells))

    def with_line(self, index: int, body: str) -> bytes:
        bodies = list(self.bodies)
        bodies[index] = body
        return _join(bodies, self.ends)

    def cell(self, index: int, column: str) -> str:
        return _cells(self.bodies[index])[self.header.index(column)]


CsvMangler = Callable[[CsvFile, random.Random], Outcome]


def _row(file: CsvFile, rng: random.Random) -> int:
    return rng.choice(file.data_rows)


def non_numeric(file: CsvFile, rng: random.Random) -> Outcome:
    index, column = _row(file, rng), rng.choice(NUMERIC.get(file.name) or ("id",))
    value = rng.choice(NOT_NUMBERS if column != "id" else NOT_SLUGS)
    return file.with_cell(index, column, value), Spot(index + 1, column, value)


def negative(file: CsvFile, rng: random.Random) -> Outcome:
    if file.name not in NUMERIC:
        return bad_slug(file, rng)
    index, column = _row(file, rng), rng.choice(NUMERIC[file.name])
    current = file.cell(index, column)
    value = rng.choice(["-1", "-0.5", f"-{current}" if float(current) else "-2"])
    return file.with_cell(index, column, value), Spot(index + 1, column, value)


def huge(file: CsvFile, rng: random.Random) -> Outcome:
    if file.name not in NUMERIC:
        return long_cell(file, rng)
    index, column = _row(file, rng), rng.choice(NUMERIC[file.name])
    value = rng.choice(HUGE)
    # A 401-digit number is named by its field, not printed in full.
    return file.with_cell(index, column, value), Spot(
        index + 1, column, value if len(value) < 40 else None
    )


def not_finite(file: CsvFile, rng: random.Random) -> Outcome:
    if file.name not in NUMERIC:
        return unknown_reference(file, rng)
    index, column = _row(file, rng), rng.choice(NUMERIC[file.name])
    value = rng.choice(NOT_FINITE)
    return file.with_cell(index, column, value), Spot(index + 1, column, value)


def unknown_reference(file: CsvFile, rng: random.Random) -> Outcome:
    columns = REFERENCES.get(file.name)
    if not columns:
        return bad_slug(file, rng)
    index, column = _row(file, rng), rng.choice(columns)
    current = file.cell(index, column)
    unknown = rng.choice(["zzz_unknown", "kettlebel", "hamstring", "Advanced", "posterior_chain"])
    value = f"{current};{unknown}" if column in LIST_COLUMNS and current else unknown
    return file.with_cell(index, column, value), Spot(index + 1, column, unknown)


def bad_flag(file: CsvFile, rng: random.Random) -> Outcome:
    columns = FLAGS.get(file.name)
    if not columns:
        return unknown_reference(file, rng)
    index, column = _row(file, rng), rng.choice(columns)
    value = rng.choice(["maybe", "y", "1", "nein", "ja"])
    return file.with_cell(index, column, value), Spot(index + 1, column, value)


def bad_slug(file: CsvFile, rng: random.Random) -> Outcome:
    index = _row(file, rng)
    column = "family" if file.name == "exercises.csv" and rng.random() < 0.3 else "id"
    value = rng.choice(NOT_SLUGS)
    return file.with_cell(index, column, value), Spot(index + 1, column, value)


def empty_cell(file: CsvFile, rng: random.Random) -> Outcome:
    allowed = [c for c in file.header if c not in MAY_BE_EMPTY.get(file.name, ())]
    index, column = _row(file, rng), rng.choice(allowed)
    return file.with_cell(index, column, rng.choice(["", "  "])), Spot(index + 1, column)


def delete_cell(file: CsvFile, rng: random.Random) -> Outcome:
    index = _row(file, rng)
    cells = _cells(file.bodies[index])
    del cells[rng.randrange(len(cells))]
    return file.with_line(index, _line(cells)), Spot(index + 1)


def duplicate_cell(file: CsvFile, rng: random.Random) -> Outcome:
    index = _row(file, rng)
    cells = _cells(file.bodies[index])
    at = rng.randrange(len(cells))
    cells.insert(at, cells[at])
    return file.with_line(index, _line(cells)), Spot(index + 1)


def swap_cells(file: CsvFile, rng: random.Random) -> Outcome:
    index = _row(file, rng)
    cells = _cells(file.bodies[index])
    first, second = rng.sample(range(len(cells)), 2)
    cells[first], cells[second] = cells[second], cells[first]
    return file.with_line(index, _line(cells)), None


def truncate_line(file: CsvFile, rng: random.Random) -> Outcome:
    index = _row(file, rng)
    body = file.bodies[index]
    return file.with_line(index, body[: rng.randrange(len(body))]), None


def truncate_file(file: CsvFile, rng: random.Random) -> Outcome:
    data = file.text.encode("utf-8")
    return data[: rng.randrange(len(data))], None


def delete_row(file: CsvFile, rng: random.Random) -> Outcome:
    index = _row(file, rng)
    bodies, ends = list(file.bodies), list(file.ends)
    del bodies[index], ends[index]
    return _join(bodies, ends), None


def duplicate_row(file: CsvFile, rng: random.Random) -> Outcome:
    index = _row(file, rng)
    bodies, ends = list(file.bodies), list(file.ends)
    bodies.insert(index + 1, bodies[index])
    ends.insert(index + 1, ends[index])
    row_id = _cells(bodies[index])[file.header.index("id")]
    return _join(bodies, ends), Spot(index + 2, "id", row_id)


def shuffle_rows(file: CsvFile, rng: random.Random) -> Outcome:
    rows = [file.bodies[i] for i in file.data_rows]
    rng.shuffle(rows)
    return _join([file.bodies[0], *rows], ["\n"] * (len(rows) + 1)), VALID


def rename_header(file: CsvFile, rng: random.Random) -> Outcome:
    header = list(file.header)
    at = rng.randrange(len(header))
    original = header[at]
    renamed = {original.upper(), original.replace("_", " "), original + "s", "x"} - {original}
    header[at] = rng.choice(sorted(renamed))
    # A library file names the missing column; the plan file, whose header is fixed, says so.
    return file.with_line(0, _line(header)), Spot(1, None if file.name == "plan.csv" else original)


def drop_header(file: CsvFile, rng: random.Random) -> Outcome:
    """No header line: the first data row is read as the header."""
    bodies, ends = file.bodies[1:], file.ends[1:]
    return _join(bodies, ends), Spot(1)


def header_only(file: CsvFile, rng: random.Random) -> Outcome:
    return _join(file.bodies[:1], file.ends[:1]), Spot(words="holds no rows")


def empty_file(file: CsvFile, rng: random.Random) -> Outcome:
    return rng.choice([b"", b"\n", b"  \r\n", b"\xef\xbb\xbf", b",,,\n"]), Spot(1, words="is empty")


def bad_encoding(file: CsvFile, rng: random.Random) -> Outcome:
    data = file.text.encode("utf-8")
    at = rng.randrange(len(data))
    junk = rng.choice([b"\xff", b"\xe9", b"\xc3(", b"\x80abc", "é".encode("latin-1")])
    return data[:at] + junk + data[at:], NOT_UTF8


def latin1(file: CsvFile, rng: random.Random) -> Outcome:
    """The file saved as Latin-1 by an old spreadsheet, with an accent in one name."""
    index = _row(file, rng)
    data = file.with_cell(index, "name", "Café " + file.cell(index, "name")).decode("utf-8")
    return data.encode("latin-1", errors="replace"), NOT_UTF8


def utf16(file: CsvFile, rng: random.Random) -> Outcome:
    return file.text.encode("utf-16"), NOT_UTF8


def bom(file: CsvFile, rng: random.Random) -> Outcome:
    return b"\xef\xbb\xbf" + file.text.encode("utf-8"), VALID


def crlf(file: CsvFile, rng: random.Random) -> Outcome:
    return _join(file.bodies, ["\r\n"] * len(file.bodies)), VALID


def extra_column(file: CsvFile, rng: random.Random) -> Outcome:
    bodies = [_line([*_cells(file.bodies[0]), "notes"])]
    bodies += [
        _line([*_cells(file.bodies[i]), rng.choice(["", "ok", "x,y"])]) for i in file.data_rows
    ]
    return _join(bodies, file.ends), VALID


def extra_cell(file: CsvFile, rng: random.Random) -> Outcome:
    index = _row(file, rng)
    return file.with_line(index, file.bodies[index] + ",surplus"), Spot(index + 1)


def padded_cells(file: CsvFile, rng: random.Random) -> Outcome:
    bodies = [file.bodies[0]]
    for i in file.data_rows:
        bodies.append(_line([f"  {cell} " for cell in _cells(file.bodies[i])]))
    return _join(bodies, file.ends), VALID


def formula_name(file: CsvFile, rng: random.Random) -> Outcome:
    index = _row(file, rng)
    value = rng.choice(['=HYPERLINK("http://x","y")', "+1", "@SUM(A1)", "-cmd|' /C calc'!A0"])
    return file.with_cell(index, "name", value), VALID


def blank_lines(file: CsvFile, rng: random.Random) -> Outcome:
    bodies, ends = list(file.bodies), list(file.ends)
    for _ in range(3):
        at = rng.randrange(1, len(bodies) + 1)
        bodies.insert(at, rng.choice(["", ",,,", "  "]))
        ends.insert(at, "\n")
    return _join(bodies, ends), VALID


def stray_quote(file: CsvFile, rng: random.Random) -> Outcome:
    index = _row(file, rng)
    body = file.bodies[index]
    at = rng.randrange(len(body) + 1)
    return file.with_line(index, body[:at] + '"' + body[at:]), None


def nul_byte(file: CsvFile, rng: random.Random) -> Outcome:
    index = _row(file, rng)
    body = file.bodies[index]
    at = rng.randrange(len(body) + 1)
    return file.with_line(index, body[:at] + "\x00" + body[at:]), None


def long_cell(file: CsvFile, rng: random.Random) -> Outcome:
    index = _row(file, rng)
    return file.with_cell(index, "name", "x" * rng.choice([1000, 100_000])), VALID


def other_values(file: CsvFile, rng: random.Random) -> Outcome:
    """Other valid values, as a coach editing the library would write: another band for a
    muscle; another level, set length and the prime movers and synergists swapped for a few
    exercises; another role for a family; another name for an item of equipment."""
    index = _row(file, rng)
    if file.name == "muscles.csv":
        low = rng.randrange(0, 13)
        target = low + rng.randrange(0, 7)
        high = target + rng.randrange(0, 9)
        data = file.with_cell(index, "min_sets", str(low))
        file = CsvFile(file.name, data.decode())
        data = file.with_cell(index, "target_sets", str(target))
        file = CsvFile(file.name, data.decode())
        return file.with_cell(index, "max_sets", str(high)), VALID
    if file.name == "exercises.csv":
        data = file.text.encode()
        for index in rng.sample(list(file.data_rows), 3):
            cells = dict(zip(file.header, _cells(file.bodies[index]), strict=True))
            cells["level"] = rng.choice(["beginner", "intermediate", "advanced"])
            shortest = int(cells["rest_seconds"]) / 60
            cells["set_minutes"] = f"{max(shortest, rng.choice([1, 1.5, 2, 3, 4.5])):g}"
            if cells["secondary_muscles"]:
                cells["primary_muscles"], cells["secondary_muscles"] = (
                    cells["secondary_muscles"],
                    cells["primary_muscles"],
                )
            data = file.with_line(index, _line(list(cells.values())))
            file = CsvFile(file.name, data.decode())
        return data, VALID
    if file.name == "families.csv":
        role = rng.choice(["power", "main", "accessory", "core", "carry"])
        return file.with_cell(index, "role", role), VALID
    return file.with_cell(index, "name", f"Renamed {index}"), VALID


def garbage(file: CsvFile, rng: random.Random) -> Outcome:
    return bytes(rng.randrange(256) for _ in range(rng.randrange(1, 400))), None


def random_bytes_flipped(file: CsvFile, rng: random.Random) -> Outcome:
    data = bytearray(file.text.encode("utf-8"))
    for _ in range(rng.randrange(1, 6)):
        data[rng.randrange(len(data))] = rng.randrange(32, 127)
    return bytes(data), None


CSV_MANGLERS: dict[str, CsvMangler] = {
    f.__name__: f
    for f in (
        non_numeric,
        negative,
        huge,
        not_finite,
        unknown_reference,
        bad_flag,
        bad_slug,
        empty_cell,
        delete_cell,
        duplicate_cell,
        swap_cells,
        truncate_line,
        truncate_file,
        delete_row,
        duplicate_row,
        shuffle_rows,
        rename_header,
        drop_header,
        header_only,
        empty_file,
        bad_encoding,
        latin1,
        utf16,
        bom,
        crlf,
        extra_column,
        extra_cell,
        padded_cells,
        formula_name,
        blank_lines,
        stray_quote,
        nul_byte,
        long_cell,
        other_values,
        garbage,
        random_bytes_flipped,
    )
}

# ---- client TOML ----------------------------------------------------------------------------

#: Wrong-typed values per key (TOML literals), each refused naming the key.
WRONG_TYPES: dict[str, tuple[str, ...]] = {
    "name": ("5", "[]", "true", "1979-05-27"),
    "weekdays": ('"Mon"', "[1, 2]", '"Mon,Wed"', "{ Mon = true }"),
    "minutes_per_session": ('"45"', "true", "[45]", "{ a = 1 }", "1979-05-27", "07:32:00"),
    "equipment": ('"band"', "[1]", "true"),
    "level": ("2", '["beginner"]'),
    "sport": ("1", "[]"),
    "avoid": ('"impact"', "[1]"),
    "require": ('"kettlebell_swing"', "[[1]]"),
    "ban": ("false",),
    "min_sets_per_exercise": ("2.5", '"2"', "true"),
    "max_sets_per_exercise": ("4.5", '"5"'),
    "max_exercises_per_session": ('"6"', "6.5", "[6]"),
    "days_per_week": ('"3"', "2.5", "true"),
    "priorities": ("3", '"x"', "[1]"),
    "targets": ("5", "[1]", '"hamstrings"'),
    "lock": ('"kettlebell_swing@Mon"', "[1]"),
}
#: Values no client can have: (key, TOML literal, text the message must hold).
IMPOSSIBLE: tuple[tuple[str, str, str | None], ...] = (
    ("minutes_per_session", "0", "0"),
    ("minutes_per_session", "-5", "-5"),
    ("minutes_per_session", "1e9", "1e+09"),
    ("minutes_per_session", "nan", "nan"),
    ("minutes_per_session", "inf", "inf"),
    ("minutes_per_session", "-inf", "-inf"),
    ("minutes_per_session", "99999999999999999999", None),
    ("days_per_week", "0", "0"),
    ("days_per_week", "8", "8"),
    ("min_sets_per_exercise", "0", "0"),
    ("max_sets_per_exercise", "100", "100"),
    ("max_exercises_per_session", "0", "0"),
    ("weekdays", "[]", None),
    ("weekdays", '["Mon", "Mon"]', "Mon"),
    ("weekdays", '["Mon", "Funday"]', "Funday"),
    ("weekdays", '["mon"]', "mon"),
    ("name", '""', None),
    ("level", '"expert"', "expert"),
    ("sport", '"curling"', "curling"),
    ("sport", '"Fighter!"', "Fighter!"),
    ("equipment", '["kettlebel"]', "kettlebel"),
    ("equipment", '["Band"]', "Band"),
    ("avoid", '["knees"]', "knees"),
    ("require", '["flying_kick"]', "flying_kick"),
    ("ban", '["no_such_exercise"]', "no_such_exercise"),
    ("lock", '["no_such_exercise@Mon"]', "no_such_exercise"),
    ("lock", '["kettlebell_swing"]', "kettlebell_swing"),
    ("lock", '["kettlebell_swing@Sun"]', "Sun"),
    ("swap", '["kettlebell_swing@Funday"]', "Funday"),
    ("colour", '"red"', "colour"),
    ("Minutes_per_session", "45", "Minutes_per_session"),
)
#: Tables that are wrong: (TOML text appended, key named, text the message must hold).
BAD_TABLES: tuple[tuple[str, str, str | None], ...] = (
    ("[targets.hamstrings]\nmin = 10\nmax = 5\n", "targets.hamstrings.min", "10"),
    ("[targets.hamstrings]\nmin = -1\n", "targets.hamstrings.min", "-1"),
    ("[targets.hamstrings]\nmin = nan\n", "targets.hamstrings.min", "nan"),
    ("[targets.hamstrings]\nmid = 3\n", "targets.hamstrings.mid", "mid"),
    ("[targets.hamstrings]\n", "targets.hamstrings", None),
    ("[targets.hamstrings]\nmin = 99\n", "targets.hamstrings", "99"),
    ("[targets.not_a_muscle]\nmin = 3\n", "targets.not_a_muscle", "not_a_muscle"),
    ("[targets]\nhamstrings = 5\n", "targets.hamstrings", "5"),
    ("[priorities]\nnot_a_muscle = 2\n", "priorities.not_a_muscle", "not_a_muscle"),
    ("[priorities]\nhamstrings = -1\n", "priorities.hamstrings", "-1"),
    ("[priorities]\nhamstrings = inf\n", "priorities.hamstrings", "inf"),
    ('[priorities]\nhamstrings = "high"\n', "priorities.hamstrings", "high"),
    ("[extras]\nnote = 1\n", "extras", "extras"),
)
SYNTAX_ERRORS: tuple[Callable[[str, random.Random], str], ...] = (
    lambda text, rng: text.replace("=", "", 1),
    lambda text, rng: text.replace("]", "", 1),
    lambda text, rng: text + 'note = "unterminated\n',
    lambda text, rng: text + text.splitlines()[0] + "\n",  # a key given twice
    lambda text, rng: text + "[targets\n",
    lambda text, rng: text + "minutes per session = 45\n",
    lambda text, rng: text + "x = [1, 2\n",
    lambda text, rng: text + "= 3\n",
    lambda text, rng: text.replace('"', "'", 1),
    lambda text, rng: text.replace("[", "{", 1),
)


def _set_key(text: str, key: str, literal: str) -> str:
    """``text`` with ``key = literal`` (replacing the key's line, or added at the top)."""
    lines = [line for line in text.splitlines() if line.split("=")[0].strip() != key]
    # Weekdays and days_per_week say the same thing: the one set must be the only one.
    other = {"days_per_week": "weekdays", "weekdays": "days_per_week"}.get(key)
    if other:
        lines = [line for line in lines if line.split("=")[0].strip() != other]
    return f"{key} = {literal}\n" + "\n".join(lines) + "\n"


def _drop_key(text: str, key: str) -> str:
    kept = [line for line in text.splitlines() if line.split("=")[0].strip() != key]
    return "\n".join(kept) + "\n"


WRONG_TYPE_CASES = tuple((key, literal) for key in WRONG_TYPES for literal in WRONG_TYPES[key])
#: Kinds drawn from a table: each entry is one case (``variant`` indexes it).
TOML_TABLES: dict[str, tuple[object, ...]] = {
    "wrong_type": WRONG_TYPE_CASES,
    "impossible": IMPOSSIBLE,
    "bad_table": BAD_TABLES,
    "missing_key": ("minutes_per_session", "weekdays"),
    "syntax": SYNTAX_ERRORS,
}


def toml_outcome(text: str, rng: random.Random, kind: str, variant: int = 0) -> Outcome:
    """One client mangle of ``kind``: entry ``variant`` of its table, or drawn by ``rng``."""
    if kind == "wrong_type":
        key, literal = WRONG_TYPE_CASES[variant]
        # A table written as a plain value elsewhere conflicts with an existing [table]: drop
        # the tables so the key alone is wrong.
        base = text.split("\n[")[0] + "\n" if key in ("targets", "priorities") else text
        return _set_key(base, key, literal).encode(), Spot(field=key)
    if kind == "impossible":
        key, literal, shown = IMPOSSIBLE[variant]
        return _set_key(text, key, literal).encode(), Spot(field=key, value=shown)
    if kind == "bad_table":
        extra, key, shown = BAD_TABLES[variant]
        base = text.split("\n[")[0] + "\n"  # the example's own tables go, so none repeats
        return (base + extra).encode(), Spot(field=key, value=shown)
    if kind == "missing_key":
        key = ("minutes_per_session", "weekdays")[variant]
        dropped = _drop_key(text, key)
        if key == "weekdays":
            dropped = _drop_key(dropped, "days_per_week")
        return dropped.encode(), Spot(field=key)
    if kind == "syntax":
        broken = SYNTAX_ERRORS[variant](text, rng)
        try:
            tomllib.loads(broken)
        except tomllib.TOMLDecodeError:
            return broken.encode(), Spot(words="is not valid TOML")
        return broken.encode(), None
    if kind == "truncate":
        data = text.encode()
        return data[: rng.randrange(len(data))], None
    if kind == "encoding":
        data = text.encode()
        at = rng.randrange(len(data))
        return data[:at] + rng.choice([b"\xff", b"\xc3(", b"\x80"]) + data[at:], NOT_UTF8
    if kind == "bom":
        return b"\xef\xbb\xbf" + text.encode(), VALID
    if kind == "rewritten":
        # The same client as another editor writes it: keys reordered, spacing changed.
        data = tomllib.loads(text)
        return tomli_w.dumps(dict(reversed(list(data.items())))).encode(), VALID
    if kind == "empty":
        return rng.choice([b"", b"\n", b"# nothing\n"]), Spot(field="minutes_per_session")
    if kind == "garbage":
        return bytes(rng.randrange(256) for _ in range(rng.randrange(1, 200))), None
    raise AssertionError(kind)


TOML_KINDS = (
    "wrong_type",
    "impossible",
    "bad_table",
    "missing_key",
    "syntax",
    "truncate",
    "encoding",
    "bom",
    "rewritten",
    "empty",
    "garbage",
)

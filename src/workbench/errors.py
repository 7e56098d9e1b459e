"""The project's own exception types: every user mistake names file, row, field and value."""

from __future__ import annotations

__all__ = ["InputError", "LibraryError", "WorkbenchError"]


class WorkbenchError(Exception):
    """Base of every error the workbench raises on purpose."""


class InputError(WorkbenchError):
    """Bad input a user can fix: a CSV cell, a client key, a command-line value.

    ``str(error)`` is one line, e.g.
    ``data/exercises.csv: row 12, field 'equipment': 'kettlebel' is not an equipment id``.
    """

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        row: int | None = None,
        field: str | None = None,
        value: object = None,
    ) -> None:
        self.message = message
        self.file = file
        self.row = row
        self.field = field
        self.value = value
        super().__init__(self.line())

    def line(self) -> str:
        where = []
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.field is not None:
            where.append(f"field '{self.field}'")
        location = ", ".join(where)
        head = ": ".join(part for part in (self.file, location) if part)
        text = " ".join(self.message.split())  # always a single line
        return f"{head}: {text}" if head else text

    def located(self, file: str) -> InputError:
        """The same error, attributed to ``file`` when it had no file yet."""
        if self.file is not None:
            return self
        return InputError(self.message, file=file, row=self.row, field=self.field, value=self.value)


class LibraryError(InputError):
    """Every problem found in an exercise library; ``str`` shows the first."""

    def __init__(self, problems: list[InputError]) -> None:
        self.problems = problems
        first = problems[0]
        more = f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""
        super().__init__(
            first.message + more,
            file=first.file,
            row=first.row,
            field=first.field,
            value=first.value,
        )

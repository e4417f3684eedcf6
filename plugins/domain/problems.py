"""Problems found in the content, reported to editors as ``path:line: field: message``.

Every check appends to one :class:`Report`, so an editor sees every mistake of
every file in one run instead of fixing them one build at a time.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "lỗi"
    WARNING = "cảnh báo"


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    field: str
    message: str
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}:"
        what = f" {self.field}:" if self.field else ""
        tag = " (cảnh báo)" if self.severity is Severity.WARNING else ""
        return f"{where}{what} {self.message}{tag}"

    def as_dict(self) -> dict[str, str | int]:
        return {
            "path": self.path,
            "line": self.line,
            "field": self.field,
            "message": self.message,
            "severity": self.severity.name.lower(),
        }


@dataclass
class Report:
    """Errors and warnings collected while loading the content."""

    problems: list[Problem] = field(default_factory=list)

    def error(self, path: str, line: int, field_path: str, message: str) -> None:
        self.problems.append(Problem(path, line, field_path, message))

    def warning(self, path: str, line: int, field_path: str, message: str) -> None:
        self.problems.append(Problem(path, line, field_path, message, Severity.WARNING))

    def extend(self, problems: Iterable[Problem]) -> None:
        self.problems.extend(problems)

    @property
    def errors(self) -> list[Problem]:
        return sorted(p for p in self.problems if p.severity is Severity.ERROR)

    @property
    def warnings(self) -> list[Problem]:
        return sorted(p for p in self.problems if p.severity is Severity.WARNING)

    def failed(self, *, strict: bool = False) -> bool:
        return bool(self.errors or (strict and self.warnings))

    def summary(self) -> str:
        files = len({p.path for p in self.problems})
        return f"{len(self.errors)} lỗi, {len(self.warnings)} cảnh báo trong {files} tệp."

    def render(self) -> str:
        lines = [str(p) for p in self.errors + self.warnings]
        return "\n".join([*lines, self.summary()])


class InvalidContentError(Exception):
    """Raised to stop a build; the message lists every problem."""

    exitcode = 1

    def __init__(self, report: Report) -> None:
        self.report = report
        super().__init__(
            "Nội dung có lỗi, chưa dựng trang; thư mục output giữ nguyên.\n" + report.render()
        )

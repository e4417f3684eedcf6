"""What the preview knows about the last build, shared by the builder and the server."""

import threading
from dataclasses import dataclass, field


@dataclass
class BuildStatus:
    """The number of the last finished build, whether it worked, and why not.

    ``number`` counts finished builds; pages carry the number they were served
    with, so a browser that missed a build still reloads.
    """

    number: int = 0
    ok: bool = True
    problems: tuple[str, ...] = ()
    _changed: threading.Condition = field(default_factory=threading.Condition, repr=False)

    def finished(self, ok: bool, problems: tuple[str, ...] = ()) -> None:
        with self._changed:
            self.number += 1
            self.ok = ok
            self.problems = problems
            self._changed.notify_all()

    def wait_after(self, number: int, timeout: float) -> bool:
        """Wait until a build later than ``number`` has finished; False on timeout."""
        with self._changed:
            return self._changed.wait_for(lambda: self.number != number, timeout)

    def as_dict(self) -> dict:
        with self._changed:
            return {"build": self.number, "ok": self.ok, "problems": list(self.problems)}

"""The build state file: read once per process while it is unchanged on disk."""

from plugins.incremental.stamp import read_inputs
from plugins.incremental.state import KEPT, BuildState, keep_recent, read_state, save_state


def test_a_state_read_again_unchanged_is_not_parsed_again(tmp_path):
    path = tmp_path / "builds" / "site.json"
    save_state(BuildState(stamp="a", frame="f", output_id=1), path)
    first = read_state(path)
    assert first is not None and first.stamp == "a"
    assert read_state(path) is first
    save_state(BuildState(stamp="b", frame="f", output_id=1), path)
    assert read_state(path).stamp == "b"


def test_inputs_name_every_file_and_change_with_any(tmp_path):
    (tmp_path / "a" / "__pycache__").mkdir(parents=True)
    (tmp_path / "a" / "__pycache__" / "x.pyc").write_bytes(b"")
    (tmp_path / "a" / "bai.md").write_text("một", encoding="utf-8")
    (tmp_path / "conf.py").write_text("X = 1", encoding="utf-8")
    roots = [tmp_path / "a", tmp_path / "conf.py", tmp_path / "missing"]
    before = read_inputs(roots, "setup")
    assert sorted(before.files) == [str(tmp_path / "a" / "bai.md"), str(tmp_path / "conf.py")]
    (tmp_path / "a" / "bai.md").write_text("một hai", encoding="utf-8")
    after = read_inputs(roots, "setup")
    assert after.changed_since(before.files) == [str(tmp_path / "a" / "bai.md")]
    assert after.stamp != before.stamp
    assert read_inputs(roots, "other").stamp != after.stamp
    (tmp_path / "a" / "moi.md").write_text("mới", encoding="utf-8")
    assert read_inputs(roots, "setup").changed_since(after.files) is None


def test_forgetting_old_states_copes_with_one_gone_meanwhile(tmp_path, monkeypatch):
    """Another build may forget a state between the listing and its stat."""
    builds = tmp_path / "builds"
    for n in range(KEPT + 3):
        save_state(BuildState(stamp=str(n), frame="f", output_id=n), builds / f"{n}.json")
    listed = [*sorted(builds.glob("*.json")), builds / "gone.json"]
    monkeypatch.setattr(type(builds), "glob", lambda self, pattern: iter(listed))
    keep_recent(tmp_path)
    assert len([p for p in listed if p.exists()]) == KEPT

"""The benchmark runs end to end and reports every figure (a tiny corpus)."""

import json
import shutil

from tests.benchmark import bench
from tests.benchmark.bench import main, retire


def test_bench_reports_every_figure_with_its_ratio(tmp_path, capsys):
    result = main(
        articles=40, runs=2, json_path=str(tmp_path / "bench.json"), preview_edits=1, quiet=0
    )
    assert json.loads((tmp_path / "bench.json").read_text(encoding="utf-8")) == result
    names = [row["name"] for row in result["ours"]]
    assert names == [
        "cold",
        "warm, nothing changed",
        "one article body edited",
        "one article added",
        "one registry entry edited",
    ]
    for row in [*result["ours"], result["preview"]]:
        assert row["median_seconds"] > 0 and row["ratio_to_plain_cold"] > 0
    assert result["ours_output"]["pages_written"] > result["plain_output"]["pages_written"] > 40
    cold, plain = result["ours"][0]["median_seconds"], result["plain"][0]["median_seconds"]
    assert len(result["cold_ratio_by_run"]) == 2
    # Each run's ratio is of its own pair; their median need not be that of the medians.
    assert min(result["cold_ratio_by_run"]) <= result["cold_ratio_median"]
    assert result["cold_ratio_median"] <= max(result["cold_ratio_by_run"])
    assert result["cold_ratio_median"] > 0 and cold > 0 and plain > 0
    table = capsys.readouterr().out
    assert "ours: preview, one body edited" in table and "plain Pelican cold" in table
    assert "cold ÷ plain cold, the two built back to back" in table


def test_outputs_are_kept_aside_unless_the_disk_is_short_of_room(tmp_path, monkeypatch, capsys):
    retired = tmp_path / "retired"
    for name in ("out", "plain-out"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "index.html").write_text("trang", encoding="utf-8")
    retire(tmp_path / "out", retired)
    assert [p.name for p in retired.iterdir()] == ["0-out"]
    assert (retired / "0-out" / "index.html").read_text(encoding="utf-8") == "trang"
    monkeypatch.setattr(bench, "RETIRED_ROOM", shutil.disk_usage(tmp_path).free + 1)
    retire(tmp_path / "plain-out", retired)
    assert not (tmp_path / "plain-out").exists()
    assert [p.name for p in retired.iterdir()] == ["0-out"]
    assert "plain-out deleted" in capsys.readouterr().out
    retire(tmp_path / "khong-co", retired)  # nothing to retire

"""Files made from the frame alone: written by the render workers, or at once."""

import pytest

from plugins.incremental import write_later


def test_without_the_incremental_writer_a_file_is_written_at_once(tmp_path):
    write_later({}, tmp_path, "cu/trang/index.html", lambda: "Trang cũ".encode())
    assert (tmp_path / "cu" / "trang" / "index.html").read_text(encoding="utf-8") == "Trang cũ"


def test_a_name_outside_the_output_is_refused(tmp_path):
    with pytest.raises(RuntimeError):
        write_later({}, tmp_path / "output", "../ngoai.html", lambda: b"")
    assert not (tmp_path / "ngoai.html").exists()

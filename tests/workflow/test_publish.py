"""invoke publish / rollback: a release goes live only when complete and checked."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from plugins.workflow.publish import PublishError, PublishOptions, Releases, publish, rollback
from plugins.workflow.publish.deploy import rsync_command
from plugins.workflow.publish.releases import ReleaseError
from plugins.workflow.publish.verify import REQUIRED
from tests.conftest import ROOT

SITEMAP = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>/</loc></url></urlset>'
)


def fake_build(marker: str, missing: str = ""):
    """Writes a small complete site (but ``missing``) into the release folder."""

    def build(release: Path) -> None:
        for name in REQUIRED:
            if name != missing:
                path = release / name
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(SITEMAP if name == "sitemap.xml" else f"{marker} " * 100)

    return build


def live_text(root: Path) -> str:
    return (root / "current" / "index.html").read_text()


def test_publish_switches_compresses_and_keeps_releases(tmp_path):
    options = PublishOptions(tmp_path, keep=3)
    releases = Releases(tmp_path)
    published = [
        publish(fake_build(f"ban-{n}"), options, announce=lambda _: None) for n in range(5)
    ]
    assert live_text(tmp_path).startswith("ban-4")
    assert (tmp_path / "current").is_symlink()
    link = (tmp_path / "current").readlink()
    assert link == Path("releases", published[-1].name)  # relative: the root may move
    assert releases.all() == published[-3:]  # the oldest two were removed
    assert (published[-1] / "index.html.gz").is_file()


def test_rollback_goes_back_one_release_at_a_time(tmp_path):
    options = PublishOptions(tmp_path)
    first, second, _ = [publish(fake_build(f"ban-{n}"), options, lambda _: None) for n in range(3)]
    assert rollback(options, lambda _: None) == second
    assert live_text(tmp_path).startswith("ban-1")
    assert rollback(options, lambda _: None) == first
    with pytest.raises(PublishError, match="không có bản nào cũ hơn"):
        rollback(options, lambda _: None)
    assert live_text(tmp_path).startswith("ban-0")


@pytest.mark.parametrize("failure", ["build", "check"])
def test_failed_release_leaves_the_live_site_untouched(tmp_path, failure):
    options = PublishOptions(tmp_path)
    good = publish(fake_build("tot"), options, lambda _: None)

    def broken(release: Path) -> None:
        fake_build("hong")(release)
        raise RuntimeError("dựng hỏng")

    with pytest.raises(RuntimeError if failure == "build" else PublishError):
        publish(
            broken if failure == "build" else fake_build("thieu", missing="404.html"),
            options,
            lambda _: None,
        )
    assert Releases(tmp_path).current() == good.resolve()
    assert Releases(tmp_path).all() == [good]
    assert live_text(tmp_path).startswith("tot")


def test_one_publish_at_a_time(tmp_path):
    releases = Releases(tmp_path)
    with releases.lock(), pytest.raises(ReleaseError, match="đang có một lần đăng"):
        publish(fake_build("x"), PublishOptions(tmp_path), lambda _: None)


def test_commands_after_the_switch(tmp_path):
    marker = tmp_path / "da-nap-lai"
    options = PublishOptions(tmp_path / "web", reload_command=f"touch {marker}")
    publish(fake_build("x"), options, lambda _: None)
    assert marker.exists()
    release = Path("/var/www/bqlkcn/releases/20260101-000000-000000")
    assert rsync_command(release, "web@may-chu:/srv/bqlkcn/") == [
        "rsync", "-a", "--delete", "--delay-updates", f"{release}/", "web@may-chu:/srv/bqlkcn/",
    ]  # fmt: skip


def invoke(*args: str, **kwargs) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "invoke", *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,  # so that a kill reaches Pagefind too
        **kwargs,
    )


def run_invoke(*args: str) -> str:
    process = invoke(*args)
    output, _ = process.communicate(timeout=300)
    assert process.returncode == 0, output
    return output


def test_killed_publish_keeps_the_live_site_and_rollback_restores(tmp_path):
    root = tmp_path / "web"
    releases = Releases(root)
    run_invoke("publish", "--deploy-root", str(root))
    [first] = releases.all()
    assert releases.current() == first.resolve()
    assert (first / "index.html.gz").is_file() and (first / "nginx-redirects.conf").is_file()
    before = live_text(root)

    process = invoke("publish", "--deploy-root", str(root))
    deadline = time.monotonic() + 120
    while not any(p.name.startswith(".") for p in releases.folder.iterdir()):
        assert time.monotonic() < deadline and process.poll() is None, "the build never started"
        time.sleep(0.01)
    os.killpg(process.pid, signal.SIGKILL)  # in the middle of the build
    process.wait(timeout=30)
    assert releases.current() == first.resolve()
    assert releases.all() == [first]
    assert live_text(root) == before

    output = run_invoke("publish", "--deploy-root", str(root))
    assert "Đã xóa bản dựng dở dang" in output  # what the killed build left
    second = releases.current()
    assert second != first.resolve() and not any(
        p.name.startswith(".") for p in releases.folder.iterdir()
    )
    run_invoke("rollback", "--deploy-root", str(root))
    assert releases.current() == first.resolve()

"""Settings for the published site: absolute addresses for feeds, sitemap, sharing."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from pelicanconf import *  # noqa: F403

SITEURL = "https://bqlkcnthainguyen.gov.vn"
SITE_ORIGIN = SITEURL
FEED_DOMAIN = SITEURL
RELATIVE_URLS = False
STRICT_CONTENT = True  # warnings stop a publish too

# invoke publish / rollback (plugins/workflow/publish): releases are built into
# DEPLOY_ROOT/releases/ and served from the DEPLOY_ROOT/current symlink.
DEPLOY_ROOT = "/var/www/bqlkcn"
DEPLOY_KEEP = 5  # releases kept, the live one included, for invoke rollback
DEPLOY_RELOAD_COMMAND = ""  # e.g. "sudo systemctl reload nginx": new redirects
DEPLOY_RSYNC_TARGET = ""  # e.g. "web@may-chu:/var/www/bqlkcn/site/": mirror after publish

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

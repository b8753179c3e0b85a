"""Settings for publishing: absolute URLs and feeds. Used by `make publish`."""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: F403

SITEURL = os.environ.get("SITEURL", "https://timeline.example.org")
RELATIVE_URLS = False
FEED_ALL_ATOM = "feeds/all.atom.xml"
DELETE_OUTPUT_DIRECTORY = True
TIMELINE_STRICT = True

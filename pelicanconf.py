"""Settings for the sample timeline site; `make html` builds it into output/."""

AUTHOR = "Timeline editors"
SITENAME = "Korean Peninsula Diplomacy: A Sourced Timeline"
SITESUBTITLE = "Who did what, when, and on whose word"
SITEURL = ""

PATH = "content"
TIMEZONE = "UTC"
DEFAULT_LANG = "en"

PLUGIN_PATHS = ["plugins"]
PLUGINS = ["pelican_timeline"]
THEME = "theme"

ARTICLE_PATHS = ["articles"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = ["images"]
ARTICLE_URL = "articles/{slug}/"
ARTICLE_SAVE_AS = "articles/{slug}/index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
TAG_URL = "tags/{slug}/"
TAG_SAVE_AS = "tags/{slug}/index.html"
TAGS_SAVE_AS = "tags/index.html"
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
CATEGORY_SAVE_AS = ""
CATEGORIES_SAVE_AS = ""
ARCHIVES_SAVE_AS = ""
DEFAULT_CATEGORY = "Articles"
USE_FOLDER_AS_CATEGORY = False
DIRECT_TEMPLATES = ["index", "tags"]
DEFAULT_PAGINATION = 20

# Autoescape everything; article bodies are sanitised HTML marked safe in the theme.
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "autoescape": True}

FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

# Fail the build when any content is rejected (see docs/content-format.md).
TIMELINE_STRICT = True
TIMELINE_INCLUDE_DRAFTS = False
TIMELINE_PAGE_SIZE = 200

RELATIVE_URLS = True

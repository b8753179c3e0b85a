"""A Pelican plugin that publishes a sourced, chronological timeline.

Content flows one way: front matter is read strictly (``reader``), checked and
cross-referenced into a catalog (``catalog``), then rendered as timeline and
actor pages (``generator``). The importer (``importer``) turns raw news pages
into drafts and does not depend on Pelican.
"""

__version__ = "0.1.0"


def register() -> None:
    """Pelican's entry point. Imported lazily so that the importer and other
    Pelican-free parts of the package can be used without Pelican."""
    from .plugin import connect  # noqa: PLC0415 - keeps Pelican out of Pelican-free imports

    connect()

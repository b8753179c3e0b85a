"""The ``timeline`` command: tools for contributors around the Pelican build."""

from __future__ import annotations

import argparse

from . import __version__
from .scaffold import add_parser as add_new_parser


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="timeline",
        description="Tools for a Pelican timeline site. Build the site itself with `make html`.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    importer = commands.add_parser(
        "import",
        help="turn saved news pages (text or HTML) into Markdown drafts for review",
        description="Turn saved news pages (text dumps or HTML files; a folder imports every file in it) into "
        "draft articles with their events and actors. Nothing is ever overwritten.",
    )
    importer.add_argument("paths", nargs="+", metavar="PATH", help="a saved page, or a folder of them")
    importer.add_argument("--url", default="", help="the page's address (recorded as its source URL)")
    importer.add_argument("--out", default="content/articles", help="folder for drafts (default: %(default)s)")
    importer.add_argument("--actors", default="content/actors", help="folder of actor profiles (default: %(default)s)")
    importer.add_argument("--dry-run", action="store_true", help="show what would be written; write nothing")

    checker = commands.add_parser(
        "check",
        help="check all content with the build's own rules, without building the site",
        description="Read every article, event, actor and page with the same rules as the build and print each "
        "problem as path:line: field: message, then a summary. Exits 1 if anything is an error.",
    )
    checker.add_argument("--settings", default="pelicanconf.py", help="Pelican settings file (default: %(default)s)")
    checker.add_argument("--content", default=None, help="content folder (default: PATH from the settings)")
    checker.add_argument(
        "--no-cache",
        action="store_true",
        help="read every file, ignoring the verdicts kept in CACHE_PATH for files that have not changed",
    )
    add_new_parser(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command == "import":
        from .importer.command import run_import  # noqa: PLC0415 - only this command needs the importer

        return run_import(args.paths, url=args.url, out=args.out, actors=args.actors, dry_run=args.dry_run)
    if args.command == "new":
        from .scaffold import run as run_new  # noqa: PLC0415

        return run_new(args)
    if args.command == "check":
        from .checking import main as run_check  # noqa: PLC0415

        return run_check(args.settings, args.content, use_cache=not args.no_cache)
    parser.print_help()
    return 0

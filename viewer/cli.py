"""The `timeline-viewer` command: the app, and its terminal subcommands.

Heavy modules (Qt, SQLAlchemy) are imported only by the command that needs them,
so `--version` and `--help` answer at once.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from viewer import __version__, cli_search


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="timeline-viewer",
        description="An offline timeline of a political relationship. "
        "With no command, opens the app.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--db", type=Path, help="open this catalog instead of the bundled one")
    parser.add_argument(
        "--data-dir", type=Path, help="keep settings and annotations in this folder"
    )
    parser.add_argument(
        "--temp-basedir",
        action="store_true",
        help="use a fresh temporary folder for settings and annotations (removed on exit)",
    )
    parser.add_argument(
        "--no-err-windows", action="store_true", help="report errors on stderr, not in dialogs"
    )
    parser.add_argument(
        "-v", "--verbose", action="store_true", help="print the log (with Qt's messages) too"
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check that this copy works (catalog, search, annotations, window) and exit",
    )
    parser.add_argument(
        "--quit-after-paint", action="store_true", help=argparse.SUPPRESS
    )  # used by start-up benchmarks and the end-to-end test
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    cli_search.add_parser(commands)

    export = commands.add_parser("export", help="write the whole catalog as one document")
    export.add_argument(
        "--format",
        choices=["json", "csv", "timelinejs"],
        default="json",
        help="json: the whole catalog (rebuildable); csv: every quote, for a spreadsheet; "
        "timelinejs: one profile for Knight Lab's TimelineJS",
    )
    export.add_argument(
        "--profile", help="the profile to export as TimelineJS (default: the main one)"
    )
    export.add_argument("-o", "--output", type=Path, help="file to write (default: stdout)")

    imported = commands.add_parser(
        "import", help="make a TimelineJS file into a catalog of its own (the app can open it)"
    )
    imported.add_argument("file", type=Path, help="a TimelineJS JSON file")
    imported.add_argument(
        "--out", type=Path, help="catalog to write (default: in the user's catalogs folder)"
    )

    build = commands.add_parser("build-data", help="compile data/ into the SQLite catalog")
    build.add_argument("--source", type=Path, help="folder of TOML files (default: data/)")
    build.add_argument("--from-json", type=Path, help="build from an exported JSON document")
    build.add_argument("--out", type=Path, help="catalog to write (default: the bundled one)")
    build.add_argument(
        "--source-texts",
        type=Path,
        metavar="DIR",
        help="folder holding the sources' texts (each source's held_copy): check that "
        "quotes are word for word, no prose is copied and no date is more precise than "
        "printed; any problem stops the build",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.self_test:
        from viewer.ui import self_test  # noqa: PLC0415

        return self_test.run(args.db)
    if args.command is None:
        # The Qt-free core (and numpy) first: once PySide6 is loaded, its import hook for
        # `__feature__` reads the source of every module imported after it (~0.15 ms a
        # module, ~130 of them here).
        import viewer.core.catalog  # noqa: PLC0415
        import viewer.core.search  # noqa: F401, PLC0415
        from viewer.ui.app import run  # noqa: PLC0415

        return run(args)
    from viewer.core.errors import CatalogError, DataError, UsageError  # noqa: PLC0415

    try:
        return _dispatch(args)
    except (CatalogError, DataError, UsageError) as exc:
        print(f"timeline-viewer: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `... | head`: the reader has all it wanted
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115, PTH123 - silence the final flush
        return 0


def _dispatch(args: argparse.Namespace) -> int:
    if args.command == "build-data":
        return _build(args)
    if args.command == "search":
        return cli_search.run(args, _catalog_path(args))
    if args.command == "import":
        return _import(args)
    return _export(args)


def _import(args: argparse.Namespace) -> int:
    from viewer.core.errors import UsageError  # noqa: PLC0415
    from viewer.core.paths import UserPaths  # noqa: PLC0415
    from viewer.core.timelinejs import TimelineJSError  # noqa: PLC0415
    from viewer.core.timelinejs_import import default_name, import_file  # noqa: PLC0415

    paths = UserPaths(args.data_dir) if args.data_dir else UserPaths.default()
    out: Path = args.out or paths.catalogs_dir / default_name(args.file)
    if out.exists():
        raise UsageError(f"{out} exists already; give another --out, or remove it first.")
    try:
        written, count = import_file(args.file, out)
    except TimelineJSError as exc:
        raise UsageError(str(exc)) from exc
    print(f"Imported {count} events into {written}; open it with: timeline-viewer --db {written}")
    return 0


def _catalog_path(args: argparse.Namespace) -> Path:
    from viewer.core.paths import bundled_catalog  # noqa: PLC0415

    path: Path = args.db or bundled_catalog()
    return path


def _build(args: argparse.Namespace) -> int:
    from viewer.core.build import build_catalog  # noqa: PLC0415
    from viewer.core.catalog import Catalog  # noqa: PLC0415
    from viewer.core.document import check  # noqa: PLC0415
    from viewer.core.paths import bundled_catalog, source_data_dir  # noqa: PLC0415
    from viewer.core.sourcefiles import load_data_dir, load_json  # noqa: PLC0415

    if args.from_json and args.source:
        print("timeline-viewer: give --source or --from-json, not both", file=sys.stderr)
        return 2
    document = (
        load_json(args.from_json)
        if args.from_json
        else load_data_dir(args.source or source_data_dir())
    )
    out: Path = args.out or bundled_catalog()
    checked = check(document)
    if args.source_texts:
        from viewer.core.errors import DataError  # noqa: PLC0415
        from viewer.core.source_checks import (  # noqa: PLC0415
            check_against_sources,
            read_source_texts,
        )

        report = check_against_sources(checked, read_source_texts(checked, args.source_texts))
        print(f"Sources {report.summary()}", file=sys.stderr)
        if report.problems:
            raise DataError(report.problems)
    build_catalog(checked, out)
    with Catalog(out) as catalog:
        counts = catalog.counts()
    summary = ", ".join(f"{n} {name}" for name, n in counts.items())
    print(f"Built {out}: {summary}")
    return 0


def _export(args: argparse.Namespace) -> int:
    from viewer.core.catalog import Catalog  # noqa: PLC0415
    from viewer.core.errors import UsageError  # noqa: PLC0415
    from viewer.core.export import dumps, export_document  # noqa: PLC0415

    if args.format == "csv":
        from viewer.core import quotes_csv  # noqa: PLC0415

        with Catalog(_catalog_path(args)) as catalog:
            rows = catalog.all_quotes()
        if args.output:
            count = quotes_csv.write_file(rows, args.output)
            print(f"Wrote {count} quotes to {args.output}", file=sys.stderr)
        else:
            quotes_csv.write(rows, sys.stdout)
        return 0
    if args.format == "timelinejs":
        from viewer.core import timelinejs  # noqa: PLC0415

        with Catalog(_catalog_path(args)) as catalog:
            profiles = [p.id for p in catalog.profiles_main_first()]
            chosen = args.profile or (profiles[0] if profiles else None)
            if chosen not in profiles:
                known = ", ".join(profiles) or "none"
                raise UsageError(f"No profile {chosen!r} in this catalog (it has: {known}).")
            text = timelinejs.dumps(timelinejs.export_profile(catalog, chosen))
    else:
        with Catalog(_catalog_path(args)) as catalog:
            text = dumps(export_document(catalog))
    if args.output:
        args.output.write_text(text, encoding="utf-8")
        print(f"Wrote {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0

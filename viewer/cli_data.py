"""The command line's data verbs: `build-data`, `export`, `import` and `list`.

Each either does what was asked or raises `UsageError` with one line saying why;
nothing here prints a traceback, creates a folder it was not asked for, or writes
over a file that is not what it writes.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from viewer.core.errors import UsageError
from viewer.core.plurals import plural


def add_parsers(commands: Any, shared: Callable[..., argparse.ArgumentParser]) -> None:
    """The data commands (`commands` is argparse's private _SubParsersAction); `shared`
    makes the app's options each also takes: which catalog, or where the user's data is."""
    export = commands.add_parser(
        "export",
        parents=[shared("--db")],
        help="write the catalog as JSON, CSV or TimelineJS",
        description="Write the catalog (the bundled one, or --db FILE) to a file or stdout.",
    )
    export.add_argument(
        "--format",
        choices=["json", "csv", "timelinejs", "sheet"],
        default="json",
        help="json: the whole catalog (rebuildable with build-data --from-json); csv: the "
        "quotes, for a spreadsheet; timelinejs: one profile for Knight Lab's TimelineJS; "
        "sheet: one profile as TimelineJS's spreadsheet template (CSV)",
    )
    export.add_argument(
        "--profile",
        help="csv: only the quotes of this profile's events; timelinejs, sheet: the profile "
        "to export (default: the main one). Not for json, which is the whole catalog.",
    )
    export.add_argument("-o", "--output", type=Path, help="file to write (default: stdout)")

    imported = commands.add_parser(
        "import",
        parents=[shared("--data-dir", "--temp-basedir")],
        help="make a TimelineJS file into a catalog of its own (the app can open it)",
        description="Read a TimelineJS JSON file and write it as a catalog.",
    )
    imported.add_argument("file", type=Path, help="a TimelineJS JSON file")
    imported.add_argument(
        "--out", type=Path, help="catalog to write (default: in the user's catalogs folder)"
    )

    build = commands.add_parser(
        "build-data",
        help="compile data/ (TOML) or an exported JSON document into a catalog",
        description="Needs the build extra: pip install 'timeline-viewer[build]'.",
    )
    build.add_argument(
        "--source", type=Path, help="folder of TOML files (default: ./data, or the checkout's)"
    )
    build.add_argument("--from-json", type=Path, help="build from an exported JSON document")
    build.add_argument(
        "--out",
        type=Path,
        help="catalog to write (default, in a source checkout only: resources/catalog.sqlite; "
        "an installed app's bundled catalog is never written)",
    )
    build.add_argument(
        "--source-texts",
        type=Path,
        metavar="DIR",
        help="folder holding the sources' texts (each source's held_copy): check that "
        "quotes are word for word, no prose is copied and no date is more precise than "
        "printed; any problem stops the build",
    )

    listing = commands.add_parser(
        "list",
        parents=[shared("--db")],
        help="list the ids that search and export take: profiles, speakers, kinds, sources",
    )
    listing.add_argument("what", choices=["profiles", "speakers", "kinds", "sources"])


# -- build-data ----------------------------------------------------------------------


def build(args: argparse.Namespace) -> int:
    if importlib.util.find_spec("edtf") is None:
        raise UsageError(
            "build-data needs the EDTF date parser: pip install 'timeline-viewer[build]' "
            "(in a checkout: pip install -e '.[build]')."
        )
    from viewer.core.catalog.build import build_catalog  # noqa: PLC0415
    from viewer.core.catalog.document import check  # noqa: PLC0415
    from viewer.core.catalog.read import Catalog  # noqa: PLC0415
    from viewer.core.catalog.sourcefiles import load_data_dir, load_json  # noqa: PLC0415
    from viewer.core.output_files import check_catalog_output  # noqa: PLC0415
    from viewer.core.paths import source_data_dir, writable_bundled_catalog  # noqa: PLC0415

    if args.from_json and args.source:
        raise UsageError("Give --source or --from-json, not both.")
    out: Path | None = args.out or writable_bundled_catalog()
    if out is None:
        raise UsageError(
            "Give --out FILE: this is an installed copy, whose bundled catalog is never written."
        )
    check_catalog_output(out)
    if args.from_json:
        document = load_json(args.from_json)
    else:
        source = args.source or source_data_dir()
        if source is None:
            raise UsageError(
                "No data/ folder here: give --source DIR, a folder of catalog TOML files "
                "(see data/README.md), or --from-json FILE."
            )
        document = load_data_dir(source)
    checked = check(document)
    if args.source_texts:
        from viewer.core.catalog.source_checks import (  # noqa: PLC0415
            check_against_sources,
            read_source_texts,
        )
        from viewer.core.errors import DataError  # noqa: PLC0415

        report = check_against_sources(checked, read_source_texts(checked, args.source_texts))
        print(f"Sources {report.summary()}", file=sys.stderr)
        if report.problems:
            raise DataError(report.problems)
    try:
        build_catalog(checked, out)
    except OSError as exc:
        raise UsageError(f"{out} cannot be written: {exc.strerror or exc}.") from exc
    with Catalog(out) as catalog:
        counts = catalog.counts()
    names = {"entity": "entities", "quote": "quotes", "era": "eras"}
    summary = ", ".join(plural(n, name, names.get(name)) for name, n in counts.items())
    print(f"Built {out}: {summary}")
    return 0


# -- export ---------------------------------------------------------------------------


def export(args: argparse.Namespace, catalog_path: Path) -> int:
    from viewer.core.catalog.read import Catalog  # noqa: PLC0415
    from viewer.core.output_files import check_output, write_text  # noqa: PLC0415

    if args.output is not None:
        check_output(args.output)  # before any work: a wrong name is said at once
    if args.format == "json" and args.profile:
        raise UsageError(
            "--profile is for csv and timelinejs; json writes the whole catalog (a backup)."
        )
    with Catalog(catalog_path) as catalog:
        if args.profile:
            _known_profile(catalog, args.profile)
        text, what = _exported_text(args, catalog)
    if args.output:
        write_text(args.output, text)
        print(f"Wrote {what} to {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


def _exported_text(args: argparse.Namespace, catalog: Any) -> tuple[str, str]:
    """The text to write, and what it holds in words ("60 quotes")."""
    if args.format == "csv":
        from viewer.core.interchange import quotes_csv  # noqa: PLC0415

        rows = catalog.all_quotes()
        if args.profile:
            ids = {e.id for e in catalog.events(args.profile)}
            rows = [r for r in rows if r[0].event_id in ids]
        return quotes_csv.to_text(rows), plural(len(rows), "quote")
    if args.format in ("timelinejs", "sheet"):
        from viewer.core.interchange import timelinejs_export  # noqa: PLC0415
        from viewer.core.interchange.timelinejs_formats import sheet_rows  # noqa: PLC0415

        chosen = args.profile or catalog.profiles_main_first()[0].id
        document = timelinejs_export.export_profile(catalog, chosen)
        what = f"{plural(len(document['events']), 'slide')} ({chosen})"
        if args.format == "sheet":
            return sheet_rows(document), what
        return timelinejs_export.dumps(document), what
    from viewer.core.interchange.catalog_json import dumps, export_document  # noqa: PLC0415

    document = export_document(catalog)
    return dumps(document), f"the catalog ({plural(len(document['events']), 'event')})"


def _known_profile(catalog: Any, profile_id: str) -> None:
    known = [p.id for p in catalog.profiles_main_first()]
    if profile_id not in known:
        raise UsageError(
            f"No profile {profile_id!r} in this catalog (it has: {', '.join(known) or 'none'})."
        )


# -- import ---------------------------------------------------------------------------


def import_timeline(args: argparse.Namespace) -> int:
    from viewer.core.interchange.timelinejs import TimelineJSError  # noqa: PLC0415
    from viewer.core.interchange.timelinejs_import import default_name, import_file  # noqa: PLC0415
    from viewer.core.output_files import check_catalog_output  # noqa: PLC0415

    if args.out is None and args.temp_basedir:
        raise UsageError(
            "--temp-basedir keeps nothing, so the import would be lost: give --out FILE."
        )
    out: Path = args.out or user_paths(args).ensure_catalogs() / default_name(args.file)
    if out.exists():
        raise UsageError(f"{out} exists already; give another --out, or remove it first.")
    check_catalog_output(out)
    try:
        written, count = import_file(args.file, out)
    except TimelineJSError as exc:
        raise UsageError(str(exc)) from exc
    except OSError as exc:
        raise UsageError(f"{out} cannot be written: {exc.strerror or exc}.") from exc
    print(
        f"Imported {plural(count, 'event')} into {written}; "
        f"open it with: timeline-viewer --db {written}"
    )
    return 0


def user_paths(args: argparse.Namespace) -> Any:
    """The user's folders (--data-dir, or the platform's), made if needed."""
    from viewer.core.paths import UserPaths  # noqa: PLC0415

    paths = UserPaths(args.data_dir) if args.data_dir else UserPaths.default()
    return paths.ensure()


# -- list -----------------------------------------------------------------------------


def list_ids(args: argparse.Namespace, catalog_path: Path) -> int:
    from viewer.core.catalog.read import Catalog  # noqa: PLC0415
    from viewer.core.records import EventKind  # noqa: PLC0415

    with Catalog(catalog_path) as catalog:
        if args.what == "profiles":
            rows = [(p.id, p.title) for p in catalog.profiles_main_first()]
        elif args.what == "speakers":
            rows = [(e.id, e.name) for e in catalog.speakers()]
        elif args.what == "sources":
            rows = [(s.id, s.title) for s in catalog.sources.values()]
        else:
            rows = [(k.value, "") for k in EventKind]
    for key, name in rows:
        print(f"{key}\t{name}" if name else key)
    return 0

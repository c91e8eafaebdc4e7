"""The `timeline-viewer` command: the app, and its terminal subcommands.

Heavy modules (Qt, SQLAlchemy) are imported only by the command that needs them,
so `--version` and `--help` answer at once. Every failure a person can cause ends in
one line on stderr and exit code 2 (see docs/cli.md, made from this parser).
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import textwrap
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from viewer import __version__

EXIT_OK, EXIT_NOTHING_FOUND, EXIT_ERROR = 0, 1, 2
#: What each exit code means, for --help, the man page and docs/cli.md.
EXIT_CODES = (
    (EXIT_OK, "done (search: something was found)"),
    (EXIT_NOTHING_FOUND, "search found nothing; --self-test: a check failed"),
    (EXIT_ERROR, "an error, said in one line on stderr (a wrong option, id, file or folder)"),
)
EXAMPLES = (
    ("timeline-viewer", "the app, on the bundled catalog"),
    ("timeline-viewer --db other.sqlite", "the app on another catalog"),
    ("timeline-viewer search 'meddle' --speaker donald-trump", "who said it, when, where"),
    ("timeline-viewer list speakers", "the ids --speaker takes"),
    ("timeline-viewer export --format csv -o quotes.csv", "every quote, for a spreadsheet"),
    ("timeline-viewer import timeline.json", "a TimelineJS file made into a catalog"),
    ("timeline-viewer --self-test", "check this installation, no window needed"),
)
DATA_LOCATIONS = (
    "Your settings, notes (annotations.sqlite, with backups/) and imported timelines "
    "(catalogs/) are kept in ~/.local/share/timeline-viewer on Linux, "
    "%APPDATA%\\timeline-viewer on Windows, ~/Library/Application Support/timeline-viewer "
    "on macOS, or the folder given with --data-dir. The log: Help > Open log folder. "
    "What only makes starts faster (safe to delete): ~/.cache/timeline-viewer on Linux, "
    "%LOCALAPPDATA%\\timeline-viewer\\Cache on Windows, ~/Library/Caches/timeline-viewer "
    "on macOS, or cache/ in the folder given with --data-dir."
)


#: What the app asks of its libraries' threads, unless the environment says otherwise.
RUN_ENVIRONMENT = {
    # numpy's OpenBLAS starts a thread per core that spins, waiting for work, for its
    # first ~0.3 s; on two cores it takes one from start-up (~50 ms to the first
    # paint). The app does no linear algebra: one thread.
    "OPENBLAS_NUM_THREADS": "1",
    # Qt's raster engine hands every fill of 96 spans or more to a pool of threads
    # and waits for them. For the timeline's fills the hand-off costs what it saves
    # (frames paired with and without: 0.98-1.03), and starting the pool's threads
    # for the first paint costs ~12 ms of start-up. Qt reads only whether it is set.
    "QT_NO_GUI_THREADPOOL": "1",
}


def apply_run_environment() -> None:
    """`RUN_ENVIRONMENT`, where the environment does not say otherwise (before numpy
    and Qt start their threads)."""
    for name, value in RUN_ENVIRONMENT.items():
        os.environ.setdefault(name, value)


def _epilog() -> str:
    examples = "\n".join(f"  {command}\n      {what}" for command, what in EXAMPLES)
    codes = "\n".join(f"  {code}  {meaning}" for code, meaning in EXIT_CODES)
    kept = textwrap.fill(
        DATA_LOCATIONS, 78, initial_indent="  ", subsequent_indent="  ", break_on_hyphens=False
    )
    return f"examples:\n{examples}\n\nwhere things are kept:\n{kept}\n\nexit codes:\n{codes}"


#: The terminal commands; any other word on the command line is a file to open.
COMMANDS = ("search", "export", "import", "build-data", "list")
#: The app's options that take a value (the word after them is not a command).
TAKES_VALUE = ("--db", "--data-dir", "--open")


def parser(*, commands: bool = True) -> argparse.ArgumentParser:
    """The whole command line. `commands=False`: the app's own options alone, what
    starting the app parses (the terminal commands' parsers and modules are not made)."""
    parser = argparse.ArgumentParser(
        prog="timeline-viewer",
        description="An offline timeline of a political relationship: meetings, calls, "
        "statements, quotes and their sources. With no command, opens the app.",
        epilog=_epilog(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    _add_shared_options(parser, tuple(_SHARED))
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
    parser.add_argument("--open", type=Path, help=argparse.SUPPRESS)  # `timeline-viewer FILE`
    verbs = parser.add_subparsers(dest="command", metavar="COMMAND")  # usage says the same
    if commands:
        from viewer import cli_data, cli_search  # noqa: PLC0415 - only when a command is named

        cli_search.add_parser(verbs, shared_options)
        cli_data.add_parsers(verbs, shared_options)
    return parser


#: The app's options that the commands needing them also take after their name, as
#: people type them (`timeline-viewer search putin --db other.sqlite`).
_SHARED: dict[str, dict[str, Any]] = {
    "--db": {"type": Path, "help": "open this catalog instead of the bundled one"},
    "--data-dir": {"type": Path, "help": "keep settings and annotations in this folder"},
    "--temp-basedir": {
        "action": "store_true",
        "help": "use a fresh temporary folder for settings and annotations (removed on exit)",
    },
}


def _add_shared_options(
    parser: argparse.ArgumentParser, names: Sequence[str], **given: Any
) -> argparse.ArgumentParser:
    for name in names:
        parser.add_argument(name, **_SHARED[name], **given)
    return parser


def shared_options(*names: str) -> argparse.ArgumentParser:
    """A parent parser (argparse's `parents=`) for a command: these app options, also
    after the command's name. Given there, they set what they set before it; not given,
    they leave the value from before the command alone."""
    parent = argparse.ArgumentParser(add_help=False)
    return _add_shared_options(parent, names, default=argparse.SUPPRESS)


def main(argv: Sequence[str] | None = None) -> int:
    words = with_file_opened(list(sys.argv[1:] if argv is None else argv))
    whole = parser(commands=not app_options_only(words))
    args, unknown = whole.parse_known_args(words)
    if unknown:  # argparse's own refusal, with why where the word is an app option
        whole.error(
            f"unrecognized arguments: {' '.join(unknown)}{_misplaced(whole, args.command, unknown)}"
        )
    if (problem := undecodable_argument(args)) is not None:
        print(f"timeline-viewer: {problem}", file=sys.stderr)
        return EXIT_ERROR
    if args.self_test:
        from viewer.ui import self_test  # noqa: PLC0415

        return self_test.run(args.db)
    if args.command is None:
        return _run_app(args)
    from viewer.core.errors import ViewerError  # noqa: PLC0415

    try:
        return _dispatch(args)
    except ViewerError as exc:  # its message is for the person at the keyboard
        print(f"timeline-viewer: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:  # `... | head`: the reader has all it wanted
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115, PTH123 - silence the final flush
        return EXIT_OK
    except OSError as exc:  # a file the verb reads or writes: said in one line
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"timeline-viewer: {where}{exc.strerror or exc}", file=sys.stderr)
        return EXIT_ERROR


def _misplaced(whole: argparse.ArgumentParser, command: str | None, unknown: list[str]) -> str:
    """Why the app's options among `unknown` were refused: they came after a command
    that does not use them. Empty when none of them is an app option. (argparse has no
    public way to ask a parser which options it takes: its tables are read here.)"""
    commands = next(
        (a.choices for a in whole._actions if isinstance(a, argparse._SubParsersAction)), {}
    )
    reasons = []
    for word in unknown:
        option = word.split("=", 1)[0]
        if command is None or option not in whole._option_string_actions:
            continue
        users = [name for name, sub in commands.items() if option in sub._option_string_actions]
        where = (
            f"{_listed(users)} {'does' if len(users) == 1 else 'do'}"
            if users
            else "it is for the app, given with no command"
        )
        reasons.append(f"{command} does not use {option}: {where}")
    return f" ({'; '.join(reasons)})" if reasons else ""


def _listed(words: list[str]) -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"


def with_file_opened(argv: list[str]) -> list[str]:
    """`timeline-viewer FILE` (what a file manager runs, the desktop entry's %f): a
    catalog opens, a TimelineJS .json file is imported and opened. The first argument
    that is not an option or a command, and names a file, becomes `--open FILE`."""
    for i, word in enumerate(argv):
        if word in COMMANDS:
            return argv
        if _is_word(argv, i):
            return [*argv[:i], "--open", word, *argv[i + 1 :]] if Path(word).is_file() else argv
    return argv


def app_options_only(argv: list[str]) -> bool:
    """Whether `argv` holds only the app's options (and their values), no command and no
    --help: what starting the app needs parsed. Anything else (a command, a stray word,
    -h) gets the whole parser, and so argparse's own messages."""
    for i, word in enumerate(argv):
        short_flags = word[1:] if word.startswith("-") and not word.startswith("--") else ""
        if word.startswith("--h") or "h" in short_flags:  # --help, --he, -h, -vh
            return False
        if _is_word(argv, i):
            return False
    return True


def _is_word(argv: list[str], i: int) -> bool:
    """Whether `argv[i]` is neither an option nor an option's value: a command or a file."""
    return not argv[i].startswith("-") and not (i and argv[i - 1] in TAKES_VALUE)


def undecodable_argument(args: argparse.Namespace) -> str | None:
    """An argument holding bytes that are not text in the system's encoding (Python keeps
    them as lone surrogates, which nothing downstream can store or print), or None."""
    for name, value in vars(args).items():
        for item in value if isinstance(value, list) else [value]:
            text = str(item) if isinstance(item, str | Path) else None
            if text is not None:
                try:
                    text.encode("utf-8")
                except UnicodeEncodeError:
                    shown = repr(text)[1:-1][:60]  # escaped: one line, whatever it holds
                    option = "--" + name.replace("_", "-") if name != "query" else "the query"
                    return f"{option} '{shown}' is not valid text (bytes that are not UTF-8)."
    return None


def _run_app(args: argparse.Namespace) -> int:
    if (problem := no_display_problem()) is not None:
        print(f"timeline-viewer: {problem}", file=sys.stderr)
        return EXIT_ERROR
    # Start-up makes objects that live as long as the app (modules, classes, widgets);
    # the garbage collector would walk them ~90 times before the first paint (~15 ms).
    # It is off until the window has painted (viewer.ui.app.run turns it back on).
    gc.disable()
    apply_run_environment()
    # The Qt-free core (and numpy) first: once PySide6 is loaded, its import hook for
    # `__feature__` reads the source of every module imported after it (~0.15 ms a
    # module, ~130 of them here).
    import viewer.core.catalog.read  # noqa: F401, PLC0415
    from viewer.ui.pyside_code_cache import support_code_cached  # noqa: PLC0415
    from viewer.ui.pyside_pattern_cache import support_patterns_cached  # noqa: PLC0415

    cache = _code_cache(args)
    # PySide6's own modules and the patterns they compile (see there)
    with support_code_cached(cache), support_patterns_cached(cache):
        from viewer.ui.pyside_feature import check_sources_directly  # noqa: PLC0415

    check_sources_directly()  # ~10 ms less of that hook (see the module)
    from viewer.ui.app import run  # noqa: PLC0415

    return run(args)


def _code_cache(args: argparse.Namespace) -> Path | None:
    """Where PySide6's compiled support modules are kept: the cache folder of the data
    folder in use (none for --temp-basedir, which keeps nothing)."""
    if args.temp_basedir:
        return None
    from viewer.core.paths import UserPaths  # noqa: PLC0415

    return UserPaths.at(args.data_dir).cache_dir / "pyside"


def no_display_problem(environ: dict[str, str] | None = None) -> str | None:
    """Why the app cannot open a window here, or None. On Linux and the BSDs a window
    needs X11 or Wayland; without either Qt aborts blaming a library, so we say it first."""
    env = os.environ if environ is None else environ
    if not sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return None
    if env.get("DISPLAY") or env.get("WAYLAND_DISPLAY") or env.get("QT_QPA_PLATFORM"):
        return None
    return (
        "no display to open a window on (neither DISPLAY nor WAYLAND_DISPLAY is set). "
        "Start it from a desktop session; search, export, import and --self-test work "
        "without one."
    )


def _dispatch(args: argparse.Namespace) -> int:
    from viewer import cli_data, cli_search  # noqa: PLC0415 - loaded by parser() already

    if args.command == "build-data":
        return cli_data.build(args)
    if args.command == "search":
        return cli_search.run(args, _catalog_path(args))
    if args.command == "import":
        return cli_data.import_timeline(args)
    if args.command == "list":
        return cli_data.list_ids(args, _catalog_path(args))
    return cli_data.export(args, _catalog_path(args))


def _catalog_path(args: argparse.Namespace) -> Path:
    from viewer.core.paths import bundled_catalog  # noqa: PLC0415

    path: Path = args.db or bundled_catalog()
    return path

"""The command line's manual, made from its argument parser so it never goes stale.

`python -m viewer.cli_manual` prints the manual page (troff, section 1), which the
Linux packaging installs as `man timeline-viewer`; `options_markdown()` gives the
same options as Markdown for docs/cli.md (tests/tools/cli_reference.py).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator

from viewer import __version__
from viewer.cli import DATA_LOCATIONS, EXAMPLES, EXIT_CODES, parser


def _subparsers(root: argparse.ArgumentParser) -> list[tuple[str, argparse.ArgumentParser, str]]:
    """(name, parser, one-line help) of each verb, in the order they were added."""
    for action in root._actions:  # argparse keeps them nowhere public
        if isinstance(action, argparse._SubParsersAction):
            helps = {a.dest: a.help or "" for a in action._choices_actions}
            return [(name, sub, helps.get(name, "")) for name, sub in action.choices.items()]
    return []


def _options(p: argparse.ArgumentParser) -> Iterator[tuple[str, str]]:
    """(how it is written, what it does) of each option and argument shown in --help."""
    for action in p._actions:
        if action.help == argparse.SUPPRESS or isinstance(action, argparse._SubParsersAction):
            continue
        if action.option_strings:
            names = ", ".join(action.option_strings)
            if action.nargs != 0:
                metavar = action.metavar or (
                    "{" + ",".join(map(str, action.choices)) + "}"
                    if action.choices
                    else action.dest.upper()
                )
                names += f" {metavar}"
        else:
            names = str(action.metavar or action.dest)
            if action.choices:
                names = "{" + ",".join(map(str, action.choices)) + "}"
        yield names, " ".join((action.help or "").split()).replace("%(prog)s", "timeline-viewer")


def options_markdown(root: argparse.ArgumentParser | None = None) -> str:
    root = root or parser()
    lines = ["## Options of every command", "", "| option | what it does |", "| --- | --- |"]
    lines += [f"| `{name}` | {_md(text)} |" for name, text in _options(root)]
    for name, sub, summary in _subparsers(root):
        lines += ["", f"### `timeline-viewer {name}`", "", _md(summary) + ".", ""]
        lines += ["| option | what it does |", "| --- | --- |"]
        lines += [f"| `{option}` | {_md(text)} |" for option, text in _options(sub)]
    lines += ["", "## Exit codes", "", "| code | means |", "| --- | --- |"]
    lines += [f"| {code} | {_md(meaning)} |" for code, meaning in EXIT_CODES]
    return "\n".join(lines) + "\n"


def _md(text: str) -> str:
    return text.replace("|", "\\|")


def manual_page(root: argparse.ArgumentParser | None = None) -> str:
    root = root or parser()
    out = [
        f'.TH TIMELINE-VIEWER 1 "" "timeline-viewer {__version__}" "User Commands"',
        ".SH NAME",
        r"timeline-viewer \- " + _roff(root.description or "").split(":")[0],
        ".SH SYNOPSIS",
        r".B timeline-viewer",
        r"[\fIOPTIONS\fR] [\fICOMMAND\fR [\fIARGS\fR]]",
        ".SH DESCRIPTION",
        _roff(root.description or ""),
        ".SH OPTIONS",
    ]
    out += _roff_options(root)
    out.append(".SH COMMANDS")
    for name, sub, summary in _subparsers(root):
        out += [".SS " + _roff(name), _roff(summary) + "."]
        out += _roff_options(sub)
    out.append(".SH EXAMPLES")
    for command, what in EXAMPLES:
        out += [".TP", r"\fB" + _roff(command) + r"\fR", _roff(what)]
    out += [".SH FILES", _roff(DATA_LOCATIONS), ".SH EXIT STATUS"]
    for code, meaning in EXIT_CODES:
        out += [".TP", str(code), _roff(meaning)]
    return "\n".join(out) + "\n"


def _roff_options(p: argparse.ArgumentParser) -> list[str]:
    lines = []
    for name, text in _options(p):
        lines += [".TP", r"\fB" + _roff(name) + r"\fR", _roff(text)]
    return lines


def _roff(text: str) -> str:
    """Text safe in a troff line: backslashes doubled, hyphens literal, no leading dot."""
    text = text.replace("\\", "\\e").replace("-", "\\-")
    return "\\&" + text if text.startswith((".", "'")) else text


def main() -> int:
    sys.stdout.write(manual_page())
    return 0


if __name__ == "__main__":
    sys.exit(main())

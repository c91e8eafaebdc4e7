"""The licence texts an installer must carry for what it redistributes: every Python
distribution the app needs at run time (their own licence files, from their wheels'
metadata), CPython, Qt (through PySide6, LGPL-3), and ICU where Qt's copy of it is in
the bundle. Written into the bundle's `licences/` folder with an index, LICENCES.md.

    python packaging/licences.py OUT_DIR [BUNDLE_DIR]
    python packaging/licences.py --list [BUNDLE_DIR]   (one line each, for Debian's copyright)

Run by timeline-viewer.spec after a build (so every installer gets them) and by the
tests against the test environment. A text that cannot be found stops the build: an
installer without the licences it owes is not shipped.
"""

from __future__ import annotations

import argparse
import importlib.metadata as md
import re
import shutil
import sys
import sysconfig
from dataclasses import dataclass
from pathlib import Path

APP = "timeline-viewer"
#: Licences whose text the wheel does not carry (PySide6's wheels ship none): the GNU
#: texts kept beside this script (verbatim, as the FSF allows), so Windows and macOS
#: builds have them too.
COMMON_LICENCES = Path(__file__).resolve().parent / "licence-texts"
QT_DISTRIBUTIONS = {"pyside6-essentials", "pyside6", "shiboken6", "pyside6-addons"}
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*")


class LicenceError(Exception):
    """A licence text the installer owes could not be found."""


@dataclass(frozen=True)
class Component:
    name: str
    version: str
    licence: str
    files: tuple[Path, ...]  # licence texts to copy


def runtime_distributions(root: str = APP) -> list[md.Distribution]:
    """`root` and everything it requires at run time (no extras), each once, by name."""
    seen: dict[str, md.Distribution] = {}
    todo = [root]
    while todo:
        name = todo.pop()
        key = _key(name)
        if key in seen:
            continue
        try:
            dist = md.distribution(name)
        except md.PackageNotFoundError:
            continue
        seen[key] = dist
        for requirement in dist.requires or []:
            if "extra ==" in requirement:
                continue
            # A requirement for another platform or Python is not installed, so it is
            # skipped above; one installed though its marker is false is listed: its
            # licence shipped needlessly, never one missing.
            if match := _NAME.match(requirement.strip()):
                todo.append(match.group(0))
    return sorted(seen.values(), key=lambda d: _key(d.metadata["Name"]))


def _key(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def components(bundle: Path | None = None) -> list[Component]:
    """What the installer redistributes, each with its licence texts."""
    found = []
    for dist in runtime_distributions():
        name, version = dist.metadata["Name"], dist.version
        if _key(name) == APP:
            continue
        licence = (
            dist.metadata["License-Expression"]  # None where the field is absent
            or _first_line(dist.metadata["License"])
            or "see its licence files"
        )
        files = tuple(
            Path(str(dist.locate_file(f)))
            for f in dist.files or []
            if re.search(r"(licen[cs]e|copying|notice|authors)", f.name, re.IGNORECASE)
            and ".dist-info" in str(f)
        )
        if _key(name) in QT_DISTRIBUTIONS:
            licence = "LGPL-3.0-only (Qt for Python and the Qt libraries it carries)"
            files = (*files, _common("LGPL-3"), _common("GPL-3"))
        if not files:
            raise LicenceError(f"{name} {version}: its wheel carries no licence file")
        found.append(Component(name, version, licence, files))
    # Beside the standard library on Linux and macOS, in the installation's folder on
    # Windows.
    places = [Path(sysconfig.get_paths()["stdlib"]), Path(sys.base_prefix)]
    python = next((p / "LICENSE.txt" for p in places if (p / "LICENSE.txt").exists()), None)
    if python is None:
        raise LicenceError(f"CPython's LICENSE.txt is in none of {', '.join(map(str, places))}")
    found.append(Component("CPython", sys.version.split()[0], "PSF-2.0", (python,)))
    if bundle is not None and any(bundle.rglob("libicu*")):
        icu = sorted(Path("/usr/share/doc").glob("libicu[0-9]*/copyright"))
        if not icu:
            raise LicenceError(
                "the bundle carries ICU (from Qt) but its licence text was not found: "
                "install the libicu package (e.g. apt-get install libicu72)"
            )
        found.append(Component("ICU", "(carried by Qt)", "Unicode-3.0 / ICU", (icu[-1],)))
    return found


def _first_line(text: str | None) -> str:
    lines = (text or "").strip().splitlines()
    return lines[0][:80] if lines else ""


def _common(name: str) -> Path:
    path = COMMON_LICENCES / name
    if not path.exists():
        raise LicenceError(f"the text of {name} is not at {path}")
    return path


def write_licences(out: Path, bundle: Path | None = None) -> list[Component]:
    """Copy every licence text into `out/<component>/` and write `out/LICENCES.md`."""
    found = components(bundle)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    lines = [
        "# Licences of what this installer carries",
        "",
        "Timeline Viewer itself is under the MIT licence. It redistributes the components",
        "below; each folder here holds the licence texts that came with it.",
        "",
        "| component | version | licence | texts |",
        "| --- | --- | --- | --- |",
    ]
    for component in found:
        folder = out / _key(component.name)
        folder.mkdir()
        names = []
        for source in component.files:
            target = folder / source.name
            if target.exists():  # two texts of one name (numpy's bundled libraries)
                target = folder / f"{source.parent.name}-{source.name}"
            shutil.copyfile(source, target)
            names.append(target.name)
        texts = ", ".join(f"{folder.name}/{n}" for n in names)
        lines.append(f"| {component.name} | {component.version} | {component.licence} | {texts} |")
    (out / "LICENCES.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return found


def markdown() -> str:
    """docs/licences.md: what every installer redistributes and under which licence
    (names, not versions: the page stays true from one release to the next)."""
    rows = [(c.name, c.licence) for c in components()]
    rows.append(("ICU (Linux bundles: the copy Qt carries)", "Unicode-3.0 / ICU"))
    lines = [
        "# Licences of what the installers carry",
        "",
        "Timeline Viewer is MIT-licensed. Its installers also redistribute the parts below.",
        "The .deb, the tarball, the Windows setup and the macOS disk images carry their",
        "licence texts in a `licences` folder (beside the program; inside the app on",
        "macOS) with an index, `LICENCES.md`, which Help > About opens; the Flatpak keeps",
        "each package's own licence files with it (Python's `*.dist-info` folders). Written",
        "by `python packaging/licences.py --markdown`; a test keeps this page current.",
        "",
        "| Component | Licence |",
        "| --- | --- |",
    ]
    lines += [f"| {name} | {licence} |" for name, licence in rows]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--list", action="store_true", help="only list the components")
    parser.add_argument("--markdown", action="store_true", help="docs/licences.md's text")
    parser.add_argument("paths", type=Path, nargs="*", help="OUT_DIR [BUNDLE_DIR]")
    args = parser.parse_args()
    try:
        if args.markdown:
            sys.stdout.write(markdown())
            return 0
        if args.list:
            for component in components(args.paths[0] if args.paths else None):
                print(f"{component.name} {component.version}: {component.licence}")
            return 0
        if not args.paths:
            parser.error("say where to write the licences")
        found = write_licences(args.paths[0], args.paths[1] if len(args.paths) > 1 else None)
    except LicenceError as error:
        print(f"licences: {error}", file=sys.stderr)
        return 1
    print(f"wrote the licences of {len(found)} components to {args.paths[0]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

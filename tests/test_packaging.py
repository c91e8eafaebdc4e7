"""The packaging files say what the app is, consistently (the builds themselves run in
packaging/build_linux.sh and the release workflow, which take minutes)."""

from __future__ import annotations

import ast
import configparser
import importlib
import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest

from tests.conftest import ROOT
from viewer import __version__

LINUX = ROOT / "packaging" / "linux"


def test_the_desktop_entry_starts_the_installed_command_with_its_icon() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(LINUX / "timeline-viewer.desktop")
    desktop = entry["Desktop Entry"]
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["scripts"]
    assert desktop["Exec"].split()[0] in scripts
    assert desktop["Icon"] == "timeline-viewer"
    assert desktop["Type"] == "Application" and desktop["Terminal"] == "false"
    launcher = (LINUX / "launcher.sh").read_text()
    assert "/opt/timeline-viewer/timeline-viewer" in launcher


def test_the_metainfo_names_the_desktop_entry() -> None:
    path = next(LINUX.glob("*.metainfo.xml"))
    component = ET.parse(path).getroot()
    app_id = component.findtext("id")
    assert path.name == f"{app_id}.metainfo.xml"
    assert re.fullmatch(r"[a-z]+(\.[A-Za-z_]+){2,}", app_id or "")
    assert component.findtext("launchable") == "timeline-viewer.desktop"


def test_the_package_s_depends_are_computed_plus_the_fonts_no_library_names() -> None:
    """dpkg-shlibdeps writes the libraries' packages (@SHLIBS@); the fonts Qt draws with
    are named by no ELF file, so they are listed by hand."""
    control = (LINUX / "control.in").read_text()
    depends = re.search(r"^Depends: (.*)$", control, re.MULTILINE)
    assert depends is not None
    names = [d.strip() for d in depends.group(1).split(",")]
    assert names == ["@SHLIBS@", "fontconfig-config", "fonts-dejavu-core"]
    script = (ROOT / "packaging" / "build_linux.sh").read_text()
    assert "dpkg-shlibdeps" in script and "@SHLIBS@" in script


def test_the_build_root_has_what_the_bundle_leaves_to_the_system() -> None:
    """The workflow's container and build_in_debian.sh install one list, which holds
    the libraries dpkg-shlibdeps must find (a library it cannot find stops the build)."""
    wanted = {
        line.strip()
        for line in (ROOT / "packaging" / "build-packages.txt").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    }
    assert {"libpython3.11", "dpkg-dev", "libgl1", "libxcb-cursor0", "libcups2"} <= wanted
    workflow = (ROOT / ".github" / "workflows" / "release.yml").read_text()
    assert "packaging/build-packages.txt" in workflow
    assert "packaging/build-packages.txt" in (ROOT / "packaging" / "build_in_debian.sh").read_text()


def test_icons_render_at_every_size(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "render_icons.py"), str(tmp_path)],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    for size in (16, 48, 256, 512):
        png = tmp_path / "hicolor" / f"{size}x{size}" / "apps" / "timeline-viewer.png"
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert (tmp_path / "hicolor" / "scalable" / "apps" / "timeline-viewer.svg").exists()


def _packaging_module(name: str) -> ModuleType:
    """One of the plain-Python helpers beside the spec (packaging/NAME.py)."""
    sys.path.insert(0, str(ROOT / "packaging"))
    try:
        return importlib.import_module(name)
    finally:
        sys.path.pop(0)


KEPT = [
    "PySide6/Qt/plugins/platforms/libqxcb.so",
    "PySide6/Qt/plugins/platforms/libqwayland-generic.so",
    "PySide6/Qt/plugins/platforms/libqwayland-egl.so",
    "PySide6/Qt/plugins/platforms/libqminimal.so",
    "PySide6/Qt/plugins/platforms/libqoffscreen.so",
    "PySide6/Qt/plugins/platforms/libqcocoa.dylib",  # the only display plugin on macOS
    "PySide6/plugins/platforms/qwindows.dll",
    "PySide6/Qt/lib/libQt6Widgets.so.6",
    "PySide6/Qt/lib/libQt6OpenGLWidgets.so.6",
    "PySide6/Qt6Gui.dll",
    "PySide6/Qt/lib/QtWidgets.framework/Versions/A/QtWidgets",
    "PySide6/Qt/translations/qtbase_en.qm",
    "PySide6/Qt/plugins/imageformats/libqsvg.so",
]
LEFT_OUT = [
    "PySide6/Qt/plugins/platforms/libqeglfs.so",
    "PySide6/Qt/lib/libQt6Quick.so.6",
    "PySide6/Qt6Quick.dll",  # Windows names carry no "lib"
    "PySide6/Qt6Network.dll",
    "PySide6/opengl32sw.dll",
    "PySide6/Qt/lib/QtQml.framework/Versions/A/QtQml",
    "PySide6/Qt/translations/qtbase_de.qm",
    "PySide6/Qt/plugins/imageformats/libqtiff.so",
    # need the left-out OpenGL or Network library: they could never load
    "PySide6/Qt/plugins/platforms/libqminimalegl.so",
    "PySide6/Qt/plugins/egldeviceintegrations/libqeglfs-x11-integration.so",
    "PySide6/Qt/plugins/wayland-graphics-integration-client/libqt-plugin-wayland-egl.so",
    "PySide6/Qt/plugins/generic/libqtuiotouchplugin.so",
    "PySide6/Qt/lib/libQt6EglFSDeviceIntegration.so.6",
]


def test_the_bundle_keeps_every_platform_s_display_plugin_and_drops_unused_qt() -> None:
    """The rules the spec applies: macOS keeps qcocoa (without it no window opens), and
    Qt's unused libraries are dropped under each platform's file names."""
    unused = _packaging_module("bundle_rules").UNUSED_FILES
    assert [path for path in KEPT if unused.search(path)] == []
    assert [path for path in LEFT_OUT if not unused.search(path)] == []


def test_no_module_of_the_app_imports_what_the_bundle_leaves_out() -> None:
    """The bundle leaves out modules the app never uses (multiprocessing, ssl, QtNetwork,
    ...): an import of one by the app's own code would fail only in the installed app."""
    unused = _packaging_module("bundle_rules").UNUSED_MODULES
    found = []
    for path in sorted((ROOT / "viewer").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names = [node.module, *(f"{node.module}.{alias.name}" for alias in node.names)]
            else:
                continue
            for name in names:
                if any(name == left or name.startswith(f"{left}.") for left in unused):
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno} {name}")
    assert found == []
    launcher = (ROOT / "packaging" / "launcher.py").read_text(encoding="utf-8")
    assert "multiprocessing" not in launcher.split('"""')[-1]  # its code, not its docstring


def test_the_launcher_makes_pyside6_s_look_at_each_module_cheap_before_any_import() -> None:
    """Where PyInstaller's own hook has loaded PySide6 before the launcher runs (the
    Windows and macOS bundles), the launcher puts the app's cheap check of each module in
    place first (the numpy and app modules imported next would each take PySide6's slow
    path), then runs the app."""
    probe = (
        "import runpy, sys, PySide6.QtCore\n"
        "launcher, sys.argv = sys.argv[1], ['timeline-viewer', '--version']\n"
        "try:\n    runpy.run_path(launcher, run_name='__main__')\n"
        "except SystemExit as exit:\n    assert exit.code in (0, None), exit.code\n"
        "check = sys.modules['shibokensupport.feature']._mod_uses_pyside\n"
        "print(getattr(check, 'direct', False))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe, str(ROOT / "packaging" / "launcher.py")],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["timeline-viewer", __version__, "True"]


def test_the_bundle_s_qt_hook_points_qt_to_its_plugins_and_loads_no_qt(tmp_path: Path) -> None:
    """The Linux bundle's run-time hook (in place of PyInstaller's, which imported QtCore for
    every command) gives Qt the bundle's plugin folder and leaves Qt unloaded: the
    terminal's commands never load it (build_linux.sh checks the built bundle too)."""
    probe = (
        "import os, runpy, sys\n"
        "sys._MEIPASS = sys.argv[1]\n"
        "runpy.run_path(sys.argv[2])\n"
        "print(os.environ['QT_PLUGIN_PATH'], 'PySide6.QtCore' in sys.modules)\n"
    )
    hook = ROOT / "packaging" / "rthook_qt_paths.py"
    result = subprocess.run(
        [sys.executable, "-c", probe, str(tmp_path), str(hook)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [str(tmp_path / "PySide6" / "Qt" / "plugins"), "False"]
    spec = (ROOT / "packaging" / "timeline-viewer.spec").read_text(encoding="utf-8")
    assert "rthook_qt_paths.py" in spec and '_QT_HOOK = "pyi_rth_pyside6"' in spec


def test_pyside6_imports_its_signature_support_from_the_bundle_s_compiled_files(
    tmp_path: Path,
) -> None:
    """PySide6 compiles its own Python (shibokensupport) at every start unless a folder
    `files.dir` beside shiboken6 holds it. The spec's files, in that folder of a copy of
    shiboken6, are what a fresh Python then imports: .pyc files, no source compiled."""
    datas = _packaging_module("signature_support").compile_support(tmp_path / "work", optimize=1)
    installed = Path(importlib.import_module("shiboken6").__file__ or "").parent
    site = tmp_path / "site"
    copy = site / "shiboken6"
    copy.mkdir(parents=True)
    for part in installed.iterdir():  # the package without its support files
        if part.is_file() and (part.suffix in {".py", ".so"} or ".so." in part.name):
            shutil.copy2(part, copy / part.name)
    for compiled, folder in datas:
        assert folder.startswith("shiboken6/files.dir/shibokensupport")
        (site / folder).mkdir(parents=True, exist_ok=True)
        shutil.copy2(compiled, site / folder)
    probe = (
        "import sys; sys.path.insert(0, sys.argv[1]); import shiboken6; "
        "m = sys.modules['shibokensupport.signature.loader']; "
        "print(m.__spec__.origin, type(m.__spec__.loader).__name__)"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe, str(site)],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    origin, loader = result.stdout.split()
    assert origin == str(copy / "files.dir/shibokensupport/signature/loader.pyc")
    assert loader == "SourcelessFileLoader"


def test_the_licences_of_everything_redistributed_are_written(tmp_path: Path) -> None:
    """Every runtime dependency's own licence files, Qt's LGPL-3 (PySide6's wheel has
    none), CPython's licence, and an index naming them all."""
    out = tmp_path / "licences"
    done = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "licences.py"), str(out)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    index = (out / "LICENCES.md").read_text(encoding="utf-8")
    for name in ("SQLAlchemy", "platformdirs", "numpy", "RapidFuzz", "snowballstemmer",
                 "openpyxl", "shiboken6", "CPython"):  # fmt: skip
        assert f"| {name} |" in index
    assert "| PySide6" in index and "LGPL-3.0-only" in index
    assert (
        "GNU LESSER GENERAL PUBLIC LICENSE" in (out / "pyside6-essentials" / "LGPL-3").read_text()
    )
    assert "PYTHON SOFTWARE FOUNDATION" in (out / "cpython" / "LICENSE.txt").read_text()
    assert "pytest" not in index  # test tools are not redistributed


def test_a_tlcat_file_is_a_timeline_catalog_to_the_desktop(tmp_path: Path) -> None:
    """shared-mime-info, given our type, names a .tlcat file (and an SQLite catalog
    renamed so) application/x-timeline-catalog, and the desktop entry opens it."""
    mime = shutil.which("update-mime-database")
    gio = shutil.which("gio")
    if mime is None or gio is None:
        pytest.skip("needs shared-mime-info and gio (libglib2.0-bin)")
    share = tmp_path / "share"
    (share / "mime" / "packages").mkdir(parents=True)
    shutil.copy(LINUX / "timeline-viewer-mime.xml", share / "mime" / "packages" / "tv.xml")
    base = Path("/usr/share/mime/packages/freedesktop.org.xml")
    if base.is_file():  # the base types it sub-classes
        shutil.copy(base, share / "mime" / "packages")
    subprocess.run([mime, str(share / "mime")], check=True, timeout=60)
    catalog = tmp_path / "summits.tlcat"
    shutil.copy(ROOT / "resources" / "catalog.sqlite", catalog)
    env = {**os.environ, "XDG_DATA_DIRS": str(share), "XDG_DATA_HOME": str(tmp_path / "home")}
    info = subprocess.run(
        [gio, "info", "-a", "standard::content-type", str(catalog)],
        capture_output=True, text=True, env=env, timeout=60, check=True,
    ).stdout  # fmt: skip
    assert "application/x-timeline-catalog" in info
    desktop = (LINUX / "timeline-viewer.desktop").read_text()
    mime_types = re.search(r"^MimeType=(.*)$", desktop, re.MULTILINE)
    assert mime_types is not None
    assert mime_types.group(1).split(";")[0] == "application/x-timeline-catalog"
    assert "%f" in desktop  # the file is passed, and the command line takes it


def test_windows_and_macos_declare_the_catalogs_type() -> None:
    iss = (ROOT / "packaging" / "windows" / "timeline-viewer.iss").read_text()
    assert 'Subkey: "Software\\Classes\\.tlcat"' in iss and "ChangesAssociations=yes" in iss
    assert '""%1""' in iss  # the file double-clicked is passed to the app
    spec = (ROOT / "packaging" / "timeline-viewer.spec").read_text()
    assert '"public.filename-extension": ["tlcat"]' in spec


def test_the_changelog_has_the_notes_of_the_version_the_app_reports() -> None:
    """A tag builds a release only with its notes: the section of viewer.__version__."""
    done = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "release_notes.py"), f"v{__version__}"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("The first release") or len(done.stdout) > 40
    assert "## [" not in done.stdout  # one section, not the next one's
    missing = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "release_notes.py"), "v99.0.0"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert missing.returncode == 1 and "no section" in missing.stderr


def test_the_portable_folder_adds_itself_to_the_user_s_menu(tmp_path: Path) -> None:
    """The tarball's install-menu-entry.sh writes an entry that runs the copy where it
    was unpacked (not /usr/bin), with the icons and the file type, and takes it away."""
    folder = tmp_path / "timeline-viewer-0.1.0"
    (folder / "share" / "applications").mkdir(parents=True)
    (folder / "share" / "mime" / "packages").mkdir(parents=True)
    (folder / "share" / "icons" / "hicolor" / "48x48" / "apps").mkdir(parents=True)
    shutil.copy(LINUX / "timeline-viewer.desktop", folder / "share" / "applications")
    shutil.copy(
        LINUX / "timeline-viewer-mime.xml",
        folder / "share" / "mime" / "packages" / "timeline-viewer.xml",
    )
    (folder / "share" / "icons" / "hicolor" / "48x48" / "apps" / "timeline-viewer.png").write_bytes(
        b"png"
    )
    shutil.copy(LINUX / "install-menu-entry.sh", folder)
    data = tmp_path / "home" / "share"
    env = {**os.environ, "XDG_DATA_HOME": str(data)}
    script = str(folder / "install-menu-entry.sh")
    subprocess.run(["sh", script], check=True, env=env, capture_output=True, timeout=60)
    entry = (data / "applications" / "timeline-viewer.desktop").read_text()
    assert f'Exec="{folder}/timeline-viewer" %f' in entry
    assert (data / "icons" / "hicolor" / "48x48" / "apps" / "timeline-viewer.png").is_file()
    assert (data / "mime" / "packages" / "timeline-viewer.xml").is_file()
    subprocess.run(["sh", script, "--remove"], check=True, env=env, capture_output=True)
    assert not (data / "applications" / "timeline-viewer.desktop").exists()


def test_the_flatpak_is_sandboxed_offline_and_built_from_accepted_wheels() -> None:
    """The manifest names the app as the metainfo does, gives it no network and no home
    folder, and pins each wheel by its SHA-256 to a version pyproject.toml accepts
    (PySide6 below 6.12: 6.12.0 leaks references to None)."""
    from packaging.requirements import Requirement

    text = (
        ROOT / "packaging" / "flatpak" / "io.github.timeline_viewer.TimelineViewer.yml"
    ).read_text()
    assert re.search(r"^app-id: io\.github\.timeline_viewer\.TimelineViewer$", text, re.MULTILINE)
    permissions = re.findall(r"^  - (--\S+)", text, re.MULTILINE)
    assert "--share=ipc" in permissions and "--socket=wayland" in permissions
    assert not [p for p in permissions if "network" in p or "filesystem" in p]
    wheels = re.findall(
        r"url: https://files\.pythonhosted\.org/\S+/([^/\s]+\.whl)\n\s+sha256: ([0-9a-f]{64})$",
        text,
        re.MULTILINE,
    )
    pinned = {name.split("-")[0].lower(): name.split("-")[1] for name, _sha in wheels}
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    for line in project["dependencies"]:
        wanted = Requirement(line)
        key = wanted.name.lower().replace("-", "_")
        assert key in pinned, wanted.name
        assert wanted.specifier.contains(pinned[key]), (wanted.name, pinned[key])
    assert pinned["shiboken6"] == pinned["pyside6_essentials"]  # a matched pair
    assert int(pinned["pyside6_essentials"].split(".")[1]) < 12


WHEEL_PLUGINS = json.loads((ROOT / "tests" / "packaging_data" / "pyside6_plugins.json").read_text())
DISPLAY = {  # each platform's own display plugin, and the headless ones the tests use
    "linux": {"libqxcb.so", "libqwayland.so", "libqoffscreen.so", "libqminimal.so"},
    "windows": {"qwindows.dll", "qoffscreen.dll", "qminimal.dll"},
    "macos": {"libqcocoa.dylib", "libqoffscreen.dylib", "libqminimal.dylib"},
}


@pytest.mark.parametrize("platform", sorted(DISPLAY))
def test_the_rules_keep_each_wheel_s_display_plugins(platform: str) -> None:
    """The spec's rules read against the real file names of the three wheels: each
    platform keeps its own display plugin (without it no window opens: the rules once
    dropped macOS's cocoa, and a stricter rule would have dropped Linux's Wayland)."""
    unused = _packaging_module("bundle_rules").UNUSED_FILES
    files = WHEEL_PLUGINS[platform]["plugins"]
    kept = {Path(f).name for f in files if "/platforms/" in f and not unused.search(f)}
    assert DISPLAY[platform] <= kept, DISPLAY[platform] - kept
    assert any("/imageformats/" in f and "svg" in f and not unused.search(f) for f in files)


def test_docs_licences_md_lists_what_the_installers_carry() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "licences.py"), "--markdown"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    current = (ROOT / "docs" / "licences.md").read_text(encoding="utf-8")
    assert current == done.stdout, "run: python packaging/licences.py --markdown > docs/licences.md"
    assert "| PySide6_Essentials | LGPL-3.0-only" in current and "| CPython | PSF-2.0 |" in current

"""Which modules and files of the collected Qt and Python tree a build leaves out, and
which libraries it leaves to the system (Linux): read by timeline-viewer.spec, checked
by tests/test_packaging.py. Plain Python, so the rules can be tested without a build."""

from __future__ import annotations

import re

# Qt and Python parts the app never uses: left out to keep the bundle small (and each
# with its submodules). No module of the app imports one (tests/test_packaging.py).
UNUSED_MODULES = [
    "tkinter",
    "unittest",
    "pydoc",
    "readline",
    "ssl",  # no network: no TLS (hashlib falls back to its built-in digests)
    "_ssl",
    "_hashlib",
    # No process of its own: the app's work runs in threads (viewer/ui/jobs.py). Left out,
    # so is PyInstaller's multiprocessing hook, which imported it at every start (~3 ms).
    "multiprocessing",
    "concurrent.futures.process",
    "numpy.f2py",
    "numpy.testing",
    "numpy.distutils",
    "numpy.random",
    "numpy.fft",
    "numpy.polynomial",
    "sqlalchemy.dialects.postgresql",
    "sqlalchemy.dialects.mysql",
    "sqlalchemy.dialects.oracle",
    "sqlalchemy.dialects.mssql",
    "sqlalchemy.ext.asyncio",
    "PySide6.QtNetwork",
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtQuickControls2",
    "PySide6.QtQuickWidgets",
    "PySide6.QtPdf",
    "PySide6.QtPdfWidgets",
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineWidgets",
    "PySide6.QtVirtualKeyboard",
    "PySide6.QtDesigner",
    "PySide6.QtHelp",
    "PySide6.QtUiTools",
    "PySide6.QtSql",
    "PySide6.QtTest",
    "PySide6.QtXml",
    "PySide6.QtConcurrent",
    "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets",
    "PySide6.QtDBus",
    "PySide6.QtMultimedia",
    "PySide6.Qt3DCore",
]

# Files inside the collected Qt tree that the app does not need (matched on the path).
UNUSED_FILES = re.compile(
    r"("
    r"/translations/(?!qtbase_en|qt_en)[^/]+\.qm$"  # keep English only (the UI is English)
    r"|/plugins/(platforminputcontexts|qmltooling|qmllint|designer|sqldrivers|tls"
    r"|networkinformation|wayland-graphics-integration-server|vectorimageformats"
    # plugins that need Qt's OpenGL or Network library, which are left out (the app draws
    # with QPainter): they could never load (dpkg-shlibdeps found them)
    r"|egldeviceintegrations|wayland-graphics-integration-client)/"
    r"|/plugins/generic/libqtuiotouchplugin"
    # display plugins: X11 and Wayland, macOS (qcocoa), and the headless ones, by their
    # whole names (qminimalegl needs OpenGL); Windows's (qwindows.dll) have no "lib"
    # prefix and are all kept
    r"|/plugins/platforms/lib(?!(qxcb|qwayland(-[a-z-]+)?|qoffscreen|qminimal|qcocoa)\.)[^/]+$"
    r"|/plugins/platformthemes/libqgtk3"  # needs GTK 3, which the .deb does not pull in
    r"|/plugins/imageformats/lib(?!qsvg|qico|qjpeg|qgif)[^/]+$"
    # Qt libraries by their name on Linux (libQt6Quick.so.6), Windows (Qt6Quick.dll) and
    # macOS (QtQuick.framework/)
    r"|(lib)?Qt6?(Quick|Qml|Pdf|VirtualKeyboard|WebEngine|Designer|Network|Sql|Test"
    r"|OpenGL(?!Widgets)|ShaderTools|Multimedia|3D|EglFS|EglFs)\w*\."
    r"|/opengl32sw\.dll$"  # Windows's software OpenGL (19 MB): the app draws with QPainter
    r")",
    re.IGNORECASE,
)

# Linux: system libraries that the .deb's Depends (packaging/linux/control.in) bring, or
# that every Debian has, are used from the system rather than carried twice; also the
# GTK stack that only the left-out GTK theme plugin wanted.
LEFT_TO_THE_SYSTEM = re.compile(
    r"^(libglib|libgio|libgobject|libgmodule|libgthread"
    r"|libX11|libX11-xcb|libXau|libXdmcp|libxcb(-[a-z-]+)?|libxkbcommon(-x11)?"
    r"|libdbus|libfontconfig|libfreetype|libexpat|libpng16|libbrotli\w*|libz|libbz2"
    r"|liblzma|libzstd|liblz4|libffi|libgcrypt|libgpg-error|libsystemd|libselinux"
    r"|libmount|libblkid|libpcre2-8|libuuid|libstdc\+\+|libgcc_s|libtinfo|libreadline"
    r"|libcap|libbsd|libmd"
    r"|libcairo(-gobject)?|libpango\w*|libharfbuzz|libpixman|libfribidi|libgraphite2|libgdk\w*"
    r"|libgtk|libatk\w*|libatk-bridge-2\.0|libatspi|libepoxy|libthai|libdatrie|libjpeg"
    r"|libtiff|libwebp\w*"
    r"|libdeflate|libjbig|libLerc|libkrb5\w*|libk5crypto|libgssapi_krb5|libcom_err"
    r"|libkeyutils|libXext|libXrender|libXi|libXfixes|libXcursor|libXrandr|libXinerama"
    r"|libXcomposite|libXdamage|libwayland-\w+"
    # printing: libcups2 (a Depends) brings these
    r"|libcups|libgnutls|libavahi-\w+|libgmp|libidn2|libp11-kit|libtasn1|libnettle"
    r"|libhogweed|libunistring"
    r")(-[\d.]+)?\.so"
)

"""Entry point of the packaged app (PyInstaller): the same command line as from source.

The app starts no process of its own (its work runs in threads), so the bundle leaves
`multiprocessing` out and there is no `freeze_support()` to call (bundle_rules.py)."""

import sys

from viewer.cli import main

if __name__ == "__main__":
    sys.exit(main())

"""Entry point of the packaged app (PyInstaller): the same command line as from source."""

import multiprocessing
import sys

from viewer.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.exit(main())

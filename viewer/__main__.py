"""`python -m viewer` runs the same command line as `timeline-viewer`."""

import sys

from viewer.cli import main

sys.exit(main())

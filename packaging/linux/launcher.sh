#!/bin/sh
# Installed as /usr/bin/timeline-viewer by the .deb: runs the bundled app in /opt.
exec /opt/timeline-viewer/timeline-viewer "$@"

"""Timeline Viewer: an offline timeline of a political relationship."""

__version__ = "0.1.0"

"""Files the app ships: the built catalog, icons and style sheets.

Installed as the `viewer.resources` package (see pyproject.toml); found at run time
through `viewer.core.paths`, never by building paths by hand.
"""

"""The Qt-free core: records, catalog schema and access, search, dates.

Nothing under this package may import PySide6 (enforced by import-linter).
"""

"""Dates: day numbers, fuzzy dates, typed and EDTF dates, the user's own dates."""

"""Editing the user's own notes, tags, stars and colours."""

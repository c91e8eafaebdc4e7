"""Search: the query language, the engine over quotes and events, notes."""

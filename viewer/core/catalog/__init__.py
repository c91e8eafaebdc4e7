"""The catalog: its schema, building it from data/, reading it, older versions."""

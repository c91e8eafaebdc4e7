"""The user's own work: notes, tags, stars, colours and events, in their data folder."""

"""The timeline: a custom-painted, zoomable view of events in lanes."""

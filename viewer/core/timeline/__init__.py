"""What the timeline draws: columns, time scale, lanes, stance."""

"""Planning sessions: time zone, goal, when; /sessions and /settings."""

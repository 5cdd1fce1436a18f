"""Voice notes in and answers read aloud."""

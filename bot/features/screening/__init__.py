"""The pre-exercise safety check: questions, outcome rules, stored progress and the tap-through flow."""

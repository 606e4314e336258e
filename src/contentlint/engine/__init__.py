"""Config to settings, discovery, rule selection, the linter, parallel runs, baseline."""

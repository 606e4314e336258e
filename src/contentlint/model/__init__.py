"""Plain data shared by every layer: findings, errors, settings, facts and run results."""

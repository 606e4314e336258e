"""Network-facing helpers. Only code in this package may touch the network."""

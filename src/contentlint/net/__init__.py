"""The only code that touches the network: HTTP client, host limits, address guard and cache.

Import the submodules you need; this package imports nothing heavy, so offline runs stay fast.
"""

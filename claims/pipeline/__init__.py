"""Pure-Python processing: no Django imports anywhere under this package."""

"""The binding's own version (it follows the C library's)."""
__version__ = "0.1.0"

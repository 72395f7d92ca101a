"""Lasting Home Desktop: a child's Lasting Home, made together with their social worker."""

__version__ = "0.1.0"
APP_NAME = "Lasting Home"

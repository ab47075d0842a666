"""guidelint: lint and freshness-check Markdown interview-prep guides."""

__version__ = "0.1.0"

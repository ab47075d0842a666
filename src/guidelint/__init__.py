"""guidelint: lint and freshness-check Markdown interview-prep guides."""

from pathlib import Path

__version__ = "0.1.0"

# The packaged data (default guide schema, config schema).  A plain path,
# not importlib.resources: guidelint is always installed as files, and the
# import costs milliseconds on every pre-commit run.
DATA = Path(__file__).parent / "data"

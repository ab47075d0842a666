"""Allow ``python -m guidelint``."""

from guidelint.cli import main

raise SystemExit(main())

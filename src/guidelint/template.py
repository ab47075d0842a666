"""The starting point of a new guide (``guidelint new``).

The front matter is complete and valid from the first save, dated today;
the body is the skeleton of a guide with HTML comments where the editor's
writing goes.  Comments are not content, so ``gotcha-answers`` keeps failing
until the strong and weak answers are written: the only findings a fresh
guide has are the parts an editor must write.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Any

from guidelint.errors import UsageError

_BODY = """\
# {title}

<!-- Write the guide here: what the role is, how its interview loop runs, what
     good answers sound like. Give every statistic a source: [^id] after it and
     an entry under `sources` in the front matter. Move `updated` whenever a
     fact changes. -->

## The gotcha question

<!-- The question candidates most often get wrong, and why. Rename this
     heading after the question; keep the word "gotcha" in it. -->

### Strong answer

<!-- What a strong candidate says. -->

### Weak answer

<!-- What a weak candidate says, and why it falls short. -->
"""


def front_matter(
    title: str, owner: str, slug: str, category: str, today: dt.date
) -> dict[str, Any]:
    """The new guide's front matter, in the order editors read it."""
    return {
        "title": title,
        "slug": slug,
        "category": category,
        "tags": [],
        "updated": today,
        "owner": owner,
    }


def suggest_slug(name: str) -> str:
    """A slug made from ``name``: lowercase ASCII words joined by hyphens."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return "-".join(re.findall(r"[a-z0-9]+", ascii_name.lower())) or "my-guide"


def render(meta: dict[str, Any], schema: Any) -> str:
    """The whole file; ``meta`` must pass ``schema`` (a jsonschema validator)."""
    import frontmatter

    for key in ("title", "owner"):
        # The title is also the page's heading: a line break would end it.
        value = meta.get(key)
        if isinstance(value, str) and value and value.splitlines() != [value]:
            raise UsageError(f"cannot write a valid guide: the {key} must be one line")
    as_json = {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in meta.items()}
    errors = sorted(schema.iter_errors(as_json), key=lambda e: list(e.absolute_path))
    if errors:
        error = errors[0]
        where = ".".join(str(p) for p in error.absolute_path) or "front matter"
        hint = ""
        if list(error.absolute_path) == ["slug"] and isinstance(meta.get("slug"), str):
            hint = f"; choose one with --slug {suggest_slug(meta['slug'])}"
        raise UsageError(f"cannot write a valid guide: {where}: {error.message}{hint}")
    post = frontmatter.Post(_BODY.format(title=meta["title"]), **meta)
    return frontmatter.dumps(post, sort_keys=False) + "\n"

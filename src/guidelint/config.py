"""Finding, reading and validating the configuration.

The configuration is ``.guidelint.yaml`` (or ``.guidelint.yml``, or
``[tool.guidelint]`` in ``pyproject.toml``) in the folder of a checked path
or the nearest parent that has one (for no path, or a path with none above
it: the current directory's).  It is validated against a packaged JSON Schema
and frozen; every path in it is relative to the file it is written in.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, NamedTuple

import yaml

from guidelint import DATA
from guidelint.dates import Duration, parse_duration
from guidelint.errors import ConfigError
from guidelint.policy import Policy
from guidelint.yamlread import MAX_NESTING, YamlProblem, compose, construct, nested_deeper_than

if TYPE_CHECKING:
    from collections.abc import Iterator

    from pathspec import GitIgnoreSpec, RegexPattern

CONFIG_NAMES = (".guidelint.yaml", ".guidelint.yml")
_TOO_DEEP = f"nested more than {MAX_NESTING} levels deep; refusing to load it"
DEFAULT_MAX_FILE_SIZE = 5_000_000  # bytes; a real guide is a few KB
DEFAULT_CACHE_DIR = ".guidelint_cache"  # beside the config file, like .ruff_cache


@dataclass(frozen=True, slots=True)
class RuleSetting:
    """A rule's configured severity (``off`` disables it) and options."""

    severity: str | None = None  # None: the rule's own default
    options: Mapping[str, Any] = field(default_factory=dict)


class Globs:
    """gitignore-style globs, matched by pathspec; false when there are none.

    Iterating gives pathspec's compiled patterns (``.pattern`` is the glob
    as written).  A plain class: every run creates it, and a dataclass costs
    about a millisecond to create at import (docs/performance.md).
    """

    __slots__ = ("spec",)

    def __init__(self, spec: GitIgnoreSpec | None = None) -> None:
        self.spec = spec

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Globs) and self.spec == other.spec

    def __hash__(self) -> int:
        return hash(tuple(p.pattern for p in self))

    def __repr__(self) -> str:
        return f"Globs({[p.pattern for p in self]!r})"

    @classmethod
    def compile(cls, globs: list[str], where: str, source: str) -> Globs:
        """The globs at config key ``where``; a glob git would refuse is a config error."""
        if not globs:
            return cls()
        # pathspec costs about a third of guidelint's start-up to import:
        # only a config with globs pays for it.
        from pathspec import GitIgnoreSpec

        try:
            return cls(GitIgnoreSpec.from_lines(globs))
        except ValueError as exc:  # a lone "!" or a trailing backslash
            raise ConfigError(f"{source}: {where}: {exc}") from None

    def __bool__(self) -> bool:
        return self.spec is not None

    def __iter__(self) -> Iterator[RegexPattern]:
        return iter(self.spec.patterns if self.spec is not None else ())

    def match(self, rel: str) -> bool:
        """Whether the ``/``-separated relative path ``rel`` matches (the last match wins)."""
        return self.spec is not None and self.spec.match_file(rel)


class SourcesConfig(NamedTuple):
    """The ``sources`` section: how ``guidelint sources`` treats cited URLs.

    ``headers`` values may name environment variables as ``${NAME}``; they are
    expanded only when a request is made, never stored or printed.
    """

    exclude: tuple[str, ...] = ()  # URL globs never requested
    headers: Mapping[str, Mapping[str, str]] = MappingProxyType({})  # host -> headers
    accept: frozenset[int] = frozenset()  # statuses counted as alive besides 2xx


@dataclass(frozen=True, slots=True)
class Override:
    """Rule settings for files matching ``files``."""

    files: Globs
    rules: Mapping[str, RuleSetting]


@dataclass(frozen=True, slots=True)
class Config:
    """Everything a run needs to know besides ``today`` and the paths."""

    base: Path  # directory the config's relative paths start from
    source: str  # the config file, or "defaults"
    content_root: Path
    schema: Path | None  # None: the packaged default schema
    schema_enabled: bool = True
    policy: Policy = Policy()
    rules: Mapping[str, RuleSetting] = field(default_factory=dict)
    overrides: tuple[Override, ...] = ()
    exclude: Globs = Globs()
    keys: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    pay_words: tuple[str, ...] = ()
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    cache_dir: Path | None = None  # None: no cache (``cache_dir: false``, ``--no-cache``)
    docs_url: str | None = None  # where the rule docs are published; None: no links
    sources: SourcesConfig = SourcesConfig()

    def relative(self, path: Path) -> str:
        """``path`` relative to the config base, with ``/``, for glob matching."""
        try:
            resolved = path.resolve()
        except (OSError, RuntimeError):  # a symlink loop: match on the link's own name
            resolved = Path(os.path.abspath(path))
        try:
            return resolved.relative_to(self.base.resolve()).as_posix()
        except ValueError:
            return path.as_posix()

    def is_excluded(self, path: Path) -> bool:
        """Whether ``path`` matches an ``exclude`` glob."""
        if not self.exclude:
            return False  # the common case: no resolve() per file
        return self.exclude.match(self.relative(path))

    def matching_overrides(self, path: Path) -> tuple[int, ...]:
        """Indexes of the overrides whose globs match ``path`` (files alike share settings)."""
        if not self.overrides:
            return ()  # the common case: no resolve() per file
        rel = self.relative(path)
        return tuple(i for i, override in enumerate(self.overrides) if override.files.match(rel))

    def settings_with(self, matched: tuple[int, ...]) -> dict[str, RuleSetting]:
        """The global rule settings with the overrides at indexes ``matched`` applied."""
        merged = dict(self.rules)
        for index in matched:
            for name, setting in self.overrides[index].rules.items():
                merged[name] = _merge_setting(merged.get(name), setting)
        return merged


def _merge_setting(base: RuleSetting | None, child: RuleSetting) -> RuleSetting:
    if base is None:
        return child
    return RuleSetting(child.severity or base.severity, {**base.options, **child.options})


def find_config(start: Path) -> Path | None:
    """The nearest config file at or above ``start``, or ``None``."""
    for directory in (start, *start.parents):
        for name in CONFIG_NAMES:
            candidate = directory / name
            if candidate.is_file():
                return candidate
        pyproject = directory / "pyproject.toml"
        if pyproject.is_file() and "[tool.guidelint" in _read_text(pyproject):
            return pyproject
    return None


def _default_content_root(cwd: Path) -> str:
    """``content`` beside the current folder, or the current folder if it is inside one.

    Run inside ``content/`` with no config, guidelint checks that folder, not
    ``content/content``; it looks no higher than the git work tree's top.
    """
    if (cwd / "content").is_dir():
        return "content"
    absolute = cwd.absolute()
    for folder in (absolute, *absolute.parents):
        if folder.name == "content":
            return str(folder)
        if (folder / ".git").exists():
            break
    return "content"


def load_config(path: Path | None = None, cwd: Path | None = None, remember: bool = True) -> Config:
    """Load ``path`` (or the discovered config, or the defaults) and validate it.

    ``remember`` false: no cache file is written (see :func:`build_config`).
    """
    cwd = cwd or Path.cwd()
    if path is None:
        path = find_config(cwd)
    if path is None:
        root = _default_content_root(cwd)
        return build_config({"content_root": root} if root != "content" else {}, cwd, "defaults")
    if not path.is_file():
        raise ConfigError(f"config file {path} does not exist")
    text = _read_text(path)
    if path.name == "pyproject.toml":
        import tomllib

        try:
            data: Any = tomllib.loads(text).get("tool", {}).get("guidelint", {})
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path}: not valid TOML: {exc}") from exc
        except RecursionError:  # tomllib recurses once per nested array
            raise ConfigError(f"{path}: {_TOO_DEEP}") from None
    else:
        data = _load_yaml(text, path)
    # Hashing and validating the config recurse once per level too.
    if nested_deeper_than(data):
        raise ConfigError(f"{path}: {_TOO_DEEP}")
    return build_config(data, path.parent, str(path), remember)


def configs_for(
    paths: Sequence[Path], cwd: Path | None = None, remember: bool = True
) -> list[tuple[Config, list[Path]]]:
    """Each checked path with its config: the nearest one above it, as ruff finds its own.

    A path with no config above it gets the current folder's (or the
    defaults).  Paths sharing a config form one group, in the order given;
    with no paths, the one group is the current folder's config.
    """
    cwd = cwd or Path.cwd()
    found: dict[str, Path | None] = {}  # folder -> its nearest config, looked up once
    groups: dict[Path | None, list[Path]] = {}  # config file (None: defaults) -> paths
    for path in paths:
        folder = os.path.abspath(cwd / path)
        if not os.path.isdir(folder):
            folder = os.path.dirname(folder)
        if folder not in found:
            found[folder] = find_config(Path(folder))
        where = found[folder]
        if where is None:  # nothing above the path: the current folder's config
            if "" not in found:
                found[""] = find_config(cwd)
            where = found[""]
        groups.setdefault(where, []).append(path)
    if not groups:
        return [(load_config(None, cwd, remember), [])]
    return [(load_config(where, cwd, remember), group) for where, group in groups.items()]


def _load_yaml(text: str, path: Path) -> Any:
    """The config's YAML as data; refused, like a guide's, if aliases blow it up.

    Aliases share one object when loaded, but validating and hashing the
    config walk every copy: nine levels of nine aliases would be 387 million
    values.
    """
    loader = yaml.CSafeLoader(text)
    try:
        node = compose(text, loader)
        return {} if node is None else construct(loader, node)
    except YamlProblem as exc:
        # One line, with the place: "cfg.yaml:3:7: not valid YAML: ...".
        mark = exc.mark
        where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else str(path)
        raise ConfigError(f"{where}: {exc.reason}") from None
    finally:
        loader.dispose()


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read config file {path}: {exc}") from exc


@lru_cache(maxsize=1)
def _config_validator() -> Any:
    import jsonschema

    schema = json.loads((DATA / "config.schema.json").read_text("utf-8"))
    return jsonschema.Draft202012Validator(schema)


def _validated_marker(data: Any, base: Path) -> Path | None:
    """Where the verdict "this exact config is valid" is remembered, if anywhere.

    Keyed by the config's content, this guidelint's version and its config
    schema, in the cache folder the config names (unvalidated here: a wrong
    value only means no marker is found).
    """
    from guidelint import __version__

    folder = data.get("cache_dir", DEFAULT_CACHE_DIR) if data else None
    if not isinstance(folder, str) or not folder:
        return None
    schema = (DATA / "config.schema.json").read_bytes()
    text = json.dumps([__version__, data], sort_keys=True, default=str).encode()
    digest = hashlib.sha256(schema + b"\0" + text).hexdigest()
    return base / folder / "config-v1" / digest


def _remember_validated(marker: Path) -> None:
    from guidelint.fileio import ensure_cache_folder

    with contextlib.suppress(OSError):
        ensure_cache_folder(marker.parent.parent, marker.parent.name)
        marker.touch()


def build_config(data: Any, base: Path, source: str, remember: bool = True) -> Config:
    """Validate raw config ``data`` and freeze it into a :class:`Config`.

    ``remember`` false: write nothing, not even the "validated" marker.
    """
    if not isinstance(data, dict):
        raise ConfigError(f"{source}: the configuration must be a mapping of keys to values")
    # An empty config (no file, or an empty one) cannot be wrong, and one
    # this guidelint has already validated need not import jsonschema again.
    marker = _validated_marker(data, base)
    # os.path.exists: False, not an error, for a cache path the system refuses.
    known_good = not data or (marker is not None and os.path.exists(marker))
    errors = sorted(
        [] if known_good else _config_validator().iter_errors(data),
        key=lambda e: list(e.absolute_path),
    )
    if errors:
        raise ConfigError(f"{source}: {_first_message(errors[0])}")
    policy_data = data.get("policy", {})
    policy = Policy(
        **{key: _duration(value, f"policy.{key}", source) for key, value in policy_data.items()}
    )
    schema_value = data.get("schema")
    cache_value = data.get("cache_dir", DEFAULT_CACHE_DIR)
    keys = {
        canonical: (aliases,) if isinstance(aliases, str) else tuple(aliases)
        for canonical, aliases in data.get("keys", {}).items()
    }
    config = Config(
        base=base,
        source=source,
        content_root=(base / data.get("content_root", "content")),
        schema=(base / schema_value) if isinstance(schema_value, str) else None,
        schema_enabled=schema_value is not False,
        policy=policy,
        rules=_rule_settings(data.get("rules", {}), "rules", source, not known_good),
        overrides=tuple(
            Override(
                Globs.compile(item["files"], f"overrides.{i}.files", source),
                _rule_settings(
                    item.get("rules", {}), f"overrides.{i}.rules", source, not known_good
                ),
            )
            for i, item in enumerate(data.get("overrides", []))
        ),
        exclude=Globs.compile(data.get("exclude", []), "exclude", source),
        keys=keys,
        pay_words=tuple(data.get("pay_words", [])),
        max_file_size=int(data.get("max_file_size", DEFAULT_MAX_FILE_SIZE)),
        cache_dir=None if cache_value is False else base / str(cache_value),
        docs_url=data.get("docs_url"),
        sources=_sources(data.get("sources", {})),
    )
    if remember and not known_good and marker is not None and config.cache_dir is not None:
        _remember_validated(marker)
    return config


def _sources(raw: Mapping[str, Any]) -> SourcesConfig:
    """The validated ``sources`` section, frozen."""
    return SourcesConfig(
        exclude=tuple(raw.get("exclude", ())),
        headers={host.lower(): dict(values) for host, values in raw.get("headers", {}).items()},
        accept=frozenset(raw.get("accept", ())),
    )


def _first_message(error: Any, base: tuple[str, ...] = ()) -> str:
    """The first thing wrong, as ``policy.review_every: ...`` (config paths use dots)."""
    from guidelint.hints import schema_messages

    return schema_messages(error, top="(top level)", base=base, dots=True)[0][1]


def _duration(value: str, where: str, source: str) -> Duration:
    duration = parse_duration(value)
    if duration is None:
        raise ConfigError(f"{source}: {where}: {value!r} is not a window; write 6mo, 26w or 180d")
    return duration


def _rule_settings(
    raw: Mapping[str, Any], where: str, source: str, check: bool = True
) -> dict[str, RuleSetting]:
    from guidelint.rules import RULES

    settings: dict[str, RuleSetting] = {}
    for name, value in raw.items():
        rule = RULES.get(name)
        if rule is None:
            from guidelint.hints import suggestion  # only a bad config pays the import

            hint = suggestion(name, RULES) or " (see 'guidelint rules')"
            raise ConfigError(f"{source}: {where}.{name}: unknown rule{hint}")
        # YAML 1.1 reads an unquoted `off` as false: accept both spellings.
        if value is False:
            value = "off"
        if isinstance(value, str):
            settings[name] = RuleSetting(value)
            continue
        if value.get("severity") is False:
            value = {**value, "severity": "off"}
        options = {k: v for k, v in value.items() if k != "severity"}
        if check:
            _check_options(rule.NAME, rule.OPTIONS, options, f"{where}.{name}", source)
        settings[name] = RuleSetting(value.get("severity"), options)
    return settings


def _check_options(
    name: str, schema: Mapping[str, Any], options: Mapping[str, Any], where: str, source: str
) -> None:
    import jsonschema

    from guidelint.hints import suggestion

    for option in options:
        if option not in schema:
            known = ", ".join(schema) or "none"
            hint = suggestion(option, schema) or f" (its options: {known})"
            raise ConfigError(f"{source}: {where}: unknown option '{option}'{hint}")
    validator = jsonschema.Draft202012Validator(
        {"type": "object", "properties": dict(schema), "additionalProperties": False}
    )
    for error in validator.iter_errors(dict(options)):
        raise ConfigError(f"{source}: {_first_message(error, tuple(where.split('.')))}")

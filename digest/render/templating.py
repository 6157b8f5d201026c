"""The Jinja2 environment: autoescape always on; a site's templates/ overrides the default theme."""

from __future__ import annotations

import contextlib
import hashlib
import shutil
import sys
from datetime import date, datetime
from pathlib import Path
from urllib.parse import urlsplit

import jinja2
from jinja2.bccache import Bucket

import digest
from digest.config import Config
from digest.models import Precision, TimeValue


def default_theme() -> Path:
    """The default templates: inside the installed wheel, else the source checkout's templates/."""
    package = Path(digest.__file__).resolve().parent
    for candidate in (package / "templates", package.parent / "templates"):
        if (candidate / "base.html").is_file():
            return candidate
    raise FileNotFoundError("digest's default templates are missing from this installation")


def theme_folders(config: Config) -> list[Path]:
    folders = [config.templates_path] if config.templates_path.is_dir() else []
    default = default_theme()
    return folders + ([default] if default not in folders else [])


def theme_digest(folders: list[Path]) -> bytes:
    """A digest of every file of the theme folders (templates and static assets)."""
    h = hashlib.sha1()
    for folder in folders:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            h.update(str(path.relative_to(folder)).encode() + b"\0" + path.read_bytes())
    return h.digest()


def long_date(value: date | datetime) -> str:
    return f"{value:%A} {value.day} {value:%B %Y}"


def short_date(value: date | datetime) -> str:
    return f"{value:%a} {value.day} {value:%b %Y}"


def machine_time(value: date | datetime) -> str:
    """A ``datetime`` attribute value: whole seconds (validators reject fractions like ``.351000``)."""
    return value.isoformat(timespec="seconds") if isinstance(value, datetime) else value.isoformat()


def quote_text(text: str) -> str:
    """A quotation as displayed (pages, feeds, briefing.json): the extractor keeps the comma before the
    closing mark ("… in Logar," he said); drop it, and any space left before it."""
    return text.strip().rstrip(",;:").rstrip()


def value_label(value: str | None) -> str:
    """A time value (``TimeValue.start`` or ``end``) for readers: a day, "week of …", a month or a year."""
    when = TimeValue(value) if value else None
    first = when.first_day if when else None
    if first is None:
        return "date not given"
    if when.precision is Precision.DAY:
        return short_date(first)
    if when.precision is Precision.WEEK:
        return f"week of {first.day} {first:%b %Y}"
    if when.precision is Precision.MONTH:
        return f"{first:%B %Y}"
    return str(first.year)


class CompiledTemplates(jinja2.FileSystemBytecodeCache):
    """Jinja's compiled templates kept in one folder for one ``compile_key``: a template is compiled
    again when its source changes (Jinja checks each file's source checksum). A file that cannot be
    written (a full disk, no permission) is not kept; the build goes on."""

    def dump_bytecode(self, bucket: Bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


def compile_key(env: jinja2.Environment) -> str:
    """What the code Jinja compiles a template to depends on besides its source: Jinja's and
    Python's versions, digest's own code (its filters: the optimizer folds a filter on a literal into
    the compiled code), the environment's syntax and whitespace options, autoescaping, its
    extensions, its filters, tests and finalize (compiling checks that they exist and how they are
    called: each one's qualified name and ``jinja_pass_arg``, set by ``jinja2.pass_context`` and the
    like), its code generator and the compiler's policies."""
    from digest.incremental import code_version  # digest.incremental imports the render package

    options = (jinja2.__version__, sys.version, code_version().site, env.block_start_string, env.block_end_string,
               env.variable_start_string, env.variable_end_string, env.comment_start_string,
               env.comment_end_string, env.line_statement_prefix, env.line_comment_prefix, env.trim_blocks,
               env.lstrip_blocks, env.newline_sequence, env.keep_trailing_newline, env.optimized, env.is_async,
               env.autoescape if isinstance(env.autoescape, bool) else _qualname(env.autoescape),
               _qualname(env.undefined), _callable_key(env.finalize) if env.finalize else None,
               _qualname(env.code_generator_class), _qualname(env.context_class), sorted(env.extensions),
               sorted((name, _callable_key(f)) for name, f in env.filters.items()),
               sorted((name, _callable_key(t)) for name, t in env.tests.items()),
               sorted((k, repr(v)) for k, v in env.policies.items() if k.startswith("compiler.")))
    return hashlib.sha256(repr(options).encode()).hexdigest()[:24]


def _qualname(obj: object) -> str:
    return f"{getattr(obj, '__module__', '')}.{getattr(obj, '__qualname__', type(obj).__qualname__)}"


def _callable_key(func: object) -> tuple[str, str]:
    """A filter's, test's or finalize's part of the key: its qualified name and what Jinja passes it
    first (``jinja_pass_arg``: the context, the eval context or the environment), which the compiled
    code's calls depend on."""
    return _qualname(func), str(getattr(func, "jinja_pass_arg", None))


def compiled_templates(folder: Path, env: jinja2.Environment) -> CompiledTemplates | None:
    """The compiled templates of ``env`` in ``folder``/<its compile key>; the folders of other keys
    (another Jinja, other options) are removed. None when the folder cannot be made."""
    key = compile_key(env)
    with contextlib.suppress(OSError):
        for old in folder.iterdir():
            if old.name != key:
                shutil.rmtree(old, ignore_errors=True)
    try:
        (folder / key).mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return CompiledTemplates(str(folder / key))


def make_environment(config: Config, compiled: Path | None = None) -> jinja2.Environment:
    """The environment; with ``compiled`` (a folder of the build's cache), templates compiled by an
    earlier build with the same ``compile_key`` are loaded from it instead of being compiled again."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(p) for p in theme_folders(config)]),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    base_path = urlsplit(config.base_url).path or "/"

    def url(path: str = "") -> str:
        return base_path + path.lstrip("/")

    def abs_url(path: str = "") -> str:
        return config.base_url + path.lstrip("/")

    env.globals.update(config=config, url=url, abs_url=abs_url)
    env.filters.update(long_date=long_date, short_date=short_date, value_label=value_label,
                       quote_text=quote_text, machine_time=machine_time)
    if compiled is not None:  # set before any template is loaded, with every filter in place
        env.bytecode_cache = compiled_templates(compiled, env)
    return env

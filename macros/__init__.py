"""The one place MkDocs meets the playbook's math: ``define_env`` only registers.

Every public function (``__all__``) of every module in this package becomes a
macro. Each is wrapped so that a bad argument stops the build with a message
naming the page, the macro and the value. The modules themselves never import
MkDocs, so they can be tested, reused and moved on their own.
"""

from __future__ import annotations

import functools
import importlib
import pkgutil
from collections.abc import Callable, Iterator
from typing import Any

from .errors import MacroInputError


class MacroBuildError(RuntimeError):
    """A macro call on a page failed; the message says where and why."""


def iter_macros() -> Iterator[tuple[str, Callable[..., Any]]]:
    """(name, function) for every public function of every module in this package."""
    seen: dict[str, str] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        for name in getattr(module, "__all__", []):
            if name in seen:
                raise KeyError(f"macro {name!r} is defined in both {seen[name]} and {info.name}")
            seen[name] = info.name
            yield name, getattr(module, name)


def _call_text(name: str, args: tuple, kwargs: dict) -> str:
    parts = [repr(a) for a in args] + [f"{k}={v!r}" for k, v in kwargs.items()]
    text = ", ".join(parts)
    return f"{name}({text if len(text) < 300 else text[:300] + '…'})"


def guarded(name: str, fn: Callable[..., Any], page_of: Callable[[], str]) -> Callable[..., Any]:
    """``fn`` with its errors re-raised as one naming page, macro and value."""

    @functools.wraps(fn)
    def call(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except MacroInputError as err:
            raise MacroBuildError(
                f"page {page_of()}: macro {_call_text(name, args, kwargs)} rejected {err}"
            ) from err
        except (TypeError, ValueError, KeyError) as err:
            raise MacroBuildError(
                f"page {page_of()}: macro {_call_text(name, args, kwargs)} failed: {err}"
            ) from err

    return call


def define_env(env: Any) -> None:
    """mkdocs-macros entry point: register every macro, guarded."""

    def page_of() -> str:
        page = getattr(env, "page", None)
        return getattr(getattr(page, "file", None), "src_uri", "?")

    for name, fn in iter_macros():
        env.macro(guarded(name, fn, page_of), name)

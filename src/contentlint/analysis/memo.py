"""Per-document views, computed once: the function that computes a view is its key."""

from __future__ import annotations

import functools
from typing import Any, Callable, TypeVar

from contentlint.document import Document

View = TypeVar("View")


def per_document(compute: Callable[..., View]) -> Callable[..., View]:
    """Memoise ``compute(document, *rest)`` on the document. A run has one set of settings, so
    only the document is the key; the value lives as long as the document."""

    @functools.wraps(compute)
    def memoised(document: Document, *rest: Any) -> View:
        views = document.views
        if compute in views:
            return views[compute]
        value = views[compute] = compute(document, *rest)
        return value

    return memoised


def computed(document: Document, view: Callable[..., View]) -> View | None:
    """The value of ``view`` (a ``per_document`` function) if it has been computed for ``document``."""
    return document.views.get(getattr(view, "__wrapped__", view))

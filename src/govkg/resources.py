"""Files govkg ships beside its code: the ontology, the query library, loader scripts, lexicons.

In a wheel they live in ``govkg/_resources`` (hatch force-include); in a source checkout they are
read from the top-level folders, so an editable install sees edits at once.
"""
from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rdflib import Graph

__all__ = ["data_path", "ontology_graph", "resource_path"]

_PACKAGE_DIR = Path(__file__).resolve().parent
_CHECKOUT_ROOT = _PACKAGE_DIR.parent.parent


def resource_path(*parts: str) -> Path:
    """A path under ontology/, queries/ or loaders/ (e.g. ``resource_path("ontology", "govkg.ttl")``)."""
    installed = Path(str(resources.files("govkg"))) / "_resources" / Path(*parts)
    if installed.exists():
        return installed
    return _CHECKOUT_ROOT / Path(*parts)


def data_path(*parts: str) -> Path:
    """A path under the package data folder ``govkg/data`` (lexicons, aliases, patterns)."""
    return _PACKAGE_DIR / "data" / Path(*parts)


@cache
def ontology_graph(name: str) -> Graph:
    """``ontology/NAME`` (govkg.ttl, themes.ttl, shapes.ttl) parsed once per process. Shared by
    every caller: read it, never add to it (copy it into a new Graph to change it)."""
    from rdflib import Graph

    return Graph().parse(resource_path("ontology", name))

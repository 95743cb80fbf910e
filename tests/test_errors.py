"""The error tree (govkg.errors): what each class is for, errors that cross process boundaries,
and the one guard for optional extras."""
from __future__ import annotations

import pickle

import pytest

from govkg import errors
from govkg.errors import (GovKGError, MissingExtraError, NotAnIri, QueryError, ReportError, StoreBusyError,
                          StoreError, UnsupportedError, UsageError, optional_import)


def test_every_error_is_a_govkg_error_and_the_store_errors_are_store_errors():
    for name in errors.__all__:
        cls = getattr(errors, name)
        if isinstance(cls, type):
            assert issubclass(cls, GovKGError), name
            assert cls.__doc__, f"{name} says what it is for"
    assert issubclass(StoreBusyError, StoreError) and issubclass(UnsupportedError, StoreError)
    assert not issubclass(QueryError, StoreError) and not issubclass(UsageError, StoreError)
    assert issubclass(NotAnIri, ReportError), "a name that cannot be an IRI fails its report, like any bad report"


def test_errors_with_fields_survive_a_process_boundary():
    for error in (ReportError("a/b.docx", "not a docx file"), MissingExtraError("dask", "the Dask path"),
                  NotAnIri("a/b.jsonl", "theme 'x y' is not a theme name")):
        copy = pickle.loads(pickle.dumps(error))
        assert type(copy) is type(error) and str(copy) == str(error)
    assert pickle.loads(pickle.dumps(ReportError("a/b.docx", "broken"))).path == "a/b.docx"


def test_optional_import_names_the_extra_that_installs_a_missing_module():
    assert optional_import("json", "none", "reading JSON").loads("1") == 1
    with pytest.raises(MissingExtraError, match=r"^the Dask path needs the 'dask' extra: pip install 'govkg\[dask\]'$"):
        optional_import("govkg_no_such_module", "dask", "the Dask path")

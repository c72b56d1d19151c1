"""Put the package into every doctest's namespace, as ``pi``."""

import pytest

import powerindex


@pytest.fixture(autouse=True)
def _doctest_namespace(doctest_namespace):
    doctest_namespace["pi"] = powerindex

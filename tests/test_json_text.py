"""The JSON reports' text: orjson writes it, and it must be what json.dumps(indent=2) would write."""

from __future__ import annotations

import json
import sys

import pytest

from contentlint.report.escape import unsurrogate
from contentlint.report.json_text import json_text

EVERY_CODE_POINT = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)

PAYLOADS = {
    "every code point but surrogates": {"text": EVERY_CODE_POINT},
    "control characters, quotes, backslashes": ["\x00\x1f\x7f\"\\\n\r\t\b\f", "\u2028\u2029", "</script>"],
    "nesting and empty containers": {"a": [], "b": {}, "c": [[], {}], "d": [{"e": [1, {"f": None}]}]},
    "scalars": [True, False, None, 0, -1, 2**63 - 1, -(2**63)],
    "key order as inserted": {"zeta": 1, "alpha": 2, "mid": 3},
    "an empty list": [],
    "a tuple": (1, "two"),
}


@pytest.mark.parametrize("payload", list(PAYLOADS.values()), ids=list(PAYLOADS))
def test_the_same_text_as_the_standard_library(payload: object) -> None:
    assert json_text(payload) == json.dumps(payload, indent=2, ensure_ascii=False)


# Refused by orjson: text that is not valid UTF-8 is made valid (as every report did before), a
# number over 64 bits goes to the standard library.
REFUSED = {
    "an undecodable byte of a file name": (
        {"path": "docs/caf\udce9.md", "line": 3},
        {"path": "docs/caf\\xe9.md", "line": 3}),
    "a lone surrogate that is no byte": (["\ud800 text"], [unsurrogate("\ud800 text")]),
    "an integer over 64 bits": ({"count": 2**70, "name": "x\udcff"}, {"count": 2**70, "name": "x\\xff"}),
}


@pytest.mark.parametrize(("payload", "written"), list(REFUSED.values()), ids=list(REFUSED))
def test_what_orjson_refuses_is_still_written(payload: object, written: object) -> None:
    text = json_text(payload)
    assert text == json.dumps(written, indent=2, ensure_ascii=False)
    text.encode("utf-8")  # valid UTF-8: no surrogate is left

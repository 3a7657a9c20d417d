"""Tables that the gates measure (page weights, Lighthouse scores), printed at the end of a pytest run.

Kept in its own module: tests import it as ``tests.reporting`` and so does the conftest hook, so both
see the same dict (conftest.py itself is loaded under another module name than ``tests.conftest``).
"""

from __future__ import annotations

REPORTS: dict[str, str] = {}  # title → text

"""Loading the measured facts in ``data/*.yml`` (each row carries a source and year)."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

__all__: list[str] = []

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


@cache
def load(name: str) -> Any:
    """The parsed YAML file ``data/<name>.yml``."""
    with (DATA_DIR / f"{name}.yml").open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)

"""Serving the dashboard: ``workbench app`` (Voila) and ``workbench lab`` (JupyterLab)."""

from __future__ import annotations

import argparse
from typing import Any

__all__ = ["add_commands"]


def add_commands(commands: Any) -> None:
    """Register the UI commands on the CLI's sub-parsers."""
    del commands


def run(args: argparse.Namespace) -> int:
    raise NotImplementedError

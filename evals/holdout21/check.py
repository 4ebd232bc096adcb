#!/usr/bin/env python3
"""Validate this folder's questions.jsonl: `evals/check_seed_set.py` run on this folder."""
import runpy
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.argv = [sys.argv[0], str(HERE)]
runpy.run_path(str(HERE.parent / "check_seed_set.py"), run_name="__main__")

#!/usr/bin/env python3
"""Validate this folder's questions.jsonl: the shared checks in ../check_holdout.py."""
import os
import runpy
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.argv = [sys.argv[0], HERE]
runpy.run_path(os.path.join(HERE, "..", "check_holdout.py"), run_name="__main__")

"""`make eval`: how well every text heuristic does on the development corpus in tests/corpus/.

Each module of this package scores one heuristic and has `main(split: str) -> int` (0 when every
floor is met); `python -m bench.eval` runs them all, or the ones named.
"""

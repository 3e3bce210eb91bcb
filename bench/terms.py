"""敏感词 check speed: a 5,000-character article against 10,000 list entries (target: well under 5 ms).

.venv/bin/python bench/terms.py [--entries 10000] [--chars 5000] [--runs 200]
"""

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> None:
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    django.setup()  # the check itself needs no database: Lists is built from plain rows
    from articles.terms import Lists

    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--chars", type=int, default=5_000)
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args()
    rng = random.Random(7)
    alphabet = [chr(c) for c in range(0x4E00, 0x4E00 + 3000)]
    kinds = ["block", "correct", "title"]
    rows = list({("".join(rng.choices(alphabet, k=rng.randint(2, 6))), rng.choice(kinds)) for _ in range(args.entries)})
    started = time.perf_counter()
    lists = Lists.of([(kind, text, "标准", "") for text, kind in rows])
    built = time.perf_counter() - started
    text = "".join(rng.choices(alphabet, k=args.chars))
    samples = []
    for _ in range(args.runs):
        t0 = time.perf_counter()
        lists.scan(text)
        samples.append((time.perf_counter() - t0) * 1000)
    samples.sort()
    print(f"entries {len(rows)}, article {args.chars} characters; automaton built in {built * 1000:.0f} ms")
    print(f"check: median {statistics.median(samples):.3f} ms, p95 {samples[int(len(samples) * 0.95)]:.3f} ms")


if __name__ == "__main__":
    main()

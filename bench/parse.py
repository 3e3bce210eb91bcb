"""Pages per second of the parser alone on the sample page (target: >= 500 on one core).

.venv/bin/python bench/parse.py [--seconds 3]
"""

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from issues.parsing import parse_bytes  # noqa: E402

SAMPLE = ROOT / "tests" / "fixtures" / "zhuzhou-daily-page-a01.txt"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=3.0)
    args = parser.parse_args()
    data = SAMPLE.read_bytes()
    parse_bytes(data)  # warm up (regex compilation, the section weights)
    pages, start, cpu = 0, time.perf_counter(), time.process_time()
    while (elapsed := time.perf_counter() - start) < args.seconds:
        parse_bytes(data)
        pages += 1
    cpu = time.process_time() - cpu
    print(f"parser: {pages} pages in {elapsed:.2f} s = {pages / elapsed:.0f} pages/s on one core "
          f"({len(data) / 1024:.1f} KiB page; target >= 500)")  # fmt: skip
    # CPU time per page does not count the time other processes held the core: compare runs by it on a busy machine.
    print(f"parser: {1000 * cpu / pages:.2f} ms of CPU per page")


if __name__ == "__main__":
    main()

"""Directory search benchmark: p50/p95 at 1k, 10k and 100k services on SQLite and PostgreSQL.

Each search is compared with a bare primary-key lookup of the very rows it returned, in the
same run, so the ratio says what the ranking costs over just fetching the answer.
Not part of CI. Run: python bench/directory.py [--sizes 1000 10000 100000] [--queries 300]
PostgreSQL: WAYMARK_BENCH_PG_URL, default postgresql+psycopg2://root@127.0.0.1:5432/test
(skipped with a note when it does not answer). Target: p95 <= 5 ms at 100k.
"""
from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import create_engine, select, text  # noqa: E402

from directory import Directory  # noqa: E402
from directory.geo import gazetteer  # noqa: E402
from directory.models import services  # noqa: E402
from directory.store import make_engine, write_records  # noqa: E402
from directory.synthetic import generate  # noqa: E402
from directory.tags import NEED_TAGS  # noqa: E402


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def workload(count: int, seed: int = 11) -> list[tuple[str, tuple[str, ...]]]:
    """Mixed queries: outward codes and towns of the region, 0-2 needs each."""
    gaz = gazetteer()
    rng = random.Random(seed)
    places = [d.code for d in gaz.districts.values() if d.covered]
    places += [t.key for t in gaz.towns.values() if t.covered][:80]
    tags = sorted(NEED_TAGS)
    return [(rng.choice(places), tuple(rng.sample(tags, rng.randint(0, 2)))) for _ in range(count)]


def measure(directory: Directory, queries) -> tuple[list[float], list[float]]:
    search_ms, bare_ms = [], []
    for near, needs in queries[:30]:  # warm caches and the connection pool
        directory.search(near, needs)
    with directory.engine.connect() as conn:
        for near, needs in queries:
            t0 = time.perf_counter()
            result = directory.search(near, needs)
            search_ms.append((time.perf_counter() - t0) * 1000)
            ids = [h.id for h in result.local + result.national]
            t0 = time.perf_counter()
            conn.execute(select(services).where(services.c.slug.in_(ids))).all()
            bare_ms.append((time.perf_counter() - t0) * 1000)
    return search_ms, bare_ms


def run_backend(label: str, directory: Directory, sizes: list[int], queries) -> None:
    directory.ensure_ready()
    records = generate(max(sizes), gazetteer())
    loaded = 0
    for size in sizes:
        t0 = time.perf_counter()
        with directory.engine.begin() as conn:
            write_records(conn, records[loaded:size], "synthetic", gazetteer())
            if directory.engine.dialect.name == "sqlite":
                conn.execute(text("ANALYZE"))  # fresh planner statistics, as a real import would leave
        if directory.engine.dialect.name == "postgresql":
            # Steady state (what autovacuum reaches soon after an import): statistics plus the
            # visibility map that lets the need/area queries run as index-only scans.
            with directory.engine.connect() as conn:
                conn.execution_options(isolation_level="AUTOCOMMIT").execute(text("VACUUM ANALYZE"))
        directory.forget_cached()
        loaded = size
        load_s = time.perf_counter() - t0
        search_ms, bare_ms = measure(directory, queries)
        s50, s95 = statistics.median(search_ms), percentile(search_ms, 0.95)
        b50, b95 = statistics.median(bare_ms), percentile(bare_ms, 0.95)
        print(f"{label:<10} {size:>7,}  search p50 {s50:6.2f} ms  p95 {s95:6.2f} ms   "
              f"bare lookup p50 {b50:5.2f} ms  p95 {b95:5.2f} ms   ratio p50 {s50 / b50:4.1f}x  "
              f"p95 {s95 / b95:4.1f}x   (load {load_s:4.1f} s)", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument("--queries", type=int, default=300)
    args = parser.parse_args()
    sizes = sorted(args.sizes)
    queries = workload(args.queries)
    print(f"{len(queries)} queries per size; times include place parsing, ranking and hours", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        sqlite = Directory(make_engine(f"sqlite:///{Path(tmp) / 'bench.sqlite3'}"))
        run_backend("sqlite", sqlite, sizes, queries)
        sqlite.close()
    pg_url = os.environ.get("WAYMARK_BENCH_PG_URL", "postgresql+psycopg2://root@127.0.0.1:5432/test")
    try:
        admin = create_engine(pg_url, future=True, connect_args={"connect_timeout": 2})
        with admin.begin() as conn:
            schema = f"wm_bench_{uuid.uuid4().hex[:8]}"
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    except Exception as exc:  # noqa: BLE001 - report and carry on with SQLite numbers only
        print(f"postgresql skipped: {type(exc).__name__}")
        return 0
    pg = Directory(create_engine(pg_url, future=True, connect_args={"options": f"-csearch_path={schema}"}))
    try:
        run_backend("postgresql", pg, sizes, queries)
    finally:
        pg.close()
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())

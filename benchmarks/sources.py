"""How close the source checker gets to what its per-host limit allows.

Starts HOSTS local servers (one asyncio process, one port per host) that
answer every HEAD after DELAY seconds, then checks URLS distinct URLs spread
evenly over them with ``guidelint.sources.check_sources`` and a per-host
limit of PER_HOST.  No checker can beat ``URLS / (HOSTS * PER_HOST) * DELAY``
(every host is busy all the time with PER_HOST requests), so that is the
ideal; the target is to be within 20% of it.  Memory: the peak resident size
of this process after a small warm-up run and after the full run, which
should barely move (no body is read, workers are a fixed pool).

What sets the pace is the checker's CPU, not the network: each URL costs
about 0.55 ms of CPU in httpx/httpcore (0.07 ms with bare asyncio streams),
and forty connections cycling every 50 ms keep one event loop about half
busy, so answers queue behind each other.  On a quiet machine that stays
within the target; on a shared one the process is often runnable but not
running, which the run-queue figure (Linux) shows: compare it with the wall
time and the load average before blaming the code.

The servers run in a child process so that their work does not share this
process's interpreter with the checker being measured.  Nothing leaves
127.0.0.1.  Not a timed test: run it by hand and read the figures.

Usage: python benchmarks/sources.py [--urls 2000] [--hosts 20] [--per-host 2]
       [--delay 0.05] [--concurrency 64]
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import os
import resource
import time
from multiprocessing.connection import Connection

from guidelint.sources import Options, check_sources


async def _answer(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, delay: float) -> None:
    """A keep-alive HTTP/1.1 server loop: every request gets 200 after ``delay``."""
    try:
        while (await reader.readuntil(b"\r\n\r\n")).strip():
            await asyncio.sleep(delay)
            writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n")
            await writer.drain()
    except (asyncio.IncompleteReadError, ConnectionError):
        pass
    finally:
        writer.close()


def _serve(hosts: int, delay: float, pipe: Connection) -> None:
    async def main() -> None:
        servers = [
            await asyncio.start_server(lambda r, w: _answer(r, w, delay), "127.0.0.1", 0)
            for _ in range(hosts)
        ]
        pipe.send([s.sockets[0].getsockname()[1] for s in servers])
        await asyncio.Event().wait()  # until the parent ends this process

    asyncio.run(main())


def _run_queue_wait() -> float:
    """Seconds this process spent runnable but not running (Linux; 0 elsewhere).

    On a shared machine this is where a checker short of CPU loses its time:
    wall time is then about CPU time plus this, not the network's pace.
    """
    try:
        with open("/proc/self/schedstat") as stat:
            return int(stat.read().split()[1]) / 1e9
    except (OSError, IndexError, ValueError):
        return 0.0


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def run(urls: int, hosts: int, per_host: int, delay: float, concurrency: int) -> None:
    parent, child = multiprocessing.Pipe()
    server = multiprocessing.Process(target=_serve, args=(hosts, delay, child), daemon=True)
    server.start()
    ports: list[int] = parent.recv()
    try:
        options = Options(per_host=per_host, concurrency=concurrency, trust_env=False)
        links = [f"http://127.0.0.1:{ports[i % hosts]}/page/{i}" for i in range(urls)]
        check_sources(links[: hosts * per_host * 2], options)  # warm-up: imports, first connections
        before = _peak_rss_mb()
        started, cpu_started = time.perf_counter(), time.process_time()
        waited = _run_queue_wait()
        results = check_sources(links, options)
        wall, cpu = time.perf_counter() - started, time.process_time() - cpu_started
        waited = _run_queue_wait() - waited
        after = _peak_rss_mb()
    finally:
        server.kill()
    alive = sum(r.verdict == "alive" for r in results)
    ideal = urls / (hosts * min(per_host, concurrency / hosts)) * delay
    print(
        f"urls={urls} hosts={hosts} per_host={per_host} concurrency={concurrency} delay={delay * 1000:g} ms"
    )
    print(f"alive={alive}/{urls}")
    print(f"wall={wall:.2f} s ideal={ideal:.2f} s ratio={wall / ideal:.2f} (target <= 1.20)")
    print(f"checker CPU time={cpu:.2f} s ({cpu / urls * 1000:.2f} ms per URL)")
    print(f"checker run-queue wait={waited:.2f} s (runnable, but the CPUs were busy)")
    print(f"load average (1 min) at the end={os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
    print(f"peak RSS: after warm-up {before:.1f} MB, after the run {after:.1f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--urls", type=int, default=2000)
    parser.add_argument("--hosts", type=int, default=20)
    parser.add_argument("--per-host", type=int, default=2)
    parser.add_argument("--delay", type=float, default=0.05)
    parser.add_argument("--concurrency", type=int, default=64)
    args = parser.parse_args()
    run(args.urls, args.hosts, args.per_host, args.delay, args.concurrency)


if __name__ == "__main__":
    main()

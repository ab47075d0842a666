"""Real HTTP(S) servers on 127.0.0.1 for the source checker's tests.

Each :class:`Site` is one server on its own port, standing in for one host.
It answers from a table of routes, records every request (method, path,
headers) and how many requests it was serving at once, so a test can see
the per-host limit hold.  Nothing here ever leaves the machine.
"""

from __future__ import annotations

import contextlib
import shutil
import socket
import ssl
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


@dataclass
class Reply:
    """What a route answers: a status, headers, and a body length (never sent for HEAD)."""

    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""


# A route gets (method, how many requests this path had before) and answers.
Route = Callable[[str, int], Reply]
HUGE = 1 << 30  # the 1 GB body's announced length


def always(status: int, **headers: str) -> Route:
    return lambda method, n: Reply(status, {k.replace("_", "-"): v for k, v in headers.items()})


def redirect(status: int, location: str) -> Route:
    return always(status, Location=location)


class Gauge:
    """Requests in flight and the most at once, counted where the server sees them.

    A request is in flight from its arrival until its answer starts: the
    client can send its next request only after reading the answer, so a
    count that waited for the answer's last byte could see the next request
    arrive first, on a loaded machine, and count one too many.
    """

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.in_flight = 0
        self.peak = 0

    def enter(self) -> None:
        with self.lock:
            self.in_flight += 1
            self.peak = max(self.peak, self.in_flight)

    def leave(self) -> None:
        with self.lock:
            self.in_flight -= 1


class Site:
    """One server: ``routes`` by path, ``delay`` seconds before every answer."""

    def __init__(self, routes: dict[str, Route], delay: float = 0.0) -> None:
        self.routes = routes
        self.delay = delay
        self.lock = threading.Lock()
        self.requests: list[tuple[str, str, dict[str, str]]] = []
        self.starts: list[float] = []
        self.gauge = Gauge()
        self.gauges = [self.gauge]  # add one to count several sites together
        self.body_bytes = 0  # bytes of the huge body actually sent
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self.server.daemon_threads = True
        self.server.site = self  # type: ignore[attr-defined]
        self.port = self.server.server_address[1]
        self.scheme = "http"

    def url(self, path: str) -> str:
        return f"{self.scheme}://127.0.0.1:{self.port}{path}"

    def count(self, path: str) -> int:
        with self.lock:
            return sum(1 for _, p, _ in self.requests if p == path)

    def start(self) -> Site:
        serve = self.server.serve_forever
        threading.Thread(target=serve, kwargs={"poll_interval": 0.02}, daemon=True).start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def serve(self, handler: BaseHTTPRequestHandler, method: str) -> None:
        with self.lock:
            seen = sum(1 for _, p, _ in self.requests if p == handler.path)
            self.requests.append((method, handler.path, dict(handler.headers.items())))
            self.starts.append(time.monotonic())
        for gauge in self.gauges:
            gauge.enter()
        try:
            time.sleep(self.delay)
            route = self.routes.get(handler.path, always(404))
            reply = route(method, seen)
        finally:
            for gauge in self.gauges:
                gauge.leave()
        if reply.headers.get("X-Huge") and method == "GET":
            self._huge(handler)
            return
        _send(handler, reply, method)

    @property
    def peak(self) -> int:
        """The most requests this site had in flight at once."""
        return self.gauge.peak

    def _huge(self, handler: BaseHTTPRequestHandler) -> None:
        """Announce 1 GB and trickle it out until the client hangs up (at most 5 s)."""
        handler.send_response(200)
        handler.send_header("Content-Length", str(HUGE))
        handler.end_headers()
        chunk = b"x" * 16384
        ends = time.monotonic() + 5
        with contextlib.suppress(OSError):
            while time.monotonic() < ends:
                handler.wfile.write(chunk)
                handler.wfile.flush()
                with self.lock:
                    self.body_bytes += len(chunk)
                time.sleep(0.005)
        handler.close_connection = True


def _send(handler: BaseHTTPRequestHandler, reply: Reply, method: str) -> None:
    handler.send_response(reply.status)
    for name, value in reply.headers.items():
        handler.send_header(name, value)
    handler.send_header("Content-Length", str(len(reply.body)))
    handler.end_headers()
    if method == "GET":
        handler.wfile.write(reply.body)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as real servers do

    def do_HEAD(self) -> None:
        self.server.site.serve(self, "HEAD")  # type: ignore[attr-defined]

    def do_GET(self) -> None:
        self.server.site.serve(self, "GET")  # type: ignore[attr-defined]

    def log_message(self, format: str, *args: object) -> None:
        pass  # quiet: pytest shows stderr of failed tests


class TlsSite(Site):
    """A :class:`Site` over HTTPS with a self-signed certificate no client trusts."""

    def __init__(self, routes: dict[str, Route], cert: Path, key: Path) -> None:
        super().__init__(routes)
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(cert, key)
        # The handshake happens in the request's thread, not in the accept loop.
        self.server.socket = context.wrap_socket(
            self.server.socket, server_side=True, do_handshake_on_connect=False
        )
        self.scheme = "https"


def self_signed(folder: Path) -> tuple[Path, Path] | None:
    """A certificate and key for 127.0.0.1 made with ``cryptography`` or ``openssl``."""
    cert, key = folder / "cert.pem", folder / "key.pem"
    with contextlib.suppress(ImportError):
        _with_cryptography(cert, key)
        return cert, key
    if shutil.which("openssl") is None:
        return None
    command = ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
               "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1", "-subj",
               "/CN=127.0.0.1", "-keyout", str(key), "-out", str(cert)]  # fmt: skip
    done = subprocess.run(command, capture_output=True, check=False)
    return (cert, key) if done.returncode == 0 else None


def _with_cryptography(cert: Path, key: Path) -> None:
    import datetime as dt
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    private = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    start = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)  # fixed: the test never reads the calendar
    san = x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))])
    built = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name)
        .public_key(private.public_key()).serial_number(1)
        .not_valid_before(start).not_valid_after(start + dt.timedelta(days=36500))
        .add_extension(san, critical=False).sign(private, hashes.SHA256())
    )  # fmt: skip
    cert.write_bytes(built.public_bytes(serialization.Encoding.PEM))
    key.write_bytes(
        private.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )


@contextlib.contextmanager
def silent_port() -> Iterator[int]:
    """A port that accepts connections (the kernel does) and never answers."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    try:
        yield listener.getsockname()[1]
    finally:
        listener.close()


def closed_port() -> int:
    """A port nothing listens on: connecting is refused."""
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port: int = probe.getsockname()[1]
    probe.close()
    return port

"""Extraction on a dask.distributed cluster: ``digest build --scheduler tcp://HOST:PORT``.

The extraction stage takes any ``concurrent.futures.Executor``; a Dask client hands one out
(``client.get_executor()``), so the cluster runs the same unit of work (``extract_batch``)
as local worker processes do. The client connects when the first batch is submitted: a
build with nothing to extract never talks to the scheduler. The workers need digest (and
the spaCy pipeline) installed; reading, the cache, rendering and writing stay here.
"""

from __future__ import annotations

from concurrent.futures import Executor, Future

from digest.errors import DigestError

CONNECT_TIMEOUT = "20s"
INSTALL_HINT = 'pip install "digest[dask]"'


class ClusterWorkers(Executor):
    """The workers of the dask.distributed cluster at ``address``, as an executor."""

    def __init__(self, address: str):
        self.address = address
        self.client = None
        self.executor: Executor | None = None

    @property
    def slots(self) -> int:
        """How many batches the cluster runs at once (its worker threads); 1 before it is reached."""
        if self.client is None:
            return 1
        return max(1, sum(self.client.nthreads().values()))

    def connect(self) -> Executor:
        if self.executor is not None:
            return self.executor
        try:
            from distributed import Client
        except ImportError:
            raise DigestError(f"scheduler: {self.address} needs dask.distributed, which is not installed "
                              f"({INSTALL_HINT})") from None
        try:
            self.client = Client(self.address, timeout=CONNECT_TIMEOUT, set_as_default=False)
        except (OSError, TimeoutError) as exc:
            raise DigestError(f"scheduler: cannot reach the dask scheduler at {self.address} ({exc})") from None
        self.executor = self.client.get_executor()
        return self.executor

    def submit(self, fn, /, *args, **kwargs) -> Future:
        return self.connect().submit(fn, *args, **kwargs)

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        executor, client, self.executor, self.client = self.executor, self.client, None, None
        if executor is not None:
            executor.shutdown(wait=wait)
        if client is not None:
            client.close()

"""Talking HTTP to the Bot API through aiohttp instead of PTB's default httpx.

Profiling the bot under load showed most of its CPU going to the HTTP client: httpx, httpcore
and anyio spend about a millisecond of Python per Bot API call. aiohttp (already here for the
webhook server) parses HTTP in C and does the same call for a fraction of that. python-telegram-
bot supports other clients through `BaseRequest`; this is one, used for every call the bot
makes. Errors map onto PTB's: a timeout is TimedOut, any other transport failure NetworkError,
so retries and the rate limiter behave as with httpx.
"""

from __future__ import annotations

import re

import aiohttp
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData

_Timeout = float | None
_URL = re.compile(r"\w+://\S+")


class AiohttpRequest(BaseRequest):
    """A BaseRequest on one aiohttp session with a pool of `connection_pool_size` connections.

    Timeouts follow httpx's meaning: `read` is the longest wait for the next bytes of the
    answer, `connect` for a connection, `pool` for a free connection of the pool. Uploads
    (photos, documents) may take `media_write_timeout` to be read back.
    """

    __slots__ = ("_defaults", "_media_timeout", "_pool_size", "_session")

    def __init__(
        self,
        connection_pool_size: int = 1,
        read_timeout: _Timeout = 5.0,
        connect_timeout: _Timeout = 5.0,
        pool_timeout: _Timeout = 1.0,
        media_write_timeout: _Timeout = 20.0,
    ) -> None:
        self._pool_size = connection_pool_size
        self._defaults = {"read": read_timeout, "connect": connect_timeout, "pool": pool_timeout}
        self._media_timeout = media_write_timeout
        self._session: aiohttp.ClientSession | None = None

    @property
    def read_timeout(self) -> float | None:
        return self._defaults["read"]

    async def initialize(self) -> None:
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(
                connector=aiohttp.TCPConnector(limit=self._pool_size),
                headers={"User-Agent": self.USER_AGENT},
            )

    async def shutdown(self) -> None:
        if self._session is not None and not self._session.closed:
            await self._session.close()
        self._session = None

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: _Timeout | object = BaseRequest.DEFAULT_NONE,
        write_timeout: _Timeout | object = BaseRequest.DEFAULT_NONE,
        connect_timeout: _Timeout | object = BaseRequest.DEFAULT_NONE,
        pool_timeout: _Timeout | object = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        if self._session is None or self._session.closed:
            raise RuntimeError("AiohttpRequest is not initialized")
        uploads = bool(request_data and request_data.contains_files)
        timeout = aiohttp.ClientTimeout(
            total=None,
            connect=self._pick(pool_timeout, "pool"),
            sock_connect=self._pick(connect_timeout, "connect"),
            sock_read=self.read_limit(read_timeout, write_timeout, uploads=uploads),
        )
        try:
            async with self._session.request(
                method, url, data=_body(request_data), timeout=timeout
            ) as response:
                return response.status, await response.read()
        except TimeoutError as exc:  # aiohttp's timeouts (asyncio.TimeoutError is this one)
            raise TimedOut from exc
        except aiohttp.ClientError as exc:
            # aiohttp's messages name the URL, and a Bot API URL holds the token.
            reason = _URL.sub("<Bot API URL>", str(exc))
            raise NetworkError(f"aiohttp.{type(exc).__name__}: {reason}") from exc

    def read_limit(
        self, read_timeout: _Timeout | object, write_timeout: _Timeout | object, *, uploads: bool
    ) -> _Timeout:
        """The longest wait for the answer's next bytes. Sending a file and Telegram's answer
        to it may take the media timeout, or the write timeout given, if longer. None means
        no limit."""
        read = self._pick(read_timeout, "read")
        if not uploads:
            return read
        limits = [read, self._media_timeout]
        if isinstance(write_timeout, float | int):
            limits.append(write_timeout)
        return None if any(t is None for t in limits) else max(t for t in limits if t)

    def _pick(self, value: _Timeout | object, name: str) -> _Timeout:
        if value is BaseRequest.DEFAULT_NONE:
            return self._defaults[name]
        return value if isinstance(value, float | int) else None


def _body(request_data: RequestData | None) -> aiohttp.FormData | dict[str, str] | None:
    """Form fields as httpx would send them; multipart when a file goes with them."""
    if request_data is None:
        return None
    fields = request_data.json_parameters
    if not request_data.contains_files:
        return fields
    form = aiohttp.FormData(fields)
    for name, upload in request_data.multipart_data.items():
        filename, content, mimetype = upload[0], upload[1], upload[2]
        form.add_field(name, content, filename=filename, content_type=mimetype)
    return form

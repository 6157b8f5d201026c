"""Turn the bytes of an input file into text: BOMs, UTF-16 without BOM, legacy 8-bit encodings.

Never raises anything but :class:`InputError` ("empty file", "not a text file"). A file is read
in a bounded amount of memory: at most :data:`READ_LIMIT` bytes of a one-article file (the
caller warns that the rest was not read).
"""

from __future__ import annotations

import codecs
import os
import stat
import unicodedata
from pathlib import Path
from typing import BinaryIO

from digest.errors import InputError, Report

READ_LIMIT = 8 * 1024 * 1024  # bytes read of a one-article file (.txt .md .html) and of one JSON line
JSON_LIMIT = 32 * 1024 * 1024  # a .json file is parsed whole: a larger one is refused (JSON Lines are streamed)

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# cp1252 bytes 0x80-0x9f that are typographic punctuation: strong evidence of a Windows-1252 file.
_CP1252_PUNCT = frozenset(b"\x85\x91\x92\x93\x94\x96\x97\x80\x99")


def file_size(path: Path) -> int:
    try:
        return path.stat().st_size
    except FileNotFoundError:
        raise InputError(str(path), "no such file") from None
    except OSError as exc:
        raise InputError(str(path), f"cannot read file: {exc.strerror or exc}") from None


def read_bytes(path: Path, limit: int | None = READ_LIMIT) -> tuple[bytes, int]:
    """``(data, size)``: the first ``limit`` bytes of the file (all of it with ``limit=None``) and
    its full size. A cut never splits a character (a partial UTF-8 sequence or UTF-16 unit at the
    end is dropped)."""
    size = file_size(path)
    try:
        with open_regular(path) as handle:
            data = handle.read() if limit is None else handle.read(limit)
            if limit is not None and len(data) == limit and handle.read(1):
                size = max(size, limit + 1)
                data = trim_partial(data)
    except IsADirectoryError:
        raise InputError(str(path), "is a folder, not a file") from None
    except FileNotFoundError:
        raise InputError(str(path), "no such file") from None
    except OSError as exc:
        raise InputError(str(path), f"cannot read file: {exc.strerror or exc}") from None
    return data, size


def open_regular(path: Path) -> BinaryIO:
    """``path`` opened for reading if it is a regular file. Opened without blocking, so a FIFO
    (which would wait for a writer forever) or a device is refused, never read."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            if stat.S_ISDIR(os.fstat(fd).st_mode):
                raise IsADirectoryError(path)
            raise InputError(str(path), "is not a regular file (a FIFO, socket or device); not read")
    except BaseException:
        os.close(fd)
        raise
    return os.fdopen(fd, "rb")


def trim_partial(data: bytes) -> bytes:
    """``data`` cut anywhere, without the incomplete character its cut may have left at the end."""
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return data[: len(data) - len(data) % 4]
    order = (
        "utf-16-le" if data.startswith(codecs.BOM_UTF16_LE) else
        "utf-16-be" if data.startswith(codecs.BOM_UTF16_BE) else utf16_order(data)
    )  # fmt: skip
    if order is not None:
        data = data[: len(data) - len(data) % 2]
        high = data[-1] if order == "utf-16-le" else data[-2] if len(data) >= 2 else 0
        return data[:-2] if len(data) >= 2 and 0xD8 <= high <= 0xDB else data  # a lone high surrogate
    end, back = len(data), 0
    while back < 3 and back < end and (data[end - back - 1] & 0xC0) == 0x80:
        back += 1
    if back < end:
        lead = data[end - back - 1]
        need = 2 if 0xC0 <= lead < 0xE0 else 3 if 0xE0 <= lead < 0xF0 else 4 if lead >= 0xF0 else 1
        if need > back + 1:
            return data[: end - back - 1]
    return data


def read_text(path: Path, report: Report | None = None, limit: int | None = READ_LIMIT) -> str:
    """Read ``path`` as text with ``\\n`` line endings and no BOM (at most ``limit`` bytes of it)."""
    data, _ = read_bytes(path, limit)
    return decode_bytes(data, str(path), report=report)


def load_text(path: Path, report: Report, limit: int = READ_LIMIT) -> tuple[str, int | None]:
    """``(text, size)`` where ``size`` is the file size when only the first ``limit`` bytes were read
    (the caller says so in its warning), else None."""
    data, size = read_bytes(path, limit)
    return decode_bytes(data, str(path), report=report), (size if size > len(data) else None)


def decode_bytes(data: bytes, path: str, declared: str | None = None, report: Report | None = None) -> str:
    """Decode ``data``; ``declared`` is an encoding the file names itself (an HTML meta charset),
    used when there is no BOM and the bytes are not valid UTF-8. Invalid bytes in mostly-UTF-8
    data become U+FFFD, with a warning in ``report`` naming the line."""
    if not data.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raise InputError(path, "empty file")
    repairs = Report()  # said only of a file that is read
    data = _drop_stray_nuls(data, path, repairs)
    text, replaced = _decode(data, path, declared)
    if replaced:
        _warn_replaced(data, text, path, repairs)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise InputError(path, "empty file")
    if _looks_binary(text):
        raise InputError(path, "not a text file")
    if report is not None:
        report.problems += repairs.problems
    return unicodedata.normalize("NFC", text)


MAX_STRAY_NULS = 0.01  # share of a file's bytes that may be NUL in a text file (more: a binary file)


def _drop_stray_nuls(data: bytes, path: str, report: Report) -> bytes:
    """``data`` without the few NUL bytes a text file can pick up (a crashed editor, a bad copy),
    with a warning naming the first line that had one. Data with a BOM or in UTF-16 keeps its NULs
    (they belong to its characters); many NULs mean a binary file, refused later."""
    nuls = data.count(0)
    if not nuls or nuls > max(2, len(data) * MAX_STRAY_NULS) or data.startswith(tuple(b for b, _ in _BOMS)):
        return data
    if utf16_order(data) is not None:
        return data
    line = data[: data.index(0)].count(b"\n") + 1
    report.warn(path, f"{nuls} NUL byte{'s' if nuls != 1 else ''} removed (first on this line)", line)
    return data.replace(b"\x00", b"")


def _decode(data: bytes, path: str, declared: str | None = None) -> tuple[str, bool]:
    """The text, and whether invalid UTF-8 bytes were replaced by U+FFFD."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding), False
            except UnicodeDecodeError:
                raise InputError(path, f"not a text file (invalid {encoding.upper()})") from None
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return utf16, False
    if b"\x00" in data:
        raise InputError(path, "not a text file")
    try:
        return data.decode("utf-8"), False
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            if codecs.lookup(declared).name not in ("utf-8", "utf-16", "utf-32"):
                return data.decode(declared), False
        except (LookupError, UnicodeDecodeError):
            pass
    mostly = _mostly_utf8(data)
    if mostly is not None:
        return mostly, True
    return _decode_legacy(data, path), False


def _warn_replaced(data: bytes, text: str, path: str, report: Report) -> None:
    """A warning for the bytes of mostly-UTF-8 data that were not valid UTF-8 and became U+FFFD."""
    try:
        data.decode("utf-8")
        return  # pragma: no cover - only called for data that is not valid UTF-8
    except UnicodeDecodeError as exc:
        first = exc.start
    count = text.count("\ufffd") - data.count("\ufffd".encode())
    line = data[:first].count(b"\n") + 1
    where = "at its end (a truncated file?)" if len(data) - first <= 3 else f"at byte {first}"
    report.warn(path, f"not valid UTF-8 {where}; {count} bad byte sequence{'s' if count != 1 else ''} "
                      "replaced by U+FFFD", line)


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 with a few corrupt bytes: keep it UTF-8 (a stray byte becomes U+FFFD) rather than
    turning every accented letter into mojibake."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = sum(1 for ch in text if ord(ch) >= 0x80 and ch != "\ufffd")
    if good >= 2 and bad * 4 <= good:
        return text
    return None


def utf16_order(data: bytes) -> str | None:
    """"utf-16-le" / "utf-16-be" for UTF-16 without a BOM (mostly-ASCII text has a NUL in every
    other byte), else None."""
    if len(data) < 4:
        return None
    sample = data[:4096]
    even, odd = sample[0::2], sample[1::2]
    even_nul = even.count(0) / max(len(even), 1)
    odd_nul = odd.count(0) / max(len(odd), 1)
    if odd_nul > 0.3 and even_nul < 0.05:
        return "utf-16-le"
    if even_nul > 0.3 and odd_nul < 0.05:
        return "utf-16-be"
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    encoding = utf16_order(data)
    if encoding is None:
        return None
    try:
        return data[: len(data) - len(data) % 2].decode(encoding)
    except UnicodeDecodeError:
        return None


def _decode_legacy(data: bytes, path: str) -> str:
    high = {b for b in data if b >= 0x80}
    # Smart quotes / dashes in the 0x80-0x9f block and nothing undefined in cp1252: Windows-1252.
    if high & _CP1252_PUNCT:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            pass
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
    except Exception:  # noqa: BLE001 - a detector failure must not crash the read
        best = None
    if best is not None and best.encoding:
        try:
            return data.decode(best.encoding)
        except (UnicodeDecodeError, LookupError):
            pass
    # Last resort: never fails; C1 control characters then make it "not a text file".
    return data.decode("latin-1")


def _looks_binary(text: str) -> bool:
    sample = text[:20000]
    if "\x00" in sample:
        return True
    bad = sum(1 for ch in sample if (ch < " " and ch not in "\t\n\f\v") or ("\x7f" <= ch < "\xa0"))
    return bad > max(2, len(sample) // 100)

"""Turn the bytes of an input file into text: BOMs, UTF-16 without BOM, legacy 8-bit encodings.

Never raises anything but :class:`InputError` ("empty file", "not a text file").
"""

from __future__ import annotations

import codecs
import unicodedata
from pathlib import Path

from digest.errors import InputError

MAX_BYTES = 50 * 1024 * 1024

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# cp1252 bytes 0x80-0x9f that are typographic punctuation: strong evidence of a Windows-1252 file.
_CP1252_PUNCT = frozenset(b"\x85\x91\x92\x93\x94\x96\x97\x80\x99")


def read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(str(path), f"file too large ({size} bytes; limit {MAX_BYTES})")
        return path.read_bytes()
    except IsADirectoryError:
        raise InputError(str(path), "is a folder, not a file") from None
    except FileNotFoundError:
        raise InputError(str(path), "no such file") from None
    except OSError as exc:
        raise InputError(str(path), f"cannot read file: {exc.strerror or exc}") from None


def read_text(path: Path) -> str:
    """Read ``path`` as text with ``\\n`` line endings and no BOM."""
    return decode_bytes(read_bytes(path), str(path))


def decode_bytes(data: bytes, path: str, declared: str | None = None) -> str:
    """Decode ``data``; ``declared`` is an encoding the file names itself (an HTML meta charset),
    used when there is no BOM and the bytes are not valid UTF-8."""
    if not data.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raise InputError(path, "empty file")
    text = _decode(data, path, declared)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise InputError(path, "empty file")
    if _looks_binary(text):
        raise InputError(path, "not a text file")
    return unicodedata.normalize("NFC", text)


def _decode(data: bytes, path: str, declared: str | None = None) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding)
            except UnicodeDecodeError:
                raise InputError(path, f"not a text file (invalid {encoding.upper()})") from None
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return utf16
    if b"\x00" in data:
        raise InputError(path, "not a text file")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            if codecs.lookup(declared).name not in ("utf-8", "utf-16", "utf-32"):
                return data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass
    mostly = _mostly_utf8(data)
    if mostly is not None:
        return mostly
    return _decode_legacy(data, path)


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 with a few corrupt bytes: keep it UTF-8 (a stray byte becomes U+FFFD) rather than
    turning every accented letter into mojibake."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = sum(1 for ch in text if ord(ch) >= 0x80 and ch != "\ufffd")
    if good >= 2 and bad * 4 <= good:
        return text
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without a BOM: mostly-ASCII text has a NUL in every other byte."""
    if len(data) < 4:
        return None
    sample = data[:4096]
    even, odd = sample[0::2], sample[1::2]
    even_nul = even.count(0) / max(len(even), 1)
    odd_nul = odd.count(0) / max(len(odd), 1)
    if odd_nul > 0.3 and even_nul < 0.05:
        encoding = "utf-16-le"
    elif even_nul > 0.3 and odd_nul < 0.05:
        encoding = "utf-16-be"
    else:
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

"""The little of CBOR (RFC 8949) that Pagefind's index files use.

Integers, text strings and definite-length arrays, written the shortest way,
as Pagefind's encoder (minicbor) writes them, so that decoding a file and
encoding it again gives the same bytes.
"""

import struct

Value = int | str | list["Value"]

_UNSIGNED, _NEGATIVE, _TEXT, _ARRAY = 0, 1, 3, 4
_WIDTHS = ((24, ">B"), (25, ">H"), (26, ">I"), (27, ">Q"))


def decode(data: bytes) -> Value:
    value, end = _decode(data, 0)
    if end != len(data):
        raise ValueError(f"CBOR: the value ends at byte {end} of {len(data)}")
    return value


def _decode(data: bytes, at: int) -> tuple[Value, int]:
    kind, info = data[at] >> 5, data[at] & 31
    at += 1
    if info < 24:
        number = info
    else:
        width = next((fmt for code, fmt in _WIDTHS if code == info), None)
        if width is None:
            raise ValueError(f"CBOR: unsupported length code {info} at byte {at - 1}")
        size = struct.calcsize(width)
        (number,) = struct.unpack(width, data[at : at + size])
        at += size
    if kind == _UNSIGNED:
        return number, at
    if kind == _NEGATIVE:
        return -1 - number, at
    if kind == _TEXT:
        return data[at : at + number].decode("utf-8"), at + number
    if kind == _ARRAY:
        items = []
        for _ in range(number):
            head = data[at]
            if head < 24:  # most word locations: small deltas, one byte each
                items.append(head)
                at += 1
            else:
                item, at = _decode(data, at)
                items.append(item)
        return items, at
    raise ValueError(f"CBOR: unsupported major type {kind} at byte {at - 1}")


def encode(value: Value) -> bytes:
    out = bytearray()
    _encode(value, out)
    return bytes(out)


def _encode(value: Value, out: bytearray) -> None:
    if isinstance(value, int):
        _head(_UNSIGNED if value >= 0 else _NEGATIVE, value if value >= 0 else -1 - value, out)
    elif isinstance(value, str):
        data = value.encode("utf-8")
        _head(_TEXT, len(data), out)
        out += data
    else:
        _head(_ARRAY, len(value), out)
        for item in value:
            _encode(item, out)


def _head(kind: int, number: int, out: bytearray) -> None:
    if number < 24:
        out.append(kind << 5 | number)
        return
    for code, fmt in _WIDTHS:
        if number < 256 ** struct.calcsize(fmt):
            out.append(kind << 5 | code)
            out += struct.pack(fmt, number)
            return
    raise ValueError(f"CBOR: {number} does not fit in 64 bits")

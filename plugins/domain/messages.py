"""Pydantic's errors in the editors' words: Vietnamese, quoting what was written."""

import difflib
from collections.abc import Iterable

from pydantic import ValidationError
from pydantic_core import ErrorDetails

Loc = tuple[str | int, ...]


def format_loc(loc: Loc) -> str:
    """``('awards', 1, 'recipient')`` → ``awards[1].recipient``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def _quote(value: object) -> str:
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, dict | list):
        return "một nhóm giá trị" if isinstance(value, dict) else "một danh sách"
    return f'"{value}"'


def _expected_literals(error: ErrorDetails) -> str:
    expected = str((error.get("ctx") or {}).get("expected", ""))
    return expected.replace("'", '"').replace(" or ", ", ")


def describe(error: ErrorDetails, vocabulary: Iterable[str] = ()) -> str:
    """One Vietnamese sentence for one pydantic error."""
    kind = error["type"]
    value = error.get("input")
    ctx = error.get("ctx") or {}
    written = f" (đang ghi: {_quote(value)})"
    if kind == "missing":
        return "thiếu trường bắt buộc"
    if kind == "extra_forbidden":
        name = str(error["loc"][-1])
        close = difflib.get_close_matches(name, list(vocabulary), n=1)
        hint = f' — có phải "{close[0]}"?' if close else ""
        return f'không có trường "{name}" trong quy ước nội dung{hint}'
    if kind in ("string_type", "string_sub_type"):
        return "cần một đoạn chữ" + written
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return "cần một số nguyên" + written
    if kind in ("bool_type", "bool_parsing"):
        return "cần true hoặc false" + written
    if kind in ("list_type", "tuple_type", "set_type"):
        return "cần một danh sách, ví dụ [a, b]" + written
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return "cần một nhóm trường dạng 'tên: giá trị'" + written
    if kind == "literal_error":
        return f"giá trị {_quote(value)} không hợp lệ — chọn một trong: {_expected_literals(error)}"
    if kind == "string_pattern_mismatch":
        return (
            f"mã {_quote(value)} chỉ được gồm chữ thường không dấu, chữ số và"
            ' dấu "-", ví dụ "thai-nguyen"'
        )
    if kind == "string_too_short":
        return "không được để trống"
    if kind == "too_short":
        return f"cần ít nhất {ctx.get('min_length', 1)} mục"
    if kind in ("greater_than", "greater_than_equal"):
        bound = ctx.get("gt", ctx.get("ge"))
        return f"phải là số lớn hơn {'hoặc bằng ' if 'ge' in ctx else ''}{bound}{written}"
    if kind in ("less_than", "less_than_equal"):
        bound = ctx.get("lt", ctx.get("le"))
        return f"phải là số nhỏ hơn {'hoặc bằng ' if 'le' in ctx else ''}{bound}{written}"
    if kind == "url_parsing":
        return "cần một địa chỉ web đầy đủ, ví dụ https://example.gov.vn/" + written
    # Our own checks raise PydanticCustomError with a Vietnamese message already.
    return error["msg"]


def translate_errors(
    exc: ValidationError,
    fields: Iterable[str] = (),
    nested_fields: Iterable[str] = (),
) -> list[tuple[Loc, str]]:
    """(location, message) for each error; the vocabularies feed "did you mean"."""
    top, nested = tuple(fields), tuple(nested_fields)
    out = []
    for error in exc.errors():
        loc = tuple(error["loc"]) + tuple((error.get("ctx") or {}).get("at", ()))
        out.append((loc, describe(error, top if len(loc) == 1 else nested)))
    return out

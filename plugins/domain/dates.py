"""Dates as the editors' contract defines them, in Asia/Ho_Chi_Minh.

Editors write ISO dates (``2017-02-24``, ``2019-06-24 10:27``,
``2019-06-24T10:27:00``) or Vietnamese day-first dates (``24/02/2017``,
``24-06-2019 10:27``, ``24.02.2017``); YAML front matter may already have turned
ISO values into ``date``/``datetime`` objects. Day-first dates are never read
month-first, and impossible dates are errors rather than being rolled over.
"""

import calendar
import re
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from functools import cache
from zoneinfo import ZoneInfo

from babel.dates import format_date, get_day_names

TZ = ZoneInfo("Asia/Ho_Chi_Minh")

_TIME = r"(?P<clock>(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?)"
_ISO = re.compile(
    r"(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})"
    rf"(?:(?:T|\s+){_TIME}(?P<offset>Z|[+-]\d{{2}}:?\d{{2}})?)?"
)
_DAY_FIRST = re.compile(
    r"(?P<day>\d{1,2})(?P<sep>[/.-])(?P<month>\d{1,2})(?P=sep)(?P<year>\d{4})"
    rf"(?:\s+{_TIME})?"
)
_HINT = "viết theo dạng ngày/tháng/năm, ví dụ 24/02/2017 hoặc 2017-02-24"


class DateError(ValueError):
    """A date editors wrote that cannot be used; the message is Vietnamese, for them."""


def _invalid(value: object) -> DateError:
    if value is None or (isinstance(value, str) and not value.strip()):
        return DateError(f"chưa ghi ngày — {_HINT}")
    shown = f'"{value}"' if isinstance(value, str) else str(value)
    return DateError(f"{shown} không phải ngày hợp lệ — {_HINT}")


def _has_time(shown: str) -> DateError:
    return DateError(f'"{shown}" có cả giờ — ở đây chỉ ghi ngày, ví dụ 24/02/2017')


def _offset(text: str) -> tzinfo:
    if text == "Z":
        return UTC
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:])
    if hours > 23 or minutes > 59:
        raise DateError(f'múi giờ "{text}" không hợp lệ')
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def _parse_string(text: str) -> tuple[date, time | None]:
    """Split an editor's string into a date and an optional time.

    The time carries a tzinfo only if the string had an ISO offset.
    """
    stripped = text.strip()
    match = _ISO.fullmatch(stripped) or _DAY_FIRST.fullmatch(stripped)
    if match is None:
        raise _invalid(text)
    year, month, day = (int(match[k]) for k in ("year", "month", "day"))
    if year == 0 or not 1 <= month <= 12:
        raise _invalid(text)
    days_in_month = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days_in_month:
        raise DateError(
            f'ngày "{stripped}" không tồn tại (tháng {month} năm {year} có {days_in_month} ngày)'
        )
    if match["hour"] is None:
        return date(year, month, day), None
    hour, minute, second = int(match["hour"]), int(match["minute"]), 0
    if match["second"] is not None:
        second = int(match["second"])
    if hour > 23 or minute > 59 or second > 59:
        raise DateError(
            f'giờ "{match["clock"]}" không tồn tại (giờ từ 0 đến 23, phút và giây từ 0 đến 59)'
        )
    offset = match.groupdict().get("offset")
    tz = _offset(offset) if offset else None
    return date(year, month, day), time(hour, minute, second, tzinfo=tz)


def _to_local(value: datetime) -> datetime:
    """Naive datetimes are local time; aware ones are converted."""
    if value.tzinfo is None:
        return value.replace(tzinfo=TZ)
    return value.astimezone(TZ)


def parse_datetime(value: object) -> datetime:
    """Aware datetime in Asia/Ho_Chi_Minh; a bare date means local midnight."""
    if isinstance(value, datetime):
        return _to_local(value)
    if isinstance(value, date):
        return datetime.combine(value, time(), TZ)
    if not isinstance(value, str):
        raise _invalid(value)
    day, clock = _parse_string(value)
    return _to_local(datetime.combine(day, clock or time()))


def parse_date(value: object) -> date:
    """Calendar date; a value that also carries a time of day is an error."""
    if isinstance(value, datetime):
        raise _has_time(value.isoformat(sep=" "))
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise _invalid(value)
    day, clock = _parse_string(value)
    if clock is not None:
        raise _has_time(value.strip())
    return day


def _local_date(value: date) -> date:
    return _to_local(value).date() if isinstance(value, datetime) else value


# Each article's date shows on many pages (its own, listings, feeds), rendered
# by several processes: Babel's pattern formatting took a tenth of a
# millisecond a date. Babel gives the names of the days (CLDR); the digits
# are the same in every locale's pattern used here.


@cache
def _weekday_names() -> dict[int, str]:
    """Monday (0) … Sunday (6) → "Thứ Hai" … "Chủ Nhật"."""
    return dict(get_day_names("wide", locale="vi"))


def format_datetime_vi(value: datetime) -> str:
    """E.g. "Thứ Sáu, 24/02/2017 10:27", in local time whatever the machine's TZ."""
    local = _to_local(value)
    return f"{_weekday_names()[local.weekday()]}, {local:%d/%m/%Y %H:%M}"


def format_date_vi(value: date) -> str:
    """E.g. "Thứ Sáu, 24/02/2017"; a datetime is first taken to local time."""
    day = _local_date(value)
    return f"{_weekday_names()[day.weekday()]}, {day:%d/%m/%Y}"


def format_short_date(value: date) -> str:
    """E.g. "24/02/2017"; a datetime is first taken to local time."""
    return f"{_local_date(value):%d/%m/%Y}"


@cache
def format_month_vi(year: int, month: int) -> str:
    """Month heading, e.g. "Tháng 2/2017" (CLDR's stand-alone month name)."""
    return format_date(date(year, month, 1), "LLLL/yyyy", locale="vi")

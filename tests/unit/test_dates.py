import re
import time
from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from plugins.domain.dates import (
    TZ,
    DateError,
    format_date_vi,
    format_datetime_vi,
    format_month_vi,
    format_short_date,
    parse_date,
    parse_datetime,
)


def local(*args: int) -> datetime:
    return datetime(*args, tzinfo=TZ)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2017-02-24", local(2017, 2, 24)),
        ("2019-06-24 10:27", local(2019, 6, 24, 10, 27)),
        ("2019-06-24T10:27:00", local(2019, 6, 24, 10, 27)),
        ("24/02/2017", local(2017, 2, 24)),
        ("24-06-2019 10:27", local(2019, 6, 24, 10, 27)),
        ("24/02/2017 10:27:05", local(2017, 2, 24, 10, 27, 5)),
        ("24.02.2017", local(2017, 2, 24)),
        ("1/2/2017", local(2017, 2, 1)),
        ("  29/02/2016 ", local(2016, 2, 29)),
        ("2019-06-24T03:27:00Z", local(2019, 6, 24, 10, 27)),
        ("2019-06-24T10:27:00+07:00", local(2019, 6, 24, 10, 27)),
        (date(2017, 2, 24), local(2017, 2, 24)),
        (datetime(2019, 6, 24, 10, 27), local(2019, 6, 24, 10, 27)),
        (datetime(2019, 6, 24, 3, 27, tzinfo=UTC), local(2019, 6, 24, 10, 27)),
    ],
)
def test_parse_datetime(value: object, expected: datetime) -> None:
    result = parse_datetime(value)
    assert result == expected
    assert result.tzinfo is TZ


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("30/02/2017", 'ngày "30/02/2017" không tồn tại (tháng 2 năm 2017 có 28 ngày)'),
        ("2017-02-30", 'ngày "2017-02-30" không tồn tại'),
        ("31/04/2017", "tháng 4 năm 2017 có 30 ngày"),
        ("29/02/2100", "tháng 2 năm 2100 có 28 ngày"),
        ("02/24/2017", '"02/24/2017" không phải ngày hợp lệ — viết theo dạng'),
        ("2017-13-01", '"2017-13-01" không phải ngày hợp lệ'),
        ("24/02/2017 25:61", 'giờ "25:61" không tồn tại'),
        ("2019-06-24 10:60", 'giờ "10:60" không tồn tại'),
        ("24/02/17", '"24/02/17" không phải ngày hợp lệ'),
        ("24/02-2017", "không phải ngày hợp lệ"),
        ("hôm qua", '"hôm qua" không phải ngày hợp lệ'),
        ("2019-06-24T10:27:00+25:00", 'múi giờ "+25:00" không hợp lệ'),
        ("", "chưa ghi ngày"),
        (None, "chưa ghi ngày"),
        (20170224, "20170224 không phải ngày hợp lệ"),
        (["24/02/2017"], "không phải ngày hợp lệ"),
    ],
)
def test_parse_datetime_errors(value: object, message: str) -> None:
    with pytest.raises(DateError, match=re.escape(message)):
        parse_datetime(value)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2017-02-24", date(2017, 2, 24)),
        ("24/02/2017", date(2017, 2, 24)),
        ("24.02.2017", date(2017, 2, 24)),
        ("24-02-2017", date(2017, 2, 24)),
        (date(2017, 2, 24), date(2017, 2, 24)),
    ],
)
def test_parse_date(value: object, expected: date) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("24/02/2017 10:27", '"24/02/2017 10:27" có cả giờ'),
        ("2019-06-24T10:27:00", "có cả giờ"),
        (datetime(2019, 6, 24, 10, 27), '"2019-06-24 10:27:00" có cả giờ'),
        ("30/02/2017", "không tồn tại"),
        ("02/24/2017", "không phải ngày hợp lệ"),
        (3.5, "không phải ngày hợp lệ"),
    ],
)
def test_parse_date_errors(value: object, message: str) -> None:
    with pytest.raises(DateError, match=re.escape(message)):
        parse_date(value)


def test_date_error_is_value_error() -> None:
    with pytest.raises(ValueError, match="không tồn tại"):
        parse_date("30/02/2017")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (local(2017, 2, 24, 10, 27), "Thứ Sáu, 24/02/2017 10:27"),
        (datetime(2017, 2, 24, 10, 27), "Thứ Sáu, 24/02/2017 10:27"),
        (datetime(2017, 2, 24, 20, 5, tzinfo=UTC), "Thứ Bảy, 25/02/2017 03:05"),
        (local(2019, 6, 23, 8, 0), "Chủ Nhật, 23/06/2019 08:00"),
    ],
)
def test_format_datetime_vi(value: datetime, expected: str) -> None:
    assert format_datetime_vi(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (date(2017, 2, 24), "Thứ Sáu, 24/02/2017"),
        (date(2017, 2, 20), "Thứ Hai, 20/02/2017"),
        (datetime(2017, 2, 24, 20, 5, tzinfo=UTC), "Thứ Bảy, 25/02/2017"),
    ],
)
def test_format_date_vi(value: date, expected: str) -> None:
    assert format_date_vi(value) == expected


def test_format_short_date() -> None:
    assert format_short_date(date(2017, 2, 4)) == "04/02/2017"
    assert format_short_date(datetime(2017, 2, 24, 20, 5, tzinfo=UTC)) == "25/02/2017"


@pytest.mark.parametrize(
    ("year", "month", "expected"),
    [(2017, 2, "Tháng 2/2017"), (2019, 12, "Tháng 12/2019")],
)
def test_format_month_vi(year: int, month: int, expected: str) -> None:
    assert format_month_vi(year, month) == expected


@pytest.mark.parametrize("machine_tz", ["UTC", "America/New_York", "Asia/Tokyo"])
def test_machine_timezone_is_irrelevant(monkeypatch: pytest.MonkeyPatch, machine_tz: str) -> None:
    monkeypatch.setenv("TZ", machine_tz)
    time.tzset()
    try:
        assert parse_datetime("24/02/2017 10:27") == local(2017, 2, 24, 10, 27)
        moment = datetime(2017, 2, 24, 3, 27, tzinfo=timezone(timedelta(hours=-5)))
        assert format_datetime_vi(moment) == "Thứ Sáu, 24/02/2017 15:27"
        assert format_date_vi(datetime(2017, 2, 24, 23, 0)) == "Thứ Sáu, 24/02/2017"
    finally:
        monkeypatch.undo()
        time.tzset()


def test_formats_are_babels_on_every_day_of_the_week() -> None:
    from babel.dates import format_date, format_datetime

    for day in [date(2017, 2, 20) + timedelta(days=n) for n in range(7)] + [date(2099, 12, 31)]:
        moment = datetime(day.year, day.month, day.day, 23, 59, tzinfo=TZ)
        assert format_datetime_vi(moment) == format_datetime(
            moment, "EEEE, dd/MM/yyyy HH:mm", tzinfo=TZ, locale="vi"
        )
        assert format_date_vi(day) == format_date(day, "EEEE, dd/MM/yyyy", locale="vi")
        assert format_short_date(day) == format_date(day, "dd/MM/yyyy", locale="vi")

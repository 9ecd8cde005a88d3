"""Korean public holidays: names in Korean, lunar and substitute days, one computation per year."""

import datetime as dt
import threading

from panelapp.domain import holidays_kr
from panelapp.domain.holidays_kr import holiday_name, holidays_between, is_warm, warm


def test_names_lunar_days_and_ordinary_days():
    assert holiday_name(dt.date(2026, 10, 9)) == "한글날"
    assert holiday_name(dt.date(2026, 2, 17)) == "설날"  # lunar new year, computed by the package
    assert holiday_name(dt.date(2026, 3, 10)) is None
    between = holidays_between(dt.date(2026, 12, 20), dt.date(2027, 1, 5))
    assert list(between) == sorted(between) and between[dt.date(2026, 12, 25)] == "기독탄신일"
    assert dt.date(2027, 1, 1) in between  # a range across the new year reads both years


def test_warm_computes_each_year_once_whichever_thread_asks(monkeypatch):
    monkeypatch.setattr(holidays_kr, "_YEARS", {})
    import holidays

    calls = []
    real = holidays.country_holidays

    def counting(*args, **kwargs):
        calls.append(kwargs.get("years"))
        return real(*args, **kwargs)

    monkeypatch.setattr(holidays, "country_holidays", counting)
    assert not is_warm(2031)
    workers = [threading.Thread(target=warm, args=([2030, 2031],)) for _ in range(4)]
    for w in workers:
        w.start()
    holiday_name(dt.date(2031, 5, 5))  # the UI thread asks while the workers compute
    for w in workers:
        w.join()
    assert sorted(calls) == [2030, 2031] and is_warm(2030) and is_warm(2031)
    assert holiday_name(dt.date(2031, 5, 5)) == "어린이날" and len(calls) == 2


def test_names_as_a_korean_calendar_prints_them():
    """1 January is 신정, one day (not "신정연휴"); substitute days are 대체공휴일; two holidays on
    one day are joined with a middle dot, not the package's "; "."""
    for year in (2025, 2026, 2027, 2028):
        assert holiday_name(dt.date(year, 1, 1)) == "신정"
        assert holiday_name(dt.date(year, 1, 2)) is None
    assert holiday_name(dt.date(2026, 3, 2)) == "삼일절 대체공휴일"
    assert holiday_name(dt.date(2025, 10, 8)) == "추석 대체공휴일"
    assert holiday_name(dt.date(2025, 5, 5)) == "부처님오신날·어린이날"
    assert holiday_name(dt.date(2025, 5, 6)) == "부처님오신날 대체공휴일·어린이날 대체공휴일"
    assert holiday_name(dt.date(2028, 10, 3)) == "개천절·추석"
    assert holiday_name(dt.date(2026, 2, 17)) == "설날" and holiday_name(dt.date(2026, 2, 16)) == "설날 전날"
    names = set(holidays_between(dt.date(2024, 1, 1), dt.date(2030, 12, 31)).values())
    assert not any("연휴" in n or ";" in n or "대체 휴일" in n for n in names), names

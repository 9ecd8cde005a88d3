"""The columns of a roster file: Korean or English headers in any order, and cell parsers.

Shared by the import (header → field), the template (headers, example, explanations) and
the export (the same headers, so an exported file can be imported again). The import and the
template also know 활동시작일 (IMPORT_COLUMNS): the day the member starts in the cohort, the
cohort's term start when left out; the export writes its own 활동 시작일 column after the
import's ones, the start in the cohort it came from, which an import into another cohort
does not read (a file with the export's 상태 and 탈퇴일 columns is taken as an exported roster).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from panelapp.domain.enums import Gender, MemberRole
from panelapp.domain.errors import ValidationError
from panelapp.domain.josa import quoted


@dataclass(frozen=True)
class Column:
    key: str
    label: str  # the Korean header, also the "열" of every problem reported
    aliases: tuple[str, ...]
    required: bool
    example: str
    help: str


COLUMNS: tuple[Column, ...] = (
    Column(
        "name",
        "이름",
        ("성명", "name", "fullname"),
        True,
        "홍길동",
        "단원의 이름. 숫자는 넣을 수 없습니다(50자 이내).",
    ),
    Column(
        "phone",
        "휴대전화",
        (
            "휴대폰",
            "휴대폰번호",
            "휴대전화번호",
            "핸드폰",
            "전화번호",
            "연락처",
            "phone",
            "mobile",
            "cellphone",
        ),
        True,
        "010-1234-5678",
        "휴대전화 번호. 01012345678, 010-1234-5678 모두 됩니다. 한 기수 안에서 겹칠 수 없습니다.",
    ),
    Column(
        "email",
        "이메일",
        ("전자우편", "메일", "email", "e-mail", "mail"),
        False,
        "hong@example.kr",
        "이메일 주소(선택).",
    ),
    Column(
        "district",
        "거주지",
        ("주소", "거주지역", "사는곳", "district", "address"),
        False,
        "중구 명동",
        "사는 곳(구·동 정도, 50자 이내, 선택).",
    ),
    Column(
        "birth_year",
        "출생연도",
        ("출생년도", "생년", "birthyear", "birth_year", "born"),
        False,
        "1985",
        "태어난 해 네 자리(선택). 예: 1985",
    ),
    Column("gender", "성별", ("gender", "sex"), False, "여", "여 / 남 (비우면 미기재)."),
    Column(
        "team",
        "소속",
        ("소속단", "단", "팀", "team"),
        False,
        "정책동행단",
        "이 기수의 단 이름과 똑같이 적습니다(비우면 소속 없음).",
    ),
    Column("role", "역할", ("직책", "role"), False, "단원", "단장 / 조장 / 단원 (비우면 단원)."),
    Column(
        "consent_date",
        "개인정보동의일",
        ("동의일", "개인정보동의일자", "동의일자", "consentdate", "consent_date", "consent"),
        True,
        "2026-03-02",
        "개인정보 수집·이용 동의서에 서명한 날짜(필수). 예: 2026-03-02. 동의가 없으면 등록할 수 없습니다.",
    ),
)
JOINED_ON = Column(
    "joined_on",
    "활동시작일",
    ("활동시작", "시작일", "가입일", "활동개시일", "joinedon", "joined_on", "joindate", "startdate"),
    False,
    "2026-03-02",
    "이 기수에서 활동을 시작한 날(선택). 예: 2026-03-02. 비우거나 열이 없으면 기수의 활동 "
    "시작일로 합니다. 기수 중간에 들어온 단원만 적으세요: 출석률은 이날 이후의 활동으로 셉니다.",
)
IMPORT_COLUMNS: tuple[Column, ...] = (*COLUMNS, JOINED_ON)
BY_KEY = {c.key: c for c in IMPORT_COLUMNS}
_GENDERS = {
    "여": Gender.FEMALE,
    "여성": Gender.FEMALE,
    "여자": Gender.FEMALE,
    "f": Gender.FEMALE,
    "female": Gender.FEMALE,
    "남": Gender.MALE,
    "남성": Gender.MALE,
    "남자": Gender.MALE,
    "m": Gender.MALE,
    "male": Gender.MALE,
    "미기재": Gender.UNSPECIFIED,
}
_ROLES = {
    "단장": MemberRole.CHIEF,
    "조장": MemberRole.LEADER,
    "팀장": MemberRole.LEADER,
    "단원": MemberRole.MEMBER,
    "chief": MemberRole.CHIEF,
    "leader": MemberRole.LEADER,
    "member": MemberRole.MEMBER,
}


def header_key(text: str) -> str:
    """ "이름(필수)", " Name ", "consent_date*" → a comparable key: no case, spaces, marks."""
    text = re.sub(r"\(.*?\)|\[.*?\]", "", text or "")
    return re.sub(r"[\s_\-*.·:]", "", text).lower()


_LOOKUP = {header_key(alias): c.key for c in IMPORT_COLUMNS for alias in (c.label, *c.aliases)}
# columns only an exported roster has (services/roster_io/export.py): its 활동 시작일 is the start
# in the cohort it was exported from
_EXPORT_MARKS = {header_key("상태"), header_key("탈퇴일")}


@dataclass(frozen=True)
class HeaderMap:
    index: dict[str, int]  # field key → column position
    unknown: tuple[str, ...]  # headers that name no field: reported, then ignored
    errors: tuple[str, ...]  # missing required or repeated columns: nothing can be read


def map_header(header: tuple[str, ...] | list[str]) -> HeaderMap:
    index: dict[str, int] = {}
    unknown: list[str] = []
    errors: list[str] = []
    for pos, text in enumerate(header):
        if not (text or "").strip():
            continue
        key = _LOOKUP.get(header_key(text))
        if key is None:
            unknown.append(text.strip())
        elif key in index:
            errors.append(
                f"'{BY_KEY[key].label}' 열이 두 번 있습니다({header[index[key]]}, {text}). 하나만 남겨 주세요."
            )
        else:
            index[key] = pos
    if "joined_on" in index and _EXPORT_MARKS <= {header_key(t) for t in header if t}:
        unknown.append(header[index.pop("joined_on")].strip())
    for column in COLUMNS:
        if column.required and column.key not in index:
            errors.append(f"필수 열 {quoted(column.label, '이')} 없습니다. 첫 행의 열 이름을 확인해 주세요.")
    return HeaderMap(index, tuple(unknown), tuple(errors))


def is_template_example(name: str, phone: str) -> bool:
    """The template's example person (홍길동, 010-1234-5678): templates made before it moved to
    the 작성 안내 sheet carry it in row 2, and it was imported as a real member when left in."""
    if " ".join(name.split()) != BY_KEY["name"].example:
        return False
    return _digits(phone) == _digits(BY_KEY["phone"].example)


def _digits(phone: str) -> str:
    """010-1234-5678 and 1012345678 (Excel dropped the 0) alike."""
    return re.sub(r"\D", "", phone).lstrip("0")


def parse_gender(text: str) -> Gender:
    text = (text or "").strip()
    if not text:
        return Gender.UNSPECIFIED
    found = _GENDERS.get(text.lower())
    if found is None:
        raise ValidationError(
            "성별", f"{quoted(text, '은')} 알 수 없는 성별입니다. 여 / 남 중 하나로 적거나 비워 두세요."
        )
    return found


def parse_role(text: str) -> MemberRole:
    text = (text or "").strip()
    if not text:
        return MemberRole.MEMBER
    found = _ROLES.get(text.lower())
    if found is None:
        raise ValidationError(
            "역할", f"{quoted(text, '은')} 알 수 없는 역할입니다. 단장 / 조장 / 단원 중 하나로 적어 주세요."
        )
    return found


_DATE = re.compile(r"^(\d{4})\s*[-./년]\s*(\d{1,2})\s*[-./월]\s*(\d{1,2})\s*[.일]?$")
_EXCEL_EPOCH = dt.date(1899, 12, 30)


def parse_optional_date(text: str, field: str) -> dt.date | None:
    """parse_date for a column that may be left empty (None)."""
    return parse_date(text, field) if (text or "").strip() else None


def parse_date(text: str, field: str = "개인정보동의일") -> dt.date:
    """2026-03-02, 2026.3.2, 2026. 3. 2., 2026/03/02, 2026년 3월 2일, 20260302, Excel serial."""
    raw = (text or "").strip()
    if not raw:
        raise ValidationError(field, "날짜를 입력해 주세요. 동의일이 없으면 등록할 수 없습니다.")
    value = raw.split(" ")[0] if re.match(r"^\d{4}-\d\d-\d\d \d", raw) else raw
    try:
        if m := _DATE.match(value):
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        if re.fullmatch(r"\d{8}", value):
            return dt.date(int(value[:4]), int(value[4:6]), int(value[6:]))
        if re.fullmatch(r"\d{5}", value):  # a date cell Excel exported as its serial number
            return _EXCEL_EPOCH + dt.timedelta(days=int(value))
    except ValueError:
        raise ValidationError(field, f"{quoted(raw, '은')} 없는 날짜입니다.") from None
    raise ValidationError(field, f"{quoted(raw, '은')} 날짜 형식이 아닙니다. 예: 2026-03-02")

"""Korean text material for the scale database: places, facilities, findings, proposals, notes.

Every text is built as a tuple of parts (the stored string is their concatenation), so the
search postings can be computed from cached per-part grams (grams.py) instead of re-cutting a
million similar sentences. Findings reuse the word lists of benchmarks/search_data.py, so
"화장", "계단", "조명" hit a few percent of them, as in the search benchmark.
"""

from __future__ import annotations

import random

from benchmarks.search_data import OBJECTS, PLACES, PROBLEMS, REMARKS

GU = ["중구", "동구", "서구", "남구", "북구", "수성구", "달서구", "유성구"]
DONG = [
    "대흥동",
    "은행동",
    "가양동",
    "용전동",
    "둔산동",
    "탄방동",
    "새봄동",
    "강변동",
    "하늘동",
    "꿈나무동",
    "범어동",
    "상인동",
    "산격동",
    "신암동",
    "내당동",
    "명동",
    "동인동",
    "대명동",
    "월평동",
    "관저동",
    "노은동",
    "봉명동",
    "도마동",
    "갈마동",
    "만년동",
    "복수동",
    "송촌동",
    "법동",
    "오정동",
    "중리동",
]
ROADS = [
    "공단로",
    "체육관로",
    "호수공원길",
    "시청로",
    "중앙로",
    "문화로",
    "강변로",
    "역전로",
    "새봄로",
    "하늘공원로",
]

# (kind of place, facility type name, department name)
FACILITY_KINDS = [
    ("국민체육센터", "체육시설", "체육사업부"),
    ("실내수영장", "체육시설", "체육사업부"),
    ("테니스장", "체육시설", "체육사업부"),
    ("생활체육관", "체육시설", "체육사업부"),
    ("공영주차장", "주차장", "주차사업부"),
    ("환승주차장", "주차장", "교통사업부"),
    ("노상주차장", "주차장", "주차사업부"),
    ("근린공원", "공원", "공원녹지부"),
    ("어린이공원", "공원", "공원녹지부"),
    ("체육공원", "공원", "공원녹지부"),
    ("문화센터", "문화시설", "문화시설부"),
    ("작은도서관", "문화시설", "문화시설부"),
    ("청소년수련관", "문화시설", "청소년사업부"),
    ("추모공원 봉안당", "장사시설", "장사시설부"),
    ("행정복지센터", "청사", "경영지원부"),
    ("공단 민원실", "청사", "경영지원부"),
    ("공공자전거 대여소", "기타", "안전관리부"),
    ("경로당", "기타", "복지사업부"),
    ("공중화장실", "기타", "시설관리부"),
    ("버스 승강장", "기타", "교통사업부"),
]

# (name, contact person, phone, email); the first seven are the demo's.
DEPARTMENTS = [
    ("경영지원부", "문지혜", "042-610-1110", "support@hanbit-fmc.or.kr"),
    ("체육사업부", "강민호", "042-610-1210", "sports@hanbit-fmc.or.kr"),
    ("주차사업부", "서은영", "042-610-1310", "parking@hanbit-fmc.or.kr"),
    ("공원녹지부", "조현우", "042-610-1410", "parks@hanbit-fmc.or.kr"),
    ("문화시설부", "윤다은", "042-610-1510", "culture@hanbit-fmc.or.kr"),
    ("장사시설부", "임재성", "042-610-1610", "memorial@hanbit-fmc.or.kr"),
    ("안전관리부", "한상철", "042-610-1710", "safety@hanbit-fmc.or.kr"),
    ("복지사업부", "오미란", "042-610-1810", "welfare@hanbit-fmc.or.kr"),
    ("교통사업부", "김태식", "042-610-1910", "traffic@hanbit-fmc.or.kr"),
    ("시설관리부", "박준영", "042-610-2010", "facility@hanbit-fmc.or.kr"),
    ("청소년사업부", "이수진", "042-610-2110", "youth@hanbit-fmc.or.kr"),
    ("홍보협력부", "정하나", "042-610-2210", "pr@hanbit-fmc.or.kr"),
]

EVENT_TITLES = {
    "launch": ["제7기 시민참여단 발대식"],
    "training": [
        "시설 점검 기본교육",
        "개인정보 보호와 안전 교육",
        "콘텐츠 제작·사진 촬영 교육",
        "장애인 편의시설 이해 교육",
        "점검표 작성 실습",
        "민원 응대와 소통 교육",
    ],
    "meeting": ["활동 간담회", "조장 회의", "분과별 토론회", "담당부서와의 간담회"],
    "other": ["우수 공공시설 견학", "시민참여단 워크숍"],
}
EVENT_PLACES = [
    "공단 본관 대회의실",
    "한빛문화예술회관 소공연장",
    "어린이회관 세미나실",
    "한빛호수공원 방문자센터",
]

ACTIONS = [
    "보수",
    "교체",
    "정비",
    "개선",
    "추가 설치",
    "위치 조정",
    "청소 강화",
    "점검 요청",
    "철거",
    "재도색",
]
PROPOSAL_SENTENCES = [
    "조속히 보수하고 정기 점검 주기를 줄여 주시기 바랍니다.",
    "새 제품으로 교체하고 관리 담당자를 지정해 주시기 바랍니다.",
    "이용객 동선에 맞게 위치를 옮겨 주시기 바랍니다.",
    "임시 안내 표지를 세우고 예산을 확보해 정비해 주시기 바랍니다.",
    "청소와 점검 주기를 늘리고 점검 기록을 게시해 주시기 바랍니다.",
    "어르신과 어린이도 쓰기 쉽게 높이를 낮춰 주시기 바랍니다.",
    "야간에도 잘 보이도록 조명과 반사 표지를 더해 주시기 바랍니다.",
    "휠체어 이용자가 지나갈 수 있게 폭을 넓혀 주시기 바랍니다.",
]
EFFECTS = [
    "낙상 사고 예방",
    "이용객 만족도 향상",
    "교통약자 이동 편의 증진",
    "민원 감소",
    "야간 안전 확보",
    "쾌적한 이용 환경",
]
ANSWERS = [
    "현장을 확인했고 다음 달까지 보수하겠습니다.",
    "예산을 확보해 하반기에 교체하겠습니다.",
    "바로 조치했고 점검 주기도 줄였습니다.",
    "담당 직원을 지정해 매주 확인하겠습니다.",
    "일부 구역부터 우선 정비하고 나머지는 내년에 하겠습니다.",
    "업체와 협의해 이번 주 안에 고치겠습니다.",
]
DECLINE_REASONS = [
    "문화재 보호구역이라 구조 변경이 어렵습니다.",
    "올해 예산이 모두 집행되어 내년에 다시 검토하겠습니다.",
    "관련 법령상 설치 기준에 맞지 않습니다.",
    "시설 소유 기관이 달라 공단이 조치할 수 없습니다.",
]
SUBMIT_NOTES = ("제안 접수",)
STEP_NOTES = {
    "reviewing": "담당부서에 전달",
    "in_progress": "부서 조치 착수",
    "done": "조치 완료 확인(현장 사진 첨부)",
}
REVIEW_WORDS = ["꼼꼼하게", "빠르게", "친절하게", "깨끗하게"]


def facility_name(rnd: random.Random, kind: str, taken: set[str]) -> str:
    dong = rnd.choice(DONG)
    name = f"{dong} {kind}"
    n = 2
    while name in taken:
        name = f"{dong} 제{n} {kind}"
        n += 1
    taken.add(name)
    return name


def address(rnd: random.Random) -> str:
    return f"한빛시 {rnd.choice(GU)} {rnd.choice(ROADS)} {rnd.randint(1, 400)}"


def finding_parts(rnd: random.Random) -> tuple[tuple[str, ...], tuple[str, ...], str]:
    """(title parts, description parts, location): the stored texts are the joined parts."""
    place, obj, problem = rnd.choice(PLACES), rnd.choice(OBJECTS), rnd.choice(PROBLEMS)
    title = (obj, " ", problem) if rnd.random() < 0.7 else (place, " ", obj, " ", problem)
    remarks: tuple[str, ...] = (rnd.choice(REMARKS),)
    if rnd.random() < 0.35:
        remarks += (" ", rnd.choice(REMARKS))
    description = (place, "의 ", obj, "이(가) ", problem, " 상태입니다. ", *remarks)
    return title, description, place


def proposal_parts(rnd: random.Random, finding_title: tuple[str, ...], finding_desc: tuple[str, ...]):
    """(title, problem, proposal, expected effect) parts for a proposal following a finding."""
    obj = finding_title[-3] if len(finding_title) >= 3 else finding_title[0]
    title = (
        (*finding_title[:-1], rnd.choice(ACTIONS)) if rnd.random() < 0.6 else (obj, " ", rnd.choice(ACTIONS))
    )
    proposal = (obj, "을(를) ", rnd.choice(PROPOSAL_SENTENCES))
    return title, finding_desc, proposal, rnd.choice(EFFECTS)

"""Fixed material for the demo database: an invented institution, its places and people.

Every name, number and address here is made up; the phone numbers are generated (see demo.py).
"""

from __future__ import annotations

ORGANIZATION = {
    "name": "한빛시설관리공단",
    "address": "한빛시 중구 공단로 25 한빛시설관리공단 본관",
    "phone": "042-610-1000",
    # the 결재란 of printed documents, left to right
    "signoff_titles": ["담당", "팀장", "부장", "이사장"],
}

# (name, contact person = 시민소통관, phone, email)
DEPARTMENTS = [
    ("경영지원부", "문지혜", "042-610-1110", "support@hanbit-fmc.or.kr"),
    ("체육사업부", "강민호", "042-610-1210", "sports@hanbit-fmc.or.kr"),
    ("주차사업부", "서은영", "042-610-1310", "parking@hanbit-fmc.or.kr"),
    ("공원녹지부", "조현우", "042-610-1410", "parks@hanbit-fmc.or.kr"),
    ("문화시설부", "윤다은", "042-610-1510", "culture@hanbit-fmc.or.kr"),
    ("장사시설부", "임재성", "042-610-1610", "memorial@hanbit-fmc.or.kr"),
    ("안전관리부", "한상철", "042-610-1710", "safety@hanbit-fmc.or.kr"),
]

FACILITY_TYPES = ["체육시설", "주차장", "공원", "문화시설", "장사시설", "청사", "기타"]

# (name, type, address, department)
FACILITIES = [
    ("한빛국민체육센터", "체육시설", "한빛시 중구 체육관로 40", "체육사업부"),
    ("중앙실내수영장", "체육시설", "한빛시 서구 둔지로 118", "체육사업부"),
    ("동부테니스장", "체육시설", "한빛시 동구 가양로 77", "체육사업부"),
    ("시청 공영주차장", "주차장", "한빛시 중구 시청로 12", "주차사업부"),
    ("중앙시장 공영주차장", "주차장", "한빛시 중구 중앙로 203", "주차사업부"),
    ("한빛역 환승주차장", "주차장", "한빛시 동구 역전로 5", "주차사업부"),
    ("한빛호수공원", "공원", "한빛시 서구 호수공원길 1", "공원녹지부"),
    ("새봄근린공원", "공원", "한빛시 남구 새봄로 60", "공원녹지부"),
    ("한빛문화예술회관", "문화시설", "한빛시 서구 문화로 100", "문화시설부"),
    ("어린이회관", "문화시설", "한빛시 북구 꿈나무길 21", "문화시설부"),
    ("한빛추모공원 봉안당", "장사시설", "한빛시 북구 하늘공원로 300", "장사시설부"),
    ("한빛하늘공원 화장시설", "장사시설", "한빛시 북구 하늘공원로 320", "장사시설부"),
    ("공단 본관 민원실", "청사", "한빛시 중구 공단로 25", "경영지원부"),
    ("공공자전거 관리센터", "기타", "한빛시 남구 강변로 88", "안전관리부"),
]

# Unique full names; the first ones serve in both cohorts (see demo.py).
NAMES = [
    "김민준",
    "이서연",
    "박지훈",
    "최수빈",
    "정예린",
    "강도윤",
    "조하은",
    "윤시우",
    "장서윤",
    "임준호",
    "한지민",
    "오승현",
    "서유진",
    "신동현",
    "권나연",
    "황태민",
    "안소희",
    "송재원",
    "류하늘",
    "전민서",
    "홍성민",
    "고은비",
    "문정호",
    "양지아",
    "손우진",
    "배수아",
    "백승우",
    "허윤정",
    "남궁현",
    "노은서",
    "하준영",
    "곽미경",
    "성지호",
    "차다인",
    "주현수",
    "우채원",
    "구본석",
    "민가영",
    "진영수",
    "나혜원",
    "엄태식",
    "변수정",
    "여상훈",
    "추은지",
    "도현아",
    "마성진",
    "편지수",
    "석민혁",
    "길보라",
    "표정우",
    "천예진",
    "방현철",
    "공소연",
    "염동수",
    "탁민지",
    "봉재희",
    "설은혜",
    "인태호",
    "제갈윤",
    "선우민",
]

# Names above that belong to women; the rest are men's (a few members leave gender unstated).
FEMALE = {
    "이서연",
    "최수빈",
    "정예린",
    "조하은",
    "장서윤",
    "한지민",
    "서유진",
    "권나연",
    "안소희",
    "전민서",
    "고은비",
    "양지아",
    "배수아",
    "허윤정",
    "노은서",
    "곽미경",
    "차다인",
    "우채원",
    "민가영",
    "나혜원",
    "변수정",
    "추은지",
    "도현아",
    "편지수",
    "길보라",
    "천예진",
    "공소연",
    "탁민지",
    "봉재희",
    "설은혜",
}

# Staff who use the app besides the first administrator: (name, role value).
USERS = [("정다운", "coordinator"), ("백현정", "lead")]
# The accounts `panelapp demo --password PW` makes, one per role (issue 12 item 3); the
# 부서 담당자 answers for the first department below.
ACCOUNTS = [
    ("관리자", "admin"),
    ("담당자", "coordinator"),
    ("조장", "lead"),
    ("부서담당", "department"),
    ("열람자", "viewer"),
]

DISTRICTS = [
    "중구 대흥동",
    "중구 은행동",
    "동구 가양동",
    "동구 용전동",
    "서구 둔산동",
    "서구 탄방동",
    "남구 새봄동",
    "남구 강변동",
    "북구 하늘동",
    "북구 꿈나무동",
]

WITHDRAW_REASONS = ["타 지역 이사", "건강상의 이유", "직장 일정으로 활동 곤란"]
ABSENCE_NOTES = ["사전 연락", "개인 사정", None]

# Cohort 7's events: (kind value, title, date, start hour, hours, location)
EVENTS_7 = [
    ("launch", "제7기 시민참여단 발대식", (2026, 3, 14), 14, 3.0, "한빛문화예술회관 소공연장"),
    ("training", "시설 점검 기본교육", (2026, 3, 28), 10, 2.0, "공단 본관 대회의실"),
    ("training", "개인정보 보호와 안전 교육", (2026, 4, 18), 10, 2.0, "공단 본관 대회의실"),
    ("training", "콘텐츠 제작·사진 촬영 교육", (2026, 5, 16), 10, 2.5, "어린이회관 세미나실"),
    ("meeting", "상반기 활동 간담회", (2026, 7, 8), 15, 2.0, "공단 본관 대회의실"),
    ("other", "우수 공공시설 견학", (2026, 9, 5), 9, 4.0, "인근 시 공공시설"),
    ("meeting", "하반기 활동 간담회", (2026, 10, 21), 15, 2.0, "한빛호수공원 방문자센터"),
]

# Cohort 6 (previous year), a shorter record.
EVENTS_6 = [
    ("launch", "제6기 시민참여단 발대식", (2025, 3, 15), 14, 3.0, "한빛문화예술회관 소공연장"),
    ("training", "시설 점검 기본교육", (2025, 4, 5), 10, 2.0, "공단 본관 대회의실"),
    ("meeting", "연말 활동 간담회 및 수료식", (2025, 12, 10), 15, 2.0, "공단 본관 대회의실"),
]

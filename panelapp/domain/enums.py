"""Status and kind enums, with the one Korean label table the UI and reports use."""

from __future__ import annotations

import enum
from typing import Self


class LabeledEnum(str, enum.Enum):
    """A string enum stored by value; `.label` is its Korean name."""

    @property
    def label(self) -> str:
        return _LABELS[(type(self), self.value)]

    @classmethod
    def from_label(cls, text: str) -> Self:
        text = text.strip()
        for member in cls:
            if member.label == text or member.value == text:
                return member
        raise ValueError(text)

    @classmethod
    def choices(cls) -> list[tuple[str, LabeledEnum]]:
        return [(m.label, m) for m in cls]


class UserRole(LabeledEnum):
    ADMIN = "admin"
    COORDINATOR = "coordinator"
    LEAD = "lead"
    DEPARTMENT = "department"
    VIEWER = "viewer"


class AccountAction(LabeledEnum):
    """What the permission history (권한 변경 이력) records about an account."""

    CREATED = "created"
    ROLE_CHANGED = "role_changed"
    LOCKED = "locked"
    LOCKED_BY_FAILURES = "locked_failures"
    UNLOCKED = "unlocked"
    PASSWORD_RESET = "password_reset"
    PASSWORD_CHANGED = "password_changed"
    DEACTIVATED = "deactivated"
    REACTIVATED = "reactivated"


class CohortStatus(LabeledEnum):
    RECRUITING = "recruiting"
    ACTIVE = "active"
    CLOSED = "closed"


class TeamKind(LabeledEnum):
    INSPECTION = "inspection"
    NEWS = "news"
    CUSTOM = "custom"


class MemberRole(LabeledEnum):
    CHIEF = "chief"
    LEADER = "leader"
    MEMBER = "member"


class EnrollmentStatus(LabeledEnum):
    ACTIVE = "active"
    WITHDRAWN = "withdrawn"
    COMPLETED = "completed"


class Gender(LabeledEnum):
    FEMALE = "female"
    MALE = "male"
    UNSPECIFIED = "unspecified"


class ConsentMethod(LabeledEnum):
    WRITTEN = "written"
    ONLINE = "online"
    PHONE = "phone"


class EventKind(LabeledEnum):
    LAUNCH = "launch"
    TRAINING = "training"
    MEETING = "meeting"
    INSPECTION = "inspection"
    OTHER = "other"


class ChecklistItemKind(LabeledEnum):
    YES_NO = "yes_no"
    SCORE = "score"
    TEXT = "text"


class InspectionStatus(LabeledEnum):
    PLANNED = "planned"
    COMPLETED = "completed"
    POSTPONED = "postponed"
    CANCELLED = "cancelled"


class AssignmentRole(LabeledEnum):
    LEAD = "lead"
    MEMBER = "member"


class Severity(LabeledEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    URGENT = "urgent"


class FindingCategory(LabeledEnum):
    SAFETY = "safety"
    STRUCTURE = "structure"
    CLEANLINESS = "cleanliness"
    ACCESSIBILITY = "accessibility"
    SIGNAGE = "signage"
    SERVICE = "service"
    OTHER = "other"


class ProposalStatus(LabeledEnum):
    SUBMITTED = "submitted"
    REVIEWING = "reviewing"
    ACCEPTED = "accepted"
    PARTIAL = "partial"
    DECLINED = "declined"
    IN_PROGRESS = "in_progress"
    DONE = "done"


class VerificationOutcome(LabeledEnum):
    """현장 확인: what the next visit found of a completed proposal."""

    CONFIRMED = "confirmed"
    INSUFFICIENT = "insufficient"


class FeedbackKind(LabeledEnum):
    LIKE = "like"
    DISLIKE = "dislike"


class FeedbackSource(LabeledEnum):
    BOARD = "board"
    WEBSITE = "website"
    SNS = "sns"
    PHONE = "phone"


class ContentChannel(LabeledEnum):
    BLOG = "blog"
    INSTAGRAM = "instagram"
    YOUTUBE = "youtube"
    HOMEPAGE = "homepage"
    OTHER = "other"


# Keyed by (class, value): str-valued members of different enums compare equal ("active").
_LABEL_PAIRS: list[tuple[enum.Enum, str]] = [
    (UserRole.ADMIN, "관리자"),
    (UserRole.COORDINATOR, "담당자"),
    (UserRole.LEAD, "점검 조장"),
    (UserRole.DEPARTMENT, "부서 담당자"),
    (UserRole.VIEWER, "열람자"),
    (AccountAction.CREATED, "계정 생성"),
    (AccountAction.ROLE_CHANGED, "역할 변경"),
    (AccountAction.LOCKED, "잠금"),
    (AccountAction.LOCKED_BY_FAILURES, "로그인 5회 실패로 잠금"),
    (AccountAction.UNLOCKED, "잠금 해제"),
    (AccountAction.PASSWORD_RESET, "비밀번호 초기화"),
    (AccountAction.PASSWORD_CHANGED, "비밀번호 변경"),
    (AccountAction.DEACTIVATED, "사용 중지"),
    (AccountAction.REACTIVATED, "다시 사용"),
    (CohortStatus.RECRUITING, "모집중"),
    (CohortStatus.ACTIVE, "활동중"),
    (CohortStatus.CLOSED, "종료"),
    (TeamKind.INSPECTION, "정책동행단(점검)"),
    (TeamKind.NEWS, "소식이음단(콘텐츠)"),
    (TeamKind.CUSTOM, "기타"),
    (MemberRole.CHIEF, "단장"),
    (MemberRole.LEADER, "조장"),
    (MemberRole.MEMBER, "단원"),
    (EnrollmentStatus.ACTIVE, "활동"),
    (EnrollmentStatus.WITHDRAWN, "탈퇴"),
    (EnrollmentStatus.COMPLETED, "수료"),
    (Gender.FEMALE, "여"),
    (Gender.MALE, "남"),
    (Gender.UNSPECIFIED, "미기재"),
    (ConsentMethod.WRITTEN, "서면"),
    (ConsentMethod.ONLINE, "온라인"),
    (ConsentMethod.PHONE, "전화"),
    (EventKind.LAUNCH, "발대식"),
    (EventKind.TRAINING, "교육"),
    (EventKind.MEETING, "간담회"),
    (EventKind.INSPECTION, "점검"),
    (EventKind.OTHER, "기타"),
    (ChecklistItemKind.YES_NO, "예/아니오/해당없음"),
    (ChecklistItemKind.SCORE, "점수(1–5)"),
    (ChecklistItemKind.TEXT, "서술"),
    (InspectionStatus.PLANNED, "예정"),
    (InspectionStatus.COMPLETED, "완료"),
    (InspectionStatus.POSTPONED, "연기"),
    (InspectionStatus.CANCELLED, "취소"),
    (AssignmentRole.LEAD, "조장"),
    (AssignmentRole.MEMBER, "단원"),
    (Severity.LOW, "낮음"),
    (Severity.MEDIUM, "보통"),
    (Severity.HIGH, "높음"),
    (Severity.URGENT, "긴급(안전)"),
    (FindingCategory.SAFETY, "안전"),
    (FindingCategory.STRUCTURE, "시설물"),
    (FindingCategory.CLEANLINESS, "청결"),
    (FindingCategory.ACCESSIBILITY, "접근성"),
    (FindingCategory.SIGNAGE, "안내"),
    (FindingCategory.SERVICE, "서비스"),
    (FindingCategory.OTHER, "기타"),
    (ProposalStatus.SUBMITTED, "접수"),
    (ProposalStatus.REVIEWING, "검토중"),
    (ProposalStatus.ACCEPTED, "채택"),
    (ProposalStatus.PARTIAL, "부분채택"),
    (ProposalStatus.DECLINED, "불채택"),
    (ProposalStatus.IN_PROGRESS, "추진중"),
    (ProposalStatus.DONE, "완료"),
    (VerificationOutcome.CONFIRMED, "개선 확인"),
    (VerificationOutcome.INSUFFICIENT, "미흡"),
    (FeedbackKind.LIKE, "좋아요"),
    (FeedbackKind.DISLIKE, "아쉬워요"),
    (FeedbackSource.BOARD, "현장 게시판"),
    (FeedbackSource.WEBSITE, "홈페이지"),
    (FeedbackSource.SNS, "SNS"),
    (FeedbackSource.PHONE, "전화"),
    (ContentChannel.BLOG, "블로그"),
    (ContentChannel.INSTAGRAM, "인스타그램"),
    (ContentChannel.YOUTUBE, "유튜브"),
    (ContentChannel.HOMEPAGE, "홈페이지"),
    (ContentChannel.OTHER, "기타"),
]
_LABELS: dict[tuple[type, str], str] = {(type(m), m.value): text for m, text in _LABEL_PAIRS}

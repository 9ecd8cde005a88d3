"""Fixture data for the improvement report: visits with answers, findings with photos,
proposals in every outcome, events with attendance (built on schedule_world)."""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass

from schedule_world import D, T, build_world

from panelapp.db.models import Attachment, ChecklistResponse, Finding, Proposal, proposal_findings
from panelapp.domain.enums import (
    ChecklistItemKind,
    EventKind,
    FindingCategory,
    InspectionStatus,
    ProposalStatus,
    Severity,
)
from panelapp.services.activities.attendance import EventInput, create_event, mark_all_present, set_attendance
from panelapp.services.attachments.store import attachment_path
from panelapp.services.checklists.templates import get_template_version
from panelapp.services.context import transaction
from panelapp.services.inspections.scheduling import create_inspection, set_status

REPORT_DATE = D(2026, 8, 1)
LONG = (
    "출입구 경사로의 손잡이가 흔들리고 고정 볼트 두 개가 빠져 있어 휠체어 이용자와 어르신이 넘어질 위험이 "
    "큽니다. 임시로 안전 테이프를 붙였으나 근본적인 보수가 필요하며 우천 시 미끄럼 방지 처리도 함께 "
    "검토해야 합니다."
) * 2


@dataclass
class ReportWorld:
    w: object
    inspections: dict
    findings: dict
    proposals: dict
    photo_paths: list


def _photo(db, color, size=(640, 480), orientation: int | None = None) -> tuple[str, int, int]:
    from PIL import Image

    img = Image.new("RGB", size, color)
    img.paste((255, 255, 255), (0, 0, size[0] // 4, size[1] // 4))  # a corner marks the orientation
    buf = io.BytesIO()
    if orientation:
        exif = Image.Exif()
        exif[0x0112] = orientation
        img.save(buf, "JPEG", exif=exif)
    else:
        img.save(buf, "JPEG")
    data = buf.getvalue()
    sha = hashlib.sha256(data).hexdigest()
    path = attachment_path(db, sha)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return sha, size[0], size[1]


def build_report_world(ctx) -> ReportWorld:
    w = build_world(ctx)
    specs = {
        "gym1": (w.gym, D(2026, 5, 12), InspectionStatus.COMPLETED),
        "park1": (w.park_fac, D(2026, 6, 9), InspectionStatus.COMPLETED),
        "lot1": (w.lot, D(2026, 7, 7), InspectionStatus.CANCELLED),
        "gym2": (w.gym, D(2026, 9, 15), InspectionStatus.PLANNED),
    }
    insp = {}
    for key, (facility, day, status) in specs.items():
        info = create_inspection(ctx, w.draft(day=day, facility=facility), confirmed=True)
        if status != InspectionStatus.PLANNED:
            info = set_status(
                ctx,
                info.id,
                status,
                "시설 휴관" if status == InspectionStatus.CANCELLED else None,
                info.version,
                today=REPORT_DATE,
            )
        insp[key] = info
    template = get_template_version(ctx, insp["gym1"].template_version_id)
    items = [i for sec in template.sections for i in sec.items]
    with transaction(ctx) as s:
        for key, yes in (("gym1", True), ("park1", False)):
            for n, item in enumerate(items):
                if item.kind == ChecklistItemKind.YES_NO:
                    value = "na" if n % 5 == 0 else ("yes" if yes or n % 2 else "no")
                elif item.kind == ChecklistItemKind.SCORE:
                    value = "5" if yes else "2"
                else:
                    value = None
                s.add(
                    ChecklistResponse(
                        inspection_id=insp[key].id,
                        item_id=item.id,
                        value=value,
                        text="메모" if value is None else None,
                    )
                )
        f = {}
        rows = [
            (
                "ramp",
                w.gym,
                "gym1",
                "출입구 경사로 손잡이 흔들림",
                FindingCategory.SAFETY,
                Severity.URGENT,
                LONG,
            ),
            (
                "toilet",
                w.gym,
                "gym1",
                "2층 화장실 청결 불량",
                FindingCategory.CLEANLINESS,
                Severity.MEDIUM,
                "휴지통이 넘침",
            ),
            ("sign", w.gym, "gym1", "주차장 안내 표지 훼손", FindingCategory.SIGNAGE, Severity.LOW, None),
            (
                "path",
                w.park_fac,
                "park1",
                "산책로 점자블록 파손",
                FindingCategory.ACCESSIBILITY,
                Severity.HIGH,
                "약 10m 구간",
            ),
            (
                "bench",
                w.park_fac,
                "park1",
                "벤치 도장 벗겨짐",
                FindingCategory.STRUCTURE,
                Severity.MEDIUM,
                None,
            ),
            ("late", w.gym, "gym2", "9월 관찰 사항", FindingCategory.OTHER, Severity.LOW, "기간 밖"),
        ]
        for key, facility, visit, title, cat, sev, desc in rows:
            day = insp[visit].scheduled_date
            finding = Finding(
                inspection_id=insp[visit].id,
                facility_id=facility,
                title=title,
                category=cat,
                severity=sev,
                location="정문" if key == "ramp" else None,
                description=desc,
                observed_on=day,
            )
            s.add(finding)
            s.flush()
            f[key] = finding.id
        photos = []
        for owner, color, orient in (
            ("ramp", (200, 40, 40), 6),
            ("ramp", (40, 140, 40), None),
            ("ramp", (40, 40, 200), None),
            ("path", (120, 120, 0), None),
        ):
            sha, wd, ht = _photo(ctx.db, color, orientation=orient)
            s.add(
                Attachment(
                    sha256=sha,
                    original_name=f"{owner}.jpg",
                    mime="image/jpeg",
                    size=1,
                    width=wd,
                    height=ht,
                    owner_type="finding",
                    owner_id=f[owner],
                    caption=f"{owner} 사진",
                )
            )
            photos.append(str(attachment_path(ctx.db, sha)))
        p = {}
        prop = [
            (
                "handrail",
                w.gym,
                ProposalStatus.ACCEPTED,
                D(2026, 5, 20),
                D(2026, 6, 10),
                None,
                ["ramp"],
                w.kim,
            ),
            (
                "toilet",
                w.gym,
                ProposalStatus.DECLINED,
                D(2026, 5, 20),
                D(2026, 6, 30),
                None,
                ["toilet"],
                w.lee,
            ),
            (
                "braille",
                w.park_fac,
                ProposalStatus.PARTIAL,
                D(2026, 6, 15),
                D(2026, 7, 1),
                None,
                ["path"],
                w.kim,
            ),
            (
                "bench",
                w.park_fac,
                ProposalStatus.SUBMITTED,
                D(2026, 6, 15),
                None,
                D(2026, 7, 15),
                ["bench"],
                None,
            ),
            ("sign", w.gym, ProposalStatus.REVIEWING, D(2026, 7, 20), None, D(2026, 9, 30), ["sign"], w.lee),
            ("lot", w.lot, ProposalStatus.DONE, D(2026, 4, 1), D(2026, 4, 20), None, [], w.lead),
        ]
        titles = {
            "handrail": "경사로 손잡이 교체 및 미끄럼 방지",
            "toilet": "화장실 청소 주기 단축",
            "braille": "점자블록 전면 교체",
            "bench": "벤치 재도장",
            "sign": "안내 표지 교체",
            "lot": "주차장 보행 통로 도색",
        }
        for key, facility, status, sub, ans, due, finds, proposer in prop:
            answered = status not in (ProposalStatus.SUBMITTED, ProposalStatus.REVIEWING)
            proposal = Proposal(
                cohort_id=w.cohort_id,
                facility_id=facility,
                title=titles[key],
                problem="문제",
                proposal="개선안",
                status=status,
                submitted_on=sub,
                due_on=due,
                proposer_enrollment_id=proposer,
                answer=("담당부서 검토 결과 " + titles[key] + "을(를) 추진합니다.") if answered else None,
                answered_on=ans,
                decline_reason="예산 부족으로 내년 재검토" if status == ProposalStatus.DECLINED else None,
                completed_on=D(2026, 5, 30) if status == ProposalStatus.DONE else None,
            )
            s.add(proposal)
            s.flush()
            p[key] = proposal.id
            for fk in finds:
                s.execute(proposal_findings.insert().values(proposal_id=proposal.id, finding_id=f[fk]))
    launch = create_event(
        ctx, w.cohort_id, EventInput(EventKind.LAUNCH, "제7기 발대식", D(2026, 3, 14), 3.0, T(14))
    )
    mark_all_present(ctx, launch.id, today=REPORT_DATE)
    training = create_event(
        ctx, w.cohort_id, EventInput(EventKind.TRAINING, "점검 방법 교육", D(2026, 4, 2), 2.0)
    )
    set_attendance(ctx, training.id, {w.lead: True, w.kim: True, w.lee: False}, today=REPORT_DATE)
    create_event(ctx, w.cohort_id, EventInput(EventKind.MEETING, "하반기 간담회", D(2026, 10, 8), 2.0))
    return ReportWorld(w, insp, f, p, photos)

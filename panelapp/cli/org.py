"""`panelapp org ...`: the institution (기관 정보) every report, certificate and field sheet names.

    panelapp org show
    panelapp org set --name 한빛시설관리공단 [--address ..] [--phone ..] [--logo FILE|--no-logo]
                     [--signoff "담당,팀장,부장,이사장"] [--lock-minutes 10]

`set` changes only what it is given; the rest stays as it was (`--signoff ""` removes the
결재란, `--no-logo` the logo). The first `set` needs --name. Wrong input: every wrong field as a
sentence on stderr, exit 1, nothing saved. `--lock-minutes` is the institution's 자동 잠금 limit
(services/org/lock.py; 관리자 only, as every `set`).
"""

from __future__ import annotations

import argparse
import sys

from panelapp.domain.errors import DomainError, ValidationError, ValidationErrors
from panelapp.domain.idle_lock import MAX_MINUTES, MIN_MINUTES

EXIT_OK, EXIT_USER_ERROR = 0, 1


def add_parser(sub) -> None:
    org = sub.add_parser("org", help="기관 정보(기관명·주소·대표 전화·로고·결재란)를 보거나 바꿉니다")
    verbs = org.add_subparsers(dest="org_command", metavar="작업", required=True)
    verbs.add_parser("show", help="등록된 기관 정보를 보여 줍니다")
    put = verbs.add_parser("set", help="기관 정보를 등록하거나 바꿉니다 (준 항목만 바뀝니다)")
    put.add_argument("--name", metavar="기관명", help="기관명 (처음 등록할 때 필수)")
    put.add_argument("--address", metavar="주소", help='주소 ("" 이면 지웁니다)')
    put.add_argument("--phone", metavar="전화", help='대표 전화, 예: 02-123-4567 ("" 이면 지웁니다)')
    logo = put.add_mutually_exclusive_group()
    logo.add_argument("--logo", metavar="FILE", help="로고 그림 (PNG 또는 JPEG, 2 MB 이하)")
    logo.add_argument("--no-logo", action="store_true", help="로고를 지웁니다")
    put.add_argument(
        "--signoff",
        metavar="직위,…",
        help='결재란 직위를 왼쪽부터 쉼표로 (1~6칸), 예: "담당,팀장,부장,이사장" ("" 이면 결재란 없음)',
    )
    put.add_argument(
        "--lock-minutes",
        type=int,
        metavar="분",
        help="자동 잠금 기관 최대 (1~60분): 어느 컴퓨터도 이보다 오래 잠그지 않고 두지 않습니다",
    )


def cmd_org(args: argparse.Namespace, opener) -> int:
    ctx = opener.app(args.db)
    return _show(ctx) if args.org_command == "show" else _set(ctx, args)


def _lines(info) -> list[str]:
    logo = "없음"
    if info.logo_png:
        logo = f"있음 ({len(info.logo_png) / 1024:.0f} KB)"
        try:
            import io

            from PIL import Image

            with Image.open(io.BytesIO(info.logo_png)) as img:
                logo = f"있음 ({img.width}×{img.height} 픽셀 PNG, {len(info.logo_png) / 1024:.0f} KB)"
        except Exception:  # noqa: BLE001 - the size alone is enough then
            pass
    return [
        f"기관명: {info.name}",
        f"주소: {info.address or '없음'}",
        f"대표 전화: {info.phone or '없음'}",
        f"로고: {logo}",
        f"결재란: {info.signoff_text or '없음 (인쇄물에 결재란을 넣지 않습니다)'}",
    ]


def _lock_line(ctx) -> str:
    from panelapp.services.org.lock import get_lock_policy

    policy = get_lock_policy(ctx)
    return f"자동 잠금 기관 최대: {policy.minutes}분" + ("" if policy.stored else " (기본값)")


def _show(ctx) -> int:
    from panelapp.services.org.manage import get_organization

    info = get_organization(ctx)
    if info is None:
        print(
            "기관 정보가 아직 등록되지 않았습니다. 등록: panelapp org set --name 기관명",
            file=sys.stderr,
        )
        return EXIT_USER_ERROR
    print("\n".join([*_lines(info), _lock_line(ctx)]))
    return EXIT_OK


def _set(ctx, args) -> int:
    from panelapp.services.org.manage import KEEP, OrgInput, get_organization, save_organization
    from panelapp.services.org.rules import F_NAME, read_logo_file

    if args.lock_minutes is not None and not MIN_MINUTES <= args.lock_minutes <= MAX_MINUTES:
        raise DomainError(
            f"--lock-minutes: 자동 잠금 시간은 {MIN_MINUTES}분부터 {MAX_MINUTES}분 사이로 정해 주세요."
        )
    current = get_organization(ctx)
    given = [args.name, args.address, args.phone, args.logo, args.signoff]
    if all(v is None for v in given) and not args.no_logo:
        if args.lock_minutes is not None:
            return _set_lock(ctx, args.lock_minutes)
        raise DomainError(
            '바꿀 항목이 없습니다. 예: panelapp org set --name 기관명 --signoff "담당,팀장,부장"'
        )
    if current is None and args.name is None:
        raise DomainError(f"{F_NAME}: 기관 정보를 처음 등록할 때는 --name 기관명이 필요합니다.")

    def pick(value, old):
        return old if value is None else value

    logo: bytes | str | None = KEEP
    logo_name = "로고 파일"
    if args.no_logo:
        logo = None
    elif args.logo is not None:
        from pathlib import Path

        logo, logo_name = read_logo_file(args.logo), Path(args.logo).name
    data = OrgInput(
        name=pick(args.name, current.name if current else None),
        address=pick(args.address, current.address if current else None),
        phone=pick(args.phone, current.phone if current else None),
        signoff=pick(args.signoff, current.signoff if current else None),
        logo=logo,
        logo_name=logo_name,
    )
    try:
        info = save_organization(ctx, data, current.version if current else None)
    except ValidationErrors as exc:
        for e in exc.errors:
            print(f"오류: {e.message}", file=sys.stderr)
        return EXIT_USER_ERROR
    if args.lock_minutes is not None and _set_lock(ctx, args.lock_minutes, quiet=True) != EXIT_OK:
        return EXIT_USER_ERROR
    print(
        ("기관 정보를 바꿨습니다." if current else "기관 정보를 등록했습니다.")
        + "\n"
        + "\n".join([*_lines(info), _lock_line(ctx)])
    )
    return EXIT_OK


def _set_lock(ctx, minutes: int, quiet: bool = False) -> int:
    from panelapp.services.org.lock import get_lock_policy, save_lock_policy

    try:
        save_lock_policy(ctx, minutes, get_lock_policy(ctx).version)
    except ValidationError as exc:
        print(f"오류: {exc.message}", file=sys.stderr)
        return EXIT_USER_ERROR
    if not quiet:
        print(
            f"자동 잠금 기관 최대를 {minutes}분으로 정했습니다. 모든 컴퓨터가 다음 로그인부터, 열려 있는 창은 곧 따릅니다."
        )
    return EXIT_OK

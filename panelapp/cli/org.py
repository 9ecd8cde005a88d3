"""`panelapp org ...`: the institution (기관 정보) every report, certificate and field sheet names.

    panelapp org show
    panelapp org set --name 한빛시설관리공단 [--address ..] [--phone ..] [--logo FILE|--no-logo]
                     [--signoff "담당,팀장,부장,이사장"]

`set` changes only what it is given; the rest stays as it was (`--signoff ""` removes the
결재란, `--no-logo` the logo). The first `set` needs --name. Wrong input: every wrong field as a
sentence on stderr, exit 1, nothing saved.
"""

from __future__ import annotations

import argparse
import sys

from panelapp.domain.errors import DomainError, ValidationErrors

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


def _show(ctx) -> int:
    from panelapp.services.org.manage import get_organization

    info = get_organization(ctx)
    if info is None:
        print(
            "기관 정보가 아직 등록되지 않았습니다. 등록: panelapp org set --name 기관명",
            file=sys.stderr,
        )
        return EXIT_USER_ERROR
    print("\n".join(_lines(info)))
    return EXIT_OK


def _set(ctx, args) -> int:
    from panelapp.services.org.manage import KEEP, OrgInput, get_organization, save_organization
    from panelapp.services.org.rules import F_NAME, read_logo_file

    current = get_organization(ctx)
    given = [args.name, args.address, args.phone, args.logo, args.signoff]
    if all(v is None for v in given) and not args.no_logo:
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
    print(
        ("기관 정보를 바꿨습니다." if current else "기관 정보를 등록했습니다.")
        + "\n"
        + "\n".join(_lines(info))
    )
    return EXIT_OK

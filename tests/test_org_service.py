"""기관 정보 (services/org): validation sentences naming the field, the logo kept as a small PNG,
the sign-off chain, optimistic locking, all-or-nothing saves, the changes announced."""

import io

import pytest
from PIL import Image
from sqlalchemy import func, select

from panelapp.db.models import Organization
from panelapp.domain.errors import ConcurrencyError, ValidationError, ValidationErrors
from panelapp.services.changes import Kind, collecting
from panelapp.services.context import reading
from panelapp.services.org import rules
from panelapp.services.org.manage import (
    KEEP,
    OrganizationMissing,
    OrgInput,
    get_organization,
    require_organization,
    save_organization,
)


def image_bytes(fmt="PNG", size=(300, 120), mode="RGB", color=(31, 58, 95)) -> bytes:
    buf = io.BytesIO()
    Image.new(mode, size, color).save(buf, fmt)
    return buf.getvalue()


def fields_of(exc) -> list[str]:
    errors = exc.errors if isinstance(exc, ValidationErrors) else [exc]
    return [e.field for e in errors]


def test_first_save_registers_the_institution(ctx):
    assert get_organization(ctx) is None
    info = save_organization(
        ctx,
        OrgInput(
            " 한빛시설관리공단 ",
            "한빛시 중구 공단로 25",
            "0426101000",
            "담당, 팀장 / 부장·이사장",
            image_bytes(),
            "logo.png",
        ),
    )
    assert (info.name, info.address, info.phone) == (
        "한빛시설관리공단",
        "한빛시 중구 공단로 25",
        "042-610-1000",
    )
    assert info.signoff == ("담당", "팀장", "부장", "이사장")
    assert info.signoff_text == "담당 / 팀장 / 부장 / 이사장"
    assert Image.open(io.BytesIO(info.logo_png)).format == "PNG"
    assert get_organization(ctx) == info


def test_name_is_required_with_a_sentence_naming_it(ctx):
    with pytest.raises(ValidationError) as err:
        save_organization(ctx, OrgInput("   "))
    assert err.value.field == "기관명" and "기관명을 입력해 주세요" in str(err.value)
    with pytest.raises(ValidationError) as err:
        save_organization(ctx, OrgInput("가" * 101))
    assert err.value.field == "기관명" and "100자 이내" in err.value.detail
    assert get_organization(ctx) is None


def test_every_wrong_field_is_named_at_once_and_nothing_is_saved(ctx):
    with pytest.raises(ValidationErrors) as err:
        save_organization(
            ctx,
            OrgInput(
                "", "주" * 201, "전화없음", "담당,팀장,과장,부장,상무,전무,이사장", b"not an image", "x.png"
            ),
        )
    assert fields_of(err.value) == ["기관명", "주소", "대표 전화", "결재란", "로고"]
    with reading(ctx) as s:
        assert s.scalar(select(func.count()).select_from(Organization)) == 0


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("02-123-4567", "02-123-4567"),
        ("031 123 4567", "031-123-4567"),
        ("1588-1234", "1588-1234"),
        ("", None),
        (None, None),
    ],
)
def test_office_phone_rule(raw, expected):
    assert rules.clean_phone(raw) == expected


@pytest.mark.parametrize("raw", ["02-12-34", "대표번호", "+1 202 555 0100"])
def test_bad_phone_is_named(raw):
    with pytest.raises(ValidationError) as err:
        rules.clean_phone(raw)
    assert err.value.field == "대표 전화" and "전화번호" in err.value.detail


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("담당,팀장,부장,이사장", ("담당", "팀장", "부장", "이사장")),
        ("담당 / 팀장 / 부장", ("담당", "팀장", "부장")),
        ("담당\n사무국장", ("담당", "사무국장")),
        (["담당", " 팀장 ", ""], ("담당", "팀장")),
        ("대표이사", ("대표이사",)),
        ("", ()),
        (" , ,", ()),
        (None, ()),
    ],
)
def test_signoff_titles_are_parsed_left_to_right(raw, expected):
    assert rules.parse_signoff(raw) == expected


def test_signoff_refuses_more_than_six_titles_and_long_titles():
    with pytest.raises(ValidationError) as err:
        rules.parse_signoff("1,2,3,4,5,6,7")
    assert err.value.field == "결재란" and "6칸까지" in err.value.detail
    with pytest.raises(ValidationError) as err:
        rules.parse_signoff("담당,행정지원본부장대리인")
    assert err.value.field == "결재란" and "행정지원본부장대리인" in err.value.detail


def test_empty_signoff_is_stored_as_none(ctx):
    info = save_organization(ctx, OrgInput("한빛시설관리공단", signoff=""))
    assert info.signoff == ()
    with reading(ctx) as s:
        assert s.scalar(select(Organization.signoff_titles)) is None


def test_logo_png_and_jpeg_are_kept_as_a_small_png(ctx):
    big = image_bytes("JPEG", size=(1800, 900))
    info = save_organization(ctx, OrgInput("한빛시설관리공단", logo=big, logo_name="logo.jpg"))
    img = Image.open(io.BytesIO(info.logo_png))
    assert img.format == "PNG" and max(img.size) == rules.LOGO_STORED_SIDE and img.size[0] == 2 * img.size[1]
    transparent = image_bytes("PNG", size=(64, 64), mode="RGBA", color=(0, 0, 0, 0))
    info = save_organization(ctx, OrgInput("한빛시설관리공단", logo=transparent), info.version)
    assert Image.open(io.BytesIO(info.logo_png)).mode == "RGBA"  # the transparency survives


@pytest.mark.parametrize(
    "data, words",
    [
        (b"GIF89a not really", "PNG 또는 JPEG 그림이 아닙니다"),
        (image_bytes("GIF"), "PNG 또는 JPEG 그림이 아닙니다"),
        (image_bytes("BMP"), "PNG 또는 JPEG 그림이 아닙니다"),
        (image_bytes("PNG")[:60], "PNG 또는 JPEG 그림이 아닙니다"),  # truncated
        (image_bytes("PNG", size=(4001, 10)), "4,000 픽셀 이하"),
        (image_bytes("PNG", size=(4, 4)), "너무 작습니다"),
        (b"\x89PNG" + b"\0" * (rules.LOGO_MAX_BYTES + 1), "2 MB 이하"),
    ],
)
def test_logo_must_be_a_real_png_or_jpeg_and_not_huge(ctx, data, words):
    with pytest.raises(ValidationError) as err:
        save_organization(ctx, OrgInput("한빛시설관리공단", logo=data, logo_name="기관로고.png"))
    assert err.value.field == "로고" and words in err.value.detail and "기관로고.png" in err.value.detail
    assert get_organization(ctx) is None


def test_logo_file_reading_names_the_file(tmp_path):
    with pytest.raises(ValidationError) as err:
        rules.read_logo_file(tmp_path / "없음.png")
    assert (
        err.value.field == "로고"
        and "없음.png" in err.value.detail
        and "찾을 수 없습니다" in err.value.detail
    )
    with pytest.raises(ValidationError) as err:
        rules.read_logo_file(tmp_path)
    assert "파일이 아닙니다" in err.value.detail
    huge = tmp_path / "큰로고.png"
    huge.write_bytes(b"\0" * (rules.LOGO_MAX_BYTES + 10))
    with pytest.raises(ValidationError) as err:
        rules.read_logo_file(huge)
    assert "큰로고.png" in err.value.detail and "MB" in err.value.detail
    ok = tmp_path / "logo.png"
    ok.write_bytes(image_bytes())
    assert rules.read_logo_file(ok) == ok.read_bytes()


def test_keep_remove_and_replace_the_logo(ctx):
    first = save_organization(ctx, OrgInput("한빛시설관리공단", logo=image_bytes()))
    kept = save_organization(ctx, OrgInput("한빛시설관리공단", "새 주소", logo=KEEP), first.version)
    assert kept.logo_png == first.logo_png and kept.address == "새 주소"
    removed = save_organization(ctx, OrgInput("한빛시설관리공단", logo=None), kept.version)
    assert removed.logo_png is None


def test_a_stale_form_is_refused_and_one_row_is_kept(ctx):
    first = save_organization(ctx, OrgInput("한빛시설관리공단"))
    second = save_organization(ctx, OrgInput("한빛공단"), first.version)
    assert second.id == first.id and second.version > first.version
    with pytest.raises(ConcurrencyError):
        save_organization(ctx, OrgInput("옛 이름"), first.version)
    with reading(ctx) as s:
        assert s.scalar(select(func.count()).select_from(Organization)) == 1
    assert get_organization(ctx).name == "한빛공단"


def test_hangul_typed_on_macos_is_stored_composed(ctx):
    import unicodedata

    info = save_organization(ctx, OrgInput(unicodedata.normalize("NFD", "한빛공단"), signoff="팀장"))
    assert info.name == "한빛공단" and info.signoff == ("팀장",)


def test_outputs_are_refused_until_a_name_is_registered(ctx):
    from panelapp.services.registers.departments import DepartmentInput, create_department

    with pytest.raises(OrganizationMissing) as err:
        require_organization(ctx)
    assert err.value.field == "기관명" and "파일 → 기관 정보" in str(err.value)
    create_department(ctx, DepartmentInput("체육사업부"))  # a nameless row now exists
    with pytest.raises(OrganizationMissing):
        require_organization(ctx)
    info = save_organization(ctx, OrgInput("한빛시설관리공단"))  # fills that row
    assert require_organization(ctx) == info


def test_saving_announces_the_organization(ctx):
    with collecting() as bag:
        info = save_organization(ctx, OrgInput("한빛시설관리공단", signoff="담당,팀장"))
    assert Kind.ORGANIZATION in bag.changes.kinds
    assert bag.changes.ids_of(Kind.ORGANIZATION) == frozenset({info.id})
    with collecting() as bag:
        save_organization(ctx, OrgInput("한빛공단"), info.version)
    assert bag.changes.touches([Kind.ORGANIZATION])
    with collecting() as bag, pytest.raises(ValidationError):
        save_organization(ctx, OrgInput(""), None)
    assert not bag.changes  # a refused save announces nothing


def test_the_first_start_registers_the_institution_before_any_account_only(ctx):
    """The window asks for the institution before the first 관리자 exists; once an account can
    log in, only a 관리자 changes it (save_organization), and the first-start path is refused."""
    from panelapp.services.org.manage import save_first_organization
    from panelapp.services.people.accounts import create_first_admin
    from panelapp.services.permissions import PermissionDenied

    first = save_first_organization(ctx, OrgInput("한빛시설관리공단"))
    assert first.name == "한빛시설관리공단"
    create_first_admin(ctx, "관리자", "panel-2026")
    with pytest.raises(PermissionDenied, match="기관 정보 수정은"):
        save_first_organization(ctx, OrgInput("다른 이름"))
    assert get_organization(ctx).name == "한빛시설관리공단"

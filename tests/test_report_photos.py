"""Report photos: drawn from print copies at print resolution, upright, nothing decoded kept;
long findings tables laid out a page at a time; paragraphs remember their line breaking."""

import hashlib
import io

from PIL import Image
from pypdf import PdfReader
from reportlab.lib.units import mm
from reportlab.platypus import Table

from panelapp.domain.report_data import Photo
from panelapp.reports.base import CachedParagraph, PagedTable, build_pdf, data_table, para
from panelapp.reports.improvement.facility import PHOTO_BOX, photo_flowable
from panelapp.reports.photo import PRINT_DPI, PrintPhoto, print_pixels


def _camera_jpeg(path, size=(4000, 3000), orientation=None):
    img = Image.new("RGB", size, (40, 90, 160))
    img.paste((250, 250, 250), (0, 0, size[0] // 4, size[1] // 4))  # a corner marks the top left
    exif = Image.Exif()
    if orientation:
        exif[0x0112] = orientation
    img.save(path, "JPEG", quality=90, exif=exif.tobytes())
    return path


def _images(pdf: bytes) -> list[tuple[int, int, bytes]]:
    out = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for ref in (page["/Resources"].get("/XObject") or {}).values():
            image = ref.get_object()
            if image["/Subtype"] == "/Image":
                out.append((int(image["/Width"]), int(image["/Height"]), image.get_data()))
    return out


def test_camera_photo_is_embedded_upright_at_print_resolution(tmp_path):
    sideways = _camera_jpeg(tmp_path / "phone.jpg", orientation=6)  # stored 4000×3000, shown 3000×4000
    flowable = photo_flowable(Photo(str(sideways), "사진", 3000, 4000), *PHOTO_BOX)
    assert isinstance(flowable, PrintPhoto) and not hasattr(flowable, "_img")  # nothing decoded yet
    pdf, _ = build_pdf([flowable], title="t", organization=None)
    [(w, h, data)] = _images(pdf)
    want = print_pixels(flowable.width, flowable.height)
    assert h > w and w <= want[0] and h <= want[1] and h >= want[1] - 2
    shown = Image.open(io.BytesIO(data)).convert("RGB")
    assert shown.getpixel((w - 5, 5))[0] > 200  # the marked corner is top right once turned upright
    assert flowable.height / mm <= 52 + 0.01 and PRINT_DPI == 200


def test_a_small_jpeg_is_embedded_byte_for_byte(tmp_path):
    small = _camera_jpeg(tmp_path / "copy.jpg", size=(500, 375))
    pdf, _ = build_pdf([PrintPhoto(small, 500, 375, *PHOTO_BOX, "copy")], title="t", organization=None)
    [(_w, _h, data)] = _images(pdf)
    assert hashlib.sha256(data).digest() == hashlib.sha256(small.read_bytes()).digest()


def test_unreadable_and_missing_photos_say_so(tmp_path):
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"not a jpeg")
    story = [
        PrintPhoto(broken, 400, 300, *PHOTO_BOX, "broken.jpg"),
        photo_flowable(Photo(str(tmp_path / "gone.jpg"), "없는 사진", 400, 300), *PHOTO_BOX),
    ]
    pdf, _ = build_pdf(story, title="t", organization=None)
    text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert "사진을 읽을 수 없습니다" in text and "broken.jpg" in text
    assert "사진 파일을 찾을 수 없습니다" in text and _images(pdf) == []


def _groups(n: int, tall: float = 30 * mm):
    photo = Table([[""]], colWidths=[100 * mm], rowHeights=[tall])
    return [
        (
            [[para(f"{i}번", "cell"), para(f"발견사항 {i:03d}", "cell")], ["", photo]],
            [("SPAN", (1, 1), (-1, 1))],
        )
        for i in range(1, n + 1)
    ]


def _make(rows, extra, header_rows):
    return data_table(rows, [20 * mm, 120 * mm], header_rows=header_rows, zebra=False, extra=extra)


def test_paged_table_repeats_the_header_and_keeps_each_group_on_one_page():
    header = [[para("번호", "cell_head"), para("발견사항", "cell_head")]]
    table = PagedTable(header, _groups(40), _make, page_height=297 * mm - 40 * mm)
    pdf, pages = build_pdf([table], title="t", organization=None)
    texts = [p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages]
    assert pages == len(texts) >= 5
    assert all("번호" in t and "발견사항" in t.replace("발견사항 0", "") for t in texts)
    seen = [i for t in texts for i in range(1, 41) if f"발견사항 {i:03d}" in t]
    assert seen == list(range(1, 41))  # every group once, in order
    # the same rows as one ReportLab Table (NOSPLIT per group) take as many pages
    rows = [list(r) for r in header]
    extra = []
    for g_rows, _ in _groups(40):
        first = len(rows)
        rows += g_rows
        extra += [("SPAN", (1, first + 1), (-1, first + 1)), ("NOSPLIT", (0, first), (-1, first + 1))]
    _pdf, table_pages = build_pdf([_make(rows, extra, 1)], title="t", organization=None)
    assert pages == table_pages


def test_paged_table_splits_a_group_taller_than_a_page():
    header = [[para("번호", "cell_head"), para("발견사항", "cell_head")]]
    groups = _groups(2) + [([[para(f"긴 {i}", "cell"), para("줄", "cell")] for i in range(80)], [])]
    pdf, pages = build_pdf(
        [PagedTable(header, groups, _make, 297 * mm - 40 * mm)], title="t", organization=None
    )
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert pages >= 2 and "긴 0" in text and "긴 79" in text


def test_cached_paragraph_breaks_lines_once_per_width():
    p = para("가나다라마바사아자차카타파하 " * 20, "cell")
    assert isinstance(p, CachedParagraph)
    calls = []
    original = p.breakLinesCJK
    p.breakLinesCJK = lambda widths: calls.append(widths) or original(widths)
    first = p.wrap(100, 1000)
    assert p.wrap(100, 50) == first and len(calls) == 1
    narrower = p.wrap(60, 1000)
    assert narrower[1] > first[1] and len(calls) == 2

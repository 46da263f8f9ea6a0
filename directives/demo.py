"""Demo content of the directives app: reference lists, about 30 directives, 20 operational news
items (2011-2015) and a register of 40 entries of which 32 are on the portal (80%).

Every step looks its content up by a stable key before creating it, so a second
run of ``load_demo`` changes nothing. Names of officials are fictional.
"""

import datetime
import json

from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model

from home.demo import ensure_page
from home.models import HomePage
from portal.vietnamese import slugify

from .models import (
    DirectiveIndexPage,
    DirectivePage,
    DocumentType,
    Field,
    IssuingBody,
    OperationalNewsIndexPage,
    OperationalNewsPage,
    RegisterEntry,
)
from .pdf import build_pdf
from .register_import import import_rows

ISSUING_BODIES = [
    ("Ủy ban nhân dân tỉnh Hậu Giang", "UBND tỉnh", "ubnd-tinh"),
    ("Văn phòng Ủy ban nhân dân tỉnh Hậu Giang", "VP UBND tỉnh", "vp-ubnd-tinh"),
    ("Sở Thông tin và Truyền thông tỉnh Hậu Giang", "Sở TT&TT", "so-tttt"),
    ("Sở Nội vụ tỉnh Hậu Giang", "Sở Nội vụ", "so-noi-vu"),
]
DOCUMENT_TYPES = [
    ("Chỉ thị", "CT"),
    ("Quyết định", "QĐ"),
    ("Kế hoạch", "KH"),
    ("Công văn", "CV"),
    ("Thông báo", "TB"),
    ("Kết luận", "KL"),
    ("Báo cáo", "BC"),
]
FIELDS = [
    "Công nghệ thông tin",
    "Cải cách hành chính",
    "Nội vụ",
    "Kinh tế",
    "Nông nghiệp",
    "Tài nguyên và môi trường",
]
CNTT, CCHC, NOI_VU, KINH_TE, NONG_NGHIEP, TNMT = FIELDS

CHAIR = ("Trần Văn Hòa", "Chủ tịch")
VICE_CHAIR = ("Lê Thị Mai", "Phó Chủ tịch")
OFFICE_HEAD = ("Nguyễn Quốc Bảo", "Chánh Văn phòng")
ICT_DIRECTOR = ("Phạm Quốc Dũng", "Giám đốc Sở Thông tin và Truyền thông")
HOME_AFFAIRS_DIRECTOR = ("Huỳnh Thanh Tâm", "Giám đốc Sở Nội vụ")

# number, type code, issuer short name, issued on, title, fields, signer, days to publication, extras
DIRECTIVES = [
    (
        "07/KH-UBND",
        "KH",
        "UBND tỉnh",
        "2011-03-14",
        "Kế hoạch ứng dụng công nghệ thông tin trong hoạt động của cơ quan nhà nước tỉnh Hậu Giang giai đoạn 2011-2015",
        [CNTT, CCHC],
        VICE_CHAIR,
        3,
        {"expires_on": "2015-12-31", "plan": True},
    ),
    (
        "05/CT-UBND",
        "CT",
        "UBND tỉnh",
        "2011-04-20",
        "Chỉ thị về tăng cường sử dụng văn bản điện tử trong hoạt động của cơ quan nhà nước",
        [CNTT],
        CHAIR,
        4,
        {},
    ),
    (
        "512/QĐ-UBND",
        "QĐ",
        "UBND tỉnh",
        "2011-05-10",
        "Quyết định ban hành Quy chế quản lý, vận hành Cổng thông tin điện tử tỉnh Hậu Giang",
        [CNTT],
        VICE_CHAIR,
        6,
        {
            "effective_on": "2011-05-20",
            "change_notes": [
                (
                    "2013-06-03",
                    "Sửa đổi Điều 8 về thời hạn cung cấp văn bản chỉ đạo, điều hành cho Cổng: "
                    "chậm nhất 03 ngày làm việc kể từ ngày ký.",
                ),
                ("2014-09-15", "Bổ sung Điều 12a về trách nhiệm trả lời câu hỏi của người dân qua Cổng."),
            ],
        },
    ),
    (
        "18/KH-UBND",
        "KH",
        "UBND tỉnh",
        "2011-06-08",
        "Kế hoạch cải cách hành chính tỉnh Hậu Giang năm 2011",
        [CCHC],
        VICE_CHAIR,
        9,
        {"expires_on": "2011-12-31"},
    ),
    (
        "45/TB-VPUBND",
        "TB",
        "VP UBND tỉnh",
        "2011-07-15",
        "Thông báo kết luận của Chủ tịch Ủy ban nhân dân tỉnh tại cuộc họp về tiến độ triển khai hệ thống quản lý "
        "văn bản và điều hành",
        [CNTT],
        OFFICE_HEAD,
        2,
        {},
    ),
    (
        "1020/QĐ-UBND",
        "QĐ",
        "UBND tỉnh",
        "2011-09-12",
        "Quyết định phê duyệt danh mục dự án ứng dụng công nghệ thông tin năm 2012",
        [CNTT],
        VICE_CHAIR,
        12,
        {},
    ),
    (
        "12/CT-UBND",
        "CT",
        "UBND tỉnh",
        "2011-11-02",
        "Chỉ thị về việc đẩy mạnh phòng, chống dịch bệnh trên gia súc, gia cầm",
        [NONG_NGHIEP],
        CHAIR,
        1,
        {},
    ),
    (
        "03/KH-UBND",
        "KH",
        "UBND tỉnh",
        "2012-01-16",
        "Kế hoạch triển khai dịch vụ công trực tuyến mức độ 3 năm 2012",
        [CNTT, CCHC],
        VICE_CHAIR,
        5,
        {"expires_on": "2012-12-31"},
    ),
    (
        "02/CT-UBND",
        "CT",
        "UBND tỉnh",
        "2012-02-20",
        "Chỉ thị về tăng cường công tác quản lý đất đai trên địa bàn tỉnh",
        [TNMT],
        CHAIR,
        7,
        {},
    ),
    (
        "25/KH-STTTT",
        "KH",
        "Sở TT&TT",
        "2012-03-28",
        "Kế hoạch đào tạo kỹ năng ứng dụng công nghệ thông tin cho cán bộ, công chức năm 2012",
        [CNTT],
        ICT_DIRECTOR,
        4,
        {"expires_on": "2012-12-31"},
    ),
    (
        "38/BC-UBND",
        "BC",
        "UBND tỉnh",
        "2012-06-25",
        "Báo cáo sơ kết 6 tháng đầu năm 2012 tình hình thực hiện Kế hoạch 07/KH-UBND",
        [CNTT],
        VICE_CHAIR,
        10,
        {},
    ),
    (
        "88/TB-VPUBND",
        "TB",
        "VP UBND tỉnh",
        "2012-08-09",
        "Thông báo kết luận của Phó Chủ tịch Ủy ban nhân dân tỉnh về công tác cải cách thủ tục hành chính",
        [CCHC],
        OFFICE_HEAD,
        3,
        {
            "withdrawn_on": "2012-08-20",
            "withdrawal_reason": "Thông báo ghi sai thời hạn báo cáo của các sở, ngành; Văn phòng Ủy ban "
            "nhân dân tỉnh thu hồi để ban hành lại.",
        },
    ),
    (
        "1560/QĐ-UBND",
        "QĐ",
        "UBND tỉnh",
        "2012-10-18",
        "Quyết định công bố bộ thủ tục hành chính thuộc thẩm quyền giải quyết của Sở Kế hoạch và Đầu tư",
        [CCHC, KINH_TE],
        VICE_CHAIR,
        14,
        {},
    ),
    (
        "15/KH-SNV",
        "KH",
        "Sở Nội vụ",
        "2012-11-05",
        "Kế hoạch tuyển dụng công chức năm 2013",
        [NOI_VU],
        HOME_AFFAIRS_DIRECTOR,
        6,
        {"expires_on": "2013-12-31"},
    ),
    (
        "01/CT-UBND",
        "CT",
        "UBND tỉnh",
        "2013-01-07",
        "Chỉ thị về tổ chức thực hiện nhiệm vụ phát triển kinh tế - xã hội năm 2013",
        [KINH_TE],
        CHAIR,
        2,
        {},
    ),
    (
        "09/KH-UBND",
        "KH",
        "UBND tỉnh",
        "2013-02-26",
        "Kế hoạch ứng dụng công nghệ thông tin năm 2013",
        [CNTT],
        VICE_CHAIR,
        8,
        {"expires_on": "2013-12-31"},
    ),
    (
        "27/TB-VPUBND",
        "TB",
        "VP UBND tỉnh",
        "2013-04-12",
        "Thông báo kết luận cuộc họp giao ban trực tuyến với các huyện, thị xã, thành phố quý I năm 2013",
        [KINH_TE],
        OFFICE_HEAD,
        1,
        {},
    ),
    (
        "640/QĐ-UBND",
        "QĐ",
        "UBND tỉnh",
        "2013-05-06",
        "Quyết định ban hành Quy chế sử dụng hệ thống thư điện tử công vụ tỉnh Hậu Giang",
        [CNTT],
        VICE_CHAIR,
        11,
        {"replaced_by": ("1120/QĐ-UBND", 2015)},
    ),
    (
        "32/KH-UBND",
        "KH",
        "UBND tỉnh",
        "2013-07-22",
        "Kế hoạch tuyên truyền cải cách hành chính giai đoạn 2013-2015",
        [CCHC],
        VICE_CHAIR,
        19,
        {},
    ),
    (
        "08/CT-UBND",
        "CT",
        "UBND tỉnh",
        "2013-09-16",
        "Chỉ thị về tăng cường công tác phòng, chống lụt, bão và giảm nhẹ thiên tai",
        [TNMT],
        CHAIR,
        3,
        {},
    ),
    (
        "45/KH-STTTT",
        "KH",
        "Sở TT&TT",
        "2013-10-14",
        "Kế hoạch triển khai phần mềm một cửa điện tử tại Ủy ban nhân dân cấp huyện",
        [CNTT, CCHC],
        ICT_DIRECTOR,
        16,
        {},
    ),
    (
        "04/KH-UBND",
        "KH",
        "UBND tỉnh",
        "2014-01-20",
        "Kế hoạch ứng dụng công nghệ thông tin năm 2014",
        [CNTT],
        VICE_CHAIR,
        5,
        {"expires_on": "2014-12-31"},
    ),
    (
        "02/CT-UBND",
        "CT",
        "UBND tỉnh",
        "2014-02-10",
        "Chỉ thị về nâng cao chất lượng giải quyết thủ tục hành chính và dịch vụ công trực tuyến",
        [CCHC],
        CHAIR,
        4,
        {},
    ),
    (
        "56/BC-UBND",
        "BC",
        "UBND tỉnh",
        "2014-06-30",
        "Báo cáo kết quả thực hiện Kế hoạch 07/KH-UBND giai đoạn 2011-2014 phục vụ giám sát của Hội đồng nhân dân tỉnh",
        [CNTT],
        VICE_CHAIR,
        2,
        {},
    ),
    (
        "102/TB-VPUBND",
        "TB",
        "VP UBND tỉnh",
        "2014-07-18",
        "Thông báo ý kiến kết luận của Chủ tịch Ủy ban nhân dân tỉnh sau đợt giám sát của Hội đồng nhân dân tỉnh về "
        "ứng dụng công nghệ thông tin",
        [CNTT],
        OFFICE_HEAD,
        3,
        {},
    ),
    (
        "1345/QĐ-UBND",
        "QĐ",
        "UBND tỉnh",
        "2014-08-25",
        "Quyết định phê duyệt danh mục dịch vụ công trực tuyến mức độ 3, mức độ 4 năm 2015",
        [CCHC, CNTT],
        VICE_CHAIR,
        21,
        {},
    ),
    (
        "40/KH-SNV",
        "KH",
        "Sở Nội vụ",
        "2014-10-06",
        "Kế hoạch đánh giá, xác định Chỉ số cải cách hành chính năm 2014",
        [CCHC, NOI_VU],
        HOME_AFFAIRS_DIRECTOR,
        9,
        {},
    ),
    (
        "01/CT-UBND",
        "CT",
        "UBND tỉnh",
        "2015-01-12",
        "Chỉ thị về đẩy mạnh thực hiện Kế hoạch 07/KH-UBND trong năm cuối giai đoạn 2011-2015",
        [CNTT],
        CHAIR,
        2,
        {},
    ),
    (
        "11/KH-UBND",
        "KH",
        "UBND tỉnh",
        "2015-03-02",
        "Kế hoạch ứng dụng công nghệ thông tin năm 2015",
        [CNTT],
        VICE_CHAIR,
        6,
        {"expires_on": "2015-12-31"},
    ),
    (
        "1120/QĐ-UBND",
        "QĐ",
        "UBND tỉnh",
        "2015-06-15",
        "Quyết định ban hành Quy chế sử dụng thư điện tử công vụ tỉnh Hậu Giang (thay thế Quyết định số 640/QĐ-UBND)",
        [CNTT],
        VICE_CHAIR,
        4,
        {"effective_on": "2015-07-01"},
    ),
    (
        "75/TB-VPUBND",
        "TB",
        "VP UBND tỉnh",
        "2015-08-20",
        "Thông báo kết luận cuộc họp sơ kết thực hiện Kế hoạch 07/KH-UBND",
        [CNTT],
        OFFICE_HEAD,
        2,
        {},
    ),
    (
        "95/BC-UBND",
        "BC",
        "UBND tỉnh",
        "2015-12-10",
        "Báo cáo tổng kết ứng dụng công nghệ thông tin trong cơ quan nhà nước giai đoạn 2011-2015",
        [CNTT],
        VICE_CHAIR,
        7,
        {},
    ),
]

# Register entries that never reached the portal: the outstanding list of the demo.
UNPUBLISHED = [
    (
        "14/KH-UBND",
        "KH",
        "UBND tỉnh",
        "2011-08-22",
        "Kế hoạch phát triển nguồn nhân lực công nghệ thông tin đến năm 2015",
        VICE_CHAIR,
    ),
    (
        "130/TB-VPUBND",
        "TB",
        "VP UBND tỉnh",
        "2012-12-14",
        "Thông báo kết luận cuộc họp về xây dựng hệ thống một cửa liên thông",
        OFFICE_HEAD,
    ),
    ("22/KH-UBND", "KH", "UBND tỉnh", "2013-03-18", "Kế hoạch kiểm tra công tác văn thư, lưu trữ năm 2013", VICE_CHAIR),
    (
        "1785/QĐ-UBND",
        "QĐ",
        "UBND tỉnh",
        "2013-11-20",
        "Quyết định kiện toàn Ban Chỉ đạo ứng dụng công nghệ thông tin tỉnh",
        CHAIR,
    ),
    (
        "19/KH-SNV",
        "KH",
        "Sở Nội vụ",
        "2014-04-09",
        "Kế hoạch bồi dưỡng cán bộ, công chức cấp xã năm 2014",
        HOME_AFFAIRS_DIRECTOR,
    ),
    (
        "09/CT-UBND",
        "CT",
        "UBND tỉnh",
        "2014-09-29",
        "Chỉ thị về tăng cường bảo đảm an toàn, an ninh thông tin trong cơ quan nhà nước",
        CHAIR,
    ),
    (
        "60/KH-STTTT",
        "KH",
        "Sở TT&TT",
        "2015-05-11",
        "Kế hoạch kiểm tra ứng dụng công nghệ thông tin tại các sở, ban, ngành năm 2015",
        ICT_DIRECTOR,
    ),
    (
        "118/TB-VPUBND",
        "TB",
        "VP UBND tỉnh",
        "2015-10-26",
        "Thông báo kết luận cuộc họp chuẩn bị tổng kết giai đoạn 2011-2015",
        OFFICE_HEAD,
    ),
]

PLAN_PDF_TEXT = [
    "ỦY BAN NHÂN DÂN TỈNH HẬU GIANG",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM - Độc lập - Tự do - Hạnh phúc",
    "Số: 07/KH-UBND                                Hậu Giang, ngày 14 tháng 3 năm 2011",
    "",
    "KẾ HOẠCH",
    "Ứng dụng công nghệ thông tin trong hoạt động của cơ quan nhà nước tỉnh Hậu Giang giai đoạn 2011-2015",
    "",
    "I. MỤC TIÊU",
    "1. Hoàn thiện mạng diện rộng của tỉnh, kết nối 100% sở, ban, ngành tỉnh và Ủy ban nhân dân các huyện, "
    "thị xã, thành phố; 80% Ủy ban nhân dân cấp xã có kết nối Internet tốc độ cao.",
    "2. 100% cán bộ, công chức cấp tỉnh, cấp huyện được cấp và sử dụng thư điện tử công vụ trong công việc.",
    "3. 80% văn bản chỉ đạo, điều hành của Ủy ban nhân dân tỉnh được đăng tải trên Cổng thông tin điện tử "
    "của tỉnh chậm nhất 03 ngày làm việc sau khi ký.",
    "4. Cung cấp trực tuyến ở mức độ 3 các dịch vụ công thiết yếu: đăng ký kinh doanh, cấp giấy phép xây dựng, "
    "cấp giấy chứng nhận quyền sử dụng đất.",
    "",
    "II. NHIỆM VỤ CHỦ YẾU",
    "1. Phát triển hạ tầng kỹ thuật: nâng cấp Trung tâm tích hợp dữ liệu, bảo đảm an toàn thông tin.",
    "2. Ứng dụng trong nội bộ cơ quan nhà nước: phần mềm quản lý văn bản và điều hành, thư điện tử, "
    "hội nghị truyền hình trực tuyến.",
    "3. Ứng dụng phục vụ người dân và doanh nghiệp: Cổng thông tin điện tử, dịch vụ công trực tuyến, một cửa điện tử.",
    "4. Phát triển nguồn nhân lực: đào tạo kỹ năng ứng dụng công nghệ thông tin cho cán bộ, công chức.",
    "",
    "III. TỔ CHỨC THỰC HIỆN",
    "Sở Thông tin và Truyền thông chủ trì, theo dõi, đôn đốc và báo cáo Ủy ban nhân dân tỉnh định kỳ 6 tháng, "
    "hằng năm. Văn phòng Ủy ban nhân dân tỉnh theo dõi tỷ lệ văn bản chỉ đạo, điều hành được đăng tải trên Cổng.",
    "",
    "TM. ỦY BAN NHÂN DÂN - KT. CHỦ TỊCH - PHÓ CHỦ TỊCH",
    "Lê Thị Mai (dữ liệu minh họa)",
]


def _stream(*paragraphs):
    return json.dumps([{"type": "paragraph", "value": f"<p>{text}</p>"} for text in paragraphs])


def _date(text):
    return datetime.date.fromisoformat(text) if text else None


def ensure_reference_lists():
    bodies = {}
    for name, short_name, slug in ISSUING_BODIES:
        body, _ = IssuingBody.objects.get_or_create(name=name, defaults={"short_name": short_name, "slug": slug})
        bodies[short_name] = body
    types = {}
    for name, code in DOCUMENT_TYPES:
        doc_type, _ = DocumentType.objects.get_or_create(name=name, defaults={"code": code})
        types[code] = doc_type
    fields = {name: Field.objects.get_or_create(name=name)[0] for name in FIELDS}
    return bodies, types, fields


def ensure_plan_document():
    Document = get_document_model()
    title = "Kế hoạch 07/KH-UBND ngày 14/3/2011 (bản ký số)"
    document = Document.objects.filter(title=title).first()
    if document is None:
        document = Document(title=title)
        document.file.save("07-kh-ubnd-2011.pdf", ContentFile(build_pdf(title, PLAN_PDF_TEXT)), save=False)
        document._set_document_file_metadata()
        document.save()
    return document


def _body_for(title, doc_type, issuer):
    return _stream(
        f"{issuer.name} ban hành {doc_type.name.lower()} {title[0].lower() + title[1:]}.",
        "Các sở, ban, ngành tỉnh; Ủy ban nhân dân các huyện, thị xã, thành phố căn cứ chức năng, nhiệm vụ "
        "tổ chức triển khai thực hiện, báo cáo kết quả về Ủy ban nhân dân tỉnh (qua Văn phòng Ủy ban nhân dân tỉnh).",
        "Toàn văn văn bản xem trong tệp đính kèm hoặc liên hệ Văn phòng Ủy ban nhân dân tỉnh.",
    )


PLAN_BODY = _stream(
    "Kế hoạch đặt mục tiêu đưa công nghệ thông tin vào hoạt động hằng ngày của các cơ quan nhà nước tỉnh "
    "Hậu Giang trong 5 năm 2011-2015: văn bản điện tử thay dần văn bản giấy, thư điện tử công vụ cho mọi "
    "cán bộ, công chức cấp tỉnh và cấp huyện, dịch vụ công trực tuyến mức độ 3 cho các thủ tục thiết yếu.",
    "Một chỉ tiêu được theo dõi trên chính Cổng thông tin điện tử: khoảng 80% văn bản chỉ đạo, điều hành của "
    "Ủy ban nhân dân tỉnh được đăng tải trên Cổng.",
    "Sở Thông tin và Truyền thông chủ trì theo dõi, đôn đốc và báo cáo định kỳ 6 tháng, hằng năm.",
)


def _slug(number, year, doc_type):
    slug = slugify(f"{doc_type.name} {number}")
    return slug if str(year) in number else f"{slug}-{year}"


def _set_publication_date(page, issued_on, delay_days):
    """Demo pages carry the publication date they would have had in 2011-2015, for the delay metrics."""
    published_at = timezone.make_aware(
        datetime.datetime.combine(issued_on + datetime.timedelta(days=delay_days), datetime.time(9, 0))
    )
    DirectivePage.objects.filter(pk=page.pk).update(first_published_at=published_at, last_published_at=published_at)


def ensure_directives(index, bodies, types, fields, plan_document):
    pages = {}
    created_count = 0
    # Replacements first, so that a replaced directive can name its replacement.
    ordered = sorted(DIRECTIVES, key=lambda spec: "replaced_by" in spec[8])
    for number, code, issuer_short, issued, title, field_names, signer, delay, extra in ordered:
        issued_on = _date(issued)
        doc_type, issuer = types[code], bodies[issuer_short]
        slug = _slug(number, issued_on.year, doc_type)
        existing = index.get_children().filter(slug=slug).first()
        if existing is not None:
            pages[(number, issued_on.year)] = existing.specific
            continue
        replaced_by = None
        if "replaced_by" in extra:
            replaced_by = pages[extra["replaced_by"]]
        page = DirectivePage(
            title=title,
            slug=slug,
            number=number,
            doc_type=doc_type,
            issuing_body=issuer,
            signer=signer[0],
            signer_position=signer[1],
            issued_on=issued_on,
            effective_on=_date(extra.get("effective_on")) or issued_on,
            expires_on=_date(extra.get("expires_on")),
            legal_status="replaced" if replaced_by else "in_force",
            replaced_by=replaced_by,
            summary=title,
            body=PLAN_BODY if extra.get("plan") else _body_for(title, doc_type, issuer),
            withdrawn_on=_date(extra.get("withdrawn_on")),
            withdrawal_reason=extra.get("withdrawal_reason", ""),
            search_description=title[:160],
        )
        page.fields = [fields[name] for name in field_names]
        if extra.get("plan"):
            page.attachments.add(page.attachments.model(document=plan_document, title="Văn bản ký số (PDF)"))
        for order, (changed_on, description) in enumerate(extra.get("change_notes", [])):
            page.change_notes.add(
                page.change_notes.model(changed_on=_date(changed_on), description=description, sort_order=order)
            )
        index.add_child(instance=page)
        page.save_revision().publish()
        _set_publication_date(page, issued_on, delay)
        pages[(number, issued_on.year)] = page
        created_count += 1
    return pages, created_count


def ensure_register():
    rows = []
    for line, spec in enumerate(DIRECTIVES, start=2):
        number, code, issuer_short, issued, title, _fields, signer, _delay, _extra = spec
        rows.append((line, _register_row(number, code, issuer_short, issued, title, signer)))
    for line, (number, code, issuer_short, issued, title, signer) in enumerate(UNPUBLISHED, start=len(rows) + 2):
        rows.append((line, _register_row(number, code, issuer_short, issued, title, signer)))
    if RegisterEntry.objects.count() >= len(rows):
        return None
    return import_rows(rows)


def _register_row(number, code, issuer_short, issued, title, signer):
    return {
        "number": number,
        "doc_type": code,
        "title": title,
        "issuer": issuer_short,
        "signer": signer[0],
        "issued_on": issued,
    }


OPERATIONAL_NEWS = [
    (
        "2011-03-16",
        "Triển khai Kế hoạch ứng dụng công nghệ thông tin giai đoạn 2011-2015",
        "Ủy ban nhân dân tỉnh tổ chức hội nghị triển khai Kế hoạch 07/KH-UBND tới các sở, ngành và địa phương.",
        [
            "Hội nghị giao Sở Thông tin và Truyền thông làm đầu mối, các sở, ngành xây dựng kế hoạch năm của đơn vị "
            "trước ngày 30/4/2011."
        ],
        ["07/KH-UBND"],
    ),
    (
        "2011-05-12",
        "Khai trương phiên bản mới Cổng thông tin điện tử tỉnh",
        "Cổng thông tin điện tử tỉnh Hậu Giang chính thức vận hành phiên bản mới với chuyên mục văn bản chỉ đạo, "
        "điều hành.",
        [
            "Theo Quy chế vừa ban hành, văn bản chỉ đạo, điều hành được đăng trên Cổng chậm nhất 03 ngày "
            "làm việc sau khi ký."
        ],
        ["512/QĐ-UBND"],
    ),
    (
        "2011-07-16",
        "Chủ tịch Ủy ban nhân dân tỉnh họp về hệ thống quản lý văn bản và điều hành",
        "Chủ tịch Ủy ban nhân dân tỉnh yêu cầu hoàn thành triển khai phần mềm quản lý văn bản tại các sở trong "
        "năm 2011.",
        ["Các đơn vị chậm tiến độ phải báo cáo nguyên nhân trước ngày 15/8/2011."],
        ["45/TB-VPUBND"],
    ),
    (
        "2011-11-03",
        "Tỉnh chỉ đạo phòng, chống dịch bệnh trên đàn gia súc, gia cầm",
        "Ủy ban nhân dân tỉnh yêu cầu các huyện chủ động tiêm phòng, giám sát chặt các ổ dịch.",
        [],
        ["12/CT-UBND"],
    ),
    (
        "2012-01-18",
        "Năm 2012: thêm dịch vụ công trực tuyến mức độ 3",
        "Ủy ban nhân dân tỉnh đặt mục tiêu cung cấp trực tuyến mức độ 3 các thủ tục đăng ký kinh doanh và cấp "
        "phép xây dựng.",
        [],
        ["03/KH-UBND"],
    ),
    (
        "2012-04-02",
        "Mở lớp bồi dưỡng kỹ năng công nghệ thông tin cho công chức",
        "Sở Thông tin và Truyền thông khai giảng các lớp bồi dưỡng kỹ năng sử dụng thư điện tử công vụ và phần mềm "
        "quản lý văn bản.",
        [],
        ["25/KH-STTTT"],
    ),
    (
        "2012-06-28",
        "Sơ kết 6 tháng thực hiện Kế hoạch ứng dụng công nghệ thông tin",
        "Các chỉ tiêu về thư điện tử công vụ đạt khá; dịch vụ công trực tuyến còn ít người dùng.",
        [],
        ["38/BC-UBND"],
    ),
    (
        "2012-10-20",
        "Công bố bộ thủ tục hành chính lĩnh vực kế hoạch và đầu tư",
        "Người dân, doanh nghiệp tra cứu đầy đủ thủ tục, hồ sơ, lệ phí trên Cổng thông tin điện tử tỉnh.",
        [],
        ["1560/QĐ-UBND"],
    ),
    (
        "2013-01-09",
        "Ủy ban nhân dân tỉnh giao nhiệm vụ phát triển kinh tế - xã hội năm 2013",
        "Chủ tịch Ủy ban nhân dân tỉnh yêu cầu các ngành cụ thể hóa nhiệm vụ ngay từ đầu năm.",
        [],
        ["01/CT-UBND"],
    ),
    (
        "2013-04-13",
        "Giao ban trực tuyến với các huyện, thị xã, thành phố quý I",
        "Lần đầu tiên cuộc giao ban được tổ chức qua hệ thống hội nghị truyền hình, tiết kiệm thời gian đi lại.",
        [],
        ["27/TB-VPUBND"],
    ),
    (
        "2013-05-08",
        "Quy chế sử dụng thư điện tử công vụ có hiệu lực",
        "Văn bản gửi qua thư điện tử công vụ có giá trị như văn bản giấy trong trao đổi nội bộ.",
        [],
        ["640/QĐ-UBND"],
    ),
    (
        "2013-10-16",
        "Triển khai một cửa điện tử tại Ủy ban nhân dân cấp huyện",
        "Người dân có thể theo dõi tình trạng hồ sơ qua mạng thay vì đến hỏi trực tiếp.",
        [],
        ["45/KH-STTTT"],
    ),
    (
        "2014-02-12",
        "Nâng cao chất lượng giải quyết thủ tục hành chính",
        "Chủ tịch Ủy ban nhân dân tỉnh yêu cầu công khai đúng hạn, trễ hạn của từng hồ sơ.",
        [],
        ["02/CT-UBND"],
    ),
    (
        "2014-07-02",
        "Ủy ban nhân dân tỉnh báo cáo Hội đồng nhân dân tỉnh kết quả thực hiện Kế hoạch 07/KH-UBND",
        "Báo cáo phục vụ đợt giám sát chuyên đề của Hội đồng nhân dân tỉnh về ứng dụng công nghệ thông tin.",
        [],
        ["56/BC-UBND"],
    ),
    (
        "2014-07-19",
        "Kết luận của Chủ tịch Ủy ban nhân dân tỉnh sau đợt giám sát của Hội đồng nhân dân tỉnh",
        "Các sở, ngành phải khắc phục ngay tình trạng in văn bản điện tử ra giấy để xử lý.",
        [],
        ["102/TB-VPUBND"],
    ),
    (
        "2014-10-08",
        "Đánh giá Chỉ số cải cách hành chính năm 2014",
        "Sở Nội vụ hướng dẫn các đơn vị tự chấm điểm, gửi tài liệu kiểm chứng qua mạng.",
        [],
        ["40/KH-SNV"],
    ),
    (
        "2015-01-14",
        "Năm cuối thực hiện Kế hoạch 07/KH-UBND: tập trung các chỉ tiêu còn chậm",
        "Chủ tịch Ủy ban nhân dân tỉnh chỉ thị các đơn vị hoàn thành những chỉ tiêu chưa đạt trước tháng 10/2015.",
        [],
        ["01/CT-UBND"],
    ),
    (
        "2015-08-22",
        "Sơ kết thực hiện Kế hoạch 07/KH-UBND",
        "Hạ tầng kỹ thuật cơ bản hoàn thành; dịch vụ công trực tuyến cần được tuyên truyền mạnh hơn.",
        [],
        ["75/TB-VPUBND"],
    ),
    (
        "2015-12-12",
        "Tổng kết ứng dụng công nghệ thông tin giai đoạn 2011-2015",
        "Ủy ban nhân dân tỉnh tổng kết 5 năm và định hướng xây dựng chính quyền điện tử giai đoạn tiếp theo.",
        [],
        ["95/BC-UBND"],
    ),
]

INTERVIEW = {
    "date": "2014-07-10",
    "title": "Giám sát Kế hoạch 07/KH-UBND: “Đã làm được khoảng 60%, người dân vẫn chưa biết đến dịch vụ công "
    "trực tuyến”",
    "lead": "Sau đợt giám sát chuyên đề của Hội đồng nhân dân tỉnh về ứng dụng công nghệ thông tin trong cơ quan nhà "
    "nước, phóng viên Cổng thông tin điện tử trao đổi với bà Nguyễn Thị Thu Hà, Phó Trưởng Ban Văn hóa - Xã hội "
    "Hội đồng nhân dân tỉnh (nhân vật minh họa).",
    "paragraphs": [
        "<strong>Thưa bà, qua giám sát, Kế hoạch 07/KH-UBND đã được thực hiện đến đâu?</strong>",
        "Sau hơn ba năm, chúng tôi đánh giá các sở, ngành và địa phương mới hoàn thành khoảng 60% khối lượng của kế "
        "hoạch. Hạ tầng kỹ thuật làm khá tốt: các sở đều có kết nối, hầu hết cán bộ đã có thư điện tử công vụ. Phần "
        "chậm nhất là thay đổi cách làm việc.",
        "<strong>Cụ thể là thay đổi gì?</strong>",
        "Nhiều nơi có phần mềm quản lý văn bản nhưng cán bộ vẫn in văn bản ra giấy để trình ký, rồi lại quét vào máy. "
        "Như vậy vừa tốn giấy vừa chậm hơn. Đoàn giám sát đã kiến nghị lãnh đạo các đơn vị phải xử lý văn bản trên "
        "máy và ký số khi đủ điều kiện.",
        "<strong>Còn phía người dân, doanh nghiệp?</strong>",
        "Đây là điều chúng tôi lo nhất. Tỉnh đã có dịch vụ công trực tuyến mức độ 3 cho một số thủ tục, nhưng khi "
        "đoàn hỏi ở bộ phận một cửa, phần lớn người dân không biết có thể nộp hồ sơ qua mạng. Có những dịch vụ cả năm "
        "chỉ nhận vài hồ sơ trực tuyến. Làm ra dịch vụ mà người dân không biết thì chưa thể coi là hoàn thành.",
        "<strong>Việc công khai văn bản chỉ đạo, điều hành trên Cổng được đánh giá thế nào?</strong>",
        "Đây là điểm sáng: khoảng 80% văn bản chỉ đạo, điều hành của Ủy ban nhân dân tỉnh đã được đăng trên Cổng, "
        "đúng với chỉ tiêu của kế hoạch. Tuy vậy, vẫn còn văn bản đăng chậm vài tuần sau khi ký; Văn phòng Ủy ban nhân "
        "dân tỉnh cần theo dõi theo sổ văn bản để không bỏ sót.",
        "<strong>Kiến nghị của đoàn giám sát là gì?</strong>",
        "Chúng tôi đề nghị Ủy ban nhân dân tỉnh giao chỉ tiêu cụ thể cho từng đơn vị, đưa kết quả ứng dụng công nghệ "
        "thông tin vào bình xét thi đua, và tổ chức tuyên truyền rộng rãi về dịch vụ công trực tuyến, nhất là ở cấp "
        "xã. Năm 2015 là năm cuối của kế hoạch, không thể để dồn việc đến tháng cuối.",
        "<em>Xin cảm ơn bà!</em>",
    ],
    "related": ["07/KH-UBND", "56/BC-UBND"],
}


def ensure_news(index, directive_pages):
    by_number = {number: page for (number, _year), page in directive_pages.items()}
    specs = [
        {"date": date, "title": title, "lead": lead, "paragraphs": paragraphs, "related": related}
        for date, title, lead, paragraphs, related in OPERATIONAL_NEWS
    ]
    specs.append(INTERVIEW)
    created_count = 0
    for spec in specs:
        date = _date(spec["date"])
        slug = f"{slugify(spec['title'])[:70].rstrip('-')}-{date:%Y%m%d}"
        if index.get_children().filter(slug=slug).exists():
            continue
        page = OperationalNewsPage(
            title=spec["title"],
            slug=slug,
            date=date,
            lead=spec["lead"],
            body=_stream(*spec["paragraphs"]) if spec["paragraphs"] else "[]",
        )
        for order, number in enumerate(spec["related"]):
            directive = directive_pages.get((number, date.year)) or by_number.get(number)
            if directive is not None:
                page.related_directives.add(page.related_directives.model(directive=directive, sort_order=order))
        index.add_child(instance=page)
        page.save_revision().publish()
        published_at = timezone.make_aware(datetime.datetime.combine(date, datetime.time(16, 0)))
        OperationalNewsPage.objects.filter(pk=page.pk).update(
            first_published_at=published_at, last_published_at=published_at
        )
        created_count += 1
    return created_count


def load(stdout):
    home = HomePage.objects.first()
    if home is None:
        stdout.write("  Chưa có trang chủ: bỏ qua văn bản chỉ đạo.")
        return
    bodies, types, fields = ensure_reference_lists()
    stdout.write("  Danh mục cơ quan ban hành, loại văn bản, lĩnh vực: xong")
    directive_index, _ = ensure_page(
        home,
        DirectiveIndexPage,
        "van-ban-chi-dao-dieu-hanh",
        title="Văn bản chỉ đạo, điều hành",
        show_in_menus=True,
        intro="Chỉ thị, quyết định, kế hoạch, thông báo kết luận… của lãnh đạo tỉnh Hậu Giang.",
    )
    news_index, _ = ensure_page(
        home,
        OperationalNewsIndexPage,
        "tin-chi-dao-dieu-hanh",
        title="Tin chỉ đạo, điều hành",
        show_in_menus=True,
        intro="Kết luận cuộc họp, hoạt động của lãnh đạo tỉnh, thông cáo báo chí.",
    )
    pages, created = ensure_directives(directive_index, bodies, types, fields, ensure_plan_document())
    stdout.write(f"  Văn bản chỉ đạo, điều hành: {len(pages)} ({created} tạo mới)")
    news_created = ensure_news(news_index, pages)
    stdout.write(f"  Tin chỉ đạo, điều hành: {news_created} tạo mới")
    result = ensure_register()
    if result is None:
        stdout.write("  Sổ theo dõi văn bản: đã có")
    else:
        stdout.write(f"  Sổ theo dõi văn bản: {result.created} văn bản, {result.linked} đã liên kết với trang")

"""Demo content of the foundation: home page, site settings, guidance and organisation pages.

Every step looks its content up by a stable key before creating it, so a second
run of ``load_demo`` changes nothing. Names of officials are fictional.
"""

import datetime
import json
from pathlib import Path

from django.utils import timezone
from wagtail.models import Page, Site

from home.models import HomePage, OrganisationPage, PortalSettings, StandardPage


def demo_data(module_file, name):
    """The JSON file ``demo_data/<name>.json`` beside the demo module ``module_file``.

    Demo prose lives in data files an editor can review, not in Python literals.
    """
    path = Path(module_file).resolve().parent / "demo_data" / f"{name}.json"
    with path.open(encoding="utf-8") as file:
        return json.load(file)


def set_publication_date(page, day, hour=9):
    """Date a demo page to when its content was published, not to the day the demo was loaded.

    Search's year facet, date sorting and listings read these dates.
    """
    moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, 0)))
    Page.objects.filter(pk=page.pk).update(first_published_at=moment, last_published_at=moment)
    page.first_published_at = page.last_published_at = moment


def ensure_page(parent, model, slug, published_on=None, **fields):
    """Return the live child of ``parent`` with ``slug``, creating and publishing it once.

    Existing pages are left as they are: an editor may have improved them.
    ``published_on`` dates content written before the demo was loaded.
    Returns ``(page, created)``.
    """
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific, False
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    if published_on is not None:
        set_publication_date(page, published_on)
    return page, True


def _stream(*blocks):
    return json.dumps([{"type": kind, "value": value} for kind, value in blocks])


def ensure_home_page():
    """The site's root is a HomePage; Wagtail's placeholder welcome page is removed."""
    home = HomePage.objects.first()
    if home is not None:
        return home, False
    root = Page.get_first_root_node()
    home = HomePage(
        title="Trang chủ",
        slug="trang-chu",
        intro="Thông tin chỉ đạo, điều hành, thủ tục hành chính và dịch vụ công trực tuyến của tỉnh Hậu Giang.",
    )
    root.add_child(instance=home)
    home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="Hậu Giang")
    else:
        placeholder = site.root_page
        site.root_page = home
        site.site_name = "Hậu Giang"
        site.save()
        if placeholder.pk != home.pk and placeholder.depth == 2 and not placeholder.get_children().exists():
            placeholder.delete()
    return home, True


def ensure_portal_settings(site):
    portal = PortalSettings.for_site(site)
    if portal.address:
        return False
    portal.portal_name = "Cổng thông tin điện tử tỉnh Hậu Giang"
    portal.province_name = "Hậu Giang"
    portal.owning_agency = "Ủy ban nhân dân tỉnh Hậu Giang"
    portal.address = "Số 02 Đường Võ Văn Kiệt, phường V, thành phố Vị Thanh, tỉnh Hậu Giang"
    portal.phone = "0293 3876 888"
    portal.email = "congthongtin@haugiang.gov.vn"
    portal.content_officer = "Chánh Văn phòng Ủy ban nhân dân tỉnh"
    portal.licence = "Giấy phép số 25/GP-TTĐT do Bộ Thông tin và Truyền thông cấp (dữ liệu minh họa)"
    portal.facebook_url = "https://www.facebook.com/haugiang.gov.vn"
    portal.youtube_url = "https://www.youtube.com/@haugiangtv"
    portal.save()
    return True


GUIDE_BODY = _stream(
    ("heading", {"text": "Ai có thể nộp hồ sơ trực tuyến?", "level": "h2"}),
    (
        "paragraph",
        "<p>Mọi công dân, tổ chức có tài khoản định danh điện tử đều có thể nộp hồ sơ trực tuyến "
        "cho các thủ tục có mức độ toàn trình hoặc một phần. Hồ sơ nộp trực tuyến có giá trị như hồ sơ giấy.</p>",
    ),
    ("heading", {"text": "Các bước thực hiện", "level": "h2"}),
    (
        "paragraph",
        "<ol><li>Tra cứu thủ tục cần thực hiện trên cổng.</li>"
        "<li>Chọn “Nộp hồ sơ trực tuyến” và đăng nhập.</li>"
        "<li>Khai tờ khai, đính kèm bản chụp giấy tờ.</li>"
        "<li>Theo dõi kết quả bằng mã hồ sơ được cấp.</li></ol>",
    ),
    (
        "table",
        {
            "caption": "So sánh cách nộp hồ sơ",
            "columns": [
                {"type": "text", "heading": "Tiêu chí"},
                {"type": "text", "heading": "Trực tiếp"},
                {"type": "text", "heading": "Trực tuyến"},
            ],
            "rows": [
                {"values": ["Thời gian đi lại", "Phải đến bộ phận một cửa", "Không cần đi lại"]},
                {"values": ["Giờ nộp", "Giờ hành chính", "24 giờ mỗi ngày, 7 ngày mỗi tuần"]},
                {"values": ["Theo dõi hồ sơ", "Gọi điện, đến hỏi", "Tra cứu bằng mã hồ sơ"]},
            ],
        },
    ),
    (
        "faq",
        {
            "title": "Câu hỏi thường gặp",
            "items": [
                {
                    "question": "Tôi không có máy tính thì nộp hồ sơ trực tuyến thế nào?",
                    "answer": "<p>Bạn có thể dùng điện thoại thông minh, hoặc nhờ cán bộ của bộ phận một cửa "
                    "cấp xã hướng dẫn nộp tại chỗ.</p>",
                },
                {
                    "question": "Nộp trực tuyến có phải nộp lại bản giấy không?",
                    "answer": "<p>Không, trừ khi quy định của thủ tục yêu cầu xuất trình bản chính "
                    "khi nhận kết quả.</p>",
                },
            ],
        },
    ),
    (
        "call_to_action",
        {
            "text": "Tìm thủ tục bạn cần, có dấu hoặc không dấu.",
            "button_label": "Tra cứu thủ tục",
            "page": None,
            "external_url": "/tim-kiem/",
        },
    ),
)

# The guidance was written for the 2014 online services campaign; the province page came with
# the portal's relaunch in 2011.
GUIDES_PUBLISHED_ON = datetime.date(2014, 9, 1)
ABOUT_PUBLISHED_ON = datetime.date(2011, 5, 12)

ABOUT_BODY = _stream(
    (
        "paragraph",
        "<p>Hậu Giang là tỉnh thuộc vùng Đồng bằng sông Cửu Long, được thành lập năm 2004 trên cơ sở "
        "chia tách tỉnh Cần Thơ. Tỉnh lỵ là thành phố Vị Thanh.</p>",
    ),
)

ORGANISATIONS = [
    {
        "slug": "van-phong-ubnd-tinh",
        "title": "Văn phòng Ủy ban nhân dân tỉnh",
        "description": "<p>Tham mưu tổng hợp, giúp Ủy ban nhân dân tỉnh chỉ đạo, điều hành; "
        "quản lý Cổng thông tin điện tử tỉnh.</p>",
        "address": "Số 02 Đường Võ Văn Kiệt, phường V, thành phố Vị Thanh",
        "phone": "0293 3876 888",
        "email": "vanphong@haugiang.gov.vn",
        "officials": [
            ("Nguyễn Văn An", "Chánh Văn phòng", "Lãnh đạo Văn phòng", "0293 3876 001", "nvan@haugiang.gov.vn"),
            ("Trần Thị Bích", "Phó Chánh Văn phòng", "Lãnh đạo Văn phòng", "0293 3876 002", "ttbich@haugiang.gov.vn"),
            (
                "Lê Minh Châu",
                "Giám đốc Cổng thông tin điện tử",
                "Cổng thông tin điện tử",
                "0293 3876 010",
                "lmchau@haugiang.gov.vn",
            ),
        ],
    },
    {
        "slug": "so-thong-tin-va-truyen-thong",
        "title": "Sở Thông tin và Truyền thông",
        "description": "<p>Cơ quan chuyên môn tham mưu về ứng dụng công nghệ thông tin, chuyển đổi số "
        "và theo dõi Kế hoạch 07/KH-UBND.</p>",
        "address": "Số 05 Đường Trần Hưng Đạo, phường V, thành phố Vị Thanh",
        "phone": "0293 3878 555",
        "email": "stttt@haugiang.gov.vn",
        "officials": [
            ("Phạm Quốc Dũng", "Giám đốc Sở", "Ban Giám đốc", "0293 3878 501", "pqdung@haugiang.gov.vn"),
            (
                "Võ Thị Hạnh",
                "Trưởng phòng Công nghệ thông tin",
                "Phòng Công nghệ thông tin",
                "0293 3878 520",
                "vthanh@haugiang.gov.vn",
            ),
        ],
    },
]


def load(stdout):
    home, created = ensure_home_page()
    stdout.write(f"  Trang chủ: {'tạo mới' if created else 'đã có'}")
    site = Site.objects.get(is_default_site=True)
    if ensure_portal_settings(site):
        stdout.write("  Thông tin cổng: đã điền")

    guides, _ = ensure_page(
        home,
        StandardPage,
        "huong-dan",
        published_on=GUIDES_PUBLISHED_ON,
        title="Hướng dẫn",
        show_in_menus=True,
        lead="Hướng dẫn người dân, doanh nghiệp sử dụng cổng và dịch vụ công trực tuyến.",
    )
    ensure_page(
        guides,
        StandardPage,
        "nop-ho-so-truc-tuyen",
        published_on=GUIDES_PUBLISHED_ON,
        title="Hướng dẫn nộp hồ sơ trực tuyến",
        lead="Nộp hồ sơ thủ tục hành chính qua mạng, không phải đến cơ quan nhà nước.",
        body=GUIDE_BODY,
    )
    ensure_page(
        guides,
        StandardPage,
        "gioi-thieu-tinh-hau-giang",
        published_on=ABOUT_PUBLISHED_ON,
        title="Giới thiệu tỉnh Hậu Giang",
        body=ABOUT_BODY,
    )

    structure, _ = ensure_page(
        home,
        OrganisationPage,
        "co-cau-to-chuc",
        title="Cơ cấu tổ chức",
        show_in_menus=True,
        description="<p>Các cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh Hậu Giang và đầu mối liên hệ.</p>",
    )
    for spec in ORGANISATIONS:
        spec = dict(spec)
        officials = spec.pop("officials")
        slug = spec.pop("slug")
        if structure.get_children().filter(slug=slug).exists():
            continue
        page = OrganisationPage(slug=slug, **spec)
        for order, (name, position, unit, phone, email) in enumerate(officials):
            page.officials.add(
                page.officials.model(
                    name=name, position=position, unit=unit, phone=phone, email=email, sort_order=order
                )
            )
        structure.add_child(instance=page)
        page.save_revision().publish()
    stdout.write("  Trang hướng dẫn và cơ cấu tổ chức: xong")

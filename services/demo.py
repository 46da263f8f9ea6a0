"""Demo content: the procedure catalogue, the online services page and two campaigns with results.

The procedures come from ``demo_data/thu_tuc_hanh_chinh.csv`` (Vietnamese headers, as the
national procedure database exports them) through the same importer staff use, so a second
run finds every code and changes nothing. Codes ("DEMO-001"…) and addresses are illustrative:
a real national code here would let a province's own catalogue, imported on top, rename a demo
page while its slug still names the demo procedure.
"""

import datetime
import json
import random
from pathlib import Path

from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model

from directives.pdf import build_pdf
from home.demo import ensure_home_page, ensure_page, set_publication_date

from .importer import import_procedures
from .levels import LegacyLevel
from .models import (
    CampaignChannel,
    CampaignDailyFollowThrough,
    CampaignDailyView,
    CampaignPage,
    Channel,
    FeaturedService,
    OnlineServicesPage,
    ProcedureIndexPage,
    ProcedurePage,
)

DEMO_CSV = Path(__file__).parent / "demo_data" / "thu_tuc_hanh_chinh.csv"

# The four services the province offered at level 3 in 2014.
LEVEL_3_CODES_2014 = ["DEMO-001", "DEMO-002", "DEMO-003", "DEMO-004"]


def _stream(*blocks):
    return json.dumps([{"type": kind, "value": value} for kind, value in blocks])


CAMPAIGN_BODY = _stream(
    (
        "steps",
        {
            "title": "Nộp hồ sơ trực tuyến trong 4 bước",
            "steps": [
                "Đăng nhập Cổng dịch vụ công của tỉnh bằng tài khoản định danh điện tử.",
                "Chọn thủ tục cần làm và khai tờ khai điện tử.",
                "Chụp ảnh, đính kèm giấy tờ rồi bấm “Nộp hồ sơ”.",
                "Theo dõi hồ sơ bằng mã được gửi qua tin nhắn; chỉ đến nhận kết quả một lần.",
            ],
        },
    ),
    (
        "faq",
        {
            "title": "Câu hỏi thường gặp",
            "items": [
                {
                    "question": "Nộp hồ sơ trực tuyến có mất thêm phí không?",
                    "answer": "<p>Không. Phí, lệ phí bằng với khi nộp trực tiếp.</p>",
                },
                {
                    "question": "Tôi không rành máy tính thì nhờ ai?",
                    "answer": "<p>Cán bộ của bộ phận một cửa cấp xã, cấp huyện hướng dẫn miễn phí, "
                    "kể cả nộp giúp ngay tại quầy.</p>",
                },
            ],
        },
    ),
    (
        "video",
        {
            "title": "Hướng dẫn nộp hồ sơ đăng ký kinh doanh qua mạng",
            "url": "https://www.youtube.com/@haugiangtv",
            "summary": "Video 3 phút: đăng nhập, khai tờ khai, đính kèm giấy tờ và theo dõi hồ sơ.",
        },
    ),
)

CAMPAIGNS = [
    {
        "slug": "dich-vu-cong-muc-do-3-nam-2014",
        "title": "Tuyên truyền dịch vụ công trực tuyến mức độ 3 năm 2014",
        "message": "Đăng ký kinh doanh, xin phép xây dựng ngay tại nhà: nộp hồ sơ qua mạng, đến một lần nhận kết quả.",
        "audience": "Hộ kinh doanh, doanh nghiệp, người dân có nhu cầu xây dựng nhà ở",
        "start": datetime.date(2014, 9, 1),
        "end": datetime.date(2014, 11, 30),
        "channels": [
            ("web", "Bài viết và biểu ngữ trên cổng"),
            ("poster", "Áp phích tại bộ phận một cửa 8 huyện, thị xã, thành phố"),
            ("loudspeaker", "Loa truyền thanh xã phát 3 buổi mỗi tuần"),
            ("meeting", "Lồng ghép vào họp ấp, khu vực"),
        ],
        "seed": 2014,
    },
    {
        "slug": "nop-ho-so-truc-tuyen-khong-phai-di-lai",
        "title": "Nộp hồ sơ trực tuyến – không phải đi lại",
        "message": "Bốn thủ tục thường gặp đã nộp được qua mạng, 24 giờ mỗi ngày. Quét mã QR để bắt đầu.",
        "audience": "Người dân và doanh nghiệp trên địa bàn tỉnh",
        "start_offset": -30,
        "end_offset": 60,
        "channels": [
            ("web", "Biểu ngữ trên trang chủ cổng"),
            ("poster", "Áp phích có mã QR tại bộ phận một cửa và nhà văn hóa ấp"),
            ("zalo", "Trang Zalo chính thức của tỉnh"),
            ("facebook", "Trang Facebook của cổng"),
        ],
        "seed": 2026,
    },
]


def attach_forms():
    """Level-2 procedures offer their first dossier component (the form) as a download."""
    Document = get_document_model()
    attached = 0
    for procedure in ProcedurePage.objects.live().at_legacy_level(LegacyLevel.FORMS):
        page = procedure.get_latest_revision_as_object()
        documents = list(page.documents.all())
        if not documents or documents[0].form_id:
            continue
        title = f"Mẫu: {documents[0].name}"
        document = Document.objects.filter(title=title).first()
        if document is None:
            document = Document(title=title)
            document.file.save(f"mau-{procedure.code}.pdf", ContentFile(build_pdf(title, [title])))
            document.save()
        documents[0].form = document
        page.documents = documents
        page.save_revision().publish()
        attached += 1
    return attached


def _record_results(campaign, start, end, seed):
    """Plausible daily counts for the days a campaign has run, recorded once."""
    if CampaignDailyView.objects.filter(campaign=campaign).exists():
        return False
    rng = random.Random(seed)  # noqa: S311 - repeatable demo figures, not secrets
    procedures = [item.procedure for item in campaign.featured_services.select_related("procedure")]
    views, follows = [], []
    day = start
    while day <= end:
        weekday_factor = 0.4 if day.weekday() >= 5 else 1.0
        web_views = int(rng.randint(40, 120) * weekday_factor) + 1
        views.append(CampaignDailyView(campaign=campaign, channel=Channel.WEB, day=day, views=web_views))
        for procedure in procedures:
            web = int(web_views * rng.uniform(0.02, 0.09))
            poster = int(rng.randint(0, 6) * weekday_factor)
            for channel, count in ((Channel.WEB, web), (Channel.POSTER, poster)):
                if count:
                    follows.append(
                        CampaignDailyFollowThrough(
                            campaign=campaign, procedure=procedure, channel=channel, day=day, follow_throughs=count
                        )
                    )
        day += datetime.timedelta(days=1)
    CampaignDailyView.objects.bulk_create(views)
    CampaignDailyFollowThrough.objects.bulk_create(follows)
    return True


def ensure_campaign(parent, spec, today):
    start = spec.get("start") or today + datetime.timedelta(days=spec["start_offset"])
    end = spec.get("end") or today + datetime.timedelta(days=spec["end_offset"])
    campaign = parent.get_children().filter(slug=spec["slug"]).first()
    created = campaign is None
    if created:
        campaign = CampaignPage(
            slug=spec["slug"],
            title=spec["title"],
            message=spec["message"],
            audience=spec["audience"],
            start_date=start,
            end_date=end,
            body=CAMPAIGN_BODY,
        )
        procedures = ProcedurePage.objects.filter(code__in=LEVEL_3_CODES_2014)
        campaign.featured_services = [
            FeaturedService(procedure=procedure, sort_order=order) for order, procedure in enumerate(procedures)
        ]
        campaign.channels = [
            CampaignChannel(kind=kind, note=note, sort_order=order)
            for order, (kind, note) in enumerate(spec["channels"])
        ]
        parent.add_child(instance=campaign)
        campaign.save_revision().publish()
        set_publication_date(campaign, start)
    campaign = campaign.specific
    last_day = min(campaign.end_date or today, today - datetime.timedelta(days=1))
    recorded = _record_results(campaign, campaign.start_date, last_day, spec["seed"])
    return campaign, created, recorded


def load(stdout):
    home, _created = ensure_home_page()
    index, _created = ensure_page(
        home,
        ProcedureIndexPage,
        "thu-tuc-hanh-chinh",
        title="Thủ tục hành chính",
        show_in_menus=True,
        intro="Tra cứu thủ tục hành chính của tỉnh theo đối tượng, lĩnh vực, cơ quan thực hiện, "
        "cấp thực hiện và mức độ dịch vụ công trực tuyến.",
    )
    online, _created = ensure_page(
        home,
        OnlineServicesPage,
        "dich-vu-cong-truc-tuyen",
        title="Dịch vụ công trực tuyến",
        show_in_menus=True,
        intro="Các thủ tục nộp hồ sơ qua mạng được, không phải đến cơ quan nhà nước. "
        "Chọn “Nộp hồ sơ trực tuyến” để bắt đầu.",
    )
    report = import_procedures(DEMO_CSV, index, publish=True)
    stdout.write(f"  Thủ tục hành chính: {report.summary()}")
    for error in report.errors:
        stdout.write(f"    {error}")
    attached = attach_forms()
    if attached:
        stdout.write(f"  Mẫu đơn, tờ khai: đính kèm {attached} mẫu")
    today = timezone.localdate()
    for spec in CAMPAIGNS:
        campaign, created, recorded = ensure_campaign(online, spec, today)
        state = "tạo mới" if created else "đã có"
        stdout.write(f"  Chiến dịch “{campaign.title}”: {state}{', đã ghi kết quả' if recorded else ''}")

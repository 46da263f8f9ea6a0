"""Demo content: the procedure catalogue, the online services page and two campaigns with results.

The prose is in ``demo_data/*.json``; the procedures are in ``demo_data/thu_tuc_hanh_chinh.csv``
(Vietnamese headers, as the national procedure database exports them) and go through the same
importer staff use, so a second run finds every code and changes nothing. Codes ("DEMO-001"…)
and addresses are illustrative: a real national code here would let a province's own catalogue,
imported on top, rename a demo page while its slug still names the demo procedure.
"""

import datetime
import json
import random
from pathlib import Path

from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model

from directives.pdf import build_pdf
from home.demo import demo_data, ensure_home_page, ensure_page, set_publication_date

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

PAGES = demo_data(__file__, "pages")
CAMPAIGNS = demo_data(__file__, "campaigns")


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


def _campaign_day(spec, key, today):
    """A fixed ``key`` date, or one ``<key>_offset`` days from today for a campaign running now."""
    if key in spec:
        return datetime.date.fromisoformat(spec[key])
    return today + datetime.timedelta(days=spec[f"{key}_offset"])


def ensure_campaign(parent, spec, today):
    start, end = _campaign_day(spec, "start", today), _campaign_day(spec, "end", today)
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
            body=json.dumps(CAMPAIGNS["body"]),
        )
        procedures = ProcedurePage.objects.filter(code__in=LEVEL_3_CODES_2014)
        campaign.featured_services = [
            FeaturedService(procedure=procedure, sort_order=order) for order, procedure in enumerate(procedures)
        ]
        campaign.channels = [
            CampaignChannel(sort_order=order, **channel) for order, channel in enumerate(spec["channels"])
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
    index, _created = ensure_page(home, ProcedureIndexPage, show_in_menus=True, **PAGES["procedure_index"])
    online, _created = ensure_page(home, OnlineServicesPage, show_in_menus=True, **PAGES["online_services"])
    report = import_procedures(DEMO_CSV, index, publish=True)
    stdout.write(f"  Thủ tục hành chính: {report.summary()}")
    for error in report.errors:
        stdout.write(f"    {error}")
    attached = attach_forms()
    if attached:
        stdout.write(f"  Mẫu đơn, tờ khai: đính kèm {attached} mẫu")
    today = timezone.localdate()
    for spec in CAMPAIGNS["campaigns"]:
        campaign, created, recorded = ensure_campaign(online, spec, today)
        state = "tạo mới" if created else "đã có"
        stdout.write(f"  Chiến dịch “{campaign.title}”: {state}{', đã ghi kết quả' if recorded else ''}")

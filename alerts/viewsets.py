"""Admin screens: topics with their subscriber counts, last alert and suspended addresses, and major changes.

Editors never see an e-mail address: the counts are all they need to judge what citizens follow
and whether sending fails. Addresses stay in the database only while a subscription lives.
"""

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import MajorChange, Topic


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "mail"
    menu_label = _("Chủ đề và số người nhận")
    list_display = [
        "label",
        "site",
        Column("active_subscribers", label=_("Người nhận")),
        Column("suspended_subscribers", label=_("Tạm ngừng vì gửi lỗi")),
        DateColumn("last_alert_at", label=_("Có tin mới gần nhất")),
    ]
    list_filter = ["finder"]
    search_fields = ["label"]
    list_export = ["label", "finder", "active_subscribers", "suspended_subscribers", "last_alert_at"]
    export_filename = "chu-de-nhan-tin"
    ordering = ["-active_subscribers"]
    panels = [FieldPanel("label", read_only=True)]

    def get_queryset(self, request):
        confirmed = Q(subscriptions__confirmed_at__isnull=False)
        return Topic.objects.select_related("site").annotate(
            active_subscribers=Count("subscriptions", filter=confirmed & Q(subscriptions__subscriber__suspended=False)),
            suspended_subscribers=Count("subscriptions", filter=Q(subscriptions__subscriber__suspended=True)),
        )


class MajorChangeViewSet(SnippetViewSet):
    model = MajorChange
    icon = "warning"
    menu_label = _("Thay đổi quan trọng")
    list_display = [
        "page",
        "note",
        DateColumn("created_at", label=_("Tạo lúc")),
        DateColumn("sent_at", label=_("Đã gửi lúc")),
    ]
    panels = [FieldPanel("page"), FieldPanel("note")]


class AlertsViewSetGroup(SnippetViewSetGroup):
    items = (TopicViewSet, MajorChangeViewSet)
    menu_icon = "mail"
    menu_label = _("Nhận tin qua e-mail")
    menu_name = "alerts"

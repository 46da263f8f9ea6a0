"""Staff work: manual measurements go through moderation; the dashboard says what to do."""

import datetime
import io
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse

from indicators.models import Measurement, Source

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/snippets/indicators/measurement/add/"


@pytest.fixture
def staff(django_user_model):
    def make(username, group_name):
        user = django_user_model.objects.create_user(username, f"{username}@haugiang.gov.vn", "x")
        user.groups.add(Group.objects.get(name=group_name))
        return user

    return make


def _form(indicator, value, **extra):
    data = {
        "indicator": indicator.pk,
        "value": value,
        "period_start": "01/01/2014",
        "period_end": "31/12/2014",
        "breakdown_kind": "",
        "breakdown_label": "",
        "note": "Báo cáo giám sát năm 2014",
    }
    data.update(extra)
    return data


def test_an_editors_measurement_is_public_only_after_a_moderator_approves_it(client, staff, make_indicator, tracker):
    indicator = make_indicator("ct-03", name="Thư điện tử công vụ")
    editor = staff("bientap", "Biên tập viên")
    client.force_login(editor)
    response = client.post(ADD_URL, {**_form(indicator, "82"), "action-submit": "Gửi duyệt"})
    assert response.status_code == 302, response.content.decode()[:2000]
    measurement = Measurement.objects.get(indicator=indicator)
    assert not measurement.live
    assert measurement.entered_by == editor
    assert measurement.source == Source.MANUAL
    assert measurement.workflow_in_progress
    assert "chưa có số liệu" in client.get(tracker.url).content.decode()

    moderator = staff("pheduyet", "Phê duyệt")
    client.force_login(moderator)
    task_state = measurement.current_workflow_task_state
    url = reverse(
        "wagtailsnippets_indicators_measurement:workflow_action",
        args=[measurement.pk, "approve", task_state.pk],
    )
    response = client.post(url, {"comment": ""})
    assert response.status_code in (200, 302)
    measurement.refresh_from_db()
    assert measurement.live
    assert measurement.value == Decimal("82")
    html = client.get(tracker.url).content.decode()
    assert "82%" in html


def test_an_editor_cannot_publish_a_measurement_directly(client, staff, make_indicator):
    indicator = make_indicator("ct-03")
    client.force_login(staff("bientap", "Biên tập viên"))
    client.post(ADD_URL, {**_form(indicator, "82"), "action-publish": "action-publish"})
    assert not Measurement.objects.filter(live=True).exists()


def test_automatic_indicators_refuse_typed_in_figures(admin_client, directive_rate):
    response = admin_client.post(ADD_URL, _form(directive_rate, "95"))
    assert response.status_code == 200
    assert "được tính tự động, không nhập tay" in response.content.decode()
    assert not Measurement.objects.exists()


def test_a_period_ending_before_it_starts_is_refused_with_a_clear_message(admin_client, make_indicator):
    indicator = make_indicator("ct-03")
    response = admin_client.post(ADD_URL, _form(indicator, "82", period_end="31/12/2013"))
    assert "Ngày cuối kỳ không được trước ngày đầu kỳ" in response.content.decode()
    assert not Measurement.objects.exists()


def test_dashboard_lists_behind_indicators_with_the_outstanding_register_entries(
    admin_client, directive_rate, register_entry, make_indicator, make_measurement, this_year
):
    register_entry(published=True)
    register_entry(published=False, issued_on=datetime.date(this_year, 1, 2))
    register_entry(published=False, issued_on=datetime.date(this_year, 1, 3))
    achieved = make_indicator("ct-04", name="Mạng LAN", target=Decimal(100))
    make_measurement(achieved, this_year, "100")
    call_command("refresh_indicators", stdout=io.StringIO())
    html = admin_client.get("/admin/").content.decode()
    panel = html[html.index('id="indicators-behind-section"') :]
    assert "Tỷ lệ văn bản chỉ đạo, điều hành đăng trên cổng" in panel
    assert "33,3%" in panel
    assert "2 văn bản trong sổ theo dõi chưa có trên cổng" in panel
    assert panel.index("ban hành 02/01") < panel.index("ban hành 03/01")  # oldest first
    assert "Tạo trang văn bản" in panel
    assert "Mạng LAN" not in panel


def test_staff_see_each_indicators_current_value_and_status_in_the_admin_list(
    admin_client, make_indicator, make_measurement, this_year
):
    lan = make_indicator("ct-04", name="Mạng LAN", target=Decimal(100))
    make_measurement(lan, this_year, "100")
    make_indicator("ct-08", name="Chi cho CNTT")
    html = admin_client.get("/admin/snippets/indicators/indicator/").content.decode()
    assert "Đã đạt" in html and "100%" in html
    assert "Chưa có số liệu" in html and "chưa có số liệu" in html


def test_a_measurement_can_be_broken_down_by_district(admin_client, make_indicator, tracker):
    indicator = make_indicator("ct-04", name="Mạng LAN", target=Decimal(100))
    for label, value in (("", "96"), ("Huyện Phụng Hiệp", "90")):
        response = admin_client.post(
            ADD_URL,
            {
                **_form(indicator, value, breakdown_kind="district" if label else "", breakdown_label=label),
                "action-publish": "action-publish",
            },
        )
        assert response.status_code == 302
    html = admin_client.get(f"{tracker.url}chi-tieu/ct-04/").content.decode()
    assert "Chi tiết theo huyện, thị xã, thành phố" in html
    assert "Huyện Phụng Hiệp" in html and "90%" in html

"""Two-factor authentication: available to every staff member, made mandatory by administrators."""

import io
import re
from base64 import b32decode

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.test import override_settings
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from portal.models import TwoFactorPolicy

PASSWORD = "mat-khau-bien-tap-2026"


@pytest.fixture
def editors_group(db):
    return Group.objects.get(name="Biên tập viên")


@pytest.fixture
def editor(editors_group):
    user = get_user_model().objects.create_user("bientap", "bientap@haugiang.gov.vn", PASSWORD)
    user.groups.add(editors_group)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


def sign_in(client, username=None):
    response = client.post("/admin/login/", {"username": username or "bientap", "password": PASSWORD})
    assert response.status_code == 302
    return response


def current_code(key_hex):
    return f"{totp(bytes.fromhex(key_hex), t0=0, step=30, digits=6, drift=0):06d}"


def make_mandatory_for(group):
    policy = TwoFactorPolicy.load()
    policy.required_groups.add(group)


def test_without_a_policy_an_editor_reaches_the_admin_with_a_password(client, editor):
    sign_in(client)

    assert client.get("/admin/").status_code == 200


def test_mandatory_two_factor_sends_an_editor_without_device_to_setup(client, editor, editors_group):
    make_mandatory_for(editors_group)
    sign_in(client)

    response = client.get("/admin/pages/")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/xac-thuc-hai-buoc/cai-dat/")
    setup_page = client.get(response["Location"])
    text = setup_page.content.decode()
    assert "Quản trị cổng yêu cầu" in text
    assert "<svg" in text  # the QR code to scan


def test_setting_up_an_authenticator_app_opens_the_admin(client, editor, editors_group):
    make_mandatory_for(editors_group)
    sign_in(client)
    page = client.get("/admin/xac-thuc-hai-buoc/cai-dat/").content.decode()
    secret = re.search(r"<code>([A-Z2-7=]+)</code>", page).group(1)

    response = client.post(
        "/admin/xac-thuc-hai-buoc/cai-dat/", {"code": current_code(b32decode(secret).hex()), "next": "/admin/pages/"}
    )

    assert response.status_code == 302
    assert response["Location"] == "/admin/pages/"
    assert client.get("/admin/").status_code == 200
    assert TOTPDevice.objects.get(user=editor).confirmed


def test_an_editor_with_a_device_must_enter_a_code_at_each_sign_in(client, editor):
    device = TOTPDevice.objects.create(user=editor, name="Điện thoại", confirmed=True)
    sign_in(client)

    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/xac-thuc-hai-buoc/?")

    accepted = client.post("/admin/xac-thuc-hai-buoc/", {"code": current_code(device.key), "next": "/admin/"})
    assert accepted.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_a_wrong_code_is_refused_with_a_vietnamese_message_and_the_admin_stays_closed(client, editor):
    device = TOTPDevice.objects.create(user=editor, name="Điện thoại", confirmed=True)
    sign_in(client)
    wrong = "000000" if current_code(device.key) != "000000" else "111111"

    refused = client.post("/admin/xac-thuc-hai-buoc/", {"code": wrong, "next": "/admin/"})

    assert refused.status_code == 200
    assert "Mã xác thực không đúng" in refused.content.decode()
    assert client.get("/admin/").status_code == 302


def test_an_administrator_can_require_it_for_everyone_in_the_admin_settings(admin_client, editor, client):
    response = admin_client.get("/admin/settings/portal/twofactorpolicy/")
    assert response.status_code in (200, 302)
    if response.status_code == 302:
        response = admin_client.get(response["Location"])
    assert "Bắt buộc với mọi người dùng trang quản trị" in response.content.decode()

    policy = TwoFactorPolicy.load()
    form_url = response.wsgi_request.path
    saved = admin_client.post(form_url, {"required_for_all_staff": "on", "required_groups": []})
    assert saved.status_code == 302
    policy.refresh_from_db()
    assert policy.required_for_all_staff

    sign_in(client)
    assert client.get("/admin/").status_code == 302


def test_a_lost_phone_is_reset_by_command_and_the_user_sets_up_a_new_one(client, editor, editors_group):
    make_mandatory_for(editors_group)
    TOTPDevice.objects.create(user=editor, name="Điện thoại bị mất", confirmed=True)

    call_command("reset_two_factor", "bientap", stdout=io.StringIO())

    assert not TOTPDevice.objects.filter(user=editor).exists()
    sign_in(client)
    assert client.get("/admin/")["Location"].startswith("/admin/xac-thuc-hai-buoc/cai-dat/")


def test_every_staff_member_finds_two_factor_in_the_account_menu(admin_client):
    response = admin_client.get("/admin/account/")

    assert "Xác thực hai bước" in response.content.decode()


def test_a_password_alone_does_not_open_a_page_restricted_to_signed_in_users(client, editor, home_page):
    from wagtail.models import PageViewRestriction

    from home.models import StandardPage

    device = TOTPDevice.objects.create(user=editor, name="Điện thoại", confirmed=True)
    page = StandardPage(title="Thông báo nội bộ", lead="Lịch họp giao ban tháng này.")
    home_page.add_child(instance=page)
    page.save_revision().publish()
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    sign_in(client)

    assert "Lịch họp giao ban" not in client.get(page.url, follow=True).content.decode()

    client.post("/admin/xac-thuc-hai-buoc/", {"code": current_code(device.key), "next": "/admin/"})
    assert "Lịch họp giao ban" in client.get(page.url).content.decode()


@override_settings(TWO_FACTOR_REQUIRED_FOR_SUPERUSERS=True, TWO_FACTOR_REQUIRED_GROUPS=["Quản trị cổng"])
def test_the_server_makes_two_factor_mandatory_for_superusers_whatever_the_admin_sets(client, superuser):
    assert not TwoFactorPolicy.load().required_for_superusers
    device = TOTPDevice.objects.create(user=superuser, name="Điện thoại", confirmed=True)
    client.force_login(superuser)
    client.post("/admin/xac-thuc-hai-buoc/", {"code": current_code(device.key), "next": "/admin/"})
    form = client.get("/admin/settings/portal/twofactorpolicy/", follow=True)
    assert "Cấu hình máy chủ luôn bắt buộc quản trị viên hệ thống" in form.content.decode()
    assert "Quản trị cổng" in form.content.decode()
    # Unticking the box (a disabled field is not posted) changes nothing.
    assert client.post(form.wsgi_request.path, {"required_groups": []}).status_code == 302
    client.logout()
    device.delete()

    client.post("/admin/login/", {"username": "quantri", "password": "mat-khau-quan-tri-2026"})
    assert client.get("/admin/")["Location"].startswith("/admin/xac-thuc-hai-buoc/cai-dat/")


@override_settings(TWO_FACTOR_REQUIRED_FOR_SUPERUSERS=True, TWO_FACTOR_REQUIRED_GROUPS=["Quản trị cổng"])
def test_the_server_makes_two_factor_mandatory_for_portal_administrators(client, editor):
    editor.groups.set([Group.objects.get(name="Quản trị cổng")])
    sign_in(client)

    assert client.get("/admin/")["Location"].startswith("/admin/xac-thuc-hai-buoc/cai-dat/")


def test_outside_production_superusers_follow_the_admin_policy(client, superuser):
    client.post("/admin/login/", {"username": "quantri", "password": "mat-khau-quan-tri-2026"})

    assert client.get("/admin/").status_code == 200

"""Editors submit, moderators approve and publish; drafts keep their attachments to themselves."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.utils import timezone
from wagtail.documents.models import Document
from wagtail.models import PageLogEntry
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from directives.models import DirectivePage

pytestmark = pytest.mark.django_db

D = datetime.date


def directive_form(province, plan_type, **overrides):
    data = {
        "title": "Kế hoạch ứng dụng công nghệ thông tin",
        "slug": "ke-hoach-07-kh-ubnd-2011",
        "number": "07/KH-UBND",
        "doc_type": plan_type.pk,
        "issuing_body": province.pk,
        "signer": "Lê Thị Mai",
        "signer_position": "Phó Chủ tịch",
        "issued_on": "2011-03-14",
        "effective_on": "",
        "expires_on": "",
        "legal_status": "in_force",
        "replaced_by": "",
        "summary": "Ứng dụng công nghệ thông tin trong cơ quan nhà nước giai đoạn 2011-2015",
        "body": streamfield([]),
        "attachments": inline_formset([]),
        "related_directives": inline_formset([]),
        "change_notes": inline_formset([]),
        "comments": inline_formset([]),
        "withdrawn_on": "",
        "withdrawal_reason": "",
    }
    data.update(overrides)
    return nested_form_data(data)


def test_an_editor_cannot_publish_without_approval(
    client, editor, moderator, directive_index, province, plan_type, make_entry
):
    entry = make_entry()
    client.force_login(editor)
    url = f"/admin/pages/add/directives/directivepage/{directive_index.pk}/"
    response = client.post(url, {**directive_form(province, plan_type), "action-publish": "action-publish"})
    assert response.status_code == 302
    page = DirectivePage.objects.get(number="07/KH-UBND")
    assert not page.live  # the publish button is not the editor's to press

    response = client.post(
        f"/admin/pages/{page.pk}/edit/", {**directive_form(province, plan_type), "action-submit": "action-submit"}
    )
    assert response.status_code == 302
    page.refresh_from_db()
    assert not page.live
    state = page.current_workflow_state
    assert state is not None and state.status == "in_progress"

    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state, moderator, "approve")
    page.refresh_from_db()
    assert page.live
    entry.refresh_from_db()
    assert entry.directive_id == page.pk
    actions = set(PageLogEntry.objects.filter(page=page).values_list("action", "user__username"))
    assert ("wagtail.workflow.start", "bientapvien") in actions
    assert ("wagtail.publish", "pheduyet") in actions


def test_the_admin_form_shows_a_vietnamese_message_for_a_duplicate_number(
    admin_client, directive_index, province, plan_type, make_directive
):
    make_directive("07/KH-UBND", D(2011, 3, 14))
    url = f"/admin/pages/add/directives/directivepage/{directive_index.pk}/"
    response = admin_client.post(url, directive_form(province, plan_type, slug="trung-so", issued_on="2011-09-01"))
    assert response.status_code == 200
    assert "Mỗi cơ quan chỉ có một văn bản mang số này trong một năm." in response.content.decode()


def test_scheduled_publishing_publishes_and_links_when_the_time_comes(make_directive, make_entry):
    entry = make_entry()
    page = make_directive()
    page.go_live_at = timezone.now() + datetime.timedelta(hours=1)
    revision = page.save_revision()
    revision.publish()
    page.refresh_from_db()
    assert not page.live  # waiting for its time
    # An hour later, as far as Wagtail can tell:
    revision.refresh_from_db()
    past = timezone.now() - datetime.timedelta(minutes=1)
    revision.approved_go_live_at = past
    revision.content["go_live_at"] = past.isoformat()
    revision.save()
    call_command("publish_scheduled")
    page.refresh_from_db()
    entry.refresh_from_db()
    assert page.live and entry.directive_id == page.pk


def _pdf():
    document = Document(title="Văn bản ký số")
    document.file.save("ke-hoach.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=False)
    document._set_document_file_metadata()
    document.save()
    return document


def test_a_drafts_attachment_is_not_downloadable_until_the_page_is_published(client, make_directive, editor):
    document = _pdf()
    page = make_directive()
    page.attachments.add(page.attachments.model(document=document))
    page.save()
    page.save_revision()
    assert client.get(document.url).status_code == 404
    client.force_login(editor)
    assert client.get(document.url).status_code == 200  # reviewers can open it
    client.logout()
    page.save_revision().publish()
    response = client.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_an_attachment_added_in_a_pending_draft_of_a_live_page_is_withheld(client, make_directive):
    page = make_directive(published_on=D(2011, 3, 15))
    document = _pdf()
    page.attachments.add(page.attachments.model(document=document))
    page.save_revision()  # a draft: the live page does not have it yet
    assert client.get(document.url).status_code == 404
    page.get_latest_revision().publish()
    assert client.get(document.url).status_code == 200


def test_documents_outside_directives_are_served_as_usual(client):
    assert client.get(_pdf().url).status_code == 200


def test_an_attachment_whose_content_is_not_what_its_name_says_is_refused(make_directive):
    from django.core.exceptions import ValidationError

    from directives.models import DirectiveAttachment

    fake = Document(title="Giả mạo")
    fake.file.save("ke-hoach.pdf", ContentFile(b"<html><script>alert(1)</script>"), save=False)
    fake.save()
    page = make_directive()
    with pytest.raises(ValidationError) as error:
        DirectiveAttachment(page=page, document=fake).clean()
    assert "không phải định dạng PDF" in error.value.message_dict["document"][0]
    DirectiveAttachment(page=page, document=_pdf()).clean()  # a real PDF passes

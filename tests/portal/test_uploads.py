"""Uploaded documents and images are checked by their content and size, in Vietnamese."""

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

# The first bytes of a Windows program (MZ header) followed by filler.
EXE_BYTES = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 512
PDF_BYTES = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def png_bytes():
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), (200, 30, 30)).save(buffer, "PNG")
    return buffer.getvalue()


def upload_document(client, name, content):
    return client.post(
        "/admin/documents/add/", {"title": "Văn bản", "file": SimpleUploadedFile(name, content), "collection": 1}
    )


def upload_image(client, name, content):
    return client.post(
        "/admin/images/add/", {"title": "Ảnh", "file": SimpleUploadedFile(name, content), "collection": 1}
    )


def error_messages(response):
    """The error messages the upload form shows next to its fields, as the editor reads them."""
    return [
        " ".join(message.split())
        for message in re.findall(r'<p class="error-message">(.*?)</p>', response.content.decode(), re.S)
    ]


@pytest.mark.django_db
def test_a_real_pdf_is_accepted(admin_client):
    response = upload_document(admin_client, "ke-hoach.pdf", PDF_BYTES)

    assert response.status_code == 302
    assert get_document_model().objects.filter(title="Văn bản").exists()


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["ke-hoach.pdf", "bao-cao.docx", "so-lieu.xls"])
def test_a_program_renamed_as_a_document_is_refused(admin_client, name):
    response = upload_document(admin_client, name, EXE_BYTES)

    assert response.status_code == 200
    assert "không phải là tệp" in response.content.decode()
    assert not get_document_model().objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("virus.exe", EXE_BYTES, "Không nhận tệp đuôi “.exe”"),
        ("ke-hoach.pdf", EXE_BYTES, "không phải là tệp .pdf hợp lệ"),
        ("ke-hoach", PDF_BYTES, "Tệp “ke-hoach” không có đuôi"),
    ],
)
def test_a_refused_document_shows_one_message_in_vietnamese(admin_client, name, content, expected):
    response = upload_document(admin_client, name, content)

    messages = error_messages(response)
    assert len(messages) == 1
    assert expected in messages[0]
    # Not Wagtail's own extension check repeated after ours, about an empty extension.
    assert "phần mở rộng" not in messages[0]
    assert "“”" not in messages[0]


@pytest.mark.django_db
def test_a_pdf_renamed_as_a_word_file_is_refused(admin_client):
    response = upload_document(admin_client, "bao-cao.docx", PDF_BYTES)

    assert "đuôi tệp không khớp với nội dung" in response.content.decode()
    assert not get_document_model().objects.exists()


@pytest.mark.django_db
@override_settings(WAGTAILDOCS_MAX_UPLOAD_SIZE=1024)
def test_a_document_over_the_size_limit_is_refused(admin_client):
    response = upload_document(admin_client, "rat-lon.pdf", PDF_BYTES + b"0" * 2048)

    assert "quá lớn" in response.content.decode()
    assert "Dung lượng tối đa cho phép là" in response.content.decode()
    assert not get_document_model().objects.exists()


@pytest.mark.django_db
def test_the_multiple_upload_screen_refuses_a_renamed_program_too(admin_client):
    response = admin_client.post(
        "/admin/documents/multiple/add/",
        {"files[]": SimpleUploadedFile("quyet-dinh.pdf", EXE_BYTES), "collection": 1},
    )

    assert response.json()["success"] is False
    assert "không phải là tệp" in str(response.json())
    assert "“”" not in str(response.json())
    assert not get_document_model().objects.exists()


@pytest.mark.django_db
def test_a_real_png_is_accepted(admin_client):
    response = upload_image(admin_client, "anh.png", png_bytes())

    assert response.status_code == 302
    assert get_image_model().objects.filter(title="Ảnh").exists()


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["anh.png", "anh.jpg"])
def test_a_program_renamed_as_an_image_is_refused_in_vietnamese(admin_client, name):
    response = upload_image(admin_client, name, EXE_BYTES)

    assert response.status_code == 200
    text = response.content.decode()
    assert "không phải là ảnh hợp lệ" in text or "không phải ảnh" in text
    assert not get_image_model().objects.exists()


@pytest.mark.django_db
@override_settings(WAGTAILIMAGES_MAX_UPLOAD_SIZE=100)
def test_an_image_over_the_size_limit_is_refused(admin_client):
    response = upload_image(admin_client, "anh.png", png_bytes())

    assert "Ảnh quá lớn" in response.content.decode()
    assert not get_image_model().objects.exists()

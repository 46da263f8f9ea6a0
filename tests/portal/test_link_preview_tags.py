"""Every public page carries Open Graph and Twitter card metadata, so a shared link shows a preview."""

import io
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.core.files.images import ImageFile
from django.test import Client
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Site

from directives.models import DirectivePage, OperationalNewsImage, OperationalNewsIndexPage, OperationalNewsPage
from home.models import HomePage, PortalSettings, StandardPage
from services.models import ProcedurePage

pytestmark = pytest.mark.django_db


def link_preview(url):
    response = Client().get(url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    metadata = {}
    for tag in soup.find_all("meta"):
        name = tag.get("property") or tag.get("name")
        if name and (name.startswith("og:") or name.startswith("twitter:")):
            metadata[name] = tag["content"]
    return metadata


def an_image(title):
    buffer = io.BytesIO()
    PILImage.new("RGB", (1600, 900), (20, 90, 160)).save(buffer, "PNG")
    return get_image_model().objects.create(title=title, file=ImageFile(buffer, name="hoi-nghi.png"))


def test_every_page_type_shared_as_a_link_shows_its_title_address_and_portal(demo):
    province = Site.objects.get(is_default_site=True)
    site_name = PortalSettings.for_site(province).portal_name
    for page_type in (HomePage, StandardPage, DirectivePage, ProcedurePage, OperationalNewsPage):
        page = page_type.objects.live().descendant_of(province.root_page, inclusive=True).first()

        preview = link_preview(page.url)

        assert preview["og:title"] == (page.seo_title or page.title), page_type
        assert preview["og:url"] == page.get_full_url(), page_type
        assert urlsplit(preview["og:url"]).scheme in ("http", "https")
        assert preview["og:site_name"] == site_name
        assert preview["og:locale"] == "vi_VN"
        if page.link_preview_image():  # the demo's news items carry photos
            assert preview["twitter:card"] == "summary_large_image", page_type
            assert urlsplit(preview["og:image"]).scheme in ("http", "https")
        else:
            assert preview["twitter:card"] == "summary", page_type
            assert "og:image" not in preview
    directive = DirectivePage.objects.live().descendant_of(province.root_page).first()
    assert link_preview(directive.url)["og:description"] in (directive.search_description, directive.summary)
    news = OperationalNewsPage.objects.live().descendant_of(province.root_page).first()
    assert link_preview(news.url)["og:description"] == news.lead
    # Not a page: the search keeps its address without the query.
    search = link_preview("/tim-kiem/?q=thu+tuc")
    assert search["og:site_name"] == site_name
    assert search["og:url"].endswith("/tim-kiem/")


def test_a_news_item_with_a_photo_shows_it_large_at_an_absolute_address(home_page):
    index = home_page.add_child(instance=OperationalNewsIndexPage(title="Tin chỉ đạo, điều hành"))
    news = index.add_child(instance=OperationalNewsPage(title="Hội nghị giao ban", lead="Kết luận của Chủ tịch"))
    news.images.add(OperationalNewsImage(image=an_image("Hội nghị"), alt_text="Toàn cảnh hội nghị"))
    news.save_revision().publish()

    preview = link_preview(news.url)

    assert preview["twitter:card"] == "summary_large_image"
    image = urlsplit(preview["og:image"])
    assert image.scheme in ("http", "https") and image.netloc
    assert preview["og:image:width"] == "1200"


def test_a_guidance_page_shows_the_first_image_of_its_body(home_page):
    page = home_page.add_child(instance=StandardPage(title="Bộ phận một cửa", lead="Nơi nhận hồ sơ"))
    page.body = [("image", {"image": an_image("Bộ phận một cửa"), "alt_text": "Bộ phận một cửa", "caption": ""})]
    page.save_revision().publish()

    preview = link_preview(page.url)

    assert preview["twitter:card"] == "summary_large_image"
    assert urlsplit(preview["og:image"]).netloc

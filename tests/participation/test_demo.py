import io

from django.core.management import call_command

from participation.models import ConsultationComment, ConsultationPage


def test_the_demo_has_an_open_consultation_with_comments_on_two_articles_and_a_reported_one(client, demo):
    open_page = ConsultationPage.objects.open().get()
    reported = ConsultationPage.objects.reported().get(slug="du-thao-ke-hoach-chuyen-doi-so-2026")
    labels = set(open_page.comments.published().exclude(article_key="").values_list("article_label", flat=True))
    assert len(labels) == 2
    assert client.get("/lay-y-kien-du-thao/").status_code == 200
    assert 'rel="next"' in client.get("/lay-y-kien-du-thao/").content.decode()  # the finder has a second page
    html = client.get(reported.url).content.decode()
    assert "Báo cáo tổng hợp, tiếp thu, giải trình" in html and "Tiếp thu một phần" in html
    assert "example.invalid" not in html
    assert "example.invalid" not in client.get(open_page.url).content.decode()
    count = ConsultationComment.objects.count()
    call_command("load_demo", stdout=io.StringIO())
    assert ConsultationComment.objects.count() == count

import io

from django.core.management import call_command

from participation.models import Question, QuestionPage


def test_the_demo_publishes_ten_answered_questions_of_three_agencies_at_hoi_dap(demo, client):
    pages = QuestionPage.objects.live()
    assert pages.count() == 10
    assert pages.values("agency").distinct().count() == 3
    html = client.get("/hoi-dap/").content.decode()
    assert all(page.title in html for page in pages)
    assert all(question.status == "published" and not question.email for question in Question.objects.all())


def test_loading_the_demo_again_changes_nothing(demo):
    call_command("load_demo", stdout=io.StringIO())
    assert QuestionPage.objects.count() == 10 and Question.objects.count() == 10

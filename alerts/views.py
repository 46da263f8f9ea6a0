"""/dang-ky-nhan-tin/: subscribe, confirm, manage and unsubscribe, without an account.

Links in e-mails only ever open a page: confirming and unsubscribing take a POST, because mail
scanners follow links. The one-click unsubscribe (RFC 8058) is the one view without CSRF: the
mail program posts to it with no session, and the signed token in its URL is the authority.
"""

from django.db import transaction
from django.http import QueryDict
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods
from wagtail.models import Site

from portal.security import client_ip

from . import finders, limits
from .forms import FrequencyForm, SubscribeForm
from .models import Subscriber, Subscription, Topic
from .sending import send_confirmation

TOO_MANY = _("Bạn đã gửi quá nhiều yêu cầu đăng ký. Vui lòng thử lại sau một giờ.")


def _initial(params):
    """The form pre-filled from a finder's link: ``?finder=directives&loai=…``."""
    finder = finders.FINDERS.get(params.get("finder", ""))
    return {"finder": finder.key, "bo_loc": urlencode(finder.clean(params))} if finder else {}


def _topic_label(data):
    """The topic in words, as the subscriber will get it (filters the finder refuses are dropped)."""
    finder = finders.FINDERS.get(data.get("finder", ""))
    return finder.describe(finder.clean(QueryDict(data.get("bo_loc", "")[:1000]))) if finder else ""


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def subscribe(request):
    status = 200
    if request.method == "POST":
        form = SubscribeForm(request.POST)
        if form.is_valid():
            if not limits.refused(form.cleaned_data["email"], client_ip(request)):
                _subscribe(request, form)
                return redirect("alerts:sent")
            form.add_error(None, TOO_MANY)
            status = 429
        else:
            status = 400
        data = request.POST
    else:
        data = _initial(request.GET)
        form = SubscribeForm(initial=data)
    context = {"form": form, "topic_label": _topic_label(data)}
    return TemplateResponse(request, "alerts/subscribe.html", context, status=status)


def _subscribe(request, form):
    finder, filters = form.topic()
    with transaction.atomic():
        subscriber, created = Subscriber.objects.get_or_create(
            email=form.cleaned_data["email"], defaults={"frequency": form.cleaned_data["frequency"]}
        )
        if subscriber.confirmed_at is None and not created:
            subscriber.frequency = form.cleaned_data["frequency"]
            subscriber.save(update_fields=["frequency"])
        topic = Topic.get_or_create_for(finder, filters, Site.find_for_request(request))
        subscription, _new = Subscription.objects.get_or_create(subscriber=subscriber, topic=topic)
        # An address can only be signed up for something new by whoever reads its mailbox.
        if subscription.confirmed_at is None:
            token = subscriber.confirmation_token()
            send_confirmation(subscriber, request.build_absolute_uri(reverse("alerts:confirm", args=[token])))


def sent(request):
    return TemplateResponse(request, "alerts/sent.html")


def _bad_link(request, expired=False):
    return TemplateResponse(request, "alerts/bad_link.html", {"expired": expired}, status=410 if expired else 404)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request, token):
    subscriber, expired = Subscriber.objects.from_confirmation_token(token)
    if subscriber is None:
        return _bad_link(request, expired)
    if request.method == "POST":
        subscriber.confirm()
        return redirect("alerts:manage", token=subscriber.manage_token)
    return TemplateResponse(request, "alerts/confirm.html", {"subscriber": subscriber})


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def manage(request, token):
    subscriber = Subscriber.objects.from_token(token)
    if subscriber is None:
        return _bad_link(request)
    form = FrequencyForm(initial={"frequency": subscriber.frequency})
    if request.method == "POST":
        if "remove" in request.POST:
            remove = request.POST["remove"]
            subscriber.subscriptions.filter(pk=remove if remove.isdigit() else None).delete()
            if not subscriber.subscriptions.exists():
                # Nothing left to send: the address goes too.
                subscriber.delete()
                return TemplateResponse(request, "alerts/unsubscribed.html")
            return redirect(reverse("alerts:manage", args=[token]) + "?da_luu=1")
        form = FrequencyForm(request.POST)
        if form.is_valid():
            subscriber.frequency = form.cleaned_data["frequency"]
            subscriber.save(update_fields=["frequency"])
            return redirect(reverse("alerts:manage", args=[token]) + "?da_luu=1")
    subscriptions = subscriber.subscriptions.select_related("topic").order_by("created_at")
    context = {
        "subscriber": subscriber,
        "form": form,
        "subscriptions": subscriptions,
        "saved": request.GET.get("da_luu") == "1",
        "token": token,
    }
    return TemplateResponse(request, "alerts/manage.html", context, status=400 if form.errors else 200)


@csrf_exempt
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token):
    """GET shows a button; POST (the button, or a mail program's one-click) erases the address."""
    subscriber = Subscriber.objects.from_token(token)
    if request.method == "POST":
        if subscriber is not None:
            subscriber.delete()
        # Already gone or never there: the outcome the sender asked for, so the same answer.
        return TemplateResponse(request, "alerts/unsubscribed.html")
    if subscriber is None:
        return _bad_link(request)
    return TemplateResponse(request, "alerts/unsubscribe.html", {"subscriber": subscriber})

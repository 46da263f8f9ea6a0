from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm


class PortalLoginForm(LoginForm):
    """Wagtail's login form with a translatable password label.

    Wagtail declares the password field without a label, so Django derives the
    English word "Password" from the field name and no catalog can translate it.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Mật khẩu")

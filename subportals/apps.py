from django.apps import AppConfig


class SubportalsConfig(AppConfig):
    name = "subportals"
    verbose_name = "Cổng thành phần"

from django.apps import AppConfig


class DirectivesConfig(AppConfig):
    name = "directives"
    verbose_name = "Văn bản chỉ đạo, điều hành"

    def ready(self):
        from . import signal_handlers

        signal_handlers.connect()

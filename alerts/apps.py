from django.apps import AppConfig


class AlertsConfig(AppConfig):
    name = "alerts"
    verbose_name = "Nhận thông báo qua e-mail"

    def ready(self):
        from . import signal_handlers

        signal_handlers.connect()

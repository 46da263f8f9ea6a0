from django.apps import AppConfig


class BenchConfig(AppConfig):
    """Benchmark tools; installed only by ``portal.settings.bench``, never in the product."""

    name = "bench"
    verbose_name = "Đo hiệu năng"

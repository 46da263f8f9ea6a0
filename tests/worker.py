import io

from django.core.management import call_command


def run_background_worker():
    """What `manage.py db_worker --backend background` does in production, until the queue is empty."""
    call_command(
        "db_worker",
        "--backend",
        "background",
        "--batch",
        "--no-startup-delay",
        stdout=io.StringIO(),
        stderr=io.StringIO(),
    )

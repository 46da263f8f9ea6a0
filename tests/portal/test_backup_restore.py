"""Backup and restore, end to end: ops/backup.sh, then ops/restore.sh into a fresh database (PostgreSQL, SQLite)."""

import hashlib
import os
import sqlite3
import subprocess
from pathlib import Path

import psycopg
import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import connection
from wagtail.documents import get_document_model

from home.models import StandardPage

PROJECT_DIR = Path(__file__).resolve().parents[2]
RESTORED_DB = "portal_restore_check"

postgres_only = pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="runs in the PostgreSQL pass of ops/test-suite.sh",
)


def database_url(name):
    params = connection.settings_dict
    return f"postgres://{params['USER']}:{params['PASSWORD']}@{params['HOST']}:{params['PORT']}/{name}"


def admin_connection():
    return psycopg.connect(database_url("postgres"), autocommit=True)


@pytest.fixture
def restore_database():
    with admin_connection() as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{RESTORED_DB}"')
        conn.execute(f'CREATE DATABASE "{RESTORED_DB}"')
    yield database_url(RESTORED_DB)
    with admin_connection() as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{RESTORED_DB}" WITH (FORCE)')


def run(script, *args, cwd=None, **env):
    return subprocess.run(
        [str(PROJECT_DIR / "ops" / script), *args],
        cwd=cwd,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )


@pytest.mark.postgres
@postgres_only
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_backup_restores_pages_and_uploaded_files_into_an_empty_database(home_page, restore_database, tmp_path):
    page = home_page.add_child(instance=StandardPage(title="Kế hoạch sao lưu 2026", lead="Nội dung cần giữ"))
    page.save_revision().publish()
    content = b"%PDF-1.4\n% van ban can sao luu\n%%EOF\n"
    document = get_document_model().objects.create(title="Quyết định sao lưu", file=ContentFile(content, "qd.pdf"))

    backup_dir = run(
        "backup.sh",
        str(tmp_path / "backups"),
        DATABASE_URL=database_url(connection.settings_dict["NAME"]),
        MEDIA_ROOT=str(settings.MEDIA_ROOT),
    ).stdout.strip()
    restored_media = tmp_path / "restored-media"
    run("restore.sh", backup_dir, DATABASE_URL=restore_database, MEDIA_ROOT=str(restored_media))

    with psycopg.connect(restore_database) as conn:
        titles = {row[0] for row in conn.execute("SELECT title FROM wagtailcore_page WHERE live")}
        files = {row[0] for row in conn.execute("SELECT file FROM wagtaildocs_document")}
    assert "Kế hoạch sao lưu 2026" in titles
    assert document.file.name in files
    restored_file = restored_media / document.file.name
    assert hashlib.sha256(restored_file.read_bytes()).digest() == hashlib.sha256(content).digest()


@pytest.mark.postgres
@postgres_only
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_damaged_backup_is_refused_before_anything_is_touched(home_page, restore_database, tmp_path):
    backup_dir = run(
        "backup.sh",
        str(tmp_path / "backups"),
        DATABASE_URL=database_url(connection.settings_dict["NAME"]),
        MEDIA_ROOT=str(settings.MEDIA_ROOT),
    ).stdout.strip()
    with open(Path(backup_dir) / "media.tar.gz", "ab") as archive:
        archive.write(b"damage")

    with pytest.raises(subprocess.CalledProcessError) as failure:
        run("restore.sh", backup_dir, DATABASE_URL=restore_database, MEDIA_ROOT=str(tmp_path / "media"))

    assert "FAILED" in failure.value.stderr + failure.value.stdout
    with psycopg.connect(restore_database) as conn:
        tables = conn.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'").fetchone()[0]
    assert tables == 0


def sqlite_portal(path, title):
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE wagtailcore_page (title TEXT, live BOOLEAN)")
        conn.execute("INSERT INTO wagtailcore_page VALUES (?, 1)", (title,))
    conn.close()


def test_a_sqlite_backup_restores_the_database_and_uploaded_files(tmp_path):
    # The portal as `make run` leaves it: DATABASE_URL's default names a file relative to the project.
    sqlite_portal(tmp_path / "db.sqlite3", "Kế hoạch sao lưu 2026")
    content = b"%PDF-1.4\n% van ban can sao luu\n%%EOF\n"
    (tmp_path / "media" / "documents").mkdir(parents=True)
    (tmp_path / "media" / "documents" / "qd.pdf").write_bytes(content)

    backup_dir = run(
        "backup.sh",
        str(tmp_path / "backups"),
        cwd=tmp_path,
        DATABASE_URL="sqlite:///db.sqlite3",
        MEDIA_ROOT=str(tmp_path / "media"),
    ).stdout.strip()
    restored = tmp_path / "restored.sqlite3"
    restored_media = tmp_path / "restored-media"
    run("restore.sh", backup_dir, DATABASE_URL=f"sqlite:///{restored}", MEDIA_ROOT=str(restored_media))

    with sqlite3.connect(restored) as conn:
        titles = {row[0] for row in conn.execute("SELECT title FROM wagtailcore_page WHERE live")}
    conn.close()
    assert titles == {"Kế hoạch sao lưu 2026"}
    assert (restored_media / "documents" / "qd.pdf").read_bytes() == content


def test_a_sqlite_backup_of_a_missing_database_fails_instead_of_saving_an_empty_one(tmp_path):
    with pytest.raises(subprocess.CalledProcessError) as failure:
        run("backup.sh", str(tmp_path / "backups"), cwd=tmp_path, DATABASE_URL="sqlite:///khong-co.sqlite3")

    assert "No SQLite database" in failure.value.stderr
    assert not (tmp_path / "khong-co.sqlite3").exists()


def test_a_damaged_sqlite_backup_is_refused_before_anything_is_touched(tmp_path):
    sqlite_portal(tmp_path / "db.sqlite3", "Bản cần giữ")
    backup_dir = run(
        "backup.sh",
        str(tmp_path / "backups"),
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        MEDIA_ROOT=str(tmp_path / "media"),
    ).stdout.strip()
    with open(Path(backup_dir) / "database.sqlite3", "ab") as copy:
        copy.write(b"damage")
    target = tmp_path / "current.sqlite3"
    sqlite_portal(target, "Bản đang chạy")

    with pytest.raises(subprocess.CalledProcessError):
        run("restore.sh", backup_dir, DATABASE_URL=f"sqlite:///{target}", MEDIA_ROOT=str(tmp_path / "media"))

    with sqlite3.connect(target) as conn:
        assert conn.execute("SELECT title FROM wagtailcore_page").fetchone()[0] == "Bản đang chạy"
    conn.close()

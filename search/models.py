from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ZeroResultDailyHits(models.Model):
    """How often a query found nothing on a day, beside Wagtail's QueryDailyHits, for the staff report."""

    query = models.ForeignKey(
        "wagtailsearchpromotions.Query", on_delete=models.CASCADE, related_name="zero_result_hits"
    )
    date = models.DateField()
    hits = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("Lượt tìm không có kết quả trong ngày")
        verbose_name_plural = _("Lượt tìm không có kết quả theo ngày")
        constraints = [models.UniqueConstraint(fields=["query", "date"], name="search_zero_result_query_date")]

    def __str__(self):
        return f"{self.query} ({self.date:%d/%m/%Y}): {self.hits}"

    @classmethod
    def add_hit(cls, query, date=None):
        day, _created = cls.objects.get_or_create(query=query, date=date or timezone.localdate())
        cls.objects.filter(pk=day.pk).update(hits=F("hits") + 1)


class AutocompleteIndexEntry(models.Model):
    """A row of the SQLite FTS5 table that autocomplete searches (migration ``search.0003``), one per index entry.

    Wagtail's FTS table holds the whole body text, so a one-letter prefix such as
    "dang k" read every body term starting with "k". This table keeps only the
    autocomplete text (titles, numbers, codes) with prefix indexes; triggers on
    ``wagtailsearch_indexentry`` keep it filled. It exists on SQLite only.
    """

    index_entry = models.OneToOneField(
        "wagtailsearch.IndexEntry",
        primary_key=True,
        db_column="rowid",
        on_delete=models.DO_NOTHING,  # the delete trigger removes the row
        related_name="+",
    )
    autocomplete = models.TextField()

    class Meta:
        managed = False
        db_table = "search_autocomplete_fts"

    def __str__(self):
        return self.autocomplete


class PostgresAutocompleteEntry(models.Model):
    """The autocomplete vector of an index entry, in a narrow PostgreSQL table (migration ``search.0005``).

    Autocomplete ranks every match ("ke hoa" matches 14,000 titles). Read from
    Wagtail's index table, whose rows also carry the title, body and their text
    (3 kB each), that meant one 8 kB block per match; here rows are 250 bytes and
    the table stays in memory. Triggers on ``wagtailsearch_indexentry`` keep it
    current. It exists on PostgreSQL only.
    """

    id = models.IntegerField(primary_key=True)  # wagtailsearch_indexentry.id
    content_type = models.ForeignKey(
        "contenttypes.ContentType", on_delete=models.DO_NOTHING, db_constraint=False, related_name="+"
    )
    object_id = models.CharField(max_length=50)
    autocomplete = SearchVectorField()

    class Meta:
        managed = False
        db_table = "search_autocomplete_entry"

    def __str__(self):
        return f"{self.content_type_id}:{self.object_id}"


class SynonymDirection(models.TextChoices):
    TWO_WAY = "two_way", _("Hai chiều: các từ tương đương nhau")
    ONE_WAY = "one_way", _("Một chiều: từ người dân gõ → tìm thêm tên chính thức")


class Synonym(models.Model):
    """Citizens' names and abbreviations for procedures and documents ("sổ đỏ", "CCCD"), edited by staff.

    Public search looks for the alternatives too (``search.expansion``); each term is also
    matched without accents. The default list comes from ``search/data/synonyms.json``.
    """

    terms = models.TextField(
        _("Các từ"),
        help_text=_("Cách nhau bằng dấu phẩy, ví dụ: sổ đỏ, sổ hồng. Gõ có dấu hay không dấu đều được nhận ra."),
    )
    direction = models.CharField(
        _("Chiều"), max_length=10, choices=SynonymDirection.choices, default=SynonymDirection.TWO_WAY
    )
    expansions = models.TextField(
        _("Tìm thêm"),
        blank=True,
        help_text=_(
            "Chỉ cho từ một chiều: khi người dân gõ một trong “Các từ”, cổng tìm thêm các từ này "
            "(cách nhau bằng dấu phẩy), còn gõ các từ này thì không tìm ngược lại."
        ),
    )
    note = models.TextField(_("Ghi chú cách dùng"), blank=True)
    updated_at = models.DateTimeField(_("Cập nhật"), auto_now=True)

    class Meta:
        verbose_name = _("Từ đồng nghĩa khi tìm kiếm")
        verbose_name_plural = _("Từ đồng nghĩa khi tìm kiếm")
        ordering = ["terms"]

    def __str__(self):
        if self.direction == SynonymDirection.ONE_WAY:
            return f"{self.terms} → {self.expansions}"
        return self.terms

    def clean(self):
        from .synonyms import split_terms

        super().clean()
        terms, expansions = split_terms(self.terms), split_terms(self.expansions)
        if not terms:
            raise ValidationError({"terms": _("Nhập ít nhất một từ (chữ hoặc số).")})
        if self.direction == SynonymDirection.TWO_WAY:
            if expansions:
                raise ValidationError(
                    {"expansions": _("Từ hai chiều không dùng ô “Tìm thêm”: ghi mọi từ vào “Các từ”.")}
                )
            if len(terms) < 2:
                raise ValidationError({"terms": _("Từ hai chiều cần ít nhất hai từ, cách nhau bằng dấu phẩy.")})
        elif not expansions:
            raise ValidationError({"expansions": _("Từ một chiều cần ít nhất một từ để tìm thêm.")})

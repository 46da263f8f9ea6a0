import compliance.categories
import compliance.models
import django.db.models.deletion
import modelcluster.fields
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('auth', '0012_alter_user_first_name_max_length'),
        ('wagtailcore', '0098_apitoken'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='ComplianceEntry',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('category', models.CharField(choices=compliance.categories.choices, max_length=60, verbose_name='Nhóm thông tin bắt buộc')),
                ('max_age_days', models.PositiveIntegerField(blank=True, help_text='Để trống để dùng thời hạn mặc định của nhóm thông tin.', null=True, verbose_name='Thời hạn cập nhật (ngày)')),
                ('owner_group', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='auth.group', verbose_name='Nhóm phụ trách')),
                ('owner_user', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='Người phụ trách')),
                ('site', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='wagtailcore.site', verbose_name='Trang (tên miền)')),
            ],
            options={
                'verbose_name': 'Mục tuân thủ Nghị định 42',
                'verbose_name_plural': 'Bản đồ tuân thủ Nghị định 42',
                'ordering': ['site', 'category'],
            },
        ),
        migrations.CreateModel(
            name='ComplianceSource',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                ('finder', models.CharField(blank=True, choices=compliance.models.finder_choices, max_length=40, verbose_name='Hoặc bộ tra cứu')),
                ('entry', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='sources', to='compliance.complianceentry')),
                ('page', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.WAGTAIL_PAGE_MODEL, verbose_name='Trang')),
            ],
            options={
                'ordering': ['sort_order'],
                'abstract': False,
            },
        ),
        migrations.CreateModel(
            name='CheckedLink',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('source', models.CharField(blank=True, max_length=200, verbose_name='Vị trí')),
                ('url', models.CharField(max_length=2000, verbose_name='Địa chỉ')),
                ('kind', models.CharField(choices=[('page', 'Trang trên cổng'), ('document', 'Tài liệu'), ('internal', 'Đường dẫn trên cổng'), ('external', 'Liên kết ngoài')], max_length=20, verbose_name='Loại liên kết')),
                ('status', models.CharField(choices=[('ok', 'Hoạt động'), ('broken', 'Hỏng')], max_length=20, verbose_name='Tình trạng')),
                ('http_status', models.PositiveSmallIntegerField(blank=True, null=True, verbose_name='Mã HTTP')),
                ('error', models.CharField(blank=True, max_length=500, verbose_name='Lỗi')),
                ('checked_at', models.DateTimeField(verbose_name='Kiểm tra lúc')),
                ('page', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.WAGTAIL_PAGE_MODEL, verbose_name='Trang chứa liên kết')),
                ('site', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='wagtailcore.site', verbose_name='Trang (tên miền)')),
            ],
            options={
                'verbose_name': 'Liên kết đã kiểm tra',
                'verbose_name_plural': 'Liên kết đã kiểm tra',
                'ordering': ['site', 'page', 'url'],
                'indexes': [models.Index(fields=['page', 'status'], name='compliance_link_page_status')],
            },
        ),
        migrations.AddConstraint(
            model_name='complianceentry',
            constraint=models.UniqueConstraint(fields=('site', 'category'), name='compliance_one_entry_per_category'),
        ),
    ]

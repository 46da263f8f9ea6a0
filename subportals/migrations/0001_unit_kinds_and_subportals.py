import django.db.models.deletion
import home.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('directives', '0003_index_newest_first'),
        ('services', '0003_index_online_levels'),
        ('wagtailcore', '0098_apitoken'),
    ]

    operations = [
        migrations.CreateModel(
            name='UnitKind',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=100, unique=True, verbose_name='Tên loại đơn vị')),
                ('slug', models.SlugField(blank=True, max_length=100, unique=True, verbose_name='Mã')),
            ],
            options={
                'verbose_name': 'Loại đơn vị',
                'verbose_name_plural': 'Loại đơn vị',
                'ordering': ['name'],
            },
        ),
        migrations.CreateModel(
            name='AgencyProcedureIndexPage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('intro', models.TextField(blank=True, max_length=1000, verbose_name='Giới thiệu')),
                ('agency', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='services.agency', verbose_name='Cơ quan thực hiện')),
            ],
            options={
                'verbose_name': 'Thủ tục hành chính của đơn vị',
                'verbose_name_plural': 'Thủ tục hành chính của đơn vị',
            },
            bases=(home.models.FoldedSlugMixin, 'wagtailcore.page'),
        ),
        migrations.CreateModel(
            name='SubPortal',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=200, unique=True, verbose_name='Tên đơn vị')),
                ('short_name', models.CharField(max_length=60, verbose_name='Tên viết tắt')),
                ('issuing_body', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='subportals', to='directives.issuingbody', verbose_name='Cơ quan ban hành')),
                ('site', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='subportal', to='wagtailcore.site', verbose_name='Trang (tên miền)')),
                ('kind', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='subportals', to='subportals.unitkind', verbose_name='Loại đơn vị')),
            ],
            options={
                'verbose_name': 'Cổng thành phần',
                'verbose_name_plural': 'Cổng thành phần',
                'ordering': ['name'],
            },
        ),
    ]

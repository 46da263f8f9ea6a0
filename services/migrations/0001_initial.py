import django.core.validators
import django.db.models.deletion
import django.utils.timezone
import home.models
import modelcluster.fields
import modelsearch.index
import wagtail.contrib.routable_page.models
import wagtail.fields
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('wagtailcore', '0098_apitoken'),
        ('wagtaildocs', '0014_alter_document_file_size'),
    ]

    operations = [
        migrations.CreateModel(
            name='Agency',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=255, unique=True, verbose_name='Tên')),
                ('slug', models.SlugField(blank=True, max_length=255, unique=True, verbose_name='Mã đường dẫn')),
                ('address', models.CharField(blank=True, max_length=300, verbose_name='Địa chỉ')),
                ('phone', models.CharField(blank=True, max_length=50, verbose_name='Điện thoại')),
            ],
            options={
                'verbose_name': 'Cơ quan thực hiện',
                'verbose_name_plural': 'Cơ quan thực hiện',
                'ordering': ['name'],
                'abstract': False,
            },
            bases=(modelsearch.index.Indexed, models.Model),
        ),
        migrations.CreateModel(
            name='CampaignPage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('message', models.CharField(max_length=300, verbose_name='Thông điệp')),
                ('start_date', models.DateField(verbose_name='Ngày bắt đầu')),
                ('end_date', models.DateField(blank=True, help_text='Để trống nếu chưa định.', null=True, verbose_name='Ngày kết thúc')),
                ('audience', models.CharField(blank=True, max_length=300, verbose_name='Đối tượng tuyên truyền')),
                ('body', wagtail.fields.StreamField([('heading', 2), ('paragraph', 3), ('steps', 7), ('faq', 13), ('video', 17), ('image', 21)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'label': 'Tiêu đề', 'max_length': 200}), 1: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('h2', 'Cấp 2'), ('h3', 'Cấp 3'), ('h4', 'Cấp 4')], 'label': 'Cấp'}), 2: ('wagtail.blocks.StructBlock', [[('text', 0), ('level', 1)]], {}), 3: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'ol', 'ul'], 'icon': 'pilcrow', 'label': 'Đoạn văn', 'template': 'blocks/paragraph_block.html'}), 4: ('wagtail.blocks.CharBlock', (), {'default': 'Các bước thực hiện', 'label': 'Tiêu đề', 'required': False}), 5: ('wagtail.blocks.CharBlock', (), {'label': 'Bước', 'max_length': 300}), 6: ('wagtail.blocks.ListBlock', (5,), {'label': 'Các bước'}), 7: ('wagtail.blocks.StructBlock', [[('title', 4), ('steps', 6)]], {}), 8: ('wagtail.blocks.CharBlock', (), {'default': 'Câu hỏi thường gặp', 'label': 'Tiêu đề', 'required': False}), 9: ('wagtail.blocks.CharBlock', (), {'label': 'Câu hỏi', 'max_length': 300}), 10: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'ol', 'ul'], 'label': 'Trả lời'}), 11: ('wagtail.blocks.StructBlock', [[('question', 9), ('answer', 10)]], {}), 12: ('wagtail.blocks.ListBlock', (11,), {'label': 'Câu hỏi'}), 13: ('wagtail.blocks.StructBlock', [[('title', 8), ('items', 12)]], {}), 14: ('wagtail.blocks.CharBlock', (), {'label': 'Tên video', 'max_length': 200}), 15: ('wagtail.blocks.URLBlock', (), {'label': 'Địa chỉ video'}), 16: ('wagtail.blocks.TextBlock', (), {'label': 'Tóm tắt nội dung', 'required': False}), 17: ('wagtail.blocks.StructBlock', [[('title', 14), ('url', 15), ('summary', 16)]], {}), 18: ('wagtail.images.blocks.ImageChooserBlock', (), {'label': 'Ảnh'}), 19: ('wagtail.blocks.CharBlock', (), {'help_text': 'Mô tả nội dung ảnh cho người dùng trình đọc màn hình.', 'label': 'Văn bản thay thế', 'max_length': 250}), 20: ('wagtail.blocks.CharBlock', (), {'label': 'Chú thích', 'max_length': 250, 'required': False}), 21: ('wagtail.blocks.StructBlock', [[('image', 18), ('alt_text', 19), ('caption', 20)]], {})}, verbose_name='Nội dung')),
            ],
            options={
                'verbose_name': 'Chiến dịch tuyên truyền',
                'verbose_name_plural': 'Chiến dịch tuyên truyền',
            },
            bases=(wagtail.contrib.routable_page.models.RoutablePageMixin, home.models.FoldedSlugMixin, 'wagtailcore.page'),
        ),
        migrations.CreateModel(
            name='OnlineServicesPage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('intro', models.TextField(blank=True, max_length=1000, verbose_name='Giới thiệu')),
            ],
            options={
                'verbose_name': 'Trang dịch vụ công trực tuyến',
            },
            bases=(home.models.FoldedSlugMixin, 'wagtailcore.page'),
        ),
        migrations.CreateModel(
            name='ProcedureField',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=255, unique=True, verbose_name='Tên')),
                ('slug', models.SlugField(blank=True, max_length=255, unique=True, verbose_name='Mã đường dẫn')),
            ],
            options={
                'verbose_name': 'Lĩnh vực',
                'verbose_name_plural': 'Lĩnh vực',
                'ordering': ['name'],
                'abstract': False,
            },
            bases=(modelsearch.index.Indexed, models.Model),
        ),
        migrations.CreateModel(
            name='ProcedureIndexPage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('intro', models.TextField(blank=True, max_length=1000, verbose_name='Giới thiệu')),
            ],
            options={
                'verbose_name': 'Danh mục thủ tục hành chính',
            },
            bases=(home.models.FoldedSlugMixin, 'wagtailcore.page'),
        ),
        migrations.CreateModel(
            name='CampaignChannel',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                ('kind', models.CharField(choices=[('web', 'Cổng thông tin điện tử'), ('poster', 'Áp phích tại bộ phận một cửa, nhà văn hóa'), ('zalo', 'Zalo'), ('facebook', 'Facebook'), ('loudspeaker', 'Loa truyền thanh cơ sở'), ('broadcast', 'Đài Phát thanh và Truyền hình'), ('meeting', 'Họp tổ dân phố, ấp'), ('sms', 'Tin nhắn SMS')], max_length=20, verbose_name='Kênh')),
                ('note', models.CharField(blank=True, help_text='Ví dụ: 3 buổi mỗi tuần.', max_length=300, verbose_name='Ghi chú')),
                ('page', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='channels', to='services.campaignpage')),
            ],
            options={
                'verbose_name': 'Kênh tuyên truyền',
                'ordering': ['sort_order'],
                'abstract': False,
            },
        ),
        migrations.CreateModel(
            name='ProcedurePage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('code', models.CharField(help_text='Mã trên Cơ sở dữ liệu quốc gia, ví dụ 1.001612.', max_length=50, unique=True, verbose_name='Mã thủ tục')),
                ('admin_level', models.CharField(choices=[('province', 'Cấp tỉnh'), ('district', 'Cấp huyện'), ('commune', 'Cấp xã')], max_length=10, verbose_name='Cấp thực hiện')),
                ('online_level', models.CharField(choices=[('full', 'Toàn trình'), ('partial', 'Một phần'), ('none', 'Chưa trực tuyến')], default='none', max_length=10, verbose_name='Mức độ dịch vụ công (Nghị định 42/2022)')),
                ('legacy_level', models.PositiveSmallIntegerField(choices=[(1, 'Mức độ 1 – thông tin'), (2, 'Mức độ 2 – tải biểu mẫu'), (3, 'Mức độ 3 – nộp hồ sơ trực tuyến'), (4, 'Mức độ 4 – trực tuyến hoàn toàn')], default=1, help_text='Mức 3 tương ứng “một phần”, mức 4 tương ứng “toàn trình”, mức 1–2 là chưa trực tuyến.', validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(4)], verbose_name='Mức độ (Nghị định 43/2011)')),
                ('applicants', models.CharField(choices=[('citizen', 'Công dân'), ('business', 'Tổ chức, doanh nghiệp'), ('both', 'Công dân, tổ chức, doanh nghiệp')], default='both', max_length=10, verbose_name='Đối tượng thực hiện')),
                ('processing_time', models.CharField(blank=True, max_length=300, verbose_name='Thời hạn giải quyết')),
                ('fee', models.TextField(blank=True, verbose_name='Phí, lệ phí')),
                ('online_url', models.URLField(blank=True, help_text='Chỉ chấp nhận địa chỉ http:// hoặc https://.', max_length=500, validators=[django.core.validators.URLValidator(schemes=['http', 'https'])], verbose_name='Địa chỉ dịch vụ công trực tuyến')),
                ('legal_basis', models.TextField(blank=True, help_text='Mỗi văn bản một dòng; số hiệu văn bản có trên cổng sẽ được liên kết.', verbose_name='Căn cứ pháp lý')),
                ('steps', wagtail.fields.StreamField([('step', 0)], blank=True, block_lookup={0: ('wagtail.blocks.TextBlock', (), {'label': 'Bước'})}, verbose_name='Trình tự thực hiện')),
                ('result', models.TextField(blank=True, verbose_name='Kết quả thực hiện')),
                ('conditions', models.TextField(blank=True, verbose_name='Yêu cầu, điều kiện')),
                ('agency', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='procedures', to='services.agency', verbose_name='Cơ quan thực hiện')),
                ('field', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='procedures', to='services.procedurefield', verbose_name='Lĩnh vực')),
            ],
            options={
                'verbose_name': 'Thủ tục hành chính',
                'verbose_name_plural': 'Thủ tục hành chính',
            },
            bases=(wagtail.contrib.routable_page.models.RoutablePageMixin, home.models.FoldedSlugMixin, 'wagtailcore.page'),
        ),
        migrations.CreateModel(
            name='DossierDocument',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                ('name', models.CharField(max_length=500, verbose_name='Tên giấy tờ')),
                ('copies', models.PositiveSmallIntegerField(default=1, verbose_name='Số lượng bản')),
                ('form', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtaildocs.document', verbose_name='Mẫu đơn, tờ khai')),
                ('page', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='documents', to='services.procedurepage')),
            ],
            options={
                'verbose_name': 'Thành phần hồ sơ',
                'verbose_name_plural': 'Thành phần hồ sơ',
                'ordering': ['sort_order'],
                'abstract': False,
            },
        ),
        migrations.CreateModel(
            name='CampaignDailyView',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('channel', models.CharField(choices=[('web', 'Trang web'), ('poster', 'Áp phích (mã QR)'), ('zalo', 'Zalo'), ('facebook', 'Facebook')], default='web', max_length=20, verbose_name='Kênh')),
                ('day', models.DateField(default=django.utils.timezone.localdate, verbose_name='Ngày')),
                ('views', models.PositiveIntegerField(default=0, verbose_name='Lượt xem')),
                ('campaign', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='daily_views', to='services.campaignpage')),
            ],
            options={
                'verbose_name': 'Lượt xem chiến dịch theo ngày',
                'verbose_name_plural': 'Lượt xem chiến dịch theo ngày',
                'constraints': [models.UniqueConstraint(fields=('campaign', 'channel', 'day'), name='unique_daily_view')],
            },
        ),
        migrations.CreateModel(
            name='FeaturedService',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                ('call_to_action', models.CharField(blank=True, help_text='Để trống để dùng “Nộp hồ sơ trực tuyến”.', max_length=80, verbose_name='Nhãn nút')),
                ('page', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='featured_services', to='services.campaignpage')),
                ('procedure', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='campaign_features', to='services.procedurepage', verbose_name='Thủ tục')),
            ],
            options={
                'verbose_name': 'Dịch vụ được giới thiệu',
                'ordering': ['sort_order'],
                'abstract': False,
                'constraints': [models.UniqueConstraint(fields=('page', 'procedure'), name='unique_featured_service')],
            },
        ),
        migrations.CreateModel(
            name='CampaignDailyFollowThrough',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('channel', models.CharField(choices=[('web', 'Trang web'), ('poster', 'Áp phích (mã QR)'), ('zalo', 'Zalo'), ('facebook', 'Facebook')], default='web', max_length=20, verbose_name='Kênh')),
                ('day', models.DateField(default=django.utils.timezone.localdate, verbose_name='Ngày')),
                ('follow_throughs', models.PositiveIntegerField(default=0, verbose_name='Lượt truy cập dịch vụ')),
                ('campaign', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='daily_follow_throughs', to='services.campaignpage')),
                ('procedure', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='daily_follow_throughs', to='services.procedurepage')),
            ],
            options={
                'verbose_name': 'Lượt truy cập dịch vụ theo ngày',
                'verbose_name_plural': 'Lượt truy cập dịch vụ theo ngày',
                'constraints': [models.UniqueConstraint(fields=('campaign', 'procedure', 'channel', 'day'), name='unique_daily_follow')],
            },
        ),
    ]

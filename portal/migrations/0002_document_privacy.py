import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('portal', '0001_initial'),
        ('wagtailcore', '0098_apitoken'),
        ('wagtaildocs', '0014_alter_document_file_size'),
    ]

    operations = [
        migrations.CreateModel(
            name='AttachedDocument',
            fields=[
                ('document', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, primary_key=True, related_name='+', serialize=False, to='wagtaildocs.document')),
            ],
            options={
                'verbose_name': 'Tài liệu đã gắn vào trang',
            },
        ),
        migrations.CreateModel(
            name='DocumentPrivacy',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('public_collections', models.ManyToManyField(blank=True, help_text='Tài liệu chưa từng gắn vào trang nào thì ai cũng tải được nếu thuộc một bộ sưu tập được chọn. Tài liệu đã gắn vào trang chỉ công khai khi có trang đã xuất bản, không giới hạn quyền xem, dẫn tới nó.', related_name='+', to='wagtailcore.collection', verbose_name='Bộ sưu tập công khai')),
            ],
            options={
                'verbose_name': 'Tài liệu công khai',
            },
        ),
    ]

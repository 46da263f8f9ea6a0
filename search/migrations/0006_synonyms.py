from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('search', '0005_postgres_autocomplete_entry'),
    ]

    operations = [
        migrations.CreateModel(
            name='Synonym',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('terms', models.TextField(help_text='Cách nhau bằng dấu phẩy, ví dụ: sổ đỏ, sổ hồng. Gõ có dấu hay không dấu đều được nhận ra.', verbose_name='Các từ')),
                ('direction', models.CharField(choices=[('two_way', 'Hai chiều: các từ tương đương nhau'), ('one_way', 'Một chiều: từ người dân gõ → tìm thêm tên chính thức')], default='two_way', max_length=10, verbose_name='Chiều')),
                ('expansions', models.TextField(blank=True, help_text='Chỉ cho từ một chiều: khi người dân gõ một trong “Các từ”, cổng tìm thêm các từ này (cách nhau bằng dấu phẩy), còn gõ các từ này thì không tìm ngược lại.', verbose_name='Tìm thêm')),
                ('note', models.TextField(blank=True, verbose_name='Ghi chú cách dùng')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='Cập nhật')),
            ],
            options={
                'verbose_name': 'Từ đồng nghĩa khi tìm kiếm',
                'verbose_name_plural': 'Từ đồng nghĩa khi tìm kiếm',
                'ordering': ['terms'],
            },
        ),
    ]

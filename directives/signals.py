from django.dispatch import Signal

# Sent after `import_register` (command or admin upload) has stored its rows.
register_imported = Signal()

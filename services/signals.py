from django.dispatch import Signal

# Sent after `import_procedures` has stored its rows.
procedures_imported = Signal()

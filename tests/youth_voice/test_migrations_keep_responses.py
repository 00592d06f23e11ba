"""Children's submissions are never dropped by a migration."""

from django.db.migrations.loader import MigrationLoader
from django.db.migrations.operations import DeleteModel, RemoveField, RenameField

# What young people said, and the question identities their answers point at.
KEPT_MODELS = {("youth_voice", "response"), ("youth_voice", "answer"), ("consultations", "questionidentity")}


def test_no_migration_removes_or_rewrites_response_data(db):
    loader = MigrationLoader(None, ignore_no_migrations=True)
    destructive = []
    for (app, name), migration in loader.disk_migrations.items():
        for operation in migration.operations:
            model = getattr(operation, "model_name", None) or getattr(operation, "name", "")
            if (app, model.lower()) not in KEPT_MODELS:
                continue
            if isinstance(operation, DeleteModel | RemoveField | RenameField):
                destructive.append(f"{name}: {operation.describe()}")
    assert destructive == []

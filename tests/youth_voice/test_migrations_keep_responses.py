"""Children's submissions are never dropped by a migration."""

from django.db.migrations.loader import MigrationLoader
from django.db.migrations.operations import DeleteModel, RemoveField, RenameField

KEPT_MODELS = {"response", "answer"}


def test_no_migration_removes_or_rewrites_response_data(db):
    loader = MigrationLoader(None, ignore_no_migrations=True)
    destructive = []
    for (app, name), migration in loader.disk_migrations.items():
        if app != "consultations":
            continue
        for operation in migration.operations:
            model = getattr(operation, "model_name", None) or getattr(operation, "name", "")
            if model.lower() not in KEPT_MODELS:
                continue
            if isinstance(operation, DeleteModel | RemoveField | RenameField):
                destructive.append(f"{name}: {operation.describe()}")
    assert destructive == []

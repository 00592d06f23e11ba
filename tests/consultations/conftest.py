"""Fixtures shared by the plan-import tests (English drafts and Welsh versions)."""

import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission


@pytest.fixture
def editor(db, home, django_user_model):
    """May add and edit pages under home, but not publish them."""
    user = django_user_model.objects.create_user("editor", "editor@example.org", "pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    group = Group.objects.create(name="Editors who may not publish")  # not the "Plan editors" role
    for codename in ("add_page", "change_page"):
        GroupPagePermission.objects.create(
            group=group, page=home, permission=Permission.objects.get(codename=codename)
        )
    user.groups.add(group)
    return user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


def test_add_staff_creates_a_user_in_one_role() -> None:
    call_command("add_staff", "dana", "--role", "checker", "--password", "Long-Secret-77")

    user = get_user_model().objects.get(username="dana")
    assert user.is_staff and not user.is_superuser
    assert list(user.groups.values_list("name", flat=True)) == ["checker"]
    assert user.check_password("Long-Secret-77")
    assert user.has_perm("reviews.add_evidence")
    assert not user.has_perm("reviews.approve_review")


def test_add_staff_is_idempotent_and_switches_roles() -> None:
    call_command("add_staff", "dana", "--role", "checker", "--password", "Long-Secret-77")
    call_command("add_staff", "dana", "--role", "checker")
    call_command("add_staff", "dana", "--role", "editor")

    user = get_user_model().objects.get(username="dana")
    assert get_user_model().objects.filter(username="dana").count() == 1
    assert list(user.groups.values_list("name", flat=True)) == ["editor"]
    assert user.check_password("Long-Secret-77")
    assert user.has_perm("reviews.approve_review")


def test_add_staff_reads_the_password_from_the_environment(monkeypatch) -> None:
    monkeypatch.setenv("FACTCHECK_PASSWORD", "From-The-Env-99")

    call_command("add_staff", "root2", "--role", "admin")

    user = get_user_model().objects.get(username="root2")
    assert user.is_superuser and user.check_password("From-The-Env-99")


def test_add_staff_refuses_a_new_user_without_a_password(monkeypatch) -> None:
    monkeypatch.delenv("FACTCHECK_PASSWORD", raising=False)

    with pytest.raises(CommandError, match="needs a password"):
        call_command("add_staff", "nopass", "--role", "checker")
    assert not get_user_model().objects.filter(username="nopass").exists()


def test_add_staff_refuses_a_weak_password() -> None:
    with pytest.raises(CommandError, match="too common|too short"):
        call_command("add_staff", "weak", "--role", "checker", "--password", "password")

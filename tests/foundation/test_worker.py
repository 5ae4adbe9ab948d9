import time

import pytest
from django.contrib.auth.models import Group

from reviews.tasks import sync_roles


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_a_task_sent_to_a_real_worker_changes_the_database(celery_worker) -> None:
    Group.objects.all().delete()

    sync_roles.delay()

    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and Group.objects.count() < 3:
        time.sleep(0.1)
    assert set(Group.objects.values_list("name", flat=True)) == {"checker", "editor", "admin"}
    assert "Task reviews.sync_roles" in celery_worker.log()

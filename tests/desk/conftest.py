import pytest
from django.contrib.auth.models import User

from claims.models import Claim, Speaker
from reviews.models import Review
from reviews.services import claim_assign
from tests.factories import flagged_claim, speaker


@pytest.fixture
def velin(db) -> Speaker:
    return speaker("Arkady Velin", "press secretary")


@pytest.fixture
def claim(velin: Speaker) -> Claim:
    return flagged_claim(
        "reports of Ostrian troops in Dorvask are disinformation",
        who=velin,
        cue="dismissed",
        priority=0.9,
        reasons=("official speaker (press secretary)", "a checkable number"),
    )


@pytest.fixture
def review(claim: Claim, alice: User, erin: User) -> Review:
    return claim_assign(claim_id=claim.pk, actor=erin, assignee=alice)[0]

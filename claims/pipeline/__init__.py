"""Pure-Python processing: no Django imports anywhere under this package."""

from claims.pipeline.detect import DETECTOR_VERSION, Attribution, detect, iter_detect
from claims.pipeline.known import KnownSpeakers, KnownTitle, KnownTitles
from claims.pipeline.officials import SpeakerEntry, SpeakerRegistry

__all__ = [
    "DETECTOR_VERSION",
    "Attribution",
    "KnownSpeakers",
    "KnownTitle",
    "KnownTitles",
    "SpeakerEntry",
    "SpeakerRegistry",
    "detect",
    "iter_detect",
]

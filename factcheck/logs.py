"""Expected refusals are one log line; only server errors carry a traceback.

Django logs a PermissionDenied, a bad multipart body or a SuspiciousOperation
with the exception attached, so every 403 a checker meets on an editor's page
wrote a full traceback. A 4xx is the desk working as designed: its status,
method and path are the whole story.
"""

import logging


class OneLineRefusals(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        status = getattr(record, "status_code", None)
        if isinstance(status, int) and status < 500:
            record.exc_info = None
            record.exc_text = None
            record.stack_info = None
        return True

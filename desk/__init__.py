"""The staff desk: server-rendered pages with htmx for in-place actions.

Views here parse a form, call one service (the same ones the API calls) and
answer with a page, a redirect or, for htmx, the fragment that changed.
"""

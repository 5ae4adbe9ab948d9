"""The claims layer's guarded services, one module per thing that changes.

feeds → articles → claims, with speakers and links beside them: a feed poll inserts
articles, ingesting an article files its statements as claims, a new claim is linked
to what was said before. Other publishers' fact-checks flow beside them: fact-check
sources are polled and imported (`factcheck_sources`), and each new claim is compared
with what they checked (`external_matches`). Views, commands, the admin and tasks call
these; none of them writes these rows itself. Callers import the submodule they need
(`from claims.services.articles import article_submit`): nothing is re-exported here.
"""

"""Statements read alone: the share that passes the automatic check (statement_checks.py).

For the seed article and each news set: every detected statement is written, checked for
what points outside it and for a lost denial, dismissal or rejection, and counted. The
summary is printed and written, with every failing statement, to the report file.

Usage: eval_statements.py SHARED_DIR REPORT_PATH
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from claims.pipeline.detect import Attribution, detect  # noqa: E402
from claims.pipeline.kinds import is_person
from claims.pipeline.statement_checks import statement_problems  # noqa: E402


@dataclass
class Tally:
    name: str
    statements: int = 0
    passed: int = 0
    claims: int = 0
    claims_passed: int = 0
    not_claims: int = 0
    failures: list[str] = field(default_factory=list)

    def add(self, article_id: str, attribution: Attribution) -> None:
        problems = statement_problems(
            attribution.statement,
            cue=attribution.cue,
            speaker=attribution.speaker,
            person=is_person(attribution.speaker, attribution.speaker_title),
        )
        claim = attribution.official and not attribution.not_a_claim
        self.statements += 1
        self.passed += not problems
        self.claims += claim
        self.claims_passed += claim and not problems
        self.not_claims += bool(attribution.not_a_claim)
        if problems:
            self.failures.append(
                f"{article_id}: {attribution.statement}\n    ({'; '.join(problems)})"
            )

    def summary(self) -> str:
        return (
            f"{self.name}: {_share(self.passed, self.statements)} of {self.statements} "
            f"statements pass; claims (official, asserting): "
            f"{_share(self.claims_passed, self.claims)} of {self.claims}; "
            f"{self.not_claims} kept as not a claim"
        )


def _share(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f} %" if whole else "n/a"


def articles(path: Path) -> list[tuple[str, str]]:
    with open(path, encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle if line.strip()]
    return [(row["id"], row["text"]) for row in rows]


def main(shared: Path, report: Path) -> None:
    data = shared / "data"
    sets = {
        "seed article": [("seed", (data / "seed-article.txt").read_text(encoding="utf-8"))],
        "news-dev": articles(data / "news-dev" / "articles.jsonl"),
        "news-dev-2": articles(data / "news-dev-2" / "articles.jsonl"),
    }
    tallies = []
    for name, texts in sets.items():
        tally = Tally(name)
        for article_id, text in texts:
            for attribution in detect(text):
                tally.add(article_id, attribution)
        tallies.append(tally)
        print(tally.summary())
    report.parent.mkdir(parents=True, exist_ok=True)
    with open(report, "w", encoding="utf-8") as out:
        for tally in tallies:
            out.write(tally.summary() + "\n")
        for tally in tallies:
            out.write(f"\n== {tally.name}: statements that fail the check\n")
            out.writelines(f"{failure}\n" for failure in tally.failures)
    print(f"(report with every failing statement: {report})")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))

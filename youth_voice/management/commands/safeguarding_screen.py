"""Try the safeguarding rule set on your own examples: one text per line, `flagged` or `clear` each."""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from youth_voice.safeguarding.screening import current_rules


class Command(BaseCommand):
    help = (
        "Screen each line of FILE (UTF-8, one text per line; '-' reads standard input) with the "
        "current safeguarding rules and print 'flagged' with the rule that matched, or 'clear'."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="a text file, one answer per line, or - for standard input")

    def handle(self, *args, **options):
        lines = self._read(options["file"])
        rules, flagged = current_rules(), 0
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            match = rules.screen(line)
            if match is None:
                self.stdout.write(f"{number}\tclear")
            else:
                flagged += 1
                self.stdout.write(f"{number}\tflagged\t{match.rule_label}\t(matched: {match.words})")
        self.stderr.write(f"{flagged} of {sum(1 for line in lines if line.strip())} lines flagged.")

    def _read(self, name) -> list[str]:
        if name == "-":
            return sys.stdin.read().splitlines()
        path = Path(name)
        if not path.is_file():
            raise CommandError(f"No such file: {name}")
        try:
            return path.read_text(encoding="utf-8").splitlines()
        except UnicodeDecodeError as error:
            raise CommandError(f"{name} is not UTF-8 text: {error}") from error

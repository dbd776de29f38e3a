"""manage.py content_check: fail when published content cites law it should not.

Fails (exit status 1), naming each place, when a published card node, a knowledge entry or a label of the
case flow cites a repealed provision without showing its successor, or cites a slug that does not exist,
or when a provision of the law register lacks a source or an in-force date. Entries past their review
date are listed as warnings; they do not fail the check.
"""

from django.core.management.base import BaseCommand, CommandError

from tryg.knowledge.citations import check_content, citation_sources


class Command(BaseCommand):
    help = "Check every legal citation of the published content against the law register."

    def handle(self, *args, **options):
        report = check_content()
        sources = ", ".join(sorted(citation_sources()))
        for warning in report.warnings:
            self.stdout.write(self.style.WARNING(f"ADVARSEL: {warning}"))
        for error in report.errors:
            self.stderr.write(self.style.ERROR(f"FEJL: {error}"))
        if not report.ok:
            raise CommandError(f"content_check: {len(report.errors)} fejl (kilder: {sources}).")
        self.stdout.write(
            self.style.SUCCESS(f"content_check: ingen fejl, {len(report.warnings)} advarsler (kilder: {sources}).")
        )

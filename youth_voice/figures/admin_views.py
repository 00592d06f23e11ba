"""Officers' and partnership readers' views of the figures: cross-tabs with their charts, and the
spreadsheets. Who sees exact counts is `access.sees_exact_figures`; everyone else sees them
suppressed."""

from django import forms
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .. import access
from ..admin_views import _consultation, _context, officer_filters, responses_view
from ..summary import questions_in_order
from .charts import grouped_bar_chart
from .crosstab import CROSS_TAB_KINDS, crosstab, dimensions
from .suppression import as_seen
from .xlsx import coded_text_workbook, figures_workbook, xlsx_download


class CrossTabForm(forms.Form):
    """Which question to split, and by what; read from the address (GET), so a cross-tab can be
    bookmarked and shared with its filters."""

    question = forms.TypedChoiceField(label=gettext_lazy("Question"), coerce=int)
    by = forms.ChoiceField(label=gettext_lazy("Split by"))

    def __init__(self, consultation, data=None):
        super().__init__(data)
        self.identities = {
            identity.pk: identity
            for identity, _question in questions_in_order(consultation)
            if identity.kind in CROSS_TAB_KINDS
        }
        self.dimensions = dimensions()
        self.fields["question"].choices = [
            (pk, f"Q{identity.reference} {identity.prompt}") for pk, identity in self.identities.items()
        ]
        self.fields["by"].choices = [(name, d.label) for name, d in self.dimensions.items()]

    @property
    def identity(self):
        return self.identities[self.cleaned_data["question"]]

    @property
    def dimension(self):
        return self.dimensions[self.cleaned_data["by"]]


def _asked(request, consultation) -> CrossTabForm | None:
    """The cross-tab form bound to the address's choice, or None when none was made yet."""
    if "question" not in request.GET and "by" not in request.GET:
        return None
    return CrossTabForm(consultation, request.GET)


@responses_view(allowed=access.can_read_figures, visible=access.can_read_figures)
def crosstab_view(request, page_id):
    consultation = _consultation(page_id)
    exact = access.sees_exact_figures(request.user, consultation)
    form = _asked(request, consultation) or CrossTabForm(consultation)
    filters = officer_filters(request, consultation)
    tables = []
    if form.is_bound and form.is_valid():
        crossed = crosstab(form.identity, form.dimension, filters.chosen)
        for number, (caption, table) in enumerate(crossed.tables):
            shown = as_seen(table, exact=exact)
            tables.append(
                {
                    "caption": caption,
                    "table": shown,
                    "chart": grouped_bar_chart(shown),
                    "id": f"crosstab-{number}",
                }
            )
    return TemplateResponse(
        request,
        "youth_voice/figures/crosstab.html",
        _context(
            consultation,
            _("Cross-tabs: %(title)s") % {"title": consultation.title},
            filters,
            form=form,
            tables=tables,
            exact=exact,
            figures_only=not access.can_read_responses(request.user, consultation),
        ),
    )


@responses_view(allowed=access.can_read_figures, visible=access.can_read_figures)
def figures_xlsx(request, page_id):
    """Exact for the officers unless they ask for the version to share (`?shared=1`)."""
    consultation = _consultation(page_id)
    exact = access.sees_exact_figures(request.user, consultation) and not request.GET.get("shared")
    form = _asked(request, consultation)
    chosen = {"identity": form.identity, "dimension": form.dimension} if form and form.is_valid() else {}
    filters = officer_filters(request, consultation).chosen
    file = figures_workbook(consultation, filters, exact=exact, **chosen)
    return xlsx_download(file, consultation, "figures" if exact else "figures-shared")


@responses_view(allowed=access.can_export)
def coded_text_xlsx(request, page_id):
    consultation = _consultation(page_id)
    return xlsx_download(coded_text_workbook(consultation, request.user), consultation, "written-answers")

"""Where a person is in a questionnaire, and what each button takes them to.

A stepped questionnaire is one screen per section, then "about you", then a check-your-answers
screen. Every screen posts the whole form: answers from other screens ride along as hidden
fields, so Back and Next never lose anything and nothing is stored until the person sends it
(or saves it to finish later). A questionnaire of one section is one screen with everything.
"""

from dataclasses import dataclass, field

from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from consultations.about_you import RESPONSE_DETAILS
from consultations.questionnaire import Questionnaire

from .forms import ResponseForm

ACTIONS = {"next", "back", "check", "send", "save", "withdraw", "withdraw_confirmed"}


@dataclass
class Screen:
    number: int
    heading: str = ""
    questions: list = field(default_factory=list)
    about_you: bool = False
    check: bool = False


class Journey:
    def __init__(self, page, data=None, questions=None):
        self.page = page
        self.questionnaire = Questionnaire(page, questions)
        self.data = data if data is not None else QueryDict()
        self.visible = self.questionnaire.visible(self.data)
        if self.questionnaire.stepped:
            self.screens = [
                Screen(section.number, section.heading, section.questions)
                for section in self.questionnaire.sections
            ]
            self.screens.append(Screen(len(self.screens) + 1, _("About you"), about_you=True))
            self.screens.append(Screen(len(self.screens) + 1, _("Check your answers"), check=True))
        else:
            self.screens = [Screen(1, "", self.questionnaire.questions, about_you=True)]

    @property
    def stepped(self) -> bool:
        return len(self.screens) > 1

    @property
    def steps_count(self) -> int:
        """Steps as a person counts them: the check screen is not one."""
        return len(self.screens) - 1 if self.stepped else 1

    def screen(self, number) -> Screen:
        return self.screens[max(1, min(number, len(self.screens))) - 1]

    @property
    def posted_screen(self) -> Screen:
        try:
            return self.screen(int(self.data.get("step", 1)))
        except (TypeError, ValueError):
            return self.screens[0]

    @property
    def action(self) -> str:
        """The button pressed; "goto-3" (a Change link on the check screen) means "go to step 3"."""
        action = self.data.get("action", "send")
        if action.startswith("goto-") and action[5:].isascii() and action[5:].isdigit() and len(action) < 9:
            return action
        return action if action in ACTIONS else "send"

    def visible_on(self, screen) -> list:
        return [question for question in screen.questions if question in self.visible]

    def rendered_on(self, screen) -> list:
        """The questions a screen shows: those shown for the answers so far, and follow-ups whose
        question is on the same screen (they appear in place as it is answered)."""
        here = {question.reference for question in screen.questions}
        return [q for q in screen.questions if q in self.visible or q.show_if_reference in here]

    def form_for(self, screen, *, bound=True):
        """The form of one screen: bound to show what was typed and its errors, or filled in quietly."""
        questions = [] if screen.check else self.rendered_on(screen)
        options = {"with_about_you": screen.about_you, "shown": self.visible}
        if bound:
            return ResponseForm(self.page, questions, self.data, **options)
        return ResponseForm(self.page, questions, initial=form_initial(self.data), **options)

    def full_form(self):
        """Every question and "about you": what is validated and stored when sending."""
        return ResponseForm(
            self.page, self.questionnaire.questions, self.data, with_about_you=True, shown=self.visible
        )

    def first_screen_with_errors(self, form) -> Screen:
        for screen in self.screens:
            names = set()
            for question in self.visible_on(screen):
                names.update(question.kind_class.field_names(question, question.field_name))
            if screen.about_you:
                names.update(name for name in form.fields if not name.startswith("q_"))
            if names & set(form.errors):
                return screen
        return self.screens[-1]

    def draft_data(self) -> dict:
        """What a draft keeps of the posted data: the questionnaire's own fields and "about you",
        each as a list of values; nothing else that was posted."""
        names = {
            name for q in self.questionnaire.questions for name in q.kind_class.field_names(q, q.field_name)
        }
        names |= set(RESPONSE_DETAILS)
        # PostgreSQL's jsonb cannot hold U+0000 (typed or pasted, it is invisible): leave it out.
        return {
            name: [str(value).replace("\x00", "") for value in self.data.getlist(name)]
            for name in sorted(names)
            if name in self.data
        }

    def carried_fields(self, screen, form) -> list[tuple[str, str]]:
        """(name, value) of everything typed on other screens, to carry as hidden fields."""
        if not self.data:
            return []
        shown = set(form.fields) | {
            "csrfmiddlewaretoken",
            "step",
            "action",
            "submission_key",
            "response_code",
        }
        carried = []
        for name in self.data:
            if name in shown or not _known(name):
                continue
            carried += [(name, value) for value in self.data.getlist(name)]
        return carried


def _known(name) -> bool:
    return name.startswith("q_") or name in KEPT_NAMES


KEPT_NAMES = {*RESPONSE_DETAILS, "submission_key", "response_code", "code_pass"}


def form_initial(data) -> dict:
    """Raw form data as initial values (lists where a field takes several)."""
    return {name: data.getlist(name) if len(data.getlist(name)) > 1 else data.get(name) for name in data}


def as_query_dict(stored: dict) -> QueryDict:
    data = QueryDict(mutable=True)
    for name, values in stored.items():
        data.setlist(name, list(values))
    return data

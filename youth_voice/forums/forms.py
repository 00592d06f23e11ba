"""The forms of the forum pages: a member signing in, and a facilitator adding a member or an event."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ..models import ForumEvent, ForumMember, Membership, ReservedPlaces
from ..models.forums import check_attendance
from ..widgets import DateInput


class MemberSignInForm(forms.Form):
    username = forms.CharField(label=_("Username"), max_length=40)
    code = forms.CharField(
        label=_("Sign-in code"),
        max_length=20,
        help_text=_("The code your forum's facilitator gave you, such as K7MQ-4XD9."),
    )
    username.widget.attrs.update(autocomplete="username", autocapitalize="none", spellcheck="false")
    code.widget.attrs.update(autocomplete="off", autocapitalize="characters", spellcheck="false")


class NewMemberForm(forms.ModelForm):
    place = forms.ModelChoiceField(
        label=_("Place"),
        queryset=ReservedPlaces.objects.none(),
        required=False,
        empty_label=_("A general place"),
    )

    class Meta:
        model = ForumMember
        fields = ["alias", "username", "age", "consent_given_on", "consent_given_by"]
        widgets = {"consent_given_on": DateInput()}

    def __init__(self, forum, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["place"].queryset = forum.reserved_places.all()
        self.fields["username"].required = True

    def clean_username(self):
        return self.cleaned_data["username"].strip().lower()


class EventForm(forms.ModelForm):
    class Meta:
        model = ForumEvent
        fields = ["title", "date", "place", "attended", "youngest", "oldest", "members"]
        widgets = {"date": DateInput(), "members": forms.CheckboxSelectMultiple}

    def __init__(self, forum, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.forum = forum
        # Current members, and anyone already ticked who has left since (shown as "(left)").
        came = (
            Q(left_on__isnull=True) | Q(events=self.instance) if self.instance.pk else Q(left_on__isnull=True)
        )
        memberships = Membership.objects.filter(came, forum=forum).distinct().select_related("member")
        self.fields["members"].queryset = memberships
        self.fields["members"].label_from_instance = lambda membership: str(membership.member)

    def clean(self):
        cleaned = super().clean()
        check_attendance(cleaned.get("attended"), len(cleaned.get("members") or []))
        return cleaned

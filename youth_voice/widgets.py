"""Form widgets shared by the officers' and young people's forms."""

from django import forms


class DateInput(forms.DateInput):
    """The browser's own date picker (no script needed). Its value is always YYYY-MM-DD, the only
    form a date input accepts: in the active language's format an edited date showed empty."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")

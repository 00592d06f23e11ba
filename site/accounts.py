"""allauth customisation: who may have an account.

https://docs.allauth.org/en/latest/account/advanced.html#custom-redirects
"""

from allauth.account.adapter import DefaultAccountAdapter


class StaffAccountAdapter(DefaultAccountAdapter):
    """Accounts are for staff, created by an administrator; nobody signs themselves up.

    Young people respond without an account, so public sign-up would only collect personal
    data we do not need.
    """

    def is_open_for_signup(self, request):
        return False

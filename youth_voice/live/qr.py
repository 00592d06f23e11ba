"""The join link and its QR code, to project or print: /join/<CODE>/ on this site."""

from django.urls import reverse

from ..workspace.sharing import qr_svg


def join_url(session, request) -> str:
    # Without a language prefix: the phone is sent on to its own language (chorus.languages).
    path = reverse("youth_voice:live_participant", kwargs={"code": session.join_code})
    return request.build_absolute_uri("/" + path.split("/", 2)[2])


def join_qr_svg(session, request) -> bytes:
    return qr_svg(join_url(session, request), title=session.join_code)

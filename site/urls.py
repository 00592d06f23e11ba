from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from consultations import converters  # noqa: F401 - registers <id:…>
from youth_voice.workspace.views import short_link

from .api import api_router

# Staff pages, documents and the API keep one address; the admin has each user's own language.
urlpatterns = [
    # One sign-in: Wagtail's own sign-in and password reset only hand over to allauth's (keeping
    # `next`), so its rate limits, lockout and second factor cannot be side-stepped. Any method,
    # POST included, is redirected: these addresses never authenticate anyone.
    path("admin/login/", RedirectView.as_view(pattern_name="account_login", query_string=True)),
    re_path(
        r"^admin/password_reset/",
        RedirectView.as_view(pattern_name="account_reset_password", query_string=True),
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("accounts/", include("allauth.urls")),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    # The short link on posters and QR codes: the consultation in the visitor's language.
    path("c/<id:page_id>/", short_link, name="consultation_short_link"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# What the public reads and answers is in both languages, each under its prefix (/cy/, /en-gb/):
# see chorus.languages for why neither is unprefixed.
# A page missing in one language says so there, and links to the language it exists in.
handler404 = "chorus.languages.page_not_found"

urlpatterns += i18n_patterns(
    path("", include("youth_voice.urls")),
    path("", include(wagtail_urls)),
)

// Starts allauth's passkey sign-in (its webauthn.js) on the second step of signing in, from the
// button's data attributes: the page has no inline script, as the Content-Security-Policy requires.
document.addEventListener("DOMContentLoaded", function () {
  var button = document.getElementById("mfa_webauthn_authenticate");
  if (!button || !window.allauth) return;
  window.allauth.webauthn.forms.authenticateForm({
    ids: { authenticate: button.id, credential: button.dataset.credential, data: "js_data" },
  });
});

// The passkeys page: once django-otp-webauthn's script has added a passkey, show the page
// again so that the new passkey is in the list.
document.addEventListener("otp_webauthn.register_complete", function () {
  window.location.reload();
});

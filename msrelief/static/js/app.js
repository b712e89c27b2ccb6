// Progressive enhancement only: every page works without this file.
document.addEventListener("DOMContentLoaded", function () {
  // Move focus to an error summary so screen-reader and keyboard users hear the problem first.
  var summary = document.querySelector("[data-focus-on-load]");
  if (summary) { summary.focus(); }

  // Copy buttons: <button data-copy="FIELD-ID" hidden> beside a read-only field, and an empty
  // <p role="status" data-copy-status="FIELD-ID"> that says what happened (a live region, so
  // screen readers announce it). Without the Clipboard API the button stays hidden and the
  // field can still be selected and copied by hand.
  if (!navigator.clipboard || !window.isSecureContext) { return; }
  document.querySelectorAll("[data-copy]").forEach(function (button) {
    var id = button.getAttribute("data-copy");
    var field = document.getElementById(id);
    var status = document.querySelector('[data-copy-status="' + id + '"]');
    if (!field) { return; }
    button.hidden = false;
    function say(text) {
      if (!status) { return; }
      status.textContent = "";  // emptied first, so a second "Copied" is announced again
      window.setTimeout(function () { status.textContent = text; }, 50);
    }
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(field.value).then(function () {
        say("Copied");
      }, function () {
        field.focus();
        field.select();
        say("Could not copy: the link is selected, copy it with your keyboard or menu.");
      });
    });
  });
});

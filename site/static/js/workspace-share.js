/* Copy buttons on the share panel. Without this script the buttons stay hidden and each link is
   in a read-only field to select and copy by hand. */
(function () {
  var status = document.querySelector(".workspace-copied");
  document.querySelectorAll("[data-copy-from]").forEach(function (button) {
    var field = document.getElementById(button.getAttribute("data-copy-from"));
    if (!field) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      function say(message) {
        if (status) status.textContent = message;
      }
      field.select();
      if (!navigator.clipboard) {
        say(status ? status.getAttribute("data-copy-failed-message") : "");
        return;
      }
      navigator.clipboard.writeText(field.value).then(
        function () { say(status.getAttribute("data-copied-message")); },
        function () { say(status.getAttribute("data-copy-failed-message")); }
      );
    });
  });
  document.querySelectorAll(".workspace-copy__input").forEach(function (field) {
    field.addEventListener("focus", function () { field.select(); });
  });
})();

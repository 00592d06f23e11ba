/* Shows a follow-up question only while the answer it depends on is chosen. Without this script
   every question is shown, each says when to answer it, and the server ignores answers to
   follow-ups that do not apply. */
(function () {
  var form = document.querySelector("form.response-form");
  if (!form) return;
  var followUps = form.querySelectorAll("[data-show-if]");
  if (!followUps.length) return;
  function update() {
    followUps.forEach(function (question) {
      var values = question.getAttribute("data-show-if-values").split(" ");
      var inputs = form.querySelectorAll('[name="' + question.getAttribute("data-show-if") + '"]');
      var source = inputs.length ? inputs[0].closest(".question") : null;
      var chosen = Array.prototype.some.call(inputs, function (input) {
        return input.checked && values.indexOf(input.value) !== -1;
      });
      question.hidden = !chosen || (source !== null && source.hidden);
    });
  }
  form.addEventListener("change", update);
  update();
})();

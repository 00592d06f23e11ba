// A phone in a live session (youth_voice/live): votes over the websocket instead of a page post,
// and reloads the page when the question or its state changes. Without it the page still works.
(function () {
  "use strict";
  var data = document.currentScript.dataset, socket, form;
  function status(text) {
    var box = document.getElementById("live-status");
    if (box) box.textContent = text;
  }
  function connect() {
    socket = new WebSocket((location.protocol === "https:" ? "wss://" : "ws://") + location.host + "/ws/live/" + data.code + "/");
    socket.onmessage = function (event) {
      var m = JSON.parse(event.data);
      if (m.type === "question" && ((m.question ? m.question.key : "") !== data.key || m.state !== data.state)) {
        setTimeout(function () { location.href = location.pathname; }, Math.random() * 1500);
      } else if (m.type === "voted" || m.type === "commented") {
        status(form.dataset.thanks);
        if (m.type === "commented") form.querySelector("textarea").value = "";
      } else if (m.type === "error" && m.message) {
        status(m.message);
      }
    };
    socket.onclose = function (event) {
      if (event.code < 4000) setTimeout(connect, 3000);
    };
  }
  document.addEventListener("DOMContentLoaded", function () {
    form = document.querySelector(".live-form");
    connect();
    if (!form) return;
    form.addEventListener("submit", function (event) {
      if (!socket || socket.readyState !== 1) return; // the page post still works
      var chosen = form.querySelector("input[name=option]:checked"), text = form.querySelector("textarea");
      if (!chosen && !(text && text.value.trim())) return; // the server says what is missing
      event.preventDefault();
      var key = form.elements.question.value;
      socket.send(JSON.stringify(chosen ? {type: "vote", question: key, option: chosen.value} : {type: "comment", question: key, text: text.value}));
    });
  });
})();

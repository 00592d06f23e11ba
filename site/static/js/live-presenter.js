// The projector's screen in a live session (youth_voice/live): counts, bars, approved comments
// and the word cloud follow the votes; a new question or state reloads the page.
(function () {
  "use strict";
  var data = document.currentScript.dataset;
  function set(name, value) {
    var node = document.querySelector("[data-live=" + name + "]");
    if (node) node.textContent = value;
  }
  function list(name, items, make) {
    var node = document.querySelector("[data-live=" + name + "]");
    if (!node) return;
    node.textContent = "";
    items.forEach(function (item) { node.appendChild(make(item)); });
  }
  function item(text, className) {
    var li = document.createElement("li");
    li.textContent = text;
    if (className) li.className = className;
    return li;
  }
  function bars(counts, answered) {
    document.querySelectorAll("[data-bar-for]").forEach(function (bar) {
      var count = (counts && counts[bar.dataset.barFor]) || 0;
      bar.style.width = (answered ? (100 * count) / answered : 0) + "%";
      var label = document.querySelector("[data-count-for='" + bar.dataset.barFor + "']");
      if (label) label.textContent = count;
    });
  }
  function show(m) {
    if (m.type === "question") {
      if ((m.question ? m.question.key : "") !== data.key || m.state !== data.state || (m.show_results ? "1" : "0") !== data.showResults) location.reload();
      return;
    }
    if (m.type !== "results") return;
    set("joined", m.joined);
    set("answered", m.answered);
    bars(m.counts, m.answered);
    list("comments", m.comments || [], function (text) { return item(text); });
    list("cloud", m.cloud || [], function (word) { return item(word[0], "live-word live-word--" + word[1]); });
  }
  function connect() {
    var socket = new WebSocket((location.protocol === "https:" ? "wss://" : "ws://") + location.host + "/ws/live/" + data.code + "/presenter/");
    socket.onmessage = function (event) { show(JSON.parse(event.data)); };
    socket.onclose = function (event) {
      if (event.code < 4000) setTimeout(connect, 2000);
    };
  }
  document.addEventListener("DOMContentLoaded", function () {
    var answered = document.querySelector("[data-live=answered]");
    var counts = {};
    document.querySelectorAll("[data-bar-for]").forEach(function (bar) { counts[bar.dataset.barFor] = Number(bar.dataset.count); });
    bars(counts, answered ? Number(answered.textContent) : 0);
    connect();
  });
})();

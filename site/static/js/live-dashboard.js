// Keeps an officer's live dashboard current (youth_voice/dashboard). Without this script the page
// is a normal page with a refresh link. The server sends the same HTML the page was rendered with,
// so there is one template for both. It refuses the socket (4403) to anyone who may not read the
// consultation's responses; the script then stops and the refresh link stays.
(function () {
  "use strict";
  var region = document.getElementById("live-dashboard");
  if (!region || !window.WebSocket) return;
  var status = document.getElementById("live-dashboard-status");
  var FORBIDDEN = 4403;
  var retryDelay = 2000;

  function mode(live) {
    document.querySelectorAll(".live-dashboard-manual").forEach(function (el) { el.hidden = live; });
    document.querySelectorAll(".live-dashboard-automatic").forEach(function (el) { el.hidden = !live; });
  }

  function show(message) {
    if (!message || message.type !== "figures" || typeof message.html !== "string") return;
    region.innerHTML = message.html;
    var totals = region.querySelector(".live-dashboard-totals");
    if (status && totals && status.textContent !== totals.textContent) status.textContent = totals.textContent;
  }

  function connect() {
    var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
    var socket = new WebSocket(scheme + window.location.host + region.dataset.socketPath);
    socket.addEventListener("open", function () {
      retryDelay = 2000;
      mode(true);
    });
    socket.addEventListener("message", function (event) {
      try {
        show(JSON.parse(event.data));
      } catch (error) {
        /* not figures: ignore it */
      }
    });
    socket.addEventListener("close", function (event) {
      mode(false);
      if (event.code === FORBIDDEN) return;
      window.setTimeout(connect, retryDelay);
      retryDelay = Math.min(retryDelay * 2, 60000);
    });
  }

  connect();
})();

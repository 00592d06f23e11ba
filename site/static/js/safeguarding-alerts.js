// Keeps a safeguarding lead's admin pages listening for new alerts (youth_voice/safeguarding).
// The server refuses the socket (code 4403) to anyone without the permission; the script then stops.
(function () {
  "use strict";
  var script = document.currentScript;
  var path = (script && script.dataset.socketPath) || "/ws/safeguarding/";
  var FORBIDDEN = 4403;
  var retryDelay = 2000;

  function region() {
    var existing = document.getElementById("safeguarding-notices");
    if (existing) return existing;
    var box = document.createElement("div");
    box.id = "safeguarding-notices";
    box.className = "messages";
    box.setAttribute("role", "alert");
    box.appendChild(document.createElement("ul"));
    var main = document.getElementById("main") || document.body;
    main.insertBefore(box, main.firstChild);
    return box;
  }

  function show(message) {
    if (!message || !message.url || !message.text) return;
    var item = document.createElement("li");
    item.className = "warning";
    var link = document.createElement("a");
    link.href = message.url;
    link.textContent = message.text;
    item.appendChild(link);
    region().querySelector("ul").appendChild(item);
  }

  function connect() {
    var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
    var socket = new WebSocket(scheme + window.location.host + path);
    socket.addEventListener("message", function (event) {
      try {
        show(JSON.parse(event.data));
      } catch (error) {
        /* not an alert: ignore it */
      }
    });
    socket.addEventListener("close", function (event) {
      if (event.code === FORBIDDEN) return;
      window.setTimeout(connect, retryDelay);
      retryDelay = Math.min(retryDelay * 2, 60000);
    });
    socket.addEventListener("open", function () {
      retryDelay = 2000;
    });
  }

  if (window.WebSocket) connect();
})();

// Waymark survivor widget (minimal spine version).
// Safety: no cookies or storage, text rendered as text, quick exit by button, Esc, or Shift x3.
(function () {
  "use strict";
  var script = document.currentScript;
  var exitUrl = (script && script.dataset.exitUrl) || "https://www.bbc.co.uk/weather";
  var root = document.getElementById("waymark-root") || document.body.appendChild(document.createElement("div"));
  var socket = null;

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text) node.textContent = text;
    return node;
  }

  function quickExit() {
    try { if (socket) socket.close(); } catch (e) { /* leaving anyway */ }
    document.documentElement.innerHTML = "";
    window.location.replace(exitUrl);
  }

  var panel = el("section", "wm-panel");
  panel.setAttribute("aria-label", "Chat");
  var exit = el("button", "wm-exit", "Exit this page");
  exit.type = "button";
  exit.addEventListener("click", quickExit);
  var log = el("ul", "wm-log");
  log.setAttribute("aria-live", "polite");
  var form = el("form", "wm-form");
  var input = el("input", "wm-input");
  input.setAttribute("aria-label", "Your message");
  input.autocomplete = "off";
  var send = el("button", "wm-send", "Send");
  send.type = "submit";
  form.append(input, send);
  panel.append(exit, log, form);
  root.appendChild(panel);

  var shiftPresses = [];
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { quickExit(); return; }
    if (event.key === "Shift") {
      var now = Date.now();
      shiftPresses = shiftPresses.filter(function (t) { return now - t < 1000; });
      shiftPresses.push(now);
      if (shiftPresses.length >= 3) quickExit();
    }
  });

  function show(text, who, buttons, lang) {
    var item = el("li", who === "user" ? "wm-user" : "wm-bot", text);
    if (lang) { item.lang = lang; item.dir = (lang === "ar" || lang === "ur") ? "rtl" : "ltr"; }
    log.appendChild(item);
    if (buttons && buttons.length) {
      var row = el("li", "wm-buttons");
      buttons.forEach(function (b) {
        var button = el("button", "", b.title);
        button.type = "button";
        button.addEventListener("click", function () {
          show(b.title, "user");
          socket.send(JSON.stringify({ type: "button", payload: b.payload }));
        });
        row.appendChild(button);
      });
      log.appendChild(row);
    }
    item.scrollIntoView({ block: "end" });
  }

  function connect() {
    var scheme = location.protocol === "https:" ? "wss://" : "ws://";
    socket = new WebSocket(scheme + location.host + "/ws");
    socket.onopen = function () {
      socket.send(JSON.stringify({ type: "hello", lang: document.documentElement.lang || undefined }));
    };
    socket.onmessage = function (event) {
      var data = JSON.parse(event.data);
      if (data.type === "bot" || data.type === "worker") show(data.text, "bot", data.buttons, data.lang);
    };
    socket.onclose = function () {
      show("Connection lost. If you are in danger, call 999. National Domestic Abuse Helpline (24 hours): 0808 2000 247.", "bot");
    };
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = input.value.trim();
    if (!text || !socket || socket.readyState !== 1) return;
    show(text, "user");
    socket.send(JSON.stringify({ type: "message", text: text }));
    input.value = "";
  });
  connect();
})();

// Waymark survivor widget. Served as /widget.js with its boot data filled in
// (English UI strings, language list, exit URL: see bot/widget_routes.py).
//
// Embed: <script src="https://HOST/widget.js" data-lang="pl" data-exit-url="..." data-title="..." defer></script>
// A page with an element #waymark-root gets the chat inline (the standalone page at /);
// any other page gets a launcher button and a floating panel.
//
// Safety rules this file keeps:
// - nothing is stored: no cookies, Web Storage, IndexedDB, service worker or cache;
// - every text is set with textContent, never parsed as HTML;
// - quick exit (button, Esc, Shift x3) closes the socket, wipes the page and
//   replaces it in history, so Back does not bring the chat back;
// - when the connection drops, 999 and the 24-hour helpline are shown from
//   strings already in memory, without asking the server.
(function (boot) {
  "use strict";

  var script = document.currentScript;
  var data = (script && script.dataset) || {};
  var base = new URL(script && script.src ? script.src : location.href, location.href);
  var SOCKET_URL = (base.protocol === "https:" ? "wss://" : "ws://") + base.host + "/ws";
  var DEFAULT_EXIT = "https://www.bbc.co.uk/weather";
  var SHIFT_PRESSES = 3;
  var SHIFT_WINDOW_MS = 5000;
  var ENGLISH = boot.strings || {};
  var LANGUAGES = boot.languages || [];

  var exitUrl = httpUrl(data.exitUrl) || httpUrl(boot.exitUrl) || DEFAULT_EXIT;
  var strings = ENGLISH;
  var uiLang = "en";
  var helloLang = data.lang || document.documentElement.lang || "";
  var labelled = [];   // [node, key, attribute|null] re-labelled when the UI language changes
  var socket = null;
  var state = "idle";  // idle | connecting | open | ended | exited
  var shiftTimes = [];
  var ui = {};

  function httpUrl(value) {
    if (!value) return null;
    try {
      var url = new URL(value, location.href);
      return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
    } catch (e) {
      return null;
    }
  }

  function t(key) {
    return strings[key] || ENGLISH[key] || "";
  }

  function languageInfo(code) {
    for (var i = 0; i < LANGUAGES.length; i++) {
      if (LANGUAGES[i].code === code) return LANGUAGES[i];
    }
    return null;
  }

  function dirOf(code) {
    var info = languageInfo(code);
    return info && info.rtl ? "rtl" : "ltr";
  }

  // ---- DOM helpers (text only, never HTML) ----

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function labelledEl(tag, className, key, attribute) {
    var node = el(tag, className);
    label(node, key, attribute);
    return node;
  }

  function label(node, key, attribute) {
    labelled.push([node, key, attribute || null]);
    apply(node, key, attribute);
    return node;
  }

  function apply(node, key, attribute) {
    if (attribute) {
      node.setAttribute(attribute, t(key));
      return;
    }
    node.textContent = t(key);
    // A string not yet translated is English: say so, so it reads and flows correctly.
    if (uiLang !== "en" && t(key) === ENGLISH[key]) {
      node.lang = "en";
      node.dir = "ltr";
    } else {
      node.removeAttribute("lang");
      node.removeAttribute("dir");
    }
  }

  function button(className, key, onClick) {
    var node = labelledEl("button", className, key);
    node.type = "button";
    node.addEventListener("click", onClick);
    return node;
  }

  function relabel() {
    labelled.forEach(function (entry) { apply(entry[0], entry[1], entry[2]); });
    if (ui.inline) document.title = data.title || t("title");
  }

  // ---- Quick exit ----

  function quickExit(event) {
    if (event) event.preventDefault();
    state = "exited";
    if (socket) {
      try { socket.close(1000); } catch (e) { /* leaving anyway */ }
    }
    var root = document.documentElement;
    while (root.firstChild) root.removeChild(root.firstChild);
    location.replace(exitUrl);
  }

  function onKeyDown(event) {
    if (event.isComposing) return;
    if (event.key === "Escape") {
      quickExit(event);
      return;
    }
    if (event.key !== "Shift") {
      shiftTimes = [];
      return;
    }
    if (event.repeat) return;
    var now = Date.now();
    shiftTimes = shiftTimes.filter(function (time) { return now - time < SHIFT_WINDOW_MS; });
    shiftTimes.push(now);
    if (shiftTimes.length >= SHIFT_PRESSES) quickExit(event);
  }

  function exitButton() {
    return button("wm-exit", "exit", quickExit);
  }

  // ---- UI strings per language ----

  function loadStrings(code) {
    if (code === uiLang) return;
    uiLang = code;
    if (code === "en") {
      strings = ENGLISH;
      relabel();
      return;
    }
    fetch(base.origin + "/widget/strings/" + encodeURIComponent(code) + ".json",
          { credentials: "omit", cache: "no-store", referrerPolicy: "no-referrer" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (body) {
        if (!body || uiLang !== code) return;
        strings = body.strings;
        relabel();
      })
      .catch(function () { /* keep the strings we have: English is always there */ });
  }

  function setConversationLanguage(code) {
    if (!languageInfo(code)) return;
    ui.panel.lang = code;
    ui.panel.dir = dirOf(code);
    if (ui.dock) {
      ui.dock.lang = code;
      ui.dock.dir = dirOf(code);
    }
    ui.languageName.textContent = languageInfo(code).name;
    ui.languageName.lang = code;
    loadStrings(code);
  }

  // ---- Building the widget ----

  function build(host, inline) {
    ui.inline = inline;
    var titleId = "wm-title";
    var panel = el("section", "wm-panel" + (inline ? " wm-inline" : " wm-floating"));
    panel.id = "wm-panel";
    panel.setAttribute("aria-labelledby", titleId);
    ui.panel = panel;

    var head = el("div", "wm-head");
    var title = el(inline ? "h1" : "h2", "wm-title");
    title.id = titleId;
    if (data.title) title.textContent = data.title;
    else label(title, "title");
    head.append(title, exitButton());
    if (!inline) {
      ui.minimise = button("wm-minimise", "minimise", function () { setOpen(false); });
      head.appendChild(ui.minimise);
    }
    var keys = labelledEl("p", "wm-exit-keys", "exit_keys");

    ui.tips = buildTips();
    ui.tools = buildTools();

    // A list inside the live region: role=log on the <ol> itself would hide its list semantics.
    ui.log = el("div", "wm-log");
    ui.list = el("ol", "wm-list");
    ui.log.appendChild(ui.list);
    ui.log.setAttribute("role", "log");
    ui.log.setAttribute("aria-live", "polite");
    label(ui.log, "conversation", "aria-label");
    ui.log.tabIndex = 0;

    ui.typing = labelledEl("p", "wm-typing", "typing");
    ui.typing.hidden = true;

    ui.alert = el("div", "wm-alert");
    ui.alert.setAttribute("role", "alert");

    ui.form = buildForm();
    panel.append(head, keys, ui.tools, ui.tips, ui.log, ui.typing, ui.alert, ui.form);

    if (inline) {
      host.appendChild(panel);
      setOpen(true);
      return;
    }
    panel.hidden = true;
    var dock = el("div", "wm-dock");
    ui.launcher = button("wm-launcher", "launcher_open", function () { setOpen(true); });
    ui.launcher.setAttribute("aria-controls", panel.id);
    ui.launcher.setAttribute("aria-expanded", "false");
    dock.append(exitButton(), ui.launcher);
    ui.dock = dock;
    var wrapper = el("div", "wm-root");
    wrapper.append(dock, panel);
    host.appendChild(wrapper);
  }

  function buildTips() {
    var tips = el("section", "wm-tips");
    var heading = labelledEl(ui.inline ? "h2" : "h3", "wm-tips-heading", "tips_heading");
    heading.id = "wm-tips-heading";
    tips.setAttribute("aria-labelledby", heading.id);
    var dismiss = button("wm-secondary wm-tips-dismiss", "tips_dismiss", function () {
      tips.hidden = true;
      ui.input.focus();
    });
    tips.append(heading, labelledEl("p", "", "tips_exit"), labelledEl("p", "", "tips_history"), dismiss);
    return tips;
  }

  function buildTools() {
    var tools = el("div", "wm-tools");
    var toggle = el("button", "wm-secondary wm-language-toggle");
    toggle.type = "button";
    toggle.setAttribute("aria-expanded", "false");
    toggle.setAttribute("aria-controls", "wm-languages");
    var current = languageInfo(helloLang.split("-")[0]) || languageInfo("en") || { code: "en", name: "English" };
    ui.languageName = el("span", "wm-language-name", current.name);
    ui.languageName.lang = current.code;
    toggle.append(labelledEl("span", "", "language"), document.createTextNode(": "), ui.languageName);

    var list = el("ul", "wm-languages");
    list.id = "wm-languages";
    list.hidden = true;
    LANGUAGES.forEach(function (info) {
      var item = el("li");
      var choice = el("button", "wm-language", info.name);
      choice.type = "button";
      choice.lang = info.code;
      choice.dir = info.rtl ? "rtl" : "ltr";
      choice.addEventListener("click", function () {
        chooseLanguage(info.code);
        list.hidden = true;
        toggle.setAttribute("aria-expanded", "false");
        toggle.focus();
      });
      item.appendChild(choice);
      list.appendChild(item);
    });
    toggle.addEventListener("click", function () {
      list.hidden = !list.hidden;
      toggle.setAttribute("aria-expanded", String(!list.hidden));
    });
    ui.forget = button("wm-secondary wm-forget", "forget", forget);
    tools.append(toggle, list, ui.forget);
    return tools;
  }

  function buildForm() {
    var form = el("form", "wm-form");
    form.noValidate = true;
    var fieldLabel = labelledEl("label", "wm-label", "message_label");
    fieldLabel.htmlFor = "wm-input";
    var input = el("textarea", "wm-input");
    input.id = "wm-input";
    input.rows = 2;
    input.dir = "auto";
    input.autocomplete = "off";
    // Browser "enhanced" spell checking can send what is typed to a third party.
    input.spellcheck = false;
    input.setAttribute("autocorrect", "off");
    input.setAttribute("autocapitalize", "sentences");
    input.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        sendText();
      }
    });
    ui.input = input;
    ui.send = labelledEl("button", "wm-send", "send");
    ui.send.type = "submit";
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      sendText();
    });
    var row = el("div", "wm-form-row");
    row.append(input, ui.send);
    form.append(fieldLabel, row);
    return form;
  }

  function setOpen(open) {
    if (!ui.inline) {
      ui.panel.hidden = !open;
      ui.dock.hidden = open;
      ui.launcher.setAttribute("aria-expanded", String(open));
    }
    if (open) {
      if (state === "idle") startConversation();
      if (!ui.inline) ui.input.focus();
    } else {
      ui.launcher.focus();
    }
  }

  // ---- The conversation ----

  function startConversation() {
    clearLog();
    ui.tips.hidden = false;
    ui.alert.replaceChildren();
    setComposing(true);
    if (socket) socket.close(1000);
    state = "connecting";
    // Handlers check they still belong to the current socket: an old one may
    // finish closing after a new chat has started.
    var mine = new WebSocket(SOCKET_URL);
    socket = mine;
    mine.onopen = function () {
      if (socket !== mine) return;
      state = "open";
      var hello = { type: "hello" };
      if (helloLang) hello.lang = helloLang;
      mine.send(JSON.stringify(hello));
    };
    mine.onmessage = function (event) {
      if (socket !== mine) return;
      var message;
      try { message = JSON.parse(event.data); } catch (e) { return; }
      receive(message);
    };
    mine.onclose = function () {
      if (socket !== mine) return;
      socket = null;
      if (state === "ended" || state === "exited") return;
      state = "ended";
      connectionLost();
    };
  }

  function send(frame) {
    if (!socket || socket.readyState !== WebSocket.OPEN) return false;
    socket.send(JSON.stringify(frame));
    return true;
  }

  function sendText() {
    var text = ui.input.value.trim();
    if (!text) return;
    if (!send({ type: "message", text: text })) return;
    removeButtons();
    addMessage("user", text, null);
    ui.input.value = "";
  }

  function chooseLanguage(code) {
    helloLang = code;
    setConversationLanguage(code);
    send({ type: "button", payload: "/choose_language" + JSON.stringify({ language: code }) });
  }

  // "Forget me": the server deletes the conversation, replies "ended" and closes.
  function forget() {
    send({ type: "forget" });
    state = "ended";
    finish("forgotten");
  }

  function receive(message) {
    if (message.type === "typing") {
      ui.typing.hidden = false;
      return;
    }
    if (message.type === "bot" || message.type === "worker") {
      ui.typing.hidden = true;
      if (message.type === "bot" && message.lang) setConversationLanguage(message.lang);
      addMessage(message.type, String(message.text || ""), message.type === "bot" ? message.lang : null);
      if (Array.isArray(message.buttons) && message.buttons.length) addButtons(message.buttons, message.lang);
      return;
    }
    if (message.type === "status") status(message);
  }

  function status(message) {
    if (message.state === "queued") {
      var text = message.position ? t("queued").replace("{position}", String(message.position)) : t("queued_plain");
      addNotice(text);
    } else if (message.state === "connected") {
      addNotice(t("worker_joined"));
    } else if (message.state === "ended" && state !== "ended") {
      state = "ended";
      finish("ended");
    }
  }

  function addMessage(kind, text, lang) {
    var item = el("li", "wm-message wm-" + kind);
    var who = labelledEl("span", "wm-who", kind === "user" ? "you_said" : kind === "worker" ? "worker_said" : "bot_said");
    var body = el("span", "wm-text", text);
    if (lang && languageInfo(lang)) {
      item.lang = lang;
      item.dir = dirOf(lang);
      who.lang = uiLang;
    } else {
      body.dir = "auto";
    }
    item.append(who, document.createTextNode(" "), body);
    ui.list.appendChild(item);
    scrollToEnd();
  }

  function addNotice(text) {
    var item = el("li", "wm-notice", text);
    ui.list.appendChild(item);
    scrollToEnd();
  }

  function addButtons(buttons, lang) {
    var item = el("li", "wm-choices");
    if (lang && languageInfo(lang)) {
      item.lang = lang;
      item.dir = dirOf(lang);
    }
    buttons.forEach(function (choice) {
      var node = el("button", "wm-choice", String(choice.title || ""));
      node.type = "button";
      node.addEventListener("click", function () {
        if (!send({ type: "button", payload: String(choice.payload || "") })) return;
        removeButtons();
        addMessage("user", String(choice.title || ""), null);
        ui.input.focus();
      });
      item.appendChild(node);
    });
    ui.list.appendChild(item);
    scrollToEnd();
  }

  function removeButtons() {
    var rows = ui.list.querySelectorAll(".wm-choices");
    for (var i = 0; i < rows.length; i++) rows[i].remove();
  }

  function clearLog() {
    ui.list.replaceChildren();
    ui.typing.hidden = true;
  }

  function scrollToEnd() {
    ui.log.scrollTop = ui.log.scrollHeight;
  }

  function setComposing(enabled) {
    ui.input.disabled = !enabled;
    ui.send.disabled = !enabled;
    ui.forget.disabled = !enabled;
  }

  // The chat is over: say so (in words safe to be seen), offer a new one.
  function finish(key) {
    if (key === "forgotten") {
      clearLog();
      ui.input.value = "";
    }
    ui.typing.hidden = true;
    setComposing(false);
    showAlert([el("p", "", t(key))]);
  }

  function connectionLost() {
    ui.typing.hidden = true;
    setComposing(false);
    var help = el("p", "wm-offline", t("offline_help"));
    var calls = el("p", "wm-calls");
    calls.append(callLink("999", t("call_999")), callLink("08082000247", t("call_helpline")));
    var lines = [el("p", "", t("connection_lost")), help, calls];
    if (uiLang !== "en") {
      // The English help as well: it is baked in, so it is always there.
      var english = el("p", "wm-offline", ENGLISH.offline_help);
      english.lang = "en";
      english.dir = "ltr";
      lines.push(english);
    }
    showAlert(lines);
  }

  function callLink(number, text) {
    var link = el("a", "wm-call", text);
    link.href = "tel:" + number;
    return link;
  }

  function showAlert(lines) {
    var again = button("wm-send wm-new-chat", "new_chat", function () {
      startConversation();
      ui.input.focus();
    });
    ui.alert.replaceChildren.apply(ui.alert, lines.concat([again]));
  }

  // ---- Start-up ----

  function mount() {
    var host = document.getElementById("waymark-root");
    var inline = Boolean(host);
    if (!host) host = document.body;
    build(host, inline);
    var start = languageInfo(helloLang.split("-")[0]);
    if (start && start.code !== "en") setConversationLanguage(start.code);
    relabel();
    document.addEventListener("keydown", onKeyDown, true);
    // Closing the tab ends the conversation on the server at once.
    window.addEventListener("pagehide", function () {
      if (socket) socket.close(1000);
    });
  }

  function loadStylesheet(then) {
    var link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = base.origin + "/static/widget.css";
    link.onload = then;
    link.onerror = then;
    document.head.appendChild(link);
  }

  function whenReady() {
    loadStylesheet(mount);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", whenReady);
  else whenReady();
})(/*WAYMARK_BOOT*/{});

// trh live voting: the participant's page. No external scripts, fonts or styles; talks only
// to the server that served it. See docs/live-api.md.
"use strict";
(function () {
  var TOKEN_KEY = "trh-live-token:" + location.host;
  var QUEUE_KEY = "trh-live-queue:" + location.host;
  // Storage can be missing or refuse writes (private browsing on older Safari): then the
  // page keeps its token and queue in memory only, and a reload asks to join again.
  var memory = {};
  var store = {
    get: function (k) {
      var v = null;
      try { v = window.localStorage.getItem(k); } catch (e) { v = null; }
      return v !== null ? v : (memory[k] || null);
    },
    set: function (k, v) { try { window.localStorage.setItem(k, v); } catch (e) { memory[k] = v; } },
    remove: function (k) { try { window.localStorage.removeItem(k); } catch (e) { delete memory[k]; } }
  };
  var token = store.get(TOKEN_KEY) || "";
  var code = "";
  var state = null;
  var shown = "";
  var version = 0;
  var stream = null;
  var pollTimer = null;
  var queue = [];
  try { queue = JSON.parse(store.get(QUEUE_KEY) || "[]"); } catch (e) { queue = []; }

  function $(id) { return document.getElementById(id); }
  function show(step) {
    ["code-step", "name-step", "wait-step", "vote-step"].forEach(function (s) { $(s).hidden = s !== step; });
  }
  function say(text) { $("message").textContent = text || ""; }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function api(method, path, body) {
    var headers = { "Content-Type": "application/json" };
    if (token) headers.Authorization = "Bearer " + token;
    return fetch(path, {
      method: method, headers: headers, cache: "no-store",
      body: body === undefined ? undefined : JSON.stringify(body)
    }).then(function (r) {
      return r.text().then(function (t) {
        var data = null;
        try { data = t ? JSON.parse(t) : null; } catch (e) { data = null; }
        return { status: r.status, data: data };
      });
    });
  }
  function saveQueue() { store.set(QUEUE_KEY, JSON.stringify(queue)); }
  function forget() {
    token = ""; state = null;
    store.remove(TOKEN_KEY);
    queue = []; saveQueue();
    stopStream();
  }

  // --- Joining ---
  function askCode(text) {
    show("code-step");
    say(text);
    $("who").hidden = true;
  }
  function names() {
    return api("POST", "/api/names", { code: code }).then(function (r) {
      if (r.status !== 200) { askCode(r.data && r.data.error ? r.data.error : "That code did not work."); return; }
      var box = $("names");
      box.textContent = "";
      r.data.participants.forEach(function (p) {
        var b = el("button", "", p.name + (p.agency ? " (" + p.agency + ")" : "") + (p.taken ? " (taken)" : ""));
        b.type = "button";
        b.disabled = p.taken;
        b.addEventListener("click", function () { join(p.id); });
        box.appendChild(b);
      });
      if (!r.data.participants.length) say("Nobody is listed as present yet: ask the facilitator.");
      else say("");
      show("name-step");
    }, function () { askCode("Cannot reach trh. Are you on the room's Wi-Fi?"); });
  }
  function join(id) {
    api("POST", "/api/join", { code: code, participant: id }).then(function (r) {
      if (r.status === 200 && r.data && r.data.token) {
        token = r.data.token;
        store.set(TOKEN_KEY, token);
        queue = []; saveQueue();
        say("");
        refresh().then(startStream);
      } else {
        say(r.data && r.data.error ? r.data.error : "Could not join.");
        names();
      }
    }, function () { say("Cannot reach trh. Try again."); });
  }

  function askName() {
    api("POST", "/api/wait", { code: code }).then(function (r) {
      if (r.status === 200 && r.data && r.data.token) {
        token = r.data.token;
        store.set(TOKEN_KEY, token);
        refresh().then(startStream);
      } else {
        say(r.data && r.data.error ? r.data.error : "Could not join.");
      }
    }, function () { say("Cannot reach trh. Try again."); });
  }
  function waiting(n) {
    show("wait-step");
    $("who").hidden = true;
    $("wait-text").textContent = "Tell the facilitator: device " + n + ".";
  }

  // --- The vote page ---
  function mine(factor) {
    for (var i = queue.length - 1; i >= 0; i--) {
      var q = queue[i];
      if (state.open && q.theme === state.open.theme && q.round === state.open.round && q.factor === factor) return q.level;
    }
    return state.votes[factor];
  }
  function render() {
    $("who").hidden = false;
    $("who").textContent = "Voting as " + state.participant.name;
    show("vote-step");
    var status = $("status"), theme = $("theme"), factors = $("factors");
    theme.textContent = ""; factors.textContent = "";
    var open = state.open;
    if (!open) {
      status.className = "waiting";
      status.textContent = "Waiting for the next theme. This page updates by itself.";
      return;
    }
    var done = open.factors.filter(function (f) { return mine(f.id); }).length;
    if (open.locked) {
      status.className = "closed";
      status.textContent = "Voting is closed for this theme. You voted on " + done + " of " + open.factors.length + ".";
    } else {
      status.className = "";
      status.textContent = "Round " + open.round + ": you have voted on " + done + " of " + open.factors.length + " factors. You can change a vote until the facilitator closes the round.";
    }
    theme.appendChild(el("h2", "theme-name", open.name));
    if (open.description) theme.appendChild(el("p", "theme-text", open.description));
    if (open.evidence) theme.appendChild(el("p", "theme-text", "Evidence: " + open.evidence));
    open.factors.forEach(function (f) {
      var box = el("section", "factor");
      var h = el("h3");
      h.appendChild(el("span", "section", f.section));
      h.appendChild(document.createTextNode(f.label));
      h.id = "f-" + f.id;
      box.appendChild(h);
      var range = f.levels.every(function (l) { return l.label === l.code && /^-?\d+$/.test(l.code); });
      var levels = el("div", range ? "levels range" : "levels");
      levels.setAttribute("role", "group");
      levels.setAttribute("aria-labelledby", h.id);
      var chosen = mine(f.id);
      f.levels.forEach(function (l, i) {
        var b = el("button");
        b.type = "button";
        b.appendChild(el("span", "label", l.label));
        if (l.descriptor) b.appendChild(el("span", "descriptor", l.descriptor));
        if (f.spread) b.appendChild(el("span", "spread", " " + f.spread[i] + (f.spread[i] === 1 ? " person" : " people")));
        b.setAttribute("aria-pressed", chosen === l.code ? "true" : "false");
        b.disabled = open.locked;
        b.addEventListener("click", function () { vote(f.id, l.code); });
        levels.appendChild(b);
      });
      box.appendChild(levels);
      factors.appendChild(box);
    });
    if (queue.length) factors.appendChild(el("p", "pending", queue.length + " vote(s) waiting to be sent..."));
  }
  function vote(factor, level) {
    if (!state || !state.open || state.open.locked) return;
    var v = { theme: state.open.theme, round: state.open.round, factor: factor, level: level };
    queue = queue.filter(function (q) { return !(q.theme === v.theme && q.round === v.round && q.factor === v.factor); });
    queue.push(v);
    saveQueue();
    render();
    flush();
  }
  var flushing = false;
  function flush() {
    if (flushing || !queue.length || !token) return;
    flushing = true;
    var v = queue[0];
    api("PUT", "/api/vote", v).then(function (r) {
      flushing = false;
      if (r.status === 200) {
        state.votes[v.factor] = v.level;
        queue.shift(); saveQueue(); say("");
        if (r.data && r.data.version) version = r.data.version;
        render();
        flush();
      } else if (r.status === 401) {
        forget(); askCode("Your access has ended (voting stopped, or your name was released). Join again with the room code.");
      } else {
        // Refused (the round closed, or the theme moved on): drop it and show why.
        queue.shift(); saveQueue();
        say(r.data && r.data.error ? r.data.error : "That vote was not taken.");
        refresh();
      }
    }, function () {
      flushing = false;
      say("Not connected: your votes will be sent when the connection is back.");
      setTimeout(flush, 2000);
    });
  }
  function refresh() {
    if (!token) return Promise.resolve();
    return api("GET", "/api/state").then(function (r) {
      if (r.status === 200 && r.data.waiting) {
        version = r.data.version;
        waiting(r.data.waiting);
      } else if (r.status === 200) {
        version = r.data.version;
        // Redraw only if something shown changed: a redraw under a finger can lose a tap.
        var key = JSON.stringify([r.data.open, r.data.votes, r.data.participant]);
        state = r.data;
        if (key !== shown) { shown = key; render(); }
        flush();
      } else if (r.status === 401) {
        forget();
        if (code) names(); else askCode("Join with the room code on the screen.");
      }
    }, function () { say("Not connected: retrying..."); });
  }

  // --- Change notices: an event stream, else polling ---
  function stopStream() {
    if (stream) { try { stream.abort(); } catch (e) { /* gone */ } stream = null; }
    if (pollTimer) { clearInterval(pollTimer); pollTimer = null; }
  }
  function poll() {
    if (!pollTimer) pollTimer = setInterval(refresh, 3000);
  }
  function startStream() {
    if (!token || stream) return;
    if (!window.ReadableStream || !window.AbortController) { poll(); return; }
    var ctrl = new AbortController();
    stream = ctrl;
    fetch("/api/events", { headers: { Authorization: "Bearer " + token }, cache: "no-store", signal: ctrl.signal }).then(function (r) {
      if (r.status === 401) { stream = null; refresh(); return; }
      if (!r.ok || !r.body) throw new Error("no stream");
      if (pollTimer) { clearInterval(pollTimer); pollTimer = null; }
      var reader = r.body.getReader(), dec = new TextDecoder(), buf = "";
      function pump() {
        return reader.read().then(function (chunk) {
          if (chunk.done) throw new Error("ended");
          buf += dec.decode(chunk.value, { stream: true });
          var parts = buf.split("\n\n");
          buf = parts.pop();
          parts.forEach(function (msg) {
            if (msg.indexOf("event: revoked") >= 0) { refresh(); return; }
            var m = /data: (\d+)/.exec(msg);
            if (m && Number(m[1]) !== version) refresh();
          });
          return pump();
        });
      }
      return pump();
    }).catch(function () {
      if (stream === ctrl) stream = null;
      poll();
      setTimeout(startStream, 5000);
    });
  }
  function wake() {
    if (!token) return;
    refresh().then(function () { stopStream(); startStream(); });
  }
  document.addEventListener("visibilitychange", function () { if (!document.hidden) wake(); });
  window.addEventListener("pageshow", function (e) { if (e.persisted) wake(); });
  window.addEventListener("online", wake);

  $("ask-name").addEventListener("click", askName);
  $("code-form").addEventListener("submit", function (e) {
    e.preventDefault();
    code = $("code").value.replace(/\s+/g, "");
    names();
  });

  // --- Start ---
  var params = new URLSearchParams(location.search);
  var k = params.get("k");
  if (k) {
    code = k;
    // The secret leaves the address bar (and any screenshot of it).
    history.replaceState(null, "", location.pathname);
  }
  if (token) {
    api("GET", "/api/state").then(function (r) {
      if (r.status === 200 && r.data.waiting) { version = r.data.version; waiting(r.data.waiting); startStream(); }
      else if (r.status === 200) {
        state = r.data; version = r.data.version;
        shown = JSON.stringify([r.data.open, r.data.votes, r.data.participant]);
        render(); flush(); startStream();
      }
      else { forget(); if (code) names(); else askCode(""); }
    }, function () { askCode("Cannot reach trh. Are you on the room's Wi-Fi?"); });
  } else if (code) {
    names();
  } else {
    askCode("");
  }
})();

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
  var REFUSED_KEY = "trh-live-refused:" + location.host;
  var queue = [];
  try { queue = JSON.parse(store.get(QUEUE_KEY) || "[]"); } catch (e) { queue = []; }
  // Votes trh refused after they were tapped (the round closed while this phone was offline):
  // factor id -> { level, why }. Shown at the factor until the person votes again there.
  var refused = {};
  try { refused = JSON.parse(store.get(REFUSED_KEY) || "{}") || {}; } catch (e) { refused = {}; }
  var online = true;
  var retryTimer = null;
  var ended = false;

  function $(id) { return document.getElementById(id); }
  function show(step) {
    ["code-step", "name-step", "wait-step", "vote-step", "ended-step"].forEach(function (s) { $(s).hidden = s !== step; });
  }
  // The connection, always at the top: what is waiting to be sent, and whether it can be.
  function connection() {
    var c = $("conn");
    if (!token || ended) { c.hidden = true; return; }
    var n = queue.length;
    c.hidden = online && !n;
    if (!online) {
      c.className = "";
      c.textContent = "Not connected to trh. " + (n ? n + (n === 1 ? " vote is" : " votes are") + " waiting to be sent: keep this page open." : "Trying again...");
    } else if (n) {
      c.className = "ok";
      c.textContent = "Sending " + n + (n === 1 ? " vote..." : " votes...");
    }
  }
  function retry(fn) {
    // One retry loop, however many taps happen while offline.
    if (retryTimer) return;
    retryTimer = setTimeout(function () { retryTimer = null; fn(); }, 2000);
  }
  function setOnline(on) {
    online = on;
    connection();
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
  function saveQueue() { store.set(QUEUE_KEY, JSON.stringify(queue)); connection(); }
  function saveRefused() { store.set(REFUSED_KEY, JSON.stringify(refused)); }
  function forget() {
    token = ""; state = null;
    store.remove(TOKEN_KEY);
    queue = []; saveQueue();
    refused = {}; saveRefused();
    stopStream();
    connection();
  }
  function finished() {
    ended = true;
    forget();
    show("ended-step");
    $("who").hidden = true;
    say("");
  }

  // --- Joining ---
  function askCode(text) {
    show("code-step");
    say(text);
    $("who").hidden = true;
  }
  function names(message) {
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
      else say(message || "");
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
        // Lost a race for the name, say: go back to the names, and say why.
        names((r.data && r.data.error ? r.data.error : "Could not join.") + " Pick your name again.");
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
  function queued(factor) {
    for (var i = queue.length - 1; i >= 0; i--) {
      var q = queue[i];
      if (state.open && q.theme === state.open.theme && q.round === state.open.round && q.factor === factor) return q;
    }
    return null;
  }
  function mine(factor) {
    var q = queued(factor);
    return q ? q.level : state.votes[factor];
  }
  function asked(open) { return open.factors.filter(function (f) { return !f.agreed; }); }
  function render() {
    $("who").hidden = false;
    $("who").textContent = "Voting as " + state.participant.name;
    show("vote-step");
    connection();
    var status = $("status"), theme = $("theme"), factors = $("factors");
    theme.textContent = ""; factors.textContent = "";
    var open = state.open;
    if (!open) {
      status.className = "waiting";
      status.textContent = "Waiting for the next theme. This page updates by itself.";
      return;
    }
    var ask = asked(open);
    var sent = ask.filter(function (f) { return !queued(f.id) && state.votes[f.id]; }).length;
    var unsent = ask.filter(function (f) { var q = queued(f.id); return q && q.level; }).length;
    var missing = ask.filter(function (f) { return !mine(f.id); });
    var agreedNote = ask.length < open.factors.length
      ? " The room already agreed " + (open.factors.length - ask.length) + " of the " + open.factors.length + " factors; this round asks about the other " + ask.length + "."
      : "";
    if (open.locked) {
      status.className = "closed";
      status.textContent = "Voting is closed for this theme. trh has " + sent + " of your " + ask.length + " votes." + (unsent ? " " + unsent + " did not reach trh before it closed." : "");
    } else {
      status.className = missing.length ? "" : "done";
      var head = "Round " + open.round + ": trh has " + sent + " of your " + ask.length + " votes";
      head += unsent ? " (" + unsent + " more not sent yet)." : ".";
      if (missing.length) {
        var names = missing.slice(0, 3).map(function (f) { return f.label; }).join(", ");
        head += " Still to vote: " + names + (missing.length > 3 ? " and " + (missing.length - 3) + " more" : "") + ".";
      } else if (!unsent) {
        head += " All done: you can change a vote until the facilitator closes the round.";
      }
      status.textContent = head + agreedNote;
    }
    theme.appendChild(el("h2", "theme-name", open.name));
    if (open.description) theme.appendChild(el("p", "theme-text", open.description));
    if (open.evidence) theme.appendChild(el("p", "theme-text", "Evidence: " + open.evidence));
    open.factors.forEach(function (f) { factors.appendChild(factorBox(open, f)); });
  }
  function factorBox(open, f) {
    var box = el("section", "factor");
    var h = el("h3");
    h.appendChild(el("span", "section", f.section));
    h.appendChild(document.createTextNode(f.label));
    h.id = "f-" + f.id;
    box.appendChild(h);
    if (f.agreed) {
      var level = f.levels.filter(function (l) { return l.code === f.agreed; })[0];
      box.appendChild(el("p", "agreed", "Agreed by the room in an earlier round: " + (level ? level.label : f.agreed) + ". Not asked again."));
      return box;
    }
    var chosen = mine(f.id);
    var q = queued(f.id);
    if (!chosen && !open.locked) {
      box.className = "factor missing";
      box.appendChild(el("p", "todo", "Not voted yet"));
    }
    var range = f.levels.every(function (l) { return l.label === l.code && /^-?\d+(\.\d+)?$/.test(l.code); });
    if (range && f.levels.length > 21) {
      box.appendChild(numberEntry(open, f, chosen, q));
    } else {
      box.appendChild(levelButtons(open, f, chosen, q, range, h.id));
    }
    var no = refused[f.id];
    if (no) {
      var picked = f.levels.filter(function (l) { return l.code === no.level; })[0];
      box.appendChild(el("p", "refused", "Not recorded: " + no.why + " You chose " + (picked ? picked.label : no.level) + ": tell the facilitator."));
    }
    if (chosen && !open.locked) {
      var c = el("button", "clear", "Clear my vote");
      c.type = "button";
      c.addEventListener("click", function () { vote(f.id, null); });
      box.appendChild(c);
    }
    return box;
  }
  function levelButtons(open, f, chosen, q, range, headingId) {
    var levels = el("div", range ? "levels range" : "levels");
    levels.setAttribute("role", "group");
    levels.setAttribute("aria-labelledby", headingId);
    f.levels.forEach(function (l, i) {
      var b = el("button");
      b.type = "button";
      b.appendChild(el("span", "label", l.label));
      if (l.descriptor) b.appendChild(el("span", "descriptor", l.descriptor));
      if (f.spread) b.appendChild(el("span", "spread", " " + f.spread[i] + (f.spread[i] === 1 ? " person" : " people")));
      b.setAttribute("aria-pressed", chosen === l.code ? "true" : "false");
      if (chosen === l.code && q) b.className = "unsent";
      b.disabled = open.locked;
      b.addEventListener("click", function () { vote(f.id, l.code); });
      levels.appendChild(b);
    });
    return levels;
  }
  // A fine scale (0 to 10 in steps of 0.1): a number typed, not a hundred buttons.
  function numberEntry(open, f, chosen, q) {
    var first = f.levels[0].code, last = f.levels[f.levels.length - 1].code;
    var step = (parseFloat(f.levels[1].code) - parseFloat(first)).toFixed(4).replace(/\.?0+$/, "");
    var form = el("form", "number");
    var input = el("input");
    input.type = "text";
    input.setAttribute("inputmode", "decimal");
    input.setAttribute("autocomplete", "off");
    input.setAttribute("aria-label", f.label + ": a number from " + first + " to " + last);
    input.value = chosen || "";
    if (chosen && q) input.className = "unsent";
    input.disabled = open.locked;
    var go = el("button", "", "Vote");
    go.type = "submit";
    go.disabled = open.locked;
    var said = "A number from " + first + " to " + last + " in steps of " + step;
    var hint = el("p", "hint", said + (chosen && q ? ". Not sent yet." : "."));
    form.appendChild(input);
    form.appendChild(go);
    form.appendChild(hint);
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      var x = parseFloat(input.value.replace(",", "."));
      var hit = f.levels.filter(function (l) { return Math.abs(parseFloat(l.code) - x) < 1e-9; })[0];
      if (isNaN(x) || !hit) {
        hint.textContent = "Give " + said.charAt(0).toLowerCase() + said.slice(1) + ".";
        hint.className = "hint wrong";
        return;
      }
      vote(f.id, hit.code);
    });
    return form;
  }
  function vote(factor, level) {
    if (!state || !state.open || state.open.locked) return;
    // The level already chosen: nothing to send.
    if (mine(factor) === level || (!level && !mine(factor))) return;
    var v = { theme: state.open.theme, round: state.open.round, factor: factor, level: level };
    queue = queue.filter(function (q) { return !(q.theme === v.theme && q.round === v.round && q.factor === v.factor); });
    queue.push(v);
    delete refused[factor]; saveRefused();
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
      setOnline(true);
      if (r.status === 200) {
        if (v.level) state.votes[v.factor] = v.level; else delete state.votes[v.factor];
        queue.shift(); saveQueue(); say("");
        if (r.data && r.data.version) version = r.data.version;
        render();
        flush();
      } else if (r.status === 401) {
        forget(); askCode(ended401(r, "Your access has ended (voting stopped, or the facilitator freed your name for another device). Join again with the room code."));
      } else if (r.status === 410) {
        finished();
      } else if (r.status === 503) {
        // trh could not write it to its disk just now: keep it, and try again.
        retry(flush);
      } else {
        // Refused (the round closed before it arrived, say): never dropped silently. It is
        // shown at its factor, with the reason and the level chosen.
        queue.shift(); saveQueue();
        if (v.level) refused[v.factor] = { level: v.level, why: (r.data && r.data.error ? r.data.error : "trh did not take this vote") + "." };
        saveRefused();
        refresh().then(function () { if (state) render(); flush(); });
      }
    }, function () {
      flushing = false;
      setOnline(false);
      if (state) render();
      retry(flush);
    });
  }
  // trh's own reason when it has one (the facilitator freed this phone's name), else `usual`.
  function ended401(r, usual) {
    var why = r.data && r.data.error;
    return why && why.indexOf("freed the name") >= 0 ? why : usual;
  }
  function refresh() {
    if (!token) return Promise.resolve();
    return api("GET", "/api/state").then(function (r) {
      setOnline(true);
      if (r.status === 200 && r.data.waiting) {
        version = r.data.version;
        waiting(r.data.waiting);
      } else if (r.status === 200) {
        version = r.data.version;
        // Redraw only if something shown changed: a redraw under a finger can lose a tap.
        var key = JSON.stringify([r.data.open, r.data.votes, r.data.participant, queue.length]);
        state = r.data;
        if (key !== shown) { shown = key; render(); }
        flush();
      } else if (r.status === 410) {
        finished();
      } else if (r.status === 401) {
        // Never send an old code again by itself: a restarted trh has a new one, and wrong
        // codes count against this device.
        forget();
        askCode(ended401(r, "Your access has ended (trh was restarted, or the facilitator freed your name). Join again with the room code on the screen."));
      }
    }, function () {
      setOnline(false);
      retry(refresh);
    });
  }

  // --- Change notices: an event stream, else polling ---
  function stopStream() {
    if (stream) { try { stream.abort(); } catch (e) { /* gone */ } stream = null; }
    if (pollTimer) { clearInterval(pollTimer); pollTimer = null; }
  }
  function poll() {
    if (!pollTimer && !ended) pollTimer = setInterval(refresh, 3000);
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
            if (msg.indexOf("event: ended") >= 0) { finished(); return; }
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
      if (ended) return;
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
  function resume() {
    api("GET", "/api/state").then(function (r) {
      setOnline(true);
      if (r.status === 200 && r.data.waiting) { version = r.data.version; waiting(r.data.waiting); startStream(); }
      else if (r.status === 200) {
        state = r.data; version = r.data.version;
        shown = JSON.stringify([r.data.open, r.data.votes, r.data.participant, queue.length]);
        render(); flush(); startStream();
      }
      else if (r.status === 410) { finished(); }
      else { forget(); if (code) names(); else askCode(""); }
    }, function () {
      // A reload during a network blip: this device keeps its place and tries again.
      setOnline(false);
      show("vote-step");
      $("status").className = "closed";
      $("status").textContent = "Reconnecting to trh...";
      setTimeout(resume, 2000);
    });
  }
  if (token) {
    resume();
  } else if (code) {
    names();
  } else {
    askCode("");
  }
})();

// The participant's page in WebKit (Safari's engine), through WebKitGTK's WebDriver, at
// 390x844: join by the room code, pick a name, vote on two factors; then trh is killed
// (the phone loses the server) and the person changes two more votes: the page must say at
// the top that it is not connected and that 2 votes wait, and mark them unsent where they
// are. trh is started again on the same file and port (the same room): the waiting votes go
// out by themselves. Prints "KILL" and "RESTART" and waits for a line on stdin after each;
// the votes given go out as JSON on the last line. Run by tests/suite/live_browser.rs:
//   node webkit.mjs DRIVER_URL BASE_URL CODE NAME [OFFLINE.png|-]
import { createInterface } from "node:readline";
import { writeFileSync } from "node:fs";

const [driver, base, code, name, shot] = process.argv.slice(2);
const input = createInterface({ input: process.stdin });
const nextLine = () => new Promise((resolve) => input.once("line", resolve));

async function call(method, path, body) {
  const r = await fetch(driver + path, {
    method,
    headers: { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const j = await r.json();
  if (j.value && j.value.error) throw new Error(path + ": " + JSON.stringify(j.value));
  return j.value;
}

const session = await call("POST", "/session", {
  capabilities: { alwaysMatch: { "webkitgtk:browserOptions": { args: ["--automation"] } } },
});
const s = "/session/" + session.sessionId;
const run = (script, args = []) => call("POST", s + "/execute/sync", { script, args });
async function until(what, script, args = [], ms = 15000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await run(script, args)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("timed out waiting for " + what);
}
const click = (css, i = 0) => run("document.querySelectorAll(arguments[0])[arguments[1]].click(); return true;", [css, i]);

let status = 0;
try {
  await call("POST", s + "/window/rect", { width: 390, height: 844 });
  await call("POST", s + "/url", { url: base });
  await until("the code step", "return !document.getElementById('code-step').hidden;");
  await run("var c = document.getElementById('code'); c.value = arguments[0]; document.getElementById('code-form').requestSubmit(); return true;", [code]);
  await until("the names", "return document.querySelectorAll('#names button').length > 0;");
  await run("var n = arguments[0]; var b = Array.from(document.querySelectorAll('#names button')).find(function (x) { return x.textContent.indexOf(n) === 0; }); b.click(); return true;", [name]);
  await until("the vote page", "return document.getElementById('who').textContent === 'Voting as ' + arguments[0];", [name]);
  const given = {};
  const vote = async (i, pick) => {
    const factor = await run("return document.querySelectorAll('[role=group]')[arguments[0]].getAttribute('aria-labelledby').replace(/^f-/, '');", [i]);
    await run("document.querySelectorAll('[role=group]')[arguments[0]].querySelectorAll('button')[arguments[1]].click(); return true;", [i, pick]);
    given[factor] = pick;
  };
  await vote(0, 1);
  await vote(1, 2);
  await until("two votes recorded", "return /trh has 2 of your/.test(document.getElementById('status').textContent) && document.getElementById('conn').hidden;");
  console.log("KILL");
  await nextLine();
  await vote(2, 1);
  await vote(3, 2);
  await until("the page to say it is offline", "var c = document.getElementById('conn'); return !c.hidden && /Not connected/.test(c.textContent) && /2 votes are waiting/.test(c.textContent);");
  const unsent = await run("return document.querySelectorAll('button.unsent').length;");
  if (unsent !== 2) throw new Error("unsent votes marked: " + unsent);
  const top = await run("window.scrollTo(0, document.body.scrollHeight); return document.getElementById('conn').getBoundingClientRect().top;");
  if (top < 0 || top > 120) throw new Error("the connection notice is not at the top: " + top);
  const count = await run("return document.getElementById('status').textContent;");
  if (!/not sent yet/.test(count)) throw new Error("the count does not say votes are unsent: " + count);
  if (shot && shot !== "-") {
    await run("document.querySelector('button.unsent').scrollIntoView({ block: 'center' }); return true;");
    const png = await call("GET", s + "/screenshot");
    writeFileSync(shot, Buffer.from(png, "base64"));
  }
  console.log("RESTART");
  await nextLine();
  await until("the waiting votes to go out", "return document.getElementById('conn').hidden && !document.querySelector('button.unsent') && /trh has 4 of your/.test(document.getElementById('status').textContent);", [], 30000);
  console.log(JSON.stringify(given));
} catch (e) {
  console.error(String(e && e.stack || e));
  status = 1;
}
try { await call("DELETE", s); } catch (e) { /* gone */ }
input.close();
process.exit(status);

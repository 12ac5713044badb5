// Drives trh's live-voting page as a participant would, in Debian's chromium at phone size:
// join by the room code, pick a name, vote on every factor (reloading half-way), then lose
// the network and change two votes: the page must say at the top that they wait, mark them
// unsent where they are, and, when the facilitator locks the round before the phone is back,
// show each refusal at its factor. It prints "LOCK" and waits for a line on stdin once trh
// is locked; the votes given go out as JSON on the last line. Run by
// tests/suite/live_browser.rs:
//   node live.mjs BASE_URL CODE NAME [SCREENSHOT.png|- [OFFLINE.png|-]]
import { chromium } from "playwright-core";
import { createInterface } from "node:readline";

const input = createInterface({ input: process.stdin });
const nextLine = () => new Promise((resolve) => input.once("line", resolve));

const [base, code, name, ...shots] = process.argv.slice(2);
// "-" stands for a screenshot not wanted.
const [shot, offlineShot] = shots.map((s) => (s && s !== "-" ? s : null));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const fail = async (msg) => { console.error(msg); await browser.close(); process.exit(1); };
try {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  page.setDefaultTimeout(10000);
  await page.goto(base);
  await page.getByLabel("Room code").fill(code);
  await page.getByRole("button", { name: "Join" }).click();
  await page.getByRole("button", { name: new RegExp("^" + name) }).click();
  await page.getByText("Voting as " + name).waitFor();
  if (!(await page.getByText("The facilitator sees each vote with your name").isVisible())) await fail("no notice");
  const groups = page.getByRole("group");
  const n = await groups.count();
  if (n === 0) await fail("no factors shown");
  const given = {};
  for (let i = 0; i < n; i++) {
    if (i === Math.floor(n / 2)) {
      await page.reload();
      await page.getByText("Voting as " + name).waitFor();
      // Votes given before the reload are still shown as chosen.
      const first = page.getByRole("group").nth(0).locator('button[aria-pressed="true"]');
      if ((await first.count()) !== 1) await fail("the first vote is not shown after the reload");
    }
    const group = page.getByRole("group").nth(i);
    const heading = await group.getAttribute("aria-labelledby");
    const factor = heading.replace(/^f-/, "");
    const buttons = group.getByRole("button");
    const count = await buttons.count();
    const pick = (i * 2 + 1) % count;
    const label = await buttons.nth(pick).locator(".label").textContent();
    // The accessible name begins with the level's label.
    await group.getByRole("button", { name: new RegExp("^" + label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")) }).first().click();
    await page.waitForFunction(
      ([f, p]) => document.querySelectorAll('[aria-labelledby="f-' + f + '"] button')[p].getAttribute("aria-pressed") === "true",
      [factor, pick]);
    given[factor] = pick;
  }
  await page.getByText("trh has " + n + " of your " + n + " votes").waitFor();
  // Every vote was sent (none waiting in the page's queue, nothing unsent on show).
  await page.waitForFunction(() => !document.querySelector(".unsent") && document.getElementById("conn").hidden);
  if (shot) {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: shot });
  }
  // The network goes: two changed votes wait, and the page says so where they are and at the
  // top, however far down the person has scrolled.
  await context.setOffline(true);
  for (const i of [0, 1]) {
    const group = page.getByRole("group").nth(i);
    const buttons = group.getByRole("button");
    const other = (given[(await group.getAttribute("aria-labelledby")).replace(/^f-/, "")] + 1) % (await buttons.count());
    await buttons.nth(other).click();
  }
  await page.waitForFunction(() => document.querySelectorAll("button.unsent").length === 2);
  await page.getByText("2 votes are waiting to be sent").waitFor();
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  const bar = await page.locator("#conn").boundingBox();
  if (!bar || bar.y < 0 || bar.y > 120) await fail("the connection notice is not at the top: " + JSON.stringify(bar));
  const status = await page.locator("#status").textContent();
  if (!/not sent yet/.test(status)) await fail("the count does not say votes are unsent: " + status);
  if (offlineShot) {
    await page.evaluate(() => document.querySelector("button.unsent").scrollIntoView({ block: "center" }));
    await page.screenshot({ path: offlineShot });
  }
  // The facilitator locks the round before the phone is back: both changes are refused, and
  // each refusal is shown at its factor, not dropped.
  console.log("LOCK");
  await nextLine();
  await context.setOffline(false);
  await page.waitForFunction(() => document.querySelectorAll(".factor .refused").length === 2, null, { timeout: 15000 });
  const refusal = await page.locator(".factor .refused").first().textContent();
  if (!/Not recorded/.test(refusal)) await fail("the refusal does not say so: " + refusal);
  await page.waitForFunction(() => document.getElementById("conn").hidden);
  console.log(JSON.stringify(given));
} catch (e) {
  await fail(String(e && e.stack || e));
}
await browser.close();
input.close();

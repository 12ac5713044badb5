// Drives trh's live-voting page as a participant would, in Debian's chromium at phone size:
// join by the room code, pick a name, vote on every factor (reloading half-way), and print
// the votes given as JSON on the last line. Run by tests/suite/live_browser.rs:
//   node live.mjs BASE_URL CODE NAME [SCREENSHOT.png]
import { chromium } from "playwright-core";

const [base, code, name, shot] = process.argv.slice(2);
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
  await page.getByText("you have voted on " + n + " of " + n).waitFor();
  // Every vote was sent (none waiting in the page's queue).
  await page.waitForFunction(() => !document.querySelector(".pending"));
  if (shot) {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: shot });
  }
  console.log(JSON.stringify(given));
} catch (e) {
  await fail(String(e && e.stack || e));
}
await browser.close();

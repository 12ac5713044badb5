// A phone votes on a fine number scale (0 to 10 in steps of 0.1) in Debian's chromium at
// phone size: the factor shows a number box, not 101 buttons; a number between steps is
// refused on the page with the scale's words; 6.3 is sent and shown as this phone's vote.
// Run by tests/suite/live_browser.rs:
//   node decimal.mjs BASE_URL CODE NAME [SCREENSHOT.png]
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
  const box = page.getByLabel(/^Harm score: a number from 0 to 10/);
  await box.waitFor();
  const buttons = await page.locator("section.factor").first().locator("button").count();
  if (buttons > 2) await fail("a button per value: " + buttons);
  await box.fill("6.33");
  await box.press("Enter");
  await page.getByText("Give a number from 0 to 10 in steps of 0.1.").waitFor();
  await box.fill("6.3");
  await box.press("Enter");
  // Sent: the count says so, and the box keeps this phone's vote after a redraw.
  await page.waitForFunction(() => !document.querySelector("form.number input.unsent"));
  await page.reload();
  await page.getByLabel(/^Harm score: a number from 0 to 10/).waitFor();
  const kept = await page.getByLabel(/^Harm score: a number from 0 to 10/).inputValue();
  if (kept !== "6.3") await fail("the vote shown after a reload is " + kept);
  if (shot) await page.screenshot({ path: shot });
  console.log(JSON.stringify({ harm_score: kept }));
} catch (e) {
  await fail(String(e));
}
await browser.close();

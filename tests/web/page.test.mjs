// The reference page (python/yrkesresan/service/static) in headless Debian
// Chromium: a unit manager pastes a record, picks the date and sees the phase
// and the overdue items; a refused record shows its code and path. The
// server is started by scripts/test-web.sh (YR_BASE_URL); the screenshot is
// kept at YR_SCREENSHOT.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { chromium } from "playwright-core";

const base = process.env.YR_BASE_URL;
const screenshot = process.env.YR_SCREENSHOT || "page.png";
const cohort = JSON.parse(readFileSync(new URL("../../examples/cohort.json", import.meta.url)));
let browser, page;

before(async () => {
  assert.ok(base, "YR_BASE_URL: the running service");
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    // Debian's Chromium as root, on a machine with no network but loopback.
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  await page.goto(base + "/");
  await page.waitForFunction(() => document.querySelectorAll("#program option").length > 0);
});

after(async () => { await browser?.close(); });

async function evaluate(record, asOf) {
  await page.fill("#as_of", asOf);
  await page.fill("#record", JSON.stringify(record, null, 2));
  await page.click("#evaluate");
}

test("a record shows its phase and overdue items, in Swedish", async () => {
  assert.equal(await page.getAttribute("html", "lang"), "sv");
  assert.equal(await page.textContent("#evaluate"), "Utvärdera");
  const p1004 = cohort.find((r) => r.id === "p-1004");
  await evaluate(p1004, "2026-11-22");
  await page.waitForSelector("#phase");
  assert.match(await page.textContent("#phase"), /Fas: Introduktion och inskolning · 5 mån erfarenhet/);
  const overdue = await page.$$eval('[data-checklist="introduktion"] tr.item.overdue', (rows) => rows.length);
  assert.equal(overdue, 48);  // as the unit manager's report says: 48 försenade
  assert.ok((await page.textContent('[data-checklist="introduktion"] tr.item.overdue td:nth-child(3)')).includes("försenad"));
  assert.ok(await page.$('[data-component="introduktionsprogram"]'));
  assert.ok(await page.$('h3[data-role="EC"]'), "the actions per role");
  await page.screenshot({ path: screenshot, fullPage: true });
});

test("print hides the form and keeps the evaluation", async () => {
  await page.emulateMedia({ media: "print" });
  assert.equal(await page.isVisible("#input"), false);
  assert.equal(await page.isVisible("#phase"), true);
  await page.emulateMedia({ media: "screen" });
});

test("a refused record shows its code and path, never its values", async () => {
  const canary = "Astrid Canarysdotter 19121212-1212";
  await evaluate({ ...cohort[0], employment_start: canary }, "2026-11-22");
  await page.waitForSelector("#error");
  const text = await page.textContent("#error");
  assert.match(text, /invalid_date/);
  assert.match(text, /\/employment_start/);
  assert.ok(!text.includes(canary));
});

test("English on request", async () => {
  await page.selectOption("#lang", "en");
  await evaluate(cohort[0], "2026-11-22");
  await page.waitForSelector("#phase");
  assert.match(await page.textContent("#phase"), /^Phase: /);
  assert.equal(await page.getAttribute("html", "lang"), "en");
});

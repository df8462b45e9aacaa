// Drives Firefox (Debian's firefox-esr, over WebDriver BiDi) through the offline copy's
// "Find a service" opened from disk, and prints what it found as JSON for
// tests/browser/test_offline_search.py. Playwright cannot drive a stock Firefox; Puppeteer can.
//
//   node offline_copy.mjs FIREFOX COPY_FOLDER

import { pathToFileURL } from "node:url";
import path from "node:path";
import puppeteer from "puppeteer-core";

const [firefox, copy] = process.argv.slice(2);
const fileUrl = (...parts) => pathToFileURL(path.join(copy, ...parts)).href;

// page.waitForFunction compiles its predicate with Function(), which the site's policy forbids.
async function until(page, predicate, what) {
  for (let tries = 0; tries < 150; tries++) {
    if (await page.evaluate(predicate).catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Firefox waited 15 s for ${what}`);
}

async function results(page, what) {
  await until(page, () => document.getElementById("search-status").textContent.length > 0, what);
  return {
    status: await page.$eval("#search-status", (e) => e.textContent),
    heading: await page.$eval("#results-heading", (e) => e.textContent),
    links: await page.$$eval("#results a", (links) => links.map((a) => a.href)),
  };
}

const browser = await puppeteer.launch({ browser: "firefox", executablePath: firefox, headless: true });
try {
  const page = await browser.newPage();
  const found = {};

  await page.goto(fileUrl("index.html"));
  await page.type("#home-search-input", "dementia");
  await page.keyboard.press("Enter");
  await until(page, () => location.pathname.endsWith("/search/index.html"), "the home page's search box to open Find a service");
  found.url = await page.evaluate(() => location.href); // page.url() can lag behind a navigation in Firefox
  found.dementia = await results(page, "words");
  found.noJavaScriptHidden = await page.$eval("#search-nojs", (e) => e.hidden);

  await page.$eval("#search-input", (input) => { input.value = ""; });
  await page.click("input[name=day][value='Weekends']");
  await page.click("button::-p-text(Apply filters)");
  await until(page, () => document.getElementById("search-status").textContent.includes("with Weekends"), "a filter");
  found.weekends = await results(page, "a filter");

  await page.goto(fileUrl("easy-read", "search", "index.html"));
  for (const box of await page.$$("input[name=who]")) {
    const label = await box.evaluate((b) => document.querySelector(`label[for="${b.id}"]`).textContent);
    if (label.includes("People with dementia")) await box.click();
  }
  await page.click("button::-p-text(Show the services)");
  found.easyDementia = await results(page, "an Easy Read picture choice");

  console.log(JSON.stringify(found));
} finally {
  await browser.close();
}

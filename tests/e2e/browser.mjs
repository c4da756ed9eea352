// Shared set-up for the end-to-end tests: Debian's Chromium, headless, with WebGL through SwiftShader.
import { chromium } from "playwright-core";
import { before, after } from "node:test";
import { mkdirSync } from "node:fs";
import { join } from "node:path";

export const baseUrl = process.env.SNAPKIT_URL ?? "http://127.0.0.1:8080/";
export const artifacts = process.env.SNAPKIT_ARTIFACTS ?? "artifacts";
mkdirSync(artifacts, { recursive: true });

export function artifact(name) {
  return join(artifacts, name);
}

// The test file's browser: launched before its tests by `useBrowser()`, closed after them.
// (An exported `let` is a live binding: importers see it once it is launched.)
export let browser;

export function useBrowser() {
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });
}

export async function launchBrowser({ extraArgs = [] } = {}) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--use-angle=swiftshader",
      "--enable-unsafe-swiftshader",
      "--ignore-gpu-blocklist",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      ...extraArgs,
    ],
  });
}

// Opens the configurator and waits until it reports ready (the scene drew the configuration).
export async function openConfigurator(browser, { viewport, query = "", hasTouch = false, deviceScaleFactor = 1 } = {}) {
  const context = await browser.newContext({ viewport, hasTouch, deviceScaleFactor });
  return { context, ...(await openPage(context, query)) };
}

// Opens the configurator in a new tab of `context` (which keeps its storage between tabs).
export async function openPage(context, query = "") {
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()}`);
  });
  await page.goto(new URL(query, baseUrl).href);
  await page.waitForSelector(".configurator[data-ready=true]", { timeout: 120_000 });
  // One more frame so that what was reported drawn is also composited.
  await nextFrames(page);
  return { page, problems };
}

// Waits two animation frames: what the page changed has been drawn and composited.
export function nextFrames(page) {
  return page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

// Waits until the status line says exactly `text` (it follows the configuration one render later).
export function waitForStatus(page, text) {
  return page.waitForFunction((wanted) => document.querySelector(".status-line")?.textContent === wanted, text);
}

// Runs `analyse({ data, width, height })` in the page on the pixels of a PNG screenshot of the
// canvas (RGBA bytes, row by row) and returns what it returns. `analyse` must stand alone: it
// is sent to the page as source text.
export async function analyseCanvas(page, analyse) {
  const png = await page.locator("#snapkit-canvas").screenshot();
  return page.evaluate(async ({ base64, source }) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = new OffscreenCanvas(image.width, image.height);
    const context = canvas.getContext("2d");
    context.drawImage(image, 0, 0);
    const { data } = context.getImageData(0, 0, image.width, image.height);
    return (0, eval)(`(${source})`)({ data, width: image.width, height: image.height });
  }, { base64: png.toString("base64"), source: analyse.toString() });
}

// Counts distinct colours (quantised) and the share of pixels unlike the top-left corner in a PNG screenshot of the canvas.
export function canvasPixelStats(page) {
  return analyseCanvas(page, ({ data, width, height }) => {
    const colours = new Set();
    const [r0, g0, b0] = data;
    let different = 0;
    for (let i = 0; i < data.length; i += 4) {
      colours.add(((data[i] >> 4) << 8) | ((data[i + 1] >> 4) << 4) | (data[i + 2] >> 4));
      if (Math.abs(data[i] - r0) + Math.abs(data[i + 1] - g0) + Math.abs(data[i + 2] - b0) > 30) different++;
    }
    return { width, height, colours: colours.size, differentShare: different / (data.length / 4) };
  });
}

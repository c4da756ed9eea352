// The first slice, as a customer meets it: the shell renders, the 3D view draws the part, the camera orbits.
import { test } from "node:test";
import assert from "node:assert/strict";
import { browser, useBrowser, openConfigurator, canvasPixelStats, artifact, baseUrl } from "./browser.mjs";

useBrowser();

test("desktop: the shell renders and the canvas shows the shelving frame", async () => {
  const { context, page, problems } = await openConfigurator(browser, { viewport: { width: 1280, height: 800 } });
  try {
    assert.equal(await page.locator("h1.product-name").textContent(), "snapkit");
    assert.equal(await page.locator("select.catalog-menu option:checked").textContent(), "Modular shelving");
    assert.ok((await page.locator(".side-panel .part").count()) >= 3, "the side panel lists the catalog's parts");
    assert.match(await page.locator(".status-line").textContent(), /^Ready · 1 part$/);
    assert.equal(await page.locator("#snapkit-loading").count(), 0, "the loading overlay is gone");
    await page.screenshot({ path: artifact("first-slice-desktop.png") });
    const stats = await canvasPixelStats(page);
    assert.ok(stats.colours > 20, `the canvas is not blank (${stats.colours} colours)`);
    assert.ok(stats.differentShare > 0.03, `the part covers part of the view (${(stats.differentShare * 100).toFixed(1)}%)`);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test("mouse drag orbits the camera", async () => {
  const { context, page, problems } = await openConfigurator(browser, { viewport: { width: 1280, height: 800 } });
  try {
    const box = await page.locator("#snapkit-canvas").boundingBox();
    const before = await page.locator("#snapkit-canvas").screenshot();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    for (let step = 1; step <= 10; step++) {
      await page.mouse.move(box.x + box.width / 2 + step * 20, box.y + box.height / 2);
      await page.waitForTimeout(30);
    }
    await page.mouse.up();
    await page.waitForTimeout(300);
    const after = await page.locator("#snapkit-canvas").screenshot();
    assert.notDeepEqual(after, before, "the view changed after a drag");
    await page.screenshot({ path: artifact("first-slice-orbited.png") });
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test("one-finger drag orbits the camera on a touch screen", async () => {
  const { context, page, problems } = await openConfigurator(browser, {
    viewport: { width: 1024, height: 768 },
    hasTouch: true,
  });
  try {
    const canvas = page.locator("#snapkit-canvas");
    const box = await canvas.boundingBox();
    const before = await canvas.screenshot();
    const cdp = await context.newCDPSession(page);
    const at = (dx) => [{ x: box.x + box.width / 2 + dx, y: box.y + box.height / 2, id: 1 }];
    await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: at(0) });
    for (let step = 1; step <= 10; step++) {
      await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: at(-step * 20) });
      await page.waitForTimeout(30);
    }
    await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
    await page.waitForTimeout(300);
    const after = await canvas.screenshot();
    assert.notDeepEqual(after, before, "the view changed after a finger drag");
    await page.screenshot({ path: artifact("first-slice-touch-orbited.png") });
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test("tablet: the layout fits and the drawing buffer stays within limits on a high-DPI screen", async () => {
  const { context, page, problems } = await openConfigurator(browser, {
    viewport: { width: 768, height: 1024 },
    hasTouch: true,
    deviceScaleFactor: 3,
  });
  try {
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    assert.equal(overflow, false, "nothing overflows the tablet's width");
    const buffer = await page.evaluate(() => {
      const canvas = document.getElementById("snapkit-canvas");
      return { width: canvas.width, height: canvas.height, cssWidth: canvas.clientWidth };
    });
    assert.ok(buffer.width <= 4096 && buffer.height <= 4096, `buffer ${buffer.width}×${buffer.height}`);
    assert.ok(buffer.width <= buffer.cssWidth * 2 + 1, `pixel ratio capped at 2 (${buffer.width} for ${buffer.cssWidth} css px)`);
    const stats = await canvasPixelStats(page);
    assert.ok(stats.colours > 20, "the canvas is not blank on the tablet");
    await page.screenshot({ path: artifact("first-slice-tablet.png") });
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test("while the wasm downloads, a progress indicator shows bytes loaded of total", async () => {
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  const page = await context.newPage();
  try {
    // Hold the wasm back so the loading state can be seen.
    let release;
    const held = new Promise((resolve) => (release = resolve));
    await page.route(/\.wasm$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(baseUrl, { waitUntil: "commit" });
    const overlay = page.locator("#snapkit-loading");
    await overlay.waitFor({ state: "visible" });
    assert.match(await overlay.textContent(), /Loading the configurator/);
    const progress = [];
    await page.exposeFunction("recordProgress", (text) => progress.push(text));
    await page.evaluate(() => {
      const text = document.querySelector("#snapkit-loading .loading-text");
      new MutationObserver(() => window.recordProgress(text.textContent)).observe(text, { childList: true, characterData: true, subtree: true });
    });
    release();
    await page.waitForSelector(".configurator[data-ready=true]", { timeout: 120_000 });
    assert.ok(progress.some((text) => /\d+\.\d of \d+\.\d MB/.test(text)), `progress was shown: ${progress.slice(0, 3).join(" | ")}`);
  } finally {
    await context.close();
  }
});

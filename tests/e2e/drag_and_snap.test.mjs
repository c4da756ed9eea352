// Drag and snap as a customer meets it: a part pulled from the panel onto the 3D view with the
// mouse and with a finger snaps onto the assembly; a tapped part opens the inspector and can
// then be dragged elsewhere; a 20-part shelving wall is drawn lit and framed.
import { test } from "node:test";
import assert from "node:assert/strict";
import { browser, useBrowser, openConfigurator, canvasPixelStats, artifact, nextFrames } from "./browser.mjs";

useBrowser();

async function partCount(page) {
  const status = await page.locator(".status-line").textContent();
  const match = status.match(/Ready · (\d+) parts?/);
  return match ? Number(match[1]) : null;
}

// The centre of what `locator` finds, scrolled into view first (as a customer scrolls the panel
// to the part they want).
async function centreOf(locator) {
  await locator.scrollIntoViewIfNeeded();
  const box = await locator.boundingBox();
  return { x: box.x + box.width / 2, y: box.y + box.height / 2, box };
}

test("mouse: a brick dragged from the panel onto the brick in view snaps onto it", async () => {
  const { context, page, problems } = await openConfigurator(browser, {
    viewport: { width: 1280, height: 800 },
    query: "?catalog=bricks",
  });
  try {
    assert.equal(await partCount(page), 1);
    const from = await centreOf(page.locator('.part[data-kind="brick-2x4"]'));
    const canvas = await centreOf(page.locator("#snapkit-canvas"));
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    const steps = 12;
    for (let step = 1; step <= steps; step++) {
      await page.mouse.move(from.x + ((canvas.x - from.x) * step) / steps, from.y + ((canvas.y - from.y) * step) / steps);
      await page.waitForTimeout(25);
    }
    await nextFrames(page);
    await page.waitForTimeout(200);
    await page.screenshot({ path: artifact("drag-mouse-ghost.png") });
    await page.mouse.up();
    await page.waitForFunction(() => /Ready · 2 parts/.test(document.querySelector(".status-line")?.textContent ?? ""), null, {
      timeout: 10_000,
    });
    assert.equal(await page.locator(".notice").count(), 0, "no refusal to explain");
    assert.equal(await page.locator(".inspector").count(), 0, "a drag from the panel is not a tap");
    await nextFrames(page);
    await page.screenshot({ path: artifact("drag-mouse-dropped.png") });
    // The new brick sits on the studs of the first: the bill has two bricks and no error.
    assert.match(await page.locator(".verdict").textContent(), /Ready to order/);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test("touch: a frame pulled out by its grip with a finger snaps beside the frame on a tablet", async () => {
  const { context, page, problems } = await openConfigurator(browser, {
    viewport: { width: 1024, height: 768 },
    hasTouch: true,
  });
  try {
    assert.equal(await partCount(page), 1);
    const grip = await centreOf(page.locator('.part[data-kind="frame-750x350x350"] .part-grip'));
    const canvas = await centreOf(page.locator("#snapkit-canvas"));
    const target = { x: canvas.x + canvas.box.width * 0.18, y: canvas.y };
    const cdp = await context.newCDPSession(page);
    const at = (x, y) => [{ x, y, id: 1 }];
    await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: at(grip.x, grip.y) });
    const steps = 12;
    for (let step = 1; step <= steps; step++) {
      const x = grip.x + ((target.x - grip.x) * step) / steps;
      const y = grip.y + ((target.y - grip.y) * step) / steps;
      await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: at(x, y) });
      await page.waitForTimeout(25);
    }
    await nextFrames(page);
    await page.waitForTimeout(200);
    await page.screenshot({ path: artifact("drag-touch-ghost.png") });
    await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
    await page.waitForFunction(() => /Ready · 2 parts/.test(document.querySelector(".status-line")?.textContent ?? ""), null, {
      timeout: 10_000,
    });
    assert.equal(await page.locator(".notice").count(), 0, "no refusal to explain");
    // Joined at the side, not just set down nearby: the bill gains the side joints, and the
    // caps cover the two open tops and the two outer sides (none on the joined sides).
    const bill = await page.locator(".price-panel .bom-line").allTextContents();
    assert.equal(bill.length, 4, bill.join(" | "));
    assert.match(bill[1], /^2\s*Side joint/);
    assert.match(bill[2], /^8\s*Ball cap, top/);
    assert.match(bill[3], /^8\s*Ball cap, side/);
    await nextFrames(page);
    await page.screenshot({ path: artifact("drag-touch-dropped.png") });
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test("a tapped part opens the inspector, takes another finish, and can be dragged elsewhere", async () => {
  const { context, page, problems } = await openConfigurator(browser, {
    viewport: { width: 1280, height: 800 },
    query: "?catalog=bricks",
  });
  try {
    const canvas = await centreOf(page.locator("#snapkit-canvas"));
    await page.mouse.click(canvas.x, canvas.y);
    await page.waitForSelector(".inspector", { timeout: 10_000 });
    assert.match(await page.locator(".inspector h2").textContent(), /#1$/);
    await nextFrames(page);
    await page.screenshot({ path: artifact("inspector-selected.png") });

    const unfinished = new URL(page.url()).hash;
    const other = page.locator('.inspector .swatch[aria-pressed="false"]').first();
    const finish = await other.getAttribute("data-finish");
    await other.click();
    await page.waitForSelector(`.inspector .swatch[aria-pressed="true"][data-finish="${finish}"]`, { timeout: 10_000 });
    await page.waitForFunction((hash) => window.location.hash !== hash, unfinished, { timeout: 10_000 });

    const linkBefore = new URL(page.url()).hash;
    await page.mouse.move(canvas.x, canvas.y);
    await page.mouse.down();
    for (let step = 1; step <= 10; step++) {
      await page.mouse.move(canvas.x + step * 15, canvas.y + step * 6);
      await page.waitForTimeout(25);
    }
    await page.mouse.up();
    await page.waitForFunction((hash) => window.location.hash !== hash, linkBefore, { timeout: 10_000 });
    assert.equal(await partCount(page), 1, "moved, not copied");
    assert.equal(await page.locator(".notice").count(), 0);
    await nextFrames(page);
    await page.screenshot({ path: artifact("inspector-moved.png") });

    await page.locator(".inspector .remove").click();
    await page.waitForFunction(() => /Ready · 0 parts/.test(document.querySelector(".status-line")?.textContent ?? ""), null, {
      timeout: 10_000,
    });
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test("a 20-part shelving wall is drawn lit and framed", async () => {
  const { context, page, problems } = await openConfigurator(browser, { viewport: { width: 1280, height: 800 } });
  try {
    // Tap whichever part still fits (wide frames first, narrower ones when the width limit is met).
    for (let count = 2; count <= 20; count++) {
      await page.locator(".part:not(.blocked)").first().click();
      await page.waitForFunction(
        (wanted) => new RegExp(`Ready · ${wanted} parts`).test(document.querySelector(".status-line")?.textContent ?? ""),
        count,
        { timeout: 20_000 },
      );
    }
    await nextFrames(page);
    await page.waitForTimeout(300);
    await page.screenshot({ path: artifact("shelving-20-parts.png") });
    const stats = await canvasPixelStats(page);
    assert.ok(stats.colours > 20, `lit, not flat (${stats.colours} colours)`);
    assert.ok(stats.differentShare > 0.1, `the wall fills the view (${(stats.differentShare * 100).toFixed(1)}%)`);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

// Starting from a design: a preset replaces the configuration in one step, named on the Undo
// button, and one undo brings the customer's own configuration back.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import validator from "gltf-validator";
import { browser, useBrowser, openConfigurator, artifact, waitForStatus, canvasPixelStats } from "./browser.mjs";

useBrowser();

test("shelving: the designs show their prices, a tap starts one, undo brings the customer's back", async () => {
  const { context, page, problems } = await openConfigurator(browser, { viewport: { width: 1280, height: 800 } });
  try {
    const names = await page.locator(".preset .preset-name").allTextContents();
    assert.deepEqual(names, [
      "Sideboard", "Tall bookcase", "Media unit", "Desk return", "Drawer pedestal on castors",
      "Small bookcase", "Low bookcase", "Library wall", "Hallway shelf",
    ]);
    for (const price of await page.locator(".preset .preset-price").allTextContents()) {
      assert.match(price, /NOK/);
    }
    const before = await page.locator(".status-line").textContent();
    await page.locator('.preset[data-preset="tall-bookcase"]').click();
    await waitForStatus(page, "Ready · 24 parts");
    const bookcasePrice = await page.locator('.preset[data-preset="tall-bookcase"] .preset-price').textContent();
    assert.equal(await page.locator(".total-amount").textContent(), bookcasePrice, "the total is the design's price");
    assert.equal(await page.locator("button.undo").getAttribute("title"), "Undo: start from Tall bookcase (Ctrl+Z)");
    // Tall and shallow: a warning to fix it to the wall, but ready to order.
    assert.equal(await page.locator(".verdict").textContent(), "✓ Ready to order");
    await page.waitForTimeout(500);
    const stats = await canvasPixelStats(page);
    assert.ok(stats.differentShare > 0.05, `the scene draws the frames: ${JSON.stringify(stats)}`);
    await page.screenshot({ path: artifact("presets-tall-bookcase.png") });
    await page.locator("button.undo").click();
    await waitForStatus(page, before);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test("sofa on a tablet, in Norwegian: a three-seater in one tap, then a U around a corner pair", async () => {
  const { context, page, problems } = await openConfigurator(browser, {
    viewport: { width: 768, height: 1024 },
    hasTouch: true,
    query: "?catalog=sofa&locale=nb",
  });
  try {
    await page.locator('.preset[data-preset="three-seater"]').tap();
    await waitForStatus(page, "Klar · 5 deler");
    assert.equal(await page.locator('.preset[data-preset="three-seater"] .preset-name').textContent(), "Tresetersofa");
    // The configurator's own words are Norwegian too, from its message catalog.
    assert.equal(await page.locator("button.undo").textContent(), "Angre");
    assert.equal(await page.locator("button.order").textContent(), "Bestill");
    assert.equal(await page.locator(".presets h3").textContent(), "Start fra et design");
    assert.match(await page.locator(".part-fit").first().textContent(), /^Passer (på \d+ steder?|ingen steder nå: .+)$/);
    await page.waitForTimeout(500);
    await page.screenshot({ path: artifact("presets-sofa-three-seater-tablet.png") });
    // Corners turn the run: the U's two side runs are seats turned a quarter turn.
    await page.locator('.preset[data-preset="u-shape"]').tap();
    await waitForStatus(page, "Klar · 7 deler");
    assert.match(await page.locator(".verdict").textContent(), /^✓ Klar til bestilling/);
    await page.waitForTimeout(500);
    await page.screenshot({ path: artifact("presets-sofa-u-shape-tablet.png") });
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test("bricks: the tower stands six bricks high and leaves as a 3D model the glTF validator accepts", async () => {
  const { context, page, problems } = await openConfigurator(browser, {
    viewport: { width: 1280, height: 800 },
    query: "?catalog=bricks",
  });
  try {
    await page.locator('.preset[data-preset="tower"]').click();
    await waitForStatus(page, "Ready · 6 parts");
    await page.waitForTimeout(500);
    await page.screenshot({ path: artifact("presets-bricks-tower.png") });
    const saving = page.waitForEvent("download");
    await page.locator("button.model-export").click();
    const download = await saving;
    assert.match(download.suggestedFilename(), /^snapkit-[0-9a-f]+\.glb$/);
    const glb = readFileSync(await download.path());
    assert.equal(glb.subarray(0, 4).toString("latin1"), "glTF");
    const report = await validator.validateBytes(new Uint8Array(glb));
    assert.equal(report.issues.numErrors, 0, JSON.stringify(report.issues.messages));
    assert.equal(report.issues.numWarnings, 0, JSON.stringify(report.issues.messages));
    assert.match(await page.locator(".notice").textContent(), /^3D model saved as snapkit-[0-9a-f]+\.glb\.$/);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

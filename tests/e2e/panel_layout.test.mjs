// The panels on a tablet: every part and design has a picture drawn from its own shape; the
// panel folds away to the side (landscape) or down to its toolbar (portrait, a bottom sheet),
// the 3D view grows into the room, the total stays in sight, and nothing overflows.
import { test } from "node:test";
import assert from "node:assert/strict";
import { browser, useBrowser, openConfigurator, artifact, waitForStatus, nextFrames } from "./browser.mjs";

useBrowser();

const overflowsSideways = (page) =>
  page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

// Every picture in `selector` has loaded and is drawn at a size.
async function picturesLoaded(page, selector) {
  return page.locator(selector).evaluateAll((images) =>
    images.map((image) => image.complete && image.naturalWidth > 0 && image.getBoundingClientRect().width >= 40),
  );
}

for (const catalog of ["shelving", "sofa", "bricks"]) {
  test(`${catalog}: every part and every design has a picture drawn from its shape`, async () => {
    const { context, page, problems } = await openConfigurator(browser, {
      // Tall enough to see the whole panel in one picture.
      viewport: { width: 1280, height: 2400 },
      query: `?catalog=${catalog}`,
    });
    try {
      const parts = await page.locator(".part").count();
      const partPictures = await picturesLoaded(page, ".part .part-picture");
      assert.equal(partPictures.length, parts, "one picture per part");
      assert.ok(partPictures.every(Boolean), `all drawn: ${partPictures}`);
      const presets = await page.locator(".preset").count();
      const presetPictures = await picturesLoaded(page, ".preset .preset-picture");
      assert.equal(presetPictures.length, presets, "one picture per design");
      assert.ok(presetPictures.every(Boolean), `all drawn: ${presetPictures}`);
      await page.locator(".side-panel").screenshot({ path: artifact(`panel-pictures-${catalog}.png`) });
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
}

for (const { name, viewport, folded } of [
  { name: "landscape tablet: the panel folds to the side", viewport: { width: 1024, height: 768 }, folded: "width" },
  { name: "portrait tablet: the panel is a bottom sheet that folds to its toolbar", viewport: { width: 768, height: 1024 }, folded: "height" },
]) {
  test(name, async () => {
    const { context, page, problems } = await openConfigurator(browser, {
      viewport,
      hasTouch: true,
      query: "?catalog=sofa&lang=nb",
    });
    try {
      await page.locator('.preset[data-preset="two-seater"]').tap();
      await waitForStatus(page, "Klar · 4 deler");
      const total = await page.locator(".total-amount").textContent();
      const toggle = page.locator("button.panel-toggle");
      assert.equal(await toggle.textContent(), "Skjul panelet");
      assert.equal(await toggle.getAttribute("aria-expanded"), "true");
      assert.ok((await toggle.boundingBox()).height >= 44, "a touch-sized toggle");
      const open = await page.locator("#snapkit-canvas").boundingBox();
      await page.screenshot({ path: artifact(`panel-open-${viewport.width}x${viewport.height}.png`) });

      await toggle.tap();
      await page.waitForSelector('button.panel-toggle[aria-expanded="false"]');
      await nextFrames(page);
      await page.waitForTimeout(300);
      const closed = await page.locator("#snapkit-canvas").boundingBox();
      assert.ok(closed[folded] > open[folded] + 100, `the 3D view grows: ${JSON.stringify({ open, closed })}`);
      assert.equal(await page.locator(".header-total").textContent(), total, "the total stays in sight");
      assert.equal(await toggle.textContent(), "Vis panelet");
      if (folded === "height") {
        // The sheet scrolled down to the designs before it folded: its toolbar still shows.
        const sheet = await page.locator(".side-panel").boundingBox();
        for (const button of ["button.undo", "button.order"]) {
          const box = await page.locator(button).boundingBox();
          assert.ok(box.y >= sheet.y && box.y + box.height <= sheet.y + sheet.height + 1, `${button} in the folded sheet`);
        }
      } else {
        assert.equal(await page.locator(".side-panel").isVisible(), false);
      }
      assert.equal(await overflowsSideways(page), false, "nothing overflows sideways");
      await page.screenshot({ path: artifact(`panel-folded-${viewport.width}x${viewport.height}.png`) });

      await toggle.tap();
      await page.waitForSelector('button.panel-toggle[aria-expanded="true"]');
      assert.ok(await page.locator(".preset").first().isVisible(), "the panel is back");
      assert.equal(await page.locator(".header-total").count(), 0);
      assert.equal(await overflowsSideways(page), false, "nothing overflows sideways");
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
}

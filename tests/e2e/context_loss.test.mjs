// A lost WebGL context (WEBGL_lose_context, as a driver reset or a tablet reclaiming graphics
// memory does it): the page says so, reloads itself after a growing pause and comes back with
// the same configuration, its undo history and the selected part; losses that keep coming stop the reloads and
// leave the panels working.
import { test } from "node:test";
import assert from "node:assert/strict";
import { browser, useBrowser, openConfigurator, waitForStatus, artifact } from "./browser.mjs";

useBrowser();

const loseContext = (page) =>
  page.evaluate(() => {
    const gl = document.querySelector("#snapkit-canvas").getContext("webgl2");
    gl.getExtension("WEBGL_lose_context").loseContext();
  });

const restarting = "The 3D view stopped (the graphics were reset). Restarting it; your configuration is kept…";

test("a lost 3D view restarts with the configuration and its history; the fourth loss in a row is given up", async () => {
  const { context, page, problems } = await openConfigurator(browser, { viewport: { width: 1280, height: 800 } });
  try {
    await page.locator('.part[data-kind="frame-750x350x350"]').click();
    await waitForStatus(page, "Ready · 2 parts");
    const total = await page.locator(".total-amount").textContent();
    // A part selected in the scene stays selected across the restarts.
    const canvas = await page.locator("#snapkit-canvas").boundingBox();
    await page.mouse.click(canvas.x + canvas.width / 2, canvas.y + canvas.height / 2);
    await page.waitForSelector(".inspector", { timeout: 10_000 });
    const selected = await page.locator(".inspector").getAttribute("data-part");

    for (let loss = 1; loss <= 3; loss++) {
      await loseContext(page);
      await waitForStatus(page, restarting);
      await page.waitForEvent("load", { timeout: 30_000 });
      await page.waitForSelector(".configurator[data-ready=true]", { timeout: 120_000 });
      assert.equal(await page.locator(".status-line").textContent(), "Ready · 2 parts", `after loss ${loss}`);
      assert.equal(await page.locator(".total-amount").textContent(), total);
      assert.equal(
        await page.locator("button.undo").getAttribute("title"),
        "Undo: add Frame 750 × 350 × 350 (Ctrl+Z)",
        "the undo history came back too",
      );
      assert.equal(await page.locator(".inspector").getAttribute("data-part"), selected, "and the selection");
    }
    await page.screenshot({ path: artifact("context-loss-restored.png") });

    await loseContext(page);
    await waitForStatus(page, "The 3D view keeps stopping on this device. You can go on with the panels; the order and the link work as before.");
    assert.match(await page.locator(".scene-unavailable").textContent(), /^The 3D view is unavailable on this device right now\./);
    await page.waitForTimeout(5_000);
    assert.equal(await page.locator(".total-amount").textContent(), total, "no reload: the page stays");
    // The panels still work without the 3D view.
    await page.locator("button.undo").click();
    await page.waitForFunction((before) => document.querySelector(".total-amount")?.textContent !== before, total);
    await page.screenshot({ path: artifact("context-loss-given-up.png") });
    assert.deepEqual(
      problems.filter((problem) => !problem.includes("WebGL")),
      [],
      "nothing but the WebGL complaints themselves",
    );
  } finally {
    await context.close();
  }
});

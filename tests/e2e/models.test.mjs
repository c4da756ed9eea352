// glTF models in the catalog: the sofa's rolled arms are downloaded beside the catalog and
// drawn; where the model cannot be downloaded the arms are boxes, the status line says so, and
// the configurator works as before.
import { test } from "node:test";
import assert from "node:assert/strict";
import { browser, useBrowser, openConfigurator, openPage, artifact, waitForStatus, canvasPixelStats } from "./browser.mjs";

const MODEL = "catalogs/models/rolled-arm.glb";

useBrowser();

test("sofa: the arms' model is downloaded once and drawn", async () => {
  const { context, page, problems } = await openConfigurator(browser, {
    viewport: { width: 1280, height: 800 },
    query: "?catalog=sofa",
  });
  try {
    const models = await page.evaluate(() =>
      performance.getEntriesByType("resource").map((entry) => entry.name).filter((name) => name.endsWith(".glb")),
    );
    assert.deepEqual(models.map((name) => new URL(name).pathname.replace(/^.*\/catalogs\//, "catalogs/")), [MODEL]);
    await page.locator('.preset[data-preset="three-seater"]').click();
    await waitForStatus(page, "Ready · 5 parts");
    await page.waitForTimeout(500);
    const stats = await canvasPixelStats(page);
    assert.ok(stats.differentShare > 0.05, `the sofa is drawn: ${JSON.stringify(stats)}`);
    await page.locator("#snapkit-canvas").screenshot({ path: artifact("models-sofa-rolled-arms.png") });
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test("sofa without its model: boxes for arms, a note in the status line, still configurable", async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.route(`**/${MODEL}`, (route) => route.fulfill({ status: 404, body: "gone" }));
  try {
    const { page, problems } = await openPage(context, "?catalog=sofa");
    await page.locator('.preset[data-preset="three-seater"]').click();
    const note = " · a 3D model could not be loaded; its parts are shown as boxes";
    await waitForStatus(page, `Ready · 5 parts${note}`);
    assert.equal(await page.locator(".verdict").textContent(), "✓ Ready to order");
    await page.waitForTimeout(500);
    await page.locator("#snapkit-canvas").screenshot({ path: artifact("models-sofa-box-arms.png") });
    assert.equal(problems.filter((text) => text.startsWith("page error")).length, 0, "no crash");
    assert.ok(
      problems.some((text) => text.includes("The 3D model “models/rolled-arm.glb” cannot be used (it was not found (HTTP 404))")),
      `the reason is in the console for the retailer: ${JSON.stringify(problems)}`,
    );
  } finally {
    await context.close();
  }
});

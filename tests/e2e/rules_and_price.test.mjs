// Rules, repairs and price as a customer meets them: tap to add, read what is wrong, see a repair
// in the 3D view with its new total, apply it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { browser, useBrowser, openConfigurator, artifact, nextFrames } from "./browser.mjs";

// The amount in a formatted price ("NOK 12,490.00" → 1249000).
const amount = (text) => Number(text.replace(/[^\d]/g, ""));

useBrowser();

test("shelving: tapping a frame adds it, the price and the scene follow, undo takes it back", async () => {
  const { context, page, problems } = await openConfigurator(browser, { viewport: { width: 1280, height: 800 } });
  try {
    // The solution space, counted in the page: the twelve frames alone (every other part needs
    // a frame), then two and three parts; four would hold the page too long, so it stops there.
    await page.waitForFunction(() => document.querySelector(".catalog-reach")?.textContent.includes(" from 3 parts"));
    await page.waitForTimeout(1000);
    const reach = await page.locator(".catalog-reach").textContent();
    assert.match(reach, /^12 products from 1 part · 256 from 2 parts · 5,818 from 3 parts/);
    assert.doesNotMatch(reach, /from 4 parts/);
    const total = () => page.locator(".total-amount").textContent();
    const first = await total();
    assert.match(first, /NOK/);
    // Every part says where it fits or what it needs: the opening frame is 750 × 350 × 350.
    const fits = await page.locator(".part").evaluateAll((parts) =>
      parts.map((part) => [part.dataset.kind, part.querySelector(".part-fit")?.textContent ?? ""]));
    for (const [kind, fit] of fits) {
      const expected = kind.startsWith("frame-") ? /^Fits in \d+ places?$/ : /^(Fits in \d+ places?|Fits nowhere now: .+)$/;
      assert.match(fit, expected, `${kind}: ${fit}`);
    }
    const fitOf = (wanted) => fits.find(([kind]) => kind === wanted)[1];
    assert.equal(fitOf("door-750x350"), "Fits in 2 places", "either face of the frame");
    assert.equal(fitOf("drawer-750x175"), "Fits nowhere now: Drawer 750 × 175 needs a frame 750 wide and 175 high");
    assert.equal(await page.locator(".verdict").textContent(), "✓ Ready to order");
    const canvasBefore = await page.locator("#snapkit-canvas").screenshot();
    await page.locator('.part[data-kind="frame-750x350x350"]').click();
    await page.waitForFunction(() => document.querySelector(".status-line")?.textContent === "Ready · 2 parts");
    assert.notEqual(await total(), first, "the total changed");
    await page.waitForTimeout(500);
    assert.notDeepEqual(await page.locator("#snapkit-canvas").screenshot(), canvasBefore, "the scene shows the new frame");
    await page.locator(".bill summary").click();
    assert.ok((await page.locator(".bom-line").count()) >= 2, "the bill lists the frames and their hardware");
    await page.screenshot({ path: artifact("rules-shelving-two-frames.png") });
    // The keyboard path: Ctrl+Z and Shift+Ctrl+Z, and the buttons name the step.
    assert.equal(await page.locator("button.undo").getAttribute("title"), "Undo: add Frame 750 × 350 × 350 (Ctrl+Z)");
    await page.keyboard.press("Control+z");
    await page.waitForFunction(() => document.querySelector(".status-line")?.textContent === "Ready · 1 part");
    assert.equal(await page.locator("button.redo").getAttribute("title"), "Redo: add Frame 750 × 350 × 350 (Shift+Ctrl+Z)");
    await page.keyboard.press("Control+Shift+Z");
    await page.waitForFunction(() => document.querySelector(".status-line")?.textContent === "Ready · 2 parts");
    await page.locator("button.undo").click();
    await page.waitForFunction(() => document.querySelector(".status-line")?.textContent === "Ready · 1 part");
    assert.equal(await total(), first, "undo restores the price");
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test("sofa on a tablet: an open seat is explained, its repair previewed in the scene, then applied", async () => {
  const { context, page, problems } = await openConfigurator(browser, {
    viewport: { width: 768, height: 1024 },
    hasTouch: true,
    query: "?catalog=sofa",
  });
  try {
    assert.equal(await page.locator("select.catalog-menu option:checked").textContent(), "Modular sofa");
    // Both ends need an arm or a chaise: the counts equal `snapkit count` (crates/cli/tests/commands.rs).
    await page.waitForFunction(() => document.querySelector(".catalog-reach")?.textContent.includes(" from 5 parts"));
    assert.match(
      await page.locator(".catalog-reach").textContent(),
      /^1 product from 1 part · 3 from 2 parts · 15 from 3 parts · 59 from 4 parts · 199 from 5 parts/,
    );
    const errors = page.locator(".violation.error");
    assert.equal(await errors.count(), 2, "the lone seat is open on both sides");
    assert.match(await errors.first().textContent(), /needs an arm end or another seat on its left side/);
    await page.screenshot({ path: artifact("rules-sofa-open-seat.png") });
    const totalBefore = amount(await page.locator(".total-amount").textContent());
    const sceneBefore = await page.locator("#snapkit-canvas").screenshot();

    // A tap shows the repair: ghosts in the scene and the new total; nothing is changed yet.
    const repair = errors.first().locator("button.repair").first();
    const label = await repair.textContent();
    const change = label.match(/\(\+(.+)\)$/);
    assert.ok(change, `the repair says what it adds to the price: ${label}`);
    await repair.tap();
    const preview = page.locator(".repair-preview");
    await preview.waitFor();
    assert.equal(await repair.getAttribute("aria-expanded"), "true");
    const newTotal = (await preview.locator("p").textContent()).match(/New total: (.+)\.$/);
    assert.ok(newTotal, "the preview says the new total");
    assert.equal(amount(newTotal[1]), totalBefore + amount(change[1]));
    await nextFrames(page);
    await page.waitForTimeout(500);
    const sceneShown = await page.locator("#snapkit-canvas").screenshot();
    assert.notDeepEqual(sceneShown, sceneBefore, "the 3D view shows the repair");
    assert.equal(await errors.count(), 2, "a preview changes nothing");
    assert.equal(amount(await page.locator(".total-amount").textContent()), totalBefore);
    await page.screenshot({ path: artifact("rules-sofa-repair-preview.png") });
    await preview.locator("button.cancel-repair").tap();
    await page.waitForFunction(() => !document.querySelector(".repair-preview"));

    // Shown again and applied: one step.
    await repair.tap();
    await preview.locator("button.apply-repair").tap();
    await page.waitForFunction(() => document.querySelectorAll(".violation.error").length === 1);
    assert.equal(amount(await page.locator(".total-amount").textContent()), amount(newTotal[1]));
    assert.match(await page.locator("button.undo").getAttribute("title"), /^Undo: /);
    await errors.first().locator("button.repair").first().tap();
    await page.locator(".repair-preview button.apply-repair").tap();
    await page.waitForFunction(() => document.querySelectorAll(".violation.error").length === 0);
    assert.equal(await page.locator(".verdict").textContent(), "✓ Ready to order");
    // The status line follows the configuration one render later: wait for it, do not race it.
    await page.waitForFunction(() => document.querySelector(".status-line")?.textContent === "Ready · 3 parts");
    const ottoman = page.locator('.part[data-kind="ottoman"]');
    assert.equal(await ottoman.locator(".part-fit").textContent(), "Fits in 1 place", "an ottoman stands free in front");
    await ottoman.tap();
    await page.waitForFunction(() => document.querySelector(".status-line")?.textContent === "Ready · 4 parts");
    assert.match(await ottoman.locator(".part-fit").textContent(), /^Fits nowhere now: /, "a second ottoman says why not");
    assert.equal(await page.locator('.part[data-kind="ottoman"].blocked').count(), 1);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no sideways scrolling on a tablet (${overflow}px)`);
    await page.screenshot({ path: artifact("rules-sofa-repaired.png") });
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

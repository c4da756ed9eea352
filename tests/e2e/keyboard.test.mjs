// The main flow with the keyboard alone: Tab to "Select a part", choose the sofa's seat, choose
// an open spot of it from the list of named spots, see what fits there and what does not and
// why, add arm ends with Enter until the rules are met, give the seat another finish, choose an
// arm from the menu and remove it with Delete, undo with the keyboard. The status line (a polite
// live region) follows every change.
import { test } from "node:test";
import assert from "node:assert/strict";
import { browser, useBrowser, openConfigurator, artifact, waitForStatus } from "./browser.mjs";

useBrowser();

/// Presses Tab until the focused element matches `selector`; fails after `most` presses.
async function tabTo(page, selector, most = 80) {
  for (let pressed = 0; pressed < most; pressed += 1) {
    if (await page.evaluate((wanted) => document.activeElement?.matches(wanted) ?? false, selector)) return;
    await page.keyboard.press("Tab");
  }
  assert.fail(`Tab never reached ${selector}`);
}

test("sofa with the keyboard only: select the seat, add an arm end at each named spot, ready to order, refinish, remove, undo", async () => {
  const { context, page, problems } = await openConfigurator(browser, {
    viewport: { width: 1280, height: 800 },
    query: "?catalog=sofa",
  });
  try {
    assert.equal(await page.locator(".status-line").getAttribute("role"), "status");
    await tabTo(page, "#part-choice");
    await page.keyboard.press("ArrowDown");
    await page.locator(".inspector h2", { hasText: "Seat 600 #1" }).waitFor();
    // The seat's open spots, named; the first is chosen.
    const spots = await page.locator(".spot-choice option").allTextContents();
    assert.deepEqual(spots, ["Seat 600 #1: left", "Seat 600 #1: right"]);
    const summary = await page.locator(".spot-summary").textContent();
    const [fits, kinds] = summary.match(/\d+/g).map(Number);
    assert.ok(fits >= 1 && fits < kinds && kinds === 9, summary);
    assert.equal(await page.locator(".spot-add").count(), fits);
    // What does not fit says why.
    assert.match(await page.locator('.spot-refused[data-kind="arm-right"]').textContent(), /^Arm end, right: .+/);
    await tabTo(page, '.spot-add[data-kind="arm-left"]');
    assert.match(await page.evaluate(() => document.activeElement.textContent), /^Add Arm end, left · NOK/);
    await page.keyboard.press("Enter");
    await waitForStatus(page, "Ready · 2 parts");
    // The left side is closed now; the right one is the only spot left.
    assert.deepEqual(await page.locator(".spot-choice option").allTextContents(), ["Seat 600 #1: right"]);
    await tabTo(page, '.spot-add[data-kind="arm-right"]');
    await page.keyboard.press("Enter");
    await waitForStatus(page, "Ready · 3 parts");
    assert.equal(await page.locator(".verdict").textContent(), "✓ Ready to order");
    await page.screenshot({ path: artifact("keyboard-sofa-armed.png") });

    // Another finish for the seat, from its swatches.
    await tabTo(page, '.inspector .swatch[data-finish="wool-sand"]');
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => /^Undo: make Seat 600 #1 in Sand wool/.test(document.querySelector("button.undo")?.title ?? ""));
    // The left arm end chosen from the menu, then removed with Delete.
    await tabTo(page, "#part-choice");
    await page.keyboard.press("ArrowDown");
    await page.locator(".inspector h2", { hasText: "Arm end, left #2" }).waitFor();
    await page.keyboard.press("Delete");
    await waitForStatus(page, "Ready · 2 parts");
    assert.match(await page.locator("button.undo").getAttribute("title"), /^Undo: remove Arm end, left #2/);

    // Undone step by step: the arm, the finish, the right arm.
    await page.keyboard.press("Control+z");
    await waitForStatus(page, "Ready · 3 parts");
    await page.keyboard.press("Control+z");
    await page.waitForFunction(() => /^Undo: add Arm end, right/.test(document.querySelector("button.undo")?.title ?? ""));
    await page.keyboard.press("Control+z");
    await waitForStatus(page, "Ready · 2 parts");
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

// The inspector's turn, swap and removal: a part tapped in the scene turns a quarter turn where
// it stands and becomes another kind that fits in its place, each one undoable step named on
// the Undo button, with the price difference said before the tap; a removal that would leave
// parts hanging names them and says what each way of removing takes off the order.
import { test } from "node:test";
import assert from "node:assert/strict";
import { browser, useBrowser, openConfigurator, artifact, waitForStatus, nextFrames } from "./browser.mjs";

useBrowser();

// The amount in a formatted price ("12 490 NOK" → 12490).
const amount = (text) => Number(text.replace(/[^\d]/g, ""));

test("sofa: the lone seat turns where it stands, then becomes a wider seat for the difference shown", async () => {
  const { context, page, problems } = await openConfigurator(browser, {
    viewport: { width: 1280, height: 800 },
    query: "?catalog=sofa",
  });
  try {
    // The sofa opens with one 600 seat.
    await waitForStatus(page, "Ready · 1 part");
    const canvas = await page.locator("#snapkit-canvas").boundingBox();
    await page.mouse.click(canvas.x + canvas.width / 2, canvas.y + canvas.height / 2);
    await page.waitForSelector(".inspector", { timeout: 10_000 });
    assert.equal(await page.locator(".inspector h2").textContent(), "Seat 600 #1");

    const turn = page.locator(".inspector button.turn");
    assert.equal(await turn.isEnabled(), true, "a seat on its own can turn");
    assert.ok((await turn.boundingBox()).height >= 44, "a touch-sized button");
    const before = await page.locator("#snapkit-canvas").screenshot();
    await turn.click();
    await page.waitForFunction(
      () => document.querySelector("button.undo")?.title === "Undo: turn Seat 600 #1 (Ctrl+Z)",
    );
    await nextFrames(page);
    await page.waitForTimeout(300);
    const after = await page.locator("#snapkit-canvas").screenshot();
    assert.notDeepEqual(after, before, "the 3D view shows the seat turned");

    // Every kind that fits in its place, with what it adds to or takes off the price.
    const swaps = page.locator(".inspector button.swap");
    const kinds = await swaps.evaluateAll((buttons) => buttons.map((button) => button.dataset.kind));
    for (const kind of ["seat-800", "seat-1000", "arm-left", "chaise-left"]) {
      assert.ok(kinds.includes(kind), `${kind} in ${kinds}`);
    }
    assert.ok(!kinds.includes("seat-600"), "not the kind it already is");
    const wider = page.locator('.inspector button.swap[data-kind="seat-1000"]');
    const label = await wider.textContent();
    const match = label.match(/^Seat 1000 \(\+(.+)\)$/);
    assert.ok(match, `the label says the difference: ${label}`);
    const totalBefore = amount(await page.locator(".total-amount").textContent());
    await page.screenshot({ path: artifact("inspector-turn-and-swap.png") });
    await wider.click();
    await page.waitForFunction(
      () => document.querySelector("button.undo")?.title === "Undo: replace Seat 600 #1 with Seat 1000 (Ctrl+Z)",
    );
    await waitForStatus(page, "Ready · 1 part");
    const totalAfter = amount(await page.locator(".total-amount").textContent());
    assert.equal(totalAfter - totalBefore, amount(match[1]), "the total changed by what the button said");
    assert.equal(await page.locator(".inspector h2").textContent(), "Seat 1000 #1", "still selected, now the wider seat");

    // Two undos: the 600 seat again, then unturned, as the sofa opened.
    await page.locator("button.undo").click();
    await page.waitForFunction(
      () => document.querySelector("button.undo")?.title === "Undo: turn Seat 600 #1 (Ctrl+Z)",
    );
    assert.equal(amount(await page.locator(".total-amount").textContent()), totalBefore);
    await page.locator("button.undo").click();
    await page.waitForFunction(
      () => document.querySelector("button.undo")?.title !== "Undo: turn Seat 600 #1 (Ctrl+Z)",
    );
    assert.equal(await page.locator("button.redo").getAttribute("title"), "Redo: turn Seat 600 #1 (Shift+Ctrl+Z)");
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test("bricks, in Norwegian: the 2 × 4 brick turns, swapped for a square one it no longer can, and says why", async () => {
  const { context, page, problems } = await openConfigurator(browser, {
    viewport: { width: 1280, height: 800 },
    query: "?catalog=bricks&lang=nb",
  });
  try {
    const canvas = await page.locator("#snapkit-canvas").boundingBox();
    await page.mouse.click(canvas.x + canvas.width / 2, canvas.y + canvas.height / 2);
    await page.waitForSelector(".inspector", { timeout: 10_000 });
    const name = await page.locator(".inspector h2").textContent();
    const turn = page.locator(".inspector button.turn");
    assert.equal(await turn.textContent(), "↻ Snu");
    assert.equal(await turn.isEnabled(), true, `${name} turns`);
    assert.equal(await page.locator(".inspector .inspector-heading").textContent(), "Bytt til");
    await page.locator('.inspector button.swap[data-kind="brick-2x2"]').click();
    await page.waitForFunction((before) => document.querySelector(".inspector h2")?.textContent !== before, name);
    assert.match(await page.locator("button.undo").getAttribute("title"), /^Angre: bytt .+ #1 mot .+/);
    assert.equal(await turn.isEnabled(), false, "turned, a square brick looks the same");
    assert.match(await turn.getAttribute("title"), /^Den kan ikke snus der den står/);
    assert.ok((await page.locator(".inspector button.swap").count()) >= 2, "the other bricks fit in its place");
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test("shelving: taking out the bottom of a bookcase names the frames it leaves hanging and what each removal saves", async () => {
  const { context, page, problems } = await openConfigurator(browser, {
    viewport: { width: 1280, height: 800 },
    query: "?catalog=shelving",
  });
  try {
    await page.locator('.preset[data-preset="small-bookcase"]').click();
    await waitForStatus(page, "Ready · 3 parts");
    const totalBefore = amount(await page.locator(".total-amount").textContent());
    // The first in the menu is the bottom frame, the one the design was built up from.
    await page.locator("#part-choice").selectOption({ index: 1 });
    await page.waitForSelector(".inspector", { timeout: 10_000 });
    assert.match(
      await page.locator(".inspector-warning").textContent(),
      /^Removing it leaves Frame 500 × 350 × 350 #\d+, Frame 500 × 350 × 350 #\d+ without support\.$/,
    );
    const withHanging = await page.locator(".inspector button.remove-with-hanging").textContent();
    const all = withHanging.match(/^Remove with 2 more \(−(.+)\)$/);
    assert.ok(all, `the button says how many and what it saves: ${withHanging}`);
    assert.equal(amount(all[1]), totalBefore, "taking out all three takes the whole total off");
    const alone = (await page.locator(".inspector button.remove").textContent()).match(/^Remove \(−(.+)\)$/);
    assert.ok(alone, "the plain removal says what it saves too");
    await page.screenshot({ path: artifact("inspector-removal-warning.png") });

    await page.locator(".inspector button.remove").click();
    await waitForStatus(page, "Ready · 2 parts");
    assert.equal(
      totalBefore - amount(await page.locator(".total-amount").textContent()),
      amount(alone[1]),
      "the total fell by what the button said",
    );
    await page.locator("button.undo").click();
    await waitForStatus(page, "Ready · 3 parts");
    await page.locator("#part-choice").selectOption({ index: 1 });
    await page.locator(".inspector button.remove-with-hanging").click();
    await page.waitForFunction(() => document.querySelector("button.undo")?.title?.startsWith("Undo: "));
    await page.waitForFunction(() => !document.querySelector("#part-choice"));
    await page.locator("button.undo").click();
    await waitForStatus(page, "Ready · 3 parts");
    assert.equal(amount(await page.locator(".total-amount").textContent()), totalBefore);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

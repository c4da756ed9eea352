// The open spots of the selected part, marked in the 3D view: tapping a seat puts an amber dot
// on each of its open sides (the one in view shows); tapping it opens "Add to this part" at that
// spot, with what fits there. Found on screen as a person would: by its colour in a screenshot.
import { test } from "node:test";
import assert from "node:assert/strict";
import { browser, useBrowser, openConfigurator, artifact, nextFrames, analyseCanvas } from "./browser.mjs";

useBrowser();

// The middles of the amber dots in the canvas (CSS pixels from its top-left corner), left to right.
function amberDots(page) {
  return analyseCanvas(page, ({ data, width }) => {
    const amber = [];
    for (let i = 0; i < data.length; i += 4) {
      const [r, g, b] = [data[i], data[i + 1], data[i + 2]];
      if (r > 220 && g > 140 && g < 215 && b < 90) amber.push([(i / 4) % width, Math.floor(i / 4 / width)]);
    }
    // Grouped: a pixel joins the first dot whose middle is within 40 pixels.
    const dots = [];
    for (const [x, y] of amber) {
      const dot = dots.find((d) => Math.hypot(d.x / d.n - x, d.y / d.n - y) < 40);
      if (dot) { dot.x += x; dot.y += y; dot.n += 1; } else dots.push({ x, y, n: 1 });
    }
    return dots.filter((d) => d.n >= 12).map((d) => ({ x: d.x / d.n, y: d.y / d.n, pixels: d.n })).sort((a, b) => a.x - b.x);
  });
}

test("sofa: the selected seat shows a dot on its open side in view, and a tapped dot opens what fits there", async () => {
  const { context, page, problems } = await openConfigurator(browser, {
    viewport: { width: 1280, height: 800 },
    query: "?catalog=sofa",
  });
  try {
    assert.deepEqual(await amberDots(page), [], "nothing selected, nothing marked");
    const canvas = await page.locator("#snapkit-canvas").boundingBox();
    await page.mouse.click(canvas.x + canvas.width / 2, canvas.y + canvas.height / 2);
    await page.locator(".inspector h2", { hasText: "Seat 600 #1" }).waitFor();
    await nextFrames(page);
    await page.waitForTimeout(300);
    // From the opening view one side faces the camera; the other's dot is behind the seat.
    const dots = await amberDots(page);
    assert.equal(dots.length, 1, `the dot on the side in view: ${JSON.stringify(dots)}`);
    await page.screenshot({ path: artifact("spot-markers-seat.png") });
    const [dot] = dots;

    // Whichever spot the list shows, a tap on the dot chooses the dot's own side.
    const chosen = () => page.locator(".spot-choice option:checked").textContent();
    const picked = [];
    const listed = [];
    for (const index of [0, 1]) {
      await page.locator(".spot-choice").selectOption({ index });
      listed.push(await chosen());
      await page.mouse.click(canvas.x + dot.x, canvas.y + dot.y);
      // The scene tells the UI on its next frame; the list follows one render later.
      await nextFrames(page);
      await page.waitForTimeout(400);
      picked.push(await chosen());
      assert.equal(await page.locator(".inspector h2").textContent(), "Seat 600 #1", "the seat stays selected");
    }
    assert.deepEqual([...listed].sort(), ["Seat 600 #1: left", "Seat 600 #1: right"]);
    assert.equal(picked[0], picked[1], "the dot chose its own side both times");
    assert.ok(listed.includes(picked[0]));
    // What fits the tapped side, and what does not with its reason, as in the list.
    assert.match(await page.locator(".spot-summary").textContent(), /^\d+ of 9 parts fit here$/);
    assert.ok((await page.locator(".spot-add").count()) >= 1);
    await page.locator('.spot-add[data-kind^="arm-"]').first().click();
    await page.waitForFunction(() => document.querySelector(".status-line")?.textContent === "Ready · 2 parts");
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

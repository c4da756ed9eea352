// Share links and orders as a customer and a back office meet them: the address is the link,
// the link reopens the same configuration, and the order the browser saves passes the native
// `snapkit verify-order` check.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { browser, useBrowser, openConfigurator, artifact } from "./browser.mjs";

const cli = process.env.SNAPKIT_CLI;
const repository = new URL("../../", import.meta.url);

useBrowser();

const status = (page) => page.locator(".status-line").textContent();

test("the address is a share link that reopens the configuration; its order verifies natively", async () => {
  assert.ok(cli, "SNAPKIT_CLI must name the snapkit binary (cargo xtask test sets it)");
  const { context, page, problems } = await openConfigurator(browser, { viewport: { width: 1280, height: 800 } });
  try {
    for (const parts of [2, 3]) {
      await page.locator('.part[data-kind="frame-500x350x350"]').click();
      await page.waitForFunction((n) => document.querySelector(".status-line")?.textContent === `Ready · ${n} parts`, parts);
    }
    await page.waitForFunction(() => location.hash.startsWith("#c="));
    const total = await page.locator(".total-amount").textContent();
    await page.locator("button.share").click();
    await page.waitForSelector(".share-url");
    const link = await page.locator(".share-url").inputValue();
    assert.equal(link, page.url(), "the shared link is the page's address");
    assert.ok(link.length < 300, `a three-frame link is short (${link.length} characters)`);
    await page.screenshot({ path: artifact("share-link-shown.png") });

    const reopened = await openConfigurator(browser, { viewport: { width: 1280, height: 800 }, query: link });
    try {
      assert.equal(await status(reopened.page), "Ready · 3 parts");
      assert.equal(await reopened.page.locator(".total-amount").textContent(), total);
      assert.equal(await reopened.page.locator(".notice").count(), 0, "a current link opens without a notice");
      await reopened.page.screenshot({ path: artifact("share-link-reopened.png") });

      // Order opens the order screen: the order as it will leave, to check first.
      await reopened.page.locator("button.order").click();
      const review = reopened.page.locator(".order-review");
      await review.waitFor();
      assert.equal(await reopened.page.evaluate(() => document.activeElement?.id), "order-review-heading", "the screen has the focus");
      assert.equal(await review.locator("h2").textContent(), "Your order");
      assert.match(await review.locator(".order-review-design").textContent(), /^Design [0-9a-f]{16} · Modular shelving, catalog version \d+\.\d+\.\d+$/);
      assert.equal(await review.locator(".order-review-count").textContent(), "3 parts");
      assert.equal(await review.locator(".order-review-total").textContent(), total, "the total the panel showed");
      const lines = await review.locator(".order-line").count();
      assert.ok(lines >= 2, "frames and their hardware are listed");
      await reopened.page.screenshot({ path: artifact("order-review.png") });
      // Escape goes back to the design; nothing was saved.
      await reopened.page.keyboard.press("Escape");
      await reopened.page.waitForFunction(() => !document.querySelector(".order-review"));
      await reopened.page.locator("button.order").click();
      const shownId = (await review.locator(".order-review-design").textContent()).match(/[0-9a-f]{16}/)[0];
      const download = reopened.page.waitForEvent("download");
      await review.locator("button.confirm-order").click();
      const saved = await download;
      await reopened.page.waitForFunction(() => !document.querySelector(".order-review"));
      assert.match(saved.suggestedFilename(), /^snapkit-order-[0-9a-f]{16}\.json$/);
      const file = artifact("order-from-browser.json");
      await saved.saveAs(file);
      await reopened.page.waitForFunction(() => /^Order [0-9a-f]{16} saved as /.test(document.querySelector(".notice")?.textContent ?? ""));
      const order = JSON.parse(readFileSync(file, "utf8"));
      assert.equal(order.schema, "snapkit.order/1");
      assert.equal(order.catalog.id, "shelving");
      assert.equal(order.assembly.parts.length, 3);
      assert.equal(order.share_link, link);
      assert.equal(order.configuration_id, shownId, "the order saved is the one shown");
      assert.equal(order.lines.length + order.hardware.length, lines, "every line shown is in the file");
      const verdict = execFileSync(cli, ["verify-order", file, "--catalog", new URL("assets/catalogs/shelving.json", repository).pathname], { encoding: "utf8" });
      assert.match(verdict, /agrees with catalog 'shelving': 3 parts/);
      assert.deepEqual(reopened.problems, []);
    } finally {
      await reopened.context.close();
    }
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test("a link alone names its catalog: the sofa opens from a bare #c= address", async () => {
  const fixture = JSON.parse(readFileSync(new URL("tests/fixtures/orders/sofa-three-seat.json", repository), "utf8"));
  const fragment = fixture.share_link.slice(fixture.share_link.indexOf("#"));
  const { context, page, problems } = await openConfigurator(browser, {
    viewport: { width: 768, height: 1024 },
    hasTouch: true,
    query: fragment,
  });
  try {
    assert.equal(await page.locator("select.catalog-menu option:checked").textContent(), "Modular sofa");
    assert.equal(await status(page), "Ready · 5 parts");
    assert.equal(await page.locator(".verdict").textContent(), "✓ Ready to order");
    assert.equal(await page.locator("button.order").isEnabled(), true);
    await page.screenshot({ path: artifact("share-link-sofa-tablet.png") });
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test("a damaged link opens the starting point with a clear message, and nothing invalid can be ordered", async () => {
  const { context, page, problems } = await openConfigurator(browser, {
    viewport: { width: 768, height: 1024 },
    hasTouch: true,
    query: "?catalog=sofa#c=AUWLQbrokenlink",
  });
  try {
    assert.match(await page.locator(".notice").textContent(), /^The shared configuration could not be opened \(the link is damaged; it may have been cut off or changed on the way\)\. You can start from here\.$/);
    assert.equal(await status(page), "Ready · 1 part");
    assert.equal(await page.locator("button.order").isDisabled(), true, "a lone seat has open ends: no order");
    await page.screenshot({ path: artifact("share-link-damaged.png") });
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

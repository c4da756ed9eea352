// The showroom kiosk: no accidental exits, and a configurator left alone starts over for the
// next customer after a visible countdown that any touch cancels.
import { test } from "node:test";
import assert from "node:assert/strict";
import { browser, useBrowser, openConfigurator, artifact, waitForStatus } from "./browser.mjs";

useBrowser();

test("kiosk: guarded page, a countdown a touch cancels, then a fresh start for the next customer", async () => {
  const { context, page, problems } = await openConfigurator(browser, {
    viewport: { width: 1024, height: 768 },
    hasTouch: true,
    query: "?kiosk=1&idle=4",
  });
  try {
    const guards = await page.evaluate(() => {
      const menu = new MouseEvent("contextmenu", { bubbles: true, cancelable: true });
      document.querySelector(".side-panel").dispatchEvent(menu);
      return {
        menuPrevented: menu.defaultPrevented,
        kiosk: document.documentElement.classList.contains("kiosk"),
        viewport: document.querySelector("meta[name=viewport]").content,
        userSelect: getComputedStyle(document.body).userSelect,
        touchAction: getComputedStyle(document.documentElement).touchAction,
      };
    });
    assert.deepEqual(guards, {
      menuPrevented: true,
      kiosk: true,
      viewport: "width=device-width, initial-scale=1, maximum-scale=1, user-scalable=no, viewport-fit=cover",
      userSelect: "none",
      touchAction: "pan-x pan-y",
    });

    // The idle time runs from when the page opened: a touch first, as a customer walking up.
    await page.touchscreen.tap(600, 20);
    await page.locator('.part[data-kind="frame-750x350x350"]').tap();
    await waitForStatus(page, "Ready · 2 parts");
    const warning = page.locator(".kiosk-warning");
    await warning.waitFor({ timeout: 10_000 });
    assert.match(await warning.locator(".kiosk-countdown").textContent(), /^The configurator starts over for the next customer in (20|19|18) s\.$/);
    await page.screenshot({ path: artifact("kiosk-warning.png") });
    await page.touchscreen.tap(512, 384);
    await warning.waitFor({ state: "detached" });
    await waitForStatus(page, "Ready · 2 parts");

    // Nobody answers this time: after the countdown the page starts over.
    await warning.waitFor({ timeout: 10_000 });
    await page.waitForEvent("load", { timeout: 40_000 });
    await page.waitForSelector(".configurator[data-ready=true]", { timeout: 120_000 });
    await waitForStatus(page, "Ready · 1 part");
    const fresh = await page.evaluate(() => ({
      address: location.search,
      offered: document.querySelectorAll(".restore-offer").length,
      saved: localStorage.getItem("snapkit.autosave.shelving"),
    }));
    assert.deepEqual(fresh, { address: "?kiosk=1&idle=4", offered: 0, saved: null }, "nothing of the last customer is left");
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

// The product menu: the catalogs the site lists, in the customer's language; choosing one
// opens it with the same language, and coming back offers the configuration left behind.
import { test } from "node:test";
import assert from "node:assert/strict";
import { browser, useBrowser, openConfigurator, artifact, waitForStatus } from "./browser.mjs";

useBrowser();

test("the menu opens another product in the same language, and going back offers the work left there", async () => {
  const { context, page, problems } = await openConfigurator(browser, {
    viewport: { width: 1024, height: 768 },
    hasTouch: true,
    query: "?catalog=shelving&lang=nb",
  });
  try {
    const menu = page.locator("select.catalog-menu");
    assert.equal(await menu.getAttribute("aria-label"), "Produkt");
    assert.deepEqual(await menu.locator("option").allTextContents(), ["Modulær reol", "Modulsofa", "Byggeklosser"]);
    assert.equal(await menu.inputValue(), "shelving");
    assert.ok((await menu.boundingBox()).height >= 44, "a touch-sized menu");
    await page.locator('.part[data-kind="frame-750x350x350"]').tap();
    await waitForStatus(page, "Klar · 2 deler");
    await page.screenshot({ path: artifact("catalog-menu-shelving.png") });

    await Promise.all([page.waitForEvent("load"), menu.selectOption("sofa")]);
    await page.waitForSelector(".configurator[data-ready=true]", { timeout: 120_000 });
    const address = new URL(page.url());
    assert.equal(address.searchParams.get("catalog"), "sofa");
    assert.equal(address.searchParams.get("lang"), "nb", "the language comes along");
    await waitForStatus(page, "Klar · 1 del");
    assert.equal(await page.locator("select.catalog-menu").inputValue(), "sofa");
    assert.equal(await page.locator(".part-name").first().textContent(), "Sete 600");

    await Promise.all([page.waitForEvent("load"), page.locator("select.catalog-menu").selectOption("shelving")]);
    await page.waitForSelector(".configurator[data-ready=true]", { timeout: 120_000 });
    const offer = page.locator(".restore-offer");
    await offer.waitFor();
    await offer.locator("button.restore").tap();
    await waitForStatus(page, "Klar · 2 deler");
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

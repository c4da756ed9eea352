// Never lose the customer's work: every change is saved in the browser; a closed tab, a crash or
// a reload without the link offers it back, with its undo history.
import { test } from "node:test";
import assert from "node:assert/strict";
import { browser, useBrowser, openPage, artifact, waitForStatus } from "./browser.mjs";

useBrowser();

test("a closed tab's work is offered back and restored with undo and redo", async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const first = await openPage(context);
    assert.equal(await first.page.locator(".restore-offer").count(), 0, "a fresh browser has nothing to offer");
    await first.page.locator('.part[data-kind="frame-750x350x350"]').click();
    await waitForStatus(first.page, "Ready · 2 parts");
    await first.page.locator('.part[data-kind="frame-500x350x350"]').click();
    await waitForStatus(first.page, "Ready · 3 parts");
    // The tab dies without any chance to say goodbye.
    await first.page.close({ runBeforeUnload: false });

    const second = await openPage(context);
    const offer = second.page.locator(".restore-offer");
    await offer.waitFor();
    assert.match(await offer.textContent(), /Continue where you left off\? Your configuration from .+ has 3 parts\./);
    await waitForStatus(second.page, "Ready · 1 part");
    await second.page.screenshot({ path: artifact("autosave-offer.png") });
    await offer.locator("button.restore").click();
    await waitForStatus(second.page, "Ready · 3 parts");
    assert.equal(await offer.count(), 0, "the offer is gone once taken");
    assert.match(await second.page.locator(".notice").textContent(), /^Restored your configuration from .+\.$/);
    await second.page.locator("button.undo").click();
    await waitForStatus(second.page, "Ready · 2 parts");

    // A reload keeps the link in the address; the history comes back with it.
    await second.page.reload();
    await second.page.waitForSelector(".configurator[data-ready=true]", { timeout: 120_000 });
    await waitForStatus(second.page, "Ready · 2 parts");
    assert.equal(await second.page.locator(".restore-offer").count(), 0);
    assert.equal(await second.page.locator("button.redo").isEnabled(), true, "the undone step can be redone");
    await second.page.locator("button.redo").click();
    await waitForStatus(second.page, "Ready · 3 parts");
    assert.deepEqual([...first.problems, ...second.problems], []);
  } finally {
    await context.close();
  }
});

test("start new forgets the save, and a damaged save is explained, never fatal", async () => {
  const context = await browser.newContext({ viewport: { width: 768, height: 1024 }, hasTouch: true });
  try {
    const first = await openPage(context, "?catalog=sofa");
    await first.page.locator(".violation.error button.repair").first().tap();
    await first.page.locator(".repair-preview button.apply-repair").tap();
    await waitForStatus(first.page, "Ready · 2 parts");
    await first.page.close();

    const second = await openPage(context, "?catalog=sofa");
    assert.match(await second.page.locator(".restore-offer p").textContent(), / has 2 parts\.$/);
    await second.page.locator(".restore-offer button.start-new").tap();
    assert.equal(await second.page.locator(".restore-offer").count(), 0);
    await waitForStatus(second.page, "Ready · 1 part");
    await second.page.close();

    const third = await openPage(context, "?catalog=sofa");
    assert.equal(await third.page.locator(".restore-offer").count(), 0, "declined means forgotten");
    await third.page.evaluate(() => localStorage.setItem("snapkit.autosave.sofa", '{"format":"snapkit.autosave/1","catalog":"sofa"'));
    await third.page.close();

    const fourth = await openPage(context, "?catalog=sofa");
    assert.match(
      await fourth.page.locator(".notice").textContent(),
      /^Your last configuration could not be restored: the saved copy is damaged\.$/,
    );
    await waitForStatus(fourth.page, "Ready · 1 part");
    await fourth.page.screenshot({ path: artifact("autosave-damaged.png") });
    assert.equal(await fourth.page.evaluate(() => localStorage.getItem("snapkit.autosave.sofa")), null, "told once, then forgotten");
    assert.deepEqual([...first.problems, ...second.problems, ...third.problems, ...fourth.problems], []);
  } finally {
    await context.close();
  }
});

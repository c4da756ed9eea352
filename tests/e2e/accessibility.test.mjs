// Accessibility audits with axe-core: the start section (designs, Help me choose with its
// questions and proposals, Start from scratch), the configurator with a part selected and a
// broken rule with a repair previewed, the order screen, and the folded panel, in English and Norwegian, on a desktop
// and a touch tablet. No serious or critical violation may be found.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { browser, useBrowser, openConfigurator, nextFrames } from "./browser.mjs";

useBrowser();

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/// The serious and critical violations axe finds on the page as it is now, one line each.
async function seriousViolations(page) {
  await nextFrames(page);
  const hasAxe = await page.evaluate(() => typeof window.axe !== "undefined");
  if (!hasAxe) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const results = await window.axe.run(document, { resultTypes: ["violations"] });
    return results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(" ")),
    }));
  });
  return violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.impact} ${violation.id} (${violation.help}): ${violation.targets.join(", ")}`);
}

for (const { name, query, viewport, hasTouch, opensBroken } of [
  { name: "shelving in English on a desktop", query: "", viewport: { width: 1280, height: 800 }, hasTouch: false, opensBroken: false },
  // The sofa opens with a lone seat, open on both sides: two broken rules with repairs.
  { name: "sofa in Norwegian on a touch tablet", query: "?catalog=sofa&locale=nb", viewport: { width: 768, height: 1024 }, hasTouch: true, opensBroken: true },
]) {
  test(`axe finds nothing serious: ${name}`, async () => {
    const { context, page, problems } = await openConfigurator(browser, { viewport, query, hasTouch });
    try {
      // The start: designs, the guided start opened with its proposals, start from scratch.
      await page.locator(".guided-start > summary").click();
      await page.locator(".proposal").first().waitFor();
      assert.deepEqual(await seriousViolations(page), [], "the start section");
      // The configurator working: a part selected (the inspector), the rules panel.
      const box = await page.locator("#snapkit-canvas").boundingBox();
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      await page.locator(".inspector").waitFor();
      assert.deepEqual(await seriousViolations(page), [], "with the inspector open");
      if (opensBroken) {
        await page.locator(".violation.error button.repair").first().click();
        await page.locator(".repair-preview").waitFor();
        assert.deepEqual(await seriousViolations(page), [], "with a repair previewed");
        // Repaired until it can be ordered.
        while ((await page.locator(".violation.error").count()) > 0) {
          const errors = await page.locator(".violation.error").count();
          if ((await page.locator(".repair-preview").count()) === 0) {
            await page.locator(".violation.error button.repair").first().click();
          }
          await page.locator(".repair-preview button.apply-repair").click();
          await page.waitForFunction((before) => document.querySelectorAll(".violation.error").length < before, errors);
        }
      }
      // The order screen.
      await page.locator("button.order").click();
      await page.locator(".order-review").waitFor();
      assert.deepEqual(await seriousViolations(page), [], "the order screen");
      await page.keyboard.press("Escape");
      await page.waitForFunction(() => !document.querySelector(".order-review"));
      // The panel folded away.
      await page.locator(".panel-toggle").click();
      assert.deepEqual(await seriousViolations(page), [], "with the panel folded");
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
}

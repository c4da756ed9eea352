// The configurator embedded in a retailer's page on another origin: every message of the
// snapkit.embed/1 protocol both ways, and a hostile page that must be ignored.
import { test } from "node:test";
import assert from "node:assert/strict";
import { browser, useBrowser, baseUrl, artifact } from "./browser.mjs";
import { readFileSync } from "node:fs";

const shopUrl = process.env.SNAPKIT_SHOP_URL ?? "http://127.0.0.1:8081/";
const repository = new URL("../../", import.meta.url);

useBrowser();

async function openShop(url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  const problems = [];
  const warnings = [];
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()}`);
    if (message.type() === "warning") warnings.push(message.text());
  });
  await page.goto(url);
  return { context, page, problems, warnings };
}

const partsInBasket = (page, parts) =>
  page.waitForFunction((n) => document.querySelector(".basket-status")?.dataset.parts === String(n), parts, { timeout: 120_000 });

test("a retailer page on another origin exchanges every message with the configurator", async () => {
  const shop = `${shopUrl}?configurator=${encodeURIComponent(baseUrl)}`;
  const { context, page, problems } = await openShop(shop);
  try {
    const frame = page.frameLocator("iframe");
    await frame.locator(".configurator[data-ready=true]").waitFor({ timeout: 120_000 });
    assert.notEqual(new URL(shopUrl).origin, new URL(baseUrl).origin, "the shop is on another origin");
    assert.equal(await frame.locator(".catalog-menu").count(), 0, "a shop shows its one product: no product menu");
    // ready, then change
    await partsInBasket(page, 1);
    assert.match(await page.locator(".basket-status").textContent(), /^1 part · ready to order$/);
    const firstTotal = await page.locator(".basket-total").textContent();
    // A change in the configurator reaches the shop.
    await frame.locator('.part[data-kind="frame-750x350x350"]').click();
    await partsInBasket(page, 2);
    assert.notEqual(await page.locator(".basket-total").textContent(), firstTotal);
    // getOrder -> order
    await page.locator(".add-to-basket").click();
    await page.waitForFunction(() => document.body.dataset.orders === "1");
    assert.match(await page.locator(".order-id").textContent(), /^Design [0-9a-f]{16} · /);
    assert.ok((await page.locator(".order-lines li").count()) >= 2, "frames and hardware are listed");
    // The customer's own Order button inside the frame sends the order to the shop, not to a file.
    // It is checked on the order screen first, which says where it goes.
    await frame.locator("button.order").click();
    const confirm = frame.locator(".order-review button.confirm-order");
    assert.equal(await confirm.textContent(), "Send to the shop");
    assert.equal(await page.evaluate(() => document.body.dataset.orders), "1", "nothing is sent before the customer confirms");
    await confirm.click();
    await page.waitForFunction(() => document.body.dataset.orders === "2");
    assert.match(await frame.locator(".notice").textContent(), /^Order [0-9a-f]{16} sent to the shop\.$/);
    await page.screenshot({ path: artifact("embed-shop-order.png") });
    // setLocale
    await page.locator(".language").selectOption("nb-NO");
    await frame.locator(".total-amount", { hasText: "kr" }).waitFor();
    // reset
    await page.locator(".start-over").click();
    await partsInBasket(page, 1);
    await frame.locator(".status-line", { hasText: "Klar · 1 del" }).waitFor();
    assert.equal(await frame.locator("button.share").textContent(), "Del", "the configurator's own words follow the host's language");
    // load a share link, then a link that cannot be opened -> error, configuration kept
    const fixture = JSON.parse(readFileSync(new URL("tests/fixtures/orders/shelving-wall.json", repository), "utf8"));
    await page.evaluate((link) => window.snapkitShop.load(link), fixture.share_link);
    await partsInBasket(page, 6);
    await page.evaluate((order) => window.snapkitShop.load(order), fixture);
    await partsInBasket(page, 6);
    await page.evaluate(() => window.snapkitShop.load("#c=AUWLQbroken"));
    await page.waitForFunction(() => document.querySelector(".basket-error")?.dataset.code === "link-not-opened");
    assert.match(await page.locator(".basket-error").textContent(), /^Konfigurasjonen kunne ikke åpnes \(lenken er skadet; den kan ha blitt kuttet av eller endret underveis\); den nåværende er uendret\.$/);
    assert.equal(await page.locator(".basket-status").getAttribute("data-parts"), "6", "a bad link loses nothing");
    await page.screenshot({ path: artifact("embed-shop-norsk.png") });
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test("malformed and oversized commands get an error reply; the configurator keeps working", async () => {
  const { context, page, problems } = await openShop(`${shopUrl}?configurator=${encodeURIComponent(baseUrl)}`);
  try {
    const frame = page.frameLocator("iframe");
    await partsInBasket(page, 1);
    const origin = new URL(baseUrl).origin;
    const errors = await page.evaluate(async (origin) => {
      const iframe = document.querySelector("iframe");
      const codes = [];
      window.addEventListener("message", (event) => {
        if (event.origin === origin && event.data?.type === "error") codes.push(event.data.code);
      });
      const send = (message) => iframe.contentWindow.postMessage(message, origin);
      send("not json at all");
      send({ protocol: "snapkit.embed/1", type: "explode" });
      send({ protocol: "snapkit.embed/9", type: "reset" });
      send({ protocol: "snapkit.embed/1", type: "load", link: "A".repeat(2_000_000) });
      send({ protocol: "snapkit.embed/1", type: "load" });
      send({ protocol: "snapkit.embed/1", type: "getOrder" });
      for (let i = 0; i < 100 && codes.length < 5; i++) await new Promise((resolve) => setTimeout(resolve, 100));
      return codes;
    }, origin);
    assert.deepEqual(errors, ["bad-message", "bad-message", "wrong-protocol", "too-large", "bad-message"]);
    await frame.locator('.part[data-kind="frame-500x350x350"]').click();
    await partsInBasket(page, 2);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test("a page whose origin is not allowed is ignored and hears nothing", async () => {
  // The same shop page, reached through another host name: another origin, not in the allow-list.
  const allowed = new URL(shopUrl).origin;
  const hostile = shopUrl.replace("127.0.0.1", "localhost");
  const { context, page, problems, warnings } = await openShop(`${hostile}?configurator=${encodeURIComponent(baseUrl)}`);
  try {
    await page.evaluate(({ configurator, allowed }) => {
      document.querySelector("iframe")?.remove();
      window.heard = [];
      window.addEventListener("message", (event) => window.heard.push(event.data?.type ?? "?"));
      const frame = document.createElement("iframe");
      frame.className = "hostile";
      const src = new URL(configurator);
      src.searchParams.set("embed", "1");
      src.searchParams.set("allow", allowed);
      frame.src = src.href;
      document.body.append(frame);
    }, { configurator: baseUrl, allowed });
    let configurator;
    await page.waitForFunction(() => document.querySelector("iframe.hostile"));
    for (let i = 0; i < 100 && !configurator; i++) {
      configurator = page.frames().find((frame) => frame.url().includes("allow="));
      if (!configurator) await page.waitForTimeout(100);
    }
    assert.ok(configurator, "the configurator frame is there");
    await configurator.waitForSelector(".configurator[data-ready=true]", { timeout: 120_000 });
    const heard = await page.evaluate(async (origin) => {
      const frame = document.querySelector("iframe.hostile");
      frame.contentWindow.postMessage({ protocol: "snapkit.embed/1", type: "getOrder" }, origin);
      frame.contentWindow.postMessage({ protocol: "snapkit.embed/1", type: "reset" }, origin);
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      return window.heard;
    }, new URL(baseUrl).origin);
    assert.deepEqual(heard, [], "no event is posted to an origin that is not allowed, and no command is answered");
    assert.ok(
      warnings.some((warning) => warning.includes(`ignored a message from ${new URL(hostile).origin}: not an allowed origin`)),
      `the configurator logs what it ignored: ${JSON.stringify(warnings)}`,
    );
    assert.match(await configurator.locator(".status-line").textContent(), /^Ready · 1 part$/);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test("a showroom shop page embeds the configurator as a kiosk: guarded, and left alone it starts over and says ready again", async () => {
  const shop = `${shopUrl}?configurator=${encodeURIComponent(baseUrl)}&kiosk=1&idle=2`;
  const { context, page, problems } = await openShop(shop);
  try {
    const frame = page.frameLocator("iframe");
    await frame.locator(".configurator[data-ready=true]").waitFor({ timeout: 120_000 });
    const src = new URL(await page.locator("iframe").getAttribute("src"));
    assert.equal(src.searchParams.get("kiosk"), "1");
    assert.equal(src.searchParams.get("idle"), "2");
    assert.equal(await frame.locator("html.kiosk").count(), 1, "the frame guards itself as a kiosk");
    await frame.locator('.part[data-kind="frame-750x350x350"]').click();
    await partsInBasket(page, 2);
    await frame.locator(".kiosk-warning").waitFor({ timeout: 30_000 });
    await page.screenshot({ path: artifact("embed-kiosk-warning.png") });
    // Nobody answers: the frame starts over, tells the shop it is ready again, with the start.
    await page.waitForFunction(() => document.body.dataset.readies === "2", null, { timeout: 90_000 });
    await partsInBasket(page, 1);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

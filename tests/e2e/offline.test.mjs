// Offline: once loaded, the configurator opens and works with no network at all (its server
// stopped and the browser offline), from the service worker's cache, alone or embedded in a
// shop's page; a new release replaces that cache. The app is served here from dist/ by a
// server this test can stop.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { extname, join, normalize } from "node:path";
import { browser, useBrowser, openPage, artifact, waitForStatus } from "./browser.mjs";

const shopUrl = process.env.SNAPKIT_SHOP_URL ?? "http://127.0.0.1:8081/";
const dist = process.env.SNAPKIT_DIST ?? new URL("../../dist/", import.meta.url).pathname;
const cli = process.env.SNAPKIT_CLI;
const repository = new URL("../../", import.meta.url);
const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".glb": "model/gltf-binary",
  ".svg": "image/svg+xml",
};

// Serves dist/ as it is; `release` (when set) stands in for the worker's release id, as a
// new build would.
function startServer() {
  const server = createServer(async (request, response) => {
    const path = new URL(request.url, "http://host").pathname;
    const file = normalize(join(dist, path.endsWith("/") ? `${path}index.html` : path));
    if (!file.startsWith(normalize(dist))) {
      response.writeHead(403).end();
      return;
    }
    try {
      let body = await readFile(file);
      if (server.release && path === "/service-worker.js") {
        body = body.toString().replace(/const RELEASE = "[^"]*"/, `const RELEASE = "${server.release}"`);
      }
      response.writeHead(200, { "Content-Type": types[extname(file)] ?? "application/octet-stream" }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

function stop(server) {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(resolve));
}

const keptCaches = (page) => page.evaluate(async () => (await caches.keys()).filter((name) => name.startsWith("snapkit-")));

// Waits until the service worker controls `page` (a page or a frame): the release is kept.
const kept = (page) => page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 60_000 });

// Runs `body` with a fresh server of dist/ (which it may stop) and browser context, and closes both.
async function withServedApp(viewport, body) {
  const server = await startServer();
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  try {
    await body({ server, url: `http://127.0.0.1:${server.address().port}/`, context });
  } finally {
    await context.close();
    if (server.listening) await stop(server);
  }
}

useBrowser();

test("with the server gone and the browser offline, a reload opens the configurator, which configures and exports an order", async () => {
  assert.ok(cli, "SNAPKIT_CLI must name the snapkit binary (cargo xtask test sets it)");
  await withServedApp({ width: 1280, height: 800 }, async ({ server, url, context }) => {
    const { page, problems } = await openPage(context, url);
    await kept(page);
    const [release] = await keptCaches(page);
    assert.match(release, /^snapkit-[0-9a-f]{16}$/, "one cache, named for the release");

    await stop(server);
    await context.setOffline(true);
    await page.reload();
    await page.waitForSelector(".configurator[data-ready=true]", { timeout: 120_000 });
    await waitForStatus(page, "Ready · 1 part");
    await page.locator('.part[data-kind="frame-500x350x350"]').click();
    await waitForStatus(page, "Ready · 2 parts");
    await page.screenshot({ path: artifact("offline-configured.png") });

    await page.locator("button.order").click();
    const download = page.waitForEvent("download");
    await page.locator(".order-review button.confirm-order").click();
    const file = artifact("order-made-offline.json");
    await (await download).saveAs(file);
    const order = JSON.parse(readFileSync(file, "utf8"));
    assert.equal(order.assembly.parts.length, 2);
    const verdict = execFileSync(cli, ["verify-order", file, "--catalog", new URL("assets/catalogs/shelving.json", repository).pathname], { encoding: "utf8" });
    assert.match(verdict, /agrees with catalog 'shelving': 2 parts/);

    // Another catalog, with its glTF model, comes from the cache too.
    const sofa = await openPage(context, `${url}?catalog=sofa`);
    assert.match(await sofa.page.locator(".status-line").textContent(), /^Ready/);
    assert.equal(await sofa.page.locator(".status-line", { hasText: "could not be loaded" }).count(), 0);
    assert.deepEqual([...problems, ...sofa.problems], []);
  });
});

test("embedded and offline, the order the customer made is handed over again when the shop asks, even after the frame restarted", async () => {
  await withServedApp({ width: 1280, height: 860 }, async ({ server, url, context }) => {
    const page = await context.newPage();
    await page.goto(`${shopUrl}?configurator=${encodeURIComponent(url)}`);
    const frame = page.frameLocator("iframe");
    await frame.locator(".configurator[data-ready=true]").waitFor({ timeout: 120_000 });
    const inner = page.frames().find((candidate) => candidate.url().startsWith(url));
    await kept(inner);
    await frame.locator('.part[data-kind="frame-750x350x350"]').click();
    await page.waitForFunction(() => document.querySelector(".basket-status")?.dataset.parts === "2");

    await stop(server);
    await context.setOffline(true);
    await frame.locator("button.order").click();
    await frame.locator(".order-review button.confirm-order").click();
    await page.waitForFunction(() => document.body.dataset.orders === "1");
    const ordered = await page.locator(".order-id").textContent();
    assert.match(ordered, /^Design [0-9a-f]{16} · /);

    // The frame starts again (a crash, a kiosk reset, a reload) with no network at all.
    await inner.evaluate(() => location.reload());
    await page.waitForFunction(() => document.body.dataset.readies === "2", null, { timeout: 120_000 });
    await page.locator(".add-to-basket").click();
    await page.waitForFunction(() => document.body.dataset.orders === "2");
    assert.equal(await page.locator(".order-id").textContent(), ordered, "the same order, handed over again");
    await page.screenshot({ path: artifact("offline-embedded-order-again.png") });
  });
});

test("a new release replaces the kept copy: one cache, the new release's", async () => {
  await withServedApp({ width: 1024, height: 768 }, async ({ server, url, context }) => {
    const { page } = await openPage(context, url);
    await kept(page);
    const [first] = await keptCaches(page);
    server.release = "0123456789abcdef";
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    await page.waitForFunction(
      async () => JSON.stringify((await caches.keys()).filter((name) => name.startsWith("snapkit-"))) === '["snapkit-0123456789abcdef"]',
      null,
      { timeout: 60_000, polling: 250 },
    );
    assert.notEqual(first, "snapkit-0123456789abcdef");
  });
});

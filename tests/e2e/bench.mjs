// The browser benchmark (`cargo xtask bench --browser`): snapkit and a <model-viewer> baseline
// showing the same shelving walls, measured by one harness in one headless Chromium, several
// runs each, median and spread. Prints a Markdown report with every figure against its budget
// (budgets.json) and writes the raw runs to $SNAPKIT_ARTIFACTS/bench.json.
// It measures, it does not judge: not part of `cargo xtask test`.
import { readFileSync, writeFileSync } from "node:fs";
import { launchBrowser, artifact } from "./browser.mjs";

const snapkitUrl = process.env.SNAPKIT_URL;
const baselineUrl = process.env.BASELINE_URL;
const runs = Number(process.env.BENCH_RUNS ?? 5);
const walls = JSON.parse(readFileSync(process.env.BENCH_WALLS, "utf8")); // [{ parts, link_code, glb }]
const budgets = JSON.parse(readFileSync(process.env.BENCH_BUDGETS, "utf8"));
const viewport = { width: 1280, height: 800 };
// Ask for brotli as a browser does on an HTTPS shop page (Chromium offers it only over HTTPS).
const extraHTTPHeaders = { "Accept-Encoding": "br, gzip" };

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};
const spread = (values) => `${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)}`;

// Collects rAF timestamps in the page until `stop()`: the page's frame intervals. The start and
// the stop count as frame edges, so a page that draws less than one frame while recording still
// gives an interval (a lower bound of its frame time).
const startFrameRecorder = (page) =>
  page.evaluate(() => {
    window.__benchFrames = [performance.now()];
    window.__benchRecording = true;
    const loop = (time) => {
      window.__benchFrames.push(time);
      if (window.__benchRecording) requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  });
const stopFrameRecorder = async (page) => {
  const times = await page.evaluate(() => {
    window.__benchRecording = false;
    return [...window.__benchFrames, performance.now()];
  });
  const intervals = times.slice(1).map((time, index) => time - times[index]);
  return { median: median(intervals), p95: quantile(intervals, 0.95), frames: intervals.length };
};

// Moves the pressed mouse around a circle for `seconds`, starting at (x, y).
async function circle(page, x, y, seconds, radius = 120) {
  const started = Date.now();
  let step = 0;
  while (Date.now() - started < seconds * 1000) {
    const angle = (step++ / 30) * Math.PI * 2;
    await page.mouse.move(x + Math.cos(angle) * radius - radius, y + Math.sin(angle) * radius * 0.4);
    await page.waitForTimeout(16);
  }
}

// Same-origin resources fetched so far, with their encoded (over the wire) body sizes.
const resources = (page) =>
  page.evaluate(() =>
    [...performance.getEntriesByType("navigation"), ...performance.getEntriesByType("resource")].map((entry) => ({
      url: entry.name,
      bytes: entry.encodedBodySize,
    })),
  );

async function openSnapkit(browser, wall) {
  const context = await browser.newContext({ viewport, extraHTTPHeaders });
  const page = await context.newPage();
  const encodings = new Map();
  page.on("response", (response) => encodings.set(response.url(), response.headers()["content-encoding"] ?? "none"));
  await page.goto(new URL(`?catalog=shelving#c=${wall.link_code}`, snapkitUrl).href);
  await page.waitForSelector(".configurator[data-ready=true]", { timeout: 300_000 });
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const status = await page.locator(".status-line").textContent();
  if (!status.startsWith(`Ready · ${wall.parts} parts`)) throw new Error(`snapkit shows “${status}”, not ${wall.parts} parts`);
  const marks = await page.evaluate(() => ({
    firstFrame: performance.getEntriesByName("snapkit:scene-started")[0]?.startTime,
    shown: performance.getEntriesByName("snapkit:configuration-shown")[0]?.startTime,
  }));
  return { context, page, marks, files: await resources(page), encodings };
}

async function openBaseline(browser, wall) {
  const context = await browser.newContext({ viewport, extraHTTPHeaders });
  const page = await context.newPage();
  const encodings = new Map();
  page.on("response", (response) => encodings.set(response.url(), response.headers()["content-encoding"] ?? "none"));
  await page.goto(new URL(`?model=${wall.glb}`, baselineUrl).href);
  await page.waitForFunction(() => performance.getEntriesByName("baseline:model-shown").length > 0, null, { timeout: 300_000 });
  const marks = await page.evaluate(() => ({
    firstFrame: performance.getEntriesByName("baseline:model-shown")[0]?.startTime,
    shown: performance.getEntriesByName("baseline:model-shown")[0]?.startTime,
  }));
  return { context, page, marks, files: await resources(page), encodings };
}

// Orbit and (snapkit only) drag frame times in an opened page.
async function frameTimes(page, { canvas, dragFrom }) {
  const box = await page.locator(canvas).boundingBox();
  const result = {};
  // Orbit: press on the floor near the top of the view, where no part is, and circle.
  const orbitX = box.x + box.width * 0.5;
  const orbitY = box.y + box.height * 0.12;
  await page.mouse.move(orbitX, orbitY);
  await page.mouse.down();
  await startFrameRecorder(page);
  await circle(page, orbitX, orbitY, 3);
  result.orbit = await stopFrameRecorder(page);
  await page.mouse.up();
  if (dragFrom) {
    const from = await page.locator(dragFrom).boundingBox();
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 8 });
    await startFrameRecorder(page);
    await circle(page, box.x + box.width / 2, box.y + box.height / 2, 3, 200);
    result.drag = await stopFrameRecorder(page);
    await page.keyboard.press("Escape");
    await page.mouse.up();
  }
  return result;
}

// From a click dispatched in the page to the first frame after the status line changed.
async function latency(page, selector) {
  return page.evaluate(
    (selector) =>
      new Promise((resolve) => {
        const status = document.querySelector(".status-line");
        const before = status.textContent;
        let started;
        const observer = new MutationObserver(() => {
          if (status.textContent === before) return;
          observer.disconnect();
          requestAnimationFrame(() => resolve(performance.now() - started));
        });
        observer.observe(status, { childList: true, characterData: true, subtree: true });
        started = performance.now();
        document.querySelector(selector).click();
      }),
    selector,
  );
}

// The status line changes when the scene reports the new snapshot drawn; a finish change keeps
// the part count, so its frame is found by the swatch turning pressed, then two frames.
async function finishLatency(page) {
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        const swatch = document.querySelector('.swatch[aria-pressed="false"]');
        const started = performance.now();
        swatch.click();
        const wait = () => {
          if (swatch.getAttribute("aria-pressed") === "true" || !swatch.isConnected) {
            requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - started)));
          } else {
            requestAnimationFrame(wait);
          }
        };
        wait();
      }),
  );
}

const browser = await launchBrowser({ extraArgs: ["--enable-precise-memory-info", "--js-flags=--expose-gc"] });
const results = { runs, walls: walls.map((wall) => wall.parts), snapkit: {}, baseline: {} };
try {
  const renderer = await (async () => {
    const page = await browser.newPage();
    const name = await page.evaluate(() => {
      const gl = document.createElement("canvas").getContext("webgl2");
      const info = gl?.getExtension("WEBGL_debug_renderer_info");
      return info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : "no WebGL2";
    });
    await page.close();
    return name;
  })();
  results.renderer = renderer;
  results.browser = browser.version();

  for (const wall of walls) {
    const snapkit = { firstFrame: [], shown: [], orbit: [], drag: [], orbitP95: [], dragP95: [] };
    const baseline = { firstFrame: [], orbit: [], orbitP95: [] };
    for (let run = 0; run < runs; run++) {
      const opened = await openSnapkit(browser, wall);
      snapkit.firstFrame.push(opened.marks.firstFrame);
      snapkit.shown.push(opened.marks.shown);
      if (run === 0) {
        snapkit.files = opened.files.map((file) => ({ ...file, encoding: opened.encodings.get(file.url.split("#")[0]) }));
      }
      const frames = await frameTimes(opened.page, { canvas: "#snapkit-canvas", dragFrom: '.part[data-kind="frame-750x350x350"]' });
      snapkit.orbit.push(frames.orbit.median);
      snapkit.orbitP95.push(frames.orbit.p95);
      snapkit.drag.push(frames.drag.median);
      snapkit.dragP95.push(frames.drag.p95);
      await opened.context.close();

      const base = await openBaseline(browser, wall);
      baseline.firstFrame.push(base.marks.firstFrame);
      if (run === 0) {
        baseline.files = base.files.map((file) => ({ ...file, encoding: base.encodings.get(file.url.split("#")[0]) }));
      }
      const baseFrames = await frameTimes(base.page, { canvas: "model-viewer" });
      baseline.orbit.push(baseFrames.orbit.median);
      baseline.orbitP95.push(baseFrames.orbit.p95);
      await base.context.close();
      console.error(`bench: ${wall.parts} parts, run ${run + 1} of ${runs}`);
    }
    results.snapkit[wall.parts] = snapkit;
    results.baseline[wall.parts] = baseline;
  }

  // Interaction latency and memory, on the plain configurator (one frame to start from).
  const context = await browser.newContext({ viewport, extraHTTPHeaders });
  const page = await context.newPage();
  await page.goto(new URL("?catalog=shelving", snapkitUrl).href);
  await page.waitForSelector(".configurator[data-ready=true]", { timeout: 300_000 });
  const memory = () =>
    page.evaluate(() => {
      globalThis.gc?.();
      return { wasm: globalThis.snapkitWasmMemoryBytes?.() ?? 0, heap: performance.memory?.usedJSHeapSize ?? 0 };
    });
  results.memoryAfterLoad = await memory();
  const addLatency = [];
  const undoLatency = [];
  for (let run = 0; run < Math.max(runs, 5); run++) {
    addLatency.push(await latency(page, '.part[data-kind="frame-750x350x350"]'));
    undoLatency.push(await latency(page, "button.undo"));
  }
  // A tap on the frame in the middle of the view selects it; then a swatch.
  const canvas = await page.locator("#snapkit-canvas").boundingBox();
  await page.mouse.click(canvas.x + canvas.width / 2, canvas.y + canvas.height / 2);
  await page.waitForSelector(".inspector .swatch", { timeout: 10_000 });
  const swatchLatency = [];
  for (let run = 0; run < Math.max(runs, 5); run++) swatchLatency.push(await finishLatency(page));
  results.latency = { add: addLatency, undo: undoLatency, finish: swatchLatency };
  // 500 edits: 250 times add a frame and undo it.
  for (let edit = 0; edit < 250; edit++) {
    await latency(page, '.part[data-kind="frame-750x350x350"]');
    await latency(page, "button.undo");
  }
  results.memoryAfter500Edits = await memory();
  await context.close();
} finally {
  await browser.close();
}
writeFileSync(artifact("bench.json"), JSON.stringify(results, null, 2));

// The report.
const kib = (bytes) => (bytes / 1024).toFixed(1);
const ms = (value) => value.toFixed(1);
const verdict = (value, budget, unit) =>
  budget === undefined ? "" : value <= budget ? `✓ within ${budget} ${unit}` : `✗ over ${budget} ${unit}`;
const software = /swiftshader|llvmpipe|software/i.test(results.renderer);
const lines = [];
lines.push(`Chromium ${results.browser}, renderer: ${results.renderer} (${software ? "software rendering" : "GPU"}), ${runs} runs, viewport ${viewport.width}×${viewport.height}`);
lines.push("");
lines.push("| figure | snapkit | baseline (model-viewer) | snapkit / baseline | budget |");
lines.push("|---|---|---|---|---|");
const first = walls[0].parts;
const transfer = (files) => files.reduce((sum, file) => sum + file.bytes, 0);
const snapkitTransfer = transfer(results.snapkit[first].files);
const baselineTransfer = transfer(results.baseline[first].files);
lines.push(
  `| transfer to the first interactive frame (${first} parts) | ${kib(snapkitTransfer)} KiB | ${kib(baselineTransfer)} KiB | ${(snapkitTransfer / baselineTransfer).toFixed(2)} | ${verdict(snapkitTransfer, budgets.transfer_bytes, "bytes")} |`,
);
for (const wall of walls) {
  const s = results.snapkit[wall.parts];
  const b = results.baseline[wall.parts];
  lines.push(
    `| first frame showing ${wall.parts} parts, ms (median, range) | ${ms(median(s.shown))} (${spread(s.shown)}) | ${ms(median(b.firstFrame))} (${spread(b.firstFrame)}) | ${(median(s.shown) / median(b.firstFrame)).toFixed(2)} | ${software ? verdict(median(s.shown), budgets.first_frame_ms_software, "ms") : ""} |`,
  );
  lines.push(`| scene's first frame (${wall.parts} parts), ms | ${ms(median(s.firstFrame))} (${spread(s.firstFrame)}) | – | – | |`);
  lines.push(
    `| frame time orbiting ${wall.parts} parts, ms (median; p95) | ${ms(median(s.orbit))}; ${ms(median(s.orbitP95))} | ${ms(median(b.orbit))}; ${ms(median(b.orbitP95))} | ${(median(s.orbit) / median(b.orbit)).toFixed(2)} | ${!software && wall.parts >= 500 ? verdict(median(s.orbit), budgets.frame_ms_500_parts_gpu, "ms") : ""} |`,
  );
  lines.push(`| frame time dragging onto ${wall.parts} parts, ms (median; p95) | ${ms(median(s.drag))}; ${ms(median(s.dragP95))} | – | – | |`);
}
for (const [name, values] of Object.entries(results.latency)) {
  lines.push(`| interaction latency: ${name}, ms (median, range) | ${ms(median(values))} (${spread(values)}) | – | – | ${verdict(median(values), budgets.interaction_ms, "ms")} |`);
}
const mib = (bytes) => (bytes / 1048576).toFixed(1);
lines.push(`| wasm memory after load / after 500 edits, MiB | ${mib(results.memoryAfterLoad.wasm)} / ${mib(results.memoryAfter500Edits.wasm)} | – | – | |`);
lines.push(`| JS heap after load / after 500 edits, MiB | ${mib(results.memoryAfterLoad.heap)} / ${mib(results.memoryAfter500Edits.heap)} | – | – | |`);
lines.push("");
for (const [who, files] of [["snapkit", results.snapkit[first].files], ["baseline", results.baseline[first].files]]) {
  lines.push(`${who}, per file (${first} parts): ${files.map((file) => `${new URL(file.url).pathname} ${kib(file.bytes)} KiB (${file.encoding})`).join(", ")}`);
}
if (software) lines.push("", "The 500-part frame-rate budget is for a real GPU; this run rendered in software, so it is not judged here.");
console.log(lines.join("\n"));

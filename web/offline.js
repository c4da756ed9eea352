// Registers snapkit's service worker once the app has started, so a showroom tablet or a
// customer who loses the network keeps a configurator that opens and works offline.
export function keepForOffline() {
  if (!("serviceWorker" in navigator)) return;
  navigator.serviceWorker.register("/service-worker.js").catch((reason) => {
    // Offline use is a bonus: the configurator works without it.
    console.warn("snapkit will not work offline in this browser:", reason);
  });
}

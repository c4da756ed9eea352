// snapkit's service worker: keeps this release of the configurator (the page, its code,
// styles, catalogs and models) so that, once loaded, it opens and works without a network.
// `cargo xtask dist` fills in the release id and the files; a new release installs a new
// cache and deletes the old one. Pages are fetched from the network first (a new release
// shows as soon as it is online), everything else from the cache first.
const RELEASE = "__SNAPKIT_RELEASE__";
const FILES = "__SNAPKIT_FILES__";
const CACHE = `snapkit-${RELEASE}`;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE)
      .then((cache) => cache.addAll(FILES))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(
        names.filter((name) => name.startsWith("snapkit-") && name !== CACHE).map((name) => caches.delete(name)),
      ))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(request.mode === "navigate" ? pageFirstFromNetwork(request) : fromCacheFirst(request));
});

// The page: the network's when there is one, else this release's (whatever the query says:
// `?catalog=sofa&locale=nb-NO` is read by the app, not by the server).
async function pageFirstFromNetwork(request) {
  try {
    return await fetch(request);
  } catch (offline) {
    const kept = await caches.match(request, { cacheName: CACHE, ignoreSearch: true })
      ?? await caches.match("/", { cacheName: CACHE });
    if (kept) return kept;
    throw offline;
  }
}

// Code, catalogs and models: this release's copy; anything not kept yet is fetched and kept.
async function fromCacheFirst(request) {
  const kept = await caches.match(request, { cacheName: CACHE });
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok && response.type === "basic") {
    const copy = response.clone();
    caches.open(CACHE).then((cache) => cache.put(request, copy));
  }
  return response;
}

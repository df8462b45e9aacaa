// Service worker: makes the catalogue work offline. Written into the site by `catalogue build`,
// which fills in the release version and the list of shell files.
// Pages: network first, so people always get the newest listing when online; the last copy
// (or the offline page) when not. Everything else: from the cache when there, else the network.
// Each release has its own cache; old ones are deleted when the new worker takes over.

const VERSION = "__VERSION__";
const SHELL = __SHELL__;
const CACHE = `catalogue-${VERSION}`;
const SAVED = "catalogue-saved"; // pages on "My list": kept across releases, refreshed when online
const OFFLINE_PAGE = new URL("offline/", self.registration.scope).href;
const EASY_OFFLINE_PAGE = new URL("easy-read/offline/", self.registration.scope).href;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(SHELL.map((url) => new Request(new URL(url, self.registration.scope), { cache: "reload" }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((n) => n.startsWith("catalogue-") && n !== CACHE && n !== SAVED).map((n) => caches.delete(n))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin || url.href === self.location.href) return;
  if (request.mode === "navigate") {
    event.respondWith(page(request));
  } else {
    event.respondWith(asset(request));
  }
});

async function page(request) {
  const url = new URL(request.url);
  url.search = "";
  try {
    const response = await fetch(request.url, { cache: "no-cache", credentials: "same-origin" });
    if (response.ok) {
      const copy = response.clone();
      const cache = await caches.open(CACHE);
      await cache.put(url.href, copy.clone());
      const saved = await caches.open(SAVED);
      if (await saved.match(url.href)) await saved.put(url.href, copy);
    }
    return response;
  } catch (offline) {
    const cached = await caches.match(url.href);
    if (cached) return cached;
    const easy = url.href.startsWith(new URL("easy-read/", self.registration.scope).href);
    return offlinePage(easy ? EASY_OFFLINE_PAGE : OFFLINE_PAGE);
  }
}

// The offline page is shown at the address that failed, so its relative links need a <base>.
async function offlinePage(address) {
  const cached = await caches.match(address);
  if (!cached) return Response.error();
  const html = (await cached.text()).replace("<head>", `<head><base href="${address}">`);
  return new Response(html, { headers: { "Content-Type": "text/html; charset=utf-8" } });
}

async function asset(request) {
  // Pagefind adds a timestamp to some requests; the cached copy of this release is the right one.
  const cached = await caches.match(request, { ignoreSearch: true });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) {
    const cache = await caches.open(CACHE);
    await cache.put(request, response.clone());
  }
  return response;
}

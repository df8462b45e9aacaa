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
const LANGUAGE_FOLDERS = __LANGUAGE_FOLDERS__; // a bilingual site's second language ("cy/"): its own offline pages
// Search with no signal: every search file (both versions) is listed in search-files.json.
// Under the site's budget they are saved on install; above it, when the person asks (a message
// from the search page). The list itself is stored last, so its presence means "all saved".
const SEARCH_CACHE = `catalogue-search-${VERSION}`;
const SEARCH_LIST = new URL("search-files.json", self.registration.scope).href;
const SEARCH_AUTO = __SEARCH_AUTO__;
let searchMissed = 0; // search files asked for that were neither saved nor reachable (search pages ask)

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(SHELL.map((url) => new Request(new URL(url, self.registration.scope), { cache: "reload" }))))
      .then(() => searchWanted())
      .then((wanted) => wanted && saveSearch().catch(() => {})) // search is a bonus: the shell installs anyway
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((n) => n.startsWith("catalogue-") && n !== CACHE && n !== SAVED && n !== SEARCH_CACHE).map((n) => caches.delete(n))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin || url.href === self.location.href) return;
  event.respondWith(request.mode === "navigate" ? page(request, event) : asset(request, event));
});

// A response is handed to the page at once, while its copy is stored (event.waitUntil): on a
// slow connection the page shows as it arrives instead of once all of it is in the cache.
async function page(request, event) {
  const url = new URL(request.url);
  url.search = "";
  let response;
  try {
    response = await fetch(request.url, { cache: "no-cache", credentials: "same-origin" });
  } catch (offline) {
    const cached = await caches.match(url.href);
    if (cached) return cached;
    const language = LANGUAGE_FOLDERS.find((folder) => url.href.startsWith(new URL(folder, self.registration.scope).href));
    if (language) return offlinePage(new URL(url.href.startsWith(new URL(language + "easy-read/", self.registration.scope).href) ? language + "easy-read/offline/" : language + "offline/", self.registration.scope).href);
    const easy = url.href.startsWith(new URL("easy-read/", self.registration.scope).href);
    return offlinePage(easy ? EASY_OFFLINE_PAGE : OFFLINE_PAGE);
  }
  if (response.ok) event.waitUntil(keepPage(url.href, response.clone()));
  return response;
}

async function keepPage(address, copy) {
  const cache = await caches.open(CACHE);
  await cache.put(address, copy.clone());
  const saved = await caches.open(SAVED);
  if (await saved.match(address)) await saved.put(address, copy);
}

// The offline page is shown at the address that failed, so its relative links need a <base>.
async function offlinePage(address) {
  const cached = await caches.match(address);
  if (!cached) return Response.error();
  const html = (await cached.text()).replace("<head>", `<head><base href="${address}">`);
  return new Response(html, { headers: { "Content-Type": "text/html; charset=utf-8" } });
}

async function asset(request, event) {
  // Pagefind adds a timestamp to some requests; the cached copy of this release is the right one.
  const cached = await caches.match(request, { ignoreSearch: true });
  if (cached) return cached;
  let response;
  try {
    response = await fetch(request);
  } catch (offline) {
    // Pagefind skips a search file it cannot load without saying so: count it for the search page.
    if (new URL(request.url).pathname.includes("/pagefind/")) searchMissed += 1;
    throw offline;
  }
  if (response.ok) {
    const copy = response.clone();
    event.waitUntil(caches.open(CACHE).then((cache) => cache.put(request, copy)));
  }
  return response;
}

self.addEventListener("message", (event) => {
  const reply = (message) => event.source && event.source.postMessage(message);
  if (event.data === "save-search") {
    event.waitUntil(
      saveSearch((done, total) => reply({ search: "progress", done, total })).then(
        () => reply({ search: "saved" }),
        () => reply({ search: "failed" }),
      ),
    );
  } else if (event.data === "search-missed" && event.ports[0]) {
    event.ports[0].postMessage(searchMissed);
  } else if (event.data === "remove-search") {
    event.waitUntil(caches.delete(SEARCH_CACHE).then(() => reply({ search: "removed" })));
  }
});

// Saved automatically under the budget, or again after a new release for someone who asked before.
async function searchWanted() {
  return SEARCH_AUTO || (await caches.keys()).some((name) => name.startsWith("catalogue-search-"));
}

async function saveSearch(progress = () => {}) {
  const list = await (await fetch(SEARCH_LIST, { cache: "no-cache" })).json();
  const cache = await caches.open(SEARCH_CACHE);
  const queue = [...list.files];
  let done = 0;
  const next = async () => {
    for (let file = queue.shift(); file; file = queue.shift()) {
      const url = new URL(file[0], self.registration.scope).href;
      if (!(await cache.match(url))) {
        const response = await fetch(url, { cache: "no-cache" });
        if (!response.ok) throw new Error(`${url}: ${response.status}`);
        await cache.put(url, response);
      }
      done += file[1];
      progress(done, list.bytes);
    }
  };
  await Promise.all([1, 2, 3, 4, 5, 6].map(next)); // a few at a time, so pages still load meanwhile
  await cache.put(SEARCH_LIST, new Response(JSON.stringify(list), { headers: { "Content-Type": "application/json" } }));
}

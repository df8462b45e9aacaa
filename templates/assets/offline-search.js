// Search with no signal. The service worker saves every search file (both versions) on the
// device: by itself when the index is within the site's budget, or when someone chooses
// "Make search work without internet" here. search.js asks this module whether an answer can
// be trusted offline: Pagefind skips a file it cannot load without saying so, so the service
// worker counts each one it could not serve, and a search that needed one says so in words.

// Interface words in the page's language: the page carries those that differ from the English here
// (data-messages on <body>, from builder/pages/phrases.py SCRIPT_WORDS).
const WORDS = JSON.parse(document.body.dataset.messages || "{}");
const t = (english, values = {}) => (WORDS[english] || english).replace(/\{(\w+)\}/g, (all, key) => (key in values ? values[key] : all));
const section = document.getElementById("offline-search");
const form = document.getElementById("search-form");
const easy = form && form.dataset.version === "easy";
const root = new URL((form && form.dataset.root) || "./", location.href);
const LIST = new URL("search-files.json", root).href; // stored last by the service worker: "all saved"
const SIZE = new URL("search-size.json", root).href;

let unanswered = false; // the last search needed a file that could not be loaded

let listing;
async function readListing() {
  if (listing === undefined) {
    listing = await fetch(SIZE).then((response) => (response.ok ? response.json() : null)).catch(() => null);
  }
  return listing;
}

export async function searchSaved() {
  const list = await readListing();
  if (!list || !("caches" in self)) return false;
  return Boolean(await caches.match(LIST, { cacheName: `catalogue-search-${list.version}` }));
}

// How many search files the service worker could not serve so far. Asked before and after a
// search: the worker counts a miss before the failed file reaches Pagefind, so the answer after
// a search includes every miss that search had. (navigator.onLine is no guide: it says "online"
// on wifi with no internet.)
export function missedSoFar() {
  const worker = "serviceWorker" in navigator && navigator.serviceWorker.controller;
  if (!worker) return Promise.resolve(0);
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = (event) => resolve(event.data);
    worker.postMessage("search-missed", [channel.port2]);
  });
}

export async function unanswerable(missedBefore) {
  unanswered = (await missedSoFar()) > missedBefore;
  return unanswered;
}

// Pagefind remembers a file it failed to load, so after such a search it must start again.
export function indexNeedsReload() {
  return unanswered;
}

export function sayUnanswerable() {
  const text = easy
    ? t("Search needs the internet to find this. Try again when you have internet.")
    : t("Search cannot answer this without an internet connection, because search is not fully saved on this device. Connect to the internet and search again, or use the browse pages.");
  document.getElementById("search-status").textContent = text;
  const heading = document.getElementById("results-heading");
  heading.textContent = easy ? t("No internet") : t("This search needs the internet");
  heading.hidden = false;
  for (const id of ["results", "pagination"]) {
    document.getElementById(id).replaceChildren();
    document.getElementById(id).hidden = true;
  }
}

// ------------------------------------------------------------- "Make search work without internet"

function $(id) {
  return document.getElementById(id);
}

function show(state, list) {
  const saved = state === "saved";
  $("offline-search-save").hidden = saved || state === "saving";
  $("offline-search-remove").hidden = !saved || list.auto;
  $("offline-search-progress").hidden = state !== "saving";
  $("offline-search-size").textContent = list.size;
  $("offline-search-status").textContent = {
    saved: easy ? t("Search works with no internet on this phone or computer.") : t("Search works without internet on this device."),
    saving: easy ? t("Saving search. Please wait.") : t("Saving search on this device ({size})…", { size: list.size }),
    failed: easy ? t("Saving search did not work. Try again when you have internet.") : t("Search could not be saved. Check your internet connection and try again."),
    removed: easy ? t("Search is not saved on this phone or computer now.") : t("Saved search removed from this device."),
    offer: "",
  }[state];
}

async function offerSaving() {
  if (!section || !("serviceWorker" in navigator) || !("caches" in self)) return;
  const registration = await navigator.serviceWorker.ready;
  const list = await readListing();
  if (!list || !list.files) return;
  section.hidden = false;
  show((await searchSaved()) ? "saved" : "offer", list);
  navigator.serviceWorker.addEventListener("message", (event) => {
    const news = event.data || {};
    if (news.search === "progress") {
      $("offline-search-progress").value = Math.round((100 * news.done) / news.total);
    } else if (news.search) {
      show(news.search, list);
      $(news.search === "saved" ? "offline-search-remove" : "offline-search-save").focus();
    }
  });
  $("offline-search-save").addEventListener("click", () => {
    $("offline-search-progress").value = 0;
    show("saving", list);
    (navigator.serviceWorker.controller || registration.active).postMessage("save-search");
  });
  $("offline-search-remove").addEventListener("click", () => {
    (navigator.serviceWorker.controller || registration.active).postMessage("remove-search");
  });
}

offerSaving().catch((error) => console.error(error));

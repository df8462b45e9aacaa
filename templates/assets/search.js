// Search over the Pagefind index, with our own accessible markup (rules S-1 to S-7).
// The query, filters, page and sort live in the URL, so back, refresh and shared links work.
// Without JavaScript the page shows links to the browse pages instead.

import * as offlineSearch from "./offline-search.js";

// Interface words in the page's language: the page carries those that differ from the English here
// (data-messages on <body>, from builder/pages/phrases.py SCRIPT_WORDS).
const WORDS = JSON.parse(document.body.dataset.messages || "{}");
const t = (english, values = {}) => (WORDS[english] || english).replace(/\{(\w+)\}/g, (all, key) => (key in values ? values[key] : all));
const PER_PAGE = 20;
const form = document.getElementById("search-form");
// The Easy Read page gives its own words for every message (data-messages, from builder/easyread/filter_questions.py).
const EASY = Boolean(form && form.dataset.version === "easy");
const MESSAGES = JSON.parse((form && form.dataset.messages) || "{}");

function say(key, values = {}) {
  return MESSAGES[key].replace(/\{(\w+)\}/g, (_, name) => values[name]);
}

// What the reader saw on the filter's checkbox (Easy Read words), for the value the index holds.
function labelOf(name, value) {
  const box = [...form.querySelectorAll(`input[name="${CSS.escape(name)}"]`)].find((b) => b.value === value);
  const label = box && form.querySelector(`label[for="${box.id}"] [data-label]`);
  return label ? label.textContent : value;
}

// Words the page shows in another language than its own (filters and results not yet translated) are
// marked with their lang by app.js's markWords: [[words, lang], ...].
const markWords = (element, pairs) => (window.catalogueList ? window.catalogueList.markWords(element, pairs) : element);

// The language of a filter's words where it is not the page's (the label's lang, from the build), or "".
function langOf(name, value) {
  const box = [...form.querySelectorAll(`input[name="${CSS.escape(name)}"]`)].find((b) => b.value === value);
  const marked = box && form.querySelector(`label[for="${box.id}"] [lang]`);
  return marked ? marked.lang : "";
}

function chosenWords(filters) {
  return Object.entries(filters).flatMap(([name, values]) => values.map((value) => [EASY ? labelOf(name, value) : value, langOf(name, value)]));
}

// A result's list (areas, who) with the language of each of its words, where the build gave them (search.py).
function parts(meta, name) {
  try {
    return meta[`${name}_parts`] ? JSON.parse(meta[`${name}_parts`]) : [];
  } catch {
    return [];
  }
}

if (form) {
  start().catch((error) => {
    document.getElementById("search-nojs").hidden = false;
    setStatus(EASY ? say("start_failed") : t("Search could not start. Please use the browse pages."));
    console.error(error);
  });
}

function $(id) {
  return document.getElementById(id);
}

function setStatus(text) {
  $("search-status").textContent = text;
}

async function start() {
  $("search-nojs").hidden = true;
  const state = readUrl();
  const input = $("search-input");
  input.value = state.q;
  setBoxes(state.filters);

  // Listen at once: people may type before the index has loaded.
  const ready = loadPagefind();
  let typing;
  input.addEventListener("input", () => {
    clearTimeout(typing);
    typing = setTimeout(async () => run(await ready, { page: 1, push: false }), 300);
  });
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    run(await ready, { page: 1, push: true, focusHeading: true });
  });
  window.addEventListener("popstate", async () => {
    const again = readUrl();
    input.value = again.q;
    setBoxes(again.filters);
    run(await ready, { page: again.page, push: false, near: again.near, from: again.from });
  });

  const pagefind = await ready;
  const nearMe = $("near-me");
  if (nearMe && "geolocation" in navigator) {
    nearMe.hidden = false;
    nearMe.addEventListener("click", () => locate(pagefind));
  }
  const postcodeBox = $("postcode-box");
  if (postcodeBox) {
    const postcode = await import(new URL("postcode.js", import.meta.url).href);
    postcode.setup(postcodeBox, (near, from) => run(pagefind, { page: 1, push: true, near, from }), state.from);
  }
  if (input.value.trim() || Object.keys(chosenFilters()).length || state.near) {
    await run(pagefind, { page: state.page, push: false, near: state.near, from: state.from });
  }
}

async function loadPagefind() {
  const pagefind = await import(new URL(form.dataset.pagefind + "pagefind.js", location.href).href);
  await pagefind.options({ baseUrl: new URL(form.dataset.root || "./", location.href).pathname });
  await pagefind.init();
  await pagefind.filters(); // loads the filter index, so searches report a count for each filter value
  return pagefind;
}

function setBoxes(filters) {
  for (const box of form.querySelectorAll('input[type="checkbox"]')) {
    box.checked = (filters[box.name] || []).includes(box.value);
  }
}

function readUrl() {
  const params = new URLSearchParams(location.search);
  const filters = {};
  for (const [name, value] of params) {
    if (!["q", "page", "near", "from"].includes(name)) (filters[name] ||= []).push(value);
  }
  const near = params.get("near");
  return {
    q: params.get("q") || "",
    filters,
    page: Math.max(1, parseInt(params.get("page") || "1", 10) || 1),
    near: near && /^-?\d+(\.\d+)?,-?\d+(\.\d+)?$/.test(near) ? near.split(",").map(Number) : null,
    from: (near && params.get("from")) || "", // the postcode the distances are from
  };
}

function chosenFilters() {
  const filters = {};
  for (const box of form.querySelectorAll('input[type="checkbox"]:checked')) {
    (filters[box.name] ||= []).push(box.value);
  }
  return filters;
}

function writeUrl(query, filters, page, near, push) {
  const params = new URLSearchParams();
  if (query) params.set("q", query);
  for (const [name, values] of Object.entries(filters)) values.forEach((v) => params.append(name, v));
  if (page > 1) params.set("page", String(page));
  if (near) params.set("near", near.map((n) => n.toFixed(4)).join(","));
  if (near && currentFrom) params.set("from", currentFrom);
  const url = location.pathname + (params.toString() ? "?" + params : "");
  history[push ? "pushState" : "replaceState"](null, "", url);
  return params;
}

let currentNear = null;
let currentFrom = ""; // a postcode, when the distances are from one rather than from "me"
let latestSearch = 0; // answers to older searches that arrive late are dropped

async function run(pagefind, { page = 1, push = false, near = undefined, from = "", focusHeading = false }) {
  if (near !== undefined) [currentNear, currentFrom] = [near, from];
  const query = $("search-input").value.trim();
  const filters = chosenFilters();
  const params = writeUrl(query, filters, page, currentNear, push);
  const anyFilter = Object.keys(filters).length > 0;
  showSelected(pagefind, filters);

  // A postcode (or "near me") alone lists every service, nearest first.
  const nearOnly = !query && !anyFilter && Boolean(currentNear);
  if (!query && !anyFilter && !nearOnly) {
    setStatus("");
    $("results").hidden = $("results-heading").hidden = $("pagination").hidden = true;
    $("results").replaceChildren();
    document.title = baseTitle();
    return;
  }
  const pagefindFilters = {};
  for (const [name, values] of Object.entries(filters)) pagefindFilters[name] = { any: values };
  if (nearOnly) pagefindFilters.kind = { any: [t("Service")] }; // the value services carry, in the page's language
  const mine = ++latestSearch;
  if (offlineSearch.indexNeedsReload()) await pagefind.destroy().then(loadPagefind);
  const missedBefore = await offlineSearch.missedSoFar();
  const search = await pagefind.search(query || null, { filters: pagefindFilters });
  if (!search || mine !== latestSearch) return;
  if (await offlineSearch.unanswerable(missedBefore)) {
    if (mine === latestSearch) offlineSearch.sayUnanswerable();
    return;
  }
  updateCounts(search.filters);

  let results = search.results;
  let data;
  if (currentNear) {
    data = await Promise.all(results.map((r) => r.data()));
    const order = data.map((d, i) => ({ d, r: results[i], km: distance(currentNear, d.meta) }));
    order.sort((a, b) => (a.km ?? Infinity) - (b.km ?? Infinity));
    results = order.map((o) => o.r);
    data = order.map((o) => o.d);
  }
  const total = results.length;
  const pages = Math.max(1, Math.ceil(total / PER_PAGE));
  page = Math.min(page, pages);
  const shown = results.slice((page - 1) * PER_PAGE, page * PER_PAGE);
  const shownData = data ? data.slice((page - 1) * PER_PAGE, page * PER_PAGE) : await Promise.all(shown.map((r) => r.data()));
  if (mine !== latestSearch) return;

  const what = describe(query, filters);
  const summary = EASY ? easySummary(total, query, filters)
    : nearOnly ? (total === 0 ? t("No services") : total === 1 ? t("1 service") : t("{count} services", { count: total }))
    : total === 0 ? t("No results {what}", { what }) : total === 1 ? t("1 result {what}", { what }) : t("{count} results {what}", { count: total, what });
  setStatus(EASY ? summary : summary + (currentNear ? (currentFrom ? t(", nearest to {postcode} first", { postcode: currentFrom }) : t(", nearest first")) : "") + ".");
  const heading = $("results-heading");
  heading.hidden = false;
  const pageNote = pages <= 1 ? "" : EASY ? ` ${say("page", { page, pages })}` : t(" (page {page} of {pages})", { page, pages });
  heading.textContent = summary + pageNote;
  markWords(heading, chosenWords(filters));
  markWords($("search-status"), chosenWords(filters));
  document.title = `${summary}${pageNote} – ${baseTitle()}`;
  renderResults(shownData);
  renderPagination(params, page, pages);
  if (focusHeading) heading.focus();
}

function baseTitle() {
  return form.dataset.baseTitle || (form.dataset.baseTitle = document.title);
}

function easySummary(total, query, filters) {
  const nearOnly = !query && !Object.keys(filters).length && Boolean(currentNear);
  const parts = [nearOnly ? (total === 0 ? say("no_services") : total === 1 ? say("one_service") : say("many_services", { count: total }))
    : total === 0 ? say("none") : total === 1 ? say("one") : say("many", { count: total })];
  if (query) parts.push(say("query", { query }));
  const chosen = Object.entries(filters).flatMap(([name, values]) => values.map((value) => labelOf(name, value)));
  if (chosen.length) parts.push(say("filters", { filters: chosen.join(", ") }));
  if (currentNear) parts.push(currentFrom ? say("nearest_to", { postcode: currentFrom }) : say("nearest"));
  return parts.join(" ");
}

function describe(query, filters) {
  const parts = [];
  if (query) parts.push(t("for ‘{query}’", { query }));
  const chosen = Object.values(filters).flat();
  if (chosen.length) parts.push(t("with {filters}", { filters: chosen.join(", ") }));
  return parts.join(" ");
}

function updateCounts(counts) {
  for (const box of form.querySelectorAll('input[type="checkbox"]')) {
    const label = form.querySelector(`label[for="${box.id}"] [data-count]`);
    if (label) label.textContent = `(${(counts[box.name] || {})[box.value] || 0})`;
  }
}

function showSelected(pagefind, filters) {
  const holder = $("selected-filters");
  holder.replaceChildren();
  const chosen = Object.entries(filters).flatMap(([name, values]) => values.map((value) => ({ name, value })));
  if (!chosen.length) return;
  const heading = document.createElement("h2");
  heading.textContent = EASY ? say("selected") : t("Selected filters");
  heading.className = "selected-filters__heading";
  const list = document.createElement("ul");
  list.className = "selected-filters";
  for (const { name, value } of chosen) {
    const item = document.createElement("li");
    const button = document.createElement("button");
    button.type = "button";
    button.className = "remove-filter";
    button.textContent = EASY ? say("remove", { value: labelOf(name, value) }) : t("Remove filter: {value}", { value });
    markWords(button, [[EASY ? labelOf(name, value) : value, langOf(name, value)]]);
    button.addEventListener("click", () => {
      const box = [...form.querySelectorAll(`input[name="${CSS.escape(name)}"]`)].find((b) => b.value === value);
      if (box) box.checked = false;
      run(pagefind, { page: 1, push: true }).then(() => $("search-input").focus());
    });
    item.append(button);
    list.append(item);
  }
  holder.append(heading, list);
}

function renderResults(items) {
  const list = $("results");
  list.replaceChildren();
  list.hidden = items.length === 0;
  const easy = form.dataset.version === "easy";
  for (const data of items) {
    const item = document.createElement("li");
    item.className = "result";
    const heading = document.createElement("h3");
    const link = document.createElement("a");
    link.href = data.url;
    link.textContent = data.meta.title || data.url;
    if (data.meta.title_lang) link.lang = data.meta.title_lang;
    heading.append(link);
    if (EASY && data.meta.picture) {
      const picture = document.createElement("img");
      picture.src = form.dataset.pictures + data.meta.picture;
      picture.alt = "";
      picture.className = "result__picture";
      item.append(picture);
    }
    item.append(heading);
    const kind = (data.filters.kind || [])[0] || "";
    const tag = document.createElement("p");
    tag.className = "result__kind";
    const closed = data.meta.status && data.meta.status !== t("Open") ? data.meta.status : "";
    tag.textContent = easy ? (closed ? labelOf("status", closed) : "") : [t("Standard"), kind, closed].filter(Boolean).join(" · ");
    if (tag.textContent) item.append(tag);
    if (data.meta.summary) item.append(markWords(paragraph(data.meta.summary, "", data.meta.summary_lang), parts(data.meta, "summary")));
    if (data.meta.areas) item.append(markWords(paragraph(easy ? say("where", { areas: data.meta.areas }) : t("Area: {areas}", { areas: data.meta.areas })), parts(data.meta, "areas")));
    if (data.meta.who) item.append(markWords(paragraph(easy ? say("who", { who: data.meta.who }) : t("Who it is for: {who}", { who: data.meta.who })), parts(data.meta, "who")));
    if (currentNear) {
      const km = distance(currentNear, data.meta);
      item.append(
        paragraph(
          data.meta.at_home ? t("Comes to you at home: distance does not apply") : km == null ? t("Distance not known") : t("About {distance} away", { distance: formatMiles(km) }),
          "result__distance",
        ),
      );
    }
    list.append(item);
  }
}

function paragraph(text, className, lang) {
  const p = document.createElement("p");
  p.textContent = text;
  if (className) p.className = className;
  if (lang) p.lang = lang;
  return p;
}

function renderPagination(params, page, pages) {
  const nav = $("pagination");
  nav.replaceChildren();
  nav.hidden = pages <= 1;
  if (pages <= 1) return;
  const list = document.createElement("ul");
  const add = (label, target, current) => {
    const item = document.createElement("li");
    const link = document.createElement("a");
    const copy = new URLSearchParams(params);
    if (target > 1) copy.set("page", String(target));
    else copy.delete("page");
    link.href = "?" + copy;
    link.textContent = label;
    if (current) link.setAttribute("aria-current", "page");
    item.append(link);
    list.append(item);
  };
  if (page > 1) add(EASY ? say("previous") : t("Previous page"), page - 1, false);
  for (let n = 1; n <= pages; n++) add(EASY ? say("page_link", { page: n }) : t("Page {page}", { page: n }), n, n === page);
  if (page < pages) add(EASY ? say("next") : t("Next page"), page + 1, false);
  nav.append(list);
}

function locate(pagefind) {
  setStatus(t("Finding where you are…"));
  navigator.geolocation.getCurrentPosition(
    (position) => run(pagefind, { page: 1, push: true, near: [position.coords.latitude, position.coords.longitude] }),
    () => setStatus(t("We could not find where you are. Check that location is allowed for this website.")),
    { timeout: 15000, maximumAge: 600000 },
  );
}

function distance(from, meta) {
  if (!meta || meta.at_home || meta.lat == null || meta.lon == null) return null;
  const [lat1, lon1] = from.map((x) => (x * Math.PI) / 180);
  const lat2 = (Number(meta.lat) * Math.PI) / 180;
  const lon2 = (Number(meta.lon) * Math.PI) / 180;
  const h = Math.sin((lat2 - lat1) / 2) ** 2 + Math.cos(lat1) * Math.cos(lat2) * Math.sin((lon2 - lon1) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

function formatMiles(km) {
  const miles = (km / 1.609344).toFixed(1);
  return miles === "0.0" ? t("less than 0.1 miles") : miles === "1.0" ? t("{miles} mile", { miles }) : t("{miles} miles", { miles });
}

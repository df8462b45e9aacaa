// "Find a service" in the offline copy, opened from disk. The page has the site's search form,
// filters and result markup; this answers from find-data.js (written by builder/publish/finder.py)
// because Pagefind cannot run from file://. A plain script, not a module: browsers refuse
// modules and fetches from file://. Results, wording and focus follow search.js.

(function () {
  "use strict";
  // Interface words in the page's language: the page carries those that differ from the English here
  // (data-messages on <body>, from builder/pages/phrases.py SCRIPT_WORDS).
  const WORDS = JSON.parse(document.body.getAttribute("data-messages") || "{}");
  function t(english, values) {
    return (WORDS[english] || english).replace(/\{(\w+)\}/g, function (all, key) { return values && key in values ? values[key] : all; });
  }
  const PER_PAGE = 20;
  const WORD_FILTERS = ["area", "who", "activity", "type"]; // matched as words too, with names, providers and places
  const form = document.getElementById("search-form");
  const data = window.catalogueFind;
  if (!form || !data) return; // the no-JavaScript help stays on show
  const easy = form.dataset.version === "easy";
  const $ = (id) => document.getElementById(id);
  const input = $("search-input");
  const baseTitle = document.title;

  const words = (text) => text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").split(/[^a-z0-9£]+/).filter(Boolean);
  // Words in another language than the page's (not yet translated) keep their lang (finder.py; app.js's markWords).
  const markWords = (element, pairs) => (window.catalogueList ? window.catalogueList.markWords(element, pairs) : element);
  const langOf = new Map(data.values.map(([f, v, lang]) => [f + "\n" + v, lang || ""]));
  const withLang = (filter, values) => values.map((v) => [v, langOf.get(filter + "\n" + v) || ""]);
  const services = data.services.map(([name, url, provider, summary, places, numbers, langs]) => {
    const values = numbers.map((n) => data.values[n]);
    const of = (filter) => values.filter(([f]) => f === filter).map(([, v]) => v);
    const text = [name, provider, places, ...values.filter(([f]) => WORD_FILTERS.includes(f)).map(([, v]) => v)].join(" ");
    return { name, url, summary, langs: langs || {}, of, nameWords: words(name), words: words(text), keys: new Set(values.map(([f, v]) => f + "\n" + v)) };
  });

  function matches(have, wanted) {
    return wanted.every((w) => have.some((h) => h.startsWith(w) || (w.length > 3 && w.endsWith("s") && h.startsWith(w.slice(0, -1)))));
  }

  function find(query, filters) {
    const wanted = words(query);
    const found = services.filter(
      (s) => matches(s.words, wanted) && Object.entries(filters).every(([f, vs]) => vs.some((v) => s.keys.has(f + "\n" + v))),
    );
    // names that match come first, as a search engine ranks them; otherwise A to Z, as written
    return wanted.length ? found.filter((s) => matches(s.nameWords, wanted)).concat(found.filter((s) => !matches(s.nameWords, wanted))) : found;
  }

  function boxes() {
    return [...form.querySelectorAll('input[type="checkbox"]')];
  }

  function chosenFilters() {
    const filters = {};
    for (const box of boxes().filter((b) => b.checked)) (filters[box.name] ||= []).push(box.value);
    return filters;
  }

  function readUrl() {
    const params = new URLSearchParams(location.search);
    input.value = params.get("q") || "";
    for (const box of boxes()) box.checked = params.getAll(box.name).includes(box.value);
    return Math.max(1, parseInt(params.get("page") || "1", 10) || 1);
  }

  function query(filters, page) {
    const params = new URLSearchParams();
    if (input.value.trim()) params.set("q", input.value.trim());
    for (const [name, values] of Object.entries(filters)) values.forEach((v) => params.append(name, v));
    if (page > 1) params.set("page", String(page));
    return params;
  }

  function writeUrl(params, push) {
    try {
      history[push ? "pushState" : "replaceState"](null, "", location.pathname + (params.toString() ? "?" + params : ""));
    } catch (refused) {
      // some browsers keep file:// addresses as they are; the results are shown all the same
    }
  }

  function run({ page = 1, push = false, focusHeading = false } = {}) {
    const filters = chosenFilters();
    const text = input.value.trim();
    const params = query(filters, page);
    writeUrl(params, push);
    showSelected(filters);
    const heading = $("results-heading");
    if (!text && !Object.keys(filters).length) {
      $("search-status").textContent = "";
      $("results").hidden = heading.hidden = $("pagination").hidden = true;
      document.title = baseTitle;
      return;
    }
    const results = find(text, filters);
    updateCounts(results);
    const pages = Math.max(1, Math.ceil(results.length / PER_PAGE));
    page = Math.min(page, pages);
    const what = [text ? t("for ‘{query}’", { query: text }) : "", Object.values(filters).flat().length ? t("with {filters}", { filters: Object.values(filters).flat().join(", ") }) : ""]
      .filter(Boolean)
      .join(" ");
    const summary = results.length === 0 ? t("No results {what}", { what }) : results.length === 1 ? t("1 result {what}", { what }) : t("{count} results {what}", { count: results.length, what });
    $("search-status").textContent = summary + ".";
    heading.hidden = false;
    heading.textContent = pages > 1 ? summary + t(" (page {page} of {pages})", { page, pages }) : summary;
    const chosen = Object.entries(filters).flatMap(([name, values]) => withLang(name, values));
    markWords(heading, chosen);
    markWords($("search-status"), chosen);
    document.title = `${heading.textContent} – ${baseTitle}`;
    showResults(results.slice((page - 1) * PER_PAGE, page * PER_PAGE));
    showPages(params, page, pages);
    if (focusHeading) heading.focus();
  }

  function updateCounts(results) {
    for (const box of boxes()) {
      const count = form.querySelector(`label[for="${box.id}"] [data-count]`);
      if (count) count.textContent = `(${results.filter((s) => s.keys.has(box.name + "\n" + box.value)).length})`;
    }
  }

  function paragraph(text, className, lang) {
    const p = document.createElement("p");
    p.textContent = text;
    if (className) p.className = className;
    if (lang) p.lang = lang;
    return p;
  }

  function showResults(shown) {
    const list = $("results");
    list.replaceChildren();
    list.hidden = !shown.length;
    const root = form.dataset.root || "";
    for (const service of shown) {
      const item = document.createElement("li");
      item.className = "result";
      const heading = document.createElement("h3");
      const link = document.createElement("a");
      link.href = root + service.url;
      link.textContent = service.name;
      if (service.langs.name) link.lang = service.langs.name;
      heading.append(link);
      const status = service.of("status")[0];
      item.append(heading, paragraph([easy ? t("Easy Read") : t("Standard"), t("Service"), status && status !== t("Open") ? status : ""].filter(Boolean).join(" · "), "result__kind"));
      if (service.summary) item.append(paragraph(service.summary, "", service.langs.summary));
      if (service.of("area").length) item.append(markWords(paragraph(easy ? t("Where: {areas}", { areas: service.of("area").join(", ") }) : t("Area: {areas}", { areas: service.of("area").join(", ") })), withLang("area", service.of("area"))));
      if (service.of("who").length) item.append(markWords(paragraph(easy ? t("For: {who}", { who: service.of("who").join(", ") }) : t("Who it is for: {who}", { who: service.of("who").join(", ") })), withLang("who", service.of("who"))));
      list.append(item);
    }
  }

  function showPages(params, page, pages) {
    const nav = $("pagination");
    nav.replaceChildren();
    nav.hidden = pages <= 1;
    if (pages <= 1) return;
    const list = document.createElement("ul");
    const add = (label, target) => {
      const copy = new URLSearchParams(params);
      if (target > 1) copy.set("page", String(target));
      else copy.delete("page");
      const link = document.createElement("a");
      link.href = "?" + copy;
      link.textContent = label;
      if (label === t("Page {page}", { page })) link.setAttribute("aria-current", "page");
      const item = document.createElement("li");
      item.append(link);
      list.append(item);
    };
    if (page > 1) add(t("Previous page"), page - 1);
    for (let n = 1; n <= pages; n++) add(t("Page {page}", { page: n }), n);
    if (page < pages) add(t("Next page"), page + 1);
    nav.append(list);
  }

  function showSelected(filters) {
    const holder = $("selected-filters");
    holder.replaceChildren();
    const chosen = Object.entries(filters).flatMap(([name, values]) => values.map((value) => [name, value]));
    if (!chosen.length) return;
    const heading = document.createElement("h2");
    heading.className = "selected-filters__heading";
    heading.textContent = t("Selected filters");
    const list = document.createElement("ul");
    list.className = "selected-filters";
    for (const [name, value] of chosen) {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "remove-filter";
      button.textContent = t("Remove filter: {value}", { value });
      markWords(button, withLang(name, [value]));
      button.addEventListener("click", () => {
        boxes().filter((b) => b.name === name && b.value === value).forEach((b) => (b.checked = false));
        run({ push: true });
        input.focus();
      });
      const item = document.createElement("li");
      item.append(button);
      list.append(item);
    }
    holder.append(heading, list);
  }

  $("search-nojs").hidden = true;
  let typing;
  input.addEventListener("input", () => {
    clearTimeout(typing);
    typing = setTimeout(() => run(), 300);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    run({ push: true, focusHeading: true });
  });
  window.addEventListener("popstate", () => run({ page: readUrl() }));
  run({ page: readUrl() });
})();

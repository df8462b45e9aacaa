// Small enhancements for every page; the site works without them.
// - registers the service worker (offline use) once the page has loaded, except when opened from disk;
// - "Save to my list" on service pages, kept in this browser (localStorage) and cached for offline use;
// - the "My list" page and the list of pages saved for offline use on the offline page.

(function () {
  "use strict";
  // Interface words in the page's language: the page carries those that differ from the English here
  // (data-messages on <body>, from builder/pages/phrases.py SCRIPT_WORDS).
  var WORDS = JSON.parse(document.body.getAttribute("data-messages") || "{}");
  function t(english, values) {
    return (WORDS[english] || english).replace(/\{(\w+)\}/g, function (all, key) { return values && key in values ? values[key] : all; });
  }
  var KEY = "catalogue-my-list";
  var SAVED_CACHE = "catalogue-saved";
  var root = document.documentElement.getAttribute("data-root") || "./";
  var rootUrl = new URL(root, location.href);
  var online = location.protocol === "http:" || location.protocol === "https:";

  if (online && "serviceWorker" in navigator) {
    // after the page has loaded: installing fetches the shell and maybe all of search
    var register = function () {
      navigator.serviceWorker.register(new URL("sw.js", rootUrl).href).catch(function () {});
    };
    if (document.readyState === "complete") register();
    else window.addEventListener("load", register);
  }

  function readList() {
    try {
      var list = JSON.parse(localStorage.getItem(KEY) || "[]");
      return Array.isArray(list) ? list : [];
    } catch (error) {
      return [];
    }
  }

  function writeList(list) {
    try {
      localStorage.setItem(KEY, JSON.stringify(list));
      return true;
    } catch (error) {
      return false;
    }
  }

  // `foreign`: [[words, lang], ...] the text shows in another language (markWords)
  function announce(region, text, foreign) {
    if (!region) return;
    region.textContent = text;
    markWords(region, foreign);
  }

  // Words in another language than the page's (a name not yet translated) in a <span lang>, where `text`
  // shows them: [[words, lang], ...]; a lang that is the page's own is left alone.
  function markWords(element, pairs) {
    var page = (document.documentElement.lang || "").split("-")[0].toLowerCase();
    (pairs || []).forEach(function (pair) {
      var words = pair[0], lang = pair[1];
      if (!words || !lang || lang.split("-")[0].toLowerCase() === page) return;
      Array.prototype.slice.call(element.childNodes).forEach(function (node) {
        var at = node.nodeType === 3 ? node.data.indexOf(words) : -1;
        if (at < 0) return;
        var part = node.splitText(at);
        part.splitText(words.length);
        var span = document.createElement("span");
        span.lang = lang;
        span.textContent = words;
        part.parentNode.replaceChild(span, part);
      });
    });
    return element;
  }

  function cachePages(urls, keep) {
    if (!online || !("caches" in window)) return;
    caches.open(SAVED_CACHE).then(function (cache) {
      urls.forEach(function (url) {
        if (keep) cache.add(url).catch(function () {});
        else cache.delete(url);
      });
    });
  }

  window.catalogueList = { read: readList, write: writeList, cachePages: cachePages, announce: announce, markWords: markWords };

  // Save buttons on service pages.
  var saveButton = document.querySelector("[data-save-service]");
  if (saveButton && window.localStorage) {
    var status = document.getElementById("save-status");
    var service = {
      id: saveButton.getAttribute("data-id"),
      name: saveButton.getAttribute("data-name"),
      nameLang: saveButton.getAttribute("data-name-lang") || document.documentElement.lang,
      phone: saveButton.getAttribute("data-phone"),
      phoneHref: saveButton.getAttribute("data-phone-href"),
      url: new URL(saveButton.getAttribute("data-url"), rootUrl).pathname,
      easyUrl: new URL(saveButton.getAttribute("data-easy-url"), rootUrl).pathname,
    };
    var isSaved = function () {
      return readList().some(function (item) { return item.id === service.id; });
    };
    var show = function () {
      var saved = isSaved();
      saveButton.setAttribute("aria-pressed", saved ? "true" : "false");
      saveButton.textContent = saved ? t("Saved to my list") : t("Save to my list");
    };
    saveButton.hidden = false;
    var listLink = document.getElementById("my-list-link");
    if (listLink) listLink.hidden = false;
    show();
    saveButton.addEventListener("click", function () {
      var list = readList().filter(function (item) { return item.id !== service.id; });
      var saving = !isSaved();
      if (saving) list.push(service);
      if (!writeList(list)) {
        announce(status, t("Your browser would not save the list."));
        return;
      }
      cachePages([service.url, service.easyUrl], saving);
      show();
      announce(status, saving ? t("{name} is saved to your list.", { name: service.name }) : t("{name} is removed from your list.", { name: service.name }),
               [[service.name, service.nameLang]]);
    });
  }

})();

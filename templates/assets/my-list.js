// The "My list" page and the offline page's list of pages saved for offline use.
// Loaded only on those two pages; the list itself is kept by app.js in localStorage.

(function () {
  "use strict";
  // Interface words in the page's language: the page carries those that differ from the English here
  // (data-messages on <body>, from builder/pages/phrases.py SCRIPT_WORDS).
  var WORDS = JSON.parse(document.body.getAttribute("data-messages") || "{}");
  function t(english, values) {
    return (WORDS[english] || english).replace(/\{(\w+)\}/g, function (all, key) { return values && key in values ? values[key] : all; });
  }

  var shared = window.catalogueList; // from app.js, which runs first
  var readList = shared.read;
  var writeList = shared.write;
  var cachePages = shared.cachePages;
  var announce = shared.announce;

  // The My list page.
  var listHolder = document.getElementById("my-list");
  if (listHolder) {
    var easy = listHolder.getAttribute("data-version") === "easy";
    var listStatus = document.getElementById("my-list-status");
    var render = function () {
      var list = readList();
      listHolder.replaceChildren();
      document.getElementById("my-list-empty").hidden = list.length > 0;
      document.getElementById("my-list-actions").hidden = list.length === 0;
      list.forEach(function (item) {
        var li = document.createElement("li");
        li.className = "my-list__item";
        var heading = document.createElement("h2");
        var link = document.createElement("a");
        link.href = easy ? item.easyUrl : item.url;
        link.textContent = item.name;
        heading.appendChild(link);
        shared.markWords(link, [[item.name, item.nameLang]]);
        li.appendChild(heading);
        if (item.phone) {
          var p = document.createElement("p");
          p.appendChild(document.createTextNode(t("Phone:") + " "));
          var tel = document.createElement("a");
          tel.href = item.phoneHref;
          tel.className = "phone";
          tel.textContent = item.phone;
          p.appendChild(tel);
          li.appendChild(p);
        }
        var remove = document.createElement("button");
        remove.type = "button";
        remove.className = "remove-filter";
        remove.textContent = t("Remove {name} from my list", { name: item.name });
        shared.markWords(remove, [[item.name, item.nameLang]]);
        remove.addEventListener("click", function () {
          writeList(readList().filter(function (other) { return other.id !== item.id; }));
          cachePages([item.url, item.easyUrl], false);
          render();
          announce(listStatus, t("{name} is removed from your list.", { name: item.name }), [[item.name, item.nameLang]]);
          document.getElementById("my-list-heading").focus();
        });
        li.appendChild(remove);
        listHolder.appendChild(li);
      });
      var text = asText(list);
      var mail = document.getElementById("my-list-email");
      if (mail) mail.href = "mailto:?subject=" + encodeURIComponent(document.title) + "&body=" + encodeURIComponent(text);
    };
    var asText = function (list) {
      return list
        .map(function (item) {
          return item.name + (item.phone ? "\n" + t("Phone:") + " " + item.phone : "") + "\n" + new URL(easy ? item.easyUrl : item.url, location.href).href;
        })
        .join("\n\n");
    };
    document.getElementById("my-list-js").hidden = false;
    document.getElementById("my-list-nojs").hidden = true;
    var copy = document.getElementById("my-list-copy");
    copy.addEventListener("click", function () {
      var text = asText(readList());
      var done = function () { announce(listStatus, t("Your list is copied. You can paste it into a message.")); };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(text).then(done, function () { fallbackCopy(text); done(); });
      } else {
        fallbackCopy(text);
        done();
      }
    });
    document.getElementById("my-list-print").addEventListener("click", function () { window.print(); });
    render();
  }

  function fallbackCopy(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    try { document.execCommand("copy"); } catch (error) { /* nothing more we can do */ }
    document.body.removeChild(area);
  }

  // The offline page: which pages can be opened without a connection.
  var available = document.getElementById("offline-pages");
  if (available && "caches" in window) {
    caches.keys().then(function (names) {
      return Promise.all(names.filter(function (n) { return n.indexOf("catalogue-") === 0; }).map(function (n) { return caches.open(n); }));
    }).then(function (stores) {
      return Promise.all(stores.map(function (cache) { return cache.keys(); }));
    }).then(function (groups) {
      var seen = {};
      var pages = [];
      groups.forEach(function (requests) {
        requests.forEach(function (request) {
          var url = new URL(request.url);
          if (url.pathname.slice(-1) !== "/" || seen[url.pathname] || url.pathname.indexOf("/offline/") !== -1) return;
          seen[url.pathname] = true;
          pages.push(url);
        });
      });
      return Promise.all(pages.map(function (url) {
        return caches.match(url.href).then(function (response) { return response ? response.text() : ""; }).then(function (html) {
          var match = /<title>([^<]*)<\/title>/.exec(html);
          var title = match ? new DOMParser().parseFromString(match[1], "text/html").documentElement.textContent : url.pathname;
          return { url: url.pathname, title: title };
        });
      }));
    }).then(function (pages) {
      pages.sort(function (a, b) { return a.title.localeCompare(b.title); });
      available.replaceChildren();
      pages.forEach(function (page) {
        var li = document.createElement("li");
        var link = document.createElement("a");
        link.href = page.url;
        link.textContent = page.title;
        li.appendChild(link);
        available.appendChild(li);
      });
      document.getElementById("offline-pages-section").hidden = pages.length === 0;
    }).catch(function () {});
  }
})();

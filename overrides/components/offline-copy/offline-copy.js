/**
 * « Garder ce guide sur ce téléphone »: an opt-in offline copy of the current language.
 * Nothing is registered or cached until the reader presses the button; « Retirer » unregisters
 * the service worker and deletes every cache it made. Works over http(s) only (a zip copy is
 * already offline).
 */
(function () {
  "use strict";

  var box = document.querySelector("[data-module=abri-offline-copy]");
  if (!box) return;
  if (!("serviceWorker" in navigator) || !/^https?:$/.test(location.protocol)) return;
  var keep = box.querySelector("[data-action=keep]");
  var remove = box.querySelector("[data-action=remove]");
  var status = box.querySelector("[role=status]");
  var root = new URL(box.getAttribute("data-root"), location.href);
  var langRoot = new URL(box.getAttribute("data-lang-root"), location.href);
  var lang = box.getAttribute("data-lang");
  box.hidden = false;

  function say(key, n) {
    status.textContent = (box.getAttribute("data-i18n-" + key) || "").replace("{n}", String(n || ""));
  }

  /** Every page of this language (from the search index) and the files pages need. */
  function urlsToCache() {
    return new Promise(function (resolve, reject) {
      if (window.__abriSearch) return resolve();
      var script = document.createElement("script");
      script.src = new URL("search/index.js", langRoot).href;
      script.onload = function () { resolve(); };
      script.onerror = reject;
      document.head.appendChild(script);
    }).then(function () {
      var urls = {};
      window.__abriSearch.pages.forEach(function (page) { urls[new URL(page[0], langRoot).href] = true; });
      var assets = document.querySelectorAll("link[rel=stylesheet], script[src], link[rel=icon]");
      for (var i = 0; i < assets.length; i++) urls[assets[i].href || assets[i].src] = true;
      ["search/index.js"].forEach(function (p) { urls[new URL(p, langRoot).href] = true; });
      var lunrBase = document.querySelector(".abri-search");
      if (lunrBase) {
        var base = new URL(lunrBase.getAttribute("data-lunr"), location.href);
        ["lunr.min.js", "lunr.stemmer.support.min.js", "lunr." + lang + ".min.js"].forEach(function (f) {
          if (lang !== "en" || f === "lunr.min.js") urls[new URL(f, base).href] = true;
        });
      }
      urls[new URL("nouvel-onglet.html", root).href] = true;
      return Object.keys(urls);
    });
  }

  keep.addEventListener("click", function () {
    say("working");
    var registration;
    navigator.serviceWorker.register(new URL("sw.js", root).href, { scope: root.href }).then(function (reg) {
      registration = reg;
      return navigator.serviceWorker.ready;
    }).then(function () {
      return urlsToCache();
    }).then(function (urls) {
      return new Promise(function (resolve, reject) {
        var worker = registration.active || navigator.serviceWorker.controller;
        navigator.serviceWorker.addEventListener("message", function onMessage(event) {
          navigator.serviceWorker.removeEventListener("message", onMessage);
          if (event.data && event.data.type === "cached") resolve(event.data.count);
          else reject(new Error(event.data && event.data.message));
        });
        worker.postMessage({ type: "cache", lang: lang, urls: urls });
      });
    }).then(function (count) {
      say("kept", count);
      remove.hidden = false;
    }).catch(function () { say("failed"); });
  });

  remove.addEventListener("click", function () {
    navigator.serviceWorker.getRegistrations().then(function (regs) {
      return Promise.all(regs.map(function (reg) { return reg.unregister(); }));
    }).then(function () {
      return caches.keys();
    }).then(function (keys) {
      return Promise.all(keys.filter(function (k) { return k.indexOf("abri-offline-") === 0; }).map(function (k) { return caches.delete(k); }));
    }).then(function () {
      say("removed");
    });
  });

  navigator.serviceWorker.getRegistrations().then(function (regs) {
    if (regs.length) remove.hidden = false;
  });
})();

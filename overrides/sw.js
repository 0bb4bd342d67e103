/**
 * Abri offline copy (service worker). Registered only when the reader presses « Garder ce guide
 * sur ce téléphone » (components/offline-copy/offline-copy.js); removed by « Retirer ».
 * It caches the pages of one language on request and answers from that cache first, so the
 * guide opens with no network. It never caches anything on its own.
 */
"use strict";

var CACHE_PREFIX = "abri-offline-";

self.addEventListener("install", function () { self.skipWaiting(); });
self.addEventListener("activate", function (event) { event.waitUntil(self.clients.claim()); });

self.addEventListener("message", function (event) {
  var data = event.data || {};
  if (data.type !== "cache" || !Array.isArray(data.urls)) return;
  var name = CACHE_PREFIX + String(data.lang || "fr");
  event.waitUntil(
    caches.open(name).then(function (cache) {
      return cache.addAll(data.urls);
    }).then(function () {
      event.source.postMessage({ type: "cached", count: data.urls.length });
    }, function (error) {
      event.source.postMessage({ type: "failed", message: String(error) });
    })
  );
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    caches.match(request, { ignoreSearch: true }).then(function (hit) {
      return hit || fetch(request).catch(function () {
        // A folder URL ("preuves/") may be cached as "preuves/index.html" and the reverse.
        var url = new URL(request.url);
        var alt = url.pathname.endsWith("/") ? url.pathname + "index.html" : url.pathname.replace(/index\.html$/, "");
        return caches.match(alt, { ignoreSearch: true }).then(function (other) {
          return other || Response.error();
        });
      });
    })
  );
});

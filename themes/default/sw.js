/* The service worker of this edition of the site (see generator/site/render/offline.py).
   On install it keeps the newest issue; as the reader goes, every page opened. It asks the network
   first, so a reader online always sees the latest build, and answers from what it kept when the
   network is cut (or slow), with the offline page for a page it never kept. A new build with any
   change publishes a new worker (BUILD), which replaces this one and keeps the new newest issue. */
"use strict";

var BUILD = {{ build|tojson }};
var KEEP = {{ keep|tojson }};  // relative to the edition's root: the worker's scope
var OFFLINE = {{ offline|tojson }};
var SCOPE = self.registration.scope;
var PREFIX = "bulletin " + SCOPE + " ";  // this site's caches; another site may share the origin
var SHELL = PREFIX + BUILD;  // the newest issue, made again by every new build
var PAGES = PREFIX + "pages";  // what the reader opened, kept from build to build
var MAX_PAGES = 500;
var PATIENCE = 5000;  // ms to wait for a slow network before answering from the cache

function storable(response) {
  // only complete same-origin answers that HTTP lets us keep (`bulletin serve` says no-store)
  return response.ok && response.type === "basic" && !/no-store/i.test(response.headers.get("Cache-Control") || "");
}

function key(url) {
  var clean = new URL(url);
  clean.search = "";  // search.html?q=… is one page
  clean.hash = "";
  return clean.href;
}

function keep(cache, path) {
  // true once kept; false when the server says not to keep it (then nothing else is asked for)
  var url = new URL(path, SCOPE).href;
  return fetch(url, {cache: "reload"}).then(function (response) {
    if (!response.ok) {
      throw new Error(url + ": " + response.status);  // an incomplete build: keep the last worker
    }
    return storable(response) && cache.put(url, response).then(function () {
      return true;
    });
  });
}

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(SHELL).then(function (cache) {
    return keep(cache, KEEP[0]).then(function (kept) {
      return kept && Promise.all(KEEP.slice(1).map(function (path) {
        return keep(cache, path);
      }));
    });
  }).then(function () {
    return self.skipWaiting();
  }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) {
      return name.indexOf(PREFIX) === 0 && name !== SHELL && name !== PAGES;
    }).map(function (name) {
      return caches.delete(name);
    }));
  }).then(function () {
    return self.clients.claim();
  }));
});

function remember(url, response) {
  return caches.open(PAGES).then(function (cache) {
    return cache.put(key(url), response).then(function () {
      return cache.keys();
    }).then(function (kept) {
      return Promise.all(kept.slice(0, Math.max(0, kept.length - MAX_PAGES)).map(function (old) {
        return cache.delete(old);  // the oldest first: a page put again moves to the end
      }));
    });
  });
}

function kept(request) {
  var url = key(request.url);
  return caches.match(url).then(function (found) {
    if (found || url.slice(-1) !== "/") {
      return found;
    }
    return caches.match(url + "index.html");  // a folder's address is its index.html
  }).then(function (found) {
    if (found || request.mode !== "navigate") {
      return found;
    }
    return caches.match(new URL(OFFLINE, SCOPE).href);
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET" || request.url.indexOf(SCOPE) !== 0) {
    return;
  }
  var network = fetch(request);
  event.waitUntil(network.then(function (response) {
    return storable(response) ? remember(request.url, response.clone()) : undefined;
  }).catch(function () {}));
  event.respondWith(new Promise(function (resolve) {
    var answered = false;
    function answer(response) {
      if (!answered && response) {
        answered = true;
        resolve(response);
      }
    }
    var slow = setTimeout(function () {
      kept(request).then(answer);
    }, PATIENCE);
    network.then(function (response) {
      clearTimeout(slow);
      answer(response);
    }, function () {
      clearTimeout(slow);
      kept(request).then(function (found) {
        answer(found || Response.error());
      });
    });
  }));
});

/* Offline reading on the web: links the web app manifest and registers the service worker of this
   edition (both at its root, two folders above this script). Only over http(s): a site opened from
   disk is left as it is. */
(function () {
  "use strict";
  if (!/^https?:$/.test(location.protocol) || !("serviceWorker" in navigator) || !document.currentScript) {
    return;
  }
  var root = new URL("../../", document.currentScript.src);
  var manifest = document.createElement("link");
  manifest.rel = "manifest";
  manifest.href = new URL("manifest.webmanifest", root).href;
  document.head.appendChild(manifest);
  navigator.serviceWorker.register(new URL("sw.js", root).href, {scope: root.href}).catch(function () {
    // not this site's origin (404.html names the published address), or the browser refuses: the site works without it
  });
})();

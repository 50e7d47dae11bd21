// Live reload for `bulletin serve`; the server adds this script to the pages it serves, never to a build.
// The theme's Content-Security-Policy allows scripts from the site itself and no connections
// (default-src 'none', no connect-src), so EventSource and fetch are blocked: the script long-polls by
// adding <script src="/__bulletin__/wait.js"> elements, which answer by calling bulletinServe(state).
(function () {
  "use strict";
  var self = document.currentScript;
  var build = self.getAttribute("data-build");
  var generation = "";  // empty: the first poll answers at once, so a page opened during an error shows it
  var failures = 0;
  var overlay = null;

  function showProblem(problem) {
    if (!overlay) {
      var style = document.createElement("link");
      style.rel = "stylesheet";
      style.href = "/__bulletin__/overlay.css";
      document.head.appendChild(style);
      overlay = document.createElement("div");
      overlay.id = "bulletin-serve-overlay";
      overlay.setAttribute("role", "alert");
      var heading = document.createElement("p");
      heading.className = "bulletin-serve-heading";
      heading.textContent = "Build failed: this is the last good version of the site. Fix the file and save.";
      var text = document.createElement("pre");
      var close = document.createElement("button");
      close.type = "button";
      close.textContent = "×";
      close.setAttribute("aria-label", "Hide");
      close.addEventListener("click", function () { overlay.hidden = true; });
      overlay.append(close, heading, text);
      document.body.appendChild(overlay);
    }
    overlay.querySelector("pre").textContent = problem.text;
    overlay.hidden = false;
  }

  function poll() {
    var script = document.createElement("script");
    script.src = "/__bulletin__/wait.js?since=" + encodeURIComponent(generation);
    script.addEventListener("load", function () { script.remove(); });
    script.addEventListener("error", function () {  // the server is restarting or gone: try again, slower
      script.remove();
      failures += 1;
      setTimeout(poll, Math.min(10000, 500 * failures));
    });
    document.head.appendChild(script);
  }

  window.bulletinServe = function (state) {
    failures = 0;
    generation = String(state.generation);
    if (state.build !== build) {
      location.reload();  // a newer site (or a restarted server); a remaining problem shows after the reload
      return;
    }
    if (state.problem) {
      showProblem(state.problem);
    } else if (overlay) {
      overlay.hidden = true;
    }
    poll();
  };

  // Scripts added before the load event would hold it (and the tab's spinner) for as long as a poll waits.
  if (document.readyState === "complete") {
    poll();
  } else {
    window.addEventListener("load", function () { setTimeout(poll, 0); });
  }
})();

/* Reading aids on every page: the phone header's search and language buttons, heading anchors with a
   copy-link button, and a back-to-top button. A file of its own (the pages' Content-Security-Policy
   runs no inline script), without modules or fetch, so that it also works opened from disk. Without
   it the page still works: the header buttons are links (to the search page, to the other edition),
   headings keep their ids and the footer has a link back to the top. UI strings come from the data-*
   attributes of its <script> element (the theme's i18n.yml). */
(function () {
  "use strict";

  var script = document.currentScript;
  function uiText(name) {
    return (script && script.getAttribute("data-" + name)) || "";
  }
  function each(list, action) {
    Array.prototype.forEach.call(list, action);
  }

  // The header: a button shows or hides its panel (the search box, the list of editions).
  var openPanels = [];

  function setOpen(toggle, panel, open) {
    panel.classList.toggle("is-open", open);
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
    var index = openPanels.indexOf(toggle);
    if (open && index === -1) openPanels.push(toggle);
    if (!open && index !== -1) openPanels.splice(index, 1);
    if (open) {
      var first = panel.querySelector("input, a[href]");
      if (first) first.focus();
    }
  }

  function panelOf(toggle) {
    return document.getElementById(toggle.getAttribute("aria-controls"));
  }

  each(document.querySelectorAll("[data-toggles]"), function (toggle) {
    var panel = document.getElementById(toggle.getAttribute("data-toggles"));
    // With a single other edition the language button stays a link: one tap switches.
    if (!panel || (panel.id === "edition-list" && panel.querySelectorAll("a[href]").length < 2)) return;
    toggle.setAttribute("role", "button");
    toggle.setAttribute("aria-controls", panel.id);
    toggle.setAttribute("aria-expanded", "false");
    toggle.addEventListener("click", function (event) {
      event.preventDefault();
      setOpen(toggle, panel, toggle.getAttribute("aria-expanded") !== "true");
    });
    toggle.addEventListener("keydown", function (event) {
      if (event.key === " ") {  // a button answers the space bar too
        event.preventDefault();
        toggle.click();
      }
    });
  });

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || !openPanels.length) return;
    var toggle = openPanels[openPanels.length - 1];
    setOpen(toggle, panelOf(toggle), false);
    toggle.focus();
  });

  document.addEventListener("click", function (event) {
    openPanels.slice().forEach(function (toggle) {
      var panel = panelOf(toggle);
      if (!panel.contains(event.target) && !toggle.contains(event.target)) setOpen(toggle, panel, false);
    });
  });

  // Copying a link: the page's public address (its canonical URL) when it has one, so that a link copied
  // from a copy on disk still works for whoever receives it.
  var status = null;
  var statusTimer = null;

  function announce(message) {
    if (!status) {
      status = document.createElement("p");
      status.className = "copy-status";
      status.setAttribute("role", "status");
      document.body.appendChild(status);
    }
    status.textContent = message;
    status.classList.add("is-visible");
    window.clearTimeout(statusTimer);
    statusTimer = window.setTimeout(function () {
      status.classList.remove("is-visible");
      status.textContent = "";
    }, 2500);
  }

  function pageAddress() {
    var canonical = document.querySelector("link[rel=canonical]");
    return canonical ? canonical.href : window.location.href.split("#")[0];
  }

  function copyWithSelection(value) {
    var area = document.createElement("textarea");
    area.value = value;
    area.setAttribute("readonly", "");
    area.className = "visually-hidden";
    document.body.appendChild(area);
    area.select();
    var copied = false;
    try {
      copied = document.execCommand("copy");
    } catch (error) {
      copied = false;
    }
    document.body.removeChild(area);
    return copied;
  }

  function copy(value) {
    function done(copied) {
      announce(copied ? uiText("copied") : uiText("copy-failed"));
    }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(value).then(function () {
        done(true);
      }, function () {
        done(copyWithSelection(value));
      });
    } else {
      done(copyWithSelection(value));
    }
  }

  var LINK_ICON = '<svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">' +
    '<path d="M10 14a4.5 4.5 0 0 0 6.4 0l3-3a4.5 4.5 0 0 0-6.4-6.4l-1.2 1.2M14 10a4.5 4.5 0 0 0-6.4 0l-3 3a4.5 4.5 0 0 0 6.4 6.4l1.2-1.2"' +
    ' fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"/></svg>';

  each(document.querySelectorAll(".prose h2[id], .prose h3[id], .prose h4[id]"), function (heading) {
    var tools = document.createElement("span");
    tools.className = "heading-tools";
    var anchor = document.createElement("a");
    anchor.className = "heading-anchor";
    anchor.href = "#" + heading.id;
    anchor.textContent = "#";
    anchor.setAttribute("aria-label", uiText("anchor"));
    var button = document.createElement("button");
    button.type = "button";
    button.className = "copy-link";
    button.innerHTML = LINK_ICON;
    button.setAttribute("aria-label", uiText("copy"));
    button.title = uiText("copy");
    button.addEventListener("click", function () {
      copy(pageAddress() + "#" + heading.id);
    });
    tools.appendChild(anchor);
    tools.appendChild(button);
    heading.appendChild(tools);
  });

  // Back to top: the button shows once the reader is a screen or more down the page.
  var back = document.querySelector(".back-to-top");
  if (back) {
    var ticking = false;
    var update = function () {
      ticking = false;
      back.classList.toggle("is-visible", window.scrollY > window.innerHeight);
    };
    window.addEventListener("scroll", function () {
      if (!ticking) {
        ticking = true;
        window.requestAnimationFrame(update);
      }
    }, { passive: true });
    update();
  }
})();

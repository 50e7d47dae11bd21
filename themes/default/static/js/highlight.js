/* An article opened from the search page carries what was found in it (?h=数据安全&h=EDA): mark those
 * words in the article and bring the first into view. Without ?h= this does nothing.
 * The words are the article's own text as the search page showed it, so they are matched as they
 * are, ignoring only case and the width of Latin letters and digits. */
(function () {
  "use strict";

  var MAX_MARKS = 200;

  function fold(text) {
    // one character in, one out: offsets in the folded text are offsets in the text
    return text
      .replace(/[\uff01-\uff5e]/g, function (c) {
        return String.fromCharCode(c.charCodeAt(0) - 0xfee0);
      })
      .toLowerCase();
  }

  var words = new URLSearchParams(window.location.search)
    .getAll("h")
    .map(fold)
    .filter(function (word, index, all) {
      return word.trim() && all.indexOf(word) === index;
    })
    .sort(function (a, b) {
      return b.length - a.length; // the longest first where two overlap
    });
  var root = document.querySelector("main article") || document.querySelector("main");
  if (!words.length || !root) {
    return;
  }

  var nodes = [];
  var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (var node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeValue.trim() && !node.parentNode.closest("script, style, mark")) {
      nodes.push(node);
    }
  }

  var marks = [];
  nodes.forEach(function (node) {
    var text = node.nodeValue;
    var folded = fold(text);
    var ranges = [];
    words.forEach(function (word) {
      for (var at = folded.indexOf(word); at !== -1; at = folded.indexOf(word, at + word.length)) {
        var overlaps = ranges.some(function (range) {
          return at < range[1] && at + word.length > range[0];
        });
        if (!overlaps) {
          ranges.push([at, at + word.length]);
        }
      }
    });
    ranges.sort(function (a, b) {
      return b[0] - a[0]; // from the end, so that earlier offsets stay valid as the node is split
    });
    ranges.forEach(function (range) {
      if (marks.length >= MAX_MARKS) {
        return;
      }
      var hit = node.splitText(range[0]);
      hit.splitText(range[1] - range[0]);
      var mark = document.createElement("mark");
      mark.className = "search-hit";
      hit.parentNode.replaceChild(mark, hit);
      mark.appendChild(hit);
      marks.push(mark);
    });
  });

  var first = root.querySelector("mark.search-hit");
  if (first && !window.location.hash) {
    first.scrollIntoView({ block: "center" });
  }
})();

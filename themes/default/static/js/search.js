/* Client-side search over the index written by generator/site/search.py.
 *
 * Works from file:// and online: index files are scripts (search/index.js, t<N>.js, d<N>.js) that
 * assign into window.BulletinSearchData; shards are loaded by adding <script> elements, as the Fetch
 * API cannot read file:// URLs.
 * Results are built with DOM methods (textContent), so no article text is ever parsed as HTML.
 */
(function () {
  "use strict";

  var VERIFY_LIMIT = 200; // candidates whose text is loaded and checked; more are reported as "more than"
  var SNIPPET_BEFORE = 30;
  var SNIPPET_LENGTH = 110;
  var CJK_RUN = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\u{20000}-\u{3134f}]+/gu;
  var WORD = /[a-z0-9]+/g;

  var data = (window.BulletinSearchData = window.BulletinSearchData || {});
  var indexScript = document.querySelector("script[data-search-index]");
  var form = document.getElementById("search-form");
  var input = document.getElementById("search-input");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  if (!indexScript || !form || !input || !status || !list) {
    return;
  }
  var loading = {};
  var generation = 0;

  /* Same folding as generator/site/text.py fold(): full-width ASCII to ASCII, A-Z to a-z. */
  function fold(text) {
    return text
      .replace(/[\uff01-\uff5e]/g, function (c) {
        return String.fromCharCode(c.charCodeAt(0) - 0xfee0);
      })
      .replace(/[A-Z]/g, function (c) {
        return c.toLowerCase();
      });
  }

  /* Same hash as generator/site/search.py term_hash(): FNV-1a over UTF-16 code units. */
  function termHash(term) {
    var h = 0x811c9dc5;
    for (var i = 0; i < term.length; i++) {
      h ^= term.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h >>> 0;
  }

  function termsOf(word) {
    var found = word.match(WORD) || [];
    (word.match(CJK_RUN) || []).forEach(function (run) {
      var chars = Array.from(run);
      for (var i = 0; i + 1 < chars.length; i++) {
        found.push(chars[i] + chars[i + 1]);
      }
    });
    return found;
  }

  function load(name) {
    if (data[name] !== undefined) {
      return Promise.resolve(data[name]);
    }
    if (!loading[name]) {
      loading[name] = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = new URL(name + ".js", indexScript.src).href;
        script.onload = function () {
          resolve(data[name]);
        };
        script.onerror = function () {
          delete loading[name];
          reject(new Error("cannot load search index file " + name));
        };
        document.head.appendChild(script);
      });
    }
    return loading[name];
  }

  function decode(postings) {
    var ids = [];
    var current = 0;
    postings.split(",").forEach(function (part) {
      current += parseInt(part, 36);
      ids.push(current);
    });
    return ids;
  }

  function intersect(a, b) {
    var set = new Set(b);
    return a.filter(function (id) {
      return set.has(id);
    });
  }

  function countOf(haystack, needle) {
    var count = 0;
    var at = haystack.indexOf(needle);
    while (at !== -1) {
      count++;
      at = haystack.indexOf(needle, at + needle.length);
    }
    return count;
  }

  function message(key, values) {
    var text = status.getAttribute("data-" + key) || "";
    Object.keys(values || {}).forEach(function (name) {
      text = text.split("{" + name + "}").join(String(values[name]));
    });
    return text;
  }

  /* Append `text` to `parent`, wrapping every occurrence of a word in <mark>. */
  function highlight(parent, text, words) {
    var folded = fold(text);
    var marks = [];
    words.forEach(function (word) {
      var at = folded.indexOf(word);
      while (at !== -1) {
        marks.push([at, at + word.length]);
        at = folded.indexOf(word, at + word.length);
      }
    });
    marks.sort(function (a, b) {
      return a[0] - b[0] || b[1] - a[1];
    });
    var position = 0;
    marks.forEach(function (range) {
      if (range[0] < position) {
        return;
      }
      parent.appendChild(document.createTextNode(text.slice(position, range[0])));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(range[0], range[1]);
      parent.appendChild(mark);
      position = range[1];
    });
    parent.appendChild(document.createTextNode(text.slice(position)));
  }

  function snippet(text, words) {
    var folded = fold(text);
    var first = -1;
    words.forEach(function (word) {
      var at = folded.indexOf(word);
      if (at !== -1 && (first === -1 || at < first)) {
        first = at;
      }
    });
    var start = Math.max(0, first - SNIPPET_BEFORE);
    var piece = text.slice(start, start + SNIPPET_LENGTH).replace(/\s+/g, " ");
    return (start > 0 ? "…" : "") + piece + (start + SNIPPET_LENGTH < text.length ? "…" : "");
  }

  /* The names of a doc's tags, folded, one per line. */
  function tagText(doc) {
    return (doc[4] || [])
      .map(function (tag) {
        return fold(data.meta.tags[tag][0]);
      })
      .join("\n");
  }

  /* The tag whose name is the query (spaces aside), shown first: its page lists every article it has. */
  function tagNamed(query) {
    var name = fold(query).replace(/\s+/g, "");
    var found = null;
    (data.meta.tags || []).forEach(function (tag) {
      if (fold(tag[0]).replace(/\s+/g, "") === name) {
        found = tag;
      }
    });
    return found;
  }

  /* A result: an <li> of class `itemClass` headed by a link to `href`, appended to the list. */
  function listItem(itemClass, titleClass, href) {
    var item = document.createElement("li");
    item.className = itemClass;
    var heading = document.createElement("h2");
    heading.className = titleClass;
    var link = document.createElement("a");
    link.href = href;
    heading.appendChild(link);
    item.appendChild(heading);
    list.appendChild(item);
    return { item: item, link: link };
  }

  function renderTag(tag) {
    var made = listItem("article-item search-tag", "search-tag-title", tag[1]);
    var item = made.item;
    made.link.textContent = tag[0];
    var info = document.createElement("p");
    info.className = "meta";
    info.textContent = message("tag", { count: tag[2] });
    item.appendChild(info);
  }

  function render(results, words, total, limited, tag) {
    list.textContent = "";
    var meta = data.meta;
    if (tag) {
      renderTag(tag);
    }
    results.forEach(function (result) {
      var doc = meta.docs[result.id];
      var made = listItem("article-item", "article-item-title", doc[0]);
      var item = made.item;
      highlight(made.link, doc[1], words);
      var info = document.createElement("p");
      info.className = "meta";
      var time = document.createElement("time");
      time.dateTime = doc[3];
      time.textContent = doc[3];
      var section = document.createElement("span");
      section.textContent = meta.sections[doc[2]];
      info.appendChild(time);
      info.appendChild(section);
      item.appendChild(info);
      var text = document.createElement("p");
      text.className = "snippet";
      highlight(text, snippet(result.text, words), words);
      item.appendChild(text);
    });
    if (limited) {
      status.textContent = message("found-limited", { count: total, limit: results.length });
    } else {
      status.textContent = message("found", { count: total });
    }
  }

  function search(query) {
    var run = ++generation;
    var words = fold(query).split(/\s+/).filter(function (word, index, all) {
      return word && all.indexOf(word) === index;
    });
    list.textContent = "";
    if (!words.length) {
      status.textContent = message("idle");
      return;
    }
    status.textContent = message("loading");
    var meta = data.meta;
    var termLists = words.map(termsOf);
    var shards = {};
    termLists.forEach(function (terms) {
      terms.forEach(function (term) {
        shards["t" + (termHash(term) % meta.termShards)] = true;
      });
    });
    Promise.all(Object.keys(shards).map(load))
      .then(function () {
        var candidates = null;
        termLists.forEach(function (terms) {
          terms.forEach(function (term) {
            var postings = data["t" + (termHash(term) % meta.termShards)][term];
            var ids = postings ? decode(postings) : [];
            candidates = candidates === null ? ids : intersect(candidates, ids);
          });
        });
        if (candidates === null) {
          // Only single CJK characters: match them in titles.
          candidates = meta.docs.map(function (doc, id) {
            return id;
          });
        }
        // Titles (or tags) containing every word first, then newest first (doc ids are newest first).
        var titleHits = function (id) {
          var title = fold(meta.docs[id][1]) + "\n" + tagText(meta.docs[id]);
          return words.every(function (word) {
            return title.indexOf(word) !== -1;
          });
        };
        candidates.sort(function (a, b) {
          return titleHits(b) - titleHits(a) || a - b;
        });
        var checked = candidates.slice(0, VERIFY_LIMIT);
        var textShards = {};
        checked.forEach(function (id) {
          textShards["d" + Math.floor(id / meta.docsPerShard)] = true;
        });
        return Promise.all(Object.keys(textShards).map(load)).then(function () {
          return { candidates: candidates, checked: checked };
        });
      })
      .then(function (found) {
        if (run !== generation) {
          return;
        }
        var phrase = words.join("");
        var results = [];
        found.checked.forEach(function (id) {
          var doc = meta.docs[id];
          var text = data["d" + Math.floor(id / meta.docsPerShard)][id % meta.docsPerShard];
          var title = fold(doc[1]);
          var tags = tagText(doc);
          var body = fold(text);
          var score = 0;
          var all = words.every(function (word) {
            var inTitle = countOf(title, word);
            var inTags = countOf(tags, word);
            var inBody = countOf(body, word);
            score += inTitle * 20 + inTags * 10 + Math.min(inBody, 10);
            return inTitle + inTags + inBody > 0;
          });
          if (!all) {
            return;
          }
          if (words.length > 1 && (title.indexOf(phrase) !== -1 || body.indexOf(phrase) !== -1)) {
            score += 15;
          }
          results.push({ id: id, score: score, text: text });
        });
        results.sort(function (a, b) {
          return b.score - a.score || a.id - b.id;
        });
        if (!results.length) {
          status.textContent = message("none", { query: query.trim() });
          return;
        }
        var limited = found.candidates.length > found.checked.length;
        render(results, words, limited ? found.candidates.length : results.length, limited, tagNamed(query));
      })
      .catch(function (error) {
        status.textContent = String(error.message || error);
      });
  }

  // The language switch keeps the query: the same search in the other edition.
  function carryQueryToEditions(query) {
    var links = document.querySelectorAll(".edition-switch a[href]");
    Array.prototype.forEach.call(links, function (link) {
      var page = link.getAttribute("href").split("?")[0];
      link.setAttribute("href", query ? page + "?q=" + encodeURIComponent(query) : page);
    });
  }

  function setQueryInUrl(query) {
    carryQueryToEditions(query);
    try {
      var url = new URL(window.location.href);
      url.searchParams.set("q", query);
      window.history.replaceState(null, "", url.href);
    } catch (error) {
      // Some browsers refuse history changes on file:// pages; the search still works.
    }
  }

  var timer = null;
  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(function () {
      setQueryInUrl(input.value);
      search(input.value);
    }, 250);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    window.clearTimeout(timer);
    setQueryInUrl(input.value);
    search(input.value);
  });

  var initial = new URLSearchParams(window.location.search).get("q") || "";
  input.value = initial;
  carryQueryToEditions(initial);
  search(initial);
})();

/* Client-side search over the index written by generator/site/render/search/ (read its docstrings).
 *
 * Works from file:// and online: the index files are scripts (search/index.js, t<N>.js, x<hash>.js,
 * d<id>.js) that assign into window.BulletinSearchData, loaded by adding <script> elements (the
 * Fetch API cannot read file:// URLs). Results are built with DOM methods (textContent): no article
 * text is ever parsed as HTML.
 *
 * A query is folded (case, width, Traditional to Simplified characters) and cut into parts; an
 * article matches when it holds every part. A part of two or more units is verified with the
 * positions of its pairs, so no article text is loaded but that of the results shown, PAGE_SIZE at a
 * time. Words that differ between the editions' vocabularies (数据 / 資料) are tried both ways.
 */
(function () {
  "use strict";

  var PAGE_SIZE = 20;
  var DEBOUNCE_MS = 200;
  var SNIPPET_BEFORE = 30;
  var SNIPPET_LENGTH = 120;
  var MAX_VARIANTS = 8; // spellings of one part tried, at most
  var MAX_NAMES = 8; // tag and section links shown above the results
  // generator/text/cjk.py SEARCH_LETTERS: kana, ideographs, hangul (tests/test_text_layer.py holds them equal)
  var CJK_RUN = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{3134f}\uac00-\ud7af]+/gu;
  var CJK_CHAR = new RegExp("^" + CJK_RUN.source.replace(/\+$/, "") + "$", "u");
  var WORD_CHAR = /^[a-z0-9]$/;
  var QUOTE = /["“”「」『』]/;
  var LAST_DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUV";
  var MORE_DIGITS = "WXYZabcdefghijklmnopqrstuvwxyz-_";

  var data = (window.BulletinSearchData = window.BulletinSearchData || {});
  var indexScript = document.querySelector("script[data-search-index]");
  var form = document.getElementById("search-form");
  var input = document.getElementById("search-input");
  var status = document.getElementById("search-status");
  var names = document.getElementById("search-names");
  var list = document.getElementById("search-results");
  var pager = document.getElementById("search-pager");
  if (!indexScript || !form || !input || !status || !list || !names || !pager) {
    return;
  }
  var loading = {};
  var generation = 0;
  var current = null; // {query, found} of the results shown
  var folding = null; // Traditional character -> Simplified character, from the index
  var foldable = /$^/g; // any character of `folding`
  var vocabulary = null; // a promise of: folded word -> the words it may stand for in this edition's text

  var digitValues = new Int8Array(128).fill(-1);
  for (var d = 0; d < 32; d++) {
    digitValues[LAST_DIGITS.charCodeAt(d)] = d;
    digitValues[MORE_DIGITS.charCodeAt(d)] = 32 + d;
  }

  // ---- loading index files

  /* The value index file `path` (relative to search/, without .js) assigns, as `name` (its path by default). */
  function load(path, name) {
    name = name || path;
    if (data[name] !== undefined) {
      return Promise.resolve(data[name]);
    }
    if (!loading[name]) {
      loading[name] = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = new URL(path + ".js", indexScript.src).href;
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

  /* The numbers generator/site/render/search/codec.py wrote, in a typed array. */
  function decode(text) {
    var numbers = new Int32Array(text.length);
    var count = 0;
    var value = 0;
    for (var i = 0; i < text.length; i++) {
      var digit = digitValues[text.charCodeAt(i)];
      if (digit >= 32) {
        value = value * 32 + digit - 32;
      } else {
        numbers[count++] = value * 32 + digit;
        value = 0;
      }
    }
    return numbers.subarray(0, count);
  }

  /* Same hash as term_hash() in generator/site/render/search/__init__.py: FNV-1a over UTF-16 code units. */
  function termHash(term) {
    var h = 0x811c9dc5;
    for (var i = 0; i < term.length; i++) {
      h ^= term.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h >>> 0;
  }

  // ---- folding and reading a query (generator/site/render/search/terms.py)

  /* The folding and the vocabularies a query needs, read once: index.js, and every edition's words.js. */
  function setUp(meta) {
    if (!folding) {
      folding = {};
      var pairs = Array.from(meta.fold);
      var sources = [];
      for (var i = 0; i + 1 < pairs.length; i += 2) {
        folding[pairs[i]] = pairs[i + 1];
        sources.push(pairs[i]);
      }
      // the table's characters are ideographs of the Basic Multilingual Plane: none needs escaping in a class
      foldable = sources.length ? new RegExp("[" + sources.join("") + "]", "g") : /$^/g;
    }
    if (!vocabulary) {
      vocabulary = Promise.all(
        meta.words.map(function (file) {
          return load(file[0], file[1]).then(function (words) {
            return { own: file[2], words: words || [] };
          }, function () {
            return { own: file[2], words: [] }; // an edition not built yet: no words of its own
          });
        })
      ).then(function (files) {
        var map = {};
        files.forEach(function (file) {
          file.words.forEach(function (pair) {
            // [source word, the edition's word]: this edition shows one of them, a query may hold the other
            var other = file.own ? pair[0] : pair[1];
            var shown = file.own ? pair[1] : pair[0];
            (map[other] = map[other] || []).push(shown);
          });
        });
        return map;
      });
    }
    return vocabulary;
  }

  /* Full-width ASCII to ASCII, A-Z to a-z, Traditional to Simplified: one character in, one out. */
  function fold(text) {
    return text
      .replace(/[\uff01-\uff5e]/g, function (c) {
        return String.fromCharCode(c.charCodeAt(0) - 0xfee0);
      })
      .replace(/[A-Z]/g, function (c) {
        return c.toLowerCase();
      })
      .replace(foldable, function (c) {
        return folding[c];
      });
  }

  function kind(char) {
    if (WORD_CHAR.test(char)) {
      return "word";
    }
    return CJK_CHAR.test(char) ? "cjk" : "";
  }

  /* A part: units (a word or a CJK character) with their offsets in code points. */
  function makePart(units) {
    var start = units[0][1];
    var shifted = units.map(function (unit) {
      return [unit[0], unit[1] - start];
    });
    var text = "";
    shifted.forEach(function (unit) {
      text += " ".repeat(unit[1] - Array.from(text).length) + unit[0];
    });
    return { units: shifted, text: text };
  }

  function partsOf(text, spaced) {
    var chars = Array.from(text);
    var found = [];
    var units = [];
    var end = -2;
    var i = 0;
    while (i < chars.length) {
      var k = kind(chars[i]);
      if (!k) {
        i++;
        continue;
      }
      var start = i;
      while (i < chars.length && kind(chars[i]) === k) {
        i++;
      }
      var joined = start === end || (spaced && start === end + 1 && chars[end] === " ");
      if (units.length && !joined) {
        found.push(makePart(units));
        units = [];
      }
      if (k === "word") {
        units.push([chars.slice(start, i).join(""), start]);
      } else {
        for (var j = start; j < i; j++) {
          units.push([chars[j], j]);
        }
      }
      end = i;
    }
    if (units.length) {
      found.push(makePart(units));
    }
    return found;
  }

  /* The parts of a folded query, each once: words apart, and "quoted phrases". */
  function parts(folded) {
    var found = [];
    folded.split(QUOTE).forEach(function (piece, index) {
      if (index % 2 === 1) {
        found = found.concat(partsOf(piece.trim().split(/\s+/).join(" "), true));
      } else {
        piece.split(/\s+/).forEach(function (word) {
          found = found.concat(partsOf(word, false));
        });
      }
    });
    var seen = {};
    return found.filter(function (part) {
      var fresh = !seen[part.text];
      seen[part.text] = true;
      return fresh;
    });
  }

  /* The part and its spellings in the other vocabulary: the longest word at each place, like OpenCC,
   and the other spelling of each word that holds the whole part. */
  function variants(part, words) {
    var texts = [""];
    var chars = Array.from(part.text);
    var i = 0;
    while (i < chars.length) {
      var match = null;
      for (var length = Math.min(chars.length - i, 12); length >= 2 && !match; length--) {
        var piece = chars.slice(i, i + length).join("");
        if (words[piece]) {
          match = { piece: piece, others: words[piece] };
        }
      }
      if (!match) {
        texts = texts.map(function (text) {
          return text + chars[i];
        });
        i++;
        continue;
      }
      var next = [];
      texts.forEach(function (text) {
        [match.piece].concat(match.others).forEach(function (word) {
          if (next.length < MAX_VARIANTS) {
            next.push(text + word);
          }
        });
      });
      texts = next;
      i += Array.from(match.piece).length;
    }
    // a part inside a word the other vocabulary writes otherwise (记忆体 in 记忆体晶片, of 存储芯片):
    // that word's other spelling holds the part in the other edition's text
    Object.keys(words).forEach(function (word) {
      if (word !== part.text && word.indexOf(part.text) !== -1) {
        words[word].forEach(function (other) {
          if (texts.length < MAX_VARIANTS && texts.indexOf(other) < 0) {
            texts.push(other);
          }
        });
      }
    });
    return texts.map(function (text, index) {
      return index === 0 ? part : partsOf(text, true)[0];
    });
  }

  function pairsOf(part) {
    var chars = Array.from(part.text);
    var pairs = [];
    for (var i = 0; i + 1 < part.units.length; i++) {
      var next = part.units[i + 1];
      pairs.push({
        term: chars.slice(part.units[i][1], next[1] + Array.from(next[0]).length).join(""),
        offset: part.units[i][1],
      });
    }
    return pairs;
  }

  // ---- postings (generator/site/render/search/postings.py)

  /* A large term's entry, known from index.js without its shard: {file, size}; null for another term. */
  function largeEntry(meta, term) {
    var sizes = meta.large[term];
    if (!sizes) {
      return null;
    }
    return { file: sizes[2] || "x" + ("0000000" + termHash(term).toString(16)).slice(-8), size: sizes[0] + sizes[1] };
  }

  /* A term's entry: {docs, positions} as text or file names, with sizes; null if no article has it. */
  function entryOf(meta, term) {
    var large = largeEntry(meta, term);
    if (large) {
      return Promise.resolve(large);
    }
    var shard = "t" + (termHash(term) % meta.termShards);
    return load(shard).then(function (terms) {
      var entry = terms[term];
      if (entry === undefined) {
        return null;
      }
      if (typeof entry === "string") {
        var space = entry.indexOf(" ");
        return {
          docs: space < 0 ? entry : entry.slice(0, space),
          positions: space < 0 ? "" : entry.slice(space + 1),
          size: entry.length,
        };
      }
      return { file: entry[0], size: entry[1] + entry[2] };
    });
  }

  function docsOf(entry) {
    return entry.file ? load(entry.file) : Promise.resolve(entry.docs);
  }

  function positionsOf(entry) {
    return entry.file ? load(entry.file + "p") : Promise.resolve(entry.positions);
  }

  /* {ids, counts, titled, starts} of a term's docs text: starts[i] is where doc i's positions start. */
  function readDocs(text) {
    var numbers = decode(text);
    var length = numbers.length >> 1;
    var docs = { ids: new Int32Array(length), counts: new Int32Array(length), titled: new Uint8Array(length), starts: new Int32Array(length) };
    var doc = -1;
    var start = 0;
    for (var i = 0; i < length; i++) {
      doc += numbers[2 * i];
      docs.ids[i] = doc;
      docs.counts[i] = (numbers[2 * i + 1] >> 1) + 1;
      docs.titled[i] = numbers[2 * i + 1] & 1;
      docs.starts[i] = start;
      start += docs.counts[i];
    }
    return docs;
  }

  /* The first index from `from` on where sorted `values` hold `wanted` or more (values.length if none). */
  function lowerBound(values, wanted, from) {
    var low = from;
    var high = values.length;
    while (low < high) {
      var middle = (low + high) >> 1;
      if (values[middle] < wanted) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  }

  /* A term's decoded position steps made positions, in place: each doc's run adds up from its first. */
  function absolutePositions(docs, steps) {
    for (var i = 0; i < docs.ids.length; i++) {
      var end = docs.starts[i] + docs.counts[i];
      for (var k = docs.starts[i] + 1; k < end; k++) {
        steps[k] += steps[k - 1];
      }
    }
    return steps;
  }

  /* The cheapest pairs that cover every unit of a part (each pair covers two neighbouring units). */
  function cover(pairs, sizes) {
    var best = [];
    var from = [];
    for (var i = 0; i < pairs.length; i++) {
      if (i < 2) {
        best[i] = sizes[i] + (i === 1 ? best[0] : 0);
        from[i] = i - 1;
      } else {
        from[i] = best[i - 1] <= best[i - 2] ? i - 1 : i - 2;
        best[i] = sizes[i] + best[from[i]];
      }
    }
    var chosen = [];
    for (var j = pairs.length - 1; j >= 0; j = from[j]) {
      chosen.unshift(pairs[j]);
    }
    return chosen;
  }

  /* Map doc id -> {count, titled} of the articles holding a part (one spelling of it). The pairs to
   read are chosen from the sizes index.js gives the large ones (any other is smaller than they are),
   so that every file the part needs is asked for at once. Their positions verify the part: each unit
   is covered by a pair at its place, so the pairs not chosen need not be read. */
  function matchPart(meta, part) {
    if (part.units.length === 1) {
      return entryOf(meta, part.units[0][0]).then(function (entry) {
        return entry ? docsOf(entry).then(docMatches) : new Map();
      });
    }
    var pairs = pairsOf(part);
    if (pairs.length === 1) {
      return entryOf(meta, pairs[0].term).then(function (entry) {
        return entry ? docsOf(entry).then(docMatches) : new Map();
      });
    }
    var chosen = cover(
      pairs,
      pairs.map(function (pair) {
        var large = largeEntry(meta, pair.term);
        return large ? large.size : meta.largeBytes;
      })
    );
    return Promise.all(
      chosen.map(function (pair) {
        return entryOf(meta, pair.term).then(function (entry) {
          return entry ? Promise.all([docsOf(entry), positionsOf(entry)]) : null;
        });
      })
    ).then(function (texts) {
      if (texts.indexOf(null) >= 0) {
        return new Map();
      }
      return verify(
        meta,
        chosen.map(function (pair, index) {
          var docs = readDocs(texts[index][0]);
          return { offset: pair.offset, docs: docs, positions: absolutePositions(docs, decode(texts[index][1])) };
        })
      );
    });
  }

  function docMatches(text) {
    var docs = readDocs(text);
    var found = new Map();
    docs.ids.forEach(function (id, index) {
      found.set(id, { count: docs.counts[index], titled: docs.titled[index] === 1 });
    });
    return found;
  }

  /* The articles where the chosen pairs stand at their offsets from one another. Doc ids and each
   doc's positions are sorted, so every list is walked forwards once (this runs on every keystroke's
   query, over thousands of docs for a frequent phrase: no per-doc allocation). */
  function verify(meta, chosen) {
    var rarest = chosen.reduce(function (a, b) {
      return b.docs.ids.length < a.docs.ids.length ? b : a;
    });
    var others = chosen.filter(function (item) {
      return item !== rarest;
    });
    var cursors = new Int32Array(others.length); // per other pair: where its docs were last looked at
    var at = new Int32Array(others.length); // per other pair: its next position to compare, in the doc
    var found = new Map();
    var ids = rarest.docs.ids;
    for (var r = 0; r < ids.length; r++) {
      var id = ids[r];
      var all = true;
      for (var j = 0; j < others.length && all; j++) {
        var docs = others[j].docs;
        cursors[j] = lowerBound(docs.ids, id, cursors[j]);
        all = cursors[j] < docs.ids.length && docs.ids[cursors[j]] === id;
        at[j] = all ? docs.starts[cursors[j]] : 0;
      }
      if (!all) {
        continue;
      }
      var count = 0;
      var titled = false;
      var first = rarest.docs.starts[r];
      var last = first + rarest.docs.counts[r];
      for (var k = first; k < last; k++) {
        var start = rarest.positions[k] - rarest.offset;
        var here = true;
        for (var o = 0; o < others.length && here; o++) {
          var item = others[o];
          var end = item.docs.starts[cursors[o]] + item.docs.counts[cursors[o]];
          var wanted = start + item.offset;
          while (at[o] < end && item.positions[at[o]] < wanted) {
            at[o]++;
          }
          here = at[o] < end && item.positions[at[o]] === wanted;
        }
        if (here) {
          count++;
          titled = titled || start < meta.titleZone;
        }
      }
      if (count) {
        found.set(id, { count: count, titled: titled });
      }
    }
    return found;
  }

  /* Every article holding all parts of a query, best first: [{id, score}], and the parts' spellings. */
  function find(query) {
    return load("meta").then(function (meta) {
      return setUp(meta).then(function (words) {
        return findIn(meta, words, query);
      });
    });
  }

  function findIn(meta, words, query) {
    var spellings = parts(fold(query)).map(function (part) {
      return variants(part, words);
    });
    return Promise.all(
      spellings.map(function (forms) {
        return Promise.all(
          forms.map(function (form) {
            return matchPart(meta, form);
          })
        ).then(mergeSpellings);
      })
    ).then(function (perPart) {
      var results = [];
      (perPart[0] || new Map()).forEach(function (match, id) {
        var score = 0;
        var all = perPart.every(function (map) {
          var found = map.get(id);
          if (found) {
            score += (found.titled ? 20 : 0) + Math.min(found.count, 10);
          }
          return found;
        });
        if (all) {
          results.push({ id: id, score: score });
        }
      });
      // in the title first, then more often, then newer (doc ids are newest first)
      results.sort(function (a, b) {
        return b.score - a.score || a.id - b.id;
      });
      return { meta: meta, results: results, spellings: spellings };
    });
  }

  /* The articles holding any spelling of a part, their counts added up. */
  function mergeSpellings(maps) {
    var merged = new Map();
    maps.forEach(function (map) {
      map.forEach(function (match, id) {
        var was = merged.get(id);
        merged.set(id, was ? { count: was.count + match.count, titled: was.titled || match.titled } : match);
      });
    });
    return merged;
  }

  // ---- showing results

  function message(key, values) {
    var text = status.getAttribute("data-" + key) || "";
    Object.keys(values || {}).forEach(function (name) {
      text = text.split("{" + name + "}").join(String(values[name]));
    });
    return text;
  }

  function formatDate(iso) {
    var parts = iso.split("-");
    return message("date-format", { year: Number(parts[0]), month: Number(parts[1]), day: Number(parts[2]) });
  }

  /* [start, end) of each place in `text` (UTF-16 offsets) where a spelling of a part stands. */
  function hits(text, needles) {
    var folded = fold(text);
    var found = [];
    needles.forEach(function (needle) {
      var wordStart = WORD_CHAR.test(needle[0]);
      var wordEnd = WORD_CHAR.test(needle[needle.length - 1]);
      for (var at = folded.indexOf(needle); at !== -1; at = folded.indexOf(needle, at + 1)) {
        var end = at + needle.length;
        if ((wordStart && at > 0 && WORD_CHAR.test(folded[at - 1])) || (wordEnd && end < folded.length && WORD_CHAR.test(folded[end]))) {
          continue;
        }
        found.push([at, end]);
      }
    });
    return found.sort(function (a, b) {
      return a[0] - b[0] || b[1] - a[1];
    });
  }

  /* Append `text` to `parent`, with <mark> around each hit; returns the texts marked. */
  function appendMarked(parent, text, ranges) {
    var position = 0;
    var marked = [];
    ranges.forEach(function (range) {
      if (range[0] < position) {
        return;
      }
      parent.appendChild(document.createTextNode(text.slice(position, range[0])));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(range[0], range[1]);
      parent.appendChild(mark);
      marked.push(mark.textContent);
      position = range[1];
    });
    parent.appendChild(document.createTextNode(text.slice(position)));
    return marked;
  }

  function snippetRange(text, ranges) {
    var first = ranges.length ? ranges[0][0] : 0;
    var start = Math.max(0, first - SNIPPET_BEFORE);
    if (start > 0 && /[\udc00-\udfff]/.test(text[start])) {
      start--; // not inside a surrogate pair
    }
    var end = Math.min(text.length, start + SNIPPET_LENGTH);
    if (end < text.length && /[\udc00-\udfff]/.test(text[end])) {
      end++;
    }
    return [start, end];
  }

  /* Date, issue and section as the theme's lists show them (macros.html, dated_issue): the issue's name
   holds the date when the article has the issue's date. */
  function renderMeta(meta, doc) {
    var info = document.createElement("p");
    info.className = "meta";
    var issueName = message("issue-title", { publication: doc[7], date: formatDate(doc[6]) });
    var issue = document.createElement("a");
    issue.href = doc[5];
    if (doc[3] === doc[6]) {
      var dated = document.createElement("time");
      dated.dateTime = doc[3];
      dated.textContent = issueName;
      issue.appendChild(dated);
    } else {
      var time = document.createElement("time");
      time.dateTime = doc[3];
      time.textContent = formatDate(doc[3]);
      info.appendChild(time);
      issue.textContent = issueName;
    }
    var span = document.createElement("span");
    span.appendChild(issue);
    info.appendChild(span);
    var section = document.createElement("a");
    section.href = meta.sections[doc[2]][1];
    section.textContent = meta.sections[doc[2]][0];
    info.appendChild(section);
    return info;
  }

  function renderResult(meta, id, needles) {
    var doc = data["d" + id];
    var item = document.createElement("li");
    item.className = "article-item";
    var heading = document.createElement("h2");
    heading.className = "article-item-title";
    var link = document.createElement("a");
    var marked = appendMarked(link, doc[1], hits(doc[1], needles));
    heading.appendChild(link);
    item.appendChild(heading);
    item.appendChild(renderMeta(meta, doc));
    var body = doc[4];
    var ranges = hits(body, needles);
    var window_ = snippetRange(body, ranges);
    var snippet = document.createElement("p");
    snippet.className = "snippet";
    var shifted = ranges
      .filter(function (range) {
        return range[0] >= window_[0] && range[1] <= window_[1];
      })
      .map(function (range) {
        return [range[0] - window_[0], range[1] - window_[0]];
      });
    var piece = body.slice(window_[0], window_[1]);
    if (window_[0] > 0) {
      snippet.appendChild(document.createTextNode("…"));
    }
    marked = marked.concat(appendMarked(snippet, piece.replace(/\s/g, " "), shifted));
    if (window_[1] < body.length) {
      snippet.appendChild(document.createTextNode("…"));
    }
    item.appendChild(snippet);
    // the article highlights what was found here (themes/default/static/js/highlight.js)
    var shown = marked.filter(function (text, index) {
      return marked.indexOf(text) === index;
    });
    link.href = doc[0] + (shown.length ? "?" + shown.slice(0, 5).map(function (text) {
      return "h=" + encodeURIComponent(text);
    }).join("&") : "");
    return item;
  }

  /* Tags and sections whose names hold every part of the query: links, shown first. */
  function renderNames(meta, spellings) {
    names.textContent = "";
    var candidates = [];
    [["section", meta.sections], ["tag", meta.tags]].forEach(function (group) {
      group[1].forEach(function (entry) {
        var name = fold(entry[0]);
        var exact = false;
        var all = spellings.every(function (forms) {
          return forms.some(function (form) {
            exact = exact || name === form.text;
            return name.indexOf(form.text) !== -1;
          });
        });
        if (all && spellings.length) {
          candidates.push({ kind: group[0], name: entry[0], path: entry[1], count: entry[2], exact: exact });
        }
      });
    });
    candidates.sort(function (a, b) {
      return b.exact - a.exact || b.count - a.count;
    });
    candidates.slice(0, MAX_NAMES).forEach(function (candidate) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = candidate.path;
      var label = document.createElement("span");
      label.className = "search-name-kind";
      label.textContent = message(candidate.kind);
      link.appendChild(label);
      link.appendChild(document.createTextNode(candidate.name));
      var count = document.createElement("span");
      count.className = "search-name-count";
      count.textContent = message("count", { count: candidate.count });
      link.appendChild(count);
      item.appendChild(link);
      names.appendChild(item);
    });
  }

  function pageLink(query, page, label, rel) {
    var link = document.createElement("a");
    link.href = "?q=" + encodeURIComponent(query) + (page > 1 ? "&p=" + page : "");
    link.textContent = label;
    link.setAttribute("data-page", String(page));
    if (rel) {
      link.rel = rel;
    }
    return link;
  }

  function renderPager(query, page, pages) {
    pager.textContent = "";
    pager.hidden = pages < 2;
    if (pages < 2) {
      return;
    }
    var items = document.createElement("ul");
    function add(node) {
      var item = document.createElement("li");
      item.appendChild(node);
      items.appendChild(item);
    }
    function inactive(label) {
      var span = document.createElement("span");
      span.className = "disabled";
      span.textContent = label;
      return span;
    }
    add(page > 1 ? pageLink(query, page - 1, message("prev"), "prev") : inactive(message("prev")));
    var current_ = document.createElement("span");
    current_.setAttribute("aria-current", "page");
    current_.textContent = message("page", { page: page, pages: pages });
    add(current_);
    add(page < pages ? pageLink(query, page + 1, message("next"), "next") : inactive(message("next")));
    pager.appendChild(items);
  }

  function show(query, page, run) {
    var found = current.found;
    var meta = found.meta;
    var total = found.results.length;
    var pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    page = Math.min(Math.max(1, page), pages);
    var shown = found.results.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
    return Promise.all(
      shown.map(function (result) {
        return load("d" + result.id);
      })
    ).then(function () {
      if (run !== generation) {
        return;
      }
      var needles = [];
      found.spellings.forEach(function (forms) {
        forms.forEach(function (form) {
          if (needles.indexOf(form.text) < 0) {
            needles.push(form.text);
          }
        });
      });
      renderNames(meta, found.spellings);
      list.textContent = "";
      list.start = (page - 1) * PAGE_SIZE + 1;
      shown.forEach(function (result) {
        list.appendChild(renderResult(meta, result.id, needles));
      });
      renderPager(query, page, pages);
      status.textContent = total ? message("found", { count: total }) : message("none", { query: query.trim() });
      list.setAttribute("data-page", String(page));
      mark("results");
      return page;
    });
  }

  function mark(name) {
    if (window.performance && performance.mark) {
      performance.mark("bulletin-search:" + name);
    }
  }

  function search(query, page) {
    var run = ++generation;
    if (!query.trim()) {
      current = null;
      list.textContent = "";
      names.textContent = "";
      pager.textContent = "";
      status.textContent = message("idle");
      return Promise.resolve();
    }
    mark("start");
    status.textContent = message("loading");
    return find(query)
      .then(function (found) {
        if (run !== generation) {
          return;
        }
        current = { query: query, found: found };
        return show(query, page, run);
      })
      .catch(function (error) {
        if (run === generation) {
          status.textContent = String(error.message || error);
        }
      });
  }

  // ---- the page: URL, language switch, typing, keys

  // The language switch keeps the query: the same search in the other edition.
  function carryQueryToEditions(query) {
    var links = document.querySelectorAll("a[hreflang][href]");
    Array.prototype.forEach.call(links, function (link) {
      var page = link.getAttribute("href").split("?")[0];
      link.setAttribute("href", query ? page + "?q=" + encodeURIComponent(query) : page);
    });
  }

  function setUrl(query, page) {
    carryQueryToEditions(query);
    try {
      var url = new URL(window.location.href);
      url.searchParams.set("q", query);
      if (page > 1) {
        url.searchParams.set("p", String(page));
      } else {
        url.searchParams.delete("p");
      }
      window.history.replaceState(null, "", url.href);
    } catch (error) {
      // Some browsers refuse history changes on file:// pages; the search still works.
    }
  }

  var timer = null;
  var composing = false;
  var lastQuery = null;

  function searchNow(page) {
    window.clearTimeout(timer);
    var query = input.value;
    if (query === lastQuery && page === undefined) {
      return;
    }
    lastQuery = query;
    setUrl(query, page || 1);
    search(query, page || 1);
  }

  input.addEventListener("compositionstart", function () {
    composing = true;
    window.clearTimeout(timer);
  });
  input.addEventListener("compositionend", function () {
    composing = false;
    searchNow();
  });
  input.addEventListener("input", function (event) {
    if (composing || event.isComposing) {
      return; // the letters of an input method's composition are not the query
    }
    window.clearTimeout(timer);
    timer = window.setTimeout(searchNow, DEBOUNCE_MS);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (!composing) {
      lastQuery = null;
      searchNow();
    }
  });
  pager.addEventListener("click", function (event) {
    var link = event.target.closest("a[data-page]");
    if (!link || !current) {
      return;
    }
    event.preventDefault();
    var page = Number(link.getAttribute("data-page"));
    var run = ++generation;
    setUrl(current.query, page);
    show(current.query, page, run).then(function () {
      var first = list.querySelector("a");
      (first || input).focus();
      window.scrollTo(0, 0);
    });
  });

  /* The links arrow keys move through: tags and sections, then the results. */
  function resultLinks() {
    return Array.prototype.slice.call(document.querySelectorAll("#search-names a, #search-results .article-item-title a"));
  }

  document.addEventListener("keydown", function (event) {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) {
      return;
    }
    var target = event.target;
    var typing = target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || (target && target.isContentEditable);
    if (event.key === "/" && !typing) {
      event.preventDefault();
      input.focus();
      input.select();
      return;
    }
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") {
      return;
    }
    if (event.isComposing || composing) {
      return;
    }
    var links = resultLinks();
    var index = links.indexOf(target);
    if (target === input && event.key === "ArrowDown" && links.length) {
      event.preventDefault();
      links[0].focus();
    } else if (index >= 0) {
      event.preventDefault();
      var next = index + (event.key === "ArrowDown" ? 1 : -1);
      (next < 0 ? input : links[Math.min(next, links.length - 1)]).focus();
    }
  });

  // for tests and benchmarks: every matching doc id, best first
  window.BulletinSearch = {
    find: function (query) {
      return find(query).then(function (found) {
        return found.results.map(function (result) {
          return result.id;
        });
      });
    },
  };

  // what every query needs is read as the page opens, not after the first keystroke
  load("meta").then(setUp).catch(function () {});

  var params = new URLSearchParams(window.location.search);
  var initial = params.get("q") || "";
  input.value = initial;
  lastQuery = initial;
  carryQueryToEditions(initial);
  search(initial, Number(params.get("p")) || 1);
})();

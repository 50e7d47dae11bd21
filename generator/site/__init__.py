"""`bulletin build`: from content/ to a static site.

Data flows one way, one module per step:

    config.load_config ──┐
    editions.load ───────┤
    reader.read_content ─┴─▶ model.build_sites ─▶ pages.plan (per edition) ─▶ render.produce ─▶ output.Staging

* `editions` turns site.yml's editions into `Edition`s: the default one, and converted ones whose text
  goes through a `convert.Converter` (OpenCC, `opencc_fixes` and the site's override phrases, results
  kept between builds by `convert_cache`);
* `reader` parses files into plain records (no derived data);
* `model` derives issues, sections, tags, URLs, neighbours and related articles for all editions at
  once, parsing each Markdown body once and passing every displayed string through each edition's
  text transform (`{{protected}}` text excepted, see `protect`);
* `pages` enumerates every output file as a `Target` (path, kind, key, dependencies);
* `render` turns one target into bytes (`produce(target, site, theme)`), by Jinja for pages and by
  `feeds`, `search` and `sitemap` for the other formats;
* `output` guards the output folder and swaps the finished build in atomically, carrying over the
  editions a build does not make; `sitemap` also writes the files at the root that serve every edition.
"""

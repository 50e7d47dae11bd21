"""`bulletin build`: from content/ to a static site.

Data flows one way, one module per step:

    config.load_config ─┐
    reader.read_content ─┴─▶ model.build_site (per edition) ─▶ pages.plan ─▶ render.produce ─▶ output.Staging

* `reader` parses files into plain records (no derived data);
* `model` derives issues, sections, tags, URLs, neighbours and related articles, and renders Markdown,
  passing every displayed string through the edition's text transform;
* `pages` enumerates every output file as a `Target` (path, kind, key, dependencies);
* `render` turns one target into bytes (`produce(target, site, theme)`), by Jinja for pages and by
  `feeds`, `search` and `sitemap` for the other formats;
* `output` guards the output folder and swaps the finished build in atomically.
"""

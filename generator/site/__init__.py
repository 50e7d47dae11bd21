"""`bulletin build`: from content/ to a static site, one stage per sub-package, in the order data flows.

    content/      site.yml and the content files, read into plain records (`config`, `reader`)
    markup/       Markdown bodies: parsed once, rendered per edition (`markdown`, `plain`, `protect`)
    editions/     the language editions and their script conversion (`edition`, `convert`)
    model/        the site model of every edition: issues, sections, tags, articles (`assemble`)
    render/       every kind of output file, planned as targets and made into bytes (`produce`)
    incremental/  what a build may keep from the last one (`sources`, `plan`, `fingerprints`, `manifest`)
    build.py      the runner: one build, start to end (`Builder`)
    write.py      the new output folder: kept files linked, the others rendered (`batch`), swapped in
    batch.py      renders targets, in worker processes when they are many (`generator.workers`)
    output.py     the output folder, guarded and swapped in atomically

A stage imports only from the stages above it in this list (and from `generator.text`, the text layer
ingest and check share); `urls` (where every page lives) is read by all of them.
tests/test_architecture.py holds the code to this order.
"""

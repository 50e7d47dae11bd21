"""`bulletin serve`: the authoring loop, one module per job.

    watch.Watcher ──changed paths──▶ debounce.Debouncer ──one batch──▶ rebuild.Rebuilder
         (watchdog threads)                                   (main thread: ingest raw files, build)
                                                                        │ built / failed
  server.SiteServer ◀──────────── state.SiteState (build id, last problem) ◀┘
      (request threads: files of the output folder via paths.resolve,
       HTML with client.inject'ed reload script, /__bulletin__/wait.js long-poll)

The build runs in the main thread, so Ctrl-C interrupts it where it is and the build's own staging
folder cleans up after itself; the server and the watcher are daemon threads stopped on the way out.
"""

"""One module per `bulletin` sub-command; each exposes `register(subparsers)`.

`register` adds the sub-command's parser and sets `run` (args -> exit status) as its handler.
"""

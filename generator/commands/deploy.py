"""`bulletin deploy`: build, then commit output/ to the gh-pages branch (and push it with --push)."""

from __future__ import annotations

import argparse
import sys

from generator import __version__
from generator.errors import BulletinError
from generator.project import ProjectPaths, add_path_arguments

SHOWN_FILES = 5


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "deploy", help="publish the site to a gh-pages branch",
        description="Build the site and commit output/ as the whole tree of a branch (gh-pages) that GitHub "
                    "Pages serves. Refuses while content/, themes/ or site.yml have uncommitted changes.")
    parser.add_argument("--branch", default="gh-pages", help="branch to commit the site to (default: gh-pages)")
    parser.add_argument("--remote", default="origin", help="remote to push to with --push (default: origin)")
    parser.add_argument("--message", "-m", help="commit message (default: names the source commit)")
    parser.add_argument("--push", action="store_true", help="push the branch to the remote after committing")
    parser.add_argument("--force", action="store_true", help="deploy even with uncommitted changes to the sources")
    add_path_arguments(parser)
    parser.add_argument("--base-url", help="public URL of the site, e.g. https://user.github.io/repo/")
    parser.set_defaults(handler=run)


def _refuse_uncommitted(files: list[str]) -> None:
    shown = ", ".join(files[:SHOWN_FILES]) + (f" and {len(files) - SHOWN_FILES} more" if len(files) > SHOWN_FILES else "")
    raise BulletinError(f"uncommitted changes in the site's sources ({shown}): commit them so the published site "
                        "can be traced to a commit, or deploy anyway with --force")


def run(args: argparse.Namespace) -> int:
    from generator import ghpages
    from generator.site.build import BuildOptions, build  # heavy imports only when deploying

    paths = ProjectPaths.find(args.config, args.content, args.out)
    repo = ghpages.repository_root(paths.root)
    ghpages.branch_ref(repo, args.branch)  # a branch that cannot take the site is refused before building
    dirty = ghpages.uncommitted(repo, [paths.content, paths.themes, paths.config])
    if dirty and not args.force:
        _refuse_uncommitted(dirty)
    result = build(BuildOptions(config=args.config, content=args.content, out=args.out, base_url=args.base_url))
    for warning in result.warnings:
        print(f"bulletin deploy: warning: {warning}", file=sys.stderr)
    print(result.summary())
    source = ghpages.source_revision(repo)
    message = args.message or (f"Deploy {source or 'the site'} with bulletin {__version__}"
                               + (" (with uncommitted changes)" if dirty else ""))
    published = ghpages.publish(result.out, repo, args.branch, message)
    if published.changed:
        print(f"committed {published.files} files to {published.branch} as {published.commit[:12]}")
    else:
        print(f"{published.branch} already holds this site ({published.commit[:12]}): nothing to commit")
    if args.push:
        ghpages.push(repo, args.remote, args.branch)
        print(f"pushed {args.branch} to {args.remote}")
    else:
        print(f"publish it with: git push {args.remote} {args.branch} (or deploy with --push)")
    return 0

"""Helpers several plugins share: work on every core, digests of source code,
cache files, the garbage collector during a build, the list of pages written."""

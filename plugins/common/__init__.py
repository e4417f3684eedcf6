"""Helpers several plugins share: processes on every core, digests of source code."""

#!/usr/bin/env python3
"""Builds a gzipped WARC/1.1 file (one gzip member per record) from the pages
of ../shared/data/article-extraction, each as a response record with its
HTTP headers, repeated COPIES times with distinct target URIs: input for
timing `wiretrace extract` and `run` on crawl archives.

usage: make_warc.py PAGES_DIR COPIES > out.warc.gz
"""
import gzip
import io
import os
import sys
import uuid


def record(uri, body, n):
    http = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
            b"Content-Length: %d\r\n\r\n" % len(body)) + body
    head = ("WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: %s\r\n"
            "WARC-Date: 2026-01-%02dT00:00:00Z\r\nWARC-Record-ID: <urn:uuid:%s>\r\n"
            "Content-Type: application/http; msgtype=response\r\n"
            "Content-Length: %d\r\n\r\n" % (uri, 1 + n % 28, uuid.UUID(int=n), len(http)))
    return head.encode() + http + b"\r\n\r\n"


def main():
    pages_dir, copies = sys.argv[1], int(sys.argv[2])
    names = sorted(f for f in os.listdir(pages_dir) if f.endswith(".html"))
    out = sys.stdout.buffer
    n = 0
    for c in range(copies):
        for name in names:
            body = open(os.path.join(pages_dir, name), "rb").read()
            buf = io.BytesIO()
            with gzip.GzipFile(fileobj=buf, mode="wb", compresslevel=6, mtime=0) as z:
                z.write(record("https://pages.example/%d/%s" % (c, name), body, n))
            out.write(buf.getvalue())
            n += 1


if __name__ == "__main__":
    main()

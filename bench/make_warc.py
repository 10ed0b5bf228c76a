#!/usr/bin/env python3
"""make_warc.py OUT.warc.gz FILE.html.gz... - wrap pages into a WARC 1.0
archive, one gzip member per record, each page as an HTTP 200 response
(for bench_extract.sh: the WARC path measured on real pages)."""
import gzip, sys


def record(uri, html):
    http = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
            b"Content-Length: %d\r\n\r\n" % len(html)) + html
    head = ("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: %s\r\n"
            "WARC-Date: 2019-11-20T00:00:00Z\r\n"
            "Content-Type: application/http; msgtype=response\r\n"
            "Content-Length: %d\r\n\r\n" % (uri, len(http))).encode()
    return head + http + b"\r\n\r\n"


def main():
    with open(sys.argv[1], "wb") as out:
        for i, path in enumerate(sys.argv[2:]):
            with gzip.open(path, "rb") as f:
                html = f.read()
            out.write(gzip.compress(record("http://page.example/%d" % i, html)))


if __name__ == "__main__":
    main()

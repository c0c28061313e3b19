#!/usr/bin/env python3
"""A tiny signed S3/DynamoDB client for setting up test data (stdlib only).

  awsreq.py s3 METHOD /bucket[/key] [-q k=v]... [-d DATA | -f FILE] [-H 'K: V']...
      (-H 'Content-MD5: auto' computes it)
  awsreq.py s3-put-many /bucket PREFIX COUNT    (COUNT small CSV objects, one connection)
  awsreq.py s3-rm-bucket /bucket                (its objects, then itself)
  awsreq.py ddb ACTION 'JSON'
  awsreq.py ddb-put-items TABLE FILE           (DynamoDB JSON items, one a line)
Endpoint: AWS_ENDPOINT_URL_S3 / AWS_ENDPOINT_URL_DYNAMODB; credentials from
AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY; region AWS_REGION (us-east-1).
Prints the answer's body; exits 1 on a non-2xx answer (the status on stderr).
"""
import base64
import datetime
import hashlib
import hmac
import http.client
import os
import sys
import urllib.parse


def enc(s, slash):
    return urllib.parse.quote(s, safe="-_.~" + ("/" if slash else ""))


def sign(method, host, path, params, headers, body, service):
    ak, sk = os.environ["AWS_ACCESS_KEY_ID"], os.environ["AWS_SECRET_ACCESS_KEY"]
    region = os.environ.get("AWS_REGION", "us-east-1")
    now = datetime.datetime.now(datetime.timezone.utc)
    amz = now.strftime("%Y%m%dT%H%M%SZ")
    ph = hashlib.sha256(body).hexdigest()
    h = {k.lower(): v.strip() for k, v in headers.items()}
    h.update({"host": host, "x-amz-date": amz, "x-amz-content-sha256": ph})
    q = "&".join(sorted(enc(k, False) + "=" + enc(v, False) for k, v in params))
    names = sorted(h)
    creq = "\n".join([method, enc(path, True), q, "".join(f"{n}:{h[n]}\n" for n in names), ";".join(names), ph])
    scope = f"{amz[:8]}/{region}/{service}/aws4_request"
    sts = "\n".join(["AWS4-HMAC-SHA256", amz, scope, hashlib.sha256(creq.encode()).hexdigest()])
    k = ("AWS4" + sk).encode()
    for part in (amz[:8], region, service, "aws4_request"):
        k = hmac.new(k, part.encode(), hashlib.sha256).digest()
    sig = hmac.new(k, sts.encode(), hashlib.sha256).hexdigest()
    h["authorization"] = f"AWS4-HMAC-SHA256 Credential={ak}/{scope}, SignedHeaders={';'.join(names)}, Signature={sig}"
    return enc(path, True) + ("?" + q if q else ""), h


def request(conn, host, method, path, params, headers, body, service):
    url, h = sign(method, host, path, params, headers, body, service)
    conn.request(method, url, body=body, headers=h)
    r = conn.getresponse()
    return r.status, r.read()


def connect(var):
    u = urllib.parse.urlsplit(os.environ[var])
    return http.client.HTTPConnection(u.hostname, u.port, timeout=30), u.netloc


def main(a):
    if a[0] == "s3":
        method, path, rest = a[1], a[2], a[3:]
        params, headers, body = [], {}, b""
        i = 0
        while i < len(rest):
            o, v = rest[i], rest[i + 1]
            if o == "-q":
                k, _, val = v.partition("=")
                params.append((k, val))
            elif o == "-d":
                body = v.encode()
            elif o == "-f":
                body = open(v, "rb").read()
            elif o == "-H":
                k, _, val = v.partition(":")
                headers[k.strip()] = val.strip()
            i += 2
        if headers.get("Content-MD5") == "auto":
            headers["Content-MD5"] = base64.b64encode(hashlib.md5(body).digest()).decode()
        conn, host = connect("AWS_ENDPOINT_URL_S3")
        st, out = request(conn, host, method, path, params, headers, body, "s3")
    elif a[0] == "s3-put-many":
        path, prefix, count = a[1], a[2], int(a[3])
        conn, host = connect("AWS_ENDPOINT_URL_S3")
        for n in range(count):
            body = f"id,email\n{n},user{n}@example.com\n".encode()
            st, out = request(conn, host, "PUT", f"{path}/{prefix}{n:05d}.csv", [], {}, body, "s3")
            if st // 100 != 2:
                break
        out = b""
    elif a[0] == "s3-rm-bucket":
        # every object (paged listing), then the bucket
        import re
        path = a[1]
        conn, host = connect("AWS_ENDPOINT_URL_S3")
        while True:
            st, out = request(conn, host, "GET", path, [("list-type", "2")], {}, b"", "s3")
            keys = re.findall(rb"<Key>(.*?)</Key>", out)
            if st // 100 != 2 or not keys:
                break
            for k in keys:
                k = k.decode().replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')
                request(conn, host, "DELETE", path + "/" + k, [], {}, b"", "s3")
        st, out = request(conn, host, "DELETE", path, [], {}, b"", "s3")
    elif a[0] == "ddb-put-items":
        # items (DynamoDB JSON, one a line) written 25 per BatchWriteItem
        import json
        table, items = a[1], [json.loads(l) for l in open(a[2]) if l.strip()]
        conn, host = connect("AWS_ENDPOINT_URL_DYNAMODB")
        hdr = {"Content-Type": "application/x-amz-json-1.0", "X-Amz-Target": "DynamoDB_20120810.BatchWriteItem"}
        st, out = 200, b""
        for i in range(0, len(items), 25):
            req = {"RequestItems": {table: [{"PutRequest": {"Item": it}} for it in items[i:i + 25]]}}
            st, out = request(conn, host, "POST", "/", [], hdr, json.dumps(req).encode(), "dynamodb")
            if st // 100 != 2:
                break
    elif a[0] == "ddb":
        conn, host = connect("AWS_ENDPOINT_URL_DYNAMODB")
        hdr = {"Content-Type": "application/x-amz-json-1.0", "X-Amz-Target": "DynamoDB_20120810." + a[1]}
        st, out = request(conn, host, "POST", "/", [], hdr, a[2].encode(), "dynamodb")
    else:
        sys.exit("usage: awsreq.py s3|s3-put-many|ddb ...")
    sys.stdout.write(out.decode("utf-8", "replace"))
    if st // 100 != 2:
        print(f"\nawsreq: HTTP {st}", file=sys.stderr)
        sys.exit(1)


main(sys.argv[1:])

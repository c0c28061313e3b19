#!/usr/bin/python3
"""Known answers for tests/unit/test_sigv4.c, computed by botocore.

Debian's awscli ships botocore as awscli.botocore; run this with the system
python (/usr/bin/python3, as /usr/bin/aws does). It prints one C initialiser
per case: the expected signature and the SHA-256 of the canonical request.
Paths and query values are URI-encoded here the SigV4 way (RFC 3986
unreserved kept); botocore then canonicalises, sorts and signs them.
"""
import datetime
import hashlib
import urllib.parse

import awscli.botocore.session  # noqa: F401  (must come first)
import awscli.botocore.auth as auth
from awscli.botocore.awsrequest import AWSRequest
from awscli.botocore.credentials import Credentials


class FixedClock(datetime.datetime):
    @classmethod
    def utcnow(cls):
        return datetime.datetime(2015, 8, 30, 12, 36, 0)


auth.datetime.datetime = FixedClock

AK = "AKIDEXAMPLE"
SK = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
TOKEN = "FQoGZXIvYXdzEXAMPLETOKEN+/="


def enc(s, slash):
    return urllib.parse.quote(s, safe="-_.~" + ("/" if slash else ""))


def case(name, method, host, path, params, headers, body, service, token=None, klass=None):
    query = "&".join(enc(k, False) + "=" + enc(v, False) for k, v in params)
    url = "http://" + host + enc(path, True) + ("?" + query if query else "")
    creds = Credentials(AK, SK, token)
    req = AWSRequest(method=method, url=url, headers=dict(headers), data=body)
    if service != "s3":
        req.headers["X-Amz-Content-SHA256"] = hashlib.sha256(body).hexdigest()
    signer = (klass or (auth.S3SigV4Auth if service == "s3" else auth.SigV4Auth))(creds, service, "us-east-1")
    canonical = None
    orig = signer.canonical_request

    def keep(r):
        nonlocal canonical
        canonical = orig(r)
        return canonical
    signer.canonical_request = keep
    signer.add_auth(req)
    sig = req.headers["Authorization"].split("Signature=")[1]
    print('    /* %s */ {"%s", "%s"},' % (name, sig, hashlib.sha256(canonical.encode()).hexdigest()))


B = b""
case("get_list_unsorted", "GET", "127.0.0.1:40180", "/bucket",
     [("prefix", "a b/"), ("list-type", "2"), ("max-keys", "1000"), ("continuation-token", "1/abc+=")], [], B, "s3")
case("get_tagging", "GET", "127.0.0.1:40180", "/bucket", [("tagging", "")], [], B, "s3")
case("get_key_space_plus_unicode", "GET", "127.0.0.1:40180", "/bucket/dir/my file+1 \u00e9\u20ac.csv", [], [], B, "s3")
case("put_body", "PUT", "127.0.0.1:40180", "/bucket/k.csv", [], [("Content-Type", "text/csv")],
     b"id,email\n1,a@example.com\n", "s3")
case("dynamodb_post", "POST", "dynamodb.us-east-1.amazonaws.com", "/", [],
     [("Content-Type", "application/x-amz-json-1.0"), ("X-Amz-Target", "DynamoDB_20120810.ListTables")],
     b'{"Limit":10}', "dynamodb")
case("get_session_token", "GET", "s3.amazonaws.com", "/", [("x-id", "ListBuckets")], [], B, "s3", token=TOKEN)

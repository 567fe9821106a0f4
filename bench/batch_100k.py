#!/usr/bin/env python3
"""Batch verification end to end: generate a CSV of N rows, upload it, poll the status until DONE, fetch the
result file, print the times. Rows: well-formed numbers we never issued (NOT_FOUND, the full lookup path) and
every hundredth row malformed (ERROR), so the counts can be checked.

Usage: batch_100k.py BASE_URL [N]   (the app must run with the demo users; N defaults to 100000)
"""
import base64
import json
import random
import sys
import time
import urllib.request
import uuid

BASE = sys.argv[1].rstrip("/")
N = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
AUTH = "Basic " + base64.b64encode(b"manager:demo").decode()


def request(method, path, body=None, content_type=None):
    req = urllib.request.Request(BASE + path, data=body, method=method)
    req.add_header("Authorization", AUTH)
    if content_type:
        req.add_header("Content-Type", content_type)
    with urllib.request.urlopen(req) as response:
        return response.status, response.read()


rng = random.Random(7)
lines = ["number,issueDate,totalAmount"]
for i in range(N):
    if i % 100 == 99:
        lines.append(f"{rng.randrange(10**19, 10**20)},2026-02-30,1.00")
    else:
        lines.append(f"9911{rng.randrange(10**16):016d},2026-11-03,{rng.randrange(1, 10**6)}.00")
csv = ("\n".join(lines) + "\n").encode()
boundary = uuid.uuid4().hex
body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"batch.csv\"\r\n"
        f"Content-Type: text/csv\r\n\r\n").encode() + csv + f"\r\n--{boundary}--\r\n".encode()

start = time.monotonic()
status, answer = request("POST", "/api/verifications/batch", body, f"multipart/form-data; boundary={boundary}")
job = json.loads(answer)["jobId"]
accepted = time.monotonic()
print(f"rows: {N}, file: {len(csv) / 1e6:.1f} MB, upload answered {status} after {accepted - start:.1f} s (job {job})")
while True:
    progress = json.loads(request("GET", f"/api/verifications/batch/{job}")[1])
    if progress["status"] in ("DONE", "FAILED"):
        break
    time.sleep(1)
done = time.monotonic()
_, result = request("GET", f"/api/verifications/batch/{job}/result.csv")
fetched = time.monotonic()
print(f"status: {json.dumps(progress)}")
print(f"checked in {done - accepted:.1f} s after the upload ({N / (done - accepted):.0f} rows/s); "
      f"end to end {done - start:.1f} s; result file {len(result) / 1e6:.1f} MB in {fetched - done:.1f} s")
expected_errors = N // 100
ok = progress["status"] == "DONE" and progress["done"] == N and progress["errors"] == expected_errors \
    and progress["notFound"] == N - expected_errors and result.count(b"\r\n") == N + 1
print("result file and counts correct" if ok else "MISMATCHED COUNTS")
sys.exit(0 if ok else 1)

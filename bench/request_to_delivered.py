#!/usr/bin/env python3
"""Time from POST /api/invoice-requests to DELIVERED, over the public API, for N requests in a row.

Usage: request_to_delivered.py BASE_URL [N]   (the app must run with demo users and an SMTP server)
"""
import base64
import json
import statistics
import sys
import time
import urllib.error
import urllib.request

BASE = sys.argv[1].rstrip("/")
N = int(sys.argv[2]) if len(sys.argv) > 2 else 20


def call(user, method, path, body=None, expect=(200, 201, 202)):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(BASE + path, data=data, method=method)
    request.add_header("Authorization", "Basic " + base64.b64encode(f"{user}:demo".encode()).decode())
    request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as e:
        if e.code in expect:
            return e.code, json.loads(e.read() or b"null")
        raise SystemExit(f"{method} {path} -> {e.code}: {e.read()[:300]!r}")


def main():
    run = time.strftime("%H%M%S")
    latencies = []
    for i in range(N):
        order_no = f"BENCH-{run}-{i:03d}"
        call("shop", "POST", "/api/orders", {
            "orderNo": order_no, "customer": "alice", "paidAt": "2026-11-20T10:00:00+08:00",
            "items": [{"sku": "PY-101", "name": "Python 入门课", "category": "TRAINING", "quantity": "1", "unitPrice": "1999.00"}],
            "paidAmount": "1999.00", "status": "PAID"})
        started = time.perf_counter()
        _, created = call("alice", "POST", "/api/invoice-requests", {
            "orderNos": [order_no], "invoiceType": "NORMAL", "email": "alice@example.com", "delivery": "EMAIL",
            "buyer": {"buyerType": "PERSONAL", "title": "爱丽丝"}})
        while True:
            _, request = call("alice", "GET", f"/api/invoice-requests/{created['id']}")
            if request["status"] == "DELIVERED":
                break
            if request["status"] in ("REJECTED", "CANCELLED") or time.perf_counter() - started > 60:
                raise SystemExit(f"request {created['id']} ended {request['status']}")
            time.sleep(0.02)
        latencies.append(time.perf_counter() - started)
    latencies.sort()
    print(f"requests: {N}")
    print(f"request -> DELIVERED median: {statistics.median(latencies) * 1000:.0f} ms")
    print(f"request -> DELIVERED worst:  {latencies[-1] * 1000:.0f} ms")
    print(f"request -> DELIVERED best:   {latencies[0] * 1000:.0f} ms")


if __name__ == "__main__":
    main()

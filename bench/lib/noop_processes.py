#!/usr/bin/env python3
"""Writes copies of bpmn/invoice-request, invoice-issuance and invoice-delivery with the same shape (events, async
continuations, retry cycles, DMN tasks, gateways, call activities) but no-op service tasks, as the baseline of
bench/e2e.sh. Process ids get the prefix bench-noop-; SendInvoiceMail answers SENT like a delivered mail.

Usage: noop_processes.py OUT_DIR   (BENCH_BPMN_DIR=dir reads the models from there instead of bpmn/, e.g. an older shape)
"""
import os
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = pathlib.Path(sys.argv[1])
OUT.mkdir(parents=True, exist_ok=True)
RENAMES = {"invoice-request": "bench-noop-request", "invoice-issuance": "bench-noop-issuance",
           "invoice-delivery": "bench-noop-delivery"}

for name in RENAMES:
    xml = (pathlib.Path(os.environ.get("BENCH_BPMN_DIR", ROOT / "bpmn")) / f"{name}.bpmn").read_text(encoding="utf-8")
    for old, new in RENAMES.items():
        xml = xml.replace(f'<bpmn:process id="{old}"', f'<bpmn:process id="{new}"')
        xml = xml.replace(f'calledElement="{old}"', f'calledElement="{new}"')
        xml = xml.replace(f'bpmnElement="{old}"', f'bpmnElement="{new}"')

    def noop(match):
        tag = match.group(0)
        if "${sendInvoiceMailDelegate}" in tag:
            return tag.replace('camunda:delegateExpression="${sendInvoiceMailDelegate}"',
                               'camunda:expression="${\'SENT\'}" camunda:resultVariable="mailOutcome"')
        return re.sub(r'camunda:delegateExpression="\$\{[^}]*\}"', 'camunda:expression="${null}"', tag)

    xml = re.sub(r"<bpmn:serviceTask\b[^>]*>", noop, xml)
    xml = re.sub(r'<camunda:taskListener delegateExpression="\$\{[^}]*\}"', '<camunda:taskListener expression="${null}"', xml)
    (OUT / f"{RENAMES[name]}.bpmn").write_text(xml, encoding="utf-8")
    print(OUT / f"{RENAMES[name]}.bpmn")

#!/usr/bin/env python3
"""Aggregates a JFR recording's execution samples: the top frames (self time), the libraries that a sample's stack
passes through (inclusive), and our own methods (dev.fapiaoflow, inclusive).

Usage: jfr_top.py RECORDING.jfr [N]
"""
import collections
import re
import subprocess
import sys

N = int(sys.argv[2]) if len(sys.argv) > 2 else 20
text = subprocess.run(["jfr", "print", "--stack-depth", "512", "--events", "jdk.ExecutionSample", sys.argv[1]],
                      capture_output=True, text=True, check=True).stdout
FRAME = re.compile(r"^\s+([\w$.<>]+)\(.*\)\s+line:")
LIBRARIES = ["dev.fapiaoflow", "org.camunda", "com.itextpdf", "com.mysql", "org.hibernate", "com.zaxxer",
             "freemarker", "jakarta.mail", "org.eclipse.angus", "com.google.crypto.tink", "org.apache.catalina",
             "org.springframework.security", "com.fasterxml", "org.apache.ibatis", "java.util.zip"]
self_time, inclusive_lib, ours = collections.Counter(), collections.Counter(), collections.Counter()
samples = 0
for event in text.split("jdk.ExecutionSample")[1:]:
    frames = [m.group(1) for m in (FRAME.match(line) for line in event.splitlines()) if m]
    if not frames:
        continue
    samples += 1
    self_time[frames[0]] += 1
    for lib in {lib for lib in LIBRARIES for f in frames if f.startswith(lib)}:
        inclusive_lib[lib] += 1
    for method in {f for f in frames if f.startswith("dev.fapiaoflow")}:
        ours[method] += 1


def show(title, counter):
    print(f"-- {title}")
    for name, count in counter.most_common(N):
        print(f"{100.0 * count / samples:5.1f}%  {name}")


print(f"{samples} execution samples")
show("top frames (self)", self_time)
show("libraries on the stack (inclusive)", inclusive_lib)
show("our methods on the stack (inclusive)", ours)

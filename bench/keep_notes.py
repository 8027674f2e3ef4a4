#!/usr/bin/env python3
"""Installs a freshly generated benchmark table: keep_notes.py <generated.md> <docs/benchmarks/x.md>.

The notes written by hand below the generated part of the old file ("Notes (written by hand …" to the end)
are carried over to the new one, which is then written in place of the old and printed."""
import sys

generated, target = sys.argv[1], sys.argv[2]
text = open(generated, encoding="utf-8").read().rstrip() + "\n"
try:
    old = open(target, encoding="utf-8").read()
    if "\nNotes (written by hand" in old:
        text += "\n" + old[old.index("Notes (written by hand"):].rstrip() + "\n"
except FileNotFoundError:
    pass
open(target, "w", encoding="utf-8").write(text)
sys.stdout.write(text)

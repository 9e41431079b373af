#!/usr/bin/env python3
"""Builds README.md from docs/readme/*.md: the head (intro, quick start), then each module's section.

Usage: python3 docs/readme/assemble.py <repository root>
Module sections whose first heading is '# ' are demoted one level so that every module is a '## ' section.
Headings inside fenced code blocks are left alone.
"""
import pathlib, re, sys

root = pathlib.Path(sys.argv[1])
parts = root / "docs" / "readme"
order = ["head.md", "sample-app.md", "processor.md", "fields.md", "hibernate.md", "spring-boot.md", "backfill.md",
         "pipeline.md", "client.md", "testkit.md", "tail.md"]

def normalise(text, keep_levels=False):
    lines = text.splitlines()
    first = next((l for l in lines if l.startswith("#")), "")
    demote = first.startswith("# ") and not keep_levels
    out, fenced = [], False
    for line in lines:
        if line.lstrip().startswith("```"):
            fenced = not fenced
        if demote and not fenced and re.match(r"^#{1,5} ", line):
            line = "#" + line
        out.append(line)
    return "\n".join(out).strip() + "\n"

sections = [normalise((parts / name).read_text(), keep_levels=(name == "head.md"))
            for name in order if (parts / name).exists()]
readme = "\n".join(sections)
toc = ["## Contents", ""]
fenced = False
for line in readme.splitlines():
    if line.lstrip().startswith("```"):
        fenced = not fenced
    if not fenced and line.startswith("## ") and line != "## Contents":
        title = line[3:].strip()
        anchor = re.sub(r"[^\w\- ]", "", title.lower()).replace(" ", "-")
        toc.append(f"- [{title}](#{anchor})")
marker = "<!-- contents -->"
readme = readme.replace(marker, "\n".join(toc) + "\n")
(root / "README.md").write_text("<!-- Assembled from docs/readme/*.md by docs/readme/assemble.py; edit those files. -->\n" + readme)
print("README.md:", len(readme.splitlines()), "lines")

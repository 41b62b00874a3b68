"""The committed, executed notebooks carry nothing of the machine or kernel that executed them.

notebook_runner.py writes them so (notebook_runner.stabilise); this test reads notebooks/*.ipynb as they
are in the checkout and fails on: an absolute path or a terminal colour code in any output, a text/plain
beside an image/png (IJava's `BufferedImage@<hash>`), a JDK build string in metadata.language_info.

    /usr/bin/python3 -m unittest discover -s src/test/python -p test_committed_notebooks.py
"""

import json
import os
import re
import unittest
from pathlib import Path

# NOTEBOOKS_DIR checks another folder of executed notebooks (say, target/executed) the same way.
NOTEBOOKS = Path(os.environ.get("NOTEBOOKS_DIR") or Path(__file__).resolve().parents[3] / "notebooks")

# /a/b... at the start of a word (not 0.2/0.5 or train/test), a Windows drive path, or a file: URI.
ABSOLUTE_PATH = re.compile(r"(?<![\w.~/-])/(?:[\w.-]+/)+[\w.-]*|\b[A-Za-z]:\\[\w.]|\bfile:/")
ESCAPE = "\x1b"


def _joined(value):
    return "".join(value) if isinstance(value, list) else (value or "")


def output_texts(nb):
    """(cell index, text) for every textual part of every output."""
    for index, cell in enumerate(nb.get("cells", [])):
        for output in cell.get("outputs", []) if cell.get("cell_type") == "code" else []:
            if "text" in output:
                yield index, _joined(output["text"])
            for mime, value in output.get("data", {}).items():
                if mime.startswith("text/") or mime.endswith("json"):
                    yield index, _joined(value) if isinstance(value, (str, list)) else json.dumps(value)
            if "traceback" in output:
                yield index, "\n".join(output["traceback"])


def problems(nb):
    """One line per thing that ties the notebook to a machine or kernel."""
    found = []
    for index, text in output_texts(nb):
        if ESCAPE in text:
            found.append(f"cell {index}: terminal escape code in {text.strip()[:80]!r}")
        match = ABSOLUTE_PATH.search(text)
        if match:
            found.append(f"cell {index}: absolute path {match.group(0)!r}")
    for index, cell in enumerate(nb.get("cells", [])):
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if "image/png" in data and "text/plain" in data:
                found.append(f"cell {index}: text/plain {_joined(data['text/plain'])[:60]!r} beside an image/png")
    version = nb.get("metadata", {}).get("language_info", {}).get("version")
    if version:
        found.append(f"metadata.language_info.version is the executing JDK's build: {version!r}")
    return found


class ProblemsTest(unittest.TestCase):
    """The detector itself, on made-up outputs."""

    def nb(self, *outputs):
        return {"cells": [{"cell_type": "code", "source": "", "outputs": list(outputs)}], "metadata": {}}

    def test_finds_rapaio_classpath_chatter(self):
        chatter = {"output_type": "stream", "name": "stdout",
                   "text": "\x1b[32mAdd /home/t/dropout/notebooks/../target/dropout-steps.jar to classpath\x1b[0m"}
        self.assertEqual(len(problems(self.nb(chatter))), 2)

    def test_finds_text_plain_beside_an_image(self):
        out = {"output_type": "execute_result", "data": {"image/png": "iVBO", "text/plain": "BufferedImage@1f"}}
        self.assertEqual(len(problems(self.nb(out))), 1)

    def test_finds_windows_paths_and_jdk_builds(self):
        nb = self.nb({"output_type": "stream", "name": "stdout", "text": "saved C:\\Users\\t\\x.png\n"})
        nb["metadata"]["language_info"] = {"version": "17.0.15+6"}
        self.assertEqual(len(problems(nb)), 2)

    def test_accepts_ratios_fractions_and_plain_numbers(self):
        out = {"output_type": "stream", "name": "stdout", "text": "dropout 0.2/0.5, train/test 1/2, loss 0.4 s\n"}
        self.assertEqual(problems(self.nb(out)), [])


class CommittedNotebooksTest(unittest.TestCase):

    def test_committed_notebooks_are_path_free_and_kernel_free(self):
        paths = sorted(NOTEBOOKS.glob("*.ipynb"))
        self.assertTrue(paths, f"no notebooks in {NOTEBOOKS}")
        report = []
        for path in paths:
            found = problems(json.loads(path.read_text(encoding="utf-8")))
            report += [f"{path.name}: {line}" for line in found[:3]]
            if len(found) > 3:
                report.append(f"{path.name}: ... {len(found) - 3} more")
        self.assertEqual(report, [], "\nre-execute them with src/main/python/notebook_runner.py execute --in-place:\n"
                         + "\n".join(report))


if __name__ == "__main__":
    unittest.main()

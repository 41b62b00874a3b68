"""Unit tests for the pure parts of src/main/python/notebook_runner.py (no kernel, no Jupyter).

    /usr/bin/python3 -m unittest discover -s src/test/python -v
"""

import base64
import contextlib
import io
import json
import os
import sys
import tempfile
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "main" / "python"))

import notebook_runner as nr  # noqa: E402

PNG = nr.PNG_SIGNATURE + b"rest of a tiny png"


def code(*outputs):
    return {"cell_type": "code", "source": "", "metadata": {}, "outputs": list(outputs)}


def stdout(text):
    return {"output_type": "stream", "name": "stdout", "text": text}


def stderr(text):
    return {"output_type": "stream", "name": "stderr", "text": text}


def result(data):
    return {"output_type": "execute_result", "execution_count": 1, "metadata": {}, "data": data}


def display(data):
    return {"output_type": "display_data", "metadata": {}, "data": data}


def error(ename="CompilerException", evalue="boom", traceback=("\x1b[31mline 1\x1b[0m", "line 2")):
    return {"output_type": "error", "ename": ename, "evalue": evalue, "traceback": list(traceback)}


def png(raw=PNG):
    return display({"image/png": base64.b64encode(raw).decode("ascii"), "text/plain": "<image>"})


def notebook(*cells):
    return {"cells": list(cells), "metadata": {}, "nbformat": 4, "nbformat_minor": 5}


def checks_of(**fields):
    check = {"name": "accuracy", "regex": r"accuracy ([0-9.]+)", "min": 0.8, "max": 0.9}
    check.update(fields)
    return {"01-a.ipynb": [check]}


class OutputTextTest(unittest.TestCase):

    def test_joins_stdout_and_text_plain_in_cell_order(self):
        nb = notebook(code(stdout("a = 1\n"), result({"text/plain": "42"})),
                      code(display({"text/plain": ["line 1\n", "line 2"]})))
        self.assertEqual(nr.output_text(nb), "a = 1\n42\nline 1\nline 2")

    def test_keeps_a_cells_stdout_pieces_together_and_puts_other_outputs_on_new_lines(self):
        nb = notebook(code(stdout("test acc "), stdout("0.85\n"), stdout("done")),
                      code(stdout("next cell")), code(result({"text/plain": "7"}), stdout("x")))
        self.assertEqual(nr.output_text(nb), "test acc 0.85\ndone\nnext cell\n7\nx")

    def test_leaves_out_stderr_errors_markdown_and_images_without_text(self):
        nb = notebook({"cell_type": "markdown", "source": "accuracy 0.5", "metadata": {}},
                      code(stderr("accuracy 0.1\n"), error(evalue="accuracy 0.2"),
                           display({"image/png": "AAAA"}), stdout("kept")))
        self.assertEqual(nr.output_text(nb), "kept")

    def test_uses_html_without_tags_when_a_result_has_no_text_plain(self):
        nb = notebook(code(result({"text/html": "<b>0.87</b> &lt; 1"})))
        self.assertEqual(nr.output_text(nb), "0.87 < 1")

    def test_prefers_text_plain_over_html(self):
        nb = notebook(code(result({"text/html": "<b>html</b>", "text/plain": "plain"})))
        self.assertEqual(nr.output_text(nb), "plain")

    def test_removes_terminal_colour_codes(self):
        nb = notebook(code(stdout("\x1b[0m\x1b[32maccuracy 0.85\x1b[0m")))
        self.assertEqual(nr.output_text(nb), "accuracy 0.85")

    def test_empty_notebook_gives_empty_text(self):
        self.assertEqual(nr.output_text(notebook()), "")


class DetectionTest(unittest.TestCase):

    def test_finds_error_outputs_with_cell_index_and_clean_traceback(self):
        nb = notebook(code(stdout("ok")), code(error()))
        [(index, summary, traceback)] = nr.error_outputs(nb)
        self.assertEqual(index, 1)
        self.assertEqual(summary, "CompilerException: boom")
        self.assertEqual(traceback, "line 1\nline 2")

    def test_finds_stderr_streams_only(self):
        nb = notebook(code(stdout("fine")), code(stderr(["warn", "ing\n"])))
        self.assertEqual(nr.stderr_outputs(nb), [(1, "warning\n")])

    def test_decodes_png_outputs_in_order(self):
        nb = notebook(code(png(PNG + b"1")), code(stdout("x"), png(PNG + b"2")))
        self.assertEqual(nr.png_outputs(nb), [PNG + b"1", PNG + b"2"])

    def test_clean_notebook_has_nothing_to_report(self):
        nb = notebook(code(stdout("fine"), png()))
        self.assertEqual(nr.error_outputs(nb), [])
        self.assertEqual(nr.stderr_outputs(nb), [])


class ParseChecksTest(unittest.TestCase):

    def test_parses_a_valid_file(self):
        parsed = nr.parse_checks(checks_of(min=1, max=2))
        self.assertEqual(parsed, {"01-a.ipynb": [nr.Check("accuracy", r"accuracy ([0-9.]+)", 1.0, 2.0)]})

    def test_rejects_a_regex_without_exactly_one_group(self):
        for regex in (r"accuracy [0-9.]+", r"(accuracy) ([0-9.]+)"):
            with self.subTest(regex=regex), self.assertRaisesRegex(nr.ConfigError, "exactly one capture group"):
                nr.parse_checks(checks_of(regex=regex))

    def test_accepts_non_capturing_groups_besides_the_one(self):
        nr.parse_checks(checks_of(regex=r"(?:test|train) accuracy ([0-9.]+)"))

    def test_rejects_a_bad_regex(self):
        with self.assertRaisesRegex(nr.ConfigError, "bad regex"):
            nr.parse_checks(checks_of(regex="accuracy ([0-9.]+"))

    def test_rejects_min_above_max(self):
        with self.assertRaisesRegex(nr.ConfigError, "above max"):
            nr.parse_checks(checks_of(min=0.9, max=0.8))

    def test_rejects_non_numbers(self):
        for bad in ("0.8", None, True, float("nan"), float("inf")):
            with self.subTest(bad=bad), self.assertRaisesRegex(nr.ConfigError, "finite number"):
                nr.parse_checks(checks_of(min=bad))

    def test_rejects_missing_and_unknown_fields(self):
        check = checks_of()["01-a.ipynb"][0]
        del check["max"]
        with self.assertRaisesRegex(nr.ConfigError, "missing \\['max'\\]"):
            nr.parse_checks({"01-a.ipynb": [check]})
        with self.assertRaisesRegex(nr.ConfigError, "unknown \\['maximum'\\]"):
            nr.parse_checks(checks_of(maximum=1))

    def test_rejects_wrong_shapes(self):
        for data in ([], {"01-a.ipynb": {}}, {"01-a.ipynb": ["x"]}):
            with self.subTest(data=data), self.assertRaises(nr.ConfigError):
                nr.parse_checks(data)

    def test_load_checks_reports_unreadable_and_invalid_files(self):
        with tempfile.TemporaryDirectory() as tmp:
            with self.assertRaisesRegex(nr.ConfigError, "cannot read"):
                nr.load_checks(os.path.join(tmp, "missing.json"))
            bad = Path(tmp, "bad.json")
            bad.write_text("{not json")
            with self.assertRaisesRegex(nr.ConfigError, "not valid JSON"):
                nr.load_checks(bad)
            good = Path(tmp, "good.json")
            good.write_text(json.dumps(checks_of()))
            self.assertEqual(list(nr.load_checks(good)), ["01-a.ipynb"])


class BandCheckTest(unittest.TestCase):
    CHECK = nr.Check("accuracy", r"accuracy ([0-9.]+)", 0.8, 0.9)

    def test_passes_inside_the_band_and_at_its_edges(self):
        for value in ("0.8", "0.85", "0.9"):
            with self.subTest(value=value):
                r = nr.band_check("01-a.ipynb", self.CHECK, f"test accuracy {value}\n")
                self.assertTrue(r.ok)
                self.assertEqual(r.line, f"PASS 01-a.ipynb: accuracy = {value} (band [0.8, 0.9])")

    def test_fails_outside_the_band(self):
        r = nr.band_check("01-a.ipynb", self.CHECK, "accuracy 0.95")
        self.assertFalse(r.ok)
        self.assertEqual(r.line, "FAIL 01-a.ipynb: accuracy = 0.95 (band [0.8, 0.9])")

    def test_fails_when_the_regex_does_not_match(self):
        r = nr.band_check("01-a.ipynb", self.CHECK, "loss 0.3")
        self.assertFalse(r.ok)
        self.assertIn("no match", r.line)

    def test_fails_when_the_capture_is_not_a_number(self):
        r = nr.band_check("01-a.ipynb", self.CHECK, "accuracy ...")
        self.assertFalse(r.ok)
        self.assertIn("not a number", r.line)

    def test_fails_when_the_group_did_not_take_part(self):
        check = nr.Check("x", r"accuracy(?: ([0-9.]+))?", 0, 1)
        self.assertFalse(nr.band_check("n", check, "accuracy").ok)

    def test_uses_the_first_match_and_parses_scientific_notation(self):
        check = nr.Check("loss", r"loss=(\S+)", 0, 0.01)
        self.assertTrue(nr.band_check("n", check, "loss=1e-3 then loss=5").ok)

    def test_negative_numbers(self):
        check = nr.Check("shift", r"shift (-?[0-9.]+)", -1, 0)
        self.assertTrue(nr.band_check("n", check, "shift -0.5").ok)


class NotebookChecksTest(unittest.TestCase):

    def test_clean_notebook_passes_all_three_and_its_bands(self):
        nb = notebook(code(stdout("accuracy 0.85\n"), png()))
        results = nr.notebook_checks("01-a.ipynb", nb, [BandCheckTest.CHECK])
        self.assertEqual([r.ok for r in results], [True, True, True, True])
        self.assertEqual(nr.summary_line(results), "4 passed, 0 failed")

    def test_error_stderr_and_missing_image_each_fail(self):
        nb = notebook(code(stderr("warning\n")), code(error()))
        results = nr.structural_checks("01-a.ipynb", nb)
        self.assertEqual([r.ok for r in results], [False, False, False])
        self.assertIn("first in cell 1: CompilerException: boom", results[0].line)
        self.assertIn("first in cell 0: warning", results[1].line)
        self.assertIn("no image/png", results[2].line)

    def test_image_that_is_not_png_fails(self):
        nb = notebook(code(png(b"GIF89a...")))
        self.assertFalse(nr.structural_checks("n", nb)[2].ok)

    def test_summary_line_counts(self):
        results = [nr.Result(True, ""), nr.Result(False, ""), nr.Result(False, "")]
        self.assertEqual(nr.summary_line(results), "1 passed, 2 failed")

    def test_check_file_entries_without_a_notebook_fail_when_running_the_folder(self):
        checks = nr.parse_checks(checks_of())
        [r] = nr.unchecked_entries(checks, [Path("notebooks/02-b.ipynb")], explicit=False)
        self.assertFalse(r.ok)
        self.assertIn("01-a.ipynb", r.line)
        self.assertEqual(nr.unchecked_entries(checks, [Path("notebooks/02-b.ipynb")], explicit=True), [])


class FilesTest(unittest.TestCase):

    def test_charts_are_numbered_from_one_and_old_ones_of_the_same_notebook_go(self):
        with tempfile.TemporaryDirectory() as tmp:
            charts = Path(tmp)
            for stale in ("01-a-7.png", "01-a-extra-1.png", "02-b-1.png"):
                (charts / stale).write_bytes(b"old")
            nb = notebook(code(png(PNG + b"1")), code(png(PNG + b"2")))
            written = nr.write_charts(nb, "01-a", charts)
            self.assertEqual([p.name for p in written], ["01-a-1.png", "01-a-2.png"])
            self.assertEqual(sorted(p.name for p in charts.iterdir()),
                             ["01-a-1.png", "01-a-2.png", "01-a-extra-1.png", "02-b-1.png"])
            self.assertEqual((charts / "01-a-2.png").read_bytes(), PNG + b"2")

    def test_write_atomically_leaves_no_temporary_file_and_a_readable_mode(self):
        with tempfile.TemporaryDirectory() as tmp:
            target = Path(tmp, "sub", "x.txt")
            nr.write_atomically(target, "hello")
            self.assertEqual(target.read_text(), "hello")
            self.assertEqual(os.listdir(target.parent), ["x.txt"])
            self.assertTrue(target.stat().st_mode & 0o044)


class CommandLineTest(unittest.TestCase):

    def main(self, *argv):
        err = io.StringIO()
        with contextlib.redirect_stderr(err):
            status = nr.main(list(argv))
        return status, err.getvalue()

    def test_execute_needs_a_destination(self):
        with tempfile.TemporaryDirectory() as tmp:
            nb = Path(tmp, "01-a.ipynb")
            nb.write_text(json.dumps(notebook()))
            status, err = self.main("execute", str(nb))
            self.assertEqual(status, 2)
            self.assertIn("--in-place or --out", err)

    def test_missing_notebook_is_a_usage_error(self):
        status, err = self.main("check", "/nonexistent/01-a.ipynb")
        self.assertEqual(status, 2)
        self.assertIn("no such notebook", err)

    def test_bad_check_file_fails_before_anything_runs(self):
        with tempfile.TemporaryDirectory() as tmp:
            nb = Path(tmp, "01-a.ipynb")
            nb.write_text(json.dumps(notebook()))
            bad = Path(tmp, "expected.json")
            bad.write_text(json.dumps(checks_of(regex="no group")))
            status, err = self.main("execute", "--out", tmp, "--check", str(bad), str(nb))
            self.assertEqual(status, 2)
            self.assertIn("exactly one capture group", err)


if __name__ == "__main__":
    unittest.main()


class ReproductionCheckTest(unittest.TestCase):
    folder = Path("/work/x/notebooks")

    def run_check(self, before, after):
        return nr.reproduction_check("01-a.ipynb", notebook(code(stdout(before))), notebook(code(stdout(after))), self.folder)

    def test_same_numbers_with_other_timings_and_folder_pass(self):
        r = self.run_check("Add /home/teacher/dropout/notebooks/../t.jar\nacc 0.8494  (1.2 s)\nrun 10 0.85 12.8 s\n",
                           "Add /work/x/notebooks/../t.jar\nacc 0.8494  (3.4 s)\nrun 10 0.85 9 s\n")
        self.assertTrue(r.ok, r.line)

    def test_a_wider_timing_column_passes(self):
        r = self.run_check("standard   0.8422      2.5 s\n", "standard   0.8422     19.6 s\n")
        self.assertTrue(r.ok, r.line)

    def test_a_changed_number_fails_and_names_the_line(self):
        r = self.run_check("loss 0.4832\nacc 0.8494\n", "loss 0.4832\nacc 0.8495\n")
        self.assertFalse(r.ok)
        self.assertIn("line 2", r.line)
        self.assertIn("acc 0.8494", r.line)
        self.assertIn("acc 0.8495", r.line)

    def test_extra_or_missing_lines_fail(self):
        self.assertFalse(self.run_check("a 1\n", "a 1\nb 2\n").ok)

    def test_an_unexecuted_original_fails(self):
        self.assertFalse(self.run_check("", "a 1\n").ok)


class KernelEnvironmentTest(unittest.TestCase):

    def test_adds_an_english_locale_for_the_jvm_and_keeps_the_rest(self):
        env = nr.kernel_environment({"LANG": "de_DE.UTF-8", "PATH": "/usr/bin"})
        self.assertEqual(env["JDK_JAVA_OPTIONS"], "-Duser.language=en -Duser.country=US")
        self.assertEqual(env["LANG"], "de_DE.UTF-8")
        self.assertEqual(env["PATH"], "/usr/bin")

    def test_keeps_the_users_java_options_and_adds_the_locale_once(self):
        env = nr.kernel_environment({"JDK_JAVA_OPTIONS": "-Xmx2g"})
        self.assertEqual(env["JDK_JAVA_OPTIONS"], "-Xmx2g -Duser.language=en -Duser.country=US")
        self.assertEqual(nr.kernel_environment(env)["JDK_JAVA_OPTIONS"], env["JDK_JAVA_OPTIONS"])

    def test_does_not_change_the_environment_it_was_given(self):
        given = {"A": "1"}
        nr.kernel_environment(given)
        self.assertEqual(given, {"A": "1"})

    def test_pins_the_blas_kernel_over_the_environments_own(self):
        self.assertEqual(nr.kernel_environment({})["OPENBLAS_CORETYPE"], "Haswell")
        self.assertEqual(nr.kernel_environment({"OPENBLAS_CORETYPE": "SandyBridge"})["OPENBLAS_CORETYPE"], "Haswell")

    def test_says_once_when_it_replaces_the_environments_blas_kernel(self):
        self.assertIsNone(nr.blas_pin_note({}))
        self.assertIsNone(nr.blas_pin_note({"OPENBLAS_CORETYPE": "haswell"}))
        note = nr.blas_pin_note({"OPENBLAS_CORETYPE": "SandyBridge"})
        self.assertIn("OPENBLAS_CORETYPE=SandyBridge", note)
        self.assertIn("replaced by Haswell", note)


def setup_cell(*outputs):
    return {"cell_type": "code", "source": "%jars ../target/dropout-steps.jar", "metadata": {}, "outputs": list(outputs)}


class StabiliseTest(unittest.TestCase):
    RAPAIO_CHATTER = "\x1b[0m\x1b[32mAdd /work/main/notebooks/../target/dropout-steps.jar to classpath\x1b[0m"

    def test_drops_the_setup_cells_classpath_chatter(self):
        nb = nr.stabilise(notebook(setup_cell(stdout(self.RAPAIO_CHATTER))))
        self.assertEqual(nb["cells"][0]["outputs"], [])

    def test_keeps_other_setup_output_without_colour_codes(self):
        nb = nr.stabilise(notebook(setup_cell(stdout(self.RAPAIO_CHATTER + "\nsomething else\n"))))
        self.assertEqual(nb["cells"][0]["outputs"], [stdout("something else\n")])

    def test_keeps_a_printed_line_that_only_looks_like_chatter_outside_setup_cells(self):
        nb = nr.stabilise(notebook(code(stdout("Add 3 to classpath\n"))))
        self.assertEqual(nb["cells"][0]["outputs"], [stdout("Add 3 to classpath\n")])

    def test_removes_colour_codes_from_streams(self):
        nb = nr.stabilise(notebook(code(stderr("\x1b[31mboom\x1b[0m\n"))))
        self.assertEqual(nb["cells"][0]["outputs"], [stderr("boom\n")])

    def test_joins_consecutive_pieces_of_one_stream(self):
        nb = nr.stabilise(notebook(code(stdout("epoch 1\n"), stdout(["epoch 2\n", "epoch 3\n"]), stderr("w\n"),
                                        stdout("epoch 4\n"))))
        self.assertEqual(nb["cells"][0]["outputs"], [stdout("epoch 1\nepoch 2\nepoch 3\n"), stderr("w\n"),
                                                     stdout("epoch 4\n")])

    def test_drops_text_plain_beside_an_image_only(self):
        png = base64.b64encode(PNG).decode()
        nb = nr.stabilise(notebook(code(result({"image/png": png, "text/plain": "java.awt.image.BufferedImage@5e1f"}),
                                        result({"text/plain": "42"}))))
        self.assertEqual([o["data"] for o in nb["cells"][0]["outputs"]], [{"image/png": png}, {"text/plain": "42"}])

    def test_language_info_carries_no_jdk_build(self):
        nb = notebook(code())
        nb["metadata"]["language_info"] = {"name": "Java", "version": "17.0.15+6-Debian-1deb12u1"}
        self.assertEqual(nr.stabilise(nb)["metadata"]["language_info"], nr.LANGUAGE_INFO)

    def test_is_idempotent(self):
        once = nr.stabilise(notebook(setup_cell(stdout(self.RAPAIO_CHATTER)), code(stdout("\x1b[1mx\x1b[0m\n"))))
        self.assertEqual(nr.stabilise(json.loads(json.dumps(once))), once)

    def test_reproduction_ignores_chatter_and_timing_padding(self):
        before = notebook(setup_cell(stdout(self.RAPAIO_CHATTER)), code(stdout("run 1 0.8422      12.5 s\n")))
        after = notebook(setup_cell(), code(stdout("run 1 0.8422       9.8 s\n")))
        self.assertTrue(nr.reproduction_check("a.ipynb", before, after, "/x/notebooks").ok)

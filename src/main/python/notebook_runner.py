#!/usr/bin/python3
"""Execute the Java notebooks headless, keep what they show, and check what they print.

    notebook_runner.py execute (--in-place | --out DIR) [--html DIR] [--charts DIR]
                               [--check notebooks/expected.json] [notebooks ...]
    notebook_runner.py check [--check notebooks/expected.json] [notebooks ...]

`execute` runs each notebook with nbclient on the Jupyter kernel `java` (--kernel), started in the
notebook's own folder, so `%jars ../target/dropout-steps.jar` resolves. A kernel that does not
answer within --startup-timeout seconds is killed and started again, at most --attempts times in
all; after that the run fails and prints what the kernel wrote to its stdout/stderr.
It writes
  - the executed notebook: over the original (--in-place) or to DIR/<name>.ipynb (--out DIR);
    with --in-place, a notebook whose run failed (stopped, error or stderr output, no image) is
    left as it was. It is written path-free and kernel-free (see stabilise): no classpath chatter
    from the setup cell, no terminal colour codes, no text/plain beside an image, fixed language_info;
  - an HTML copy, images embedded: <html>/<stem>.html (--html, default: --out DIR);
  - every image/png output as a file: <charts>/<stem>-<k>.png, k = 1, 2, ... in cell order
    (--charts, default: DIR/charts with --out DIR).
`check` runs the same checks on notebooks as they are (say, the committed executed ones).
With --reproduce, `execute` also compares what each notebook printed with what the notebook it
read (the committed, executed one) had printed, timings ("<number> s") and the folder path masked:
the same seed must print the same numbers.

Checks on each notebook: no `error` output, no `stderr` stream output, at least one image/png
output, and, with --check FILE, the numeric bands FILE lists for it:
    {"01-name.ipynb": [{"name": "test accuracy", "regex": "test accuracy ([0-9.]+)",
                        "min": 0.80, "max": 0.95}, ...], ...}
Each regex has exactly one capture group and is searched (first match) in the notebook's text:
the stdout streams and text/plain outputs of all cells (text/html, tags removed, where a result
has no text/plain: rapaio's way of showing a value), in order, joined by newlines, terminal
colour codes removed. The captured number must lie in [min, max]; no match is a failure.
One line per check (PASS/FAIL), then `N passed, N failed` as the last line; exit status 1 if
anything failed, 2 on bad arguments or a bad check file.

Needs Python 3 with nbclient, nbformat, nbconvert (Debian: python3-nbclient python3-nbformat
jupyter-nbconvert); its pure parts (the checks) use the standard library only.
"""

import argparse
import asyncio
import base64
import copy
import html
import json
import math
import os
import re
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

DEFAULT_KERNEL = "java"
# A healthy rapaio kernel answers in 1-7 s (measured on 2 busy cores); a hung one never does.
DEFAULT_STARTUP_TIMEOUT = 30.0
DEFAULT_ATTEMPTS = 4
DEFAULT_CELL_TIMEOUT = 900
KERNEL_LOG_TAIL_LINES = 60
# Java formats numbers in the machine's locale: 0,8494 on a German or French one. Every Java kernel
# (IJava, rapaio) is started by the `java` launcher, which reads JDK_JAVA_OPTIONS.
JAVA_LOCALE_OPTIONS = "-Duser.language=en -Duser.country=US"
# ND4J's OpenBLAS picks its matrix-product kernel by CPU, and kernels round differently; the committed
# notebooks were executed with this one, which every x86-64 CPU with AVX2 runs (README, "Same digits").
BLAS_CORETYPE = "Haswell"

ANSI_ESCAPE = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]")
HTML_TAG = re.compile(r"<[^>]*>")
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


class ConfigError(Exception):
    """A bad check file or bad arguments: reported before anything runs."""


class Check(NamedTuple):
    name: str
    regex: str
    min: float
    max: float


class Result(NamedTuple):
    ok: bool
    line: str


# ------------------------------------------------------------------------------------------------
# Pure parts: notebooks are plain dicts here (nbformat's NotebookNode is a dict).
# ------------------------------------------------------------------------------------------------

def strip_ansi(text):
    return ANSI_ESCAPE.sub("", text)


def _joined(value):
    """nbformat stores multi-line strings either as one string or as a list of lines."""
    return "".join(value) if isinstance(value, list) else (value or "")


def _outputs(nb):
    for index, cell in enumerate(nb.get("cells", [])):
        if cell.get("cell_type") == "code":
            for output in cell.get("outputs", []):
                yield index, output


def html_to_text(markup):
    return html.unescape(HTML_TAG.sub("", markup))


def output_text(nb):
    """The text the band checks search: stdout streams, and the text/plain of results and displays.

    A result without text/plain contributes its text/html with the tags removed: rapaio shows a
    value (a cell's last expression) as text/html only, IJava as text/plain. Pieces of one cell's
    stdout follow each other as printed; anything else starts on a new line.
    """
    text, previous = "", None
    for index, output in _outputs(nb):
        kind = output.get("output_type")
        if kind == "stream" and output.get("name") == "stdout":
            piece, this = _joined(output.get("text")), ("stdout", index)
        elif kind in ("execute_result", "display_data"):
            data, this = output.get("data", {}), ("data", index)
            if "text/plain" in data:
                piece = _joined(data["text/plain"])
            elif "text/html" in data:
                piece = html_to_text(_joined(data["text/html"]))
            else:
                continue
        else:
            continue
        if text and not text.endswith("\n") and not (this[0] == "stdout" and previous == this):
            text += "\n"
        text += piece
        previous = this
    return strip_ansi(text)


def error_outputs(nb):
    """[(cell index, one-line description, traceback text)] for every `error` output."""
    found = []
    for index, output in _outputs(nb):
        if output.get("output_type") == "error":
            ename, evalue = output.get("ename") or "error", (output.get("evalue") or "").strip()
            summary = f"{ename}: {evalue}" if evalue else ename
            traceback = strip_ansi("\n".join(output.get("traceback", []) or []))
            found.append((index, strip_ansi(summary), traceback))
    return found


def stderr_outputs(nb):
    """[(cell index, text)] for every stream output on stderr."""
    return [(index, strip_ansi(_joined(output.get("text"))))
            for index, output in _outputs(nb)
            if output.get("output_type") == "stream" and output.get("name") == "stderr"]


def png_outputs(nb):
    """The decoded bytes of every image/png output, in cell order."""
    images = []
    for _, output in _outputs(nb):
        if output.get("output_type") in ("display_data", "execute_result"):
            data = output.get("data", {}).get("image/png")
            if data is not None:
                images.append(base64.b64decode(_joined(data)))
    return images


def _number(value, what):
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise ConfigError(f"{what} must be a finite number, not {value!r}")
    return float(value)


def parse_checks(data):
    """Validates the check file's content: {notebook file name: [Check, ...]}."""
    if not isinstance(data, dict):
        raise ConfigError("the check file must hold a JSON object: notebook file name -> list of checks")
    parsed = {}
    for notebook, checks in data.items():
        if not isinstance(checks, list):
            raise ConfigError(f"{notebook}: must map to a list of checks")
        parsed[notebook] = []
        for i, check in enumerate(checks):
            where = f"{notebook} check {i + 1}"
            if not isinstance(check, dict):
                raise ConfigError(f"{where}: must be an object with name, regex, min, max")
            unknown = set(check) - {"name", "regex", "min", "max"}
            missing = {"name", "regex", "min", "max"} - set(check)
            if missing or unknown:
                raise ConfigError(f"{where}: needs exactly name, regex, min, max"
                                  f" (missing {sorted(missing)}, unknown {sorted(unknown)})")
            name, regex = check["name"], check["regex"]
            if not isinstance(name, str) or not name:
                raise ConfigError(f"{where}: name must be a non-empty string")
            if not isinstance(regex, str):
                raise ConfigError(f"{where} ({name}): regex must be a string")
            try:
                groups = re.compile(regex).groups
            except re.error as e:
                raise ConfigError(f"{where} ({name}): bad regex: {e}") from None
            if groups != 1:
                raise ConfigError(f"{where} ({name}): regex must have exactly one capture group, has {groups}")
            low = _number(check["min"], f"{where} ({name}): min")
            high = _number(check["max"], f"{where} ({name}): max")
            if low > high:
                raise ConfigError(f"{where} ({name}): min {low:g} is above max {high:g}")
            parsed[notebook].append(Check(name, regex, low, high))
    return parsed


def load_checks(path):
    try:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
    except OSError as e:
        raise ConfigError(f"cannot read check file {path}: {e.strerror}") from None
    except json.JSONDecodeError as e:
        raise ConfigError(f"{path} is not valid JSON: {e}") from None
    try:
        return parse_checks(data)
    except ConfigError as e:
        raise ConfigError(f"{path}: {e}") from None


def band_check(notebook, check, text):
    """One numeric band: the first match's capture group, parsed as a number, within [min, max]."""
    label = f"{notebook}: {check.name}"
    band = f"band [{check.min:g}, {check.max:g}]"
    match = re.search(check.regex, text)
    if match is None or match.group(1) is None:
        return Result(False, f"FAIL {label}: no match for /{check.regex}/ in the notebook's output ({band})")
    captured = match.group(1)
    try:
        value = float(captured.strip())
    except ValueError:
        return Result(False, f"FAIL {label}: captured {captured!r}, not a number ({band})")
    ok = check.min <= value <= check.max
    return Result(ok, f"{'PASS' if ok else 'FAIL'} {label} = {captured.strip()} ({band})")


def notebook_checks(notebook, nb, checks=()):
    """The checks every executed notebook must pass, then its numeric bands."""
    text = output_text(nb)
    return structural_checks(notebook, nb) + [band_check(notebook, check, text) for check in checks]


def structural_checks(notebook, nb):
    """No error output, no stderr output, at least one PNG."""
    results = []
    errors = error_outputs(nb)
    if errors:
        index, summary, _ = errors[0]
        results.append(Result(False, f"FAIL {notebook}: {len(errors)} error output(s); first in cell {index}: {summary}"))
    else:
        results.append(Result(True, f"PASS {notebook}: no error output"))
    stderr = stderr_outputs(nb)
    if stderr:
        index, text = stderr[0]
        first = text.strip().splitlines()[0][:200] if text.strip() else "(blank)"
        results.append(Result(False, f"FAIL {notebook}: {len(stderr)} stderr output(s); first in cell {index}: {first}"))
    else:
        results.append(Result(True, f"PASS {notebook}: no stderr output"))
    images = png_outputs(nb)
    broken = [k for k, image in enumerate(images, 1) if not image.startswith(PNG_SIGNATURE)]
    if not images:
        results.append(Result(False, f"FAIL {notebook}: no image/png output"))
    elif broken:
        results.append(Result(False, f"FAIL {notebook}: image/png output(s) {broken} are not PNG data"))
    else:
        results.append(Result(True, f"PASS {notebook}: {len(images)} image/png output(s)"))
    return results


# A wall-clock figure with the spaces that pad it into a column (their count varies with its width).
TIMING = re.compile(r" *\b\d+(?:\.\d+)? s\b")

# ------------------------------------------------------------------------------------------------
# Stable notebooks: what the runner writes carries neither the machine nor the kernel that ran it.
# ------------------------------------------------------------------------------------------------

# rapaio's `%jars` says "Add <absolute path> to classpath", in terminal colours; IJava says nothing.
CLASSPATH_CHATTER = re.compile(r"^Add .+ to classpath[ \t]*$")
MAGIC_LINE = re.compile(r"^\s*(%.*|//.*)?$")
# What the notebooks' metadata says about their language, whichever Java kernel and JDK ran them
# (kernels report their JDK's full version, e.g. 17.0.15+6-Debian-1deb12u1, and spell the name differently).
LANGUAGE_INFO = {
    "codemirror_mode": "java",
    "file_extension": ".jshell",
    "mimetype": "text/x-java-source",
    "name": "java",
    "nbconvert_exporter": "script",
    "pygments_lexer": "java",
}


def _is_setup_cell(cell):
    """A code cell of line magics (and comments) only, such as `%jars ../target/dropout-steps.jar`."""
    lines = _joined(cell.get("source")).splitlines()
    return any(line.strip() for line in lines) and all(MAGIC_LINE.match(line) for line in lines)


def stabilise(nb):
    """Makes an executed notebook (in place, and returns it) the same bytes whichever folder, machine and
    Java kernel executed it, printed timings and chart pixels aside:
      - a setup cell's (line magics only) classpath chatter is dropped: rapaio prints the jar's absolute path;
      - terminal colour codes are removed from stream outputs, and consecutive outputs of one stream are
        joined into one (where a kernel splits a stream depends on timing);
      - text/plain beside an image/png is dropped: IJava adds `java.awt.image.BufferedImage@<hash>`;
      - metadata.language_info is the fixed LANGUAGE_INFO (no JDK build string).
    """
    for cell in nb.get("cells", []):
        if cell.get("cell_type") != "code":
            continue
        setup = _is_setup_cell(cell)
        kept = []
        for output in cell.get("outputs", []):
            kind = output.get("output_type")
            if kind == "stream":
                text = strip_ansi(_joined(output.get("text")))
                if setup:
                    text = "".join(line for line in text.splitlines(keepends=True)
                                   if not CLASSPATH_CHATTER.match(line.rstrip("\r\n")))
                if not text:
                    continue
                previous = kept[-1] if kept else None
                if previous is not None and previous.get("output_type") == "stream" \
                        and previous.get("name") == output.get("name"):
                    previous["text"] += text  # how a kernel splits a stream depends on timing
                    continue
                output["text"] = text
            elif kind in ("execute_result", "display_data"):
                data = output.get("data", {})
                if "image/png" in data:
                    data.pop("text/plain", None)
            kept.append(output)
        cell["outputs"] = kept
    nb.setdefault("metadata", {})["language_info"] = dict(LANGUAGE_INFO)
    return nb


def comparable_text(nb, folder):
    """The stabilised notebook's printed text with what may differ between two faithful runs masked:
    wall-clock figures (a number followed by " s", the unit every notebook prints timings with, with the
    spaces that pad it) and any absolute
    path to a folder of the notebook's folder name (kernels echo it when they load the library, and the
    committed notebooks were executed in another checkout)."""
    text = output_text(stabilise(copy.deepcopy(nb)))
    text = re.sub(r"/\S*/" + re.escape(Path(folder).name) + r"(?=/)", "<notebooks>", text)
    return TIMING.sub(" <t> s", text)


def reproduction_check(notebook, original, executed, folder):
    """Same seed, same numbers: the re-executed notebook prints what the original (committed) one printed."""
    before = comparable_text(original, folder).splitlines()
    after = comparable_text(executed, folder).splitlines()
    if not any(line.strip() for line in before):
        return Result(False, f"FAIL {notebook}: the original has no printed output to compare with (commit it executed)")
    differing = [(k, a, b) for k, (a, b) in enumerate(zip(before, after), 1) if a != b]
    if len(before) != len(after):
        differing.append((min(len(before), len(after)) + 1, f"<{len(before)} lines>", f"<{len(after)} lines>"))
    if not differing:
        return Result(True, f"PASS {notebook}: re-execution printed the same {len(before)} lines as the original")
    k, a, b = differing[0]
    return Result(False, f"FAIL {notebook}: re-execution printed {len(differing)} line(s) differently from the original;"
                         f" first at line {k}:\n    original: {a}\n    now:      {b}")


def summary_line(results):
    passed = sum(1 for r in results if r.ok)
    return f"{passed} passed, {len(results) - passed} failed"


# ------------------------------------------------------------------------------------------------
# Files
# ------------------------------------------------------------------------------------------------

def write_atomically(path, data):
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        umask = os.umask(0)
        os.umask(umask)
        os.fchmod(fd, 0o666 & ~umask)  # mkstemp makes 0600; give the file the usual mode
        with os.fdopen(fd, "wb") as f:
            f.write(data if isinstance(data, bytes) else data.encode("utf-8"))
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def write_notebook(nb, path):
    import nbformat
    write_atomically(path, nbformat.writes(nb))


# Debian's nbconvert points these at file:///usr/share/javascript/..., which only a Debian machine
# with those packages has; nbconvert's upstream defaults (a CDN) work wherever the HTML is opened.
HTML_SCRIPT_URLS = {
    "mathjax_url": "https://cdnjs.cloudflare.com/ajax/libs/mathjax/2.7.7/MathJax.js?config=TeX-AMS_CHTML-full,Safe",
    "require_js_url": "https://cdnjs.cloudflare.com/ajax/libs/require.js/2.1.10/require.min.js",
    "jquery_url": "https://cdnjs.cloudflare.com/ajax/libs/jquery/2.0.3/jquery.min.js",
}


def write_html(nb, notebook_path, html_dir):
    from nbconvert import HTMLExporter
    exporter = HTMLExporter(embed_images=True)
    for name, url in HTML_SCRIPT_URLS.items():
        if exporter.has_trait(name):
            setattr(exporter, name, url)
    resources = {"metadata": {"path": str(notebook_path.parent), "name": notebook_path.stem}}
    body, _ = exporter.from_notebook_node(nb, resources=resources)
    target = Path(html_dir) / f"{notebook_path.stem}.html"
    write_atomically(target, body)
    return target


def write_charts(nb, stem, charts_dir):
    """<charts>/<stem>-<k>.png for each image/png output; this notebook's old charts go first."""
    charts_dir = Path(charts_dir)
    charts_dir.mkdir(parents=True, exist_ok=True)
    own = re.compile(re.escape(stem) + r"-\d+\.png")
    for old in charts_dir.iterdir():
        if own.fullmatch(old.name):
            old.unlink()
    written = []
    for k, image in enumerate(png_outputs(nb), 1):
        target = charts_dir / f"{stem}-{k}.png"
        write_atomically(target, image)
        written.append(target)
    return written


# ------------------------------------------------------------------------------------------------
# Kernel and execution
# ------------------------------------------------------------------------------------------------

class KernelStartError(Exception):
    def __init__(self, message, log_tail):
        super().__init__(message)
        self.log_tail = log_tail


def read_tail(log_file, lines=KERNEL_LOG_TAIL_LINES):
    if log_file is None:
        return ""
    log_file.flush()
    log_file.seek(0)
    text = log_file.read().decode("utf-8", errors="replace")
    return "\n".join(strip_ansi(text).splitlines()[-lines:])


def indent(text, prefix="    | "):
    return "\n".join(prefix + line for line in text.splitlines()) if text.strip() else prefix + "(nothing)"


def kernel_environment(environ):
    """The environment a kernel starts with: ours, plus an English locale for the JVM and the pinned
    BLAS kernel (replacing any other the environment names), so that a notebook prints the same digits
    on every machine."""
    env = dict(environ)
    options = env.get("JDK_JAVA_OPTIONS", "").strip()
    if JAVA_LOCALE_OPTIONS not in options:
        env["JDK_JAVA_OPTIONS"] = f"{options} {JAVA_LOCALE_OPTIONS}".strip()
    env["OPENBLAS_CORETYPE"] = BLAS_CORETYPE
    return env


def blas_pin_note(environ):
    """One line saying that the environment's own OPENBLAS_CORETYPE is replaced, or None."""
    own = environ.get("OPENBLAS_CORETYPE")
    if own is None or own.strip().lower() == BLAS_CORETYPE.lower():
        return None
    return (f"note: OPENBLAS_CORETYPE={own} from the environment is replaced by {BLAS_CORETYPE} in the kernel,"
            f" the BLAS kernel the committed notebooks were executed with (another kernel prints other digits)")


async def start_kernel(kernel_name, cwd, startup_timeout, attempts):
    """Starts the kernel in cwd and waits until it answers kernel_info; retries a start that hangs.

    Returns (kernel manager, client, log file, seconds to ready, attempts used).
    """
    from jupyter_client.manager import AsyncKernelManager
    from jupyter_client.kernelspec import NoSuchKernel

    started = time.monotonic()
    last_reason, last_tail = "", ""
    for attempt in range(1, attempts + 1):
        log_file = tempfile.TemporaryFile()
        km = AsyncKernelManager(kernel_name=kernel_name)
        try:
            await km.start_kernel(cwd=str(cwd), stdout=log_file, stderr=log_file,
                                  env=kernel_environment(os.environ))
        except NoSuchKernel:
            raise KernelStartError(f"no Jupyter kernelspec named '{kernel_name}' "
                                   f"(install one: bash src/main/scripts/install-kernel.sh)", "") from None
        except OSError as e:
            raise KernelStartError(f"kernel '{kernel_name}' could not be launched: {e}", read_tail(log_file)) from None
        attempt_started = time.monotonic()
        kc = km.client()
        kc.start_channels()
        try:
            await kc.wait_for_ready(timeout=startup_timeout)
        except RuntimeError as e:
            last_reason = str(e)
            kc.stop_channels()
            await km.shutdown_kernel(now=True)
            last_tail = read_tail(log_file)
            log_file.close()
            print(f"   kernel start {attempt}/{attempts} failed after {time.monotonic() - attempt_started:.1f} s:"
                  f" {last_reason}" + ("; starting it again" if attempt < attempts else ""), flush=True)
            continue
        kc.allow_stdin = False
        return km, kc, log_file, time.monotonic() - started, attempt
    raise KernelStartError(f"kernel '{kernel_name}' did not start in {attempts} attempt(s)"
                           f" ({startup_timeout:g} s each); last: {last_reason}", last_tail)


async def execute_notebook(nb, cwd, args):
    """Executes nb (in memory). Returns (problem or None, kernel log tail if it matters, seconds to
    kernel ready, kernel starts)."""
    from nbclient import NotebookClient
    from nbclient.exceptions import CellTimeoutError, DeadKernelError

    km, kc, log_file, ready_seconds, attempts = await start_kernel(
        args.kernel, cwd, args.startup_timeout, args.attempts)
    client = NotebookClient(nb, km=km, kernel_name=args.kernel, timeout=args.cell_timeout,
                            startup_timeout=int(math.ceil(args.startup_timeout)), allow_errors=True,
                            record_timing=False, resources={"metadata": {"path": str(cwd)}})
    client.kc = kc
    problem, show_log = None, False
    try:
        await client.async_execute()
    except CellTimeoutError:
        problem = f"a cell ran longer than {args.cell_timeout} s (--cell-timeout)"
    except DeadKernelError as e:
        problem, show_log = f"the kernel died: {e}", True
    except Exception as e:  # anything else nbclient raises: report it with the rest, do not stop
        problem, show_log = f"execution failed: {type(e).__name__}: {e}", True
    finally:
        kc.stop_channels()
        try:
            await km.shutdown_kernel(now=problem is not None)
        except Exception as e:  # a kernel that is gone already is fine
            print(f"   (kernel shutdown: {e})", flush=True)
    tail = read_tail(log_file) if show_log else ""
    log_file.close()
    return problem, tail, ready_seconds, attempts


# ------------------------------------------------------------------------------------------------
# Commands
# ------------------------------------------------------------------------------------------------

def notebook_paths(names):
    paths = [Path(n) for n in names] if names else sorted(Path("notebooks").glob("*.ipynb"))
    if not paths:
        raise ConfigError("no notebooks given and none found in notebooks/*.ipynb")
    missing = [str(p) for p in paths if not p.is_file()]
    if missing:
        raise ConfigError(f"no such notebook: {', '.join(missing)}")
    names_seen = {}
    for p in paths:
        if p.name in names_seen:
            raise ConfigError(f"two notebooks named {p.name}: {names_seen[p.name]} and {p}")
        names_seen[p.name] = p
    return paths


def unchecked_entries(checks, paths, explicit):
    """Check-file entries for notebooks that do not exist (only when running the whole folder)."""
    if explicit or checks is None:
        return []
    present = {p.name for p in paths}
    return [Result(False, f"FAIL {name}: listed in the check file, but there is no such notebook")
            for name in sorted(checks) if name not in present]


def print_results(results, nb):
    for r in results:
        print(r.line)
    errors = error_outputs(nb)
    if errors:
        index, summary, traceback = errors[0]
        print(f"   first error, cell {index}:\n{indent(traceback or summary)}")
    sys.stdout.flush()


def report(results, timings):
    if timings:
        print("\n== execution times")
        for name, seconds, status in timings:
            print(f"   {seconds:8.1f} s  {name}  {status}")
        print(f"   {sum(t[1] for t in timings):8.1f} s  total")
    print(summary_line(results), flush=True)
    return 0 if all(r.ok for r in results) else 1


def cmd_check(args):
    checks = load_checks(args.check) if args.check else None
    paths = notebook_paths(args.notebooks)
    import nbformat
    results = unchecked_entries(checks, paths, bool(args.notebooks))
    for line in (r.line for r in results):
        print(line)
    for path in paths:
        try:
            nb = nbformat.read(str(path), as_version=4)
        except Exception as e:
            results.append(Result(False, f"FAIL {path.name}: cannot read it: {type(e).__name__}: {e}"))
            print(results[-1].line)
            continue
        nb_results = notebook_checks(path.name, nb, (checks or {}).get(path.name, []))
        print_results(nb_results, nb)
        results.extend(nb_results)
    return report(results, [])


async def run_all(paths, checks, args, html_dir, charts_dir):
    import nbformat
    results, timings = [], []
    for n, path in enumerate(paths):
        cwd = path.resolve().parent
        print(f"\n== {path} ({n + 1}/{len(paths)}): kernel '{args.kernel}', cwd {cwd}", flush=True)
        try:
            nb = nbformat.read(str(path), as_version=4)
        except Exception as e:
            results.append(Result(False, f"FAIL {path.name}: cannot read it: {type(e).__name__}: {e}"))
            print(results[-1].line, flush=True)
            timings.append((path.name, 0.0, "unreadable"))
            continue
        original = copy.deepcopy(nb)
        started = time.monotonic()
        try:
            problem, tail, ready_seconds, attempts = await execute_notebook(nb, cwd, args)
        except KernelStartError as e:
            seconds = time.monotonic() - started
            print(f"   {e}", flush=True)
            if e.log_tail.strip():
                print(f"   what the kernel wrote (last {KERNEL_LOG_TAIL_LINES} lines):\n{indent(e.log_tail)}", flush=True)
            results.append(Result(False, f"FAIL {path.name}: {e}"))
            timings.append((path.name, seconds, "kernel did not start"))
            for rest in paths[n + 1:]:
                results.append(Result(False, f"FAIL {rest.name}: not run (the kernel did not start)"))
            break
        seconds = time.monotonic() - started
        stabilise(nb)
        print(f"   executed in {seconds:.1f} s (kernel ready after {ready_seconds:.1f} s,"
              f" {attempts} start{'s' if attempts > 1 else ''})", flush=True)
        if problem:
            print(f"   {problem}", flush=True)
        if tail:
            print(f"   what the kernel wrote (last {KERNEL_LOG_TAIL_LINES} lines):\n{indent(tail)}", flush=True)
        nb_results = ([Result(False, f"FAIL {path.name}: execution stopped: {problem}")] if problem else [])
        nb_results += notebook_checks(path.name, nb, (checks or {}).get(path.name, []))
        if args.reproduce and not problem:
            nb_results.append(reproduction_check(path.name, original, nb, cwd))
        ran_cleanly = not problem and all(r.ok for r in structural_checks(path.name, nb))
        try:
            if args.in_place:
                if ran_cleanly:
                    write_notebook(nb, path)
                    print(f"   wrote {path}")
                else:
                    print(f"   left {path} as it was (the run failed)")
            if args.out:
                write_notebook(nb, Path(args.out) / path.name)
                print(f"   wrote {Path(args.out) / path.name}")
            if html_dir:
                print(f"   wrote {write_html(nb, path, html_dir)}")
            if charts_dir:
                charts = write_charts(nb, path.stem, charts_dir)
                print(f"   wrote {len(charts)} chart(s) to {charts_dir}/{path.stem}-<k>.png")
        except Exception as e:
            nb_results.append(Result(False, f"FAIL {path.name}: writing results: {type(e).__name__}: {e}"))
        print_results(nb_results, nb)
        results.extend(nb_results)
        timings.append((path.name, seconds, "ok" if all(r.ok for r in nb_results) else "FAILED"))
    return results, timings


def cmd_execute(args):
    if not args.in_place and not args.out:
        raise ConfigError("say where executed notebooks go: --in-place or --out DIR")
    if args.startup_timeout <= 0 or args.attempts < 1 or args.cell_timeout <= 0:
        raise ConfigError("--startup-timeout, --attempts and --cell-timeout must be positive")
    checks = load_checks(args.check) if args.check else None
    paths = notebook_paths(args.notebooks)
    html_dir = args.html or args.out
    charts_dir = args.charts or (str(Path(args.out) / "charts") if args.out else None)
    results = unchecked_entries(checks, paths, bool(args.notebooks))
    for r in results:
        print(r.line)
    note = blas_pin_note(os.environ)
    if note:
        print(note, flush=True)
    more, timings = asyncio.run(run_all(paths, checks, args, html_dir, charts_dir))
    return report(results + more, timings)


def parser():
    p = argparse.ArgumentParser(prog="notebook_runner.py", description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter,
                                epilog="See the module docstring (--help of each command) for details.")
    sub = p.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("execute", help="execute notebooks, write results, check them",
                        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ex.add_argument("--in-place", action="store_true", help="write executed notebooks over the originals")
    ex.add_argument("--out", metavar="DIR", help="write executed notebooks (and, by default, HTML and charts) here")
    ex.add_argument("--html", metavar="DIR", help="HTML copies go here (default: --out)")
    ex.add_argument("--charts", metavar="DIR", help="PNG files go here (default: --out/charts)")
    ex.add_argument("--reproduce", action="store_true",
                    help="also check that each notebook printed the same lines as before it was executed"
                         " (timings and the folder path masked): same seed, same numbers")
    ex.add_argument("--kernel", default=DEFAULT_KERNEL, help=f"Jupyter kernel name (default: {DEFAULT_KERNEL})")
    ex.add_argument("--startup-timeout", type=float, default=DEFAULT_STARTUP_TIMEOUT, metavar="S",
                    help=f"seconds a kernel may take to answer before it is started again (default: {DEFAULT_STARTUP_TIMEOUT:g})")
    ex.add_argument("--attempts", type=int, default=DEFAULT_ATTEMPTS, metavar="N",
                    help=f"kernel starts per notebook, at most (default: {DEFAULT_ATTEMPTS})")
    ex.add_argument("--cell-timeout", type=int, default=DEFAULT_CELL_TIMEOUT, metavar="S",
                    help=f"seconds one cell may run (default: {DEFAULT_CELL_TIMEOUT})")
    ch = sub.add_parser("check", help="check notebooks as they are, without executing them",
                        description="Checks notebooks as they are (no kernel): no error or stderr output,"
                                    " at least one image/png, and the bands of --check FILE.")
    for cmd in (ex, ch):
        cmd.add_argument("--check", metavar="FILE", help="JSON file of numeric bands (e.g. notebooks/expected.json)")
        cmd.add_argument("notebooks", nargs="*", help="notebooks (default: notebooks/*.ipynb)")
    return p


def main(argv=None):
    args = parser().parse_args(argv)
    try:
        return cmd_execute(args) if args.command == "execute" else cmd_check(args)
    except ConfigError as e:
        print(f"notebook_runner: {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/python3
"""Checks that the dependency set of every platform the pom supports resolves, without downloading it.

    check_platforms.py [--pom pom.xml] [--repo URL] [--download]

For each `natives-<platform>` profile in pom.xml (its nd4j.classifier), Maven builds the dependency graph
as it would on that platform (-Dnd4j.classifier=<classifier> -Djavacpp.platform=<platform>;
`dependency:tree` fetches POMs only, a few seconds once they are cached). The graph must hold that
platform's four native artifacts (nd4j-native, nd4j-native-preset, openblas, javacpp), and each of those
jars must exist in the Maven repository (an HTTP HEAD request, which also gives its size). --download
resolves every jar instead (`dependency:resolve`, about 120-200 MB per platform), the check a machine
without HTTP access to the repository can use. Exit status 0 only if every platform passed.
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from pathlib import Path

POM_NS = {"m": "http://maven.apache.org/POM/4.0.0"}
DEPENDENCY_PLUGIN = "org.apache.maven.plugins:maven-dependency-plugin:3.6.1"
DEFAULT_REPO = "https://repo.maven.apache.org/maven2"
# The natives every platform needs; (groupId, artifactId) -> which classifier it must carry.
NATIVE_ARTIFACTS = {
    ("org.nd4j", "nd4j-native"): "classifier",
    ("org.nd4j", "nd4j-native-preset"): "platform",
    ("org.bytedeco", "openblas"): "platform",
    ("org.bytedeco", "javacpp"): "platform",
}
# One line of `dependency:tree` text output: group:artifact:type[:classifier]:version[:scope]
TREE_LINE = re.compile(r"([\w.-]+):([\w.-]+):([\w-]+)(?::([\w.-]+))?:([\w.-]+)(?::(\w+))?\s*$")


def platforms(pom_path):
    """[(platform, nd4j classifier)] from the pom's natives-<platform> profiles, in pom order."""
    root = ET.parse(pom_path).getroot()
    found = []
    for profile in root.findall("m:profiles/m:profile", POM_NS):
        pid = profile.findtext("m:id", default="", namespaces=POM_NS)
        if pid.startswith("natives-"):
            classifier = profile.findtext("m:properties/m:nd4j.classifier", namespaces=POM_NS)
            if not classifier:
                raise ValueError(f"profile {pid} in {pom_path} sets no nd4j.classifier")
            found.append((pid[len("natives-"):], classifier))
    if not found:
        raise ValueError(f"no natives-<platform> profiles in {pom_path}")
    return found


def tree_artifacts(text):
    """{(group, artifact, classifier or ''): version} for every artifact in dependency:tree output."""
    artifacts = {}
    for line in text.splitlines():
        match = TREE_LINE.search(line.strip().lstrip("|+-\\ "))
        if match:
            group, artifact, _type, classifier, version, _scope = match.groups()
            if _scope is None and classifier is not None:
                # group:artifact:type:version:scope has no classifier
                classifier, version, _scope = None, classifier, version
            artifacts[(group, artifact, classifier or "")] = version
    return artifacts


def missing_natives(artifacts, platform, classifier):
    """The native artifacts a platform needs that the graph lacks, as 'group:artifact:classifier'."""
    missing = []
    for (group, artifact), which in NATIVE_ARTIFACTS.items():
        want = classifier if which == "classifier" else platform
        if (group, artifact, want) not in artifacts:
            missing.append(f"{group}:{artifact}:{want}")
    return missing


def jar_url(repo, group, artifact, version, classifier):
    return f"{repo.rstrip('/')}/{group.replace('.', '/')}/{artifact}/{version}/{artifact}-{version}-{classifier}.jar"


def head_size(url):
    """The Content-Length of url (HEAD), or raises OSError."""
    request = urllib.request.Request(url, method="HEAD")
    with urllib.request.urlopen(request, timeout=30) as response:
        return int(response.headers.get("Content-Length", "0"))


def mvn(pom, goal, platform, classifier, *extra):
    command = ["mvn", "-B", "-q", "-Dstyle.color=never", "-f", str(pom), f"-Dnd4j.classifier={classifier}",
               f"-Djavacpp.platform={platform}", f"{DEPENDENCY_PLUGIN}:{goal}", *extra]
    return subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def check_platform(pom, platform, classifier, repo, download):
    """(ok, lines) for one platform."""
    label = f"{platform} (nd4j-native:{classifier})"
    if download:
        run = mvn(pom, "resolve", platform, classifier, "-DincludeScope=runtime")
        if run.returncode != 0:
            return False, [f"FAIL {label}: dependency:resolve failed:", *run.stdout.splitlines()[-15:]]
        return True, [f"PASS {label}: every runtime jar resolved (downloaded)"]
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "tree.txt"
        run = mvn(pom, "tree", platform, classifier, f"-DoutputFile={out}")
        if run.returncode != 0 or not out.is_file():
            return False, [f"FAIL {label}: dependency:tree failed:", *run.stdout.splitlines()[-15:]]
        artifacts = tree_artifacts(out.read_text())
    missing = missing_natives(artifacts, platform, classifier)
    if missing:
        return False, [f"FAIL {label}: the graph has no {', '.join(missing)}"]
    lines, ok, total = [], True, 0
    for (group, artifact, cls), version in sorted(artifacts.items()):
        if cls and (cls == classifier or cls == platform):
            url = jar_url(repo, group, artifact, version, cls)
            try:
                size = head_size(url)
                total += size
                lines.append(f"     {group}:{artifact}:{version}:{cls}  {size / 1e6:.1f} MB")
            except (OSError, urllib.error.URLError) as e:
                ok = False
                lines.append(f"     {group}:{artifact}:{version}:{cls}  MISSING ({url}: {e})")
    head = (f"PASS {label}: graph resolves, native jars exist ({total / 1e6:.0f} MB)" if ok
            else f"FAIL {label}: a native jar is missing from {repo}")
    return ok, [head, *lines]


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--pom", default=str(Path(__file__).resolve().parents[3] / "pom.xml"))
    p.add_argument("--repo", default=os.environ.get("MAVEN_REPO_URL", DEFAULT_REPO),
                   help=f"Maven repository the HEAD requests go to (default: $MAVEN_REPO_URL or {DEFAULT_REPO})")
    p.add_argument("--download", action="store_true", help="resolve (download) every jar instead of HEAD requests")
    args = p.parse_args(argv)
    results = []
    for platform, classifier in platforms(args.pom):
        ok, lines = check_platform(args.pom, platform, classifier, args.repo, args.download)
        print("\n".join(lines), flush=True)
        results.append(ok)
    print(f"{sum(results)} of {len(results)} platforms resolve")
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())

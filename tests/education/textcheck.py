"""Text measures for the education content tests: word runs and reading level.

The seed article itself is not kept in the repository; ``seed_article_8grams.txt``
holds a hash of every run of 8 consecutive words in it, made with:

    python -m tests.education.textcheck ../shared/seed/clonazepam-1mg-article.txt \
        > tests/education/seed_article_8grams.txt
"""

import hashlib
import re
import sys
from pathlib import Path

RUN_LENGTH = 8
SEED_HASHES_FILE = Path(__file__).with_name("seed_article_8grams.txt")


def words(text: str) -> list[str]:
    """Lower-case words and numbers; punctuation and Markdown marks are ignored."""
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'")
    return re.findall(r"[a-z0-9]+(?:['.][a-z0-9]+)*", text)


def run_hash(run: str) -> str:
    return hashlib.sha256(run.encode()).hexdigest()[:16]


def word_runs(text: str, length: int = RUN_LENGTH) -> set[str]:
    found = words(text)
    return {" ".join(found[i : i + length]) for i in range(len(found) - length + 1)}


def seed_run_hashes() -> set[str]:
    return set(SEED_HASHES_FILE.read_text().split())


def _syllables(word: str) -> int:
    word = re.sub(r"[^a-z]", "", word.lower())
    if len(word) <= 3:
        return 1 if word else 0
    word = re.sub(r"(?:[^laeiouy]es|ed|[^laeiouy]e)$", "", word)
    word = re.sub(r"^y", "", word)
    return max(1, len(re.findall(r"[aeiouy]{1,2}", word)))


def _sentences(markdown_text: str) -> list[str]:
    """Sentences, with each heading, list item and table row counted as one."""
    text = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", markdown_text)
    parts = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            parts.append("\n")
        elif line.startswith(("#", "-", "|")) or re.match(r"\d+\. ", line):
            parts.append(f"\n{line}\n")
        else:
            parts.append(line + " ")
    chunks = re.split(r"(?<=[.!?:])\s+|\n+", "".join(parts))
    return [chunk for chunk in chunks if re.search(r"[A-Za-z]", chunk)]


def grade_level(markdown_text: str) -> float:
    """Flesch-Kincaid grade, with a simple syllable count (good enough to compare texts)."""
    sentences = _sentences(markdown_text)
    found = re.findall(r"[A-Za-z][A-Za-z'-]*", "\n".join(sentences))
    syllables = sum(_syllables(word) for word in found)
    return 0.39 * len(found) / len(sentences) + 11.8 * syllables / len(found) - 15.59


if __name__ == "__main__":
    article = Path(sys.argv[1]).read_text()
    print("\n".join(sorted({run_hash(run) for run in word_runs(article)})))

"""Names the training reports annotate, as a feature of the mention tagger.

Government reports name the same bodies, programmes and documents again and again (国务院,
河长制, 乡村振兴战略). ``govkg train`` collects the annotated names of its training reports into a
gazetteer; the tagger sees, for every character, whether a gazetteer name of which type covers it.
Trained naively the tagger would learn to trust the gazetteer blindly (every training name is in
it), so training features are jack-knifed: a report's gazetteer tags come from the names of the
*other* training reports only, as an unseen report's do at extraction time.
"""
from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

__all__ = ["Gazetteer", "jackknife", "with_tags"]

MIN_LENGTH = 2
FOLDS = 5


class Gazetteer:
    def __init__(self, names: dict[str, str]):
        self.names = names            # name -> entity type
        self._automaton = None

    @classmethod
    def of(cls, docs: Iterable[tuple[str, Iterable[tuple[str, str]]]]) -> Gazetteer:
        """From (report, [(name, type), ...]) pairs: each name with the type most reports give it."""
        votes: dict[str, Counter] = defaultdict(Counter)
        for _, names in docs:
            for name, type_ in set(names):
                if len(name) >= MIN_LENGTH:
                    votes[name][type_] += 1
        return cls({name: min(c.items(), key=lambda kv: (-kv[1], kv[0]))[0]
                    for name, c in sorted(votes.items())})

    def tags(self, text: str) -> list[str]:
        """One tag per character: B-/I- and the type of the longest gazetteer name covering it."""
        tags = ["O"] * len(text)
        if not self.names:
            return tags
        for end, (name, type_) in self._matcher().iter_long(text):
            lo = end - len(name) + 1
            tags[lo] = "B-" + type_
            for i in range(lo + 1, end + 1):
                tags[i] = "I-" + type_
        return tags

    def _matcher(self):
        if self._automaton is None:
            import ahocorasick

            automaton = ahocorasick.Automaton()
            for name, type_ in self.names.items():
                automaton.add_word(name, (name, type_))
            automaton.make_automaton()
            self._automaton = automaton
        return self._automaton

    def save(self, path: Path) -> None:
        path.write_text(json.dumps(self.names, ensure_ascii=False, indent=0, sort_keys=True) + "\n",
                        encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> Gazetteer:
        return cls(json.loads(path.read_text(encoding="utf-8")) if path.exists() else {})


def jackknife(docs: list[str], names_of: dict[str, list[tuple[str, str]]]) -> dict[str, Gazetteer]:
    """For each training report, the gazetteer of the reports outside its jack-knife fold."""
    order = sorted(set(docs))
    fold_of = {doc: i % FOLDS for i, doc in enumerate(order)}
    gazetteers = {}
    for fold in range(FOLDS):
        others = Gazetteer.of((d, names_of[d]) for d in order if fold_of[d] != fold)
        for d in order:
            if fold_of[d] == fold:
                gazetteers[d] = others
    return gazetteers


def with_tags(chars: list[list[str]], tags: list[str]) -> list[list[str]]:
    """Character features plus the gazetteer tag of the character and of its neighbours."""
    n = len(tags)
    return [[*feats, "g=" + tags[i], "g-1=" + (tags[i - 1] if i else "^"),
             "g+1=" + (tags[i + 1] if i + 1 < n else "$")] for i, feats in enumerate(chars)]

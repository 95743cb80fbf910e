"""Train the extraction model from gold statements: ``train(examples, out_dir)``.

Features are built once per statement (``featurize``) and shared by cross-validation folds.
Training is deterministic: the same gold gives the same model files.
"""
from __future__ import annotations

import json
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from govkg.evaluate import Paths, as_paths, names_match
from govkg.evaluate import norm as _norm
from govkg.extract.entities import AUTHOR_ID, canonical_name
from govkg.extract.masks import read_masks
from govkg.extract.mentions import RuleMentions, rule_mentions
from govkg.extract.relations import find_relations
from govkg.extract.themes import themes_of_text
from govkg.extract.tokens import tokenize
from govkg.learn.examples import CONTEXT, Example
from govkg.learn.features import char_features
from govkg.learn.gazetteer import Gazetteer, jackknife, with_tags
from govkg.learn.linear import Features, train_linear
from govkg.learn.model import DEFAULT_SETTINGS, check_settings, rule_relation_pairs, with_rule_mentions
from govkg.learn.relate import AUTHOR, NONE, Candidate, StatementContext, candidates, pair_features
from govkg.learn.tagger import Tagger, bio_labels, bioes_labels, decode, train_tagger
from govkg.learn.themes import (Neighbour, context_probability_features, keyword_themes, neighbour_features,
                                neighbour_themes, theme_features)
from govkg.model import RELATION_TYPES, Mention, Statement

__all__ = ["DEFAULT_SETTINGS", "Featurized", "featurize", "featurize_themes", "held_out_theme_probabilities",
           "train", "train_themes"]

@dataclass
class Featurized:
    doc: str
    text: str
    names: tuple[tuple[str, str], ...]     # the gold entities (name, type), for the gazetteer
    chars: list[list[str]]
    labels: list[str]
    pairs: list[tuple[Features, str]]
    themes: tuple[Features, tuple[str, ...]]
    neighbours: tuple[Neighbour, ...] = ()   # up to examples.CONTEXT each side; the setting picks
    context: tuple[Statement, ...] = ()      # the statements around it, itself at ``position``
    context_themes: tuple[tuple[str, ...], ...] = ()   # the rules' themes of each (none for the model alone)
    position: int = 0
    first_gold: bool = False                 # taught ``first_gold_weight`` times (examples.load_first_and_rest)
    statement: Statement | None = None       # these three for ``held_out_pairs``
    relations: tuple[tuple[str, str, str], ...] = ()
    author: str = ""
    rules: RuleMentions | None = None        # the rules' mentions (none for the model alone)


def featurize(examples: list[Example], rule_features: bool = True, progress=None) -> list[Featurized]:
    """Features and labels of every example; ``rule_features=False`` for the model alone."""
    out = []
    for ex in examples:
        st = ex.statement
        tokens = tokenize(st.text, st.start)
        rules = rule_mentions(st) if rule_features else None
        chars = char_features(st.text, st.start, tokens, rules.features if rules else [])
        names = tuple((read_masks(e.name), e.type) for e in ex.entities)   # as the text reads (masks.py)
        out.append(replace(featurize_themes(ex, rule_features), names=names, chars=chars, labels=bio_labels(ex),
                           pairs=_pair_rows(ex, rule_features), statement=st, relations=ex.relations,
                           author=ex.author, rules=rules))
        if progress:
            progress()
    return out


def featurize_themes(ex: Example, rule_features: bool = True) -> Featurized:
    """The theme classifiers' share of ``featurize`` alone (the tagger's and the relations' empty):
    quick, for measuring the themes by themselves (bench/theme_cv.py)."""
    st = ex.statement
    rule_themes = _rule_themes(st) if rule_features else ()
    context_themes = tuple(_rule_themes(c) if rule_features else () for c in ex.context)
    return Featurized(ex.doc, st.text, (), [], [], [], (theme_features(st, rule_themes), ex.themes),
                      neighbour_themes(keyword_themes(ex.context), ex.position, CONTEXT),
                      ex.context, context_themes, ex.position, ex.first_gold)


def _rule_themes(st) -> tuple[str, ...]:
    """What the rules tag a statement with: its keywords, else its nearest themed heading's."""
    own = themes_of_text(st.text)
    if own or st.heading:
        return own
    for heading in reversed(st.section):
        inherited = themes_of_text(heading)
        if inherited:
            return inherited[:2]
    return ()


def _pair_rows(ex: Example, rule_features: bool = True) -> list[tuple[Features, str]]:
    st = ex.statement
    author = _author_key(ex.author)
    mentions, ids = [], {}
    for e in ex.entities:
        for lo, hi in e.spans:
            m = Mention(st.start + lo, st.start + hi, e.type, e.name)
            mentions.append(m)
            ids[m] = AUTHOR_ID if author and _norm(canonical_name(e.name)) == author else "n:" + _norm(e.name)
    gold: dict[tuple[str, str], str] = {}
    for head, rel, tail in ex.relations:
        h = AUTHOR if head == AUTHOR else _norm(head)
        gold.setdefault((h, _norm(tail)), rel)
        if rel == "COOPERATES_WITH":
            gold.setdefault((_norm(tail), h), rel)

    def label(c: Candidate) -> str:
        if c.head is None:
            return gold.get((AUTHOR, _norm(c.tail.name)), NONE)
        key = (_norm(c.head.name), _norm(c.tail.name))
        if key not in gold and ids.get(c.head) == AUTHOR_ID:
            key = (AUTHOR, key[1])
        return gold.get(key, NONE)

    return _labelled_pairs(st, mentions, ids, rule_features, label)


def _labelled_pairs(st: Statement, mentions: list[Mention], ids: dict[Mention, str], rule_features: bool,
                    label: Callable[[Candidate], str]) -> list[tuple[Features, str]]:
    """The classifier's row and ``label`` of every candidate pair of ``mentions``."""
    rule_pairs = rule_relation_pairs(find_relations(st, mentions, ids) if rule_features else [])
    ctx = StatementContext(st.text, st.start, mentions, ids, AUTHOR_ID, rule_pairs)
    return [(pair_features(c, ctx), label(c)) for c in candidates(mentions)]


def _found_pair_rows(d: Featurized, mentions: list[Mention], rule_features: bool) -> list[tuple[Features, str]]:
    """Pairs over the mentions a tagger found in ``d``'s statement, each labelled with the gold
    relation whose two ends its ends name as the scorer matches names (one inside the other)."""
    assert d.statement is not None
    author = _author_key(d.author)
    ids = {m: AUTHOR_ID if author and _norm(canonical_name(m.name)) == author else "n:" + _norm(m.name)
           for m in mentions}

    def label(c: Candidate) -> str:
        head = AUTHOR if c.head is None or ids[c.head] == AUTHOR_ID else c.head.name
        for h, rel, tail in d.relations:
            if _same_end(head, h) and names_match(c.tail.name, tail, True):
                return rel
            if rel == "COOPERATES_WITH" and _same_end(head, tail) and names_match(c.tail.name, h, True):
                return rel
        return NONE

    return _labelled_pairs(d.statement, mentions, ids, rule_features, label)


def _author_key(author: str) -> str:
    """The author's name as a mention naming it normalises to ("" for none)."""
    return _norm(canonical_name(author)) if author else ""


def _same_end(found: str, gold: str) -> bool:
    return found == gold if AUTHOR in (found, gold) else names_match(found, gold, True)


def train(data: list[Featurized], out_dir: Path, settings: dict | None = None) -> Path:
    """Train every part on ``data`` and write the model folder ``out_dir``."""
    settings = {**DEFAULT_SETTINGS, **(settings or {})}
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    statements, reports = len(data), len({d.doc for d in data})
    tagged, rows = _tagger_rows(data, out_dir, settings["gazetteer"])
    if settings["label_scheme"] == "bioes":
        rows = [(feats, bioes_labels(labels)) for feats, labels in rows]
    weight = settings["first_gold_weight"]
    tagger = _beside(train_tagger, _repeated(tagged, rows, weight), out_dir / "mentions.crfsuite",
                     _crf_params(settings, settings["crf_iterations"]))
    try:
        more_pairs = held_out_pairs(tagged, rows, settings)
        _train_classifiers(taught_rows(data, weight), out_dir, settings, more_pairs)
    except BaseException:
        tagger.terminate()
        raise
    finally:
        tagger.join()
    if tagger.exitcode:
        raise RuntimeError(f"training the mention tagger failed (exit code {tagger.exitcode}); see its error above")
    meta = {**settings, "statements": statements, "reports": reports}
    (out_dir / "model.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                                        encoding="utf-8")
    return out_dir


def taught_rows(data: list[Featurized], first_gold_weight: int) -> list[Featurized]:
    """What every part learns from: each statement once, the first gold's ``first_gold_weight``
    times, as if annotated that often (python-crfsuite takes no weights; a repeat is one)."""
    return [row for d in data for row in [d] * _times_taught(d, first_gold_weight)]


def _times_taught(d: Featurized, first_gold_weight: int) -> int:
    return first_gold_weight if d.first_gold else 1


def _crf_params(settings: dict, iterations: int) -> dict:
    return {"c1": settings["crf_c1"], "c2": settings["crf_c2"], "max_iterations": iterations,
            "feature.minfreq": settings["crf_min_freq"]}


def held_out_pairs(tagged: list[Featurized], rows: list[tuple[list[list[str]], list[str]]],
                   settings: dict) -> list[tuple[Features, str]]:
    """Relation pairs over mentions as extraction finds them in a report it never learned: the
    reports are split in ``relation_jackknife`` groups, and each group's statements are tagged by a
    CRF trained on the others' (``relation_jackknife_iterations`` iterations), merged with the rules'
    mentions as extraction merges them, and paired and labelled by ``_found_pair_rows``; each
    statement's pairs repeated as it is taught. The classifier learned from gold mentions alone
    otherwise, and at extraction meets the tagger's: names cut short or run long, false ones, missed
    ones (docs/extraction.md, stop 58)."""
    groups, weight = settings["relation_jackknife"], settings["first_gold_weight"]
    docs = sorted({d.doc for d in tagged})
    if groups < 2 or len(docs) < 2:
        return []
    pairs: list[tuple[Features, str]] = []
    with tempfile.TemporaryDirectory(prefix="govkg-jackknife-") as scratch:
        for g in range(min(groups, len(docs))):
            group = set(docs[g::groups])
            path = Path(scratch) / f"group{g}.crfsuite"
            outside = [(d, row) for d, row in zip(tagged, rows) if d.doc not in group]
            train_tagger(_repeated([d for d, _ in outside], [row for _, row in outside], weight), path,
                         _crf_params(settings, settings["relation_jackknife_iterations"]))
            tagger = Tagger(path)
            for d, (feats, _) in zip(tagged, rows):
                if d.doc in group and d.statement is not None:
                    mentions = decode(tagger.tag(feats), d.text, d.statement.start)
                    if d.rules is not None:
                        mentions = with_rule_mentions(mentions, d.rules, settings.__getitem__)
                    pairs += _found_pair_rows(d, mentions, d.rules is not None) * _times_taught(d, weight)
    return pairs


def _train_classifiers(data: list[Featurized], out_dir: Path, settings: dict,
                       more_pairs: Sequence[tuple[Features, str]] = ()) -> None:
    """The relation and theme classifiers; sets ``settings["theme_stack"]`` to what was trained.
    ``more_pairs``: the relation classifier's beside the pairs over the gold mentions."""
    pairs = [p for d in data for p in d.pairs] + list(more_pairs)
    if pairs:
        classes = [NONE, *RELATION_TYPES]
        train_linear([f for f, _ in pairs], [y for _, y in pairs], classes, multi_label=False,
                     c=settings["relation_c"]).save(out_dir / "relations")
    settings["theme_stack"] = train_themes(data, out_dir, settings)


class _Done:
    exitcode = 0

    def join(self) -> None:
        pass

    def terminate(self) -> None:
        pass


def _beside(work, *args):
    """Run ``work(*args)`` in a forked process, started now; without fork (or inside a daemon
    process, which may have no children), run it here first. Either way the caller ``join()``s
    and reads ``exitcode``. The CRF holds the GIL while it trains, so only a second process lets
    the classifiers (about a minute of the shipped model's training) train beside it."""
    import multiprocessing as mp
    import sys

    if sys.platform != "linux" or mp.current_process().daemon:
        work(*args)
        return _Done()
    process = mp.get_context("fork").Process(target=work, args=args)
    process.start()
    return process


STACK_FOLDS = 4     # report groups whose first-pass theme probabilities come from a model of the others


def train_themes(data: list[Featurized], out_dir: Path, settings: dict) -> int:
    """Write the theme classifier ``themes`` and, with ``theme_stack`` > 0 and two reports or more,
    the second one ``themes_context``; the width the second one reads (0 when there is none).

    The second classifier learns from the first one's probabilities for the statements around each
    one. Those come from a first classifier trained without the statement's report, as for a report
    being extracted: one that had learned the report would be surer of its statements than it is
    of any new report's, and the second classifier would learn to trust it too much."""
    from govkg.extract.lexicon import theme_keywords

    classes = sorted(theme_keywords())
    rows = [_theme_row(d, settings["theme_context"]) for d in data]
    labels = [set(d.themes[1]) for d in data]

    def fit(rows_of: list[Features], keep: list[int]):
        return train_linear([rows_of[i] for i in keep], [labels[i] for i in keep], classes, multi_label=True,
                            c=settings["theme_c"], min_count=2, balanced=True, nb_weighting=settings["theme_nb"])

    fit(rows, list(range(len(data)))).save(out_dir / "themes")
    width = settings["theme_stack"]
    docs = sorted({d.doc for d in data})
    if not width or len(docs) < 2:
        return 0
    stacked = list(rows)
    for group in (set(docs[g::STACK_FOLDS]) for g in range(min(STACK_FOLDS, len(docs)))):
        first = fit(rows, [i for i, d in enumerate(data) if d.doc not in group])
        for i, d in enumerate(data):
            if d.doc in group:
                stacked[i] = _with_first_pass_around(rows[i], d, first, settings["theme_context"], width)
    fit(stacked, list(range(len(data)))).save(out_dir / "themes_context")
    return width


def held_out_theme_probabilities(model_dir: Path, data: list[Featurized], settings: dict):
    """(classes, one row of probabilities per statement of ``data``) from the theme classifiers of
    ``model_dir`` (``train_themes``): what extraction gives each statement, read from its context."""
    from govkg.learn.linear import LinearModel

    first = LinearModel.load(model_dir / "themes")
    rows = [_theme_row(d, settings["theme_context"]) for d in data]
    width = settings["theme_stack"]
    if not width or not (model_dir / "themes_context.json").exists():
        return first.classes, first.probabilities_of(rows)
    second = LinearModel.load(model_dir / "themes_context")
    rows = [_with_first_pass_around(row, d, first, settings["theme_context"], width) for row, d in zip(rows, data)]
    return second.classes, second.probabilities_of(rows)


def _theme_row(d: Featurized, theme_context: int) -> Features:
    """The first theme classifier's row: the statement's features and its neighbours' keyword themes."""
    return {**d.themes[0], **neighbour_features(d.neighbours, theme_context)}


def _with_first_pass_around(row: Features, d: Featurized, first, theme_context: int, width: int) -> Features:
    """``row`` and the ``first`` classifier's probabilities for the statements around ``d``'s."""
    if not d.context:
        return row
    around, at = _context_rows(d, theme_context, width)
    return {**row, **context_probability_features(first.probabilities_of(around), at, first.classes, width)}


def _context_rows(d: Featurized, theme_context: int, width: int) -> tuple[list[Features], int]:
    """The first classifier's rows of the statements within ``width`` of ``d``'s, and the index of
    ``d``'s own among them."""
    keywords = keyword_themes(d.context)
    lo, hi = max(d.position - width, 0), min(d.position + width + 1, len(d.context))
    return [theme_features(d.context[at], d.context_themes[at], neighbour_themes(keywords, at, theme_context))
            for at in range(lo, hi)], d.position - lo


def _repeated(tagged: list[Featurized], rows: list, first_gold_weight: int) -> list:
    """``rows`` (one per statement of ``tagged``) repeated as ``taught_rows`` repeats statements."""
    return [row for d, row in zip(tagged, rows) for row in [row] * _times_taught(d, first_gold_weight)]


def _tagger_rows(data: list[Featurized], out_dir: Path, gazetteer: bool):
    """The statements the tagger learns from and their rows (features, labels), once each; with
    ``gazetteer``, writes ``names.json`` and adds its tags, jack-knifed so that no report sees its
    own names."""
    kept = [d for d in data if d.chars]
    if gazetteer:
        names_of: dict[str, list[tuple[str, str]]] = {}
        for d in data:
            names_of.setdefault(d.doc, []).extend(d.names)
        Gazetteer.of(names_of.items()).save(out_dir / "names.json")
        held_out = jackknife([d.doc for d in data], names_of)
        rows = [(with_tags(d.chars, held_out[d.doc].tags(d.text)), d.labels) for d in kept]
    else:
        rows = [(d.chars, d.labels) for d in kept]
    return kept, rows


def train_model(gold: Paths, out_dir: Path, corpus: Paths | None = None,
                settings: dict | None = None, progress=None) -> dict:
    """``govkg train``: load the gold, build features, train, write ``out_dir``; its model.json."""
    import shutil

    from govkg.learn.examples import load_examples, marked_first

    check_settings(settings)
    golds = as_paths(gold)
    examples = load_examples(golds, corpus)
    if len(golds) > 1:
        examples = marked_first(examples, golds[:1])
    if progress:
        progress(f"features of {len(examples)} statements")
    data = featurize(examples, (settings or {}).get("rule_features", DEFAULT_SETTINGS["rule_features"]))
    if progress:
        progress("training the tagger and the classifiers")
    out_dir = Path(out_dir)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.", dir=out_dir.parent))
    try:
        train(data, staging, settings)
        staging.chmod(0o777 & ~_umask())      # mkdtemp made it private; a model folder is not
        if out_dir.exists():
            shutil.rmtree(out_dir)
        staging.rename(out_dir)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return json.loads((out_dir / "model.json").read_text(encoding="utf-8"))


def _umask() -> int:
    import os

    mask = os.umask(0)
    os.umask(mask)
    return mask

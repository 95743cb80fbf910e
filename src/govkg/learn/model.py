"""The trained extraction model: a bundle of files in one folder, and how it extracts a report.

Folder layout (all written by ``govkg train``): ``mentions.crfsuite`` (the character CRF) and
``mentions.npz/.json`` (its weights, as the tagger reads them), ``names.json`` (the gazetteer of
its training names), ``relations.npz/.json`` and ``themes.npz/.json`` and
``themes_context.npz/.json`` (linear models; the second theme classifier reads the first one's
probabilities for the statements around), ``model.json`` (what it was trained on and its
settings). The shipped model is in ``govkg/data/model``.
"""
from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any

from govkg.errors import UsageError
from govkg.extract.entities import AUTHOR_ID
from govkg.extract.finders.overlaps import may_nest, resolve_overlaps
from govkg.extract.finders.places import landform_opening
from govkg.extract.mentions import RuleMentions, rule_mentions
from govkg.extract.relations import find_relations, led_by_a_named_subject
from govkg.extract.tokens import tokenize
from govkg.learn.feature_rows import Sentence, feature_rows
from govkg.learn.features import char_features
from govkg.learn.gazetteer import Gazetteer, with_tags
from govkg.learn.linear import LinearModel
from govkg.learn.relate import StatementContext, candidates, predict_relations_of, share_across_lists
from govkg.learn.tagger import Tagger, certain_mentions, decode
from govkg.learn.themes import (choose_themes, context_probability_features, keyword_themes, neighbour_themes,
                                theme_features)
from govkg.model import Mention, Relation, Statement
from govkg.resources import data_path

# What a model does unless its model.json says otherwise (chosen by cross-validation, docs/extraction.md).
DEFAULT_SETTINGS = {
    "rule_features": True,          # the rules' mentions, relations and themes as features
    "gazetteer": True,              # the training reports' names as a tagger feature (gazetteer.py)
    "merge": "nested",              # see merge_mentions
    "union_types": ["Document", "Organization", "Person", "Program", "Initiative"],
    "written_names": True,          # see written_names_win
    "whole_bodies": True,           # see whole_bodies_win
    "share_across_lists": True,     # see relate.share_across_lists
    "places_in_programs": True,     # see places_in_programs
    "landforms_in_programs": True,  # see landforms_in_programs (stop 59)
    # a learned mention goes when one of its characters has its label at a marginal probability
    # below this; 0 (none goes): 0.5 lifted the folds' strict entities 0.695 -> 0.703 but not the
    # lenient ones, nor either on unseen reports (docs/extraction.md, stop 46)
    "mention_certainty": 0,
    "propagate_min_length": 6,      # see ExtractionModel.propagate; 0 turns it off
    "propagate_over_parts": True,   # and a repeat replaces shorter mentions inside it found nowhere else
    "rule_relations": ["LOCATED_IN", "ISSUES", "IMPLEMENTS", "PART_OF"],   # kept beside the classifier's
    "named_subject_leads": True,    # and the rules' LEADS of a body right before a leading verb
    "relation_threshold": 0.4, "theme_threshold": 0.5, "theme_top_threshold": 0.3,
    # the headline query's theme is rare (2% of statements) and was given too seldom (recall 0.67)
    "theme_thresholds": {"village_governance": 0.3},
    # relation_c 0.1-1 beat 4 on the five folds (relations 0.667 -> 0.673 at 0.5, up in each) but not
    # on reports no fold holds (the blind gold 0.737 -> 0.718): 4 kept (docs/extraction.md, stop 53)
    "relation_c": 4.0, "theme_c": 0.3, "crf_c1": 0.05, "crf_c2": 0.01,
    # 100 L-BFGS iterations keep training on 15,454 statements (3,218 of them thrice, below) within
    # 10 minutes on 2 cores (140 took 688 s), and the five folds score as with 140 or 200 (stop 56)
    "crf_iterations": 100,
    "crf_min_freq": 0,              # features seen fewer times than this are left out of the CRF
    # the relation classifier also learns from pairs over the mentions that a tagger trained without
    # the statement's report finds in it (train.held_out_pairs): report groups, 0 for none, and the
    # L-BFGS iterations of those taggers. Off: two groups lifted the five folds' relations 0.672 ->
    # 0.677 at relation C 4 (0.678 -> 0.689 at 0.5) and round twelve's 0.565 -> 0.576, but the blind
    # gold's went 0.742 -> 0.723, and training took 621 s against 541 s (docs/extraction.md, stop 58)
    "relation_jackknife": 0, "relation_jackknife_iterations": 30,
    # how often the first gold's statements (../shared/gold, whose conventions are scored) count
    # beside the others' (the project's annotations follow them less closely): 3 lifted entities
    # on CV in every fold (docs/extraction.md, stops 50-51); a gold trained alone is unchanged
    "first_gold_weight": 3,
    "label_scheme": "bioes",        # B- I- E- S- labels (or "bio"): the E- and S- labels end names better
    "theme_context": 2,             # statements each side whose keyword themes are theme features
    "theme_stack": 2,               # statements each side whose first-pass themes a second pass reads; 0: none
    "theme_nb": True,               # features scaled by their naive-Bayes ratio per theme (linear.py)
}

# The settings that training reads (the rest act at extraction): a model's value of these is learned
# into it, so a value given at extraction (govkg eval --cv with kept --fold-models) cannot change them.
TRAINING_SETTINGS = frozenset({"rule_features", "gazetteer", "label_scheme", "crf_c1", "crf_c2", "crf_iterations",
                               "crf_min_freq", "first_gold_weight", "relation_jackknife", "relation_jackknife_iterations",
                               "relation_c", "theme_c", "theme_context", "theme_stack", "theme_nb"})

__all__ = ["DEFAULT_SETTINGS", "TRAINING_SETTINGS", "ExtractionModel", "check_settings", "default_model", "load_model",
           "landforms_in_programs", "merge_mentions", "places_in_programs", "rule_relation_pairs", "whole_bodies_win",
           "with_rule_mentions", "written_names_win"]


def check_settings(settings: dict | None) -> None:
    """A UsageError naming any setting that DEFAULT_SETTINGS does not have."""
    unknown = sorted(set(settings or {}) - set(DEFAULT_SETTINGS))
    if unknown:
        raise UsageError(f"unknown model setting {', '.join(unknown)}; the settings are: "
                         + ", ".join(sorted(DEFAULT_SETTINGS)))


# What one subject does to an undertaking: a body that leads it leaves the author none of these.
_LED_BY_ONE = frozenset({"LEADS", "PARTICIPATES_IN"})

# The written finder's names that replace the learned mentions inside them (its bodies gain nothing).
WINNING_WRITTEN_TYPES = frozenset({"Document", "Initiative"})


@dataclass
class ExtractionModel:
    path: Path
    tagger: Tagger
    gazetteer: Gazetteer | None
    relations: LinearModel | None
    themes: LinearModel | None
    settings: dict
    themes_context: LinearModel | None = None     # the second pass over the themes, when trained

    def mentions(self, statement: Statement) -> list[Mention]:
        """The statement's mentions (see ``mentions_of``)."""
        return self.mentions_of([statement])[0]

    def mentions_of(self, statements: list[Statement]) -> list[list[Mention]]:
        """Each statement's mentions: the CRF's, with the rules' as features and as a supplement
        (the supplement also holds the names of ``finders.WRITTEN``, which are no features). The
        statements are tagged together, which is faster than one by one."""
        rules, features = [], []
        for st in statements:           # the rules and the tagger share one segmentation (tokenize)
            found = rule_mentions(st) if self.rule_features else None
            rules.append(found)
            gazetteer = self.gazetteer.tags(st.text) if self.gazetteer is not None else None
            features.append(Sentence(st.text, st.start, tokenize(st.text, st.start),
                                     found.features if found else [], gazetteer))
        bar = self.setting("mention_certainty")
        out = []
        for statement, found, (tags, certainty) in zip(statements, rules, self._tagged(features, bar > 0)):
            learned = decode(tags, statement.text, statement.start)
            if certainty is not None:
                learned = certain_mentions(learned, certainty, statement.start, bar)
            out.append(learned if found is None else with_rule_mentions(learned, found, self.setting))
        return out

    def _tagged(self, sentences: list[Sentence], with_certainty: bool) -> list[tuple[list[str], list[float] | None]]:
        """Each sentence's labels, and with ``with_certainty`` each label's marginal probability."""
        out: list[tuple[list[str], list[float] | None]] = []
        for batch in _batches(sentences):
            if self.tagger.compiled:
                rows, lengths = feature_rows(self.tagger.index, batch), [len(s.text) for s in batch]
                if with_certainty:
                    out += self.tagger.tag_rows_with_certainty(rows, lengths)
                else:
                    out += [(labels, None) for labels in self.tagger.tag_rows(rows, lengths)]
            elif with_certainty:
                out += [self.tagger.tag_with_certainty(feature_strings(s)) for s in batch]
            else:
                out += [(self.tagger.tag(feature_strings(s)), None) for s in batch]
        return out

    def propagate(self, per_statement: list[tuple[Statement, list[Mention]]]):
        """A name the tagger found in one statement of a report is that entity wherever the report
        writes it again (the tagger misses some repeats that the gold annotates every time); with
        ``propagate_over_parts``, also where the tagger took only a part of it there (see
        ``_only_stray_parts``)."""
        min_len = self.setting("propagate_min_length")
        if not min_len:
            return per_statement
        import ahocorasick

        names: dict[str, str] = {}
        times_found: Counter[str] = Counter()
        for _, found in per_statement:
            for m in found:
                times_found[m.name] += 1
                if len(m.name) >= min_len and m.name == m.name.strip():
                    names.setdefault(m.name, m.type)
        if not names:
            return per_statement
        automaton = ahocorasick.Automaton()
        for name, type_ in names.items():
            automaton.add_word(name, (name, type_))
        automaton.make_automaton()
        over_parts = self.setting("propagate_over_parts")
        out = []
        for st, found in per_statement:
            added = list(found)
            for end, (name, type_) in automaton.iter_long(st.text):
                repeat = Mention(st.start + end - len(name) + 1, st.start + end + 1, type_, name)
                overlapping = [m for m in added if m.start < repeat.end and repeat.start < m.end]
                if not overlapping:
                    added.append(repeat)
                elif over_parts and _only_stray_parts(overlapping, repeat, times_found):
                    added = [m for m in added if m not in overlapping or may_nest(m, repeat)] + [repeat]
            out.append((st, sorted(added, key=lambda m: (m.start, m.end, m.type)) if added != found else found))
        return out

    @property
    def rule_features(self) -> bool:
        return self.setting("rule_features")

    def relations_of(self, statement: Statement, mentions: list[Mention],
                     ids: dict[Mention, str]) -> list[Relation]:
        """The statement's relations (see ``relations_of_report``)."""
        return self.relations_of_report([(statement, mentions)], ids)[0]

    def relations_of_report(self, per_statement: list[tuple[Statement, list[Mention]]],
                            ids: dict[Mention, str]) -> list[list[Relation]]:
        """Each statement's relations: the rules' kept types and the classifier's, whose pairs
        of all the statements are scored together (faster than statement by statement)."""
        rules = [find_relations(st, mentions, ids) for st, mentions in per_statement]
        if self.relations is None:
            return rules
        if not self.rule_features:
            rules = [[] for _ in per_statement]
        contexts = [(StatementContext(st.text, st.start, mentions, ids, AUTHOR_ID, rule_relation_pairs(found)),
                     candidates(mentions)) for (st, mentions), found in zip(per_statement, rules)]
        predicted = predict_relations_of(self.relations, contexts, self.setting("relation_threshold"))
        kept = frozenset(self.setting("rule_relations"))
        named = self.setting("named_subject_leads")
        out = []
        for (st, mentions), found, learned in zip(per_statement, rules, predicted):
            led = [r for r in found if named and led_by_a_named_subject(st, mentions, ids, r)]
            relations = [r for r in found if r.type in kept] + led
            led_tails = {r.tail for r in led}
            for cand, rel, _ in learned:
                head = AUTHOR_ID if cand.head is None else ids.get(cand.head)
                tail = ids.get(cand.tail)
                if head == AUTHOR_ID and tail in led_tails and rel in _LED_BY_ONE:
                    continue        # 县人社局开展“春风行动”: the body leads it, not the author
                if head and tail and head != tail:
                    relations.append(Relation(head, rel, tail, (st.start, st.end)))
            if self.setting("share_across_lists"):
                relations = share_across_lists(relations, st.text, st.start, mentions, ids, AUTHOR_ID)
            out.append(list(dict.fromkeys(relations)))
        return out

    def themes_of(self, statements: list[Statement]) -> list[Statement]:
        """The statements of one report, in order, with the classifier's themes."""
        if self.themes is None:
            return statements
        width = self.setting("theme_context")
        keywords = keyword_themes(statements) if width else []
        rows = [theme_features(statement, statement.themes if self.rule_features else (),
                               neighbour_themes(keywords, index, width))
                for index, statement in enumerate(statements)]
        classifier, probabilities = self.themes, self.themes.probabilities_of(rows)
        stack = self.setting("theme_stack")
        if self.themes_context is not None and stack:
            near = [context_probability_features(probabilities, index, classifier.classes, stack)
                    for index in range(len(rows))]
            classifier = self.themes_context
            probabilities = classifier.probabilities_of([{**row, **more} for row, more in zip(rows, near)])
        bars = (self.setting("theme_threshold"), self.setting("theme_top_threshold"), self.setting("theme_thresholds"))
        return [replace(statement, themes=choose_themes(classifier.classes, probs, *bars))
                for statement, probs in zip(statements, probabilities)]

    def setting(self, name: str):
        return self.settings.get(name, DEFAULT_SETTINGS[name])


def with_rule_mentions(learned: list[Mention], found: RuleMentions, setting: Callable[[str], Any]) -> list[Mention]:
    """The tagger's mentions of a statement merged with the rules' as the settings say (``setting``
    reads one): ``merge_mentions``, then ``written_names_win``, ``whole_bodies_win`` and
    ``places_in_programs``."""
    merged = merge_mentions(learned, found.found, setting("merge"), frozenset(setting("union_types")))
    if setting("written_names"):
        merged = written_names_win(merged, [m for m in found.written if m.type in WINNING_WRITTEN_TYPES])
    if setting("whole_bodies"):
        merged = whole_bodies_win(merged, found.found)
    if setting("places_in_programs"):
        merged = places_in_programs(merged, found.places)
    if setting("landforms_in_programs"):
        merged = landforms_in_programs(merged)
    return merged


def rule_relation_pairs(relations: list[Relation]) -> dict[tuple[str, str], set[str]]:
    """The rules' relation types of each (head, tail): features of the classifier's pairs."""
    pairs: dict[tuple[str, str], set[str]] = {}
    for r in relations:
        pairs.setdefault((r.head, r.tail), set()).add(r.type)
    return pairs


def merge_mentions(learned: list[Mention], rules: list[Mention], how: str,
                   union_types: frozenset[str] = frozenset()) -> list[Mention]:
    """``nested``: the CRF's mentions plus the rules' places and bodies that open a learned
    Program's name (spec §2: 北联镇新兴村 in 北联镇新兴村甜玉米加工项目; the gold names the
    company too in 大唐5万千瓦风电项目) and places of 3+ characters inside it, as the rules
    keep them (农林桥和呼达罕桥改造), and the rule mentions of
    ``union_types`` that overlap no learned one; ``union``: every rule mention that overlaps no
    learned one; ``learned``: the CRF's alone."""
    out = list(learned)
    if how == "learned":
        return sorted(out, key=lambda m: (m.start, m.end, m.type))
    for m in rules:
        overlapping = [x for x in learned if x.start < m.end and m.start < x.end]
        if not overlapping:
            if how == "union" or m.type in union_types:
                out.append(m)
            continue
        if any(_nested_in_program(m, x) for x in overlapping):
            out.append(m)
    return sorted(set(out), key=lambda m: (m.start, m.end, m.type))


def _nested_in_program(inner: Mention, learned: Mention) -> bool:
    """The rules' own nesting (``overlaps.may_nest``: a place or body opening it, a place of 3+
    characters inside it), for a learned Program that is more than the inner name."""
    return learned.type == "Program" and (inner.start, inner.end) != (learned.start, learned.end) \
        and may_nest(inner, learned)


def places_in_programs(mentions: list[Mention], places: list[Mention]) -> list[Mention]:
    """The places inside a learned Program that holds none yet, as the place finders read them
    before their overlaps with the other finders' names were resolved (内蒙古 in 内蒙古冰上运动训练中心,
    which the rules read whole as a body, so ``merge_mentions`` has no place there to keep; 广州 in
    中欧班列广州集结中心), the longest winning among them: spec §2 nests them, and the gold relates
    them to their Program by LOCATED_IN 70 times in 72."""
    out = list(mentions)
    resolved: list[Mention] | None = None       # resolved once, and only for a statement that needs them
    for program in [m for m in mentions if m.type == "Program"]:
        if not places or _holds_place(program, out):
            continue
        inside = [m for m in out if m is not program and m.start < program.end and program.start < m.end]
        resolved = resolve_overlaps(places) if resolved is None else resolved
        for place in resolved:
            if program.start <= place.start and place.end <= program.end \
                    and (place.start, place.end) != (program.start, program.end) \
                    and not any(m.start < place.end and place.start < m.end for m in inside):
                out.append(place)
                inside.append(place)
    return sorted(set(out), key=lambda m: (m.start, m.end, m.type))


def landforms_in_programs(mentions: list[Mention]) -> list[Mention]:
    """A learned Program that still holds no place gains the river, lake, mountain or dam that opens
    its name (``places.landform_opening``: 伊敏河 in 伊敏河景观改造工程, 向家坝 in 向家坝灌区一期一步工程):
    no place finder knows a county's own rivers, and jieba often reads them as a person's name."""
    out = list(mentions)
    for program in [m for m in mentions if m.type == "Program"]:
        if len(program.name) != program.end - program.start or _holds_place(program, out):
            continue          # a name not written as it stands (quotes taken off) has no offsets to cut
        opening = landform_opening(program.name)
        if opening:
            out.append(Mention(program.start, program.start + len(opening), "Place", opening))
    return sorted(set(out), key=lambda m: (m.start, m.end, m.type))


def _holds_place(program: Mention, mentions: list[Mention]) -> bool:
    return any(m.type == "Place" and m.start < program.end and program.start < m.end for m in mentions)


def written_names_win(mentions: list[Mention], written: list[Mention]) -> list[Mention]:
    """A name the rules read as written (a document after a verb of issuing:
    制定实施教育强国建设三年行动计划; a campaign: 平安北京) replaces the mentions that lie inside it:
    the tagger often takes only a part (教育强国建设, the place 北京) or gives the whole name another
    type. Where a mention reaches outside the name, the mentions stay as they are."""
    return _rule_names_win(mentions, written, lambda inside, name: True)


def whole_bodies_win(mentions: list[Mention], rules: list[Mention]) -> list[Mention]:
    """A body the rules read whole (县委组织部, 省发展改革委) replaces a learned Organization that
    is its opening part (县委): the tagger sometimes stops at the first body of a nested name."""
    def opening_bodies(inside: list[Mention], name: Mention) -> bool:
        return bool(inside) and all(m.type == "Organization" and m.start == name.start for m in inside)

    return _rule_names_win(mentions, [m for m in rules if m.type == "Organization"], opening_bodies)


def _rule_names_win(mentions: list[Mention], names: list[Mention], replaces) -> list[Mention]:
    """Each rule name replaces the mentions overlapping it when all lie inside it and ``replaces``
    (those mentions, the name) says so; a name already found stays as it is."""
    out = list(mentions)
    for name in names:
        inside = [m for m in out if m.start < name.end and name.start < m.end]
        if name not in out and all(name.start <= m.start and m.end <= name.end for m in inside) \
                and replaces(inside, name):
            out = [m for m in out if m not in inside] + [name]
    return sorted(set(out), key=lambda m: (m.start, m.end, m.type))


def _only_stray_parts(mentions: list[Mention], name: Mention, times_found: Counter[str]) -> bool:
    """Whether ``mentions`` all lie inside the repeat ``name``, shorter than it, and each either
    nests in it (a place opening a Program) or is found nowhere else in the report: the tagger
    took a part of a name it found whole elsewhere (山镇人民政府 of 青山镇人民政府). A part the
    report names on its own elsewhere (乡村振兴战略 inside a stray 实施乡村振兴战略) stays."""
    return all(name.start <= m.start and m.end <= name.end and m.end - m.start < name.end - name.start
               and (times_found[m.name] == 1 or may_nest(m, name)) for m in mentions)


def load_model(path: Path | str) -> ExtractionModel:
    path = Path(path)
    crf = path / "mentions.crfsuite"
    if not crf.exists():
        raise UsageError(f"{path}: not a govkg model (no mentions.crfsuite); train one with `govkg train`")
    settings = json.loads((path / "model.json").read_text(encoding="utf-8")) if (path / "model.json").exists() else {}
    relations = LinearModel.load(path / "relations") if (path / "relations.json").exists() else None
    themes = LinearModel.load(path / "themes") if (path / "themes.json").exists() else None
    themes_context = LinearModel.load(path / "themes_context") if (path / "themes_context.json").exists() else None
    gazetteer = Gazetteer.load(path / "names.json") if (path / "names.json").exists() else None
    return ExtractionModel(path, Tagger(crf), gazetteer, relations, themes, settings, themes_context)


# The CRF tags statements together up to this many characters: numpy's arrays grow with the batch
# (about 400 bytes a character), and a caller may hand over a report of any length.
BATCH_CHARACTERS = 1 << 16


def _batches(sentences: list[Sentence]) -> list[list[Sentence]]:
    batches: list[list[Sentence]] = [[]]
    size = 0
    for sentence in sentences:
        if batches[-1] and size + len(sentence.text) > BATCH_CHARACTERS:
            batches.append([])
            size = 0
        batches[-1].append(sentence)
        size += len(sentence.text)
    return batches


def feature_strings(sentence: Sentence) -> list[list[str]]:
    """The tagger's features as crfsuite reads them (``feature_rows`` builds the same as rows)."""
    feats = char_features(sentence.text, sentence.base, sentence.tokens, sentence.rule_mentions)
    return feats if sentence.gazetteer_tags is None else with_tags(feats, sentence.gazetteer_tags)


@cache
def default_model() -> ExtractionModel | None:
    """The model shipped with govkg, or None when this installation has none."""
    path = data_path("model")
    return load_model(path) if (path / "mentions.crfsuite").exists() else None

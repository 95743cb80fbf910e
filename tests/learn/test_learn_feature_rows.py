"""feature_rows builds, as rows of the CRF's weights, exactly the known strings that char_features and
with_tags spell, and Tagger.tag_rows labels them as crfsuite labels the strings."""
import itertools

import numpy as np
import pytest

from govkg.extract.mentions import rule_mentions
from govkg.extract.tokens import tokenize
from govkg.learn.feature_rows import FeatureIndex, Sentence, feature_rows
from govkg.learn.model import default_model, feature_strings, load_model
from govkg.learn.tagger import marginals, viterbi
from govkg.read import read_report
from govkg.statements import split_statements

CORPUS_REPORTS = ("gwr-hailar-district-2015.txt", "gwr-national-2019.txt", "policy-qingdao-2024-ai-industry-action-plan.txt")


def sentences(model, path) -> list[Sentence]:
    out = []
    for st in split_statements(read_report(path).text):
        found = rule_mentions(st).features if model.rule_features else []
        gazetteer = model.gazetteer.tags(st.text) if model.gazetteer is not None else None
        out.append(Sentence(st.text, st.start, tokenize(st.text, st.start), found, gazetteer))
    return out


def assert_same_as_crfsuite(model, batch: list[Sentence]) -> None:
    index = model.tagger.index
    rows = feature_rows(index, batch)
    strings = [feats for s in batch for feats in feature_strings(s)]
    known = [[index.values[f.partition("=")[0]].get(f.partition("=")[2], index.missing) for f in feats]
             for feats in strings]
    assert rows.tolist() == known
    assert model.tagger.tag_rows(rows, [len(s.text) for s in batch]) == [
        model.tagger.tag(feature_strings(s)) for s in batch]


@pytest.fixture(scope="module")
def shipped():
    model = default_model()
    if model is None:
        pytest.skip("this installation ships no model")
    return model


def test_sample_report_as_crfsuite_sees_it(shipped, examples_dir):
    assert shipped.tagger.compiled
    assert_same_as_crfsuite(shipped, sentences(shipped, next(examples_dir.glob("*.txt"))))


@pytest.mark.parametrize("name", CORPUS_REPORTS)
def test_corpus_reports_as_crfsuite_sees_them(shipped, corpus, name):
    assert_same_as_crfsuite(shipped, sentences(shipped, corpus / name))


@pytest.mark.parametrize("settings", [{}, {"rule_features": False, "gazetteer": False}],
                         ids=["hybrid", "model-alone"])
def test_a_trained_model_as_crfsuite_sees_it(settings, sample_gold, examples_dir, tmp_path):
    from govkg.learn.train import train_model

    train_model(sample_gold, tmp_path / "m", examples_dir, settings)
    model = load_model(tmp_path / "m")
    assert model.tagger.compiled
    assert_same_as_crfsuite(model, sentences(model, next(examples_dir.glob("*.txt"))))


def test_edge_statements(shipped):
    texts = ["乡", "“", "", "x县人民政府", "推进“五外联动”。", "A" * 3]
    batch = [Sentence(t, 7, tokenize(t, 7), [], shipped.gazetteer.tags(t)) for t in texts]
    assert_same_as_crfsuite(shipped, batch)


def test_unknown_template_turns_compilation_off():
    index = FeatureIndex({"b": 0, "c=中": 1, "zz=new feature": 2})
    assert index.unknown_templates == ["zz"]
    assert FeatureIndex({"b": 0, "c=中": 1}).unknown_templates == []


def path_score(scores, transitions, path):
    return scores[0, path[0]] + sum(transitions[a, b] + scores[t + 1, b]
                                    for t, (a, b) in enumerate(zip(path, path[1:])))


def test_viterbi_finds_the_best_path_of_each_length():
    rng = np.random.default_rng(0)
    labels = 3
    transitions = rng.normal(size=(labels, labels))
    emissions = [rng.normal(size=(n, labels)) for n in (4, 1, 0, 5, 2, 4)]
    paths = viterbi(emissions, transitions)
    for scores, path in zip(emissions, paths):
        assert len(path) == len(scores)
        if not len(scores):
            continue
        best = max(path_score(scores, transitions, p) for p in itertools.product(range(labels), repeat=len(scores)))
        assert path_score(scores, transitions, path) == pytest.approx(best)


def test_marginals_are_each_labels_share_of_all_paths():
    rng = np.random.default_rng(1)
    labels = 3
    transitions = rng.normal(size=(labels, labels))
    emissions = [rng.normal(size=(n, labels)) for n in (4, 1, 0, 5, 2, 4)]
    for scores, marginal in zip(emissions, marginals(emissions, transitions)):
        assert marginal.shape == scores.shape
        if not len(scores):
            continue
        expected = np.zeros_like(scores)
        for path in itertools.product(range(labels), repeat=len(scores)):
            weight = np.exp(path_score(scores, transitions, path))
            expected[np.arange(len(path)), path] += weight
        expected /= expected[0].sum()
        assert marginal == pytest.approx(expected)


@pytest.mark.parametrize("name", CORPUS_REPORTS[:2])
def test_certainty_is_crfsuites_marginal(shipped, corpus, name):
    batch = sentences(shipped, corpus / name)[:60]
    rows = feature_rows(shipped.tagger.index, batch)
    numpy_side = shipped.tagger.tag_rows_with_certainty(rows, [len(s.text) for s in batch])
    crfsuite_side = [shipped.tagger.tag_with_certainty(feature_strings(s)) for s in batch]
    assert [labels for labels, _ in numpy_side] == [labels for labels, _ in crfsuite_side]
    for (_, ours), (_, theirs) in zip(numpy_side, crfsuite_side):
        assert ours == pytest.approx(theirs, abs=1e-5)      # crfsuite computes in scaled floats
    assert min(c for _, certainty in numpy_side for c in certainty) < 0.9     # not all sure: a real test


def test_batches_of_any_size_tag_alike(shipped, examples_dir, monkeypatch):
    import govkg.learn.model as model_module

    statements = split_statements(read_report(next(examples_dir.glob("*.txt"))).text)
    whole = shipped.mentions_of(statements)
    monkeypatch.setattr(model_module, "BATCH_CHARACTERS", 40)
    assert len(model_module._batches(sentences(shipped, next(examples_dir.glob("*.txt"))))) > 10
    assert shipped.mentions_of(statements) == whole
    assert [shipped.mentions(st) for st in statements] == whole

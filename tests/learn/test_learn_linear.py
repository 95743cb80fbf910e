"""govkg.learn.linear: a linear classifier over named features, trained with scikit-learn and
applied with numpy alone: one softmax (relations), or a sigmoid per class (themes), saved as a
vocabulary (JSON) and float32 weights (npz) that load back to the same probabilities."""
import json

import numpy as np
import pytest

from govkg.learn.linear import LinearModel, train_linear

pytest.importorskip("sklearn")

# a word says the class; "共" is in every row and says nothing
ROWS = [{"w=牵头": 1.0, "w=共": 1.0}, {"w=负责": 1.0, "w=共": 1.0}, {"w=参与": 1.0, "w=共": 1.0},
        {"w=配合": 1.0, "w=共": 1.0}, {"w=印发": 1.0, "w=共": 1.0}, {"w=出台": 1.0, "w=共": 1.0}] * 4
LABELS = ["LEADS", "LEADS", "PARTICIPATES_IN", "PARTICIPATES_IN", "ISSUES", "ISSUES"] * 4
CLASSES = ["LEADS", "PARTICIPATES_IN", "ISSUES", "FUNDS"]


def best(model: LinearModel, features: dict) -> str:
    return model.classes[int(np.argmax(model.probabilities(features)))]


def test_one_softmax_learns_the_classes_it_saw():
    model = train_linear(ROWS, LABELS, CLASSES, multi_label=False, c=10.0)
    assert model.classes == ["LEADS", "PARTICIPATES_IN", "ISSUES"]         # FUNDS had no row
    assert [best(model, {"w=牵头": 1.0}), best(model, {"w=配合": 1.0}), best(model, {"w=出台": 1.0})] == \
        ["LEADS", "PARTICIPATES_IN", "ISSUES"]
    p = model.probabilities({"w=负责": 1.0, "w=没见过": 1.0})                # an unknown feature counts for nothing
    assert p.sum() == pytest.approx(1.0) and p[0] > 0.8
    assert model.probabilities({"w=没见过": 1.0}) == pytest.approx(model.probabilities({}))


def test_two_classes_are_one_sigmoid():
    model = train_linear(ROWS[:4], ["LEADS", "LEADS", "PARTICIPATES_IN", "PARTICIPATES_IN"], CLASSES[:2],
                         multi_label=False, c=10.0)
    assert model.coef.shape[0] == 1
    p = model.probabilities({"w=参与": 1.0})
    assert p.shape == (2,) and p.sum() == pytest.approx(1.0) and p[1] > 0.7


def test_one_sigmoid_per_class_and_a_class_never_or_always_seen_is_off():
    themes = [{"rural"}, {"rural"}, {"rural", "party"}, {"party"}, set(), set()] * 4
    model = train_linear(ROWS, themes, ["rural", "party", "economy"], multi_label=True, c=10.0)
    p = model.probabilities({"w=参与": 1.0, "w=共": 1.0})
    assert p.shape == (3,) and p[0] > 0.5 and p[1] > 0.5                    # both themes at once
    assert p[2] < 1e-4                                                      # no row had economy
    assert model.probabilities({"w=出台": 1.0, "w=共": 1.0})[:2].max() < 0.5
    everywhere = train_linear(ROWS, [{"rural"}] * len(ROWS), ["rural"], multi_label=True)
    assert not everywhere.coef.any()                                        # nothing to learn from


def test_rare_features_are_left_out():
    rows = [*ROWS, {"w=一次": 1.0, "w=共": 1.0}]
    model = train_linear(rows, [*LABELS, "ISSUES"], CLASSES, multi_label=False, min_count=2)
    assert "w=一次" not in model.vocabulary and "w=共" in model.vocabulary


def test_saved_weights_load_to_the_same_probabilities(tmp_path):
    model = train_linear(ROWS, LABELS, CLASSES, multi_label=False, balanced=True)
    path = tmp_path / "relations"
    model.save(path)
    meta = json.loads((tmp_path / "relations.json").read_text(encoding="utf-8"))
    assert meta["vocabulary"] == sorted(model.vocabulary, key=model.vocabulary.get) and "w=牵头" in meta["vocabulary"]
    loaded = LinearModel.load(path)
    assert loaded.coef.dtype == np.float32 and (loaded.classes, loaded.multi_label) == (model.classes, False)
    for features in ({"w=牵头": 1.0}, {"w=印发": 2.0, "w=共": 1.0}, {}):
        assert loaded.probabilities(features) == pytest.approx(model.probabilities(features), abs=1e-6)


def test_naive_bayes_weighting_is_folded_into_the_weights():
    from sklearn.linear_model import LogisticRegression

    themes = [{"rural"}, {"rural"}, {"rural", "party"}, {"party"}, set(), set()] * 4
    model = train_linear(ROWS, themes, ["rural", "party"], multi_label=True, nb_weighting=True)
    vocabulary = sorted(model.vocabulary, key=model.vocabulary.get)
    x = np.array([[row.get(f, 0.0) for f in vocabulary] for row in ROWS])
    y = np.array(["rural" in t for t in themes])
    # the naive-Bayes log-count ratio of each feature for "rural", smoothed by one
    p, q = 1 + x[y].sum(axis=0), 1 + x[~y].sum(axis=0)
    ratio = np.log(p / p.sum()) - np.log(q / q.sum())
    plain = LogisticRegression(C=1.0, solver="liblinear", random_state=0).fit(x * ratio, y)
    for row in ({"w=牵头": 1.0, "w=共": 1.0}, {"w=出台": 1.0}, {}):
        features = np.array([row.get(f, 0.0) for f in vocabulary]) * ratio
        assert model.probabilities(row)[0] == pytest.approx(plain.predict_proba([features])[0, 1], abs=1e-5)
    assert abs(ratio[vocabulary.index("w=共")]) < abs(ratio[vocabulary.index("w=牵头")])   # in every row: a small scale
    assert model.probabilities({"w=负责": 1.0, "w=共": 1.0})[0] > 0.5 > model.probabilities({"w=印发": 1.0})[0]


@pytest.mark.parametrize("multi_label, labels, classes", [
    (False, LABELS, CLASSES),
    (False, ["LEADS", "PARTICIPATES_IN"] * 12, CLASSES[:2]),                # one sigmoid
    (True, [{"rural"}, {"party"}, set()] * 8, ["rural", "party"]),
])
def test_rows_at_once_are_each_row_alone(multi_label, labels, classes):
    model = train_linear(ROWS, labels, classes, multi_label=multi_label, c=10.0)
    rows = [{"w=没见过": 1.0}, *ROWS[:6], {}, {"w=牵头": 0.5, "w=参与": 2.0}]    # rows with no known feature too
    together = model.probabilities_of(rows)
    assert together.shape == (len(rows), len(model.classes) if model.coef.shape[0] > 1 or multi_label else 2)
    for row, probs in zip(rows, together):
        assert probs == pytest.approx(model.probabilities_of([row])[0], abs=1e-6)
        known = [(model.vocabulary[f], v) for f, v in row.items() if f in model.vocabulary]
        z = model.intercept + sum(model.coef[:, i] * v for i, v in known)
        if multi_label:
            expected = 1 / (1 + np.exp(-z))
        elif len(z) == 1:
            expected = np.array([1 - 1 / (1 + np.exp(-z[0])), 1 / (1 + np.exp(-z[0]))])
        else:
            expected = np.exp(z) / np.exp(z).sum()
        assert probs == pytest.approx(expected, abs=1e-6)
    assert model.probabilities_of([]).shape[0] == 0

"""Makes rsa-reference.json: RDMs, their rank correlations, exact permutation p-values and Nili et al.'s noise ceiling,
computed with NumPy and SciPy independently of Tandem's code.

Run: python3 make-rsa-reference.py > rsa-reference.json   (made with NumPy 2.4.6 and SciPy 1.17.1)

- pattern RDMs: scipy.spatial.distance.pdist(metric='correlation' | 'euclidean') on patterns whose values are multiples
  of 1/64 (exact as float32, so Tandem reads the same numbers); one pattern is constant, so its correlation distances
  are undefined (NaN).
- Spearman: scipy.stats.spearmanr over the entries where neither RDM is NaN (average ranks for ties).
- Kendall tau-a: from its definition, (concordant - discordant) / (m (m - 1) / 2) with a plain double loop over all
  pairs of the m entries used, a pair tied in either vector counting as neither (scipy's kendalltau is tau-b).
- exact permutation p: every relabelling of one RDM's conditions (itertools.permutations), one-sided,
  p = #{statistic >= observed} / n!.
- noise ceiling (Nili et al. 2014): each participant's upper triangle rank-transformed (scipy.stats.rankdata, NaN kept
  out), averaged per entry ignoring NaN (numpy.nanmean); upper bound = mean over participants of the statistic against
  the mean of all, lower bound = against the mean of the others.
NaN is written as null.
"""
import itertools
import json
import math
import warnings

import numpy as np
from scipy import stats
from scipy.spatial.distance import pdist, squareform

rng = np.random.default_rng(20240611)


def upper(matrix):
    n = matrix.shape[0]
    return matrix[np.triu_indices(n, 1)]


def used(a, b):
    keep = ~(np.isnan(a) | np.isnan(b))
    return a[keep], b[keep]


def spearman(a, b):
    a, b = used(a, b)
    return float(stats.spearmanr(a, b).statistic)


def tau_a(a, b):
    a, b = used(a, b)
    m = len(a)
    s = 0
    for i in range(m):
        for j in range(i + 1, m):
            s += int(np.sign(a[i] - a[j]) * np.sign(b[i] - b[j]))
    return s / (m * (m - 1) / 2)


STATISTICS = {"spearman": spearman, "kendallTauA": tau_a}


def number(x):
    x = float(x)
    return None if math.isnan(x) else x


def vector(values):
    return [number(v) for v in values]


def labels(n, prefix="c"):
    return [f"{prefix}{i}" for i in range(n)]


# pattern RDMs: 7 conditions x 9 units, condition 3 constant
patterns = rng.integers(-256, 256, size=(7, 9)) / 64.0
patterns[3, :] = 1.25
with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # the constant pattern's 0/0
    correlation = pdist(patterns, metric="correlation")
euclidean = pdist(patterns, metric="euclidean")

# comparisons
comparisons = []


def comparison(name, n, a, b):
    comparisons.append({
        "name": name,
        "labels": labels(n),
        "a": vector(a),
        "b": vector(b),
        "entries": int(len(used(a, b)[0])),
        "spearman": spearman(a, b),
        "kendallTauA": tau_a(a, b),
    })


n = 12                                            # heavy ties in both, a few NaN entries
m = n * (n - 1) // 2
a = rng.integers(0, 4, size=m).astype(float)
b = np.round(a + rng.normal(0, 1.2, size=m))
a[[3, 17]] = np.nan
b[[17, 40, 41]] = np.nan
comparison("ties and NaN", n, a, b)

n = 40                                            # continuous, related: 780 entries
m = n * (n - 1) // 2
a = rng.normal(size=m)
comparison("continuous", n, a, a + rng.normal(0, 1.5, size=m))

category = np.array([i % 4 for i in range(n)])    # a categorical model RDM against a continuous one
model = upper((category[:, None] != category[None, :]).astype(float))
comparison("categorical model", n, model, upper(squareform(a)) + 0.8 * model)

# exact permutation p over all 6! relabellings
n = 6
x = squareform(np.round(rng.normal(size=n * (n - 1) // 2), 1))
y = squareform(upper(x) + rng.normal(0, 0.8, size=n * (n - 1) // 2))
exact = {"labels": labels(n), "a": vector(upper(x)), "b": vector(upper(y))}
for name, statistic in STATISTICS.items():
    observed = statistic(upper(x), upper(y))
    count = 0
    for perm in itertools.permutations(range(n)):
        p = list(perm)
        if statistic(upper(x), upper(y[np.ix_(p, p)])) >= observed - 1e-12:
            count += 1
    exact[name] = {"observed": observed, "p": count / math.factorial(n)}

# noise ceiling: 5 participants over 8 conditions, a shared structure plus noise, a few NaN entries
n = 8
m = n * (n - 1) // 2
truth = rng.normal(size=m)
participants = [np.round(truth + rng.normal(0, 0.9, size=m), 1) for _ in range(5)]
participants[1][[0, 5]] = np.nan
participants[4][5] = np.nan
ranked = [stats.rankdata(p, nan_policy="omit") for p in participants]
ceiling = {"labels": labels(n), "participants": [vector(p) for p in participants]}
for name, statistic in STATISTICS.items():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        everyone = np.nanmean(ranked, axis=0)
        upper_bound = np.mean([statistic(r, everyone) for r in ranked])
        lower_bound = np.mean([
            statistic(r, np.nanmean([o for k, o in enumerate(ranked) if k != i], axis=0))
            for i, r in enumerate(ranked)])
    ceiling[name] = {"lower": float(lower_bound), "upper": float(upper_bound)}

json.dump({
    "patterns": {
        "labels": labels(7),
        "rows": patterns.tolist(),
        "correlation": vector(correlation),
        "euclidean": vector(euclidean),
    },
    "comparisons": comparisons,
    "exactPermutation": exact,
    "noiseCeiling": ceiling,
}, __import__("sys").stdout, indent=1)
print()

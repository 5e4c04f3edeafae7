"""Makes identity-reference.csv: per unit, the one-way ANOVA over identities (scipy.stats.f_oneway) and the identities
whose mean response exceeds the mean over all images by more than 2 sample SDs (NumPy, ddof=1), independent of Tandem's
code.

Run: python3 make-identity-reference.py > identity-reference.csv   (NumPy and SciPy from Debian's python3-scipy)
Values are multiples of 1/64, so they are exact as float32 and Tandem reads the same numbers.
"""
import warnings

import numpy as np
from scipy import stats

from fixture_values import Values

SIZES = [3, 5, 4, 6, 2, 4, 5, 3, 4, 6, 2, 4]   # images of each identity: unequal groups
UNITS = 9
ALPHA, K = 0.01, 2.0
next_value = Values(20261207).next

identity = np.repeat(np.arange(len(SIZES)), SIZES)
values = np.array([[next_value() for _ in range(UNITS)] for _ in identity])
values[:, 1] += np.where(identity == 7, 400.0, 0.0)                  # one identity far above the rest: a tiny p
values[:, 2] += np.where(np.isin(identity, [0, 10]), 60.0, 0.0)       # two identities above the rest
values[:, 3] = 2.5                                                   # a constant unit: no test
values[:, 4] += identity * 3.0                                       # a graded identity effect, no identity alone
values[:, 5] = np.array([float(i % 5) for i in identity])            # constant within each identity: F infinite
values[:, 6] += np.where(identity == 4, 30.0, 0.0)                   # an outlier identity of only 2 images
values[:, 7] = values[:, 0] * 0.25                                   # noise


def z_of_best(y):
    means = np.array([y[identity == i].mean() for i in range(len(SIZES))])
    return (means.max() - y.mean()) / y.std(ddof=1)


# identity 4 raised by the largest multiple of 1/64 that keeps it under 2 sample SDs (n - 1): it would be above 2
# population SDs (n), so the unit tells the two apart
base = values[:, 8].copy()
raise_by = 0.0
while z_of_best(base + np.where(identity == 4, raise_by + 1 / 64, 0.0)) < K:
    raise_by += 1 / 64
values[:, 8] = base + np.where(identity == 4, raise_by, 0.0)

print("identity," + ",".join(f"unit{u}" for u in range(UNITS)))
for k in range(len(identity)):
    print(f"{identity[k]}," + ",".join(repr(float(v)) for v in values[k]))
print("#expected")
print("unit,f,p,encoded,kind")
for u in range(UNITS):
    y = values[:, u]
    groups = [y[identity == i] for i in range(len(SIZES))]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")                              # SciPy warns on the degenerate units
        f, p = stats.f_oneway(*groups)
    means = np.array([g.mean() for g in groups])
    encoded = [i for i in range(len(SIZES)) if means[i] > y.mean() + K * y.std(ddof=1)]
    if np.isnan(f):
        kind = "constant"
    elif not p < ALPHA:
        kind = "not-selective"
    else:
        kind = {0: "selective-none-encoded", 1: "single-identity"}.get(len(encoded), "multiple-identity")
    print(f"{u},{float(f)!r},{float(p)!r},{';'.join(map(str, encoded))},{kind}")

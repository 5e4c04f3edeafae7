"""Makes anova-reference.csv: per unit, the two-way ANOVA without replication (identity x expression) computed with
NumPy sums of squares and SciPy's F distribution (scipy.stats.f.sf), independent of Tandem's code.

Run: python3 make-anova-reference.py > anova-reference.csv   (NumPy and SciPy from Debian's python3-scipy)
Values are multiples of 1/64, so they are exact as float32 and Tandem reads the same numbers.
"""
import numpy as np
from scipy import stats

from fixture_values import Values

IDENTITIES, EXPRESSIONS = 6, 4
next_value = Values(12345).next

units = []
for unit in range(5):
    y = np.array([[next_value() for _ in range(EXPRESSIONS)] for _ in range(IDENTITIES)])
    if unit == 1:
        y += np.arange(EXPRESSIONS)[None, :] * 40.0       # a strong expression effect: a tiny p
    if unit == 2:
        y += np.arange(IDENTITIES)[:, None] * 12.0        # an identity effect
    if unit == 3:
        y = np.full((IDENTITIES, EXPRESSIONS), 2.5)       # a constant unit: no test
    units.append(y)

print("unit,identity,expression,value")
for u, y in enumerate(units):
    for i in range(IDENTITIES):
        for j in range(EXPRESSIONS):
            print(f"{u},{i},{j},{float(y[i, j])!r}")
print("#expected")
print("unit,f_identity,p_identity,f_expression,p_expression")
for u, y in enumerate(units):
    grand = y.mean()
    ss_i = EXPRESSIONS * ((y.mean(axis=1) - grand) ** 2).sum()
    ss_e = IDENTITIES * ((y.mean(axis=0) - grand) ** 2).sum()
    resid = y - y.mean(axis=1, keepdims=True) - y.mean(axis=0, keepdims=True) + grand
    ss_r = (resid ** 2).sum()
    df_i, df_e = IDENTITIES - 1, EXPRESSIONS - 1
    df_r = df_i * df_e
    if ss_r == 0 and ss_i == 0 and ss_e == 0:
        print(f"{u},nan,nan,nan,nan")
        continue
    f_i = (ss_i / df_i) / (ss_r / df_r)
    f_e = (ss_e / df_e) / (ss_r / df_r)
    print(f"{u},{float(f_i)!r},{float(stats.f.sf(f_i, df_i, df_r))!r},{float(f_e)!r},{float(stats.f.sf(f_e, df_e, df_r))!r}")

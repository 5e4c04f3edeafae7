"""Makes ttest-reference.json: people's per-participant PSEs in three masked conditions, two networks' PSEs there, and
SciPy's two-sided one-sample t-tests of people's PSEs against each network's PSE, Bonferroni-corrected over every test
of every condition (Ying et al.'s feature-mask comparison). Run from this folder: python3 make-ttest-reference.py
The PSEs are fixed numbers written here (not drawn), so the file is the same on every machine."""
import json

import scipy
from scipy import stats

PEOPLE = {
    "eyes": [52.1, 48.7, 55.3, 50.2, 57.9, 49.4],
    "nose": [50.8, 47.2, 53.6, 51.1, 49.9, 52.4],
    "mouth": [61.5, 66.2, 58.7, 70.3, 63.8, 59.1],
}
NETWORKS = {
    "eyes": {"expression network": 70.3, "identity network": 50.9},
    "nose": {"expression network": 69.8, "identity network": 44.0},
    "mouth": {"expression network": 92.3, "identity network": 64.0},
}
ALPHA = 0.05

family = sum(len(n) for n in NETWORKS.values())
tests = []
for mask, people in PEOPLE.items():
    for network, pse in NETWORKS[mask].items():
        result = stats.ttest_1samp(people, pse)
        p = float(result.pvalue)
        tests.append({"mask": mask, "network": network, "pse": pse, "t": float(result.statistic),
                      "df": len(people) - 1, "p": p, "pBonferroni": min(1.0, p * family),
                      "differs": min(1.0, p * family) < ALPHA})
with open("ttest-reference.json", "w") as out:
    json.dump({"scipy": scipy.__version__, "alpha": ALPHA, "family": family, "people": PEOPLE,
               "networks": NETWORKS, "tests": tests}, out, indent=2)
    out.write("\n")

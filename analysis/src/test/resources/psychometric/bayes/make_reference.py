"""Writes bayes-reference.json: python-psignifit 4 fits (MAP, posterior mean, credible intervals, the fine grid
with its marginal posteriors and priors, wall time) of the data sets Tandem's Bayesian fit is checked against.

Usage: python3 make_reference.py PSIGNIFIT_SOURCE_DIR [OUTPUT]
PSIGNIFIT_SOURCE_DIR is a checkout of python-psignifit (the folder holding the package folder psignifit/); it is put
first on sys.path, nothing is installed. The data: the two sets of ../reference.json and six more drawn below, each
from its own numpy.random.default_rng(seed).
"""
import json
import os
import platform
import sys
import time

import numpy as np
import scipy

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.abspath(sys.argv[1]))
import psignifit as ps  # noqa: E402
from psignifit import sigmoids  # noqa: E402

OUT = sys.argv[2] if len(sys.argv) > 2 else os.path.join(HERE, 'bayes-reference.json')
REPEATS = 3


def unscaled(name, x, threshold, width):
    return sigmoids.sigmoid_by_name(name)(x, threshold, width)


def draw(seed, levels, trials, name, threshold, width, gamma, lam, eta=0.0, axis=None, falling=False):
    """Counts from psi = gamma + (1 - gamma - lam) F(u), u the level on the sigmoid's axis (ln for 'log',
    mirrored for a falling curve); with eta > 0 each level's p is first drawn from Beta(p nu, (1 - p) nu),
    nu = 1/eta^2 - 1 (psignifit's overdispersion)."""
    rng = np.random.default_rng(seed)
    levels = np.asarray(levels, float)
    u = np.log(levels) if axis == 'log' else levels
    if falling:
        u = -u
    p = gamma + (1 - gamma - lam) * unscaled(name, u, threshold, width)
    if eta > 0:
        nu = 1 / eta ** 2 - 1
        p = rng.beta(p * nu, (1 - p) * nu)
    k = rng.binomial(trials, p)
    return [[float(x), int(c), int(trials)] for x, c in zip(levels, k)]


def generated():
    return [
        dict(name='3afc_gumbel_8lvl_50tr', task='3AFC', sigmoid='gumbel',
             generator=dict(seed=11, sigmoid='gumbel', threshold=10.0, width=8.0, gamma=1 / 3, lam=0.03),
             data=draw(11, np.arange(4, 19, 2), 50, 'gumbel', 10.0, 8.0, 1 / 3, 0.03)),
        dict(name='yesno_logistic_overdispersed_10lvl_40tr', task='yes/no', sigmoid='logistic',
             generator=dict(seed=5, sigmoid='logistic', threshold=0.0, width=6.0, gamma=0.03, lam=0.05, eta=0.2),
             data=draw(5, np.linspace(-6, 6, 10), 40, 'logistic', 0.0, 6.0, 0.03, 0.05, eta=0.2)),
        dict(name='2afc_weibull_6lvl_40tr', task='2AFC', sigmoid='weibull', axis='log',
             generator=dict(seed=3, sigmoid='gumbel on ln(level)', threshold=float(np.log(3)), width=1.5,
                            gamma=0.5, lam=0.01),
             data=draw(3, [0.5, 1, 2, 4, 8, 16], 40, 'gumbel', np.log(3), 1.5, 0.5, 0.01, axis='log')),
        dict(name='yesno_falling_norm_9lvl_60tr', task='yes/no', sigmoid='norm', axis='mirror',
             generator=dict(seed=9, sigmoid='norm of -level', threshold=-45.0, width=30.0, gamma=0.02, lam=0.04),
             data=draw(9, np.arange(0, 81, 10), 60, 'norm', -45.0, 30.0, 0.02, 0.04, falling=True)),
        dict(name='yesno_norm_12lvl_25tr', task='yes/no', sigmoid='norm', fixed={'eta': 0.0},
             generator=dict(seed=13, sigmoid='norm', threshold=6.5, width=6.0, gamma=0.02, lam=0.02),
             data=draw(13, np.arange(1, 13), 25, 'norm', 6.5, 6.0, 0.02, 0.02)),
        dict(name='4afc_tdist_7lvl_100tr', task='4AFC', sigmoid='tdist',
             generator=dict(seed=17, sigmoid='tdist', threshold=2.0, width=2.0, gamma=0.25, lam=0.02),
             data=draw(17, np.linspace(0.5, 3.5, 7), 100, 'tdist', 2.0, 2.0, 0.25, 0.02)),
    ]


def fits():
    with open(os.path.join(HERE, '..', 'reference.json')) as f:
        reference = json.load(f)
    data = {d['name']: d['data'] for d in reference['datasets']}
    tasks = {d['name']: d['experiment_type'] for d in reference['datasets']}
    out = []
    for name in data:
        for sigmoid in ('norm', 'logistic'):
            out.append(dict(name=name, task=tasks[name], sigmoid=sigmoid, data=data[name],
                            generator='see ../reference.json'))
    out.append(dict(name='2afc_7lvl_30tr', task='2AFC', sigmoid='norm', fixed={'lambda': 0.01, 'eta': 0.0},
                    data=data['2afc_7lvl_30tr'], generator='see ../reference.json'))
    return out + documented() + generated()


# python-psignifit's documented example (docs/basic-usage.md, and tests/fixtures.py): "a simple signal detection
# experiment", 13 levels x 90 trials; the docs fit it as 2AFC, and it is fitted as yes/no too
DOCUMENTED = [[0.0010, 45, 90], [0.0015, 50, 90], [0.0020, 44, 90], [0.0025, 44, 90], [0.0030, 52, 90],
              [0.0035, 53, 90], [0.0040, 62, 90], [0.0045, 64, 90], [0.0050, 76, 90], [0.0060, 79, 90],
              [0.0070, 88, 90], [0.0080, 90, 90], [0.0100, 90, 90]]


def documented():
    return [dict(name='psignifit_docs_13lvl_90tr', task=task, sigmoid='norm',
                 data=[[float(x), int(k), int(n)] for x, k, n in DOCUMENTED],
                 generator="python-psignifit's docs/basic-usage.md example data") for task in ('2AFC', 'yes/no')]


def fit(case):
    data = np.array(case['data'], float)
    axis = case.get('axis')
    if axis == 'log':
        data[:, 0] = np.log(data[:, 0])
    elif axis == 'mirror':
        data[:, 0] = -data[:, 0]
    kwargs = dict(sigmoid=case['sigmoid'], experiment_type=case['task'], verbose=False)
    if case.get('fixed'):
        kwargs['fixed_parameters'] = case['fixed']
    times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        result = ps.psignifit(data, **kwargs)
        times.append(time.perf_counter() - start)
    grid = {p: np.asarray(v).tolist() for p, v in result.parameter_values.items()}
    return dict(
        dataset=case['name'], data=case['data'], generator=case['generator'],
        axis={'log': 'psignifit fitted ln(level)', 'mirror': 'psignifit fitted -level'}.get(axis,
                                                                                             'psignifit fitted level'),
        options=dict(sigmoid=case['sigmoid'], experiment_type=case['task'], fixed_parameters=case.get('fixed'),
                     CI_method='percentiles', confP=list(result.configuration.confP)),
        wall_time_s=dict(all=times, first=times[0], median=float(np.median(times))),
        MAP=result.parameter_estimate_MAP, mean=result.parameter_estimate_mean,
        credible_intervals=result.confidence_intervals,
        grid=grid,
        marginals={p: np.asarray(v).tolist() for p, v in result.marginal_posterior_values.items()},
        priors_on_grid={p: np.asarray(v).tolist() for p, v in result.prior_values.items()})


def main():
    import subprocess
    source = os.path.abspath(sys.argv[1])
    try:
        commit = subprocess.run(['git', '-C', source, 'rev-parse', 'HEAD'], capture_output=True, text=True,
                                check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        commit = os.environ.get('PSIGNIFIT_COMMIT', 'unknown')
    results = [fit(case) for case in fits()]
    doc = dict(
        about='python-psignifit 4 fits with its defaults (Beta(1,10) priors on lambda, gamma and eta; threshold and'
              ' width priors from the stimulus levels; percentile credible intervals of the marginal posteriors) of'
              ' the data sets Tandem\'s Bayesian fit is checked against. Data rows: [level, k, n]. Written by'
              ' make_reference.py; see README.md.',
        made_with=dict(psignifit_commit=commit, python=platform.python_version(), numpy=np.__version__,
                       scipy=scipy.__version__, machine=platform.machine(), cpus=os.cpu_count(),
                       repeats_per_fit=REPEATS),
        fits=results)
    with open(OUT, 'w') as f:
        json.dump(doc, f, indent=1)
        f.write('\n')


if __name__ == '__main__':
    main()

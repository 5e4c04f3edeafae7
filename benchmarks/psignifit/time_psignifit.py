"""Times python-psignifit 4's default Bayesian fit on the data sets `tandem bench fit --method bayes` times, so the
two are measured side by side on the same machine in the same run (ratios hold on a noisy machine, absolute times
do not).

Usage: python3 benchmarks/psignifit/time_psignifit.py PSIGNIFIT_SOURCE_DIR [--repeats N] > psignifit-times.json
       ./tandem bench fit --method bayes --psignifit psignifit-times.json

PSIGNIFIT_SOURCE_DIR is a checkout of python-psignifit (the folder holding the package folder psignifit/); it is put
first on sys.path, nothing is installed. The data sets are read from Tandem's own benchmark file, so both programs fit
exactly the same counts with the same task (2AFC: experiment_type '2AFC'; yes/no: 'yes/no'; cumulative normal).
"""
import argparse
import json
import os
import platform
import subprocess
import sys
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
DATASETS = os.path.join(HERE, '..', '..', 'analysis', 'src', 'main', 'resources', 'org', 'tandem', 'analysis',
                        'psychometric', 'benchmark-datasets.json')
TASKS = {'2afc': '2AFC', 'yesno': 'yes/no'}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('source', help='a python-psignifit checkout (e.g. tag v4.3)')
    parser.add_argument('--repeats', type=int, default=5, help='timed fits per data set after one untimed fit')
    args = parser.parse_args()
    sys.path.insert(0, os.path.abspath(args.source))
    import psignifit as ps

    with open(DATASETS) as f:
        datasets = json.load(f)['datasets']
    results = {}
    for d in datasets:
        data = np.array(d['rows'], float)
        kwargs = dict(sigmoid='norm', experiment_type=TASKS[d['task']], verbose=False)
        ps.psignifit(data, **kwargs)  # imports and caches warmed, as Tandem's warm-up fits do
        times = []
        for _ in range(args.repeats):
            start = time.perf_counter()
            ps.psignifit(data, **kwargs)
            times.append(time.perf_counter() - start)
        results[d['name']] = dict(median_s=float(np.median(times)), min_s=min(times), all_s=times)
        print(f"{d['name']}: median {np.median(times):.3f} s over {args.repeats} fits", file=sys.stderr)
    try:
        commit = subprocess.run(['git', '-C', args.source, 'rev-parse', 'HEAD'], capture_output=True, text=True,
                                check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        commit = 'unknown'
    json.dump(dict(psignifit_commit=commit, python=platform.python_version(), numpy=np.__version__,
                   cpus=os.cpu_count(), repeats=args.repeats, datasets=results), sys.stdout, indent=1)
    print()


if __name__ == '__main__':
    main()

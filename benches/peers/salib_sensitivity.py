"""SALib's side of the sensitivity bench: Saltelli sampling and Sobol
analysis (first and total order, bootstrap intervals) of as many outputs as
the crate's portfolio run analyses, on the same design size.

    python benches/peers/salib_sensitivity.py FACTORS SAMPLES OUTPUTS RESAMPLES

Prints one line `SALIB seconds=S cpu=C` (wall and process CPU time of
sampling plus analysis). The outputs are a fixed function of the design:
SALib's analysis costs the same whatever the values, and the crate does not
expose its per-run outputs. Needs SALib 1.6 and numpy.
"""
import sys
import time

import numpy as np
from SALib.analyze import sobol
from SALib.sample import sobol as sobol_sample


def main():
    k, n, outputs, resamples = (int(a) for a in sys.argv[1:5])
    problem = {
        "num_vars": k,
        "names": [f"x{i}" for i in range(k)],
        "bounds": [[0.5, 1.5]] * k,
    }
    wall, cpu = time.perf_counter(), time.process_time()
    x = sobol_sample.sample(problem, n, calc_second_order=False, seed=0)
    # One output per programme rank, composite and the mean shift: a
    # weighted sum of the factors, its weights differing by output.
    weights = np.linspace(0.1, 1.0, outputs)[:, None] * np.arange(1, k + 1)[None, :]
    for w in weights:
        sobol.analyze(problem, x @ w, calc_second_order=False,
                      num_resamples=resamples, seed=0)
    print(f"SALIB seconds={time.perf_counter() - wall:.3f} "
          f"cpu={time.process_time() - cpu:.3f}")


if __name__ == "__main__":
    main()

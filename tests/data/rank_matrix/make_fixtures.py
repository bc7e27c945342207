#!/usr/bin/env python3
"""Writes the rank-matrix fixtures from the numpy reference (../shared/peers/rank_uncertainty.py).

Run from the crate root, with numpy installed:
  python3 -m venv /tmp/peers-venv && /tmp/peers-venv/bin/pip install numpy
  /tmp/peers-venv/bin/python tests/data/rank_matrix/make_fixtures.py

replay.json: a matrix (with a zero, and duplicated rows that tie), the reference's own random
draws for two noise levels, and what the reference computed from them: the crate replays the
draws and must agree exactly.
mc.json: a matrix and the reference's output for 20,000 replications of its own stream: the crate
runs its own stream and must agree within Monte Carlo error.
"""
import json
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "..", "..", "shared", "peers"))
import rank_uncertainty as ref  # noqa: E402


def tolist(d):
    return {k: v.tolist() for k, v in d.items()}


def replay():
    rng = np.random.default_rng(11)
    X = rng.uniform(0, 1, size=(60, 6))
    X[5, 2] = 0.0
    X[7] = X[3]      # exact ties
    X[40] = X[3]
    X[12] = X[20]
    w = rng.uniform(0.5, 1.5, size=6)
    cases = []
    for noise, seed in ((0.0, 5), (0.25, 6)):
        u, geo = ref.draws(np.random.default_rng(seed), 200, 6, noise)
        out = ref.compute(X, w, u, geo, "batched")
        cases.append({"noise": noise, "u": u.tolist(), "geometric": geo.tolist(), "reference": tolist(out)})
    return {"scores": X.tolist(), "weights": w.tolist(), "cases": cases}


def mc():
    rng = np.random.default_rng(21)
    X = rng.uniform(0, 1, size=(40, 5))
    w = rng.uniform(0.5, 1.5, size=5)
    out = {}
    for noise in (0.0, 0.25):
        u, geo = ref.draws(np.random.default_rng(1), 20000, 5, noise)
        out[str(noise)] = tolist(ref.compute(X, w, u, geo, "batched"))
    return {"scores": X.tolist(), "weights": w.tolist(), "replications": 20000, "reference": out}


for name, make in (("replay.json", replay), ("mc.json", mc)):
    with open(os.path.join(HERE, name), "w") as f:
        json.dump(make(), f)
    print("wrote", name)

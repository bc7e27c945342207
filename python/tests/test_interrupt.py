"""Ctrl-C interrupts a long call promptly (KeyboardInterrupt), instead of
waiting for the computation to end."""

from __future__ import annotations

import copy
import json
import os
import signal
import threading
import time
import uuid

import pytest

import ssr_model as ssr


def _large_portfolio(copies: int) -> ssr.Portfolio:
    """The sample's programmes, `copies` times over under new ids."""
    document = json.loads(ssr.sample().to_json())
    programmes = []
    for _ in range(copies):
        for programme in document["programmes"]:
            programme = copy.deepcopy(programme)
            programme["id"] = str(uuid.uuid4())
            programmes.append(programme)
    document["programmes"] = programmes
    return ssr.loads(json.dumps(document))


@pytest.mark.skipif(not hasattr(signal, "SIGINT") or os.name != "posix", reason="needs POSIX signals")
def test_ctrl_c_interrupts_a_long_rank():
    p = _large_portfolio(60)
    # How long the whole run would take, from a tenth of it.
    started = time.perf_counter()
    p.rank(replications=50_000, seed=1)
    whole = 10 * (time.perf_counter() - started)
    if whole < 3.0:
        pytest.skip(f"the whole run would take {whole:.1f} s: too quick to interrupt meaningfully")
    timer = threading.Timer(0.2, os.kill, (os.getpid(), signal.SIGINT))
    started = time.perf_counter()
    timer.start()
    with pytest.raises(KeyboardInterrupt):
        p.rank(replications=500_000, seed=1)
    elapsed = time.perf_counter() - started
    timer.cancel()
    # Raised long before the computation could have ended.
    assert elapsed < whole / 2, f"KeyboardInterrupt after {elapsed:.1f} s of a {whole:.1f} s run"

"""A note is heard the same on every x86-64 machine: the features do not depend on numpy's BLAS kernel,
and CTranslate2 takes one code path (oneDNN and its own kernels capped at AVX2, not MKL); and a text is
spoken the same in every run (espeak-ng's breath noise is not seeded by the clock)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np

from tests.voice_support import voice_dir
from voice import whisper
from voice.features import log_mel
from voice.weights import load_int8_weights

NOTE = "np.random.default_rng(7).normal(0, 0.1, 48_000).astype(np.float32)"  # three seconds of noise
# A breathy voice's words in a fresh process, after {clock}: the noise's seed as another start-up's clock left it.
SPOKEN = ("import hashlib, sys; from voice.speech import Speaker, VoiceStyle; speaker = Speaker(); {clock}; "
          "clip = speaker.synthesize('I have sciatica down my right leg', VoiceStyle('en-us+f2', 150)); "
          "sys.stdout.write(hashlib.sha256(clip.samples.tobytes()).hexdigest())")
FEATURES = f"import sys, numpy as np; from voice.features import log_mel; sys.stdout.buffer.write(log_mel({NOTE}, 15).tobytes())"


def run_python(code: str, **env: str) -> subprocess.CompletedProcess[bytes]:
    """Python code run in a fresh process of this checkout, with more environment."""
    root = str(Path(__file__).parent.parent)
    return subprocess.run([sys.executable, "-c", code], capture_output=True, check=True, cwd=root,
                          env={**os.environ, "PYTHONPATH": root, **env})


def test_the_features_of_a_note_are_the_same_bit_for_bit_whichever_blas_kernel_numpy_uses():
    here = log_mel(eval(NOTE), 15)  # noqa: S307 - our own constant
    for kernel in ("Sandybridge", "Haswell"):  # OpenBLAS's AVX and AVX2 kernels, as another processor would pick
        elsewhere = np.frombuffer(run_python(FEATURES, OPENBLAS_CORETYPE=kernel).stdout, np.float32)
        assert elsewhere.tobytes() == here.tobytes(), kernel


def test_whisper_is_loaded_on_the_code_path_every_avx2_machine_shares(monkeypatch):
    import ctranslate2

    seen: list[dict[str, str | None]] = []
    for name in whisper.SAME_EVERYWHERE:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(ctranslate2.models, "Whisper",
                        lambda *args, **kwargs: seen.append({name: os.environ.get(name) for name in whisper.SAME_EVERYWHERE}))
    whisper.load_model(Path("weights"))
    assert seen == [{"CT2_USE_MKL": "0", "ONEDNN_MAX_CPU_ISA": "AVX2", "CT2_FORCE_CPU_ISA": "AVX2"}]  # set before, never after


def test_ctranslate2_takes_that_path_when_whisper_is_loaded():
    weights = load_int8_weights(None, voice_dir())
    loaded = run_python(f"from pathlib import Path; from voice.whisper import load_model; load_model(Path({str(weights)!r}))",
                        CT2_VERBOSE="1")
    log = loaded.stderr.decode()
    assert "Selected ISA: AVX2" in log and "Use Intel MKL: false" in log and "GEMM_S8 backend: DNNL" in log


def test_a_breathy_voice_speaks_a_text_the_same_whatever_the_clock_said_at_start_up():
    clocks = ("pass", "speaker._lib.espeak_ng_SetRandSeed(12345)", "speaker._lib.espeak_ng_SetRandSeed(67890)")
    spoken = {run_python(SPOKEN.format(clock=clock)).stdout for clock in clocks}
    assert len(spoken) == 1

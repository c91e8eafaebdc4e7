"""Never colour alone: under simulated colour-vision deficiencies every pair of tones
stays apart, by colour (CIE76 ΔE) or else by the bars' pattern and the points' shape."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from viewer.core.records import Tone
from viewer.ui import style

# Machado, Oliveira and Fernandes (2009), severity 1.0, on linear RGB.
DEFICIENCIES = {
    "deuteranopia": [
        [0.367322, 0.860646, -0.227968],
        [0.280085, 0.672501, 0.047413],
        [-0.011820, 0.042940, 0.968881],
    ],
    "protanopia": [
        [0.152286, 1.052583, -0.204868],
        [0.114503, 0.786281, 0.099216],
        [-0.003882, -0.048116, 1.051998],
    ],
    "tritanopia": [
        [1.255528, -0.076749, -0.178779],
        [-0.078411, 0.930809, 0.147602],
        [0.004733, 0.691367, 0.303900],
    ],
}
DISTINCT = 20.0  # ΔE: plainly different to anyone at a glance


def _linear(hex_colour: str) -> np.ndarray:
    srgb = np.array([int(hex_colour[i : i + 2], 16) for i in (1, 3, 5)]) / 255
    return np.where(srgb <= 0.04045, srgb / 12.92, ((srgb + 0.055) / 1.055) ** 2.4)


def _lab(linear: np.ndarray) -> np.ndarray:
    xyz = np.array(
        [
            [0.4124, 0.3576, 0.1805],
            [0.2126, 0.7152, 0.0722],
            [0.0193, 0.1192, 0.9505],
        ]
    ) @ np.clip(linear, 0, 1)
    xyz /= np.array([0.95047, 1.0, 1.08883])
    f = np.where(xyz > 0.008856, np.cbrt(xyz), 7.787 * xyz + 16 / 116)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def _seen(tone: Tone, deficiency: str) -> np.ndarray:
    return _lab(np.array(DEFICIENCIES[deficiency]) @ _linear(style.TONE_COLOURS[tone]))


@pytest.mark.parametrize("deficiency", DEFICIENCIES)
def test_every_pair_of_tones_is_told_apart(deficiency: str) -> None:
    for a, b in itertools.combinations(Tone, 2):
        delta = float(np.linalg.norm(_seen(a, deficiency) - _seen(b, deficiency)))
        patterned = style.TONE_PATTERNS[a] != style.TONE_PATTERNS[b]
        shaped = style.TONE_SYMBOLS[a] != style.TONE_SYMBOLS[b]
        assert shaped, (a, b)  # points: always a shape of their own
        assert delta >= DISTINCT or patterned, (deficiency, a, b, round(delta, 1))


def test_the_pair_that_needed_a_pattern_has_one() -> None:
    """Mixed and neutral bars came out the same grey under deuteranopia (issue 19)."""
    delta = float(
        np.linalg.norm(_seen(Tone.MIXED, "deuteranopia") - _seen(Tone.NEUTRAL, "deuteranopia"))
    )
    assert delta < DISTINCT  # the simulation does find them close…
    assert (
        style.TONE_PATTERNS[Tone.MIXED] != style.TONE_PATTERNS[Tone.NEUTRAL]
    )  # …the pattern tells

"""Coachbot: the conversation core and its Telegram and terminal adapters."""

import gc

NORMAL_GC_THRESHOLDS = gc.get_threshold()
START_GC_THRESHOLD = 200_000
# Starting makes some 130,000 objects that stay for the process's life (modules, content, the model), and with
# Python's thresholds the cycle collector walks them again and again while they are made (a tenth of a text
# start-up). It waits until the composition root has built the coach, which sets them aside for good and lets
# it run as usual again (bot.composition.started, called by build_coach); a process that never builds a coach
# (`coachbot kb build`, the tests) collects every START_GC_THRESHOLD new objects.
gc.set_threshold(START_GC_THRESHOLD, *NORMAL_GC_THRESHOLDS[1:])

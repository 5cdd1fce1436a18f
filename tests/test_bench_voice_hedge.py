"""The spoken hedge development set (bench/bench_voice_hedge.py): which messages it speaks, in which
voices, split into which halves, and how it counts concerns caught and hedges given."""

from __future__ import annotations

from bench.bench_voice_hedge import SETS, Message, Outcome, kind_of, load_messages, notes, order, report
from bench.bench_voice_safety import voices_of
from bench.make_dev_training import SAFETY_SETS


def test_the_set_speaks_each_message_of_its_development_sets_once_with_its_kind():
    messages = load_messages()
    assert len({m.q for m in messages}) == len(messages) and {m.kind for m in messages} == {
        "concern", "inscope", "offtopic", "lookalike"}
    assert [m.number for m in messages] == list(range(len(messages)))
    assert "voice_holdout.yaml" not in SETS and not any(name.startswith("unseen") for name in SETS)


def test_the_set_speaks_only_safety_sets_the_safety_classifier_never_learnt_from():
    safety = [name for name in SETS if name.startswith("safety_dev")]
    assert safety and not set(safety) & set(SAFETY_SETS)


def test_a_health_concern_or_emergency_is_a_concern_whatever_the_set_calls_it():
    assert kind_of({"kind": "emergency"}) == kind_of({"category": "health", "kind": "typo"}) == "concern"
    assert kind_of({"category": "inscope", "kind": "typo"}) == "inscope" and kind_of({"kind": "lookalike"}) == "lookalike"


def test_every_other_message_is_held_apart_in_the_other_half():
    assert [Message("q", "inscope", n).half for n in range(4)] == ["A", "B", "A", "B"]


def test_each_message_is_read_by_its_rotating_voice_of_the_synthesiser_asked_for():
    messages = [Message("a", "concern", 0), Message("b", "inscope", 1)]
    assert [voice for _, voice in notes(messages, "espeak")] == [voices_of(0, True)[0], voices_of(1, True)[0]]
    assert [voice for _, voice in notes(messages, "flite")] == [voices_of(0, True)[1], voices_of(1, True)[1]]


def test_the_report_counts_concerns_caught_by_the_hedge_and_hedges_on_no_concern(capsys):
    outcomes = [Outcome(Message("pain", "concern", 0), "v", True, True),
                Outcome(Message("numb", "concern", 2), "v", False, False),
                Outcome(Message("reps", "inscope", 1), "v", True, True)]
    report(outcomes, failures=False)
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("half A: concerns given a health line 1/2 (by the hedge 1); hedged: inscope 0/0")
    assert "inscope 1/1" in lines[1] and lines[1].endswith("health lines on no concern 1/1")


def test_a_decoding_stopped_midway_has_a_sample_of_every_set_and_both_halves():
    messages = load_messages()
    first = order(messages)[:len(messages) // 4]
    assert {m.kind for m in first} == {m.kind for m in messages} and {m.half for m in first} == {"A", "B"}
    assert sorted(order(messages), key=lambda m: m.number) == messages

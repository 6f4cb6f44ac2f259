"""The runner on scripted targets: conversations, retrieval, crashes, similarity, the judge,
and the HTTP target against a local server that speaks the chat API."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from eval_factories import ScriptedTarget, WordEmbedder, case, make_reply, write_jsonl
from eval_servers import ChatApiServer, JudgeServer

from assistant.errors import InputError
from assistant.llm import ChatClient
from assistant.reply import Reply
from evals.dataset import load_dataset
from evals.errors import TargetError
from evals.judge import JudgeError, LLMJudge, parse_judgement
from evals.runner import CITATIONS_NOTE, EvalRunner
from evals.targets import HttpTarget


def _cases(tmp_path: Path, rows: list[dict]) -> list:
    return load_dataset(write_jsonl(tmp_path / "set.jsonl", rows))


def _conversational(message: str, conversation_id: str | None) -> Reply:
    if message == "boom":
        raise RuntimeError("the index is gone")
    return make_reply(f"You said: {message}", sources=["guidance/faq.md"],
                      conversation_id=conversation_id or uuid.uuid4().hex)


def test_turns_share_one_conversation_and_the_last_reply_is_scored(tmp_path: Path) -> None:
    cases = _cases(tmp_path, [{"id": "m1", "turns": ["first", "and then?"],
                               "category": "multi_turn",
                               "expected": {"answer_contains": ["and then"],
                                            "sources": ["faq.md"]}}])
    target = ScriptedTarget(_conversational, retrieved={"and then?": ["guidance/x.md",
                                                                      "guidance/faq.md"]})
    run = EvalRunner(target, k=3, progress=False).run(cases)
    (first_call, second_call) = target.calls
    assert first_call == ("first", None)
    assert second_call[1] is not None  # the second turn continues the first's conversation
    only = run.cases[0]
    assert only.passed and only.reply is not None and only.reply.answer == "You said: and then?"
    assert only.retrieved == ["x.md", "faq.md"]
    assert only.measures["reciprocal_rank"] == 0.5 and "latency_ms" in only.measures
    assert run.metadata.retrieval_basis == "retriever" and run.metadata.k == 3


def test_a_case_that_raises_is_recorded_and_the_run_goes_on(tmp_path: Path) -> None:
    cases = _cases(tmp_path, [case("q1", "boom", answer_contains=["x"]),
                              case("q2", "fine", answer_contains=["fine"])])
    run = EvalRunner(ScriptedTarget(_conversational), progress=False).run(cases)
    crashed, fine = run.cases
    assert crashed.error == "RuntimeError: the index is gone" and not crashed.passed
    assert crashed.checks[0].passed is False and crashed.reply is None
    assert fine.passed and fine.error is None


def test_recall_is_scored_on_the_search_the_engine_ran_not_a_search_of_its_own(
        tmp_path: Path) -> None:
    cases = _cases(tmp_path, [case("q1", "fees?", sources=["faq.md"]),
                              case("q2", "no search", sources=["a.md"])])
    target = ScriptedTarget(lambda m, c: make_reply(sources=["guidance/a.md"]),
                            retrieved={"fees?": ["guidance/x.md", "guidance/faq.md"]})
    searched, unsearched = EvalRunner(target, k=5, progress=False).run(cases).cases
    assert searched.retrieved == ["x.md", "faq.md"]  # the trace, not the citations
    assert unsearched.retrieved == ["a.md"]  # no search ran: its citations stand in


def test_without_a_retriever_the_citations_are_the_ranking(tmp_path: Path) -> None:
    def reply(message: str, conversation_id: str | None) -> Reply:
        return make_reply(sources=["guidance/b.md", "guidance/a.md", "guidance/b.md"])

    cases = _cases(tmp_path, [case(sources=["a.md"])])
    run = EvalRunner(ScriptedTarget(reply, retrieved=None, basis="citations"),
                     progress=False).run(cases)
    assert run.cases[0].retrieved == ["b.md", "a.md"]
    assert run.cases[0].measures["reciprocal_rank"] == 0.5
    assert run.metadata.retrieval_note == CITATIONS_NOTE


def test_similarity_to_the_reference_needs_an_embedder_and_a_reference(tmp_path: Path) -> None:
    rows = [case("q1", "fine"), case("q2", "fine")]
    rows[1]["reference"] = ""
    embedder = WordEmbedder(["you", "said", "fine", "reference", "answer"])
    run = EvalRunner(ScriptedTarget(_conversational), embedder=embedder,
                     progress=False).run(_cases(tmp_path, rows))
    assert 0 < run.cases[0].measures["semantic_similarity"] < 1
    assert "semantic_similarity" not in run.cases[1].measures
    assert run.metadata.similarity_model == "word-bag"


# --------------------------------------------------------------------------- the judge


def test_the_judge_scores_faithfulness_and_relevance(tmp_path: Path) -> None:
    cases = _cases(tmp_path, [case("q1", "fine"), case("q2", "fine")])
    with JudgeServer() as server:
        server.answer('```json\n{"score": 5, "reason": "all supported"}\n```')
        server.answer('{"score": 3, "reason": "partly"}')
        server.answer("no idea", status=500)
        server.answer("Score: 1")
        judge = LLMJudge(ChatClient(server.base_url, "judge-model", timeout_s=5))
        run = EvalRunner(ScriptedTarget(_conversational), judge=judge,
                         progress=False).run(cases)
        prompts = server.prompts
    first, second = run.cases
    assert first.measures["faithfulness"] == 1.0 and first.measures["answer_relevance"] == 0.5
    assert [c.detail for c in first.checks] == ["all supported", "partly"]
    assert "faithfulness" not in second.measures  # the judge failed: no score, run goes on
    assert second.checks[0].detail.startswith("not judged: ")
    assert second.measures["answer_relevance"] == 0.0
    assert second.passed  # judged measures have no pass mark
    assert "[1] faq (1.1): From guidance/faq.md." in prompts[0][1]["content"]
    assert run.metadata.judge == "judge-model"


@pytest.mark.parametrize("text", ["I think it is fine", '{"score": 9}', '{"score": "high"}'])
def test_a_judgement_out_of_format_is_an_error(text: str) -> None:
    with pytest.raises(JudgeError):
        parse_judgement(text)


# --------------------------------------------------------------------------- over HTTP


def _api_reply(message: str, conversation_id: str | None) -> Reply:
    if message == "a very long message":
        raise InputError("That message is too long.")
    return make_reply(f"About {message}", sources=["guidance/rules/rules.pdf"],
                      conversation_id=conversation_id or uuid.uuid4().hex)


def test_the_http_target_speaks_the_chat_api(tmp_path: Path) -> None:
    cases = _cases(tmp_path, [
        {"id": "m1", "turns": ["hello", "and the rules?"], "category": "multi_turn",
         "expected": {"sources": ["rules.pdf"], "answer_contains": ["the rules"]}},
        case("q2", "a very long message", answer_contains=["x"]),
    ])
    with ChatApiServer(_api_reply) as api:
        target = HttpTarget(api.url + "/v1/")
        target.preflight()
        run = EvalRunner(target, progress=False).run(cases)
        received = list(api.received)
    assert received[0] == {"message": "hello", "conversation_id": None}
    assert received[1]["conversation_id"] == run.cases[0].reply.conversation_id  # type: ignore[union-attr]
    multi, bad = run.cases
    assert multi.passed and multi.retrieved == ["rules.pdf"]
    assert run.metadata.retrieval_basis == "citations" and run.metadata.target == api.url
    assert bad.error is not None and "returned HTTP 400: That message is too long." in bad.error


def test_an_unreachable_api_fails_once_and_clearly() -> None:
    with ChatApiServer(_api_reply) as api:
        url = api.url
    with pytest.raises(TargetError, match=f"cannot reach the API at {url}"):
        HttpTarget(url, timeout_s=2).preflight()
    with pytest.raises(TargetError, match="must start with http"):
        HttpTarget("localhost:8000")

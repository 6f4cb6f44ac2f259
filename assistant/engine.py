"""The assistant: one turn in, one reply object out, the same for every channel.

A turn: input guard (length, personal data, injection) -> route -> facts from this message,
merged into the conversation -> eligibility engine, catalogue signposting or grounded
retrieval -> composer -> reply, stored with the conversation. Decisions and figures come from
the eligibility engine; retrieved passages only explain (DESIGN principle 1).
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Protocol

from assistant import templates
from assistant.answers import CitationList, eligibility_answer, signpost_answer
from assistant.business import Facts
from assistant.composer import Composition, Lead
from assistant.composer.arithmetic import day_asked_from
from assistant.composer.extractive import contact_wanted, passage_citation
from assistant.composer.refusal import applicant_asked
from assistant.composer.structured import StructuredAnswers
from assistant.conversations import Conversation, ConversationStore, VersionConflict
from assistant.eligibility import Assessment, EligibilityEngine, to_reply
from assistant.eligibility.results import MAX_QUESTIONS
from assistant.errors import InputError, TurnCancelled
from assistant.facts import AskedFact, FactExtractor
from assistant.facts.answers import corrected_figure, replaced_figure, without_replaced
from assistant.facts.common import NO_ANSWER, YES_ANSWER
from assistant.facts.declared import DeclaredReader
from assistant.facts.extractor import supposes_own
from assistant.facts.insolvency import INSOLVENCY
from assistant.followups import fragment, restate
from assistant.guards import InputCheck, InputGuard
from assistant.questions import plain_verbs, read_question
from assistant.quotes import AwardQuotes, Quote, kinds_named
from assistant.reply import Citation, EligibilityResult, Reply, Route, Understood
from assistant.routing import Router
from assistant.routing.rules import FIRST_PERSON
from assistant.signposting import Signposter, to_signposts
from assistant.spelling import Speller
from assistant.trace import Retrieved, TurnTrace
from assistant.understood import understood, understood_line
from knowledge.clauses import ClauseIndex
from knowledge.documents import Chunk
from knowledge.manifest import CatalogueRecord
from knowledge.policy import ClauseRef, Policy
from knowledge.programme import Programme as ProgrammeInfo
from knowledge.retrieval import HybridRetriever, ScoredChunk
from knowledge.words import plain_words

TURN_ATTEMPTS = 5  # answers to one message when other turns keep landing on its conversation
# Generic enough for any programme's knowledge folder: a question and a business described.
WARM_UP_MESSAGES = ("How do I apply?", "We are a company of 40 staff with a turnover of £3m.")

# the fact asked by "Is the business's work in <field>?", with the field's sector list id
_FIELD_ASKED = "sector_fit:"
_ASKABLE: frozenset[str] = frozenset(AskedFact.__args__)  # type: ignore[attr-defined]


# "Which centre covers coatings?", "which hub is for us": one programme of a kind asked for
_WHICH_ONE = re.compile(
    r"^\W*(?:so\s+|and\s+)?which\s+(?:one\s+of\s+the\s+)?[\w-]+(?:\s+[\w-]+)?\s+"
    r"(?:covers?|deals?\s+with|handles?|is\s+for|is\s+right|suits?|would|should|could|can|do|"
    r"does|is\s+best|fits?|looks\s+after|supports?|helps?)\b", re.IGNORECASE)
# a follow-up that points back with a pronoun: "Who leads it?", "What do they offer?"
_POINTS_BACK = re.compile(r"\b(?:it|they|them)\b(?!\s*(?:'s|is)\s+(?:ok|fine|possible))",
                          re.IGNORECASE)
# questions about the programme itself (who leads it, what it is, where or when it runs), whose
# search is helped by its name
_ABOUT_THE_PROGRAMME_ITSELF = frozenset({"who", "definition", "where", "when"})
# "the programme", "this scheme": the programme the knowledge folder describes
_THE_PROGRAMME = re.compile(r"\b(?:the|this|your)\s+(?:programme|program|scheme|initiative)\b"
                            r"(?!\s+(?:office|board|team|director|manager|staff|guidance|rules))",
                            re.IGNORECASE)


class AnswerComposer(Protocol):
    def compose(self, question: str, passages: list[ScoredChunk],
                decisions: Sequence[str] = ..., lead: Sequence[Lead] = ...) -> Composition: ...


@dataclass
class Assistant:
    """The engine. Build it with `assistant.factory.build`; every part is passed in."""

    retriever: HybridRetriever
    composer: AnswerComposer
    programme: ProgrammeInfo
    store: ConversationStore
    router: Router
    guard: InputGuard
    extractor: FactExtractor
    policy: Policy | None = None
    eligibility: EligibilityEngine | None = None
    signposter: Signposter | None = None
    clauses: ClauseIndex | None = None
    structured: StructuredAnswers | None = None  # direct answers from the policy
    quotes: AwardQuotes | None = None  # "what would the award be?" worked out from the policy
    speller: Speller | None = None  # slips of the keyboard put right before a message is read
    k: int = 5
    # now, aware of the server's zone, so that rounds are judged in the policy's time zone
    today: Callable[[], datetime] = field(default=lambda: datetime.now().astimezone())
    _citations: dict[ClauseRef, Citation | None] = field(default_factory=dict, init=False,
                                                         repr=False)
    _declared_reader: DeclaredReader | None = field(default=None, init=False, repr=False)

    # ------------------------------------------------------------------ the turn

    def ask(self, message: str, conversation_id: str | None = None, *,
            cancelled: Callable[[], bool] | None = None) -> Reply:
        """One turn. `cancelled` is asked before the work and again before the turn is stored:
        when it says True (the client went away), `TurnCancelled` is raised and nothing is
        stored."""
        check = self.guard.check(message)
        if check.blocked == "empty":
            raise InputError(templates.EMPTY_QUESTION)
        if check.blocked == "too_long":
            raise InputError(templates.TOO_LONG.format(length=check.length,
                                                       limit=self.guard.max_chars))
        message_id = uuid.uuid4().hex
        for attempt in range(1, TURN_ATTEMPTS + 1):
            if cancelled is not None and cancelled():
                raise TurnCancelled("The turn was cancelled before it was answered.")
            conversation = self._conversation(conversation_id)
            conversation_id = conversation.id
            turn = _Turn(conversation=conversation, check=check, text=self._read(check.text),
                         message_id=message_id)
            reply = self._answer(turn)
            if check.notice:
                reply.answer = f"{check.notice}\n\n{reply.answer}"
            if cancelled is not None and cancelled():  # nobody is waiting: store nothing
                raise TurnCancelled("The turn was cancelled before it was answered.")
            try:
                # stored only on the state it was answered from: a turn stored meanwhile on
                # the same conversation (another request, another worker) means answering
                # again from the newer facts, so neither turn's facts are lost
                self.store.append_turn(conversation.id, check.text, reply, turn.kept,
                                       reply.follow_up, expected_version=conversation.version)
                return reply
            except VersionConflict:
                if attempt == TURN_ATTEMPTS:
                    raise
        raise AssertionError("unreachable")

    def warm_up(self) -> None:
        """Load the models, indexes and router and open the database now, by answering a
        question and a description of a business without storing them, so the first real
        turn is as quick as the rest."""
        self.store.get(uuid.uuid4().hex)  # connects, and migrates the schema if needed
        now = datetime.now(UTC)
        scratch = Conversation(id=uuid.uuid4().hex, created_at=now, updated_at=now)
        for text in WARM_UP_MESSAGES:
            check = self.guard.check(text)
            self._answer(_Turn(conversation=scratch, check=check, text=self._read(check.text),
                               message_id=uuid.uuid4().hex))

    def _read(self, text: str) -> str:
        """The message as it is read: with its slips of the keyboard put right (the
        conversation stores it as written)."""
        return self.speller.correct(text) if self.speller is not None else text

    def conversation(self, conversation_id: str) -> Conversation | None:
        return self.store.get(conversation_id)

    def _conversation(self, conversation_id: str | None) -> Conversation:
        if conversation_id is None:
            return self.store.create()
        found = self.store.get(conversation_id)
        if found is None:
            raise InputError(templates.UNKNOWN_CONVERSATION.format(id=conversation_id))
        return found

    def _answer(self, turn: _Turn) -> Reply:
        check = turn.check
        if check.blocked is not None or check.refused:  # injection, or a request refused
            turn.trace.reason = check.refused or f"input guard: {check.blocked}"
            return self._fixed(turn, "unsafe", "unsafe")
        if check.emergency:
            turn.trace.reason = "input guard: someone may be in danger"
            return self._fixed(turn, "out_of_scope", "emergency")
        previous = turn.conversation.facts
        figure = corrected_figure(turn.text)
        replaced = replaced_figure(turn.text) if figure else None
        corrected = self._corrected_fact(turn, replaced) if figure else None
        asked_facts = [] if corrected else self._asked_facts(turn.conversation)
        asked = corrected or (asked_facts[0] if asked_facts else None)
        # the corrected figure alone ("sorry, 300"), or the whole message without the figure it
        # replaces ("the bill is from Dudley; and it's 45 staff not 35")
        read_text = turn.text if not (corrected and figure) else \
            without_replaced(turn.text) if replaced else figure
        turn.new_facts, turn.sources = self.extractor.read(
            read_text, today=self.today().date(),
            asked=asked if asked in _ASKABLE else None,  # type: ignore[arg-type]
            also_asked=[f for f in asked_facts[1:] if f in _ASKABLE])  # type: ignore[misc]
        if corrected and figure and read_text != figure and \
                corrected not in turn.new_facts.known():
            # "typo: 35 not 350": the figure alone is the answer to the fact corrected
            alone, sources = self.extractor.read(
                figure, today=self.today().date(),
                asked=corrected if corrected in _ASKABLE else None)  # type: ignore[arg-type]
            turn.new_facts = turn.new_facts.merged_with(alone)
            turn.sources = {**turn.sources, **sources}
        if self._declared is not None:
            declared, sources = self._declared.read(turn.text, today=self.today().date(),
                                                    asked=asked)
            if declared:
                turn.new_facts = turn.new_facts.model_copy(update={"declared": declared})
                turn.sources = {**turn.sources, **sources}
        if asked and asked.startswith(_FIELD_ASKED) and not turn.new_facts.fields_said:
            # "Is the business's work in <field>?" "yes": the owner's word settles it
            in_field = True if YES_ANSWER.match(turn.text) else \
                False if NO_ANSWER.match(turn.text) else None
            if in_field is not None:
                turn.new_facts = turn.new_facts.model_copy(update={
                    "fields_said": {asked.removeprefix(_FIELD_ASKED): in_field}})
        if asked == "project_part" and turn.text.strip():
            # "for the coating line": which part of the business the project is for
            turn.new_facts = turn.new_facts.model_copy(update={
                "project_part": " ".join(turn.text.split())[:200]})
        turn.new_facts = self._holder_figures(turn.text, previous, turn.new_facts)
        turn.new_facts = self._holder_share(turn, previous)
        turn.facts = previous.merged_with(turn.new_facts)
        if previous.known() and turn.new_facts.known() and supposes_own(turn.text):
            # "what if we grew to 280 people?": answered for that case, and the business's own
            # facts kept as they were
            turn.supposed = True
        if asked == "local_authority" and previous.postcode and not turn.new_facts.postcode:
            # the council asked for because the postcode district is split: the same site
            turn.facts = turn.facts.model_copy(update={"postcode": previous.postcode})
        decision = self.router.route(turn.text, has_context=bool(turn.conversation.turns),
                                     facts=_describing(turn.new_facts))
        route: Route = decision.route
        turn.trace.reason = decision.reason
        turn.trace.question_kind = decision.asks
        named = self._programmes_named(turn.text)
        checking = bool(turn.conversation.open_questions or
                        self._programme_in_focus(turn.conversation))
        # "How long? Only about two months.": our question said back, then answered
        echoed = checking and asked is not None and asked in _describing(turn.new_facts) and \
            len(read_question(turn.text).text.split()) <= _ECHOED_WORDS
        # an answer to the last question, a correction ("sorry, 350 staff"), or another
        # programme named ("and the other programme?") while eligibility is being checked; but
        # never a question of its own ("How do I apply?") or a need a rule is sure of
        # (a yes/no question that states facts asks about the verdict: "it's 210 in FTE, does
        # that change things?")
        if route in {"programme_question", "signposting", "out_of_scope"} and \
                not decision.firm and (
                (decision.asks == "statement" and (
                    (checking and (_describing(turn.new_facts) or _a_short_answer(turn.text)
                                   # "a creditor has served a petition, I'm not sure it's
                                   # been dismissed": the state of the business, unsettled
                                   or INSOLVENCY.search(turn.text) is not None
                                   # "we do a few things, mostly whatever the season brings":
                                   # the business telling of itself, whatever is read from it
                                   or (turn.conversation.open_questions
                                       and FIRST_PERSON.search(turn.text) is not None
                                       and len(turn.text.split()) >= _TELLING_WORDS)))
                    or (named and turn.facts.known())))
                or (decision.asks == "yes_no" and checking and _describing(turn.new_facts))
                # "How long? Only about two months.": our question said back, then answered
                or echoed
                # "we want a new oven - could the <programme> help?", "could we go for the
                # <programme> then?", "in principle is that ok?": the verdict on the business
                # told of so far
                or (turn.facts.known() and (
                    (decision.asks == "yes_no" and (self.router.asks_help_of(turn.text) or
                                                    self.router.asks_access_to(turn.text)))
                    or _VERDICT_ASKED.search(turn.text) is not None
                    or _asks_our_verdict(turn.text)))
                # "haven't chosen the unit yet, wherever there's space I suppose": a reply to
                # the question asked, however much it reads like small talk
                or (route == "out_of_scope" and decision.asks == "statement" and
                    turn.conversation.open_questions)
                # "Balance sheet? not sure, I'd have to ask. Does it matter?": the answer to our
                # question is not known yet, and why it is needed is the verdict's to say
                or (decision.asks != "statement" and turn.conversation.open_questions and
                    _NOT_KNOWN.search(turn.text) is not None)):
            route = "eligibility"
            turn.trace.reason += "; continues the eligibility check"
        if turn.supposed and route in {"programme_question", "signposting"}:
            # "what if we grew to 280 people?": the verdict for that case, beside its own
            route = "eligibility"
            turn.trace.reason += "; the business supposed otherwise"
        if route == "eligibility" and (form := applicant_asked(
                read_question(turn.text).text)) is not None and \
                not self.retriever.mentions(form):
            # "we're a charity with a trading arm: can a charity apply?": the guidance never
            # names that kind of applicant, so no rule written for others answers it
            route = "programme_question"
            turn.trace.reason += f"; asks about an applicant the guidance never names ({form})"
        if route in {"greeting", "out_of_scope", "referral"}:
            return self._fixed(turn, route, route)
        if self.quotes is not None and route in {"eligibility", "programme_question"}:
            # a fragment ("and the smallest?") is quoted for as the question it restates
            asked = self._restated(turn) if route == "programme_question" else None
            focus = named or self._programme_in_focus(turn.conversation)
            turns = turn.conversation.turns
            if not focus and turns and not self.quotes.names_one(turn.text):
                # "what does the voucher pay for?" then "our trial costs £9,000, how much would
                # we get?": the award the conversation is about (a noun alone, "how much
                # grant?", names no other)
                focus = self.quotes.named_in(turns[-1].user_text)
            turn.quote = self.quotes.quote(asked or turn.text, turn.new_facts, turn.facts, focus)
        if route == "eligibility" and self.eligibility is not None:
            if not turn.quote.lines and not echoed and _ASKS_AN_ALLOWANCE.search(turn.text):
                # "how many expert days would the centre give us?": the verdict, then what
                # the guidance says of the allowance, when no award quote answers it
                verdict = self._eligibility(turn, named)
                allowance = self._grounded(turn, "programme_question", besides_verdict=True)
                return _after(verdict, allowance) if allowance.grounded else verdict
            if not turn.quote.lines and decision.asks != "statement" and not echoed and (
                    0 < len(_describing(turn.new_facts)) < _FULL_DESCRIPTION or
                    (turn.conversation.open_questions and _NOT_KNOWN.search(turn.text))):
                # a question with a fact or two that may decide it ("nothing sold so far: may we
                # join?", "600 staff: can we still use it?"): the verdict, then what the
                # guidance says of the case, when it answers it
                verdict = self._eligibility(turn, named)
                said = self._grounded(turn, "programme_question", besides_verdict=True,
                                      whole_message=True)
                return _after(verdict, said) if said.grounded else verdict
            return self._eligibility(turn, named)
        # a business told in full (its staff, money, years, owners) with a need besides
        # ("looking for help with a new cell") is told for a verdict; with a question besides
        # ("how do we apply?"), the verdict and then the answer to the question
        full = self.eligibility is not None and _described_in_full(turn)
        if full and decision.asks == "statement":
            return self._eligibility(turn, named)
        reply = None
        if route == "signposting" and self.signposter is not None and not (
                self.structured is not None and self.structured.outside_pointer(turn.text)):
            # a business outside the area asking who to talk to is pointed elsewhere first
            reply = self._signposting(turn)
        reply = reply or self._grounded(turn, "programme_question", besides_verdict=full)
        if full:
            turn.quote = Quote(programme_ids=turn.quote.programme_ids)  # quoted in the answer
            return _after(self._eligibility(turn, named), reply)
        return reply

    # ------------------------------------------------------------------ routes

    def _fixed(self, turn: _Turn, route: Route, reply: str) -> Reply:
        """One of the fixed replies (`templates.fixed_reply`), in the programme's words."""
        text = templates.fixed_reply(self.programme, reply)
        # a fixed reply states nothing from the guidance, so it is not "grounded" in it
        return self._reply(turn, route, text, grounded=False)

    def _eligibility(self, turn: _Turn, named: list[str]) -> Reply:
        assert self.eligibility is not None and self.policy is not None
        focus = named or turn.quote.programme_ids[:1] or \
            self._programme_in_focus(turn.conversation)
        # "what if we grew to 280 people?": the verdict stays the business's own, the case
        # is answered in a line before it
        assessments = self.eligibility.assess(
            turn.kept,
            requested_award_gbp=_gbp(turn.kept, self.policy),
        )
        kinds = kinds_named(turn.text, self.programme.kinds) if not named else set()
        of_kind = [a for a in assessments
                   if (p := self.policy.programme(a.programme_id)) and p.kind in kinds]
        if of_kind:  # "can we join a centre?": the best verdict among the centres
            focus = [min(of_kind, key=lambda a: _DECISION_ORDER[a.decision]).programme_id]
        primary = _pick_primary(assessments, focus, self.policy)
        others = [a for a in assessments if a is not primary]
        citations = CitationList()
        quoted = [f"{q.text}{citations.number(self._cite(q.clause) if q.clause else None)}"
                  for q in turn.quote.lines]
        answer = eligibility_answer(primary, others, self._cite, citations,
                                    _last_verdict(turn.conversation, primary.programme_name),
                                    # (the yes or no is the supposed case's, said before)
                                    yes_no=turn.trace.question_kind == "yes_no" and
                                    not turn.supposed and
                                    not _ASKS_AGAINST.search(read_question(turn.text).text))
        if quoted:  # the award asked for is answered first, the checklist after
            answer = " ".join(quoted) + "\n\n" + answer
        if turn.supposed:
            answer = f"{self._supposed_line(turn, primary)}\n\n{answer}"
        elif line := understood_line(self._understood(turn)):
            answer = f"{line}\n\n{answer}"
        results = [to_reply(a, self._cite) for a in [primary, *others]]
        return self._reply(turn, "eligibility", answer, grounded=True,
                           citations=citations.items, eligibility=results,
                           follow_up=primary.next_questions)

    def _supposed_line(self, turn: _Turn, own: Assessment) -> str:
        """The verdict for the case a message supposes ("what if we grew to 280 people?"), said
        beside the business's own."""
        assert self.eligibility is not None
        case = ", ".join(item.value for item in understood(turn.new_facts, turn.sources))
        other = self.eligibility.assess_one(turn.facts, own.programme_id)
        if other.decision == "ineligible":
            failing = "; ".join(r.label[:1].lower() + r.label[1:] for r in other.criteria
                                if r.met is False)
            said = f"the business would not qualify for {other.programme_name} ({failing} " \
                   "would not be met)"
        elif other.decision == "eligible":
            said = f"the business would still look eligible for {other.programme_name}"
        else:
            said = f"more would need to be known to say whether it would qualify for " \
                   f"{other.programme_name}"
        return f"Supposing {case}: {said}. As things are, with the details you gave:"

    def _signposting(self, turn: _Turn) -> Reply | None:
        assert self.signposter is not None
        # (the catalogue is matched on the need in the owner's words: "could any lab in
        # the network do that?" is not about the programme's name)
        need = self._with_context(turn, name_programme=False)
        result = self.signposter.signpost(need, k=3)
        if not result.matches:
            return None
        turn.trace.query = need
        turn.trace.search = [Retrieved(source=m.record.source, locator=m.record.locator,
                                       title=m.record.name, score=m.score)
                             for m in result.matches]
        citations = CitationList()
        answer = signpost_answer(result, citations, _record_citation)
        return self._reply(turn, "signposting", answer, grounded=True,
                           citations=citations.items, signposts=to_signposts(result))

    def _grounded(self, turn: _Turn, route: Route, besides_verdict: bool = False,
                  whole_message: bool = False) -> Reply:
        """`besides_verdict`: the answer follows a verdict on the business the message tells
        of; the question alone is searched for (the whole message with `whole_message`), and
        what was understood is not repeated."""
        asked = read_question(turn.text)
        query = asked.text if besides_verdict and asked.asks and not whole_message else \
            self._with_context(turn)
        passages = self.retriever.search(plain_verbs(query), k=self.k)
        turn.trace.query = query
        turn.trace.search = [Retrieved(source=p.chunk.source, locator=p.chunk.locator,
                                       title=p.chunk.title, score=p.score) for p in passages]
        lead = [Lead(q.text, self._cite(q.clause) if q.clause else None) for q in turn.quote.lines]
        if self.structured is not None:
            # a figure worked out and what the policy states beside it: "€9.5m is £8.17m" and
            # the ceiling it is to be compared with
            # a fragment ("what about Redditch?") is answered as the question it restates
            asked_text = self._restated(turn) or self._place_follow_up(turn) or turn.text
            lead += [line for line in self.structured.answer(asked_text, self.today(), self._cite)
                     if line.text not in {q.text for q in lead}]
        if not lead:
            lead = self._chosen_programme(turn.text, passages)
        if passages and turn.trace.question_kind in {"how", "list"}:
            # a short opening passage ("This page explains each step") leads into the next
            following = self.retriever.following(passages[0].chunk)
            if following is not None and following.id not in {p.chunk.id for p in passages}:
                passages = [passages[0], ScoredChunk(following, passages[0].score),
                            *passages[1:]]
        if turn.trace.question_kind in {"how", "list"}:
            # a list the chunk size cut in two is shown whole
            passages = self._lists_whole(passages)
        wanted = contact_wanted(asked.text)
        if wanted is not None and not any(wanted.search(p.chunk.text) for p in passages):
            # an address or a number asked for that no passage gives: the rest of each
            # section found may (a section cut in two, the way to ask in its closing lines)
            passages = self._sections_whole(passages)
        if turn.trace.question_kind == "definition" and not lead and \
                self._offer_named(turn.text):
            # what an offer is worth is part of what it is: the passage that says how much,
            # when the search for the question found none
            seen = {p.chunk.id for p in passages}
            passages = passages + [p for p in self.retriever.search(
                f"{query} how much: the amount of the grant, from £ to £", k=3)
                if p.chunk.id not in seen and _MONEY_SAID.search(p.chunk.text)][:2]
        uncited = " ".join(line.text for line in lead if line.citation is None)
        if uncited:  # a passage that states what the policy lists, to cite for it
            seen = {p.chunk.id for p in passages}
            passages = passages + [p for p in self.retriever.search(uncited, k=3)
                                   if p.chunk.id not in seen]
        composition = self.composer.compose(query, passages, self._decisions(turn), lead=lead)
        turn.trace.question_kind = composition.question_kind or turn.trace.question_kind
        turn.trace.refusal = dict(composition.signals)
        if composition.refusal_probability is not None:
            turn.trace.refusal["probability"] = round(composition.refusal_probability, 4)
        turn.trace.refused = composition.refused
        if not composition.found:
            text = templates.fixed_reply(self.programme, "not_found")
            return self._reply(turn, route, text, grounded=False)
        answer = composition.answer
        # a question that also says something about the business ("with 17 full-time staff
        # and ..., which band are we?") shows what was read, so a misreading is seen
        if turn.new_facts.known() and FIRST_PERSON.search(turn.text) and not besides_verdict and \
                (line := understood_line(self._understood(turn))):
            answer = f"{line}\n\n{answer}"
        return self._reply(turn, route, answer, grounded=True,
                           citations=composition.citations)

    # ------------------------------------------------------------------ helpers

    def _lists_whole(self, passages: list[ScoredChunk]) -> list[ScoredChunk]:
        """The passages with each list the chunk size cut in two joined up again."""
        return _joined(passages, self.retriever.with_list_continued)

    def _sections_whole(self, passages: list[ScoredChunk]) -> list[ScoredChunk]:
        """The passages, each with the rest of its section joined on when the chunk size cut
        it."""
        return _joined(passages, self.retriever.with_section_continued)

    def _reply(self, turn: _Turn, route: Route, answer: str, grounded: bool,
               **parts: object) -> Reply:
        trace = turn.trace.model_copy(update={"route": route})
        return Reply(conversation_id=turn.conversation.id, message_id=turn.message_id,
                     route=route, answer=answer, grounded=grounded, trace=trace,
                     understood=self._understood(turn),
                     **parts)  # type: ignore[arg-type]

    def _understood(self, turn: _Turn) -> list[Understood]:
        """What is known about the business after this turn, with the words each fact came
        from: this message's, or the earlier turn's that stated it."""
        turns = turn.conversation.turns
        declared = self.policy.facts.facts if self.policy is not None else {}
        # (a case only supposed is not what is known about the business, nor are its words)
        return understood(turn.kept, {} if turn.supposed else turn.sources,
                          turns[-1].reply.understood if turns else [], declared)

    def _with_context(self, turn: _Turn, name_programme: bool = True) -> str:
        """A follow-up carries the question it follows: a fragment ("and for a larger
        company?") is that question restated about the fragment's subject; any other
        follow-up is searched beside it."""
        turns = turn.conversation.turns
        if turns and read_question(turns[-1].user_text).kind == "statement" and \
                day_asked_from(turns[-1].user_text, turn.text):
            # "Our offer came on 2 June 2027." then "By when must we finish?": from that day
            return f"{turns[-1].user_text} {turn.text}"
        if not turns or not self.router.route(turn.text, has_context=True,
                                              facts=_describing(turn.new_facts)).follow_up:
            return self._programme_named(turn.text) if name_programme else turn.text
        if (named := self._answered_programme(turns[-1].reply.answer)) and \
                _POINTS_BACK.search(turn.text):
            # "Which centre covers coatings?" answered "The Coatings Centre ...", then "Who
            # leads it?": it is that programme
            return _POINTS_BACK.sub(named, turn.text, count=1)
        return self._restated(turn) or f"{turns[-1].user_text} {turn.text}"

    def _answered_programme(self, answer: str) -> str | None:
        """The programme an answer opens by naming, if it opens so: "The Coatings Centre ..."."""
        if self.policy is None:
            return None
        first = answer.split("\n", 1)[0][:120].lower()
        for programme in self.policy.programmes:
            if first.startswith((programme.name.lower(), f"the {programme.name.lower()}")):
                return f"the {programme.name}"
        return None

    def _offer_named(self, text: str) -> bool:
        """Whether the text names one of the policy's programmes or the awards they make."""
        if self.policy is None:
            return False
        names = [n for p in self.policy.programmes
                 for n in (p.name, *p.aliases, p.award.name if p.award else None) if n]
        return any(re.search(rf"\b{re.escape(n)}s?\b", text, re.IGNORECASE) for n in names)

    def _chosen_programme(self, text: str, passages: Sequence[ScoredChunk]) -> list[Lead]:
        """For "which centre covers coatings?", the programme of that kind whose own guidance
        the search ranked first, named first."""
        if self.policy is None or not _WHICH_ONE.search(text):
            return []
        kinds = kinds_named(text, self.programme.kinds)
        if not kinds:
            return []
        candidates = [p for p in self.policy.programmes if p.kind in kinds]
        for passage in passages:
            title = passage.chunk.title.lower()
            for programme in candidates:
                if programme.name.lower() in title:
                    return [Lead(f"The {programme.name} is the one for that.",
                                 passage_citation(passage, passage.chunk.text))]
        return []

    def _programme_named(self, text: str) -> str:
        """A question that opens a conversation about "the programme" asks about the one this
        knowledge folder describes: searched by its name ("Who leads the programme?")."""
        names = [n for n in (self.programme.name, self.programme.short_name) if n]
        if read_question(text).kind not in _ABOUT_THE_PROGRAMME_ITSELF:
            return text  # "does the programme pay for ...?" asks about what it funds
        if not names or self.programme.name == "the programme" or any(
                re.search(rf"\b{re.escape(n)}\b", text, re.IGNORECASE) for n in names):
            return text  # "the programme" beside its name is already that programme
        return _THE_PROGRAMME.sub(self.programme.name, text, count=1)

    def _place_follow_up(self, turn: _Turn) -> str | None:
        """ "Is Solihull in the area?" then "what about Redditch?": the same question of the
        place the fragment names."""
        turns = turn.conversation.turns
        subject = fragment(turn.text) if turns else None
        if subject and _AREA_QUESTION.search(turns[-1].user_text):
            return f"Is {subject} in the area?"
        return None

    def _restated(self, turn: _Turn) -> str | None:
        """The earlier question restated about a fragment's subject ("and for a larger
        company?"), or None when the message is no fragment of a follow-up."""
        turns = turn.conversation.turns
        if not turns:
            return None
        if turn.restated is None:
            turn.restated = restate(turns[-1].user_text, turn.text, self.retriever.embed) or ""
        return turn.restated or None

    def _decisions(self, turn: _Turn) -> list[str]:
        """What the engine has decided about this business, as sentences a writing composer
        must take as given: the verdict for the programme in focus and its reasons."""
        focus = self._programme_in_focus(turn.conversation)
        if self.eligibility is None or not focus or not turn.facts.known():
            return []
        assessment = self.eligibility.assess_one(turn.facts, focus[0])
        lines = [templates.DECISION.format(programme=assessment.programme_name,
                                           decision=assessment.decision.replace("_", " "))]
        lines += [f"{r.label}: {r.explanation}" for r in assessment.criteria if r.met is not None]
        if assessment.award:
            lines += [line.text for line in assessment.award.lines]
        return lines

    @property
    def _declared(self) -> DeclaredReader | None:
        """The reader of the facts the policy declares, if it declares any."""
        if self.policy is None or not self.policy.facts.facts:
            return None
        if self._declared_reader is None:
            self._declared_reader = DeclaredReader(self.policy.facts.facts)
        return self._declared_reader

    def _asked_facts(self, conversation: Conversation) -> list[str]:
        """The facts the last questions asked for, first the first asked (a reply asks at most
        `MAX_QUESTIONS`), so that bare answers ("about 40, and no") can be read as them.

        The questions came from the open criteria of highest priority; the conversation's
        facts have not changed since, so assessing them again finds the same criteria.
        """
        if not conversation.open_questions or self.eligibility is None or self.policy is None:
            return []
        primary = _pick_primary(self.eligibility.assess(conversation.facts),
                                self._programme_in_focus(conversation), self.policy)
        programme = self.policy.programme(primary.programme_id)
        priority = {c.id: c.priority for c in programme.criteria} if programme else {}
        open_ones = [r for r in primary.criteria
                     if r.met is None and not r.confirmed_at_application]
        asked: list[str] = []
        covered: set[str] = set()
        questions = 0
        for result in sorted(open_ones, key=lambda r: priority.get(r.id, 50)):
            if result.missing_facts and set(result.missing_facts) <= covered:
                continue  # (asked by a question before, as the reply does)
            covered.update(result.missing_facts)
            fact = next((f for f in result.missing_facts
                         if f in _ASKABLE or f in self.policy.facts.facts), None)
            if fact is None and "project_part" in result.missing_facts:
                fact = "project_part"
            if fact is None and "sector_fit" in result.missing_facts and programme:
                # which field was asked about
                fact = next((f"{_FIELD_ASKED}{c.sectors}" for c in programme.criteria
                             if c.id == result.id and c.sectors), None)
            if fact is not None:
                asked.append(fact)
            questions += 1
            if questions == MAX_QUESTIONS and asked:
                break
        return asked

    def _holder_figures(self, text: str, previous: Facts, new: Facts) -> Facts:
        """Figures of the enterprise the business named before as its shareholder, given in
        reply ("The parent employs 700 and turns over £95m"): that holding's, not the
        business's own."""
        waiting = [h for h in previous.holdings if h.employees is None and h.turnover is None
                   and h.holder_kind in ("enterprise", "unknown")]
        if len(waiting) != 1:
            return new
        figures = self.extractor.referred_holder(text)
        if figures is None:
            return new
        holder = waiting[0].model_copy(update={
            "employees": figures.employees, "turnover": figures.turnover,
            "balance_sheet": figures.balance_sheet})
        holdings = [holder if h is waiting[0] else h for h in previous.holdings]
        return new.model_copy(update={"employees": None, "turnover": None,
                                      "balance_sheet": None, "holdings": holdings})

    def _holder_share(self, turn: _Turn, previous: Facts) -> Facts:
        """The size of a stake named before without one ("The county council bought into us" then
        "roughly a fifth, 20%"): that holding's share, given in reply."""
        new = turn.new_facts
        waiting = [h for h in previous.holdings if h.share_percent is None]
        if len(waiting) != 1 or new.holdings:
            return new
        share = self.extractor.stated_share(turn.text)
        if share is None:
            return new
        holdings = [h.model_copy(update={"share_percent": share}) if h is waiting[0] else h
                    for h in previous.holdings]
        turn.sources = {**turn.sources, "holdings": turn.text.strip()}
        return new.model_copy(update={"holdings": holdings})

    def _corrected_fact(self, turn: _Turn, replaced: str | None = None) -> str | None:
        """The fact a correction of the last message changes ("sorry, 300" after "about 30"):
        the one fact that message stated, read again from this one."""
        turns = turn.conversation.turns
        if not turns:
            return None
        last = turns[-1]
        stated = {u.fact for u in last.reply.understood
                  if u.text and u.text.casefold() in last.user_text.casefold()}
        if len(stated) != 1 and replaced is not None:
            # "3.9m not 39m": the fact the wrong figure (`replaced`) was read as, in the turns
            # before
            digits = _digits(replaced)
            stated = next(({u.fact} for t in reversed(turns) for u in t.reply.understood
                           if u.text and digits and digits in _digits(u.text)), set())
        if len(stated) != 1:
            return None
        fact = stated.pop()
        return fact if fact in _ASKABLE else None

    def _programmes_named(self, text: str) -> list[str]:
        if self.policy is None:
            return []
        lowered = f" {plain_words(text)} "
        kinds = [word for kind in self.programme.kinds.values() for word in kind.words]
        named: dict[str, bool] = {}  # programme id: named by more than one shortened word
        had_from: set[str] = set()  # named only as where support already had came from
        for p in self.policy.programmes:
            found = [alias for alias in _aliases(p.id, p.name, kinds, p.aliases,
                                                 self._kind_names(p.kind))
                     if f" {alias} " in lowered]
            if found:
                own = {plain_words(a) for a in p.aliases}
                named[p.id] = any(" " in a or a in own for a in found)
                places = [m.start() for a in found
                          for m in re.finditer(rf"(?<= ){re.escape(a)}(?= )", lowered)]
                if places and all(_HAD_FROM.search(lowered[max(0, at - 200):at]) for at in places):
                    had_from.add(p.id)
        if had_from and set(named) - had_from:
            # "£240k of costs for the Booster ... plus 8 days from the Heat Hub": the offer asked
            # about, not the one whose support was had
            named = {pid: strong for pid, strong in named.items() if pid not in had_from}
        # "labels for food and drink makers ... would the booster consider us?": a word of one
        # offer's name used as a plain word gives way to an offer named outright
        if any(named.values()):
            return [pid for pid, strong in named.items() if strong]
        return list(named)

    def _kind_names(self, kind: str) -> list[str]:
        """What the programme's kind is called: "grant", "grants", "grant scheme"."""
        words = self.programme.kinds.get(kind)
        return [] if words is None else [words.one, words.many, *words.words]

    def _programme_in_focus(self, conversation: Conversation) -> list[str]:
        """The programme the conversation is about: the one the user last named, or else the
        one its last eligibility reply led with."""
        if self.policy is None:
            return []
        by_name = {p.name: p.id for p in self.policy.programmes}
        for past in reversed(conversation.turns):
            named = self._programmes_named(past.user_text)
            if named:
                return named
            if past.reply.eligibility:
                name = past.reply.eligibility[0].programme
                return [by_name[name]] if name in by_name else []
        return []

    def _cite(self, ref: ClauseRef) -> Citation | None:
        """The guidance passage behind a rule, as a citation (resolved once per clause)."""
        if self.clauses is None:
            return None
        if ref not in self._citations:
            found = self.clauses.resolve(ref)
            self._citations[ref] = None if found is None else Citation(
                n=0, title=found.title, source=found.source, locator=found.locator,
                url=found.url, quote=found.quote)
        return self._citations[ref]


@dataclass
class _Turn:
    conversation: Conversation
    check: InputCheck
    text: str
    message_id: str
    new_facts: Facts = field(default_factory=Facts)
    sources: dict[str, str] = field(default_factory=dict)  # fact -> the words it came from
    facts: Facts = field(default_factory=Facts)
    trace: TurnTrace = field(default_factory=lambda: TurnTrace(route=""))
    quote: Quote = field(default_factory=Quote)  # the award a "how much?" asks for
    restated: str | None = None  # a fragment restated as the question it continues ("": none)
    supposed: bool = False  # the message supposes the business otherwise: its facts not kept

    def __post_init__(self) -> None:
        self.facts = self.conversation.facts

    @property
    def kept(self) -> Facts:
        """The business's facts after this turn: a case it only supposes changes none."""
        return self.conversation.facts if self.supposed else self.facts


# A statement this short, while eligibility is being checked, answers the check ("Bilston",
# "across both companies we're 70 people") rather than asking something new.
_SHORT_ANSWER_WORDS = 25


_TELLING_WORDS = 6  # a reply in the first person this long tells of the business


def _a_short_answer(text: str) -> bool:
    return "?" not in text and len(text.split()) <= _SHORT_ANSWER_WORDS


_DECISION_ORDER = {"eligible": 0, "need_more_info": 1, "ineligible": 2}
_KIND_ORDER = {"grant": 0, "hub": 1, "pre_hub": 2, "service": 3}


def _pick_primary(assessments: list[Assessment], focus: list[str],
                  policy: Policy | None = None) -> Assessment:
    """The programme named or in focus; else funding the business may get (grants before the
    other kinds, in `_KIND_ORDER`), and only when nothing is open to it, the first that is
    not."""
    for programme_id in focus:
        for assessment in assessments:
            if assessment.programme_id == programme_id:
                return assessment
    kinds = {p.id: p.kind for p in policy.programmes} if policy else {}
    return min(assessments, key=lambda a: (a.decision == "ineligible",
                                           _KIND_ORDER.get(kinds.get(a.programme_id, ""), 9),
                                           _DECISION_ORDER[a.decision]))


def _last_verdict(conversation: Conversation, programme: str) -> EligibilityResult | None:
    """The conversation's last verdict on this programme, if it gave one."""
    for past in reversed(conversation.turns):
        for result in past.reply.eligibility:
            if result.programme == programme:
                return result
    return None


def _gbp(facts: Facts, policy: Policy) -> float | None:
    if facts.requested_amount is None:
        return None
    return facts.requested_amount.in_gbp(policy.rates.eur_to_gbp)


def _record_citation(record: CatalogueRecord) -> Citation:
    summary = str(record.get("description") or "")
    return Citation(n=0, title=record.name, source=record.source, locator=record.locator,
                    url=str(record.get("url") or ""), quote=summary[:300])


_GENERIC_SUFFIXES = ("programme", "service")


# the facts only an eligibility check needs: three of them in one first-person message tell
# the business for a verdict, whatever else the message asks
_CHECK_FACTS = frozenset({"employees", "turnover", "balance_sheet", "insolvent", "months_trading",
                          "holdings", "prior_public_support"})
_FULL_DESCRIPTION = 3
_AREA_QUESTION = re.compile(r"\b(?:in|inside|within|outside)\s+(?:the|your|our)\s+(?:programme\s+)?"
                            r"(?:area|region|patch)\b|\b(?:covered|cover)\b", re.IGNORECASE)
_CITED = re.compile(r"\[(\d+)\]")
_MONEY_SAID = re.compile(r"[£€$]\s?\d")
# whether the business told of so far is all right: "in principle is it ok?", "would that
# still be fine?"
_VERDICT_ASKED = re.compile(
    r"(?:^|[-–—,;:.]\s)\W*(?:so\s+|and\s+|but\s+)?(?:in\s+principle\s*,?\s*)?(?:is|would|will|"
    r"does|could)\s+(?:it|that|this|we|they)\s+(?:still\s+)?(?:be\s+)?(?:ok|okay|fine|alright|"
    r"all\s+right|acceptable|possible|a\s+problem|an\s+issue|count|qualify|matter|change\s+"
    r"(?:things|anything))\b(?:\s+in\s+principle)?\s*\??\s*$", re.IGNORECASE)
# a short question after the business has been described, asking how it comes out: "so are we
# in?", "we'd be fine to go for it, yes?", "what's the verdict?"
_OUR_VERDICT = re.compile(
    r"\b(?:are\s+we\s+(?:in|ok|okay|fine|alright|all\s+right|good|eligible|covered|sorted)|"
    r"we(?:'re|\s+are|'d\s+be|\s+would\s+be|'ll\s+be|\s+will\s+be)\s+(?:still\s+)?(?:ok|okay|"
    r"fine|alright|all\s+right|good|eligible|in)\b|"
    r"(?:what'?s|what\s+is)\s+the\s+(?:verdict|answer|outcome|upshot)\b|"
    r"is\s+(?:that|it)\s+a\s+yes\b|\byes\s+or\s+no\b|"
    r"do\s+we\s+(?:get\s+it|pass|qualify|make\s+the\s+cut|tick\s+(?:all\s+)?the\s+boxes)\b|"
    r"can\s+we\s+(?:get\s+it|have\s+it|go\s+for\s+it|go\s+ahead)\b)"
    # with nothing else asked after it: not "are we ok to use the grant for a used lathe?"
    r"(?:\s+(?:to\s+(?:go\s+for|apply\s+for|apply|get|have|go\s+ahead)|for))?"
    r"(?:\s+(?:it|this|that|one|(?:the|a)(?:\s+(?!(?:for|on|with|to|if)\b)[\w'-]+){1,3}))?"
    r"(?:\W+(?:then|now|yes|yeah|right|eh|so|or\s+not|do\s+you\s+think))*\W*$", re.IGNORECASE)
_VERDICT_WORDS = 16  # longer, and it asks about something besides the verdict


def _asks_our_verdict(text: str) -> bool:
    question = read_question(text).text
    return _OUR_VERDICT.search(question) is not None and \
        len(question.split()) <= _VERDICT_WORDS


# the answer to a question asked is not known yet: "not sure", "our bookkeeper would know"
_NOT_KNOWN = re.compile(
    r"\b(?:not\s+(?:sure|certain)|unsure|(?:don't|do\s+not|dont)\s+know|no\s+idea|"
    r"(?:have|need|'ll\s+have|will\s+have)\s+to\s+(?:ask|check|find\s+out)|"
    r"off\s+the\s+top\s+of\s+my\s+head)\b", re.IGNORECASE)
# the most words of a question that only says ours back before answering it ("How long?",
# "Where are we?")
_ECHOED_WORDS = 3
# a count or a span of help asked for, which no award quote gives: "how many days", "how long"
_ASKS_AN_ALLOWANCE = re.compile(
    r"\bhow\s+(?:many\s+(?:[\w-]+\s+){0,2}?(?:days?|hours?|sessions?|visits?|places?|vouchers?)|"
    r"much\s+(?:[\w-]+\s+)?(?:time|help|support|expert\s+time)|long)\b", re.IGNORECASE)


def _described_in_full(turn: _Turn) -> bool:
    """Three of those facts told of our business, or four in notes ("9 staff, £700k, going
    since 2010, family owned")."""
    told = len(_describing(turn.new_facts) & _CHECK_FACTS)
    return told > _FULL_DESCRIPTION or \
        (told == _FULL_DESCRIPTION and bool(FIRST_PERSON.search(turn.text)))


def _after(verdict: Reply, reply: Reply) -> Reply:
    """The verdict, then the other reply, its citations numbered on from the verdict's."""
    shift = max((c.n for c in verdict.citations), default=0)
    answer = _CITED.sub(lambda m: f"[{int(m[1]) + shift}]", reply.answer)
    citations = [c.model_copy(update={"n": c.n + shift}) for c in reply.citations]
    return verdict.model_copy(update={
        "answer": f"{verdict.answer}\n\n{answer}", "citations": verdict.citations + citations,
        "signposts": reply.signposts, "follow_up": verdict.follow_up or reply.follow_up})


def _digits(text: str) -> str:
    """A figure's digits and scale, to compare figures written differently: "£39m", "39m"."""
    return re.sub(r"[^\dkmbn.]", "", text.lower().replace("million", "m").replace(",", ""))


def _describing(facts: Facts) -> set[str]:
    """The facts that describe the business for an eligibility check: not the size it gives
    itself in words ("as a medium firm, which rate applies?" asks about the rules)."""
    return facts.known() - {"stated_band"}


# Words too common to name a programme with its kind alone ("business service").
_COMMON_LEADS = frozenset("business the a programme support regional new free".split())


# support had from an offer, named just before it: "8 days from the heat hub", "days with the"
_HAD_FROM = re.compile(r"(?:\b(?:had|received|used|got|given|drew|drawn|history|record)\b.{0,160}"
                       r"|\bdays?\s+)"  # "10 support days from the hub": support had
                       r"\b(?:from|with|through|via|by)\s+(?:the\s+|our\s+)?(?:\w+\s+){0,3}$")


def _aliases(programme_id: str, name: str, kind_words: Sequence[str] = (),
             own: Sequence[str] = (), own_kind: Sequence[str] = ()) -> set[str]:
    """Ways a user names a programme: "Battery Innovation Centre", "battery centre", "battery",
    the words before its last with what its kind is called (`own_kind`: "Skills Booster", a
    grant, is "the skills grant"), and the aliases its policy file gives; the words for the
    programme's kinds come from the knowledge folder (`programme.yaml`)."""
    words = sorted({plain_words(w) for w in (*kind_words, *_GENERIC_SUFFIXES) if plain_words(w)},
                   key=len, reverse=True)
    suffixes = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b")
    forms = {plain_words(programme_id), plain_words(name)}
    forms |= {" ".join(suffixes.sub(" ", form).split()) for form in forms}
    # its initials, as owners shorten a long name: "Blue Growth Grant" is "BGG"
    initials = "".join(w[0] for w in name.split() if w[:1].isupper())
    shortened = {initials.lower()} if len(initials) >= 3 else set()
    leads = plain_words(name).split()[:-1]
    with_kind = {f"{' '.join(leads)} {plain_words(k)}" for k in own_kind if plain_words(k)} \
        if leads and not set(leads) <= _COMMON_LEADS else set()
    # the word that tells it from its kind's others, with the kind: "the heat hub"
    core = [w for w in plain_words(suffixes.sub(" ", plain_words(name))).split()
            if w not in _COMMON_LEADS]
    if len(core) > 1 and len(core[-1]) > 3:
        with_kind |= {f"{core[-1]} {plain_words(k)}" for k in own_kind if plain_words(k)}
    return {form for form in forms if len(form) > 3} | shortened | with_kind | \
        {plain_words(a) for a in own if plain_words(a)}


def _joined(passages: list[ScoredChunk],
            join: Callable[[Chunk], tuple[Chunk, list[str]]]) -> list[ScoredChunk]:
    """The passages with what `join` adds to each; a chunk joined onto an earlier passage is
    not shown a second time."""
    whole: list[ScoredChunk] = []
    joined: set[str] = set()
    for passage in passages:
        if passage.chunk.id in joined:
            continue
        chunk, ids = join(passage.chunk)
        joined.update(ids)
        whole.append(replace(passage, chunk=chunk) if ids else passage)
    return [p for p in whole if p.chunk.id not in joined]


# a yes/no question asked the other way round, whether something counts against the business
# ("does the council's stake stop us?"): a bare "Yes" to it would say the opposite of the verdict
_ASKS_AGAINST = re.compile(
    # (the verb with its object: "a wine bar" or "a bus stop" asks nothing against)
    r"\b(?:(?:stops?|stopping|prevents?|preventing|bars?|barring|blocks?|blocking|excludes?|"
    r"excluding|disqualif(?:y|ies))\s+(?:us|me|it|them|the\s+business|the\s+company|our\s+\w+)|"
    r"rules?\s+(?:us|me|it)\s+out|count\s+against|counts\s+against|a\s+problem|an\s+issue|"
    r"(?:mean|means)\s+(?:we|i)\s+(?:can't|cannot|can\s+not|are\s+not|aren't))\b",
    re.IGNORECASE)

"""Routing: what kind of turn a message is, decided before anything is retrieved or computed.

- router.py      `Router.route(message, has_context, facts)`: rules first, then a comparison
                 with example messages for what no rule claims
- rules.py       the rules, in generic English: referral, small talk, off-topic subjects,
                 eligibility questions, signposting needs, follow-ups
- examples.yaml  the example messages (data): business-support and everyday off-topic

Refused requests and prompt injection are the input guard's (`assistant.guards`); the fixed
replies are in `assistant.templates`, or the knowledge folder's `policy/programme.yaml`.
"""

from assistant.routing.router import ExampleSets, RouteDecision, Router

__all__ = ["ExampleSets", "RouteDecision", "Router"]

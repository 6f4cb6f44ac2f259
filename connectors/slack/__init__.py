"""The Slack bot for hub staff (slack-bolt).

- `app`: `build_slack_app(assistant, settings, client)`, the listeners wired into a Bolt app
- `listeners`: mentions, direct messages, thread replies, `/ssr`, buttons, the referral form
- `blocks`, `mrkdwn`, `texts`: Block Kit messages from the reply object, within Slack's limits
- `referrals`: website referrals posted to the advisers' channel as cards to claim
- `client`: the Web API client (configured base URL, rate limits retried)
- `config`: the Slack settings each mode needs, checked at start
- `http`, `socket`: the two ways to serve the same app (`/slack/events`, Socket Mode)
- `ports`: the Protocols the bot needs (engine, store, ledger of answered messages)
"""

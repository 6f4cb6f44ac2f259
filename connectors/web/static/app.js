/* The chat page: no build step, no dependencies. Everything shown comes from the reply
   object of the API; text from the server is always set as text, never as HTML, except the
   answer's Markdown, which is escaped first and then given a few safe tags. */
(function () {
  "use strict";

  var STORE_KEY = "ssr-conversation";
  var FACT_LABELS = {
    employees: "Staff", turnover: "Turnover", balance_sheet: "Balance sheet",
    postcode: "Postcode", local_authority: "Council area", sector_text: "What the business does",
    sic_codes: "SIC codes", months_trading: "Time trading", holdings: "Ownership",
    insolvent: "Insolvency", prior_public_support: "Earlier public support",
    requested_amount: "Grant asked for", project_cost: "Project cost",
    consultancy_cost: "Consultancy cost"
  };
  var DECISIONS = {
    eligible: "looks eligible", ineligible: "does not look eligible",
    need_more_info: "more information needed"
  };

  var state = { conversationId: null, busy: false, lastUserText: "" };
  var el = {};

  function $(id) { return document.getElementById(id); }

  function make(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      var value = attrs[key];
      if (value === null || value === undefined || value === false) return;
      if (key === "text") node.textContent = value;
      else if (key === "className") node.className = value;
      else if (key.slice(0, 2) === "on") node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? "" : value);
    });
    (children || []).forEach(function (child) {
      if (child !== null && child !== undefined) {
        node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
      }
    });
    return node;
  }

  // ---------------------------------------------------------------- Markdown, safely

  function escapeHtml(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;").replace(/'/g, "&#39;");
  }

  function inline(text, messageId) {
    var html = escapeHtml(text);
    html = html.replace(/\*\*([^*]+)\*\*/g, "<strong>$1</strong>");
    html = html.replace(/\[(\d{1,3})\]/g, function (_, n) {
      return '<a class="cite" href="#' + citeId(messageId, n) + '" data-cite="' + n +
        '" aria-label="source ' + n + '">[' + n + "]</a>";
    });
    return html;
  }

  function renderMarkdown(text, messageId) {
    var out = [];
    var list = null;
    var paragraph = [];
    function flushParagraph() {
      if (paragraph.length) out.push("<p>" + paragraph.join("<br>") + "</p>");
      paragraph = [];
    }
    function flushList() {
      if (list) out.push("<ul>" + list.join("") + "</ul>");
      list = null;
    }
    text.split("\n").forEach(function (line) {
      var item = /^\s*[-*]\s+(.*)$/.exec(line);
      if (item) {
        flushParagraph();
        list = list || [];
        list.push("<li>" + inline(item[1], messageId) + "</li>");
      } else if (!line.trim()) {
        flushParagraph();
        flushList();
      } else {
        flushList();
        paragraph.push(inline(line.replace(/^#+\s*/, ""), messageId));
      }
    });
    flushParagraph();
    flushList();
    return out.join("");
  }

  function citeId(messageId, n) { return "m" + messageId + "-source-" + n; }

  // ---------------------------------------------------------------- talking to the API

  function apiError(response, body) {
    var error = (body && body.error) || {};
    var retry = response.headers.get("Retry-After");
    var message = error.message || "The assistant could not answer (" + response.status + ").";
    if (response.status === 429) {
      message = "You are sending messages quickly. Please wait " + (retry || "a few") +
        " seconds and try again.";
    } else if (response.status === 503 && error.code === "starting") {
      message = "The assistant is starting up. Please try again in a few seconds.";
    } else if (response.status === 503) {
      message = "The assistant is busy just now. Please try again in " + (retry || "a few") +
        " seconds.";
    }
    var err = new Error(message);
    err.status = response.status;
    err.code = error.code;
    return err;
  }

  function unreachable() {
    var err = new Error("We can't reach the assistant at the moment. Check your connection, " +
      "or try again in a minute.");
    err.code = "unreachable";
    return err;
  }

  function request(method, path, body) {
    return fetch(path, {
      method: method,
      headers: body ? { "Content-Type": "application/json" } : {},
      body: body ? JSON.stringify(body) : undefined
    }).catch(function () { throw unreachable(); }).then(function (response) {
      if (response.status === 204) return null;
      return response.json().catch(function () { return null; }).then(function (data) {
        if (!response.ok) throw apiError(response, data);
        return data;
      });
    });
  }

  /* POST /v1/chat/stream, read as server-sent events: delta events grow the answer, the
     reply event brings the whole reply object. */
  function streamTurn(message, onDelta) {
    return fetch("/v1/chat/stream", {
      method: "POST",
      headers: { "Content-Type": "application/json", "Accept": "text/event-stream" },
      body: JSON.stringify({ message: message, conversation_id: state.conversationId })
    }).catch(function () { throw unreachable(); }).then(function (response) {
      if (!response.ok) {
        return response.json().catch(function () { return null; }).then(function (data) {
          throw apiError(response, data);
        });
      }
      var reader = response.body.getReader();
      var decoder = new TextDecoder();
      var buffer = "";
      var reply = null;
      function handle(block) {
        var name = "message";
        var data = [];
        block.split("\n").forEach(function (line) {
          if (line.indexOf("event:") === 0) name = line.slice(6).trim();
          else if (line.indexOf("data:") === 0) data.push(line.slice(5).replace(/^ /, ""));
        });
        if (!data.length) return;
        var payload = JSON.parse(data.join("\n"));
        if (name === "delta") onDelta(payload.text);
        else if (name === "reply") reply = payload;
        else if (name === "error") {
          var err = new Error(payload.error.message);
          err.code = payload.error.code;
          throw err;
        }
      }
      function pump() {
        return reader.read().then(function (chunk) {
          if (chunk.done) {
            if (buffer.trim()) handle(buffer);
            if (!reply) throw unreachable();
            return reply;
          }
          buffer += decoder.decode(chunk.value, { stream: true });
          var parts = buffer.split("\n\n");
          buffer = parts.pop();
          parts.forEach(handle);
          return pump();
        }, function () { throw unreachable(); });
      }
      return pump();
    });
  }

  // ---------------------------------------------------------------- status and announcements

  function showStatus(message, kind) {
    el.status.textContent = message;
    el.status.className = "status" + (kind ? " " + kind : "");
    el.status.hidden = false;
  }

  function clearStatus() { el.status.hidden = true; el.status.textContent = ""; }

  function announce(text) {
    el.announcer.textContent = "";
    window.setTimeout(function () { el.announcer.textContent = text; }, 50);
  }

  function waitUntilReady() {
    fetch("/readyz").then(function (response) {
      if (response.ok) { if (el.status.dataset.kind === "starting") clearStatus(); return; }
      el.status.dataset.kind = "starting";
      showStatus("The assistant is starting up. You can type your question; it will answer " +
        "in a few seconds.", "info");
      window.setTimeout(waitUntilReady, 3000);
    }, function () {
      showStatus("We can't reach the assistant at the moment. Check your connection, or try " +
        "again in a minute.");
      window.setTimeout(waitUntilReady, 5000);
    });
  }

  // ---------------------------------------------------------------- the conversation log

  function addUserTurn(text) {
    var item = make("li", { className: "turn user" }, [
      make("h2", { className: "visually-hidden", text: "You said" }),
      make("p", { text: text })
    ]);
    el.log.appendChild(item);
    return item;
  }

  function addAssistantTurn() {
    var answer = make("div", { className: "answer" });
    var item = make("li", { className: "turn assistant", "aria-busy": "true" }, [
      make("h2", { className: "visually-hidden", text: "The assistant said" }), answer
    ]);
    el.log.appendChild(item);
    item.scrollIntoView({ block: "nearest" });
    return { item: item, answer: answer };
  }

  function renderReply(view, reply) {
    var id = reply.message_id;
    view.item.setAttribute("aria-busy", "false");
    view.item.dataset.messageId = id;
    view.answer.innerHTML = renderMarkdown(reply.answer, id);
    var parts = [
      understoodSection(reply),
      checklistSection(reply),
      followUpSection(reply),
      sourcesSection(reply),
      signpostsSection(reply),
      nextSection(reply),
      feedbackSection(reply)
    ];
    parts.forEach(function (part) { if (part) view.item.appendChild(part); });
    view.item.addEventListener("click", openCitation);
  }

  function openCitation(event) {
    var link = event.target.closest ? event.target.closest("a.cite") : null;
    if (!link) return;
    var target = document.getElementById(link.getAttribute("href").slice(1));
    if (!target) return;
    event.preventDefault();
    var details = target.querySelector("details");
    if (details) details.open = true;
    var summary = target.querySelector("summary");
    (summary || target).focus();
    target.scrollIntoView({ block: "nearest" });
  }

  function understoodSection(reply) {
    var facts = reply.understood || [];
    if (!facts.length) return null;
    var list = make("ul");
    facts.forEach(function (fact) { list.appendChild(understoodItem(fact)); });
    return make("section", { className: "understood", "aria-label": "What I understood" }, [
      make("h3", { text: "What I understood" }), list,
      make("p", { className: "hint", text: "Something wrong? Change it and I'll check again." })
    ]);
  }

  function understoodItem(fact) {
    var label = FACT_LABELS[fact.fact] || fact.fact.replace(/_/g, " ");
    var item = make("li");
    function show() {
      item.textContent = "";
      item.appendChild(make("span", {}, [make("strong", { text: label + ": " }), fact.value]));
      if (fact.text) item.appendChild(make("span", { className: "from", text: "from “" + fact.text + "”" }));
      item.appendChild(make("button", {
        type: "button", className: "button secondary small", text: "Change",
        "aria-label": "Change " + label.toLowerCase(), onclick: edit
      }));
    }
    function edit() {
      item.textContent = "";
      var inputId = "fix-" + Math.random().toString(36).slice(2);
      var input = make("input", { id: inputId, value: fact.value, autocomplete: "off" });
      var form = make("form", { onsubmit: function (event) {
        event.preventDefault();
        var value = input.value.trim();
        if (!value || value === fact.value) { show(); return; }
        send("Correction: " + value);
      } }, [
        make("label", { "for": inputId, text: label }), input,
        make("button", { type: "submit", className: "button small", text: "Save" }),
        make("button", { type: "button", className: "button secondary small", text: "Cancel",
          onclick: function () { show(); item.querySelector("button").focus(); } })
      ]);
      item.appendChild(form);
      input.focus();
      input.select();
    }
    show();
    return item;
  }

  function criterionState(met) {
    if (met === true) return { className: "met", label: "Met", mark: "✓" };
    if (met === false) return { className: "unmet", label: "Not met", mark: "✗" };
    return { className: "unknown", label: "Not known yet", mark: "?" };
  }

  function checklistSection(reply) {
    var results = reply.eligibility || [];
    if (!results.length) return null;
    var section = make("section", { className: "checklist-group" });
    results.slice(0, 1).forEach(function (result) {
      section.appendChild(checklist(result, reply.message_id, false));
    });
    if (results.length > 1) {
      var others = make("details", { className: "others" }, [
        make("summary", { text: "Other programmes (" + (results.length - 1) + ")" })
      ]);
      results.slice(1).forEach(function (result) {
        others.appendChild(checklist(result, reply.message_id, true));
      });
      section.appendChild(others);
    }
    return section;
  }

  function checklist(result, messageId, nested) {
    var counts = { met: 0, unmet: 0, unknown: 0 };
    var list = make("ul");
    result.criteria.forEach(function (criterion) {
      var s = criterionState(criterion.met);
      counts[s.className] += 1;
      var item = make("li", { className: "criterion " + s.className }, [
        make("span", { className: "state" }, [
          make("span", { "aria-hidden": "true", text: s.mark + " " }), s.label + ": "
        ]),
        criterion.explanation
      ]);
      if (criterion.citation) item.appendChild(clauseDetails(criterion.citation));
      list.appendChild(item);
    });
    var summary = make("summary", {}, [
      (nested ? "" : "Eligibility checklist: ") + result.programme + ": ",
      make("span", { className: "verdict", text: DECISIONS[result.decision] || result.decision }),
      " (" + counts.met + " met, " + counts.unmet + " not met, " + counts.unknown + " not known)"
    ]);
    var details = make("details", { className: "checklist" }, [summary, list]);
    if (result.missing_facts && result.missing_facts.length) {
      details.appendChild(make("p", { className: "where", text: "Still needed: " +
        result.missing_facts.map(function (f) { return (FACT_LABELS[f] || f).toLowerCase(); }).join(", ") }));
    }
    return details;
  }

  function clauseDetails(citation) {
    return make("details", { className: "clause" }, [
      make("summary", { text: citation.title + (citation.locator ? ", " + citation.locator : "") }),
      citation.quote ? make("blockquote", { text: citation.quote }) : null,
      sourceLine(citation)
    ]);
  }

  function sourceLine(citation) {
    var parts = [citation.source];
    var line = make("p", { className: "where" }, [parts.join("")]);
    if (citation.url && /^https?:\/\//.test(citation.url)) {
      line.appendChild(document.createTextNode(" · "));
      line.appendChild(make("a", { href: citation.url, target: "_blank", rel: "noopener noreferrer",
        text: "open the source" }));
    }
    return line;
  }

  function sourcesSection(reply) {
    var citations = reply.citations || [];
    if (!citations.length) return null;
    var list = make("ol");
    citations.forEach(function (citation) {
      list.appendChild(make("li", { id: citeId(reply.message_id, citation.n), tabindex: "-1" }, [
        make("details", {}, [
          make("summary", { text: "[" + citation.n + "] " + citation.title +
            (citation.locator ? ", " + citation.locator : "") }),
          citation.quote ? make("blockquote", { text: citation.quote }) : null,
          sourceLine(citation)
        ])
      ]));
    });
    return make("section", { className: "sources" }, [make("h3", { text: "Sources" }), list]);
  }

  function signpostsSection(reply) {
    var signposts = reply.signposts || [];
    if (!signposts.length) return null;
    var cards = make("div", { className: "cards" });
    signposts.forEach(function (signpost) {
      var card = make("article", { className: "card" }, [
        make("h4", { text: signpost.name }),
        make("p", { className: "where", text: [signpost.partner, signpost.location]
          .filter(Boolean).join(", ") }),
        signpost.why ? make("p", { text: signpost.why }) : null
      ]);
      if (signpost.url && /^https?:\/\//.test(signpost.url)) {
        card.appendChild(make("p", {}, [make("a", { href: signpost.url, target: "_blank",
          rel: "noopener noreferrer", text: "More about " + signpost.name })]));
      }
      cards.appendChild(card);
    });
    return make("section", { className: "signposts" }, [make("h3", { text: "Who can help" }), cards]);
  }

  function followUpSection(reply) {
    var questions = reply.follow_up || [];
    if (!questions.length) return null;
    var list = make("ul");
    questions.forEach(function (question) {
      list.appendChild(make("li", {}, [make("button", {
        type: "button", className: "link-button", text: question,
        onclick: function () { el.message.placeholder = question; el.message.focus(); }
      })]));
    });
    return make("section", { className: "follow-up" }, [
      make("h3", { text: "To finish the check, could you tell me:" }), list
    ]);
  }

  function suggestions(reply) {
    var asks = [];
    if (reply.route === "eligibility") {
      asks.push("How do I apply?", "What could the grant pay for?");
    } else if (reply.route === "signposting" && reply.signposts && reply.signposts.length) {
      asks.push("How do I get access to " + reply.signposts[0].name + "?");
      asks.push("Is my business eligible for support?");
    } else if (reply.route === "programme_question") {
      asks.push("Is my business eligible?", "Who can help with my project?");
    } else {
      asks.push("What support is available?", "How do I apply?");
    }
    return asks;
  }

  function nextSection(reply) {
    var list = make("ul");
    suggestions(reply).forEach(function (question) {
      list.appendChild(make("li", {}, [make("button", {
        type: "button", className: "button secondary small", text: question,
        onclick: function () { send(question); }
      })]));
    });
    return make("section", { className: "next", "aria-label": "Suggested next questions" }, [
      make("h3", { text: "You could ask next" }), list
    ]);
  }

  function feedbackSection(reply) {
    var group = make("div", { className: "feedback", role: "group",
      "aria-label": "Was this answer helpful?" });
    var up = make("button", { type: "button", className: "button secondary small",
      "aria-pressed": "false", text: "Helpful" });
    var down = make("button", { type: "button", className: "button secondary small",
      "aria-pressed": "false", text: "Not helpful" });
    var note = make("span", { className: "thanks", role: "status" });
    function rate(rating, comment) {
      return request("POST", "/v1/feedback", {
        message_id: reply.message_id, rating: rating, comment: comment || ""
      }).then(function () {
        up.setAttribute("aria-pressed", String(rating === "up"));
        down.setAttribute("aria-pressed", String(rating === "down"));
        note.textContent = "Thank you for your feedback.";
      }, function (error) { note.textContent = error.message; });
    }
    up.addEventListener("click", function () { rate("up"); });
    down.addEventListener("click", function () {
      if (group.querySelector("form")) return;
      var id = "why-" + reply.message_id;
      var box = make("textarea", { id: id, rows: "2", maxlength: "2000" });
      var form = make("form", { onsubmit: function (event) {
        event.preventDefault();
        rate("down", box.value).then(function () { form.remove(); });
      } }, [
        make("label", { "for": id, text: "What was wrong or missing? (optional)" }), box,
        make("button", { type: "submit", className: "button small", text: "Send feedback" })
      ]);
      group.appendChild(form);
      box.focus();
    });
    group.appendChild(make("span", { text: "Was this helpful?" }));
    group.appendChild(up);
    group.appendChild(down);
    group.appendChild(note);
    return group;
  }

  // ---------------------------------------------------------------- sending a message

  function setBusy(busy) {
    state.busy = busy;
    el.send.disabled = busy;
    el.send.textContent = busy ? "Sending…" : "Send";
  }

  function send(text) {
    text = (text || "").trim();
    if (!text || state.busy) return;
    clearStatus();
    setBusy(true);
    state.lastUserText = text;
    var userTurn = addUserTurn(text);
    var view = addAssistantTurn();
    var streamed = "";
    announce("The assistant is working on an answer.");
    streamTurn(text, function (delta) {
      streamed += delta;
      view.answer.innerHTML = renderMarkdown(streamed, "pending");
    }).then(function (reply) {
      remember(reply.conversation_id);
      renderReply(view, reply);
      announce("The assistant answered: " + reply.answer.replace(/\*\*/g, "").slice(0, 400));
      if (reply.route === "referral") openReferral();
    }, function (error) {
      view.item.remove();
      userTurn.remove();
      if (!el.message.value) el.message.value = text;
      showStatus(error.message);
    }).then(function () {
      setBusy(false);
      el.message.focus();
    });
  }

  function remember(conversationId) {
    state.conversationId = conversationId;
    try { window.sessionStorage.setItem(STORE_KEY, conversationId); } catch (e) { /* private mode */ }
    updateReferralAvailability();
  }

  function forget() {
    state.conversationId = null;
    try { window.sessionStorage.removeItem(STORE_KEY); } catch (e) { /* private mode */ }
    el.log.textContent = "";
    resetReferral();
    updateReferralAvailability();
  }

  function restore() {
    var saved = null;
    try { saved = window.sessionStorage.getItem(STORE_KEY); } catch (e) { saved = null; }
    if (!saved) return;
    request("GET", "/v1/conversations/" + encodeURIComponent(saved)).then(function (data) {
      state.conversationId = data.id;
      data.turns.forEach(function (turn) {
        addUserTurn(turn.message);
        renderReply(addAssistantTurn(), turn.reply);
      });
      updateReferralAvailability();
    }, function () { forget(); });
  }

  // ---------------------------------------------------------------- the referral form

  function updateReferralAvailability() {
    var ready = Boolean(state.conversationId);
    el.referralNeeds.hidden = ready;
    el.referral.querySelector("button[type=submit]").disabled = !ready;
  }

  function openReferral() {
    el.referral.hidden = false;
    el.adviserOpen.setAttribute("aria-expanded", "true");
    el.referral.querySelector("input").focus();
  }

  function resetReferral() {
    el.referral.reset();
    el.referral.hidden = true;
    el.referralDone.hidden = true;
    el.adviserOpen.hidden = false;
    el.adviserOpen.setAttribute("aria-expanded", "false");
    el.referralErrors.textContent = "";
  }

  function submitReferral(event) {
    event.preventDefault();
    var form = el.referral;
    var problems = [];
    function check(input, ok, message) {
      input.setAttribute("aria-invalid", String(!ok));
      if (!ok) problems.push(message);
    }
    var name = form.elements.name, email = form.elements.email;
    var company = form.elements.company, consent = form.elements.consent;
    check(name, name.value.trim().length > 0, "Enter your name.");
    check(email, /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.value.trim()),
      "Enter an email address like name@example.com.");
    check(company, company.value.trim().length > 0, "Enter your company name.");
    check(consent, consent.checked, "Tick the box to agree to an adviser contacting you.");
    el.referralErrors.textContent = problems.join(" ");
    if (problems.length) {
      form.querySelector("[aria-invalid=true]").focus();
      return;
    }
    var button = form.querySelector("button[type=submit]");
    button.disabled = true;
    request("POST", "/v1/referrals", {
      conversation_id: state.conversationId, name: name.value.trim(), email: email.value.trim(),
      company: company.value.trim(), consent: true, note: form.elements.note.value
    }).then(function (data) {
      form.hidden = true;
      el.adviserOpen.hidden = true;
      el.referralDone.textContent = data.message;
      el.referralDone.hidden = false;
      el.referralDone.setAttribute("tabindex", "-1");
      el.referralDone.focus();
    }, function (error) {
      el.referralErrors.textContent = error.message;
    }).then(function () { button.disabled = false; });
  }

  // ---------------------------------------------------------------- start

  function start() {
    ["status", "announcer", "log", "message", "send", "referral", "referral-done",
     "referral-errors", "referral-needs", "adviser-open"].forEach(function (id) {
      el[id.replace(/-(\w)/g, function (_, c) { return c.toUpperCase(); })] = $(id);
    });
    if (/[?&]embed=1\b/.test(window.location.search)) document.body.classList.add("embed");
    $("ask").addEventListener("submit", function (event) {
      event.preventDefault();
      var text = el.message.value;
      if (!text.trim()) { el.message.focus(); return; }
      el.message.value = "";
      el.message.placeholder = "";
      send(text);
    });
    el.message.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        $("ask").requestSubmit();
      }
    });
    $("new-conversation").addEventListener("click", function () {
      forget();
      clearStatus();
      announce("Started a new conversation.");
      el.message.focus();
    });
    $("erase").addEventListener("click", function () {
      if (!state.conversationId) { announce("There is no conversation to delete."); return; }
      request("DELETE", "/v1/conversations/" + state.conversationId).then(function () {
        forget();
        showStatus("Your conversation has been deleted.", "info");
      }, function (error) { showStatus(error.message); });
    });
    el.adviserOpen.addEventListener("click", function () {
      if (el.referral.hidden) openReferral();
      else { el.referral.hidden = true; el.adviserOpen.setAttribute("aria-expanded", "false"); }
    });
    el.referral.addEventListener("submit", submitReferral);
    updateReferralAvailability();
    restore();
    waitUntilReady();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();

/* The chat as a floating panel on any site:
     <script src="https://ASSISTANT/widget.js" data-title="Ask about business support"
             data-position="right" defer></script>
   data-server overrides where the assistant is (default: where this script came from). The
   panel holds the chat page in a frame, so the partner page's styles and scripts and the
   chat's never mix. The partner's origin must be in the assistant's SSR_CORS_ORIGINS. */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || window.__ssrAssistantWidget) return;
  window.__ssrAssistantWidget = true;
  var server = (script.getAttribute("data-server") || new URL(script.src, location.href).origin)
    .replace(/\/+$/, "");
  var title = script.getAttribute("data-title") || "Ask about business support";
  var side = script.getAttribute("data-position") === "left" ? "left" : "right";

  var host = document.createElement("div");
  host.setAttribute("data-ssr-assistant", "");
  var root = host.attachShadow({ mode: "open" });
  root.innerHTML =
    "<style>" +
    ":host{all:initial}" +
    ".launcher{position:fixed;bottom:1rem;" + side + ":1rem;z-index:2147483000;" +
    "font:600 1rem/1.2 system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;" +
    "background:#1d4f91;color:#fff;border:2px solid #fff;border-radius:2rem;" +
    "padding:.8rem 1.2rem;box-shadow:0 2px 8px rgba(0,0,0,.35);cursor:pointer}" +
    ".launcher:hover{background:#123666}" +
    ".launcher:focus-visible,.close:focus-visible{outline:3px solid #ffbf47;" +
    "box-shadow:0 0 0 5px #1b1b1b}" +
    ".panel{position:fixed;bottom:5rem;" + side + ":1rem;z-index:2147483001;" +
    "width:min(26rem,calc(100vw - 2rem));height:min(40rem,calc(100vh - 6rem));" +
    "background:#fff;border:1px solid #b1b4b6;border-radius:.6rem;" +
    "box-shadow:0 6px 24px rgba(0,0,0,.35);display:flex;flex-direction:column;overflow:hidden}" +
    ".panel[hidden]{display:none}" +
    ".bar{display:flex;align-items:center;justify-content:space-between;gap:.5rem;" +
    "background:#1d4f91;color:#fff;padding:.4rem .6rem .4rem 1rem;" +
    "font:600 1rem/1.3 system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif}" +
    ".close{background:transparent;color:#fff;border:2px solid #fff;border-radius:.3rem;" +
    "font:600 1rem/1 system-ui,sans-serif;min-width:2.5rem;min-height:2.5rem;cursor:pointer}" +
    "iframe{flex:1;border:0;width:100%}" +
    "@media (max-width:30rem){.panel{" + side + ":0;bottom:0;width:100vw;height:100vh;" +
    "border-radius:0}}" +
    "</style>" +
    '<button class="launcher" type="button" aria-expanded="false" aria-controls="panel"></button>' +
    '<div class="panel" id="panel" role="dialog" aria-modal="false" hidden>' +
    '<div class="bar"><span class="title"></span>' +
    '<button class="close" type="button" aria-label="Close the chat">✕</button></div></div>';

  var launcher = root.querySelector(".launcher");
  var panel = root.querySelector(".panel");
  var closeButton = root.querySelector(".close");
  launcher.textContent = title;
  root.querySelector(".title").textContent = title;
  panel.setAttribute("aria-label", title);
  var frame = null;

  function open() {
    if (!frame) {
      frame = document.createElement("iframe");
      frame.title = title;
      frame.src = server + "/?embed=1";
      panel.appendChild(frame);
    }
    panel.hidden = false;
    launcher.setAttribute("aria-expanded", "true");
    closeButton.focus();
  }

  function close() {
    panel.hidden = true;
    launcher.setAttribute("aria-expanded", "false");
    launcher.focus();
  }

  launcher.addEventListener("click", function () { if (panel.hidden) open(); else close(); });
  closeButton.addEventListener("click", close);
  root.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && !panel.hidden) close();
  });

  function attach() { document.body.appendChild(host); }
  if (document.body) attach(); else document.addEventListener("DOMContentLoaded", attach);
})();

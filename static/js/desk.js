/* Factcheck desk: keyboard shortcuts and status messages for in-place actions.
   No framework; htmx does the requests. Everything here is an enhancement:
   each action also works as a plain form post. */
(function () {
  "use strict";

  var status = null;
  var statusTimer = null;

  function say(text, level) {
    status = status || document.getElementById("desk-status");
    if (!status || !text) return;
    status.className = "toast " + (level || "info") + " visible";
    status.textContent = text;
    clearTimeout(statusTimer);
    statusTimer = setTimeout(function () { status.classList.remove("visible"); }, 6000);
  }

  // Views answer htmx requests with HX-Trigger: {"desk-message": {"text", "level"}}.
  document.addEventListener("desk-message", function (event) {
    var detail = event.detail || {};
    say(detail.text || detail.value, detail.level);
  });
  document.addEventListener("htmx:responseError", function (event) {
    say("That did not work (" + event.detail.xhr.status + "). Reload the page and try again.", "error");
  });
  document.addEventListener("htmx:sendError", function () {
    say("The desk could not be reached. Check your connection and try again.", "error");
  });

  function rows() { return Array.prototype.slice.call(document.querySelectorAll("tr.queue-row")); }

  function current() { return document.querySelector("tr.queue-row.is-current"); }

  function select(row) {
    rows().forEach(function (r) { r.classList.remove("is-current"); r.removeAttribute("aria-current"); });
    if (!row) return;
    row.classList.add("is-current");
    row.setAttribute("aria-current", "true");
    row.focus({ preventScroll: true });
    row.scrollIntoView({ block: "nearest" });
  }

  function move(step) {
    var all = rows();
    if (!all.length) return;
    var index = all.indexOf(current());
    var next = index < 0 ? 0 : Math.min(all.length - 1, Math.max(0, index + step));
    select(all[next]);
  }

  function typing(target) {
    var tag = target.tagName;
    return target.isContentEditable || tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT";
  }

  function openHelp() {
    var dialog = document.getElementById("shortcuts");
    if (dialog && !dialog.open) dialog.showModal();
  }

  var pendingG = false;

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
    var key = event.key;
    var row = current();
    if (pendingG) {
      pendingG = false;
      if (key === "e") { window.location.href = "/desk/editor/"; return; }
      if (key === "t") { window.location.href = "/desk/"; return; }
    }
    if (key === "/") {
      var search = document.getElementById("q");
      if (search) { event.preventDefault(); search.focus(); search.select(); }
    } else if (key === "j") { move(1); }
    else if (key === "k") { move(-1); }
    else if ((key === "o" || key === "Enter") && row && row.dataset.href) {
      window.location.href = row.dataset.href;
    } else if (key === "a" && row) {
      var take = row.querySelector("[data-action='assign-me']");
      if (take) take.click();
    } else if (key === "d" && row) {
      var box = row.querySelector("details.dismiss");
      if (box) {
        event.preventDefault();
        box.open = true;
        var reason = box.querySelector("input[name='reason']");
        if (reason) reason.focus();
      }
    } else if (key === "?") { openHelp(); }
    else if (key === "g") { pendingG = true; }
  });

  document.addEventListener("click", function (event) {
    if (event.target.closest("[data-open-shortcuts]")) openHelp();
    var row = event.target.closest("tr.queue-row");
    if (row && !event.target.closest("a, button, input, select, summary, textarea")) select(row);
  });

  // Keep the selection on the same claim after its row is swapped in place.
  document.addEventListener("htmx:afterSwap", function (event) {
    var swapped = event.detail.target;
    if (swapped && swapped.matches && swapped.matches("tr.queue-row")) {
      var fresh = document.getElementById(swapped.id);
      if (fresh) select(fresh);
    }
  });
})();

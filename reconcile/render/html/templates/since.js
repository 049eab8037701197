/* The "changed since" filter of a report written with --since. It ships only in such a report,
   after report.js, so that a report without --since carries none of it; it works beside
   report.js through the page alone. The filter is the class `since-only` on <html>, which the
   stylesheet reads (a card without data-since is not displayed, nor a section left empty), and
   `since=1` in the query string, kept there whenever report.js rewrites the URL. */
(function () {
  "use strict";
  var d = document;
  var root = d.documentElement;
  var on = false, toggle, shown, noMatch, showing, pattern;

  function urlWithState(url) {
    var parsed = new URL(url, location.href);
    if (on) { parsed.searchParams.set("since", "1"); } else { parsed.searchParams.delete("since"); }
    return parsed.pathname + parsed.search + parsed.hash;
  }
  var replaceState = history.replaceState;
  history.replaceState = function (state, title, url) {
    var args = [state, title];
    if (url !== undefined && url !== null) { args.push(urlWithState(String(url))); }
    return replaceState.apply(history, args);
  };

  function marked(card) { return card.hasAttribute("data-since"); }
  function showable(card) { return !card.hidden && (!on || marked(card)); }

  /* "Showing 3 of 40 groups", as report.js words it, counting what this filter hides too. */
  function recount() {
    var cards = d.querySelectorAll("article.card");
    var count = 0;
    for (var i = 0; i < cards.length; i++) { if (showable(cards[i])) { count++; } }
    if (pattern.test(shown.textContent)) {
      var text = showing.replace("{shown}", count).replace("{total}", cards.length);
      if (shown.textContent !== text) { shown.textContent = text; }
    }
    if (noMatch.hidden !== count > 0) { noMatch.hidden = count > 0; }
  }

  function set(value, write) {
    on = value;
    root.classList.toggle("since-only", on);
    toggle.checked = on;
    recount();
    if (write) {
      try { history.replaceState(history.state, "", location.href); } catch (e) { /* a viewer that forbids it */ }
    }
  }

  /* A link to a card this filter hides turns the filter off, as report.js does for its own. */
  function revealHash() {
    var id;
    try { id = decodeURIComponent(location.hash.slice(1)); } catch (e) { return; }
    var target = id && d.getElementById(id);
    var card = target && target.closest("article.card");
    if (on && card && !marked(card)) {
      set(false, true);
      target.scrollIntoView({block: target.tagName === "MARK" ? "center" : "start"});
    }
  }

  /* j and k move through the cards shown; report.js, seeing the key handled, leaves it. */
  function move(step) {
    var cards = Array.prototype.filter.call(d.querySelectorAll("article.card"), showable);
    if (!cards.length) { return; }
    var current = d.activeElement && d.activeElement.closest && d.activeElement.closest("article.card");
    var at = cards.indexOf(current);
    var next = cards[Math.min(cards.length - 1, Math.max(0, at < 0 ? 0 : at + step))];
    next.querySelector("summary").focus({preventScroll: true});
    next.scrollIntoView({block: "nearest"});
  }
  function onKey(event) {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) { return; }
    var target = event.target;
    if (target.matches && target.matches("input, select, textarea, [contenteditable]")) { return; }
    if (d.getElementById("shortcuts").open) { return; }
    if (event.key === "c") { set(!on, true); event.preventDefault(); }
    else if (event.key === "0") { set(false, true); }
    else if (on && (event.key === "j" || event.key === "k")) {
      move(event.key === "j" ? 1 : -1);
      event.preventDefault();
    }
  }

  function start() {
    toggle = d.getElementById("since-filter");
    shown = d.getElementById("shown");
    noMatch = d.getElementById("no-match");
    showing = JSON.parse(d.getElementById("report-data").textContent).messages.showing;
    var parts = showing.split(/\{shown\}|\{total\}/).map(function (part) {
      return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    });
    pattern = new RegExp("^" + parts.join("\\d+") + "$");
    toggle.addEventListener("change", function () { set(toggle.checked, true); });
    d.addEventListener("keydown", onKey, true);
    d.addEventListener("click", function (event) {
      var el = event.target.closest ? event.target.closest("[data-action='clear'], a[href^='#']") : null;
      if (!el) { return; }
      if (el.matches("[data-action='clear']")) { set(false, true); }
      else if (el.getAttribute("href") === location.hash) { revealHash(); }
    });
    window.addEventListener("hashchange", revealHash);
    /* report.js rewrites the count after every filter change: count again after it. */
    new MutationObserver(recount).observe(shown, {childList: true, characterData: true, subtree: true});
    set(new URLSearchParams(location.search).get("since") === "1", false);
    if (location.hash) { revealHash(); }
  }

  if (d.readyState === "loading") { d.addEventListener("DOMContentLoaded", start); } else { start(); }
}());

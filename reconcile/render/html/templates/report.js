/* The consistency report's script: filters, search, lazy bodies, links, sorting, shortcuts.
   Plain JavaScript, no request of any kind. Every group is already in the HTML: this script only
   hides, shows and opens. Filter and search state lives in the query string (?status=&q=,
   quote=misquoted for the groups with a misquote), so
   that the fragment stays free for links to groups, claims and quotes. */
(function () {
  "use strict";
  var d = document;
  var root = d.documentElement;
  /* "loading" keeps off-screen cards out of rendering until the page is parsed (see the CSS);
     init() removes it whatever happens. */
  root.classList.add("js", "loading");

  /* SPEC section 4's fold, for the query only: the page carries each group's text folded by
     reconcile.normalise on the server. */
  var REMOVED = /[\u0640\u200b-\u200f\u2060\ufeff\u061c\u202a-\u202e\u2066-\u2069"\u201c\u201d\u201e\u00ab\u00bb'\u2018\u2019\u2039\u203a]/g;
  var MARKS = /[\p{Mn}\p{Me}]/gu;
  var REPLACED = /[\u0671\u0649\u0629\u060c\u061b\u061f\u2010-\u2015\u2212\u0660-\u0669\u06f0-\u06f9\u00df\u03c2]/g;
  var TABLE = {"\u0671": "\u0627", "\u0649": "\u064a", "\u0629": "\u0647", "\u060c": ",",
    "\u061b": ";", "\u061f": "?", "\u00df": "ss", "\u03c2": "\u03c3"};
  function replace(c) {
    if (TABLE[c]) { return TABLE[c]; }
    var code = c.charCodeAt(0);
    if (code >= 0x660 && code <= 0x669) { return String(code - 0x660); }
    if (code >= 0x6f0 && code <= 0x6f9) { return String(code - 0x6f0); }
    return "-";
  }
  function fold(text) {
    return text.normalize("NFKC").normalize("NFKD").replace(MARKS, "").replace(REMOVED, "")
      .toLowerCase().replace(REPLACED, replace).replace(/\s+/g, " ").trim();
  }

  var data = null, index = null, cards = [], sections = [], filters = [];
  var state = {status: [], topic: "", source: "", q: "", misquoted: false};
  var search, topicSelect, sourceSelect, misquotedBox, shown, noMatch;

  function message(key, fields) {
    return data.messages[key].replace(/\{(\w+)\}/g, function (_, name) { return fields[name]; });
  }

  /* Bodies written inside <noscript class="lazy"> become DOM when first needed. */
  function materialize(container) {
    var pending = container.querySelectorAll("noscript.lazy");
    for (var i = 0; i < pending.length; i++) {
      var template = d.createElement("template");
      template.innerHTML = pending[i].textContent;
      pending[i].replaceWith(template.content);
    }
  }
  function openDetails(details) {
    if (!details.open) { details.open = true; }
    materialize(details);
  }

  function readState() {
    var params = new URLSearchParams(location.search);
    var known = data.statuses;
    state.status = (params.get("status") || "").split(",").filter(function (s) {
      return known.indexOf(s) >= 0;
    });
    state.topic = params.get("topic") || "";
    state.source = params.get("source") || "";
    state.q = params.get("q") || "";
    state.misquoted = params.get("quote") === "misquoted";
  }
  function writeState() {
    var params = new URLSearchParams();
    if (state.status.length) { params.set("status", state.status.join(",")); }
    if (state.topic) { params.set("topic", state.topic); }
    if (state.source) { params.set("source", state.source); }
    if (state.q) { params.set("q", state.q); }
    if (state.misquoted) { params.set("quote", "misquoted"); }
    var query = params.toString();
    try {
      history.replaceState(history.state, "", location.pathname + (query ? "?" + query : "") +
        location.hash);
    } catch (e) { /* some viewers forbid it: the view still works, only the URL is unchanged */ }
  }
  function searchIndex() {
    if (!index) {
      index = Object.create(null);
      var rows = JSON.parse(d.getElementById("report-search").textContent);
      for (var i = 0; i < rows.length; i++) { index[rows[i][0]] = rows[i][1]; }
    }
    return index;
  }

  function apply(write) {
    var terms = fold(state.q).split(" ").filter(Boolean);
    var texts = terms.length ? searchIndex() : null;
    var count = 0, perSection = Object.create(null);
    for (var i = 0; i < cards.length; i++) {
      var card = cards[i];
      var ok = (!state.status.length || state.status.indexOf(card.status) >= 0) &&
        (!state.topic || card.topic === state.topic) &&
        (!state.source || card.sources.indexOf(" " + state.source + " ") >= 0) &&
        (!state.misquoted || card.misquoted);
      if (ok && texts) {
        var text = texts[card.el.id] || "";
        for (var j = 0; j < terms.length && ok; j++) { ok = text.indexOf(terms[j]) >= 0; }
      }
      if (card.el.hidden === ok) { card.el.hidden = !ok; }
      if (ok) { count++; perSection[card.status] = (perSection[card.status] || 0) + 1; }
    }
    for (var k = 0; k < sections.length; k++) {
      var hide = !perSection[sections[k].getAttribute("data-status")];
      if (sections[k].hidden !== hide) { sections[k].hidden = hide; }
    }
    for (var f = 0; f < filters.length; f++) {
      var pressed = state.status.indexOf(filters[f].getAttribute("data-status")) >= 0;
      filters[f].setAttribute("aria-pressed", pressed ? "true" : "false");
    }
    if (search.value !== state.q) { search.value = state.q; }
    topicSelect.value = state.topic;
    sourceSelect.value = state.source;
    misquotedBox.checked = state.misquoted;
    shown.textContent = message("showing", {shown: count, total: cards.length});
    noMatch.hidden = count > 0;
    if (write) { writeState(); }
  }

  function toggleStatus(status) {
    var at = state.status.indexOf(status);
    if (at >= 0) { state.status.splice(at, 1); } else { state.status.push(status); }
    apply(true);
  }
  function clearFilters() {
    state = {status: [], topic: "", source: "", q: "", misquoted: false};
    apply(true);
  }

  /* Links: open what holds the target (a closed group, a lazy body, a filtered-out card). */
  function reveal(id) {
    if (!id) { return; }
    var target = d.getElementById(id);
    if (!target) {
      var needle = "id=\"" + id + "\"";
      var pending = d.querySelectorAll("noscript.lazy");
      for (var i = 0; i < pending.length; i++) {
        if (pending[i].textContent.indexOf(needle) >= 0) {
          var holder = pending[i].closest("details") || pending[i].parentNode;
          if (holder.tagName === "DETAILS") { openDetails(holder); } else { materialize(holder); }
          break;
        }
      }
      target = d.getElementById(id);
    }
    if (!target) { return; }
    var card = target.closest("article.card");
    if (card && card.hidden) {
      clearFilters();
      shown.textContent = data.messages.filters_cleared;
    }
    for (var node = target.parentElement; node; node = node.parentElement) {
      if (node.tagName === "DETAILS") { openDetails(node); }
    }
    if (target.tagName === "DETAILS") { openDetails(target); }
    var old = d.querySelectorAll(".flash");
    for (var k = 0; k < old.length; k++) { old[k].classList.remove("flash"); }
    target.classList.add("flash");
    if (!target.hasAttribute("tabindex") && !target.matches("a, button, input, select, summary")) {
      target.setAttribute("tabindex", "-1");
    }
    target.focus({preventScroll: true});
    target.scrollIntoView({block: target.tagName === "MARK" ? "center" : "start"});
  }
  function hashTarget() {
    try { return decodeURIComponent(location.hash.slice(1)); } catch (e) { return ""; }
  }

  /* Sortable tables: the header buttons sort by data-sort (or the text), and say so. */
  function sortBy(th) {
    var table = th.closest("table");
    var body = table.tBodies[0];
    var column = Array.prototype.indexOf.call(th.parentNode.children, th);
    var numeric = th.getAttribute("data-sort-type") === "num";
    var descending = th.getAttribute("aria-sort") === "ascending";
    var rows = Array.prototype.slice.call(body.rows);
    function key(row) {
      var cell = row.children[column];
      var raw = cell ? (cell.getAttribute("data-sort") || cell.textContent.trim()) : "";
      return numeric ? (raw === "" ? -Infinity : Number(raw)) : raw.toLocaleLowerCase();
    }
    rows.sort(function (a, b) {
      var x = key(a), y = key(b);
      var order = numeric ? x - y : (x < y ? -1 : x > y ? 1 : 0);
      return descending ? -order : order;
    });
    for (var i = 0; i < rows.length; i++) { body.appendChild(rows[i]); }
    var heads = th.parentNode.children;
    for (var j = 0; j < heads.length; j++) { heads[j].removeAttribute("aria-sort"); }
    th.setAttribute("aria-sort", descending ? "descending" : "ascending");
  }
  function makeSortable(table) {
    var heads = table.querySelectorAll("thead th[data-sort-type]");
    for (var i = 0; i < heads.length; i++) {
      var button = d.createElement("button");
      button.type = "button";
      while (heads[i].firstChild) { button.appendChild(heads[i].firstChild); }
      button.setAttribute("aria-label", message("sort_by", {column: button.textContent.trim()}));
      heads[i].appendChild(button);
    }
  }

  /* Keyboard. */
  function visibleCards() {
    return cards.filter(function (card) { return !card.el.hidden; });
  }
  function currentCard() {
    var active = d.activeElement && d.activeElement.closest && d.activeElement.closest("article.card");
    return active || null;
  }
  function move(step) {
    var list = visibleCards();
    if (!list.length) { return; }
    var current = currentCard(), at = -1;
    for (var i = 0; i < list.length; i++) { if (list[i].el === current) { at = i; } }
    var next = list[Math.min(list.length - 1, Math.max(0, at < 0 ? 0 : at + step))];
    var summary = next.el.querySelector("summary");
    summary.focus({preventScroll: true});
    next.el.scrollIntoView({block: "nearest"});
  }
  /* Opening builds each body: past a few hundred groups that would freeze the page, so the
     rest wait for narrower filters. */
  var EXPAND_LIMIT = 300;
  function setAll(open) {
    var list = visibleCards();
    for (var i = 0; i < list.length; i++) {
      var details = list[i].el.querySelector("details");
      if (!open) { details.open = false; } else if (i < EXPAND_LIMIT) { openDetails(details); }
    }
    if (open && list.length > EXPAND_LIMIT) {
      shown.textContent = message("expanded_some", {count: EXPAND_LIMIT});
    }
  }
  function showHelp() {
    var dialog = d.getElementById("shortcuts");
    if (!dialog.open) { dialog.showModal(); }
  }
  function onKey(event) {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) { return; }
    var target = event.target;
    if (target.matches && target.matches("input, select, textarea, [contenteditable]")) {
      if (event.key === "Escape" && target === search && search.value) {
        state.q = "";
        apply(true);
        event.preventDefault();
      }
      return;
    }
    if (d.getElementById("shortcuts").open) { return; }
    var key = event.key;
    if (key === "?") { showHelp(); }
    else if (key === "/") { search.focus(); search.select(); }
    else if (key === "j") { move(1); }
    else if (key === "k") { move(-1); }
    else if (key === "o") {
      var card = currentCard();
      if (!card) { return; }
      var details = card.querySelector("details");
      if (details.open) { details.open = false; } else { openDetails(details); }
    }
    else if (key === "+" || key === "=") { setAll(true); }
    else if (key === "-") { setAll(false); }
    else if (key === "0") { clearFilters(); }
    else if (/^[1-9]$/.test(key) && data.statuses[Number(key) - 1]) {
      toggleStatus(data.statuses[Number(key) - 1]);
    }
    else { return; }
    event.preventDefault();
  }

  function onClick(event) {
    var el = event.target.closest ? event.target.closest("[data-status], [data-action], a, th button") : null;
    if (!el) { return; }
    if (el.matches("th button")) { sortBy(el.closest("th")); return; }
    if (el.matches("a.status-filter")) {
      event.preventDefault();
      toggleStatus(el.getAttribute("data-status"));
      return;
    }
    var action = el.getAttribute("data-action");
    if (action === "clear") { clearFilters(); }
    else if (action === "misquoted") {
      event.preventDefault();
      state.misquoted = !state.misquoted;
      apply(true);
    }
    else if (action === "expand") { setAll(true); }
    else if (action === "collapse") { setAll(false); }
    else if (action === "help") { showHelp(); }
    else if (action === "close-help") { d.getElementById("shortcuts").close(); }
    else if (el.tagName === "A") {
      var href = el.getAttribute("href") || "";
      if (href.charAt(0) === "#" && href === location.hash) { reveal(hashTarget()); }
    }
  }

  /* Printing: conflicts print expanded; whatever the reader had closed is closed again after. */
  var reopened = [];
  function beforePrint() {
    var conflicts = d.querySelectorAll("article.s-conflict > details");
    for (var i = 0; i < conflicts.length; i++) {
      if (!conflicts[i].open) { reopened.push(conflicts[i]); }
      openDetails(conflicts[i]);
    }
    var open = d.querySelectorAll("article.card > details[open]");
    for (var j = 0; j < open.length; j++) { materialize(open[j]); }
  }
  function afterPrint() {
    while (reopened.length) { reopened.pop().open = false; }
  }

  function init() {
    try { start(); } finally { root.classList.remove("loading"); }
    root.setAttribute("data-ready", "true");
    if (performance.mark) { performance.mark("reconcile-ready"); }
  }

  function start() {
    data = JSON.parse(d.getElementById("report-data").textContent);
    search = d.getElementById("q");
    topicSelect = d.getElementById("topic");
    sourceSelect = d.getElementById("source");
    misquotedBox = d.getElementById("misquoted");
    shown = d.getElementById("shown");
    noMatch = d.getElementById("no-match");
    var elements = d.querySelectorAll("article.card");
    for (var i = 0; i < elements.length; i++) {
      var el = elements[i];
      cards.push({el: el, status: el.getAttribute("data-status"), topic: el.getAttribute("data-topic"),
        sources: " " + el.getAttribute("data-sources") + " ",
        misquoted: el.hasAttribute("data-misquoted")});
    }
    var secs = d.querySelectorAll("section.status-section");
    for (var s = 0; s < secs.length; s++) {
      secs[s].setAttribute("data-status", secs[s].id.slice(2));
      sections.push(secs[s]);
    }
    filters = Array.prototype.slice.call(d.querySelectorAll("a.status-filter"));
    filters.forEach(function (link) {
      link.setAttribute("role", "button");
      link.setAttribute("aria-keyshortcuts", link.getAttribute("data-key"));
      link.addEventListener("keydown", function (event) {
        if (event.key === " ") { event.preventDefault(); toggleStatus(link.getAttribute("data-status")); }
      });
    });
    var tables = d.querySelectorAll("table.sortable");
    for (var t = 0; t < tables.length; t++) { makeSortable(tables[t]); }

    var timer = 0;
    search.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { state.q = search.value; apply(true); },
        cards.length > 2000 ? 200 : 60);
    });
    topicSelect.addEventListener("change", function () { state.topic = topicSelect.value; apply(true); });
    sourceSelect.addEventListener("change", function () { state.source = sourceSelect.value; apply(true); });
    misquotedBox.addEventListener("change", function () { state.misquoted = misquotedBox.checked; apply(true); });
    /* Open groups whose body is still lazy are built as they come near the screen. */
    var pendingOpen = d.querySelectorAll("article.card > details[open] > .body > noscript.lazy");
    if (pendingOpen.length && "IntersectionObserver" in window) {
      var observer = new IntersectionObserver(function (entries) {
        entries.forEach(function (entry) {
          if (entry.isIntersecting) { observer.unobserve(entry.target); materialize(entry.target); }
        });
      }, {rootMargin: "1500px 0px"});
      for (var p = 0; p < pendingOpen.length; p++) { observer.observe(pendingOpen[p].closest("article")); }
    } else {
      for (var q = 0; q < pendingOpen.length; q++) { materialize(pendingOpen[q].parentNode); }
    }
    d.addEventListener("toggle", function (event) {
      if (event.target.tagName === "DETAILS" && event.target.open) { materialize(event.target); }
    }, true);
    window.addEventListener("hashchange", function () { reveal(hashTarget()); });
    window.addEventListener("beforeprint", beforePrint);
    window.addEventListener("afterprint", afterPrint);
    d.addEventListener("keydown", onKey);
    d.addEventListener("click", onClick);

    var typed = search.value;  /* typed while a large page was still loading */
    readState();
    if (typed && !state.q) { state.q = typed; }
    apply(Boolean(typed));
    if (location.hash) { reveal(hashTarget()); }
  }

  /* The search fold, for tests that check it against reconcile.normalise. */
  window.reconcileReport = {fold: fold};

  if (d.readyState === "loading") { d.addEventListener("DOMContentLoaded", init); } else { init(); }
}());

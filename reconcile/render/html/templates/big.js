/* The script of a large report (above view.DATA_CLAIMS claims). The groups, their claims and
   the sources' texts are data (#report-groups, written by bigpage.py); this script builds only
   the cards on screen, a chunk at a time, and the texts of the sources opened. Filters, search,
   links, shortcuts and print work as in report.js; the state lives in the query string
   (?status=&topic=&source=&q=&quote=misquoted&since=1). Every text is set with textContent:
   nothing a project holds is parsed as HTML. No request of any kind. */
(function () {
  "use strict";
  var d = document;
  var root = d.documentElement;
  root.classList.add("js");

  /* SPEC section 4's fold for the query, as report.js folds it. */
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

  /* How many cards are built at first and at each step; how many a print or Expand all builds. */
  var FIRST = 40, STEP = 100, EXPAND_LIMIT = 300, PRINT_LIMIT = 1000;
  /* Positions in a claim's array (bigpage.CLAIM_FIELDS). */
  var C_ANCHOR = 0, C_SOURCE = 1, C_VALUE = 2, C_QKIND = 3, C_TARGET = 4, C_PLACE = 5,
    C_QUOTE = 6, C_WRITTEN = 7, C_SUBJECT = 8, C_AS_OF = 9, C_NOTE = 10, C_FOUND = 11,
    C_VERDICT = 12, C_CONTRADICTED = 13, C_DIFF = 14;
  function claimAnchor(c) {
    return c[C_ANCHOR] || "c--" + all.sources[c[C_SOURCE]] + "--" + c[C_PLACE][1] + "-" + c[C_PLACE][2];
  }

  var data, all, groups, chunks = [], texts = [], searchIndex = null, order = [], lo = 0, hi = 0, built = Object.create(null);
  var byAnchor = Object.create(null), containers = Object.create(null);
  var state = {status: [], topic: "", source: "", q: "", misquoted: false, since: false};
  var search, topicSelect, sourceSelect, misquotedBox, sinceBox, shown, noMatch, more, earlier;

  function message(key, fields) {
    return data.messages[key].replace(/\{(\w+)\}/g, function (_, name) { return fields[name]; });
  }
  function el(tag, cls, text) {
    var node = d.createElement(tag);
    if (cls) { node.className = cls; }
    if (text !== undefined && text !== null) { node.textContent = text; }
    return node;
  }
  function add(parent) {
    for (var i = 1; i < arguments.length; i++) {
      var child = arguments[i];
      if (child === null || child === undefined) { continue; }
      parent.appendChild(typeof child === "string" ? d.createTextNode(child) : child);
    }
    return parent;
  }
  function icon(name) { return el("i", "i i-" + name); }
  function badge(status, word) {
    return add(el("span", "badge b-" + status), icon(status), el("span", null, word));
  }
  function link(href, cls, text) {
    var a = el("a", cls, text);
    a.setAttribute("href", href);
    return a;
  }

  /* Cards ------------------------------------------------------------------------------ */
  function valueNode(v, struck) {
    if (typeof v === "string") { v = [v, [], null, null, false]; }
    var node;
    if (v[1].length) {
      node = el("span", "chips");
      v[1].forEach(function (item) { node.appendChild(el("bdi", "chip", item)); });
      if (v[4]) { node.appendChild(el("span", "chip more", "…")); }
    } else {
      node = el("bdi", "val", v[0]);
    }
    var out = d.createDocumentFragment();
    add(out, struck ? add(el("del"), node) : node);
    if (v[2]) {
      var tag = el("span", "tag", v[2]);
      if (v[3]) { add(tag, " · ", el("code", null, v[3])); }
      add(out, " ", tag);
    }
    if (v[4]) { add(out, " ", el("span", "tag", data.messages.partial_list)); }
    return out;
  }
  /* The page starts when its index and first groups are parsed (the "reconcile-index" event),
     before the rest of the file is: what is not there yet waits for DOMContentLoaded. */
  var parsed = false, waiting = [];
  function whenParsed(fn) { if (parsed) { fn(); } else { waiting.push(fn); } }
  function onParsed() {
    parsed = true;
    while (waiting.length) { waiting.shift()(); }
  }
  function available(index) {
    return parsed || Boolean(chunks[Math.floor(index / all.chunk)]) ||
      Boolean(d.getElementById("report-chunk-" + Math.floor(index / all.chunk)));
  }
  function textEntry(index) {
    if (!texts[index]) { texts[index] = JSON.parse(d.getElementById("report-text-" + index).textContent); }
    return texts[index];
  }
  function sourceText(index) { return textEntry(index)[0]; }
  function detail(index) {
    var at = Math.floor(index / all.chunk);
    if (!chunks[at]) { chunks[at] = JSON.parse(d.getElementById("report-chunk-" + at).textContent); }
    return chunks[at][index % all.chunk];
  }
  function searchTexts() {
    if (!searchIndex) { searchIndex = JSON.parse(d.getElementById("report-search").textContent); }
    return searchIndex;
  }
  function quoteId(source, target) {
    var at = target.length > 2 ? 2 : 0;
    return "q--" + all.sources[source] + "--" + target[at] + "-" + target[at + 1];
  }
  function labelled(cls, label, text) {
    return add(el("div", cls), el("span", "muted", label + ":"), " ", el("bdi", null, text));
  }
  function claimRow(c, x) {
    var tr = el("tr", "claim" + (c[C_VERDICT] ? " v-" + c[C_VERDICT] : "") +
      (c[C_CONTRADICTED] ? " contradicted" : ""));
    tr.id = claimAnchor(c);
    var source = all.sources[c[C_SOURCE]] || "";
    var th = add(el("th"), link("#src--" + source, "src", source));
    th.setAttribute("scope", "row");
    if (c[C_AS_OF]) { th.appendChild(el("span", "when", message("as_of", {when: c[C_AS_OF]}))); }
    if (c[C_VERDICT]) {
      add(th, add(el("span", "verdict vd-" + c[C_VERDICT]), icon(c[C_VERDICT]),
        data.messages["verdict_" + c[C_VERDICT]]));
    }
    if (c[C_CONTRADICTED] && !c[C_VERDICT]) {
      var flag = add(el("span", "flag"), icon("conflict"), data.messages.contradicted);
      flag.title = data.messages.contradicted_title;
      th.appendChild(flag);
    }
    var value = add(el("td", "value"), valueNode(c[C_VALUE], c[C_VERDICT] === "rejected"));
    if (c[C_WRITTEN]) { value.appendChild(labelled("written", data.messages.as_written, c[C_WRITTEN])); }
    var subject = c[C_SUBJECT] || x.sw;
    if (subject) { value.appendChild(labelled("written", data.messages.subject_as_written, subject)); }
    if (c[C_NOTE]) { value.appendChild(labelled("note", data.messages.note, c[C_NOTE])); }
    var lang = all.langs[c[C_SOURCE]] || [null, "auto"];
    var quote = el("td", "quote");
    var text = c[C_QUOTE], later = false;  /* absent or null: the source's own words */
    if ((text === undefined || text === null) && c[C_TARGET]) {
      later = !texts[c[C_SOURCE]] && !d.getElementById("report-text-" + c[C_SOURCE]);
      text = later ? "" : sourceText(c[C_SOURCE]).slice(c[C_TARGET][0], c[C_TARGET][1]);
    }
    if (text || later) {
      var block = el("blockquote", null, text);
      if (later) {
        whenParsed(function () {
          block.textContent = sourceText(c[C_SOURCE]).slice(c[C_TARGET][0], c[C_TARGET][1]);
        });
      }
      if (lang[0]) { block.setAttribute("lang", lang[0]); }
      block.setAttribute("dir", lang[1]);
      quote.appendChild(block);
    }
    var kind = all.quote_kinds[c[C_QKIND]];
    var qline = add(el("div", "qline"), add(el("span", "qs qs-" + kind[0]), icon("q-" + kind[0]),
      kind[1]));
    if (c[C_TARGET]) {
      add(qline, " ", link("#" + quoteId(c[C_SOURCE], c[C_TARGET]), "goto", data.messages.show_in_source));
    }
    add(quote, qline, el("div", "place", message("claim_file",
      {file: all.files[c[C_PLACE][0]], line: c[C_PLACE][1]})));
    if (c[C_FOUND]) {
      var found = el("q", null, c[C_FOUND]);
      if (lang[0]) { found.setAttribute("lang", lang[0]); }
      found.setAttribute("dir", lang[1]);
      add(quote, add(el("div", "found"), el("span", "muted", data.messages.source_says), " ", found));
    }
    if (c[C_DIFF] && c[C_DIFF].length) {
      var diff = el("bdi", "diff");
      diff.setAttribute("dir", "auto");
      c[C_DIFF].forEach(function (run, i) {
        if (i) { diff.appendChild(d.createTextNode(" ")); }
        if (run[0] === "equal") { diff.appendChild(d.createTextNode(run[1])); return; }
        var del = run[0] === "del";
        var mark = add(el(del ? "del" : "ins"), el("span", "mk", del ? "[-" : "{+"), run[1],
          el("span", "mk", del ? "-]" : "+}"));
        mark.title = data.messages[del ? "diff_deleted" : "diff_inserted"];
        diff.appendChild(mark);
      });
      add(quote, add(el("div", "qdiff"), el("span", "muted", data.messages.quote_diff), " ", diff));
    }
    return add(tr, th, value, quote);
  }
  function resolutionNode(r) {
    var box = el("section", "resolution");
    box.setAttribute("aria-label", data.messages.resolution);
    var h = add(el("h4"), icon("resolved"), data.messages.resolution);
    if (r[1]) { add(h, " ", el("span", "muted", message("resolution_as_of", {when: r[1]}))); }
    var dl = add(el("dl"), el("dt", null, data.messages.accepted_value), add(el("dd"), valueNode(r[0])),
      el("dt", null, data.messages.reason), add(el("dd"), el("bdi", null, r[2])));
    if (r[3]) {
      var ref = r[4] ? link(r[3], null, r[3]) : el("bdi", null, r[3]);
      if (r[4]) { ref.rel = "noreferrer noopener external"; }
      add(dl, el("dt", null, data.messages.reference), add(el("dd"), ref));
    }
    var who = el("p", "muted");
    if (r[5]) { add(who, message("decided_by", {by: r[5]}) + " "); }
    if (r[6]) { add(who, message("decided_on", {when: r[6]}) + " "); }
    add(who, "· ", el("span", "place", r[7]));
    if (r[8]) { add(who, " · ", el("strong", null, r[8])); }
    return add(box, h, dl, who);
  }
  function matrixNode(g, x) {
    var id = g[0] + "-m";
    var frag = d.createDocumentFragment();
    var h = el("h4", "sub", data.messages.matrix);
    h.id = id;
    var table = el("table", "matrix sortable");
    table.setAttribute("aria-labelledby", id);
    var head = add(el("tr"), el("th", null, data.messages.matrix_entity));
    x.m[0].forEach(function (col) {
      var th = add(el("th"), link("#" + col[1], null, col[0]));
      if (col[2]) { th.appendChild(el("span", "when", col[2])); }
      head.appendChild(th);
    });
    Array.prototype.forEach.call(head.children, function (th) {
      th.setAttribute("scope", "col");
      th.setAttribute("data-sort-type", "text");
    });
    var body = el("tbody");
    x.m[1].forEach(function (row) {
      var tr = el("tr", row[1] ? "disputed" : null);
      var th = add(el("th"), el("bdi", null, row[0]));
      th.setAttribute("scope", "row");
      th.setAttribute("data-sort", (row[1] ? "0 " : "1 ") + row[0]);
      if (row[1]) { add(th, " ", add(el("span", "flag"), icon("conflict"), data.messages.disputed)); }
      tr.appendChild(th);
      row[2].forEach(function (cell) {
        tr.appendChild(add(el("td", "m-" + cell), icon(cell), el("span", null, all.cell_texts[cell])));
      });
      body.appendChild(tr);
    });
    add(table, add(el("thead"), head), body);
    makeSortable(table);
    return add(frag, h, el("p", "subnote", data.messages.matrix_note), add(el("div", "scroll"), table));
  }
  function sinceNote(g) {
    var mark = data.since && data.since[g[0]];
    if (!mark) { return null; }
    var box = el("section", "since-box");
    box.setAttribute("aria-label", data.messages.since_box);
    add(box, add(el("h4"), icon("since"), data.messages.since_box));
    if (mark[0] === "new") { box.appendChild(el("p", null, data.messages.since_new_group)); }
    else if (mark[2]) {
      add(box, add(el("p", "since-status"), data.messages.since_was + " ", badge(mark[2], mark[3]), " ",
        el("span", "sep", mark[4]), " " + data.messages.since_now + " ", badge(g[1], data.status_words[g[1]])));
    }
    return box;
  }
  function bodyOf(index) {
    var g = groups[index], x = detail(index);
    var body = d.createDocumentFragment();
    add(body, sinceNote(g));
    (x.r || []).forEach(function (r) { body.appendChild(resolutionNode(r)); });
    if (x.m) { body.appendChild(matrixNode(g, x)); }
    if (x.p) {
      var list = el("ul");
      x.p.forEach(function (p) {
        var bdi = el("bdi", null, p);
        bdi.setAttribute("dir", "auto");
        list.appendChild(add(el("li"), bdi));
      });
      body.appendChild(add(el("div", "pairs"), el("span", "muted", data.messages.contradicting_pairs), list));
    }
    var table = add(el("table", "claims"), el("caption", "sr-only", data.messages.group_claims));
    var head = add(el("tr"), el("th", null, data.messages.col_source), el("th", null, data.messages.col_value),
      el("th", null, data.messages.col_quote));
    Array.prototype.forEach.call(head.children, function (th) { th.setAttribute("scope", "col"); });
    var rows = el("tbody");
    x.c.forEach(function (c) { rows.appendChild(claimRow(c, x)); });
    add(table, add(el("thead"), head), rows);
    return add(body, table);
  }
  function fill(details) {
    var holder = details.querySelector(".body");
    if (holder.hasChildNodes()) { return; }
    holder.appendChild(bodyOf(Number(details.parentNode.getAttribute("data-index"))));
  }
  function openDetails(details) {
    fill(details);
    if (!details.open) { details.open = true; }
  }
  function card(index) {
    var g = groups[index], x = detail(index);
    var article = el("article", "card s-" + g[1]);
    article.id = g[0];
    article.setAttribute("data-index", index);
    article.setAttribute("data-status", g[1]);
    article.setAttribute("aria-labelledby", g[0] + "-h");
    var mark = data.since && data.since[g[0]];
    if (mark) { article.setAttribute("data-since", mark[0]); }
    var h3 = add(el("h3"), el("bdi", null, g[6]));
    h3.id = g[0] + "-h";
    if (index === 0) { h3.setAttribute("elementtiming", "first-group"); }
    var titles = add(el("span", "titles"), el("span", "eyebrow", data.topics[g[2]] || g[2]), h3);
    if (mark) { add(titles, add(el("span", "since-badge sb-" + mark[0]), icon("since"), mark[1])); }
    var count = g[3].length === 1 ? data.messages.one_source : message("n_sources", {count: g[3].length});
    var digest = el("span", "digest");
    x.d.forEach(function (item, i) {
      if (i) { digest.appendChild(el("span", "sep", " " + (x.dj || "·") + " ")); }
      var value = el("bdi", null, item[0]);
      add(digest, add(el("span", "dv"), item[2] ? add(el("del"), value) : value, " ",
        add(el("span", "who"), "(", el("bdi", null, item[1]), ")")));
    });
    if (x.dm) {
      var sep = el("span", "sep", " · ");
      sep.setAttribute("aria-hidden", "true");
      add(digest, sep, el("span", "who", "+" + x.dm));
    }
    var details = add(el("details"), add(el("summary"), badge(g[1], data.status_words[g[1]]), titles,
      el("span", "count", count), digest), el("div", "body"));
    article.appendChild(details);
    if (g[4]) { openDetails(details); }
    return article;
  }

  /* The list: the groups that pass the filters, of which [lo, hi) are built ---------------- */
  function matches(g, terms, sourceIndex) {
    if (state.status.length && state.status.indexOf(g[1]) < 0) { return false; }
    if (state.topic && g[2] !== state.topic) { return false; }
    if (sourceIndex !== -1 && g[3].indexOf(sourceIndex) < 0) { return false; }
    if (state.misquoted && !g[5]) { return false; }
    if (state.since && !(data.since && data.since[g[0]])) { return false; }
    return true;
  }
  /* Per word of the query, the sources, topics and statuses whose folded words hold it: a
     group is matched by those through its index entry, by the rest through its own text. */
  function sharedHits(term) {
    var hits = {sources: [], topics: Object.create(null), statuses: Object.create(null)};
    all.source_search.forEach(function (text, i) { hits.sources[i] = text.indexOf(term) >= 0; });
    for (var topic in all.topic_search) { hits.topics[topic] = all.topic_search[topic].indexOf(term) >= 0; }
    for (var status in all.status_search) { hits.statuses[status] = all.status_search[status].indexOf(term) >= 0; }
    return hits;
  }
  function termIn(g, text, term, hits) {
    if (text.indexOf(term) >= 0 || hits.topics[g[2]] || hits.statuses[g[1]]) { return true; }
    for (var i = 0; i < g[3].length; i++) { if (hits.sources[g[3][i]]) { return true; } }
    return false;
  }
  function filtered() {
    var terms = fold(state.q).split(" ").filter(Boolean);
    var hits = terms.map(sharedHits);
    var sourceIndex = state.source ? all.sources.indexOf(state.source) : -1;
    if (state.source && sourceIndex < 0) { sourceIndex = -2; }
    var result = [];
    for (var i = 0; i < groups.length; i++) {
      if (!matches(groups[i], terms, sourceIndex)) { continue; }
      if (terms.length && parsed) {
        var text = searchTexts()[i], ok = true;
        for (var j = 0; j < terms.length && ok; j++) { ok = termIn(groups[i], text, terms[j], hits[j]); }
        if (!ok) { continue; }
      }
      result.push(i);
    }
    return result;
  }
  function clearBuilt() {
    for (var key in containers) { containers[key].textContent = ""; }
    built = Object.create(null);
  }
  function showSections() {
    for (var key in containers) {
      var section = containers[key].parentNode;
      var hide = !containers[key].firstChild;
      if (section.hidden !== hide) { section.hidden = hide; }
    }
    more.hidden = hi >= order.length;
    if (!more.hidden) { more.textContent = message("more_groups", {count: Math.min(STEP, order.length - hi)}); }
    earlier.hidden = lo <= 0;
    if (!earlier.hidden) { earlier.textContent = message("earlier_groups", {count: Math.min(STEP, lo)}); }
  }
  function buildRange(from, to, before) {
    var firsts = Object.create(null);
    if (before) { for (var key in containers) { firsts[key] = containers[key].firstChild; } }
    for (var i = from; i < to; i++) {
      var index = order[i];
      if (!available(index)) { return i; }
      var node = card(index);
      built[index] = node;
      var box = containers[groups[index][1]];
      if (before) { box.insertBefore(node, firsts[groups[index][1]]); } else { box.appendChild(node); }
    }
    return to;
  }
  function window_(from, count) {
    clearBuilt();
    lo = Math.max(0, Math.min(from, order.length));
    var want = Math.min(order.length, lo + count);
    hi = buildRange(lo, want, false);
    if (hi < want) { whenParsed(function () { extend(want - hi); }); }
    showSections();
  }
  function extend(count) {
    var to = Math.min(order.length, hi + count);
    hi = buildRange(hi, to, false);
    showSections();
  }
  function extendBack() {
    var from = Math.max(0, lo - STEP);
    buildRange(from, lo, true);
    lo = from;
    showSections();
  }

  function readState() {
    var params = new URLSearchParams(location.search);
    state.status = (params.get("status") || "").split(",").filter(function (s) {
      return data.statuses.indexOf(s) >= 0;
    });
    state.topic = params.get("topic") || "";
    state.source = params.get("source") || "";
    state.q = params.get("q") || "";
    state.misquoted = params.get("quote") === "misquoted";
    state.since = Boolean(data.since) && params.get("since") === "1";
  }
  function writeState() {
    var params = new URLSearchParams();
    if (state.status.length) { params.set("status", state.status.join(",")); }
    if (state.topic) { params.set("topic", state.topic); }
    if (state.source) { params.set("source", state.source); }
    if (state.q) { params.set("q", state.q); }
    if (state.misquoted) { params.set("quote", "misquoted"); }
    if (state.since) { params.set("since", "1"); }
    var query = params.toString();
    try {
      history.replaceState(history.state, "", location.pathname + (query ? "?" + query : "") +
        location.hash);
    } catch (e) { /* some viewers forbid it: the view still works, only the URL is unchanged */ }
  }
  function apply(write) {
    if (state.q && !parsed) { whenParsed(function () { apply(write); }); }
    order = filtered();
    window_(0, FIRST);
    var filters = d.querySelectorAll("a.status-filter");
    for (var f = 0; f < filters.length; f++) {
      var pressed = state.status.indexOf(filters[f].getAttribute("data-status")) >= 0;
      filters[f].setAttribute("aria-pressed", pressed ? "true" : "false");
    }
    if (search.value !== state.q) { search.value = state.q; }
    topicSelect.value = state.topic;
    sourceSelect.value = state.source;
    misquotedBox.checked = state.misquoted;
    if (sinceBox) { sinceBox.checked = state.since; }
    shown.textContent = message("showing", {shown: order.length, total: groups.length});
    noMatch.hidden = order.length > 0;
    if (write) { writeState(); }
  }
  function toggleStatus(status) {
    var at = state.status.indexOf(status);
    if (at >= 0) { state.status.splice(at, 1); } else { state.status.push(status); }
    apply(true);
  }
  function clearFilters() {
    state = {status: [], topic: "", source: "", q: "", misquoted: false, since: false};
    apply(true);
  }

  /* Sources' texts, quoted passages marked, built when first opened ------------------------ */
  function buildText(section) {
    var box = section.querySelector(".fulltext");
    if (box.hasChildNodes()) { return; }
    if (!parsed) { whenParsed(function () { buildText(section); }); return; }
    var entry = textEntry(Number(section.getAttribute("data-source")));
    var text = entry[0], marks = entry[1], source = all.sources[Number(section.getAttribute("data-source"))];
    var ends = Object.create(null), starts = Object.create(null), cuts = [0, text.length], depth = Object.create(null);
    var seen = Object.create(null);
    marks.forEach(function (m) {
      var key = m[0] + "-" + m[1];
      var claim = typeof m[2] === "string" ? m[2] : "c--" + source + "--" + m[2][0] + "-" + m[2][1];
      (ends[m[1]] = ends[m[1]] || []);
      if (!ends[m[1]].some(function (b) { return b[0] === claim; })) {
        var title = typeof m[3] === "number" ? groups[m[3]][6] : m[3];
        ends[m[1]].push([claim, message("back_to_claim", {title: title})]);
      }
      if (seen[key]) { return; }
      seen[key] = true;
      (starts[m[0]] = starts[m[0]] || []).push(m);
      cuts.push(m[0], m[1]);
      depth[m[0]] = (depth[m[0]] || 0) + 1;
      depth[m[1]] = (depth[m[1]] || 0) - 1;
    });
    cuts = cuts.filter(function (x, i, a) { return a.indexOf(x) === i; }).sort(function (a, b) { return a - b; });
    var level = 0, frag = d.createDocumentFragment();
    for (var i = 0; i + 1 < cuts.length; i++) {
      var low = cuts[i], high = cuts[i + 1];
      level += depth[low] || 0;
      var piece = text.slice(low, high);
      if (level > 0) {
        var opens = (starts[low] || []).slice().sort(function (a, b) { return b[1] - a[1]; });
        var outer = null, inner = null;
        opens.forEach(function (m) {
          var mark = el("mark");
          mark.id = "q--" + source + "--" + (m.length > 4 ? m[4] + "-" + m[5] : m[0] + "-" + m[1]);
          if (inner) { inner.appendChild(mark); } else { outer = mark; }
          inner = mark;
        });
        if (!outer) { outer = inner = el("mark"); }
        inner.appendChild(d.createTextNode(piece));
        frag.appendChild(outer);
      } else if (piece) {
        frag.appendChild(d.createTextNode(piece));
      }
      (ends[high] || []).forEach(function (b) {
        var back = link("#" + b[0], "back");
        back.setAttribute("aria-label", b[1]);
        back.appendChild(icon("back"));
        frag.appendChild(back);
      });
    }
    box.appendChild(frag);
  }

  /* Links ------------------------------------------------------------------------------ */
  /* A claim's group: found in the chunks whose text names it (by its anchor, or the line and
     column it is written at), without parsing the others. */
  function claimGroup(id) {
    var place = /--(\d+)-(\d+)(?:-\d+)?$/.exec(id);
    var needles = [JSON.stringify(id)];
    if (place) { needles.push("," + place[1] + "," + place[2] + "]"); }
    for (var at = 0; at * all.chunk < groups.length; at++) {
      var raw = d.getElementById("report-chunk-" + at).textContent;
      if (!needles.some(function (needle) { return raw.indexOf(needle) >= 0; })) { continue; }
      for (var i = at * all.chunk; i < Math.min(groups.length, (at + 1) * all.chunk); i++) {
        var claims = detail(i).c;
        for (var j = 0; j < claims.length; j++) { if (claimAnchor(claims[j]) === id) { return i; } }
      }
    }
    return undefined;
  }
  function showGroup(index) {
    var at = order.indexOf(index);
    if (at < 0) {
      clearFilters();
      shown.textContent = data.messages.filters_cleared;
      at = order.indexOf(index);
    }
    if (at < lo || at >= hi) { window_(at, FIRST); }
    return built[index];
  }
  function reveal(id) {
    if (!id) { return; }
    if (!parsed) { whenParsed(function () { reveal(id); }); return; }
    var target = d.getElementById(id);
    var index = byAnchor[id];
    if (index === undefined && /^c--/.test(id)) { index = claimGroup(id); }
    if (index !== undefined) {
      var article = showGroup(index);
      if (id !== article.id) { openDetails(article.querySelector("details")); }
      target = d.getElementById(id);
    } else if (!target && /^q--/.test(id)) {
      var sections = d.querySelectorAll("details.source > section[data-source]");
      for (var s = 0; s < sections.length; s++) {
        var name = all.sources[Number(sections[s].getAttribute("data-source"))];
        if (id.indexOf("q--" + name + "--") === 0) { sections[s].parentNode.open = true; buildText(sections[s]); }
      }
      target = d.getElementById(id);
    }
    if (!target) { return; }
    for (var node = target; node; node = node.parentElement) {
      if (node.tagName === "DETAILS") {
        if (node.classList.contains("source")) { node.open = true; buildText(node.querySelector("section")); }
        else { openDetails(node); }
      }
    }
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

  /* Sortable tables, as report.js sorts them. */
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
      var sign = numeric ? x - y : (x < y ? -1 : x > y ? 1 : 0);
      return descending ? -sign : sign;
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

  /* Keyboard ---------------------------------------------------------------------------- */
  function builtCards() { return Array.prototype.slice.call(d.querySelectorAll("article.card")); }
  function currentCard() {
    var active = d.activeElement && d.activeElement.closest && d.activeElement.closest("article.card");
    return active || null;
  }
  function move(step) {
    var list = builtCards();
    if (!list.length) { return; }
    var at = list.indexOf(currentCard());
    if (step > 0 && at >= list.length - 1 && hi < order.length) { extend(STEP); list = builtCards(); }
    var next = list[Math.min(list.length - 1, Math.max(0, at < 0 ? 0 : at + step))];
    next.querySelector("summary").focus({preventScroll: true});
    next.scrollIntoView({block: "nearest"});
  }
  function setAll(open) {
    if (open && hi - lo < EXPAND_LIMIT && hi < order.length) { extend(EXPAND_LIMIT - (hi - lo)); }
    var list = builtCards();
    for (var i = 0; i < list.length; i++) {
      var details = list[i].querySelector("details");
      if (!open) { details.open = false; } else if (i < EXPAND_LIMIT) { openDetails(details); }
    }
    if (open && order.length > EXPAND_LIMIT) {
      shown.textContent = message("expanded_some", {count: EXPAND_LIMIT});
    }
  }
  function showHelp() {
    var dialog = d.getElementById("shortcuts");
    if (!dialog.open) { dialog.showModal(); }
  }
  function setSince(on) { state.since = on && Boolean(data.since); apply(true); }
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
      var current = currentCard();
      if (!current) { return; }
      var details = current.querySelector("details");
      if (details.open) { details.open = false; } else { openDetails(details); }
    }
    else if (key === "+" || key === "=") { setAll(true); }
    else if (key === "-") { setAll(false); }
    else if (key === "0") { clearFilters(); }
    else if (key === "c" && data.since) { setSince(!state.since); }
    else if (/^[1-9]$/.test(key) && data.statuses[Number(key) - 1]) {
      toggleStatus(data.statuses[Number(key) - 1]);
    }
    else { return; }
    event.preventDefault();
  }
  function onClick(event) {
    var el_ = event.target.closest ? event.target.closest("[data-status], [data-action], a, th button") : null;
    if (!el_) { return; }
    if (el_.matches("th button")) { sortBy(el_.closest("th")); return; }
    if (el_.matches("a.status-filter")) {
      event.preventDefault();
      toggleStatus(el_.getAttribute("data-status"));
      return;
    }
    var action = el_.getAttribute("data-action");
    if (action === "clear") { clearFilters(); }
    else if (action === "misquoted") {
      event.preventDefault();
      state.misquoted = !state.misquoted;
      apply(true);
    }
    else if (action === "more") { extend(STEP); }
    else if (action === "earlier") { extendBack(); }
    else if (action === "expand") { setAll(true); }
    else if (action === "collapse") { setAll(false); }
    else if (action === "help") { showHelp(); }
    else if (action === "close-help") { d.getElementById("shortcuts").close(); }
    else if (el_.tagName === "A") {
      var href = el_.getAttribute("href") || "";
      if (href.charAt(0) === "#" && href === location.hash) { reveal(hashTarget()); }
    }
  }

  /* Printing: the groups of the current filter, up to PRINT_LIMIT, conflicts open. */
  var reopened = [], printNote;
  function beforePrint() {
    if (hi - lo < PRINT_LIMIT && hi < order.length) { extend(PRINT_LIMIT - (hi - lo)); }
    var conflicts = d.querySelectorAll("article.s-conflict > details");
    for (var i = 0; i < conflicts.length; i++) {
      if (!conflicts[i].open) { reopened.push(conflicts[i]); }
      openDetails(conflicts[i]);
    }
    var open = d.querySelectorAll("article.card > details[open]");
    for (var j = 0; j < open.length; j++) { fill(open[j]); }
    printNote.hidden = hi - lo >= order.length;
    printNote.textContent = message("print_limited", {count: hi - lo, total: order.length});
  }
  function afterPrint() {
    while (reopened.length) { reopened.pop().open = false; }
    printNote.hidden = true;
  }

  function start() {
    data = JSON.parse(d.getElementById("report-data").textContent);
    all = JSON.parse(d.getElementById("report-index").textContent);
    groups = all.groups;
    for (var i = 0; i < groups.length; i++) { byAnchor[groups[i][0]] = i; }
    search = d.getElementById("q");
    topicSelect = d.getElementById("topic");
    sourceSelect = d.getElementById("source");
    misquotedBox = d.getElementById("misquoted");
    sinceBox = d.getElementById("since-filter");
    shown = d.getElementById("shown");
    noMatch = d.getElementById("no-match");
    printNote = d.getElementById("print-note");
    more = d.querySelector("button[data-action='more']");
    var sections = d.querySelectorAll("section.status-section");
    for (var s = 0; s < sections.length; s++) {
      containers[sections[s].getAttribute("data-status")] = sections[s].querySelector(".cards");
    }
    earlier = el("button", null, "");
    earlier.type = "button";
    earlier.setAttribute("data-action", "earlier");
    earlier.hidden = true;
    var groupsSection = d.getElementById("groups");
    groupsSection.insertBefore(add(el("p", "earlier-cards"), earlier), groupsSection.firstChild);
    var filters = d.querySelectorAll("a.status-filter");
    Array.prototype.forEach.call(filters, function (a) {
      a.setAttribute("role", "button");
      a.setAttribute("aria-keyshortcuts", a.getAttribute("data-key"));
      a.addEventListener("keydown", function (event) {
        if (event.key === " ") { event.preventDefault(); toggleStatus(a.getAttribute("data-status")); }
      });
    });
    var tables = d.querySelectorAll("table.sortable");
    for (var t = 0; t < tables.length; t++) { makeSortable(tables[t]); }
    var timer = 0;
    search.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { state.q = search.value; apply(true); }, 60);
    });
    topicSelect.addEventListener("change", function () { state.topic = topicSelect.value; apply(true); });
    sourceSelect.addEventListener("change", function () { state.source = sourceSelect.value; apply(true); });
    misquotedBox.addEventListener("change", function () { state.misquoted = misquotedBox.checked; apply(true); });
    if (sinceBox) { sinceBox.addEventListener("change", function () { setSince(sinceBox.checked); }); }
    d.addEventListener("toggle", function (event) {
      var target = event.target;
      if (target.tagName !== "DETAILS" || !target.open) { return; }
      if (target.classList.contains("source")) { buildText(target.querySelector("section")); }
      else if (target.parentNode.hasAttribute("data-index")) { fill(target); }
    }, true);
    if ("IntersectionObserver" in window) {
      new IntersectionObserver(function (entries) {
        if (entries[0].isIntersecting && hi < order.length) { extend(STEP); }
      }, {rootMargin: "1200px 0px"}).observe(more);
    }
    window.addEventListener("hashchange", function () { reveal(hashTarget()); });
    window.addEventListener("beforeprint", beforePrint);
    window.addEventListener("afterprint", afterPrint);
    d.addEventListener("keydown", onKey);
    d.addEventListener("click", onClick);
    var typed = search.value;
    readState();
    if (typed && !state.q) { state.q = typed; }
    apply(Boolean(typed));
    if (location.hash) { reveal(hashTarget()); }
  }

  function init() {
    start();
    root.setAttribute("data-ready", "true");
    if (performance.mark) { performance.mark("reconcile-ready"); }
    /* What the first search needs, read while the reader looks at the first screen. */
    whenParsed(function () { setTimeout(searchTexts, 50); });
  }

  window.reconcileReport = {fold: fold};

  var started = false;
  function begin() {
    if (!started) { started = true; init(); }
  }
  if (d.readyState === "loading") {
    d.addEventListener("reconcile-index", begin);
    d.addEventListener("DOMContentLoaded", function () { begin(); onParsed(); });
  } else { begin(); onParsed(); }
}());

/* govkg explorer, across years (govkg.series behind /api/timeline, /api/series, /api/diff):
 *   GovKG.across.timeline(box, name, type)   an entity page's timeline: a strip of the years its
 *                                            issuers have reports (a bar per year, empty where it is
 *                                            not named) and the table of reports naming it
 *   GovKG.across.series(box, doc)            a report page's series: previous, next, the diffs
 *   GovKG.across.diff(box, status, params)   /diff?before=&after=&show=new|dropped|continued
 * Text reaches the page only through textContent (GovKG.el). */
(function () {
  "use strict";
  var el = GovKG.el;

  var getJSON = GovKG.getJSON, query = GovKG.query;

  function link(text, href, id) {
    var a = el("a", "", text);
    a.href = href;
    if (id) a.id = id;
    return a;
  }

  function diffHref(before, after) { return "/diff" + query({ before: before, after: after }); }

  /* entity page: the years strip and the appearances table */
  function timeline(box, name, type) {
    box.replaceChildren(el("p", "gk-muted", "loading the timeline…"));
    return getJSON("/api/timeline" + query({ name: name, type: type })).then(function (t) {
      var seen = t.appearances.length;
      var head = el("h2", "", "年代 timeline (" + seen + " 份报告 report" + (seen === 1 ? "" : "s") + ")");
      if (!seen) { box.replaceChildren(head, el("p", "gk-muted", "no stored report with a year names it")); return t; }
      var summary = el("p", "gk-muted gk-seen");
      if (t.firstSeen) {
        summary.textContent = "首次 first seen " + t.firstSeen.year + " (" + (t.firstSeen.issuer || t.firstSeen.report) +
          ") · 最近 last seen " + t.lastSeen.year + " (" + (t.lastSeen.issuer || t.lastSeen.report) + ")";
      }
      var most = Math.max.apply(null, t.years.map(function (y) { return y.statements; }).concat([1]));
      var strip = el("ol", "gk-years");
      strip.setAttribute("aria-label", "statements naming it per year");
      t.years.forEach(function (y) {
        var item = strip.appendChild(el("li", y.statements ? "gk-year" : "gk-year gk-absent"));
        var first = t.appearances.filter(function (a) { return a.year === y.year; })[0];
        var target = first ? item.appendChild(link("", GovKG.reportHref(first.report, first.sentence))) :
          item.appendChild(el("span"));
        target.title = y.statements ? y.statements + " statement(s) in " + y.reports + " of " + y.stored +
          " report(s) of " + y.year : "not named in the " + y.stored + " report(s) of " + y.year;
        target.appendChild(el("span", "gk-year-count", y.statements || "—"));
        var bar = target.appendChild(el("span", "gk-year-bar"));
        bar.style.height = y.statements ? (6 + 50 * Math.sqrt(y.statements / most)).toFixed(0) + "px" : "2px";
        target.appendChild(el("span", "gk-year-label", y.year));
      });
      var table = el("div", "result");
      box.replaceChildren(head, summary, strip, table);
      GovKG.results(table, {
        name: name + "-timeline", columns: ["year", "report", "issuer", "statements", "entity", "type", "sentence"],
        kinds: ["text", "report", "entity", "count", "entity", "text", "sentence"],
        rows: t.appearances.map(function (a) {
          return [a.year, a.report, a.issuer, a.statements, a.entity, a.type, a.sentence];
        })
      });
      return t;
    }).catch(function (e) { box.replaceChildren(el("p", "gk-muted", e.message)); });
  }

  /* report page: the issuer's series, previous and next, and the diffs with them */
  function series(box, doc) {
    return getJSON("/api/series" + query({ doc: doc })).then(function (s) {
      box.replaceChildren();
      if (!s.series.length) {
        box.appendChild(el("span", "gk-muted", "系列 series: none (the report's issuer or year is unknown)"));
        return s;
      }
      box.appendChild(el("span", "gk-muted", "系列 series (" + s.issuer + (s.kind ? " · " + s.kind : "") + "): "));
      s.series.forEach(function (r, i) {
        if (i) box.appendChild(document.createTextNode(" · "));
        if (r.doc === doc) box.appendChild(el("strong", "", r.year));
        else box.appendChild(link(String(r.year), GovKG.reportHref(r.doc))).title = r.title;
      });
      var moves = box.appendChild(el("span", "gk-moves"));
      if (s.previous) {
        moves.appendChild(link("← 上一份 previous " + s.previous.year, GovKG.reportHref(s.previous.doc), "report-previous"));
        moves.appendChild(link("对比 changes since " + s.previous.year, diffHref(s.previous.doc, doc), "report-diff-previous"));
      }
      if (s.next) {
        moves.appendChild(link("对比 changes in " + s.next.year, diffHref(doc, s.next.doc), "report-diff-next"));
        moves.appendChild(link("下一份 next " + s.next.year + " →", GovKG.reportHref(s.next.doc), "report-next"));
      }
      return s;
    }).catch(function (e) { box.replaceChildren(el("span", "gk-muted", e.message)); });
  }

  /* diff page */
  var STATUSES = [["new", "新增 new"], ["dropped", "不再提及 dropped"], ["continued", "延续 continued"]];

  function diff(box, status, params, onShow) {
    status.textContent = "loading…";
    box.replaceChildren();
    return getJSON("/api/diff" + query({ before: params.get("before"), after: params.get("after") })).then(function (d) {
      status.textContent = "";
      document.title = d.before.year + " → " + d.after.year + " · govkg";
      var head = el("div", "gk-report-head");
      var h1 = head.appendChild(el("h1"));
      h1.appendChild(link(d.before.title || d.before.doc, GovKG.reportHref(d.before.doc)));
      h1.appendChild(document.createTextNode(" → "));
      h1.appendChild(link(d.after.title || d.after.doc, GovKG.reportHref(d.after.doc)));
      var meta = head.appendChild(el("p", "gk-muted"));
      meta.appendChild(document.createTextNode("Undertakings and bodies (initiatives, programmes, organisations) of " +
        d.after.doc + " against " + d.before.doc + ". "));
      var moves = meta.appendChild(el("span", "gk-moves"));
      if (d.earlier) moves.appendChild(link("← " + "earlier pair", diffHref(d.earlier.before, d.earlier.after), "diff-earlier"));
      if (d.later) moves.appendChild(link("later pair →", diffHref(d.later.before, d.later.after), "diff-later"));
      var switcher = head.appendChild(el("div", "gk-switch"));
      switcher.setAttribute("role", "group");
      switcher.setAttribute("aria-label", "which changes");
      var table = el("div", "result");
      table.id = "diff-table";
      var buttons = STATUSES.map(function (s) {
        var b = switcher.appendChild(el("button", "gk-switch-button", s[1] + " (" + d[s[0]].length + ")"));
        b.type = "button";
        b.id = "diff-" + s[0];
        b.addEventListener("click", function () { show(s[0]); });
        return b;
      });
      function show(which) {
        buttons.forEach(function (b, i) { b.setAttribute("aria-pressed", String(STATUSES[i][0] === which)); });
        var shown = GovKG.results(table, {
          name: which + "-" + d.after.doc.replace(/\.\w+$/, "") + "-vs-" + d.before.doc.replace(/\.\w+$/, ""),
          columns: ["name", "type", "statements", "report", "sentence"],
          kinds: ["entity", "text", "count", "report", "sentence"],
          rows: d[which].map(function (c) { return [c.name, c.type, c.statements, c.report, c.sentence]; })
        });
        shown.sort(2);
        shown.sort(2);                         /* the most named first (a stable sort: then type, name) */
        if (onShow) onShow(which);
      }
      box.replaceChildren(head, table);
      show(STATUSES.some(function (s) { return s[0] === params.get("show"); }) ? params.get("show") : "new");
      return d;
    }).catch(function (e) { status.textContent = e.message; });
  }

  GovKG.across = { timeline: timeline, series: series, diff: diff, diffHref: diffHref };
})();

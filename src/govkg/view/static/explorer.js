/* govkg explorer (served by `govkg serve`). Every view has its own URL, so a link reopens it:
 *   /?theme=&report=&entity=&hops=&view=full   the graph (a big one opens on its overview)
 *   /entity?name=&type=                        an entity, its relations and their evidence
 *   /report?doc=&sentence=  (or &at=START)     a report's text, at a sentence
 *   /query/NAME?PARAM=VALUE                    a named query and its answer
 *   /diff?before=A&after=B&show=new            what changed between two reports (across.js)
 *   /#sparql                                   the SPARQL box
 * Links inside the page are followed without reloading it (history.pushState). Text goes on
 * screen only through textContent (GovKG.el, GovKG.results). */
(function () {
  "use strict";
  var el = GovKG.el;

  var getJSON = GovKG.getJSON, query = GovKG.query;

  var picks = { themes: getJSON("/api/themes"), reports: getJSON("/api/reports"), queries: getJSON("/api/queries") };

  /* tabs and routing */
  function openTab(name) {
    document.querySelectorAll("#govkg-tabs a").forEach(function (a) {
      a.classList.toggle("active", a.dataset.tab === name);
      if (a.dataset.tab === name) {
        a.hidden = false;
        a.setAttribute("href", location.pathname + location.search + location.hash);   /* back to this view */
      }
    });
    document.querySelectorAll(".tab").forEach(function (s) { s.classList.toggle("active", s.id === "tab-" + name); });
    if (name === "graph" && view.network) view.network.redraw();
  }

  function go(url) {
    history.pushState(null, "", url);
    route();
  }

  function route() {
    var path = location.pathname, params = new URLSearchParams(location.search);
    if (path === "/entity") return showEntity(params);
    if (path === "/report") return showReport(params);
    if (path === "/themes") return showMatrix();
    if (path === "/diff") return showDiff(params);
    if (path === "/queries" || path.indexOf("/query/") === 0) return showQueries(path, params);
    if (location.hash === "#queries") { history.replaceState(null, "", "/queries"); return showQueries("/queries", params); }
    if (location.hash === "#sparql") return openTab("sparql");
    return showGraph(params);
  }

  document.addEventListener("click", function (event) {
    var a = event.target.closest && event.target.closest("a[href]");
    if (!a || a.hasAttribute("download") || a.target || event.ctrlKey || event.metaKey || event.shiftKey ||
        event.button !== 0 || a.origin !== location.origin) return;
    if (!/^\/(entity|report|themes|diff|queries|query\/.*)?$/.test(a.pathname)) return;
    event.preventDefault();
    go(a.pathname + a.search + a.hash);
  });
  window.addEventListener("popstate", route);

  /* graph */
  var graphKey = null;
  var view = GovKG.mount(document.getElementById("govkg-app"), {
    onSearch: function (text, v) {
      getJSON("/api/search" + query({ q: text })).then(function (found) {
        v.showMatches(text, found.map(function (n) {
          return { name: n.name, type: n.type, degree: n.reports.length + " report(s)",
                   pick: function () { go("/" + query({ entity: n.name, hops: 1 })); } };
        }));
      });
    },
    onExpand: function (name, hops) { go("/" + query({ entity: name, hops: hops })); },
    onTheme: function (theme) { go("/" + query({ theme: theme, report: view.options.report })); },
    onReport: function (report) { go("/" + query({ theme: view.options.theme, report: report })); },
    onFull: function () {
      go("/" + query({ theme: view.options.theme, report: view.options.report, view: "full" }));
    },
    entityHref: function (name, type) { return "/entity" + query({ name: name, type: type }); },
    reportHref: function (doc, sentence) { return GovKG.reportHref(doc, sentence); }
  });
  picks.reports.then(function (reports) {
    view.options.reports = reports;
    if (view.data) view._fillFilters();
  });

  function showGraph(params) {
    openTab("graph");
    var wanted = { theme: params.get("theme"), report: params.get("report"), entity: params.get("entity"),
                   hops: params.get("hops"), view: params.get("view") || "auto",
                   limit: params.get("entity") ? 1000 : 300 };    /* a neighbourhood's leaves are grouped */
    var key = query(wanted);
    if (key === graphKey) return;
    graphKey = key;
    view.options.theme = wanted.theme || "";
    view.options.report = wanted.report || "";
    view.status.textContent = "loading…";
    view.state.ready = false;
    getJSON("/api/graph" + key).then(function (data) { view.show(data); })
      .catch(function (e) { view.status.textContent = e.message; view.state.ready = true; });
  }

  /* reports × themes: the readable aggregate of a whole store; every number drills into the graph */
  var matrixShown = false;
  function showMatrix() {
    openTab("themes");
    if (matrixShown) return;
    var out = document.getElementById("themes-view");
    getJSON("/api/matrix").then(function (m) {
      matrixShown = true;
      var most = 1;
      m.reports.forEach(function (r) { r.counts.forEach(function (n) { most = Math.max(most, n); }); });
      var columns = ["report", "year"].concat(m.themes.map(function (t) { return t.label; }));
      var links = [null, null].concat(m.themes.map(function (t) {
        return function (value, row) { return "/" + query({ report: row[0], theme: t.id }); };
      }));
      var shade = [null, null].concat(m.themes.map(function () {
        return function (n) { return "rgba(26, 95, 180, " + (0.08 + 0.6 * Math.sqrt(n / most)).toFixed(2) + ")"; };
      }));
      GovKG.results(out, { name: "reports-themes", columns: columns, links: links, shade: shade,
                           kinds: ["report", "text"].concat(m.themes.map(function () { return "count"; })),
                           rows: m.reports.map(function (r) { return [r.doc, r.year].concat(r.counts); }) });
    }).catch(function (e) { document.getElementById("themes-status").textContent = e.message; });
  }

  /* entity page */
  function facts(list, label, values) {
    if (!values.length) return;
    list.appendChild(el("dt", "", label));
    var dd = list.appendChild(el("dd"));
    values.forEach(function (v, i) {
      if (i) dd.appendChild(document.createTextNode("、"));
      dd.appendChild(v);
    });
  }

  function link(text, href) {
    var a = el("a", "", text);
    a.href = href;
    return a;
  }

  function text(value) { return document.createTextNode(value); }

  function showEntity(params) {
    openTab("entity");
    var status = document.getElementById("entity-status"), out = document.getElementById("entity-view");
    var name = params.get("name") || "";
    status.textContent = "loading…";
    out.replaceChildren();
    getJSON("/api/entity" + query({ name: name, type: params.get("type") })).then(function (e) {
      status.textContent = "";
      document.title = e.name + " · govkg";
      var head = el("h1", "gk-name");
      var colour = (view.colours || {})[e.type];
      if (colour) { var s = head.appendChild(el("span", "gk-swatch")); s.style.background = colour; }
      head.appendChild(text(e.name));
      var list = el("dl", "gk-facts");
      facts(list, "类型 type", [text(e.type)]);
      facts(list, "别名 aliases", e.aliases.map(text));
      facts(list, "主题 themes", e.themes.map(function (t) {
        return link(t.label, "/" + query({ theme: t.id }));
      }));
      facts(list, "作者 author of", e.authorOf.map(function (d) { return link(d, GovKG.reportHref(d)); }));
      facts(list, "报告 reports", e.reports.map(function (d) { return link(d, GovKG.reportHref(d)); }));
      facts(list, "同名 same name", e.others.map(function (o) {
        return link(o.name + " (" + o.type + ")", "/entity" + query({ name: o.name, type: o.type }));
      }));
      facts(list, "IRI", [text(e.iri)]);
      var actions = el("p", "gk-actions");
      actions.appendChild(link("在图中查看 show in the graph", "/" + query({ entity: e.name, hops: 1 })));
      actions.appendChild(text(" · "));
      actions.appendChild(link("查询 entity-neighbourhood", "/query/entity-neighbourhood" + query({ name: e.name })));
      var table = el("div", "result"), years = el("section", "gk-timeline");
      table.id = "entity-relations";
      years.id = "entity-timeline";
      out.replaceChildren(head, list, actions, years, el("h2", "", "关系 relations (" + e.relations.length + ")"), table);
      GovKG.across.timeline(years, e.name, e.type);
      GovKG.results(table, {
        name: e.name, columns: ["relation", "direction", "entity", "type", "report", "sentence"],
        kinds: ["text", "text", "entity", "text", "report", "sentence"],
        rows: e.relations.map(function (r) {
          return [r.relation, r.direction === "out" ? "→" : "←", r.other, r.otherType, r.report, r.sentence];
        })
      });
    }).catch(function (err) { status.textContent = err.message; });
  }

  /* report page */
  function showReport(params) {
    openTab("report");
    var status = document.getElementById("report-status"), out = document.getElementById("report-view");
    var doc = params.get("doc") || "", sentence = params.get("sentence"), at = params.get("at");
    status.textContent = "loading…";
    getJSON("/api/report" + query({ doc: doc })).then(function (r) {
      status.textContent = "";
      document.title = r.title + " · govkg";
      var head = el("div", "gk-report-head");
      head.appendChild(el("h1", "", r.title));
      var meta = head.appendChild(el("p", "gk-muted"));
      meta.appendChild(text(r.doc + (r.year ? " · " + r.year : "")));
      if (r.author) { meta.appendChild(text(" · 作者 author ")); meta.appendChild(link(r.author, "/entity" + query({ name: r.author }))); }
      meta.appendChild(text(" · "));
      meta.appendChild(link("图中查看 graph of this report", "/" + query({ report: r.doc })));
      var chain = head.appendChild(el("p", "gk-series"));
      chain.id = "report-series";
      GovKG.across.series(chain, r.doc);
      var where = head.appendChild(el("p", "gk-section"));
      where.id = "report-section";
      var body = el("div", "gk-report-text"), para = null, section = null, hit = null;
      r.statements.forEach(function (s) {
        if (s.heading) {
          var depth = Math.min(s.section ? s.section.split(" › ").length : 1, 4);
          body.appendChild(el("h" + (depth + 1), "gk-heading", s.text));
          para = null;
          section = s.section;
          return;
        }
        if (!para || s.section !== section) { para = body.appendChild(el("p")); section = s.section; }
        var span = para.appendChild(el("span", "gk-stmt", s.text));
        span.id = "s-" + s.start;
        span.dataset.section = s.section;
        span.tabIndex = -1;
        if (!hit && ((at !== null && String(s.start) === at) || (sentence && s.text === sentence))) hit = span;
      });
      out.replaceChildren(head, body);
      body.addEventListener("click", function (event) {
        var span = event.target.closest(".gk-stmt");
        if (!span) return;
        history.replaceState(null, "", "/report" + query({ doc: r.doc, at: span.id.slice(2) }));
        status.textContent = "";
        mark(span, where);
      });
      if (hit) mark(hit, where);
      else if (sentence || at) status.textContent = "the sentence was not found in this report's current version";
      else where.textContent = "";
    }).catch(function (err) { status.textContent = err.message; out.replaceChildren(); });
  }

  function mark(span, where) {
    document.querySelectorAll(".gk-stmt.gk-hit").forEach(function (s) { s.classList.remove("gk-hit"); });
    span.classList.add("gk-hit");
    where.textContent = "章节 section: " + (span.dataset.section || "（正文 body）");
    span.scrollIntoView({ block: "center" });
    span.focus({ preventScroll: true });
  }

  /* diff of two reports: the chosen list (new, dropped, continued) stays in the address */
  function showDiff(params) {
    openTab("diff");
    GovKG.across.diff(document.getElementById("diff-view"), document.getElementById("diff-status"), params,
      function (which) {
        var now = new URLSearchParams(location.search);
        now.set("show", which);
        history.replaceState(null, "", "/diff?" + now);
      });
  }

  /* named queries */
  var queries = [], nameSelect = document.getElementById("query-name");
  var queriesReady = Promise.all([picks.queries, picks.themes, picks.reports]).then(function (got) {
    queries = got[0];
    queries.forEach(function (q) { nameSelect.appendChild(el("option", "", q.name)).value = q.name; });
    picks.themeList = got[1];
    picks.reportList = got[2];
  });

  function menu(name, first, options) {
    var select = el("select");
    select.name = name;
    select.appendChild(el("option", "", first)).value = "";
    options.forEach(function (o) { select.appendChild(el("option", "", o.label)).value = o.value; });
    return select;
  }

  function showParams(values) {
    var q = queries[nameSelect.selectedIndex], box = document.getElementById("query-params");
    document.getElementById("query-purpose").textContent = q.purpose;
    box.replaceChildren();
    q.params.forEach(function (p) {
      var label = box.appendChild(el("label", "", p.name + (p.required ? " *" : "") + " "));
      var input;
      if (p.kind === "theme") {
        input = menu(p.name, "— 选择主题 choose a theme —", picks.themeList.map(function (t) {
          return { value: t.id, label: t.label + "（" + t.id + "）" };
        }));
      } else if (p.kind === "report") {
        input = menu(p.name, "— 全部报告 all reports —", picks.reportList.map(function (r) {
          return { value: r.doc, label: r.title + (r.year ? "（" + r.year + "）" : "") };
        }));
      } else {
        input = el("input");
        input.name = p.name;
        input.placeholder = p.doc;
        input.size = 50;
      }
      input.title = p.doc;
      label.appendChild(input);
      if (values && values.get(p.name)) input.value = values.get(p.name);
    });
  }
  nameSelect.addEventListener("change", function () { showParams(null); });

  function showQueries(path, params) {
    openTab("queries");
    queriesReady.then(function () {
      var name = path.indexOf("/query/") === 0 ? decodeURIComponent(path.slice(7)) : "";
      var index = queries.findIndex(function (q) { return q.name === name; });
      nameSelect.selectedIndex = Math.max(index, 0);
      if (queries.length) showParams(params);
      if (index >= 0) run(queries[index], params);
    });
  }

  function run(q, params) {
    var status = document.getElementById("query-status"), out = document.getElementById("query-result");
    var base = "/api/query/" + encodeURIComponent(q.name), args = params.toString();
    status.textContent = "running…";
    out.replaceChildren();
    getJSON(base + (args ? "?" + args : "")).then(function (t) {
      status.textContent = t.offset || t.truncated ? "rows " + (t.offset + 1) + "–" + (t.offset + t.rows.length) : "";
      if (t.truncated) {          /* a page of rows: the next one is a link, so it has an address */
        var next = new URLSearchParams(params);
        next.set("offset", t.offset + t.limit);
        var more = el("a", "next-page", "next " + t.limit + " rows");
        more.href = "/query/" + encodeURIComponent(q.name) + "?" + next;
        status.append(" · ", more);
      }
      var download = function (fmt) {
        var p = new URLSearchParams(params); p.delete("offset"); p.delete("limit"); p.set("format", fmt);
        return base + "?" + p;
      };
      GovKG.results(out, { name: q.name, columns: t.columns, kinds: q.kinds, rows: t.rows, idPrefix: "download",
                           downloads: { csv: download("csv"), json: download("json") } });
    }).catch(function (e) { status.textContent = e.message; });
  }

  document.getElementById("query-form").addEventListener("submit", function (event) {
    event.preventDefault();
    var q = queries[nameSelect.selectedIndex], params = new URLSearchParams();
    document.querySelectorAll("#query-params input, #query-params select").forEach(function (i) {
      if (i.value) params.set(i.name, i.value);
    });
    var args = params.toString();
    go("/query/" + encodeURIComponent(q.name) + (args ? "?" + args : ""));
  });

  /* SPARQL */
  var sparqlText = document.getElementById("sparql-text");
  sparqlText.value = "SELECT ?name ?type WHERE {\n  ?e a ?class ; rdfs:label ?name .\n  ?class gk:entityType ?type .\n} LIMIT 20";
  document.getElementById("sparql-form").addEventListener("submit", function (event) {
    event.preventDefault();
    var status = document.getElementById("sparql-status"), out = document.getElementById("sparql-result");
    status.textContent = "running…";
    fetch("/sparql", { method: "POST", body: sparqlText.value,
                       headers: { "Content-Type": "application/sparql-query",
                                  Accept: "application/sparql-results+json, text/turtle;q=0.9" } })
      .then(function (r) {
        var type = r.headers.get("content-type") || "";
        if (!r.ok || type.indexOf("json") < 0) {
          return r.text().then(function (body) {
            status.textContent = r.ok ? "" : r.status + " " + body;
            out.replaceChildren(r.ok ? el("pre", "result", body) : "");
          });
        }
        return r.json().then(function (doc) {
          var truncated = r.headers.get("x-govkg-truncated") ? " (truncated at the server's limit)" : "";
          if (doc.boolean !== undefined) { status.textContent = "ASK: " + doc.boolean; out.replaceChildren(); return; }
          var vars = doc.head.vars, rows = doc.results.bindings.map(function (b) {
            return vars.map(function (v) { return b[v] ? b[v].value : ""; });
          });
          status.textContent = truncated ? "the answer" + truncated : "";
          GovKG.results(out, { name: "sparql", columns: vars, rows: rows });
        });
      }).catch(function (e) { status.textContent = e.message; });
  });

  route();
})();

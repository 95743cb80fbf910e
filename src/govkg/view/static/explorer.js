/* govkg explorer (served by `govkg serve`): the graph view of viz.js fed from /api/graph, the
 * named queries as forms, and a SPARQL box that talks to /sparql. Text goes on screen only
 * through textContent (GovKG.el and GovKG.table). */
(function () {
  "use strict";
  var el = GovKG.el;

  function getJSON(url) {
    return fetch(url, { headers: { Accept: "application/json" } }).then(function (r) {
      return r.json().then(function (body) {
        if (!r.ok) throw new Error(body.error || r.statusText);
        return body;
      });
    });
  }

  /* tabs */
  function openTab(name) {
    document.querySelectorAll("#govkg-tabs button").forEach(function (b) {
      b.classList.toggle("active", b.dataset.tab === name);
    });
    document.querySelectorAll(".tab").forEach(function (s) { s.classList.toggle("active", s.id === "tab-" + name); });
    if (name === "graph" && view.network) view.network.redraw();
  }
  document.querySelectorAll("#govkg-tabs button").forEach(function (b) {
    b.addEventListener("click", function () { openTab(b.dataset.tab); history.replaceState(null, "", "#" + b.dataset.tab); });
  });

  /* graph */
  function load(params) {
    view.status.textContent = "loading…";
    return getJSON("/api/graph?" + new URLSearchParams(params)).then(function (data) { view.show(data); })
      .catch(function (e) { view.status.textContent = e.message; });
  }
  var view = GovKG.mount(document.getElementById("govkg-app"), {
    onSearch: function (text, v) {
      getJSON("/api/search?" + new URLSearchParams({ q: text })).then(function (found) {
        v.showMatches(text, found.map(function (n) {
          return { name: n.name, type: n.type, degree: n.reports.length + " report(s)",
                   pick: function () { load({ entity: n.name, hops: 1 }); } };
        }));
      });
    },
    onExpand: function (name, hops) { load({ entity: name, hops: hops }); }
  });

  /* named queries */
  var queries = [], nameSelect = document.getElementById("query-name");
  function showParams() {
    var q = queries[nameSelect.selectedIndex], box = document.getElementById("query-params");
    document.getElementById("query-purpose").textContent = q.purpose;
    box.replaceChildren();
    q.params.forEach(function (p) {
      var label = box.appendChild(el("label", "", p.name + (p.required ? " *" : "") + " "));
      var input = label.appendChild(el("input"));
      input.name = p.name;
      input.placeholder = p.doc;
      input.size = 50;
      input.required = p.required;
    });
  }
  nameSelect.addEventListener("change", showParams);
  document.getElementById("query-form").addEventListener("submit", function (event) {
    event.preventDefault();
    var q = queries[nameSelect.selectedIndex], params = new URLSearchParams();
    document.querySelectorAll("#query-params input").forEach(function (i) { if (i.value) params.set(i.name, i.value); });
    var status = document.getElementById("query-status"), out = document.getElementById("query-result");
    status.textContent = "running…";
    getJSON("/api/query/" + encodeURIComponent(q.name) + "?" + params).then(function (t) {
      status.textContent = t.rows.length + " row(s)" + (t.truncated ? " (truncated)" : "");
      GovKG.table(out, t.columns, t.rows);
    }).catch(function (e) { status.textContent = e.message; out.replaceChildren(); });
  });
  getJSON("/api/queries").then(function (list) {
    queries = list;
    list.forEach(function (q) { nameSelect.appendChild(el("option", "", q.name)); });
    if (list.length) showParams();
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
          return r.text().then(function (text) {
            status.textContent = r.ok ? "" : r.status + " " + text;
            out.replaceChildren(r.ok ? el("pre", "result", text) : "");
          });
        }
        return r.json().then(function (doc) {
          var truncated = r.headers.get("x-govkg-truncated") ? " (truncated at the server's limit)" : "";
          if (doc.boolean !== undefined) { status.textContent = "ASK: " + doc.boolean; out.replaceChildren(); return; }
          var vars = doc.head.vars, rows = doc.results.bindings.map(function (b) {
            return vars.map(function (v) { return b[v] ? b[v].value : ""; });
          });
          status.textContent = rows.length + " row(s)" + truncated;
          GovKG.table(out, vars, rows);
        });
      }).catch(function (e) { status.textContent = e.message; });
  });

  var tab = location.hash.slice(1);
  openTab(["graph", "queries", "sparql"].indexOf(tab) >= 0 ? tab : "graph");
  load({ limit: 300 });
})();

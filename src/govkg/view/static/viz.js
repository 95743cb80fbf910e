/* govkg viz: draws a govkg view (entities, relations with their evidence sentences) with
 * vis-network, with a search box, type and theme filters and a side panel.
 *
 * Used by the self-contained page of `govkg viz` (data in <script id="govkg-data">) and by the
 * explorer of `govkg serve` (data fetched from /api/graph). Data reaches the page only through
 * textContent and vis-network's canvas, never as HTML.
 *
 * window.govkgGraph exposes the state for tests: ready, nodeCount, drawnNodes(), position(id)...
 */
(function () {
  "use strict";

  var CLUSTER_ABOVE = 150, CLUSTER_LEAVES = 6;   /* views of more entities group a hub's leaves (6 or more) */
  var FONT = '"Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Zen Hei","Microsoft YaHei",' +
             '"PingFang SC",sans-serif';

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  /* label widths in ems: CJK one em, Latin letters and digits about half */
  function ems(name) { return name.replace(/[\x00-\xff]/g, "").length + 0.55 * name.replace(/[^\x00-\xff]/g, "").length; }

  /* the overview's boxes stay short (the tooltip and the panel give the whole name) */
  function shortName(name) {
    if (ems(name) <= 14) return name;
    var out = "";
    for (var i = 0; i < name.length && ems(out + name[i]) <= 13; i++) out += name[i];
    return out + "…";
  }

  function swatch(colour) {
    var s = el("span", "gk-swatch");
    s.style.background = colour;
    return s;
  }

  /* A table of plain cells (used by the explorer for query results). */
  function table(container, columns, rows) {
    container.replaceChildren();
    var t = el("table", "gk-table"), head = el("tr");
    columns.forEach(function (c) { head.appendChild(el("th", "", c)); });
    t.appendChild(el("thead")).appendChild(head);
    var body = t.appendChild(el("tbody"));
    rows.forEach(function (row) {
      var tr = body.appendChild(el("tr"));
      row.forEach(function (cell) { tr.appendChild(el("td", "", cell === null ? "" : cell)); });
    });
    container.appendChild(t);
  }

  function View(root, options) {
    this.options = options || {};
    this.root = root;
    this.network = null;
    this.state = { ready: false, nodeCount: 0, edgeCount: 0 };
    this._build();
  }

  View.prototype._build = function () {
    var self = this, bar = el("div", "gk-bar");
    this.titleEl = bar.appendChild(el("span", "gk-title"));
    this.search = bar.appendChild(el("input"));
    this.search.type = "search";
    this.search.id = "govkg-search";
    this.search.placeholder = "搜索实体 search…";
    this.theme = bar.appendChild(el("select"));
    this.theme.id = "govkg-theme";
    this.theme.setAttribute("aria-label", "主题 theme");
    if (this.options.onReport) {
      this.report = bar.appendChild(el("select"));
      this.report.id = "govkg-report";
      this.report.setAttribute("aria-label", "报告 report");
      this.report.addEventListener("change", function () { self.options.onReport(self.report.value, self); });
    }
    this.drill = bar.appendChild(el("button", "gk-drill", "全图 full graph"));
    this.drill.type = "button";
    this.drill.id = "govkg-full";
    this.drill.hidden = true;
    this.drill.addEventListener("click", function () {
      if (self.options.onFull) self.options.onFull(self);
      else if (self.full) self.show(self.full);
    });
    this.legend = bar.appendChild(el("span", "gk-legend"));
    this.status = bar.appendChild(el("span", "gk-status"));
    this.status.id = "govkg-status";
    var main = el("div", "gk-main");
    this.canvas = main.appendChild(el("div", "gk-graph"));
    this.canvas.id = "govkg-graph";
    this.panel = main.appendChild(el("aside", "gk-panel"));
    this.panel.id = "govkg-panel";
    this.root.replaceChildren(bar, main);
    var timer = null;
    this.search.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { self.find(self.search.value, false); }, 200);
    });
    this.search.addEventListener("keydown", function (event) {
      if (event.key === "Enter") { clearTimeout(timer); self.find(self.search.value, true); }
    });
    this.theme.addEventListener("change", function () {
      if (self.options.onTheme) self.options.onTheme(self.theme.value, self);
      else self.applyFilters();
    });
    this._hint();
  };

  View.prototype._hint = function () {
    if (this.columns) {
      this.panel.replaceChildren(el("p", "gk-muted",
        "概览 Overview: on the right, the initiatives and programmes named by the most reports; on the left, " +
        "the bodies that lead them. Hover a line for the relation, click a name for its evidence; " +
        "“全图 full graph” draws every entity."));
      return;
    }
    this.panel.replaceChildren(el("p", "gk-muted",
      "Click an entity to see its type, aliases, reports and the evidence of its relations. " +
      "Scroll to zoom: labels appear as you zoom in."));
  };

  View.prototype.show = function (data) {
    var self = this;
    /* a big embedded graph opens on its overview; the button draws the whole graph */
    if (data.overview && !this.options.onFull && this.full !== data) {
      this.full = data;
      data = data.overview;
    }
    this.data = data;
    this.hiddenIds = {};
    this.columns = data.layout === "columns";
    this.drill.hidden = !this.columns;
    this.colours = {};
    data.types.forEach(function (t) { self.colours[t.id] = t.colour; });
    this.themeLabels = {};
    data.themes.forEach(function (t) { self.themeLabels[t.id] = t.label; });
    this.incident = data.nodes.map(function () { return []; });
    data.edges.forEach(function (e) { self.incident[e.from].push(e); if (e.to !== e.from) self.incident[e.to].push(e); });
    this.titleEl.textContent = data.title;
    this._fillFilters();
    var columns = this.columns;
    this.nodes = new vis.DataSet(data.nodes.map(function (n) {
      var node = { id: n.id, label: columns ? shortName(n.name) : n.name, group: n.type, value: 1 + n.degree,
                   title: n.name + " · " + n.type + (columns ? " · " + n.reports.length + " report(s)" : "") };
      if (columns) node.level = n.type === "Organization" ? 0 : 1;
      return node;
    }));
    /* edge labels appear on hover (and on the selected edge): drawn always, they pile up */
    this.edges = new vis.DataSet(data.edges.map(function (e) {
      return { id: e.id, from: e.from, to: e.to, label: "",
               title: e.type + " · " + e.evidence.length + " sentence(s)" };
    }));
    this.state.ready = false;
    this.state.nodeCount = data.nodes.length;
    this.state.edgeCount = data.edges.length;
    this.state.title = data.title;
    if (this.network && this.network.govkgColumns !== this.columns) {
      this.network.destroy();          /* hierarchical and force layouts do not switch in place */
      this.network = null;
    }
    if (!this.network) {
      this.network = new vis.Network(this.canvas, { nodes: this.nodes, edges: this.edges }, this._options());
      this.network.govkgColumns = this.columns;
      this._listen();
    } else {
      this.network.setOptions(this._options());
      this.network.setData({ nodes: this.nodes, edges: this.edges });
    }
    this._clusterLeaves();
    this._hint();
    this._status();
    if (data.nodes.length === 0 || this.columns) this._stabilised();
  };

  /* A hub's many leaves of one type (entities related to nothing else in the view) are drawn as one
   * node (vis-network's clustering), so a neighbourhood of 600 is a hub with a dozen groups, not a
   * starburst; a click on a group opens it. */
  View.prototype._clusterLeaves = function () {
    if (this.columns || this.data.nodes.length <= CLUSTER_ABOVE) return;
    var self = this, degree = {}, hub = {}, groups = {};
    this.data.edges.forEach(function (e) {
      degree[e.from] = (degree[e.from] || 0) + 1;
      degree[e.to] = (degree[e.to] || 0) + 1;
    });
    this.data.edges.forEach(function (e) {
      if (degree[e.from] === 1 && degree[e.to] > 1) hub[e.from] = e.to;
      if (degree[e.to] === 1 && degree[e.from] > 1) hub[e.to] = e.from;
    });
    Object.keys(hub).forEach(function (id) {
      var key = hub[id] + ":" + self.data.nodes[id].type;
      (groups[key] = groups[key] || []).push(Number(id));
    });
    var grouped = 0;
    Object.keys(groups).forEach(function (key) {
      var members = groups[key], inside = {};
      if (members.length < CLUSTER_LEAVES) return;
      grouped += members.length - 1;
      members.forEach(function (m) { inside[m] = true; });
      var type = self.data.nodes[members[0]].type, hubName = self.data.nodes[hub[members[0]]].name;
      self.network.cluster({
        joinCondition: function (node) { return inside[node.id] === true; },
        clusterNodeProperties: { id: "cluster:" + key, label: type + " ×" + members.length, group: type,
                                 value: 1 + members.length, shape: "dot", borderWidth: 3,
                                 font: { size: 14 }, scaling: { label: { enabled: false } },
                                 title: members.length + " " + type + " related only to " + hubName + " (click to open)" }
      });
    });
    if (grouped) {      /* lay out what is drawn, as a graph of its own size */
      this.network.setOptions({ physics: this._physics(this.data.nodes.length - grouped) });
      this.network.stabilize();
    }
  };

  /* The overview: bodies in the left column, undertakings in the right, one box per name;
   * the columns are as far apart as the longest names need, so no two labels meet. */
  View.prototype._columnOptions = function (groups) {
    var widest = [0, 0];
    this.data.nodes.forEach(function (n) {
      var level = n.type === "Organization" ? 0 : 1;
      widest[level] = Math.max(widest[level], ems(shortName(n.name)));
    });
    return {
      groups: groups,
      nodes: { shape: "box", margin: 6, borderWidth: 1, font: { face: FONT, size: 16, color: "#fff" } },
      edges: { arrows: { to: { enabled: true, scaleFactor: 0.5 } }, width: 1,
               smooth: { type: "cubicBezier", forceDirection: "horizontal", roundness: 0.4 },
               color: { color: "#b0b5ba", highlight: "#333333", hover: "#555555", inherit: false },
               font: { face: FONT, size: 12, color: "#333", strokeWidth: 3, strokeColor: "#fff", align: "middle" } },
      layout: { hierarchical: { enabled: true, direction: "LR", sortMethod: "directed", shakeTowards: "roots",
                                levelSeparation: (widest[0] + widest[1]) * 8 + 200, nodeSpacing: 46, treeSpacing: 46,
                                blockShifting: true, edgeMinimization: true, parentCentralization: true } },
      physics: { enabled: false },
      interaction: { hover: true, tooltipDelay: 200, navigationButtons: false, keyboard: false }
    };
  };

  View.prototype._physics = function (drawn) {
    var n = drawn || this.data.nodes.length, big = n > 800;
    return { enabled: true, solver: "forceAtlas2Based",
             forceAtlas2Based: { gravitationalConstant: n > 150 ? -45 : -80, centralGravity: big ? 0.02 : 0.01,
                                 springLength: n > 150 ? 90 : 160, springConstant: 0.08, avoidOverlap: 0.4 },
             stabilization: { enabled: true, iterations: big ? 250 : 400, updateInterval: 25, fit: true },
             minVelocity: 1.5 };
  };

  View.prototype._options = function () {
    var groups = {};
    for (var type in this.colours) {
      var c = this.colours[type];
      groups[type] = { color: { background: c, border: c, highlight: { background: c, border: "#222" },
                                hover: { background: c, border: "#222" } } };
    }
    if (this.columns) return this._columnOptions(groups);
    var n = this.data.nodes.length, big = n > 800;
    /* hubs of a large graph keep readable labels when it is zoomed out; a small one needs no help */
    var labelMax = big ? 72 : n > 150 ? 40 : 20;
    return {
      groups: groups,
      nodes: { shape: "dot", borderWidth: 1, font: { face: FONT, size: 14, color: "#222",
                                                      strokeWidth: 3, strokeColor: "#ffffff" },
               scaling: { min: 6, max: n > 150 ? 36 : 22, label: { enabled: true, min: 13, max: labelMax, maxVisible: 24,
                                                    drawThreshold: 8 } } },
      edges: { arrows: { to: { enabled: true, scaleFactor: 0.5 } }, smooth: false, width: 1,
               color: { color: "#9aa0a6", highlight: "#333333", hover: "#555555", inherit: false },
               font: { face: FONT, size: 10, color: "#555", strokeWidth: 2, align: "middle" },
               scaling: { label: { enabled: true, drawThreshold: 7 } } },
      physics: this._physics(),
      layout: { improvedLayout: false, randomSeed: 7, hierarchical: { enabled: false } },
      interaction: { hover: true, tooltipDelay: 200, hideEdgesOnDrag: big, hideEdgesOnZoom: big,
                     navigationButtons: false, keyboard: false }
    };
  };

  View.prototype._listen = function () {
    var self = this;
    this.network.on("stabilizationProgress", function (p) {
      self.status.textContent = "laying out " + Math.round(100 * p.iterations / p.total) + "%";
    });
    this.network.on("stabilizationIterationsDone", function () { self._stabilised(); });
    this.network.on("stabilized", function () { if (!self.state.ready) self._stabilised(); });
    this.network.on("hoverEdge", function (p) { self._edgeLabel(p.edge, true); });
    this.network.on("blurEdge", function (p) { self._edgeLabel(p.edge, false); });
    this.network.on("click", function (params) {
      if (params.nodes.length && self.network.isCluster(params.nodes[0])) self._openCluster(params.nodes[0]);
      else if (params.nodes.length) self.showNode(params.nodes[0]);
      else if (params.edges.length) self.showEdge(params.edges[0]);
    });
  };

  View.prototype._openCluster = function (id) {
    var members = this.network.getNodesInCluster(id), at = this.network.getPosition(id);
    this.network.openCluster(id);
    var self = this;
    /* the members start on a small circle round where the group was, then settle */
    members.forEach(function (m, i) {
      var angle = 2 * Math.PI * i / members.length, r = 30 + 4 * members.length;
      self.network.moveNode(m, at.x + r * Math.cos(angle), at.y + r * Math.sin(angle));
    });
    this._status();
  };

  View.prototype._edgeLabel = function (id, on) {
    var e = this.data.edges[id];
    if (e && this.edges.get(id)) this.edges.update({ id: id, label: on ? e.type : "" });
  };

  View.prototype._stabilised = function () {
    if (this.network) {
      this.network.setOptions({ physics: { enabled: false } });
      this.network.fit({ animation: false });
      if (this.network.getScale() > 1.3) this.network.moveTo({ scale: 1.3, animation: false });
    }
    this.state.ready = true;
    this._status();
  };

  View.prototype._status = function () {
    var shown = this.nodes ? this.nodes.get({ filter: function (n) { return !n.hidden; } }).length : 0;
    var text = shown + " of " + this.data.nodes.length + " entities, " + this.data.edges.length + " relations";
    if (this.columns) text = "overview of " + this.data.totalNodes + " entities: " + text;
    else if (this.data.totalNodes > this.data.nodes.length) text += " (limited from " + this.data.totalNodes + ")";
    this.status.textContent = text;
  };

  View.prototype._fillFilters = function () {
    var self = this, themeCounts = {};
    this.data.nodes.forEach(function (n) {
      n.themes.forEach(function (t) { themeCounts[t] = (themeCounts[t] || 0) + 1; });
    });
    var all = !!this.options.onTheme;       /* the explorer filters the whole store: offer every theme */
    this.theme.replaceChildren(el("option", "", "全部主题 all themes"));
    this.theme.firstChild.value = "";
    this.data.themes.forEach(function (t) {
      if (!all && !themeCounts[t.id]) return;
      var o = self.theme.appendChild(el("option", "", t.label + (all ? "" : " (" + themeCounts[t.id] + ")")));
      o.value = t.id;
    });
    this.theme.value = this.options.theme || "";
    if (this.report) {
      this.report.replaceChildren(el("option", "", "全部报告 all reports"));
      this.report.firstChild.value = "";
      (this.options.reports || this.data.reports.map(function (d) { return { doc: d, title: d }; }))
        .forEach(function (r) {
          var o = self.report.appendChild(el("option", "", r.title + (r.year ? " (" + r.year + ")" : "")));
          o.value = r.doc;
        });
      this.report.value = this.options.report || "";
    }
    this.legend.replaceChildren();
    this.data.types.forEach(function (t) {
      var label = self.legend.appendChild(el("label", "gk-type"));
      var box = label.appendChild(el("input"));
      box.type = "checkbox";
      box.checked = true;
      box.dataset.type = t.id;
      box.addEventListener("change", function () { self.applyFilters(); });
      label.appendChild(swatch(t.colour));
      label.appendChild(document.createTextNode(t.id + " "));
      label.appendChild(el("span", "gk-count")).dataset.type = t.id;
    });
    this._counts();
  };

  /* The legend counts what is shown. */
  View.prototype._counts = function () {
    var counts = {}, hidden = this.hiddenIds || {};
    this.data.nodes.forEach(function (n) { if (!hidden[n.id]) counts[n.type] = (counts[n.type] || 0) + 1; });
    this.legend.querySelectorAll(".gk-count").forEach(function (c) { c.textContent = counts[c.dataset.type] || 0; });
  };

  /* A theme with its narrower themes (skos:narrower in ontology/themes.ttl). */
  View.prototype._themeClosure = function (theme) {
    var found = {}, grew = true;
    found[theme] = true;
    while (grew) {
      grew = false;
      this.data.themes.forEach(function (t) {
        if (t.broader && found[t.broader] && !found[t.id]) { found[t.id] = true; grew = true; }
      });
    }
    return found;
  };

  /* The entities that touch a theme, and the bodies and documents related to its undertakings
   * (as govkg.view.data.select keeps them). */
  View.prototype._themed = function (theme) {
    var self = this, wanted = this._themeClosure(theme), kept = {};
    this.data.nodes.forEach(function (n) {
      if (n.themes.some(function (t) { return wanted[t]; })) kept[n.id] = true;
    });
    var undertaking = function (id) { var t = self.data.nodes[id].type; return kept[id] && (t === "Initiative" || t === "Program"); };
    var context = function (id) { var t = self.data.nodes[id].type; return t === "Organization" || t === "Document"; };
    var more = {};
    this.data.edges.forEach(function (e) {
      if (undertaking(e.to) && context(e.from)) more[e.from] = true;
      if (undertaking(e.from) && context(e.to)) more[e.to] = true;
    });
    Object.keys(more).forEach(function (id) { kept[id] = true; });
    return kept;
  };

  /* Hide the entities whose type is unticked or which are outside the chosen theme, then fit the
   * view to what is left and count it in the legend. */
  View.prototype.applyFilters = function () {
    var types = {}, theme = this.options.onTheme ? "" : this.theme.value;
    this.legend.querySelectorAll("input[data-type]").forEach(function (box) { types[box.dataset.type] = box.checked; });
    var themed = theme ? this._themed(theme) : null, hidden = {}, shown = [];
    this.data.nodes.forEach(function (n) {
      if (!types[n.type] || (themed && !themed[n.id])) hidden[n.id] = true;
      else shown.push(n.id);
    });
    this.hiddenIds = hidden;
    this.nodes.update(this.data.nodes.map(function (n) { return { id: n.id, hidden: !!hidden[n.id] }; }));
    this._counts();
    this._status();
    if (this.network && shown.length) {
      this.network.fit({ nodes: shown, animation: false });
      if (this.network.getScale() > 1.3) this.network.moveTo({ scale: 1.3, animation: false });
    }
  };

  View.prototype.find = function (text, jump) {
    var self = this, query = text.trim().toLowerCase();
    if (!query) { this._hint(); return; }
    if (this.options.onSearch) { this.options.onSearch(text.trim(), this); return; }
    var found = this.data.nodes.filter(function (n) {
      return n.name.toLowerCase().indexOf(query) >= 0 ||
             n.aliases.some(function (a) { return a.toLowerCase().indexOf(query) >= 0; });
    });
    found.sort(function (a, b) { return (a.name.length - b.name.length) || (b.degree - a.degree); });
    if (jump && found.length) { this.focus(found[0].id); return; }
    this.showMatches(text.trim(), found.map(function (n) {
      return { name: n.name, type: n.type, degree: n.degree, pick: function () { self.focus(n.id); } };
    }));
  };

  /* A list of search results; each item is {name, type, degree, pick()}. */
  View.prototype.showMatches = function (text, items) {
    var self = this;
    this.panel.replaceChildren(el("h2", "", "“" + text + "”"), el("p", "gk-muted", items.length + " match(es)"));
    var list = this.panel.appendChild(el("ul", "gk-matches"));
    items.slice(0, 100).forEach(function (item) {
      var button = list.appendChild(el("li")).appendChild(el("button", "gk-link"));
      button.type = "button";
      button.appendChild(swatch(self.colours[item.type] || "#999"));
      button.appendChild(document.createTextNode(item.name + " · " + item.type + " · " + item.degree));
      button.addEventListener("click", item.pick);
    });
  };

  View.prototype.nodeIdByName = function (name) {
    var n = this.data.nodes.find(function (x) { return x.name === name; });
    return n ? n.id : null;
  };

  View.prototype.focus = function (id) {
    if (!this.network) return;
    this.network.selectNodes([id]);
    this.network.focus(id, { scale: 1.2, animation: false });
    this.showNode(id);
  };

  function field(list, label, values) {
    if (!values || !values.length) return;
    list.appendChild(el("dt", "", label));
    list.appendChild(el("dd", "", values.join("、")));
  }

  /* Evidence sentences; in the explorer each opens the report at that sentence. */
  View.prototype._evidence = function (container, edge) {
    var href = this.options.reportHref;
    edge.evidence.forEach(function (ev) {
      var quote = container.appendChild(el("blockquote", "gk-evidence"));
      if (href) {
        var a = quote.appendChild(el("a", "gk-sentence", ev.sentence));
        a.href = href(ev.report, ev.sentence);
      } else {
        quote.appendChild(document.createTextNode(ev.sentence));
      }
      quote.appendChild(el("cite", "", ev.report));
    });
  };

  View.prototype._nodeButton = function (id) {
    var self = this, n = this.data.nodes[id], button = el("button", "gk-link");
    button.type = "button";
    button.appendChild(swatch(this.colours[n.type]));
    button.appendChild(document.createTextNode(n.name));
    button.addEventListener("click", function () { self.focus(id); });
    return button;
  };

  View.prototype._relation = function (container, edge) {
    var item = container.appendChild(el("li", "gk-relation"));
    var line = item.appendChild(el("div", "gk-triple"));
    line.appendChild(this._nodeButton(edge.from));
    line.appendChild(el("span", "gk-reltype", " —" + edge.type + "→ "));
    line.appendChild(this._nodeButton(edge.to));
    this._evidence(item, edge);
  };

  View.prototype.showNode = function (id) {
    var self = this, n = this.data.nodes[id];
    if (!n) return;
    var head = el("h2", "gk-name");
    head.appendChild(swatch(this.colours[n.type]));
    head.appendChild(document.createTextNode(n.name));
    var facts = el("dl", "gk-facts");
    field(facts, "type", [n.type]);
    field(facts, "aliases", n.aliases);
    field(facts, "themes", n.themes.map(function (t) { return self.themeLabels[t] || t; }));
    field(facts, "reports", n.reports);
    field(facts, "IRI", [n.iri]);
    this.panel.replaceChildren(head, facts);
    if (this.options.entityHref) {
      var page = this.panel.appendChild(el("p", "gk-expand")).appendChild(el("a", "", "实体页 entity page →"));
      page.href = this.options.entityHref(n.name, n.type);
    }
    if (this.options.onExpand) {
      var more = this.panel.appendChild(el("p", "gk-expand", "neighbourhood in the store: "));
      [1, 2, 3].forEach(function (hops) {
        var b = more.appendChild(el("button", "", hops + " hop" + (hops > 1 ? "s" : "")));
        b.type = "button";
        b.addEventListener("click", function () { self.options.onExpand(n.name, hops, self); });
      });
    }
    var edges = this.incident[id];
    this.panel.appendChild(el("h3", "", "relations (" + edges.length + ")"));
    var list = this.panel.appendChild(el("ul", "gk-relations"));
    edges.forEach(function (e) { self._relation(list, e); });
  };

  View.prototype.showEdge = function (id) {
    var e = this.data.edges[id];
    if (!e) return;
    this.panel.replaceChildren(el("h2", "", e.type));
    this._relation(this.panel.appendChild(el("ul", "gk-relations")), e);
  };

  View.prototype.expose = function () {
    var self = this;
    window.govkgGraph = {
      view: self,
      get ready() { return self.state.ready; },
      get nodeCount() { return self.state.nodeCount; },
      get edgeCount() { return self.state.edgeCount; },
      get title() { return self.state.title; },
      /* entities in the drawing, each inside a group counted as one */
      drawnNodes: function () {
        if (!self.network) return 0;
        return self.network.body.nodeIndices.reduce(function (sum, id) {
          return sum + (self.network.isCluster(id) ? self.network.getNodesInCluster(id).length : 1);
        }, 0);
      },
      groups: function () {
        return self.network ? self.network.body.nodeIndices.filter(function (id) { return self.network.isCluster(id); }) : [];
      },
      drawnEdges: function () { return self.network ? self.network.body.edgeIndices.length : 0; },
      nodeIdByName: function (name) { return self.nodeIdByName(name); },
      /* where a node is drawn, in CSS pixels relative to the graph's element */
      position: function (id) { return self.network.canvasToDOM(self.network.getPosition(id)); },
      zoom: function (scale) { self.network.moveTo({ scale: scale, animation: false }); }
    };
    return window.govkgGraph;
  };

  window.GovKG = {
    mount: function (root, options) { var v = new View(root, options); v.expose(); return v; },
    table: table,
    el: el
  };

  var embedded = document.getElementById("govkg-data");
  if (embedded) {
    var view = window.GovKG.mount(document.getElementById("govkg-app"));
    view.show(JSON.parse(embedded.textContent));
  }
})();

/* govkg explorer: a results table an analyst can use. Click (or Enter on) a header to sort,
 * download what is shown as CSV (UTF-8 with a byte-order mark, so Excel reads Chinese) or JSON,
 * follow an entity to its page and a sentence to its report. Arrow keys move between rows,
 * Enter opens the row's first link. Text reaches the page only through textContent.
 *
 * GovKG.results(container, {columns, kinds, rows, name, downloads}) where kinds[i] is
 * "entity", "report", "sentence", "count" or "text"; downloads, when given, is {csv: url, json: url};
 * idPrefix, when given, names the download links PREFIX-csv and PREFIX-json;
 * links[i](value, row) and shade[i](number), when given, make column i's cells links or shaded.
 */
(function () {
  "use strict";
  var el = GovKG.el;
  var collator = new Intl.Collator("zh-CN", { numeric: true });

  function entityHref(name) { return "/entity?" + new URLSearchParams({ name: name }); }
  function reportHref(doc, sentence) {
    var params = { doc: doc };
    if (sentence) params.sentence = sentence;
    return "/report?" + new URLSearchParams(params);
  }

  function compare(a, b) {
    if (a === b) return 0;
    if (a === null || a === "") return 1;
    if (b === null || b === "") return -1;
    var x = Number(a), y = Number(b);
    if (!isNaN(x) && !isNaN(y)) return x - y;
    return collator.compare(String(a), String(b));
  }

  function csvText(columns, rows) {
    var quote = function (v) {
      var s = v === null || v === undefined ? "" : String(v);
      return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
    };
    return "\ufeff" + [columns].concat(rows).map(function (r) { return r.map(quote).join(","); }).join("\r\n") + "\r\n";
  }

  function jsonText(columns, rows) {
    return JSON.stringify(rows.map(function (r) {
      var o = {};
      columns.forEach(function (c, i) { o[c] = r[i]; });
      return o;
    }), null, 1);
  }

  function cell(kind, value, row, reportColumn, link) {
    var td = el("td");
    if (value === null || value === undefined || value === "") return td;
    var href = link ? link(value, row) : null;
    if (kind === "count") {
      td.className = "gk-count-cell";
      if (!Number(value)) { td.textContent = String(value); return td; }
    }
    if (href) { /* given by the caller */ }
    else if (kind === "entity") href = entityHref(value);
    else if (kind === "report") href = reportHref(value);
    else if (kind === "sentence" && reportColumn >= 0 && row[reportColumn]) href = reportHref(row[reportColumn], value);
    if (href) {
      var a = td.appendChild(el("a", "gk-cell-link", value));
      a.href = href;
      a.tabIndex = -1;                    /* rows take the focus; Enter follows the first link */
    } else {
      td.textContent = String(value);
    }
    return td;
  }

  function Results(container, spec) {
    this.container = container;
    this.columns = spec.columns;
    this.kinds = spec.kinds || spec.columns.map(function () { return "text"; });
    this.rows = spec.rows.slice();
    this.name = spec.name || "results";
    this.downloads = spec.downloads || null;
    this.idPrefix = spec.idPrefix || "";
    this.sortColumn = -1;
    this.descending = false;
    this.reportColumn = this.kinds.indexOf("report");
    this.links = spec.links || [];          /* per column: function (value, row) -> href */
    this.shade = spec.shade || [];          /* per column: function (number) -> CSS colour */
    this._build();
  }

  Results.prototype._build = function () {
    var self = this;
    var bar = el("div", "gk-results-bar");
    bar.appendChild(el("span", "gk-muted", this.rows.length + " 行 row(s)"));
    this.csvLink = bar.appendChild(el("a", "gk-download", "CSV"));
    this.jsonLink = bar.appendChild(el("a", "gk-download", "JSON"));
    if (this.idPrefix) {                  /* ids only where asked: a page may hold several tables */
      this.csvLink.id = this.idPrefix + "-csv";
      this.jsonLink.id = this.idPrefix + "-json";
    }
    var t = el("table", "gk-table gk-results");
    var head = t.appendChild(el("thead")).appendChild(el("tr"));
    this.headers = this.columns.map(function (c, i) {
      var th = head.appendChild(el("th"));
      th.setAttribute("aria-sort", "none");
      var b = th.appendChild(el("button", "gk-sort", c));
      b.type = "button";
      b.title = "sort by " + c;
      b.addEventListener("click", function () { self.sort(i); });
      return th;
    });
    this.body = t.appendChild(el("tbody"));
    this.body.addEventListener("keydown", function (event) { self._key(event); });
    this.container.replaceChildren(bar, t);
    this._fill();
  };

  Results.prototype.sort = function (i) {
    this.descending = this.sortColumn === i ? !this.descending : false;
    this.sortColumn = i;
    var sign = this.descending ? -1 : 1;
    this.rows.sort(function (a, b) { return sign * compare(a[i], b[i]); });
    this.headers.forEach(function (th, j) {
      th.setAttribute("aria-sort", j !== i ? "none" : sign > 0 ? "ascending" : "descending");
    });
    this._fill();
  };

  Results.prototype._fill = function () {
    var self = this;
    this.body.replaceChildren();
    this.rows.forEach(function (row, r) {
      var tr = self.body.appendChild(el("tr"));
      tr.tabIndex = r === 0 ? 0 : -1;
      row.forEach(function (v, i) {
        var td = tr.appendChild(cell(self.kinds[i], v, row, self.reportColumn, self.links[i]));
        if (self.shade[i] && Number(v)) td.style.background = self.shade[i](Number(v));
      });
    });
    this._links();
  };

  /* Downloads follow the order shown; a server URL (named queries) gives the same rows. */
  Results.prototype._links = function () {
    var base = this.name.replace(/[^\w\u4e00-\u9fff.-]+/g, "_");
    if (this.downloads) {
      this.csvLink.href = this.downloads.csv;
      this.jsonLink.href = this.downloads.json;
    } else {
      [this.csvLink, this.jsonLink].forEach(function (a) { if (a.href) URL.revokeObjectURL(a.href); });
      this.csvLink.href = URL.createObjectURL(new Blob([csvText(this.columns, this.rows)], { type: "text/csv;charset=utf-8" }));
      this.jsonLink.href = URL.createObjectURL(new Blob([jsonText(this.columns, this.rows)], { type: "application/json" }));
    }
    this.csvLink.download = base + ".csv";
    this.jsonLink.download = base + ".json";
  };

  Results.prototype._key = function (event) {
    var tr = event.target.closest("tr");
    if (!tr || tr.parentNode !== this.body) return;
    var next = null;
    if (event.key === "ArrowDown" || event.key === "j") next = tr.nextElementSibling;
    else if (event.key === "ArrowUp" || event.key === "k") next = tr.previousElementSibling;
    else if (event.key === "Home") next = this.body.firstElementChild;
    else if (event.key === "End") next = this.body.lastElementChild;
    else if (event.key === "Enter") {
      var link = tr.querySelector("a");
      if (link) { event.preventDefault(); link.click(); }
      return;
    }
    if (!next) return;
    event.preventDefault();
    tr.tabIndex = -1;
    next.tabIndex = 0;
    next.focus();
  };

  // JSON from the explorer's API (an error answer becomes a rejected promise with its message).
  function getJSON(url) {
    return fetch(url, { headers: { Accept: "application/json" } }).then(function (r) {
      return r.json().then(function (body) {
        if (!r.ok) throw new Error(body.error || r.statusText);
        return body;
      });
    });
  }

  // "?k=v&..." of the parameters that have a value, "" when none has.
  function query(params) {
    var out = new URLSearchParams();
    Object.keys(params).forEach(function (k) { if (params[k]) out.set(k, params[k]); });
    var text = out.toString();
    return text ? "?" + text : "";
  }

  GovKG.results = function (container, spec) { return new Results(container, spec); };
  GovKG.getJSON = getJSON;
  GovKG.query = query;
  GovKG.entityHref = entityHref;
  GovKG.reportHref = reportHref;
})();

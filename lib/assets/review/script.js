
(function () {
  'use strict';
  var DATA = JSON.parse(document.getElementById('review-data').textContent);
  var U = DATA.units, P = DATA.pairs, N = U.length;
  var $ = function (id) { return document.getElementById(id); };
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  var SVGNS = 'http://www.w3.org/2000/svg';
  function svg(tag, attrs) {
    var e = document.createElementNS(SVGNS, tag);
    for (var k in attrs) e.setAttribute(k, String(attrs[k]));
    return e;
  }
  function band(s) { return s === null ? 'none' : s >= 0.8 ? 'high' : s >= 0.5 ? 'mid' : 'low'; }
  var COLOR = { high: '#1a7f37', mid: '#d4a72c', low: '#cf222e', none: '#8c959f' };
  function base(p) { var i = Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\')); return i >= 0 ? p.slice(i + 1) : p; }
  function fmt(s) { return s === null || s === undefined ? '\u2013' : s.toFixed(2); }

  // Document pairs as objects.
  var pairs = P.map(function (p, i) {
    return { id: i, file: p[0], src: p[1], tgt: p[2], sl: p[3], tl: p[4], mode: p[5],
             units: 0, sum: 0, scored: 0, langs: p[3] + ' \u2192 ' + p[4] };
  });
  U.forEach(function (u) {
    var p = pairs[u[1]];
    p.units++;
    if (u[2] !== null) { p.sum += u[2]; p.scored++; }
  });

  // ---- decisions, kept in this browser until exported ----
  var decisions = new Map();
  var edits = new Map();  // tuid -> {src: text, tgt: text}, the sides corrected
  function textOf(i, side) {
    var e = edits.get(U[i][0]);
    return e && e[side] !== undefined ? e[side] : U[i][side === 'src' ? 4 : 5];
  }
  // Decisions are kept under the fingerprint of the memories' content (the
  // same one decisions.json carries), so two memories never share them,
  // whatever their tuids.
  var storeKey = 'crossalign-review:' + DATA.memories.join('+');
  // A Map as a JSON object. The object has no prototype, so that tuids such
  // as "__proto__", "constructor" or "toString" are keys like any other.
  function mapObject(map, keys) {
    var o = Object.create(null);
    (keys || Array.from(map.keys())).forEach(function (k) { if (map.has(k)) o[k] = map.get(k); });
    return o;
  }
  function save() {
    try {
      localStorage.setItem(storeKey, JSON.stringify({ decisions: mapObject(decisions), edits: mapObject(edits), operations: ops }));
    } catch (e) { /* storage may be off: decisions stay in the page */ }
  }
  var known = new Set(U.map(function (u) { return u[0]; }));

  // Reads {"decisions": {...}, "edits": {...}} into the page's state;
  // returns [used, for unknown units, invalid].
  function readDecisions(got) {
    var used = 0, unknown = 0, bad = 0;
    var d = got && typeof got.decisions === 'object' && got.decisions ? got.decisions : {};
    Object.keys(d).forEach(function (k) {
      var v = d[k];
      if (v !== 'accept' && v !== 'reject') { bad++; return; }
      if (!known.has(k)) { unknown++; return; }
      decisions.set(k, v);
      used++;
    });
    var e = got && typeof got.edits === 'object' && got.edits ? got.edits : {};
    Object.keys(e).forEach(function (k) {
      var v = e[k], keep = {};
      if (!v || typeof v !== 'object' || !known.has(k)) return;
      if (typeof v.src === 'string' && v.src.trim()) keep.src = v.src;
      if (typeof v.tgt === 'string' && v.tgt.trim()) keep.tgt = v.tgt;
      if (keep.src !== undefined || keep.tgt !== undefined) edits.set(k, keep);
    });
    return [used, unknown, bad];
  }
  function resetText(i) {
    var row = rows[i];
    if (!row) return;
    row.children[1].textContent = textOf(i, 'src');
    row.children[2].textContent = textOf(i, 'tgt');
    lower[i] = undefined;
  }

  // ---- overview ----
  function card(label, value, extra) {
    var c = el('div', 'card' + (extra ? ' ' + extra : ''));
    c.append(el('div', 'k', label));
    if (value instanceof Node) c.append(value); else c.append(el('div', 'v', value));
    return c;
  }
  function histogram() {
    var bins = new Array(10).fill(0), max = 1;
    U.forEach(function (u) { if (u[2] !== null) bins[Math.min(9, Math.floor(u[2] * 10))]++; });
    bins.forEach(function (b) { max = Math.max(max, b); });
    var s = svg('svg', { viewBox: '0 0 300 64', class: 'hist', role: 'img', 'aria-label': 'Units per score band' });
    bins.forEach(function (b, i) {
      var h = Math.round(50 * b / max);
      var r = svg('rect', { x: i * 30 + 2, y: 52 - h, width: 26, height: Math.max(h, b ? 1 : 0),
                            fill: COLOR[band((i + 0.5) / 10)] });
      var t = svg('title', {}); t.textContent = (i / 10).toFixed(1) + '\u2013' + ((i + 1) / 10).toFixed(1) + ': ' + b + ' units';
      r.append(t); s.append(r);
      if (i % 2 === 0) { var l = svg('text', { x: i * 30 + 2, y: 63, 'font-size': 9, fill: '#656d76' }); l.textContent = (i / 10).toFixed(1); s.append(l); }
    });
    return s;
  }
  var scored = U.filter(function (u) { return u[2] !== null; });
  var mean = scored.length ? scored.reduce(function (a, u) { return a + u[2]; }, 0) / scored.length : null;
  var langPairs = Array.from(new Set(pairs.map(function (p) { return p.langs; }))).sort();
  var cards = $('cards');
  cards.append(card('Units', N.toLocaleString('en')), card('Document pairs', pairs.length),
               card('Language pairs', langPairs.join(', ') || '\u2013'),
               card('Mean score', fmt(mean)),
               card('Below 0.5', U.filter(function (u) { return u[2] !== null && u[2] < 0.5; }).length));
  var hc = card('Scores', histogram(), 'wide');
  var legend = el('div', 'note legend');
  [['high', '\u2265 0.8'], ['mid', '0.5\u20130.8'], ['low', '< 0.5']].forEach(function (b) {
    legend.append(el('i', 'sw ' + b[0]), document.createTextNode(b[1] + ' '));
  });
  hc.append(legend);
  cards.append(hc);

  function panel(title, sub, open) {
    var d = el('details', 'panel');
    d.open = !!open;
    var s = el('summary', null, title);
    if (sub) s.append(el('span', 'sub', sub));
    d.append(s);
    var b = el('div', 'panel-body');
    d.append(b);
    return { details: d, body: b };
  }

  // Stories: articles joined by the pairs that gave units (or that the
  // report says were paired).
  var report = DATA.report;
  function pairKey(a, b) { return a + '\u0000' + b; }
  var reportByPair = new Map();
  (report || []).forEach(function (r) { reportByPair.set(pairKey(r.src, r.tgt), r); });
  function showStories() {
    if (pairs.length < 2 && !report) return;
    var parent = new Map();
    function find(x) { while (parent.get(x) !== x) { parent.set(x, parent.get(parent.get(x))); x = parent.get(x); } return x; }
    function add(x) { if (!parent.has(x)) parent.set(x, x); }
    function join(a, b) { add(a); add(b); parent.set(find(a), find(b)); }
    var docLang = new Map();
    var rows = [];
    pairs.forEach(function (p) {
      join(p.src, p.tgt); docLang.set(p.src, p.sl); docLang.set(p.tgt, p.tl);
      var r = reportByPair.get(pairKey(p.src, p.tgt));
      rows.push({ src: p.src, tgt: p.tgt, mode: p.mode, units: p.units, mean: p.scored ? p.sum / p.scored : null,
                  sim: r ? r.similarity : null, pair: p });
    });
    var seen = new Set(pairs.map(function (p) { return pairKey(p.src, p.tgt); }));
    (report || []).forEach(function (r) {
      if (r.decision === 'unrelated' || !r.units || seen.has(pairKey(r.src, r.tgt))) return;
      join(r.src, r.tgt);
      rows.push({ src: r.src, tgt: r.tgt, mode: r.decision, units: r.units, mean: null, sim: r.similarity, pair: null });
    });
    var groups = new Map();
    rows.forEach(function (row) {
      var g = find(row.src);
      if (!groups.has(g)) groups.set(g, { docs: new Set(), rows: [], units: 0 });
      var G = groups.get(g);
      G.docs.add(row.src); G.docs.add(row.tgt); G.rows.push(row); G.units += row.units;
    });
    var list = Array.from(groups.values()).sort(function (a, b) { return b.units - a.units; });
    var P1 = panel('Stories', list.length + (list.length === 1 ? ' story, ' : ' stories, ') + rows.length + ' article pairs', true);
    var box = el('div', 'stories');
    list.forEach(function (G, gi) {
      var s = el('div', 'story');
      s.append(el('h3', null, 'Story ' + (gi + 1) + ' \u00b7 ' + G.docs.size + ' articles \u00b7 ' + G.units + ' units'));
      var chips = el('div', 'chips');
      Array.from(G.docs).sort().forEach(function (d) {
        var c = el('span', 'chip', base(d)); c.title = d;
        if (docLang.get(d)) c.append(el('span', 'lang', docLang.get(d)));
        chips.append(c);
      });
      s.append(chips);
      var t = el('table', 'grid'), h = el('tr');
      var heads = ['Source', 'Target', 'Mode', 'Units', 'Mean score'];
      if (report) heads.push('Similarity');
      heads.forEach(function (x, i) { h.append(el('th', i >= 3 ? 'num' : null, x)); });
      t.append(h);
      G.rows.sort(function (a, b) { return b.units - a.units; }).forEach(function (row) {
        var tr = el('tr', row.pair ? 'link' : null);
        var a = el('td', null, base(row.src)); a.title = row.src;
        var b = el('td', null, base(row.tgt)); b.title = row.tgt;
        tr.append(a, b, el('td', null, row.mode), el('td', 'num', row.units), el('td', 'num', fmt(row.mean)));
        if (report) tr.append(el('td', 'num', fmt(row.sim)));
        if (row.pair) {
          tr.title = 'Show the units of this pair';
          tr.addEventListener('click', function () { setPairFilter(row.pair.id); });
        }
        t.append(tr);
      });
      s.append(t);
      box.append(s);
    });
    P1.body.append(box);
    $('stories').append(P1.details);
  }

  // Pairs the aligner considered and left out, from its --report.
  function showLeftOut() {
    if (!report) return;
    var out = report.filter(function (r) { return r.decision === 'unrelated' || r.units === 0; });
    var P2 = panel('Pairs left out', out.length + ' of ' + report.length + ' article pairs in the aligner\u2019s report', false);
    if (!out.length) { P2.body.append(el('p', null, 'The aligner left no pair out.')); $('left-out').append(P2.details); return; }
    var t = el('table', 'grid'), h = el('tr');
    ['Source', 'Target', 'Similarity', 'Decision', 'Why'].forEach(function (x, i) { h.append(el('th', i === 2 ? 'num' : null, x)); });
    t.append(h);
    out.sort(function (a, b) { return (b.similarity || 0) - (a.similarity || 0); });
    var shown = 0;
    function more() {
      out.slice(shown, shown + 500).forEach(function (r) {
        var tr = el('tr');
        var a = el('td', null, base(r.src)); a.title = r.src;
        var b = el('td', null, base(r.tgt)); b.title = r.tgt;
        tr.append(a, b, el('td', 'num', fmt(r.similarity)), el('td', null, r.decision || '\u2013'), el('td', 'wrap', r.reason || ''));
        t.append(tr);
      });
      shown = Math.min(out.length, shown + 500);
      moreButton.hidden = shown >= out.length;
    }
    var moreButton = el('button', 'ghost', 'Show more');
    moreButton.type = 'button';
    moreButton.addEventListener('click', more);
    P2.body.append(t, moreButton);
    more();
    $('left-out').append(P2.details);
  }

  // The alignment path of each pair aligned as a translation.
  function showPaths() {
    var tr = pairs.filter(function (p) { return p.mode === 'translation'; });
    if (!tr.length) return;
    var byPair = new Map();
    U.forEach(function (u, i) {
      if (pairs[u[1]].mode !== 'translation' || !u[6].length || !u[7].length) return;
      if (!byPair.has(u[1])) byPair.set(u[1], []);
      byPair.get(u[1]).push(i);
    });
    var P3 = panel('Alignment paths', tr.length + ' document ' + (tr.length === 1 ? 'pair' : 'pairs') + ' aligned as translations: source sentence (across) against target sentence (down); gaps in red', tr.length <= 12);
    var grid = el('div', 'paths');
    tr.forEach(function (p) {
      var ids = byPair.get(p.id) || [];
      var ms = 0, mt = 0;
      var coveredS = new Set(), coveredT = new Set();
      ids.forEach(function (i) {
        U[i][6].forEach(function (s) { ms = Math.max(ms, s + 1); coveredS.add(s); });
        U[i][7].forEach(function (t) { mt = Math.max(mt, t + 1); coveredT.add(t); });
      });
      var size = 220, pad = 8, sx = (size - 2 * pad) / Math.max(ms, 1), sy = (size - 2 * pad) / Math.max(mt, 1);
      var box = el('div', 'path');
      box.append(el('div', 'cap', base(p.src) + ' \u2192 ' + base(p.tgt)));
      var s = svg('svg', { viewBox: '0 0 ' + size + ' ' + size, class: 'alignment-path', role: 'img',
                           'aria-label': 'Alignment path, ' + ids.length + ' units' });
      s.append(svg('rect', { x: pad, y: pad, width: size - 2 * pad, height: size - 2 * pad, fill: '#f6f8fa', stroke: '#d8dee4' }));
      s.append(svg('line', { x1: pad, y1: pad, x2: size - pad, y2: size - pad, stroke: '#d8dee4', 'stroke-dasharray': '3 3' }));
      var gapsS = 0, gapsT = 0;
      for (var a = 0; a < ms; a++) if (!coveredS.has(a)) { gapsS++; s.append(svg('rect', { x: pad + a * sx, y: size - pad - 4, width: Math.max(sx, 1.5), height: 4, fill: '#cf222e' })); }
      for (var b = 0; b < mt; b++) if (!coveredT.has(b)) { gapsT++; s.append(svg('rect', { x: size - pad - 4, y: pad + b * sy, width: 4, height: Math.max(sy, 1.5), fill: '#cf222e' })); }
      var points = [];
      ids.forEach(function (i) {
        var u = U[i];
        var s0 = Math.min.apply(null, u[6]), s1 = Math.max.apply(null, u[6]) + 1;
        var t0 = Math.min.apply(null, u[7]), t1 = Math.max.apply(null, u[7]) + 1;
        points.push([pad + (s0 + s1) / 2 * sx, pad + (t0 + t1) / 2 * sy]);
        var r = svg('rect', { class: 'bead', x: pad + s0 * sx, y: pad + t0 * sy, width: Math.max((s1 - s0) * sx, 2), height: Math.max((t1 - t0) * sy, 2),
                              fill: COLOR[band(u[2])], 'data-unit': i });
        var tt = svg('title', {}); tt.textContent = u[3] + ' bead, score ' + fmt(u[2]) + ': source ' + u[6].join(',') + ', target ' + u[7].join(',');
        r.append(tt);
        s.append(r);
      });
      points.sort(function (x, y) { return x[0] - y[0]; });
      if (points.length > 1) {
        s.insertBefore(svg('polyline', { points: points.map(function (q) { return q[0].toFixed(1) + ',' + q[1].toFixed(1); }).join(' '),
                                         fill: 'none', stroke: '#57606a', 'stroke-width': 1, opacity: 0.6 }), s.children[2]);
      }
      s.addEventListener('click', function (e) {
        var t = e.target.closest && e.target.closest('rect.bead');
        if (t) jumpTo(+t.getAttribute('data-unit'));
      });
      box.append(s);
      box.append(el('div', 'cap foot', ids.length + ' units \u00b7 ' + ms + ' \u00d7 ' + mt + ' sentences \u00b7 no unit for ' + gapsS + ' source, ' + gapsT + ' target'));
      grid.append(box);
    });
    P3.body.append(grid);
    $('paths').append(P3.details);
  }

  // ---- filters ----
  function option(sel, value, label) { var o = el('option', null, label); o.value = value; sel.append(o); }
  var fLang = $('f-lang'), fPair = $('f-pair'), fStatus = $('f-status'), fMin = $('f-min'), fMax = $('f-max'), sortSel = $('sort'), search = $('search');
  option(fLang, '', 'All language pairs');
  langPairs.forEach(function (l) { option(fLang, l, l); });
  option(fPair, '', 'All document pairs (' + pairs.length + ')');
  pairs.forEach(function (p) { option(fPair, String(p.id), base(p.src) + ' \u2192 ' + base(p.tgt) + ' (' + p.units + ')'); });
  if (langPairs.length === 1) {
    var lp = pairs[0];
    $('head-src').textContent = 'Source \u00b7 ' + lp.sl;
    $('head-tgt').textContent = 'Target \u00b7 ' + lp.tl;
  }

  // ---- rows, built in chunks so the first ones show at once ----
  var rows = new Array(N);
  var lower = new Array(N);
  function makeRow(i) {
    var u = U[i], p = pairs[u[1]];
    var row = el('div', 'unit ' + band(u[2]));
    row.setAttribute('role', 'listitem');
    row.setAttribute('data-tuid', u[0]);
    row.setAttribute('data-index', i);
    row.tabIndex = -1;
    var meta = el('div', 'meta');
    meta.append(el('span', 'score', fmt(u[2])));
    meta.append(el('span', null, (u[3] || '?') + ' \u00b7 ' + (p.mode || '?')));
    // Which source and target the unit joins, both named in full.
    var docs = el('span', 'docs');
    var ds = el('span', 'doc src', base(p.src)), dt = el('span', 'doc tgt', '\u2192 ' + base(p.tgt));
    ds.title = p.src; dt.title = p.tgt;
    docs.append(ds, dt);
    meta.append(docs);
    if (u[6].length) meta.append(el('span', null, 's' + u[6].join(',') + ' \u2194 t' + u[7].join(',')));
    if (u[8]) meta.append(el('span', 'earlier', u[8] + ' earlier'));
    var s = el('div', 'seg src', textOf(i, 'src')); s.dir = 'auto'; if (p.sl) s.lang = p.sl;
    var t = el('div', 'seg tgt', textOf(i, 'tgt')); t.dir = 'auto'; if (p.tl) t.lang = p.tl;
    var act = el('div', 'actions');
    [['accept', 'Accept', 'a'], ['reject', 'Reject', 'r']].forEach(function (b) {
      var btn = el('button', 'btn ' + b[0], b[1]);
      btn.type = 'button';
      btn.setAttribute('data-action', b[0]);
      btn.setAttribute('aria-pressed', 'false');
      btn.title = b[1] + ' (' + b[2] + ')';
      btn.append(el('span', 'key', b[2]));
      act.append(btn);
    });
    var ed = el('button', 'btn edit', 'Correct');
    ed.type = 'button';
    ed.setAttribute('data-action', 'edit');
    ed.title = 'Correct the text (c); Enter keeps, Esc cancels';
    ed.append(el('span', 'key', 'c'));
    act.append(ed);
    row.append(meta, s, t, act);
    rows[i] = row;
    paint(i);
    return row;
  }
  function paint(i) {
    var row = rows[i];
    if (!row) return;
    var d = decisions.get(U[i][0]) || '';
    row.classList.toggle('is-accept', d === 'accept');
    row.classList.toggle('is-reject', d === 'reject');
    row.querySelector('.btn.accept').setAttribute('aria-pressed', d === 'accept' ? 'true' : 'false');
    row.querySelector('.btn.reject').setAttribute('aria-pressed', d === 'reject' ? 'true' : 'false');
    var e = edits.get(U[i][0]);
    [[row.children[1], 'src', 4], [row.children[2], 'tgt', 5]].forEach(function (x) {
      var changed = !!(e && e[x[1]] !== undefined);
      x[0].classList.toggle('changed', changed);
      if (changed) x[0].title = 'Corrected; was: ' + U[i][x[2]]; else x[0].removeAttribute('title');
    });
  }
  var list = $('units');
  var ready = false, pending = false;
  var order = [];     // unit indices in the current order
  var shown = [];     // those that pass the filters
  var posOf = new Int32Array(N).fill(-1);
  var current = -1;

  function build() {
    var i = 0;
    function chunk(size) {
      var frag = document.createDocumentFragment();
      var end = Math.min(N, i + size);
      for (; i < end; i++) frag.append(makeRow(i));
      list.append(frag);
      if (i < N) { setTimeout(function () { chunk(1500); }, 0); return; }
      ready = true;
      paintRemoved();
      performance.mark('review-ready');
      applyFilters();
      document.body.setAttribute('data-ready', 'true');
    }
    chunk(150);
    performance.mark('review-first-rows');
  }

  var lastQuery = '';
  function highlight(i, q) {
    var row = rows[i];
    if (row.classList.contains('editing')) return;
    [[row.children[1], textOf(i, 'src')], [row.children[2], textOf(i, 'tgt')]].forEach(function (x) {
      var node = x[0], text = x[1];
      if (!q) { if (node.firstElementChild) node.textContent = text; return; }
      var low = text.toLowerCase(), at = 0, k, frag = document.createDocumentFragment(), hit = false;
      while ((k = low.indexOf(q, at)) >= 0 && low.length === text.length) {
        frag.append(document.createTextNode(text.slice(at, k)), el('mark', null, text.slice(k, k + q.length)));
        at = k + q.length; hit = true;
      }
      if (!hit) { if (node.firstElementChild) node.textContent = text; return; }
      frag.append(document.createTextNode(text.slice(at)));
      node.textContent = '';
      node.append(frag);
    });
  }

  function applyFilters() {
    if (!ready) { pending = true; return; }
    var t0 = performance.now();
    var q = search.value.trim().toLowerCase();
    var lang = fLang.value, pair = fPair.value, st = fStatus.value;
    var lo = parseFloat(fMin.value), hi = parseFloat(fMax.value);
    if (isNaN(lo)) lo = 0; if (isNaN(hi)) hi = 1;
    var scoreFilter = lo > 0 || hi < 1;
    var sort = sortSel.value;
    order = []; for (var i = 0; i < N; i++) order.push(i);
    if (sort === 'score-asc' || sort === 'score-desc') {
      var dir = sort === 'score-asc' ? 1 : -1;
      order.sort(function (a, b) {
        var x = U[a][2], y = U[b][2];
        if (x === null) x = dir > 0 ? 2 : -1; if (y === null) y = dir > 0 ? 2 : -1;
        return (x - y) * dir || a - b;
      });
    } else if (sort === 'pair') {
      order.sort(function (a, b) {
        var p = pairs[U[a][1]], r = pairs[U[b][1]];
        return p.src < r.src ? -1 : p.src > r.src ? 1 : p.tgt < r.tgt ? -1 : p.tgt > r.tgt ? 1 : a - b;
      });
    }
    shown = [];
    posOf.fill(-1);
    var frag = document.createDocumentFragment();
    var reorder = sort !== list.getAttribute('data-sort');
    order.forEach(function (i) {
      var u = U[i], p = pairs[u[1]], ok = true;
      if (lang && p.langs !== lang) ok = false;
      else if (pair && String(p.id) !== pair) ok = false;
      else if (scoreFilter && (u[2] === null || u[2] < lo || u[2] > hi)) ok = false;
      else if (st) { var d = decisions.get(u[0]); ok = st === 'open' ? !d : d === st; }
      if (ok && q) {
        if (lower[i] === undefined) lower[i] = (textOf(i, 'src') + '\n' + textOf(i, 'tgt')).toLowerCase();
        ok = lower[i].indexOf(q) >= 0;
      }
      var row = rows[i];
      if (row.hidden === ok) row.hidden = !ok;
      if (ok) { posOf[i] = shown.length; shown.push(i); }
      if ((ok && q) || lastQuery) highlight(i, ok ? q : '');
      if (reorder) frag.append(row);
    });
    if (reorder) { list.append(frag); list.setAttribute('data-sort', sort); }
    lastQuery = q;
    $('empty').hidden = shown.length > 0;
    if (!N) $('empty').textContent = 'This memory holds no units.';
    $('shown').textContent = shown.length === N ? N.toLocaleString('en') + ' units' : shown.length.toLocaleString('en') + ' of ' + N.toLocaleString('en') + ' units';
    if (current >= 0 && posOf[current] < 0) setCurrent(-1);
    performance.measure('review-filter', { start: t0, end: performance.now() });
  }
  var timer = 0;
  search.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(applyFilters, 120); });
  [fLang, fPair, fStatus, fMin, fMax, sortSel].forEach(function (c) { c.addEventListener('change', applyFilters); });
  function setPairFilter(id) {
    fPair.value = String(id);
    applyFilters();
    list.scrollIntoView({ block: 'start' });
  }

  function progress() {
    var a = 0, r = 0;
    decisions.forEach(function (v) { if (v === 'accept') a++; else r++; });
    $('meter-accept').style.width = (N ? 100 * a / N : 0) + '%';
    $('meter-reject').style.width = (N ? 100 * r / N : 0) + '%';
    $('progress-text').textContent = (a + r).toLocaleString('en') + ' of ' + N.toLocaleString('en') + ' judged \u00b7 ' + a + ' accepted \u00b7 ' + r + ' rejected';
  }

  function setCurrent(i, scroll) {
    if (current >= 0 && rows[current]) rows[current].classList.remove('current');
    current = i;
    if (i < 0) return;
    var row = rows[i];
    row.classList.add('current');
    row.focus({ preventScroll: true });
    if (scroll) row.scrollIntoView({ block: 'center' });
  }
  // The unit a key acts on: the current one, else (on a fresh page) the
  // first one shown, so that the first key press already acts.
  function currentOrFirst() {
    if (current < 0 && shown.length) setCurrent(shown[0], true);
    return current;
  }
  function move(step) {
    if (!shown.length) return;
    var p = current >= 0 ? posOf[current] : -1;
    var next = p < 0 ? (step > 0 ? 0 : shown.length - 1) : Math.max(0, Math.min(shown.length - 1, p + step));
    setCurrent(shown[next], true);
  }
  function nextOpen() {
    var p = current >= 0 ? posOf[current] : -1;
    for (var k = 1; k <= shown.length; k++) {
      var i = shown[(p + k) % shown.length];
      if (!decisions.has(U[i][0])) { setCurrent(i, true); return; }
    }
    toast('Every unit shown has a decision.');
  }
  function decide(i, what, advance) {
    if (i < 0) return;
    var tuid = U[i][0];
    if (!what || decisions.get(tuid) === what) {
      decisions.delete(tuid);
      if (edits.has(tuid)) { edits.delete(tuid); resetText(i); toast('Correction discarded.'); }
    } else {
      decisions.set(tuid, what);
    }
    // Units sharing a tuid (the same unit in two memories) share the decision.
    for (var k = 0; k < N; k++) if (U[k][0] === tuid && k !== i && rows[k]) paint(k);
    paint(i);
    save();
    progress();
    if (advance) move(1);
  }
  function jumpTo(i) {
    if (posOf[i] < 0) {
      search.value = ''; fLang.value = ''; fPair.value = ''; fStatus.value = ''; fMin.value = 0; fMax.value = 1;
      applyFilters();
    }
    setCurrent(i, true);
  }

  // Correcting a unit's text in place: Enter (or leaving the unit) keeps
  // the text, Esc cancels. A corrected unit is accepted.
  var editing = -1;
  function startEdit(i) {
    if (i < 0) return;
    if (editing >= 0) finishEdit(true);
    var row = rows[i];
    editing = i;
    setCurrent(i, false);
    row.classList.add('editing');
    [row.children[1], row.children[2]].forEach(function (seg, k) {
      seg.textContent = textOf(i, k ? 'tgt' : 'src');
      seg.setAttribute('contenteditable', 'plaintext-only');
      seg.setAttribute('spellcheck', 'true');
    });
    var t = row.children[2];
    t.focus();
    var range = document.createRange();
    range.selectNodeContents(t);
    range.collapse(false);
    var sel = window.getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
  }
  function finishEdit(keep) {
    var i = editing;
    if (i < 0) return;
    editing = -1;
    var row = rows[i], tuid = U[i][0];
    var now = {};
    var empty = false;
    [[row.children[1], 'src', 4], [row.children[2], 'tgt', 5]].forEach(function (x) {
      var text = x[0].textContent.replace(/\s+/g, ' ').trim();
      x[0].removeAttribute('contenteditable');
      x[0].removeAttribute('spellcheck');
      if (!text) empty = true;
      if (text && text !== U[i][x[2]]) now[x[1]] = text;
    });
    row.classList.remove('editing');
    if (keep && empty) toast('A side cannot be empty: reject the unit instead.');
    if (keep && !empty) {
      if (now.src !== undefined || now.tgt !== undefined) {
        edits.set(tuid, now);
        decisions.set(tuid, 'accept');
      } else {
        edits.delete(tuid);
      }
      save();
      progress();
    }
    resetText(i);
    paint(i);
    row.focus({ preventScroll: true });
  }
  list.addEventListener('focusout', function (e) {
    if (editing < 0) return;
    var row = rows[editing];
    if (row.contains(e.relatedTarget)) return;
    setTimeout(function () { if (editing >= 0 && !row.contains(document.activeElement)) finishEdit(true); }, 0);
  });

  var toastTimer = 0;
  function toast(text) {
    var t = $('toast');
    t.textContent = text;
    t.hidden = false;
    clearTimeout(toastTimer);
    toastTimer = setTimeout(function () { t.hidden = true; }, 2600);
  }

  // decisions.json (format 2, documented in crossalign/review_page.h).
  function decisionFile() {
    var ids = [], seen = new Set();
    U.forEach(function (u) { if (!seen.has(u[0])) { seen.add(u[0]); ids.push(u[0]); } });
    ops.forEach(function (op) { (op.add || []).forEach(function (n) { if (!seen.has(n.id)) { seen.add(n.id); ids.push(n.id); } }); });
    var file = { format: 'crossalign-review-decisions', version: 2, memories: DATA.memories.slice() };
    if (ARTICLES.size) {
      file.articles = Object.create(null);
      ARTICLES.forEach(function (a, name) { file.articles[name] = a.fp; });
    }
    file.decisions = mapObject(decisions, ids);
    if (edits.size) file.edits = mapObject(edits, ids);
    if (ops.length) file.operations = ops;
    return file;
  }
  function exportDecisions() {
    var file = decisionFile();
    var n = Object.keys(file.decisions).length;
    var blob = new Blob([JSON.stringify(file, null, 1) + '\n'], { type: 'application/json' });
    var a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = 'decisions.json';
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(a.href); }, 30000);
    toast('decisions.json: ' + n + ' decisions. Apply: align review --apply decisions.json IN.tmx -o OUT.tmx');
  }

  function decideShown(what) {
    if (!shown.length) return;
    if (shown.length > 1 && !window.confirm((what === 'accept' ? 'Accept' : 'Reject') + ' the ' + shown.length + ' units shown?')) return;
    shown.forEach(function (i) { decisions.set(U[i][0], what); paint(i); });
    save();
    progress();
    applyFilters();
  }
  function importDecisions(file) {
    var reader = new FileReader();
    reader.onload = function () {
      var got;
      try { got = JSON.parse(reader.result); } catch (e) { got = null; }
      if (!got || typeof got.decisions !== 'object' || got.decisions === null) {
        toast(file.name + ' is not a decisions file: {"decisions": {...}} expected');
        return;
      }
      if (Array.isArray(got.operations)) {
        ops = []; links.clear(); removed.clear();
        rows.forEach(function (r) { r.classList.remove('is-removed'); });
        readOperations(got);
        paintRemoved();
        if (view.pair) renderDoc(view.pair);
      }
      var c = readDecisions(got), used = c[0], unknown = c[1], bad = c[2];
      for (var i = 0; i < N; i++) { resetText(i); paint(i); }
      save();
      progress();
      applyFilters();
      toast('Loaded ' + used + ' decisions from ' + file.name +
            (unknown ? '; ' + unknown + ' for units not on this page ignored' : '') +
            (bad ? '; ' + bad + ' neither accept nor reject ignored' : ''));
    };
    reader.readAsText(file);
  }
  $('import-file').addEventListener('change', function (e) {
    if (e.target.files.length) importDecisions(e.target.files[0]);
    e.target.value = '';
  });

  document.addEventListener('click', function (e) {
    if (docClick(e)) return;
    var b = e.target.closest('[data-action]');
    var act = b && b.getAttribute('data-action');
    if (act === 'pair' || act === 'unpair' || act === 'merge' || act === 'split' || act === 'edit-link') { docAction(act); return; }
    if (act === 'keep-edit' || act === 'cancel-edit') { finishLinkEdit(act === 'keep-edit'); return; }
    if (act === 'export') { exportDecisions(); return; }
    if (act === 'import') { $('import-file').click(); return; }
    if (act === 'accept-shown' || act === 'reject-shown') { decideShown(act.split('-')[0]); return; }
    var row = e.target.closest('[data-tuid]');
    if (!row) return;
    var i = +row.getAttribute('data-index');
    if (act === 'edit') { if (editing === i) finishEdit(true); else startEdit(i); return; }
    if (editing === i && !b) return;  // clicks inside the text being corrected
    if (b && editing >= 0) finishEdit(true);
    if (b) decide(i, act, false);
    setCurrent(i, false);
  });
  $('help-button').addEventListener('click', function () { $('help').hidden = !$('help').hidden; });
  document.addEventListener('keydown', function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.target.closest && e.target.closest('#link-editor')) {
      if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); finishLinkEdit(true); }
      else if (e.key === 'Escape') { e.preventDefault(); finishLinkEdit(false); }
      return;
    }
    if (docKey(e)) return;
    if (e.target.isContentEditable) {
      if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); finishEdit(true); }
      else if (e.key === 'Escape') { e.preventDefault(); finishEdit(false); }
      return;
    }
    var tag = e.target.tagName;
    if (tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA') {
      if (e.key === 'Escape') e.target.blur();
      return;
    }
    switch (e.key) {
      case 'j': move(1); break;
      case 'k': move(-1); break;
      case 'a': decide(currentOrFirst(), 'accept', true); break;
      case 'r': decide(currentOrFirst(), 'reject', true); break;
      case 'u': decide(current, '', false); break;
      case 'n': nextOpen(); break;
      case 'c': startEdit(currentOrFirst()); break;
      case '/': search.focus(); break;
      case 'e': exportDecisions(); break;
      case '?': $('help').hidden = !$('help').hidden; break;
      case 'Escape': $('help').hidden = true; break;
      default: return;
    }
    e.preventDefault();
  });

  // ---- the document view: both articles of a pair, every segment, the
  // links between them, and the reviewer's editing operations ----
  var ARTICLES = new Map();
  (DATA.articles || []).forEach(function (a) { ARTICLES.set(a.name, a); });
  var ops = [];          // the operations, in order, as decisions.json holds them
  var links = new Map(); // pair id -> [{id, src, tgt, made, text: {src, tgt}}]
  var removed = new Set(); // ids of units an operation removed
  function fnv(text) {
    var h = 2166136261;
    for (var j = 0; j < text.length; j++) { h ^= text.charCodeAt(j); h = Math.imul(h, 16777619); }
    return (h >>> 0).toString(16);
  }
  function pairLinks(p) {
    if (!links.has(p.id)) {
      var list = [];
      U.forEach(function (u) {
        if (u[1] === p.id && u[6].length && u[7].length) list.push({ id: u[0], src: u[6].slice(), tgt: u[7].slice(), made: false });
      });
      links.set(p.id, list);
    }
    return links.get(p.id);
  }
  function sortLinks(list) {
    list.sort(function (a, b) { return (a.src[0] - b.src[0]) || (a.tgt[0] - b.tgt[0]); });
  }
  function pairOf(srcDoc, tgtDoc) {
    for (var k = 0; k < pairs.length; k++) if (pairs[k].src === srcDoc && pairs[k].tgt === tgtDoc) return pairs[k];
    return null;
  }
  function joined(article, ids) {
    return ids.map(function (i) { return article.segs[i][0]; }).join(' ').replace(/\s+/g, ' ').trim();
  }
  function position(p, src, tgt) {
    var a = ARTICLES.get(p.src), b = ARTICLES.get(p.tgt);
    return 'src p' + a.segs[src[0]][2] + ':s' + src.join(',') + ' tgt p' + b.segs[tgt[0]][2] + ':s' + tgt.join(',');
  }
  // A unit the reviewer makes, as an operation's "add" entry.
  function newUnit(p, srcIds, tgtIds) {
    var byNumber = function (x, y) { return x - y; };
    var s = srcIds.slice().sort(byNumber), t = tgtIds.slice().sort(byNumber);
    var a = ARTICLES.get(p.src), b = ARTICLES.get(p.tgt);
    return { id: 'review:' + fnv(p.src + '\u0000' + p.tgt) + ':s' + s.join(',') + ':t' + t.join(','),
             src_doc: p.src, tgt_doc: p.tgt, src_lang: p.sl, tgt_lang: p.tl, src: s, tgt: t,
             position: position(p, s, t), src_text: joined(a, s), tgt_text: joined(b, t) };
  }
  // Applies an operation to the links; false when it no longer fits them.
  function applyOp(op) {
    var p = null;
    if (op.add && op.add.length) p = pairOf(op.add[0].src_doc, op.add[0].tgt_doc);
    var list = null;
    if (!p) {
      pairs.forEach(function (q) {
        if (list || !ARTICLES.has(q.src) || !ARTICLES.has(q.tgt)) return;
        var l = pairLinks(q);
        if (l.some(function (x) { return op.remove.indexOf(x.id) >= 0; })) { list = l; p = q; }
      });
    }
    if (!p) return false;
    list = list || pairLinks(p);
    var gone = list.filter(function (x) { return op.remove.indexOf(x.id) >= 0; });
    if (gone.length !== op.remove.length) return false;
    gone.forEach(function (x) { list.splice(list.indexOf(x), 1); if (!x.made) removed.add(x.id); });
    (op.add || []).forEach(function (n) { list.push({ id: n.id, src: n.src.slice(), tgt: n.tgt.slice(), made: true, unit: n }); known.add(n.id); });
    sortLinks(list);
    ops.push(op);
    return true;
  }
  function linkTexts(p, l) {
    if (l.made) return { src: l.unit.src_text, tgt: l.unit.tgt_text };
    var i = unitIndex.get(l.id);
    return { src: textOf(i, 'src'), tgt: textOf(i, 'tgt') };
  }
  var unitIndex = new Map();
  U.forEach(function (u, i) { if (!unitIndex.has(u[0])) unitIndex.set(u[0], i); });

  var view = { pair: null, sel: { src: new Set(), tgt: new Set() } };
  var viewPairs = pairs.filter(function (p) { return ARTICLES.has(p.src) && ARTICLES.has(p.tgt); });
  function showDocView() {
    var P4 = panel('Document view', viewPairs.length ? 'both articles of a pair, every segment; select a sentence on each side, then Pair' : 'units only', true);
    P4.details.id = 'docview';
    if (!viewPairs.length) {
      var why = DATA.articlesNote || 'This page was made without the articles, so it shows the units only.';
      var n = el('p', 'docnote', why);
      n.id = 'docview-note';
      P4.body.append(n);
      $('documents').append(P4.details);
      return;
    }
    var bar = el('div', 'docbar');
    var sel = el('select');
    sel.id = 'doc-pair';
    sel.setAttribute('aria-label', 'Article pair');
    viewPairs.forEach(function (p) { option(sel, String(p.id), base(p.src) + ' \u2192 ' + base(p.tgt)); });
    sel.addEventListener('change', function () { renderDoc(pairs[+sel.value]); });
    bar.append(sel);
    [['pair', 'Pair', 'p', 'Pair the selected source and target sentences'],
     ['unpair', 'Unpair', 'x', 'Remove the link of the selected sentence'],
     ['merge', 'Merge with next', 'm', 'Merge the selected sentence\u2019s unit with the next unit'],
     ['split', 'Split', 's', 'Split the selected sentence\u2019s unit before the selected sentences'],
     ['edit-link', 'Edit text', 't', 'Correct the text of the selected sentence\u2019s unit']].forEach(function (b) {
      var btn = el('button', 'btn', b[1]);
      btn.type = 'button';
      btn.setAttribute('data-action', b[0]);
      btn.title = b[3] + ' (' + b[2] + ')';
      btn.append(el('span', 'key', b[2]));
      bar.append(btn);
    });
    var status = el('span', 'docstatus');
    status.id = 'doc-status';
    bar.append(status);
    var box = el('div', 'docpair');
    box.id = 'doc-pair-view';
    P4.body.append(bar, box);
    $('documents').append(P4.details);
    renderDoc(viewPairs[0]);
  }
  function renderDoc(p) {
    view.pair = p;
    view.sel.src.clear(); view.sel.tgt.clear();
    var box = $('doc-pair-view');
    box.textContent = '';
    var cols = [];
    [['src', p.src, p.sl], ['tgt', p.tgt, p.tl]].forEach(function (side) {
      var a = ARTICLES.get(side[1]);
      var col = el('div', 'doccol ' + side[0]);
      col.append(el('div', 'dochead', base(side[1]) + ' \u00b7 ' + (side[2] || a.lang) + ' \u00b7 ' + a.segs.length + ' segments'));
      a.segs.forEach(function (s, i) {
        var d = el('div', 'sent ' + s[1], s[0]);
        d.setAttribute('data-side', side[0]);
        d.setAttribute('data-index', i);
        d.setAttribute('data-kind', s[1]);
        d.tabIndex = 0;
        d.dir = 'auto';
        if (side[2]) d.lang = side[2];
        col.append(d);
      });
      cols.push(col);
    });
    var lines = svg('svg', { class: 'doclinks', 'aria-hidden': 'true' });
    box.append(cols[0], lines, cols[1]);
    paintDoc();
  }
  function sentence(side, i) {
    return document.querySelector('#doc-pair-view .sent[data-side="' + side + '"][data-index="' + i + '"]');
  }
  function linkOfSentence(side, i) {
    return pairLinks(view.pair).find(function (l) { return l[side].indexOf(i) >= 0; }) || null;
  }
  function paintDoc() {
    var p = view.pair;
    if (!p) return;
    var list = pairLinks(p);
    document.querySelectorAll('#doc-pair-view .sent').forEach(function (s) {
      var side = s.getAttribute('data-side'), i = +s.getAttribute('data-index');
      var l = linkOfSentence(side, i);
      s.classList.toggle('linked', !!l);
      s.classList.toggle('made', !!(l && l.made));
      s.classList.toggle('selected', view.sel[side].has(i));
      var d = l && !l.made ? decisions.get(l.id) : '';
      s.classList.toggle('is-accept', d === 'accept');
      s.classList.toggle('is-reject', d === 'reject');
      if (l) s.setAttribute('data-link', l.id); else s.removeAttribute('data-link');
    });
    var lines = document.querySelector('#doc-pair-view svg.doclinks');
    var box = $('doc-pair-view').getBoundingClientRect();
    lines.textContent = '';
    var w = lines.getBoundingClientRect().width || 60;
    lines.setAttribute('viewBox', '0 0 ' + w + ' ' + box.height);
    lines.setAttribute('height', box.height);
    list.forEach(function (l) {
      var a = sentence('src', l.src[0]), b = sentence('tgt', l.tgt[0]);
      var a2 = sentence('src', l.src[l.src.length - 1]), b2 = sentence('tgt', l.tgt[l.tgt.length - 1]);
      if (!a || !b) return;
      var y1 = (a.getBoundingClientRect().top + a2.getBoundingClientRect().bottom) / 2 - box.top;
      var y2 = (b.getBoundingClientRect().top + b2.getBoundingClientRect().bottom) / 2 - box.top;
      var score = l.made ? null : U[unitIndex.get(l.id)][2];
      lines.append(svg('path', { d: 'M0 ' + y1.toFixed(1) + ' C' + (w / 2) + ' ' + y1.toFixed(1) + ' ' + (w / 2) + ' ' + y2.toFixed(1) + ' ' + w + ' ' + y2.toFixed(1),
                                 class: 'link' + (l.made ? ' made' : ''), stroke: l.made ? '#0969da' : COLOR[band(score)], 'data-link': l.id }));
    });
    var made = ops.length;
    $('doc-status').textContent = list.length + ' links' + (made ? ' \u00b7 ' + made + ' operations' : '');
  }
  function selected(side) { return Array.from(view.sel[side]).sort(function (x, y) { return x - y; }); }
  function anySelectedLink() {
    var s = selected('src'), t = selected('tgt');
    return (s.length && linkOfSentence('src', s[0])) || (t.length && linkOfSentence('tgt', t[0])) || null;
  }
  function doOp(op, message) {
    if (!applyOp(op)) { toast('That operation does not fit the links.'); return; }
    view.sel.src.clear(); view.sel.tgt.clear();
    save();
    paintDoc();
    paintRemoved();
    toast(message);
  }
  function docAction(act) {
    var p = view.pair;
    if (!p) return;
    var s = selected('src'), t = selected('tgt'), l = anySelectedLink();
    if (act === 'pair') {
      if (!s.length || !t.length) { toast('Select a source and a target sentence first.'); return; }
      var taken = s.some(function (i) { return linkOfSentence('src', i); }) || t.some(function (i) { return linkOfSentence('tgt', i); });
      if (taken) { toast('A selected sentence is linked already: unpair it first.'); return; }
      doOp({ op: 'pair', remove: [], add: [newUnit(p, s, t)] }, 'Paired ' + s.length + ' source and ' + t.length + ' target sentences.');
    } else if (act === 'unpair') {
      if (!l) { toast('Select a linked sentence first.'); return; }
      doOp({ op: 'unpair', remove: [l.id], add: [] }, 'Unpaired.');
    } else if (act === 'merge') {
      if (!l) { toast('Select a linked sentence first.'); return; }
      var list = pairLinks(p), next = list[list.indexOf(l) + 1];
      if (!next) { toast('This is the last unit: nothing to merge with.'); return; }
      doOp({ op: 'merge', remove: [l.id, next.id], add: [newUnit(p, l.src.concat(next.src), l.tgt.concat(next.tgt))] },
           'Merged into one ' + (l.src.length + next.src.length) + '-' + (l.tgt.length + next.tgt.length) + ' unit.');
    } else if (act === 'split') {
      if (!l) { toast('Select a sentence of the unit to split.'); return; }
      // The second part starts at the selected sentence of each side (the
      // middle of a side without one).
      function at(side, sel) {
        var ids = l[side], k = sel.length ? ids.indexOf(sel[sel.length - 1]) : -1;
        return k > 0 ? k : Math.ceil(ids.length / 2);
      }
      var ks = at('src', s), kt = at('tgt', t);
      var parts = [[l.src.slice(0, ks), l.tgt.slice(0, kt)], [l.src.slice(ks), l.tgt.slice(kt)]]
        .filter(function (x) { return x[0].length && x[1].length; });
      if (parts.length < 2 && l.src.length + l.tgt.length <= 2) { toast('A 1-1 unit cannot be split: unpair it instead.'); return; }
      doOp({ op: 'split', remove: [l.id], add: parts.map(function (x) { return newUnit(p, x[0], x[1]); }) }, 'Split into ' + parts.length + ' units.');
    } else if (act === 'edit-link') {
      if (!l) { toast('Select a sentence of the unit to correct.'); return; }
      editLink(l);
    }
  }
  // Correcting a link's text: two fields under the bar; Enter keeps, Esc
  // cancels. A corrected unit is accepted, as on its card.
  function editLink(l) {
    var old = $('link-editor');
    if (old) old.remove();
    var texts = linkTexts(view.pair, l);
    var box = el('div', 'linkedit');
    box.id = 'link-editor';
    var fs = el('textarea', 'src'), ft = el('textarea', 'tgt');
    fs.value = texts.src; ft.value = texts.tgt;
    fs.setAttribute('aria-label', 'Source text'); ft.setAttribute('aria-label', 'Target text');
    var ok = el('button', 'btn', 'Keep'); ok.type = 'button'; ok.setAttribute('data-action', 'keep-edit');
    var no = el('button', 'btn', 'Cancel'); no.type = 'button'; no.setAttribute('data-action', 'cancel-edit');
    box.append(fs, ft, ok, no);
    box.setAttribute('data-link', l.id);
    $('doc-pair-view').before(box);
    ft.focus();
  }
  function finishLinkEdit(keep) {
    var box = $('link-editor');
    if (!box) return;
    view.sel.src.clear(); view.sel.tgt.clear();
    paintDoc();
    var id = box.getAttribute('data-link');
    var texts = { src: box.querySelector('.src').value.replace(/\s+/g, ' ').trim(),
                  tgt: box.querySelector('.tgt').value.replace(/\s+/g, ' ').trim() };
    box.remove();
    if (!keep) return;
    if (!texts.src || !texts.tgt) { toast('A side cannot be empty: unpair the unit instead.'); return; }
    var l = pairLinks(view.pair).find(function (x) { return x.id === id; });
    if (!l) return;
    var was = linkTexts(view.pair, l), now = {};
    if (texts.src !== was.src) now.src = texts.src;
    if (texts.tgt !== was.tgt) now.tgt = texts.tgt;
    if (now.src === undefined && now.tgt === undefined) return;
    if (l.made) {
      if (now.src !== undefined) l.unit.src_text = now.src;
      if (now.tgt !== undefined) l.unit.tgt_text = now.tgt;
    } else {
      var prev = edits.get(id) || {};
      if (now.src !== undefined) prev.src = now.src;
      if (now.tgt !== undefined) prev.tgt = now.tgt;
      edits.set(id, prev);
      decisions.set(id, 'accept');
      var i = unitIndex.get(id);
      resetText(i); paint(i); progress();
    }
    save();
    paintDoc();
    toast('Text corrected.');
  }
  function paintRemoved() {
    removed.forEach(function (id) {
      var i = unitIndex.get(id);
      if (i !== undefined && rows[i]) rows[i].classList.add('is-removed');
    });
  }
  var docview = null;
  function docClick(e) {
    var s = e.target.closest('#doc-pair-view .sent');
    if (!s) return false;
    var side = s.getAttribute('data-side'), i = +s.getAttribute('data-index');
    if (view.sel[side].has(i)) view.sel[side].delete(i); else view.sel[side].add(i);
    paintDoc();
    return true;
  }
  // Keys in the document view: arrows move between sentences, Space or
  // Enter selects, p pairs, x unpairs, m merges, s splits, t corrects.
  function docKey(e) {
    if (!e.target.closest || !e.target.closest('#doc-pair-view, #docview .docbar')) return false;
    if (/^(INPUT|SELECT|TEXTAREA)$/.test(e.target.tagName)) return false;
    var s = e.target.closest('.sent');
    var keys = { p: 'pair', x: 'unpair', Delete: 'unpair', m: 'merge', s: 'split', t: 'edit-link' };
    if (keys[e.key]) { docAction(keys[e.key]); e.preventDefault(); return true; }
    if (!s) return false;
    var side = s.getAttribute('data-side'), i = +s.getAttribute('data-index'), to = null;
    if (e.key === ' ' || e.key === 'Enter') {
      if (view.sel[side].has(i)) view.sel[side].delete(i); else view.sel[side].add(i);
      paintDoc();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      to = sentence(side, i + (e.key === 'ArrowDown' ? 1 : -1));
    } else if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
      var other = side === 'src' ? 'tgt' : 'src', l = linkOfSentence(side, i);
      to = sentence(other, l ? l[other][0] : i) || document.querySelector('#doc-pair-view .sent[data-side="' + other + '"]');
    } else {
      return false;
    }
    if (to) to.focus();
    e.preventDefault();
    return true;
  }
  // The operations of a decisions file (or of this browser's storage),
  // replayed; returns how many did not fit.
  function readOperations(got) {
    var bad = 0;
    (got && Array.isArray(got.operations) ? got.operations : []).forEach(function (op) {
      if (!op || typeof op.op !== 'string' || !Array.isArray(op.remove) || (op.add && !Array.isArray(op.add))) { bad++; return; }
      if (!applyOp({ op: op.op, remove: op.remove.slice(), add: (op.add || []).map(function (n) { return Object.assign({}, n); }) })) bad++;
    });
    return bad;
  }

  // Scrolling a unit into view keeps it below the sticky bars: the page's
  // scroll padding is their height, measured whenever they change size.
  function stickyOffset() {
    var h = $('toolbar').getBoundingClientRect().height + document.querySelector('.top').getBoundingClientRect().height;
    document.documentElement.style.setProperty('--sticky', Math.ceil(h + 8) + 'px');
  }
  stickyOffset();
  if (window.ResizeObserver) new ResizeObserver(stickyOffset).observe($('toolbar'));
  window.addEventListener('resize', function () { stickyOffset(); paintDoc(); });

  try {
    var saved = JSON.parse(localStorage.getItem(storeKey) || 'null');
    if (saved) { readOperations(saved); readDecisions(saved); }
  } catch (e) { /* ignore */ }
  showStories();
  showPaths();
  showDocView();
  showLeftOut();
  progress();
  if (decisions.size) toast('Restored ' + decisions.size + ' decisions made earlier in this browser.');
  build();
  if (pending) applyFilters();
})();

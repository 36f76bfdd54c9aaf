/*
 * Client-side search over the catalogue's servers and tools, on the sharded index that the build writes under
 * search/ (org.mcpcatalogue.render.search.SearchIndexBuilder; the format is in docs/search.md).
 *
 * The search page has:
 *   <body data-index="./" data-base="..">     (relative, so the page works from file:// and under a sub-path)
 *   <form id="search-form" role="search" action="…/search/" method="get">
 *     <input id="search-input" type="search" name="q">
 *     checkboxes name="category" and name="risk", <select id="search-server" name="server">
 *   </form>
 *   <p id="search-status" aria-live="polite"></p>
 *   <ol id="search-results"></ol>
 *   <nav id="search-pages"> <a id="search-prev"> <span id="search-page"> <a id="search-next"> </nav>
 *
 * Every index file is a script that calls window.__mcpSearch(key, data), loaded with a <script> element, so
 * search works from file:// as well as from any static server, with no request elsewhere. Nothing is loaded
 * until the reader uses the search box or opens the page with a search in its address; then manifest.js and
 * facets.js, the term shards of the words typed, the exact-name file of the query, and only the records of the
 * page of results shown.
 *
 * The state is the query string: q, category (repeatable), risk (repeatable), server (a slug) and page, so a
 * link reproduces a search; a change of filter or page adds a history entry (back and forward work), typing
 * replaces it. When results are shown, #search-results gets data-state="ready" and data-for="<the query string
 * rendered>" (what tests wait for).
 *
 * Results are built with textContent only: index data never reaches innerHTML.
 */
(function () {
  'use strict';

  var PAGE = 50;
  var DEBOUNCE_MS = 120;
  var MAX_PREFIX_SHARDS = 8;
  var MAX_PREFIX_TERMS = 200;
  var TOP_SERVERS = 12;
  var ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_';
  var CATEGORY_CLASSES = ['read', 'write', 'execute', 'destructive', 'financial'];
  var RISK_CLASSES = ['low', 'medium', 'high', 'critical'];

  function byId(id) { return document.getElementById(id); }
  var form = byId('search-form');
  var input = byId('search-input');
  var status = byId('search-status');
  var list = byId('search-results');
  if (!form || !input || !status || !list) return;
  var serverSelect = byId('search-server');
  var pager = byId('search-pages');
  var prev = byId('search-prev');
  var next = byId('search-next');
  var pageLabel = byId('search-page');

  function attr(name) {
    return form.getAttribute(name) || document.body.getAttribute(name) || '';
  }
  var dir = attr('data-index');
  if (dir && dir.charAt(dir.length - 1) !== '/') dir += '/';
  var base = attr('data-base').replace(/\/+$/, '');

  // ---- loading index files -------------------------------------------------------------------------------

  var files = {};
  window.__mcpSearch = function (key, data) {
    var f = files[key];
    if (f && !f.done) { f.done = true; f.resolve(data); }
  };

  function load(key) {
    var f = files[key];
    if (f) return f.promise;
    f = files[key] = { done: false };
    f.promise = new Promise(function (resolve, reject) {
      f.resolve = resolve;
      var script = document.createElement('script');
      script.src = dir + key + '.js';
      script.async = true;
      script.onload = function () {
        script.remove();
        if (!f.done) { delete files[key]; reject(new Error(script.src + ' holds no search data')); }
      };
      script.onerror = function () {
        script.remove();
        delete files[key];
        reject(new Error('could not load ' + script.src));
      };
      document.head.appendChild(script);
    });
    return f.promise;
  }

  var DIGIT = new Int8Array(128).fill(-1);
  for (var a = 0; a < ALPHABET.length; a++) DIGIT[ALPHABET.charCodeAt(a)] = a;

  // Calls fn(id) for each document number of a posting string (see Vlq.java).
  function eachPosting(s, fn) {
    var previous = -1, v = 0;
    for (var i = 0; i < s.length; i++) {
      var c = DIGIT[s.charCodeAt(i)];
      v = v * 32 + (c & 31);
      if (c < 32) { previous = previous + 1 + v; fn(previous); v = 0; }
    }
  }

  var index = null;   // the promise of {manifest, keys, keyIndex, kind, cat, risk, serverOf, serverStart}

  function open() {
    if (index) return index;
    if (!dir) {
      index = Promise.reject(new Error('this page names no search index (data-index)'));
    } else {
      index = Promise.all([load('manifest'), load('facets')]).then(function (parts) {
        var m = parts[0], f = parts[1];
        var n = m.records;
        var kind = new Uint8Array(n), cat = new Uint8Array(n), risk = new Uint8Array(n);
        var K = new Uint8Array(128), C = new Uint8Array(128), R = new Uint8Array(128);
        for (var x = 0; x < 64; x++) {
          var ch = ALPHABET.charCodeAt(x);
          K[ch] = x >= 30 ? 1 : 0; C[ch] = ((x % 30) / 5) | 0; R[ch] = x % 5;
        }
        var attrs = f.attrs;
        for (var d = 0; d < n; d++) {
          var a = attrs.charCodeAt(d);
          kind[d] = K[a]; cat[d] = C[a]; risk[d] = R[a];
        }
        var serverOf = new Int32Array(n), serverStart = new Int32Array(m.servers + 1);
        var s = 0, at = 0, v = 0;
        for (var i = 0; i < f.counts.length; i++) {
          var c = DIGIT[f.counts.charCodeAt(i)];
          v = v * 32 + (c & 31);
          if (c < 32) {
            serverStart[s] = at;
            for (var k = 0; k < v + 1; k++) serverOf[at++] = s;
            s++;
            v = 0;
          }
        }
        serverStart[s] = at;
        var keyIndex = Object.create(null);
        m.shards.forEach(function (key, i) { keyIndex[key] = i; });
        return { manifest: m, keyIndex: keyIndex, kind: kind, cat: cat, risk: risk, serverOf: serverOf,
          serverStart: serverStart, stop: new Set(m.stop) };
      });
    }
    index.catch(function () {});
    return index;
  }

  // ---- words ----------------------------------------------------------------------------------------------

  // As SearchTokens.java: split at camelCase boundaries and on anything not a letter or digit; lower-case.
  function terms(text) {
    if (!text) return [];
    return String(text)
      .replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, '$1 $2')
      .split(/[^\p{L}\p{N}]+/u)
      .filter(function (t) { return t.length > 0 && Array.from(t).length <= 40; })
      .map(function (t) { return t.toLowerCase(); });
  }

  function prefix(term, n) { return Array.from(term).slice(0, n).join(''); }

  // The shard that holds a term: the longest key that begins it.
  function shardOf(ix, term) {
    for (var len = Math.min(ix.manifest.maxKey, Array.from(term).length); len > 0; len--) {
      var k = ix.keyIndex[prefix(term, len)];
      if (k !== undefined) return k;
    }
    return -1;
  }

  // The shards that hold the terms beginning with p: its own and the keys that begin with p.
  function shardsOfPrefix(ix, p) {
    var keys = ix.manifest.shards, out = [], own = shardOf(ix, p);
    if (own >= 0) out.push(own);
    var lo = 0, hi = keys.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (keys[mid] < p) lo = mid + 1; else hi = mid; }
    for (var i = lo; i < keys.length && keys[i].lastIndexOf(p, 0) === 0; i++) {
      if (i !== own) out.push(i);
      if (out.length > MAX_PREFIX_SHARDS) return null;
    }
    return out;
  }

  // The file of an exact name: 32-bit FNV-1a over UTF-16 code units, modulo the number of files (as Java's exactFile).
  function exactFile(key, count) {
    var h = 0x811c9dc5 | 0;
    for (var i = 0; i < key.length; i++) {
      h ^= key.charCodeAt(i);
      h = Math.imul(h, 16777619);
    }
    return (h >>> 0) % count;
  }

  // ---- state and the address --------------------------------------------------------------------------------

  function readState(search) {
    var p = new URLSearchParams(search);
    var page = parseInt(p.get('page') || '1', 10);
    return {
      q: (p.get('q') || '').trim(),
      cats: p.getAll('category').filter(Boolean),
      risks: p.getAll('risk').filter(Boolean),
      server: (p.get('server') || '').trim(),
      page: page > 0 ? page : 1
    };
  }

  function queryString(st) {
    var p = new URLSearchParams();
    if (st.q) p.set('q', st.q);
    st.cats.forEach(function (c) { p.append('category', c); });
    st.risks.forEach(function (r) { p.append('risk', r); });
    if (st.server) p.set('server', st.server);
    if (st.page > 1) p.set('page', String(st.page));
    return p.toString();
  }

  function isEmpty(st) { return !st.q && !st.cats.length && !st.risks.length && !st.server; }

  function checkboxes(name) {
    return Array.prototype.slice.call(form.querySelectorAll('input[type="checkbox"][name="' + name + '"]'));
  }

  function fromControls(page) {
    return {
      q: input.value.trim(),
      cats: checkboxes('category').filter(function (b) { return b.checked; }).map(function (b) { return b.value; }),
      risks: checkboxes('risk').filter(function (b) { return b.checked; }).map(function (b) { return b.value; }),
      server: serverSelect ? serverSelect.value : '',
      page: page || 1
    };
  }

  function toControls(st) {
    if (input.value.trim() !== st.q) input.value = st.q;
    var lower = function (xs) { return xs.map(function (x) { return x.toLowerCase(); }); };
    var cats = lower(st.cats), risks = lower(st.risks);
    checkboxes('category').forEach(function (b) { b.checked = cats.indexOf(b.value.toLowerCase()) >= 0; });
    checkboxes('risk').forEach(function (b) { b.checked = risks.indexOf(b.value.toLowerCase()) >= 0; });
    if (serverSelect) ensureOption(st.server, st.server);
  }

  function ensureOption(value, text) {
    if (!serverSelect) return;
    var found = null;
    for (var i = 0; i < serverSelect.options.length; i++) {
      if (serverSelect.options[i].value === value) found = serverSelect.options[i];
    }
    if (!found) {
      found = document.createElement('option');
      found.value = value;
      found.textContent = text;
      serverSelect.appendChild(found);
    }
    serverSelect.value = value;
  }

  // ---- searching ---------------------------------------------------------------------------------------------

  function labelIndex(labels, word) {
    for (var i = 0; i < labels.length; i++) if (labels[i].toLowerCase() === word.toLowerCase()) return i + 1;
    return 0;
  }

  // The server a slug names: its number, found in the server block that the manifest's first slugs point to.
  function serverNumber(ix, slug) {
    if (!slug) return Promise.resolve(-1);
    var first = ix.manifest.serverFirst, b = -1;
    for (var i = 0; i < first.length; i++) if (first[i] <= slug) b = i;
    if (b < 0) return Promise.resolve(null);
    return load('servers/' + b).then(function (rows) {
      for (var i = 0; i < rows.length; i++) if (rows[i][0] === slug) return b * ix.manifest.serverBlock + i;
      return null;
    });
  }

  function search(ix, st) {
    var words = terms(st.q);
    var wanted = words.filter(function (w) { return !ix.stop.has(w); });
    if (wanted.length === 0) wanted = words;
    wanted = wanted.slice(0, 32);
    var exactKey = words.join(' ');
    var need = {};
    var plans = wanted.map(function (w, i) {
      var own = shardOf(ix, w);
      var shards = i === wanted.length - 1 && w.length >= 2 ? shardsOfPrefix(ix, w) : null;
      if (shards === null) shards = own >= 0 ? [own] : [];
      shards.forEach(function (s) { need[s] = true; });
      return { word: w, shards: shards, prefix: i === wanted.length - 1 };
    });
    if (st.q && plans.length === 0) plans = [{ word: '', shards: [], prefix: false }];   // no word to look for
    var keys = Object.keys(need);
    var exact = exactKey ? load('exact/' + exactFile(exactKey, ix.manifest.exactFiles)) : Promise.resolve({});
    return Promise.all([Promise.all(keys.map(function (k) { return load('terms/' + k); })), serverNumber(ix, st.server), exact])
      .then(function (loaded) {
        mark('search-terms');
        var shard = {};
        keys.forEach(function (k, i) { shard[k] = loaded[0][i]; });
        var named = Object.prototype.hasOwnProperty.call(loaded[2], exactKey) ? loaded[2][exactKey] : null;
        var found = rank(ix, st, plans, shard, named, loaded[1]);
        mark('search-ranked');
        return found;
      });
  }

  function rank(ix, st, plans, shard, exactPostings, server) {
    var m = ix.manifest, n = m.records;
    var matched = plans.length ? new Uint8Array(n) : null;
    var score = new Float32Array(n);
    plans.forEach(function (plan, i) {
      var sources = [];
      plan.shards.forEach(function (s) {
        var t = shard[s].t, own = t[plan.word];
        // Field 1 (the server's name and slug) lists servers: it matches all their records.
        if (own) own.forEach(function (p, f) { if (p) sources.push({ w: [4, 2, 1][f], p: p, servers: f === 1 }); });
        if (plan.prefix) {
          var count = 0;
          for (var term in t) {
            if (term !== plan.word && term.lastIndexOf(plan.word, 0) === 0 && count++ < MAX_PREFIX_TERMS) {
              t[term].forEach(function (p, f) { if (p) sources.push({ w: [2, 1, 0.5][f], p: p, servers: f === 1 }); });
            }
          }
        }
      });
      var c = labelIndex(m.categories, plan.word), r = labelIndex(m.levels, plan.word);
      if (c) sources.push({ w: 3, attr: ix.cat, value: c });
      if (r) sources.push({ w: 3, attr: ix.risk, value: r });
      sources.sort(function (x, y) { return y.w - x.w; });
      // A record counts for this word once, with the best weight (sources come best first), and only if it
      // matched every word before.
      var mark = i + 1;
      sources.forEach(function (src) {
        var hit = function (d) {
          if (matched[d] === i) { matched[d] = mark; score[d] += src.w; }
        };
        if (src.attr) { for (var d = 0; d < n; d++) if (src.attr[d] === src.value) hit(d); }
        else if (src.servers) {
          eachPosting(src.p, function (s) {
            for (var d = ix.serverStart[s], end = ix.serverStart[s + 1]; d < end; d++) hit(d);
          });
        } else eachPosting(src.p, hit);
      });
    });
    var exact = new Set();
    if (exactPostings) eachPosting(exactPostings, function (d) { exact.add(d); });

    var catWanted = st.cats.map(function (c) { return labelIndex(m.categories, c); }).filter(Boolean);
    var riskWanted = st.risks.map(function (r) { return labelIndex(m.levels, r); }).filter(Boolean);
    var catOk = new Uint8Array(m.categories.length + 1), riskOk = new Uint8Array(m.levels.length + 1);
    catWanted.forEach(function (c) { catOk[c] = 1; });
    riskWanted.forEach(function (r) { riskOk[r] = 1; });
    var anyCat = catWanted.length === 0, anyRisk = riskWanted.length === 0;
    var serverFilter = server === null ? -2 : server;   // -1: none; -2: a slug that names no server
    var catCount = new Int32Array(catOk.length), riskCount = new Int32Array(riskOk.length);
    var serverCount = new Int32Array(m.servers);
    var top = [], buckets = Object.create(null), servers = 0, tools = 0;
    var required = plans.length;
    for (var d = 0; d < n; d++) {
      if (required && matched[d] !== required) continue;
      var fc = anyCat || catOk[ix.cat[d]] === 1;
      var fr = anyRisk || riskOk[ix.risk[d]] === 1;
      var fs = serverFilter === -1 || ix.serverOf[d] === serverFilter;
      if (fr && fs) catCount[ix.cat[d]]++;
      if (fc && fs) riskCount[ix.risk[d]]++;
      if (fc && fr) serverCount[ix.serverOf[d]]++;
      if (!(fc && fr && fs)) continue;
      if (ix.kind[d]) tools++; else servers++;
      if (exact.size && exact.has(d)) top.push(d);
      else (buckets[score[d]] || (buckets[score[d]] = [])).push(d);
    }
    var results = top;
    Object.keys(buckets).map(Number).sort(function (x, y) { return y - x; })
      .forEach(function (k) { results = results.concat(buckets[k]); });
    var best = [];
    for (var s = 0; s < serverCount.length; s++) {
      if (serverCount[s] > 0) best.push(s);
    }
    best.sort(function (x, y) { return serverCount[y] - serverCount[x] || x - y; });
    return { results: results, servers: servers, tools: tools, catCount: catCount, riskCount: riskCount,
      topServers: best.slice(0, TOP_SERVERS), serverCount: serverCount, server: server };
  }

  function records(ix, ids) {
    var block = ix.manifest.block, need = {};
    ids.forEach(function (d) { need[Math.floor(d / block)] = true; });
    var keys = Object.keys(need);
    return Promise.all(keys.map(function (k) { return load('docs/' + k); })).then(function (blocks) {
      var byKey = {};
      keys.forEach(function (k, i) { byKey[k] = blocks[i]; });
      return ids.map(function (d) { return byKey[Math.floor(d / block)][d % block]; });
    });
  }

  function serverNames(ix, numbers) {
    var size = ix.manifest.serverBlock, need = {};
    numbers.forEach(function (s) { need[Math.floor(s / size)] = true; });
    var keys = Object.keys(need);
    return Promise.all(keys.map(function (k) { return load('servers/' + k); })).then(function (blocks) {
      var byKey = {};
      keys.forEach(function (k, i) { byKey[k] = blocks[i]; });
      return numbers.map(function (s) { return byKey[Math.floor(s / size)][s % size]; });
    });
  }

  // ---- showing ------------------------------------------------------------------------------------------------

  function setStatus(text) {
    if (status.textContent !== text) status.textContent = text;
  }

  // A link from the index is used only if it is a root-relative path (never "//host" or "javascript:").
  // From file:// a folder does not open its index.html, so the link names it.
  function href(u) {
    if (typeof u !== 'string' || u.charAt(0) !== '/' || u.charAt(1) === '/') return null;
    return base + u + (window.location.protocol === 'file:' && u.charAt(u.length - 1) === '/' ? 'index.html' : '');
  }

  function badge(kind, value, known, text) {
    var span = document.createElement('span');
    var key = String(value || '').toLowerCase();
    span.className = 'badge' + (known.indexOf(key) >= 0 ? ' ' + kind + '-' + key : '');
    span.textContent = text;
    return span;
  }

  // A record: [name, server slug, server name, category, risk level, score, description, url]; a server has no category.
  function render(rec) {
    var li = document.createElement('li');
    var isServer = rec[3] === '';
    li.className = isServer ? 'result-server-record' : 'result-tool';
    var link = document.createElement(href(rec[7]) ? 'a' : 'span');
    if (link.tagName === 'A') link.href = href(rec[7]);
    link.textContent = rec[0];
    li.appendChild(link);
    var meta = document.createElement('span');
    meta.className = 'result-meta';
    if (isServer) {
      meta.appendChild(badge('kind', 'server', [], 'Server'));
    } else {
      var server = document.createElement('span');
      server.className = 'result-server';
      server.textContent = rec[2] || rec[1];
      meta.appendChild(server);
      meta.appendChild(badge('cat', rec[3], CATEGORY_CLASSES, rec[3]));
    }
    if (rec[4]) {
      var risk = (isServer ? 'up to ' : '') + rec[4] + (rec[5] ? ' \u00b7 ' + rec[5] + '/5' : '');
      meta.appendChild(badge('risk', rec[4], RISK_CLASSES, risk));
    }
    li.appendChild(meta);
    if (rec[6]) {
      var desc = document.createElement('p');
      desc.className = 'result-desc';
      desc.textContent = rec[6];
      desc.title = rec[6];
      li.appendChild(desc);
    }
    return li;
  }

  function plural(n, one, many) { return n + ' ' + (n === 1 ? one : many); }

  function summary(st, found, from, to) {
    var total = found.results.length;
    var what = st.q ? ' for \u201c' + st.q + '\u201d' : '';
    if (total === 0) return 'No servers or tools match' + (st.q ? ' \u201c' + st.q + '\u201d' : '') +
      (isFiltered(st) ? ' with these filters' : '') + '.';
    var kinds = [];
    if (found.servers) kinds.push(plural(found.servers, 'server', 'servers'));
    if (found.tools) kinds.push(plural(found.tools, 'tool', 'tools'));
    var text = plural(total, 'result', 'results') + what + ' (' + kinds.join(', ') + ')';
    if (total > PAGE) text += ', showing ' + from + '\u2013' + to;
    return text + '.';
  }

  function isFiltered(st) { return st.cats.length || st.risks.length || st.server; }

  function showFacets(ix, found) {
    ['category', 'risk'].forEach(function (name) {
      var labels = name === 'category' ? ix.manifest.categories : ix.manifest.levels;
      var counts = name === 'category' ? found.catCount : found.riskCount;
      checkboxes(name).forEach(function (box) {
        var count = box.parentNode.querySelector('.facet-count');
        var i = labelIndex(labels, box.value);
        if (count) count.textContent = '(' + (i ? counts[i] : 0) + ')';
      });
    });
  }

  // The server list: the servers with most results (names from their blocks), and the one chosen.
  function showServers(found, names) {
    if (!serverSelect) return;
    var selected = serverSelect.value;
    while (serverSelect.options.length > 1) serverSelect.remove(1);
    var shown = {};
    names.forEach(function (row, i) {
      var s = found.topServers[i];
      var o = document.createElement('option');
      o.value = row[0];
      o.textContent = row[1] + ' (' + found.serverCount[s] + ')';
      serverSelect.appendChild(o);
      shown[row[0]] = true;
    });
    if (selected && !shown[selected]) {
      var o = document.createElement('option');
      o.value = selected;
      o.textContent = selected + (found.server === null ? ' (no such server)' : '');
      serverSelect.appendChild(o);
    }
    serverSelect.value = selected;
  }

  function pageLink(st, page) {
    var copy = { q: st.q, cats: st.cats, risks: st.risks, server: st.server, page: page };
    var qs = queryString(copy);
    return window.location.pathname + (qs ? '?' + qs : '');
  }

  function showPager(st, pages) {
    if (!pager) return;
    pager.hidden = pages <= 1;
    if (pages <= 1) return;
    pageLabel.textContent = 'Page ' + st.page + ' of ' + pages;
    [[prev, st.page - 1], [next, st.page + 1]].forEach(function (pair) {
      var link = pair[0], page = pair[1];
      var off = page < 1 || page > pages;
      link.hidden = off;
      if (!off) { link.href = pageLink(st, page); link.setAttribute('data-page', String(page)); }
    });
  }

  var generation = 0;

  // Performance marks time each search: search-start, search-index (manifest and facets ready), search-terms (the
  // words' files loaded), search-ranked, search-results (results on the page), search-ready (the server list
  // too). bench/search-scale.sh reads them.
  function mark(name) {
    if (window.performance && performance.mark) performance.mark(name);
  }

  function ready(st) {
    list.setAttribute('data-for', queryString(st));
    list.setAttribute('data-state', 'ready');
    mark('search-ready');
  }

  function run(st) {
    var mine = ++generation;
    mark('search-start');
    list.setAttribute('data-state', 'loading');
    if (isEmpty(st)) {
      list.textContent = '';
      setStatus('');
      if (pager) pager.hidden = true;
      ready(st);
      return Promise.resolve();
    }
    if (!index) setStatus('Loading the search index\u2026');
    return open().then(function (ix) {
      mark('search-index');
      return search(ix, st).then(function (found) {
        var total = found.results.length;
        var pages = Math.max(1, Math.ceil(total / PAGE));
        if (st.page > pages) st.page = pages;
        var from = (st.page - 1) * PAGE;
        var ids = found.results.slice(from, from + PAGE);
        // The results first; then the server list, whose names need their own files.
        var names = serverNames(ix, found.topServers);
        return records(ix, ids).then(function (recs) {
          if (mine !== generation) return;
          var fragment = document.createDocumentFragment();
          recs.forEach(function (rec) { fragment.appendChild(render(rec)); });
          list.textContent = '';
          list.appendChild(fragment);
          showFacets(ix, found);
          showPager(st, pages);
          setStatus(summary(st, found, from + 1, from + ids.length));
          mark('search-results');
          return names.then(function (rows) {
            if (mine !== generation) return;
            showServers(found, rows);
            ready(st);
          });
        });
      });
    }).catch(function (error) {
      if (mine !== generation) return;
      setStatus('The search index could not be loaded (' + (error && error.message ? error.message : error) + ').');
      ready(st);
    });
  }

  // ---- events ---------------------------------------------------------------------------------------------------

  var current = readState(window.location.search);
  var timer = 0;

  function go(st, history) {
    current = st;
    var qs = queryString(st);
    var url = window.location.pathname + (qs ? '?' + qs : '') + window.location.hash;
    if (history === 'push' && qs !== window.location.search.replace(/^\?/, '')) {
      window.history.pushState(null, '', url);
    } else if (history === 'replace') {
      window.history.replaceState(null, '', url);
    }
    return run(st);
  }

  input.addEventListener('focus', function () { open(); }, { once: true });
  input.addEventListener('input', function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(function () { go(fromControls(1), 'replace'); }, DEBOUNCE_MS);
  });
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    window.clearTimeout(timer);
    go(fromControls(1), 'push');
  });
  form.addEventListener('change', function (event) {
    if (event.target === input) return;
    window.clearTimeout(timer);
    go(fromControls(1), 'push');
  });
  [prev, next].forEach(function (link) {
    if (!link) return;
    link.addEventListener('click', function (event) {
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      var st = fromControls(parseInt(link.getAttribute('data-page'), 10) || 1);
      go(st, 'push').then(function () { status.scrollIntoView({ block: 'nearest' }); });
    });
  });
  window.addEventListener('popstate', function () {
    var st = readState(window.location.search);
    toControls(st);
    current = st;
    run(st);
  });

  function links() {
    return Array.prototype.slice.call(list.querySelectorAll('a'));
  }

  // Arrow keys move from the box into the results and between them; Escape clears the box.
  input.addEventListener('keydown', function (event) {
    if (event.key === 'ArrowDown') {
      var first = links()[0];
      if (first) { event.preventDefault(); first.focus(); }
    } else if (event.key === 'Escape' && input.value !== '') {
      event.preventDefault();
      input.value = '';
      window.clearTimeout(timer);
      go(fromControls(1), 'replace');
    }
  });
  list.addEventListener('keydown', function (event) {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    var all = links();
    var at = all.indexOf(document.activeElement);
    if (at < 0) return;
    event.preventDefault();
    if (event.key === 'ArrowDown' && at + 1 < all.length) all[at + 1].focus();
    else if (event.key === 'ArrowUp') (at === 0 ? input : all[at - 1]).focus();
  });

  toControls(current);
  run(current);
})();

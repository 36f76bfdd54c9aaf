/*
 * Client-side search over the catalogue's tools, with MiniSearch (vendor/minisearch).
 *
 * The search page has:
 *   <body data-index="/search/index.json" data-base="">        (or these attributes on the form)
 *   <form id="search-form" role="search" action="…/search/" method="get">
 *     <label for="search-input">Search tools</label>
 *     <input id="search-input" type="search" name="q" autocomplete="off">
 *   </form>
 *   <p id="search-status" aria-live="polite"></p>
 *   <ol id="search-results" class="search-results"></ol>
 *   <script src="…/assets/vendor/minisearch/minisearch.umd.js" defer></script>
 *   <script src="…/assets/search.js" defer></script>
 *
 * data-index is the URL of the index, fetched only once search is used: the first focus or
 * input in the search box, or a page opened with ?q=. data-base (optional) is prefixed to each
 * entry's root-relative "u", for sites published under a sub-path.
 *
 * Index: a JSON array of {"id", "n" (tool name), "s" (server slug), "sn" (server name),
 * "d" (description), "c" (category), "r" (risk level), "sc" (score 1–5), "u" (page URL)}.
 *
 * Results are built with textContent only: index data never reaches innerHTML.
 */
(function () {
  'use strict';

  var MAX_SHOWN = 50;
  var DEBOUNCE_MS = 100;
  var CATEGORIES = ['read', 'write', 'execute', 'destructive', 'financial'];
  var RISKS = ['low', 'medium', 'high', 'critical'];

  var form = document.getElementById('search-form');
  var input = document.getElementById('search-input');
  var status = document.getElementById('search-status');
  var list = document.getElementById('search-results');
  if (!form || !input || !status || !list) return;

  function attr(name) {
    return form.getAttribute(name) || document.body.getAttribute(name) || '';
  }
  var indexUrl = attr('data-index');
  var base = attr('data-base').replace(/\/+$/, '');

  var engine = null;      // the MiniSearch instance, once loaded
  var loading = null;     // the promise of it
  var timer = 0;
  var lastQuery = null;

  // Split on anything that is not a letter or digit (so "generate_image", "generate-image" and
  // "generate image" all give "generate" + "image") and at camelCase boundaries
  // ("generateImage" gives the same). Lower-casing is MiniSearch's default processTerm.
  function tokenize(text) {
    if (!text) return [];
    return String(text)
      .replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, '$1 $2')
      .split(/[^\p{L}\p{N}]+/u)
      .filter(function (t) { return t.length > 0; });
  }

  function normalise(text) {
    return tokenize(text).join(' ').toLowerCase();
  }

  function setStatus(text) {
    if (status.textContent !== text) status.textContent = text;
  }

  function load() {
    if (loading) return loading;
    if (typeof window.MiniSearch !== 'function') {
      setStatus('Search is unavailable: the search library did not load.');
      loading = Promise.reject(new Error('MiniSearch missing'));
      loading.catch(function () {});
      return loading;
    }
    if (!indexUrl) {
      setStatus('Search is unavailable: this page names no search index.');
      loading = Promise.reject(new Error('no data-index'));
      loading.catch(function () {});
      return loading;
    }
    setStatus('Loading the search index…');
    loading = fetch(indexUrl, { credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok) throw new Error('HTTP ' + response.status);
        return response.json();
      })
      .then(function (docs) {
        var ms = new window.MiniSearch({
          idField: 'id',
          fields: ['n', 'sn', 's', 'd', 'c'],
          storeFields: ['n', 's', 'sn', 'd', 'c', 'r', 'sc', 'u'],
          tokenize: tokenize,
          searchOptions: {
            tokenize: tokenize,
            boost: { n: 4, sn: 2, s: 2, c: 1.5 },
            prefix: true,
            fuzzy: function (term) { return term.length > 4 ? 0.2 : false; },
            combineWith: 'AND'
          }
        });
        ms.addAll(Array.isArray(docs) ? docs : []);
        engine = ms;
        setStatus('');
        return ms;
      });
    loading.catch(function () {
      setStatus('The search index could not be loaded. Please try again later.');
    });
    return loading;
  }

  // A link from the index is used only if it is a root-relative path (never "//host" or
  // "javascript:"), so a bad entry cannot send the reader elsewhere.
  function href(u) {
    if (typeof u !== 'string' || u.charAt(0) !== '/' || u.charAt(1) === '/') return null;
    return base + u;
  }

  function badge(kind, value, known, text) {
    var span = document.createElement('span');
    var key = String(value || '').toLowerCase();
    span.className = 'badge' + (known.indexOf(key) >= 0 ? ' ' + kind + '-' + key : '');
    span.textContent = text;
    return span;
  }

  function render(hit) {
    var li = document.createElement('li');
    var link = document.createElement(href(hit.u) ? 'a' : 'span');
    if (link.tagName === 'A') link.href = href(hit.u);
    link.textContent = hit.n || hit.id;
    li.appendChild(link);

    var meta = document.createElement('span');
    meta.className = 'result-meta';
    var server = document.createElement('span');
    server.className = 'result-server';
    server.textContent = hit.sn || hit.s || '';
    meta.appendChild(server);
    if (hit.c) meta.appendChild(badge('cat', hit.c, CATEGORIES, hit.c));
    if (hit.r) {
      var risk = hit.r + (hit.sc ? ' \u00b7 ' + hit.sc + '/5' : '');
      meta.appendChild(badge('risk', hit.r, RISKS, risk));
    }
    li.appendChild(meta);

    if (hit.d) {
      var desc = document.createElement('p');
      desc.className = 'result-desc';
      desc.textContent = hit.d;
      desc.title = hit.d;
      li.appendChild(desc);
    }
    return li;
  }

  function query(q) {
    var wanted = normalise(q);
    // A tool whose name is exactly what was typed comes first ("generate_image").
    var options = {
      boostDocument: function (id, term, stored) {
        return stored && normalise(stored.n) === wanted ? 10 : 1;
      }
    };
    var hits = engine.search(q, options);
    // Every word must match; if nothing does, show what matches any word.
    if (hits.length === 0) {
      options.combineWith = 'OR';
      hits = engine.search(q, options);
    }
    return hits;
  }

  function show(q) {
    var trimmed = q.trim();
    if (trimmed === lastQuery) return;
    lastQuery = trimmed;
    list.textContent = '';
    if (trimmed === '') {
      setStatus('');
      return;
    }
    var hits = query(trimmed);
    var fragment = document.createDocumentFragment();
    hits.slice(0, MAX_SHOWN).forEach(function (hit) { fragment.appendChild(render(hit)); });
    list.appendChild(fragment);

    if (hits.length === 0) {
      setStatus('No tools match \u201c' + trimmed + '\u201d.');
    } else if (hits.length > MAX_SHOWN) {
      setStatus('Showing the first ' + MAX_SHOWN + ' of ' + hits.length + ' tools matching \u201c' +
        trimmed + '\u201d; ' + (hits.length - MAX_SHOWN) + ' more. Add words to narrow the search.');
    } else {
      setStatus(hits.length + (hits.length === 1 ? ' tool matches' : ' tools match') +
        ' \u201c' + trimmed + '\u201d.');
    }
  }

  // Keep ?q= in the address bar so a search can be shared, reloaded or gone back to.
  function remember(q) {
    if (!window.history || !window.history.replaceState) return;
    var url = new URL(window.location.href);
    if (q.trim() === '') url.searchParams.delete('q'); else url.searchParams.set('q', q.trim());
    window.history.replaceState(null, '', url.toString());
  }

  function run(immediately) {
    window.clearTimeout(timer);
    var go = function () {
      load().then(function () {
        show(input.value);
        remember(input.value);
      }, function () {});
    };
    if (immediately) go(); else timer = window.setTimeout(go, DEBOUNCE_MS);
  }

  function links() {
    return Array.prototype.slice.call(list.querySelectorAll('a'));
  }

  // The index is fetched when the reader shows intent to search, not on page load.
  input.addEventListener('focus', function () { load().catch(function () {}); }, { once: true });
  input.addEventListener('input', function () { run(false); });

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    run(true);
  });

  // Arrow keys move from the box into the results and between them; Escape clears the box.
  input.addEventListener('keydown', function (event) {
    if (event.key === 'ArrowDown') {
      var first = links()[0];
      if (first) { event.preventDefault(); first.focus(); }
    } else if (event.key === 'Escape' && input.value !== '') {
      event.preventDefault();
      input.value = '';
      run(true);
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

  var initial = new URLSearchParams(window.location.search).get('q');
  if (initial && initial.trim() !== '') {
    input.value = initial;
    run(true);
  }
})();

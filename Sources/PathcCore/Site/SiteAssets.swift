/// The site's only stylesheet and its scripts, written by every build. No external fonts,
/// scripts or styles: the site works offline and under a strict Content-Security-Policy.
enum SiteAssets {
    static let stylesheet = """
    :root {
      --bg: #fbfaf8; --fg: #1d2327; --muted: #5b6670; --line: #d9dde1; --card: #ffffff; --accent: #1f5fa8;
      --done: #1b7f4b; --on-track: #2f6fb3; --at-risk: #b5530c; --stale: #7a5c99; --no-data: #7b848c;
      --strategic: #203a60; --team: #2f6a5c; --developmental: #6b4a91;
      --l1: #dbe8f6; --l2: #b8d2ee; --l3: #8fb6e2; --l4: #5f94d1; --l5: #3a73b8;
      font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; line-height: 1.5;
    }
    @media (prefers-color-scheme: dark) {
      :root {
        --bg: #15191d; --fg: #e6e9ec; --muted: #9aa5af; --line: #343c44; --card: #1d2329; --accent: #7fb2ee;
        --done: #4cc38a; --on-track: #6aa8ea; --at-risk: #f0a35e; --stale: #b99ad9; --no-data: #98a1a9;
        --strategic: #9cb8e0; --team: #7fc9b6; --developmental: #c3a6e6;
        --l1: #1f3047; --l2: #27415f; --l3: #2f5580; --l4: #3b6ba3; --l5: #4c84c6;
      }
    }
    * { box-sizing: border-box; }
    /* What a script hides stays hidden whatever display a rule gives the element. */
    [hidden] { display: none !important; }
    body { margin: 0; background: var(--bg); color: var(--fg); font-size: 1rem; }
    a { color: var(--accent); }
    a:focus-visible, input:focus-visible, summary:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
    .wrap { max-width: 68rem; margin: 0 auto; padding: 0 1.25rem; }
    .skip { position: absolute; left: -999px; }
    .skip:focus { left: 1rem; top: 1rem; background: var(--card); padding: .5rem; z-index: 2; }
    header.top { border-bottom: 1px solid var(--line); background: var(--card); }
    header.top .wrap { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem 1.5rem; padding-top: .75rem; padding-bottom: .75rem; }
    .brand { font-weight: 700; color: var(--fg); text-decoration: none; font-size: 1.1rem; }
    nav ul { display: flex; flex-wrap: wrap; gap: .25rem 1rem; list-style: none; margin: 0; padding: 0; }
    nav a { text-decoration: none; color: var(--muted); }
    nav a[aria-current="page"] { color: var(--fg); font-weight: 600; border-bottom: 2px solid var(--accent); }
    main { padding-top: 1.5rem; padding-bottom: 3rem; }
    h1 { font-size: 1.9rem; line-height: 1.25; margin: .25rem 0 1rem; }
    h2 { font-size: 1.3rem; margin: 2rem 0 .75rem; padding-bottom: .25rem; border-bottom: 1px solid var(--line); }
    h3 { font-size: 1.08rem; margin: 1.25rem 0 .5rem; }
    h4 { font-size: .95rem; margin: 1rem 0 .25rem; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
    .lead { font-size: 1.1rem; max-width: 48rem; }
    .muted, .source, footer { color: var(--muted); }
    .small { font-size: .9rem; }
    .big { font-size: 2rem; font-weight: 700; margin: 0; }
    .eyebrow { margin: 0; color: var(--muted); font-size: .9rem; }
    .badge { display: inline-block; padding: 0 .5rem; border-radius: 1rem; border: 1px solid currentColor; font-size: .8rem; font-weight: 600; text-transform: capitalize; }
    .badge.strategic { color: var(--strategic); } .badge.team { color: var(--team); } .badge.developmental { color: var(--developmental); }
    .tag { font-size: .8rem; border: 1px solid var(--line); border-radius: .25rem; padding: 0 .35rem; color: var(--muted); }
    .cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr)); gap: 1rem; }
    .card, article.kr, .stages > li, .milestones > li { background: var(--card); border: 1px solid var(--line); border-radius: .5rem; padding: 1rem 1.25rem; }
    .card h2 { margin-top: 0; border: 0; }
    dl.facts { display: grid; grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr)); gap: .5rem 1.5rem; margin: .75rem 0; }
    dl.facts dt { font-size: .8rem; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
    dl.facts dd { margin: 0; }
    table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
    th, td { text-align: left; vertical-align: top; padding: .4rem .6rem; border-bottom: 1px solid var(--line); }
    thead th { font-size: .85rem; color: var(--muted); }
    /* On a phone a wide table becomes one card per row, each cell labelled. */
    @media (max-width: 640px) {
      table.stack thead { display: none; }
      table.stack tr { display: block; padding: .5rem 0; border-bottom: 1px solid var(--line); }
      table.stack td { display: block; border: 0; padding: .1rem 0; }
      table.stack td[data-label]::before { content: attr(data-label) ": "; color: var(--muted); font-size: .85rem; }
    }
    .scroll { overflow-x: auto; }
    .status { display: inline-block; font-size: .85rem; font-weight: 600; padding: 0 .5rem; border-radius: 1rem; border: 1px solid currentColor; white-space: nowrap; }
    .status.done { color: var(--done); } .status.on-track { color: var(--on-track); }
    .status.at-risk { color: var(--at-risk); } .status.stale { color: var(--stale); }
    .status.no-data { color: var(--no-data); }
    svg .fill.done { fill: var(--done); } svg .fill.on-track { fill: var(--on-track); } svg .fill.at-risk { fill: var(--at-risk); }
    svg .fill.stale { fill: var(--stale); } svg .fill.no-data { fill: var(--no-data); }
    svg .track { fill: var(--line); }
    svg.bar { width: 100%; height: .6rem; display: block; margin: .5rem 0 .25rem; }
    svg.stack { width: 100%; height: 1rem; display: block; border-radius: .25rem; }
    /* Never narrower than its labels can be read at: on a phone the chart scrolls sideways. */
    svg.chart { width: 100%; min-width: 34rem; max-width: 40rem; height: auto; display: block; margin: .75rem 0; }
    article.kr { overflow-x: auto; }
    svg.journey { max-width: 100%; height: auto; display: block; }
    @media (max-width: 40rem) { svg.journey { max-width: none; } }
    .figure { overflow-x: auto; background: var(--card); border: 1px solid var(--line); border-radius: .5rem; padding: .5rem; }
    svg .axis { stroke: var(--muted); stroke-width: 1; }
    svg .target { stroke: var(--done); stroke-width: 1.5; stroke-dasharray: 6 4; }
    svg .projection { stroke: var(--muted); stroke-width: 1.5; stroke-dasharray: 3 4; }
    svg .series { fill: none; stroke: var(--on-track); stroke-width: 2.5; }
    svg .series.at-risk { stroke: var(--at-risk); } svg .series.done { stroke: var(--done); } svg .series.stale { stroke: var(--stale); }
    svg .point { fill: var(--card); stroke: var(--fg); stroke-width: 1.5; }
    svg text { fill: var(--fg); font-size: 13px; }
    svg .tick { fill: var(--muted); font-size: 12px; }
    svg .today { stroke: var(--accent); stroke-width: 1.5; stroke-dasharray: 2 3; }
    /* A halo of the card's colour under each label, so a line that crosses it never hides it. */
    svg.chart text, svg.journey text { paint-order: stroke; stroke: var(--card); stroke-width: 4px; stroke-linejoin: round; }
    svg .grid { stroke: var(--line); stroke-width: 1; }
    svg .stage-number { font-weight: 700; font-size: 13px; }
    svg .stage { stroke: var(--accent); stroke-width: 1; }
    svg .level-1 { fill: var(--l1); } svg .level-2 { fill: var(--l2); } svg .level-3 { fill: var(--l3); }
    svg .level-4 { fill: var(--l4); } svg .level-5 { fill: var(--l5); }
    svg .node { fill: var(--card); stroke: var(--accent); stroke-width: 2; }
    svg .milestone { fill: var(--done); }
    ul.verdict { display: flex; flex-wrap: wrap; gap: .25rem .75rem; list-style: none; padding: 0; margin: .25rem 0; font-size: .85rem; }
    ul.verdict .pass { color: var(--done); } ul.verdict .fail { color: var(--at-risk); font-weight: 600; }
    article.kr { margin: 1rem 0; }
    article.kr header { display: flex; justify-content: space-between; align-items: baseline; gap: 1rem; }
    article.kr h3 { margin: 0; }
    .figures { margin: .25rem 0; font-variant-numeric: tabular-nums; }
    ol.stages, ul.milestones { list-style: none; padding: 0; display: grid; gap: 1rem; }
    ol.chain { padding-left: 1.25rem; }
    ul.tree, ul.tree ul { list-style: none; padding-left: 1.25rem; border-left: 2px solid var(--line); }
    ul.tree { padding-left: 0; border: 0; }
    ul.tree .node { padding: .35rem 0; }
    ul.tree .node p { margin: 0; }
    ul.list { padding-left: 1.25rem; }
    ul.legend, ul.counts { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .5rem 1rem; }
    table.matrix td.need { text-align: center; font-weight: 700; }
    table.matrix td.level-1 { background: var(--l1); } table.matrix td.level-2 { background: var(--l2); }
    table.matrix td.level-3 { background: var(--l3); } table.matrix td.level-4 { background: var(--l4); }
    table.matrix td.level-5 { background: var(--l5); }
    table.matrix td.none { text-align: center; color: var(--muted); }
    /* A competency's levels side by side; on a phone they stack. */
    div.levels { display: grid; grid-auto-flow: column; grid-auto-columns: minmax(15rem, 1fr); gap: 1rem; overflow-x: auto; }
    div.levels > section { background: var(--card); border: 1px solid var(--line); border-radius: .5rem; padding: .75rem 1rem; }
    div.levels h3 { margin-top: 0; }
    div.levels ul { padding-left: 1.1rem; }
    @media (max-width: 40rem) { div.levels { grid-auto-flow: row; grid-auto-columns: auto; } }
    ul.actions { list-style: none; padding: 0; display: grid; gap: .4rem; }
    .change.up { color: var(--done); font-weight: 600; }
    table.matrix details summary { cursor: pointer; font-weight: 700; }
    table.matrix details ul { text-align: left; font-weight: 400; font-size: .85rem; padding-left: 1rem; min-width: 14rem; }
    table.matrix td.need { min-width: 5rem; }
    ul.matrix-legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .25rem 1rem; font-size: .9rem; }
    /* The OKR dashboard's filters, shown by the script that makes them work. */
    form.filters { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: end; margin: .5rem 0; }
    form.filters label { display: block; font-size: .8rem; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
    form.filters select, .assess-tools button, .assess-tools input { font: inherit; padding: .3rem .5rem; border: 1px solid var(--line); border-radius: .3rem; background: var(--card); color: var(--fg); }
    .kr-status { white-space: nowrap; }
    .kr-status.at-risk { color: var(--at-risk); font-weight: 600; } .kr-status.stale { color: var(--stale); }
    /* The checklist: a box per behaviour, room for evidence. */
    .assess-tools { background: var(--card); border: 1px solid var(--line); border-radius: .5rem; padding: .75rem 1rem; margin: 1rem 0; }
    .assess-tools label { margin-left: .5rem; display: inline-block; }
    .assess-tools input[type="file"] { max-width: 100%; }
    table.checklist td.box, table.checklist th.box { width: 3rem; text-align: center; }
    table.checklist td.box input { width: 1.2rem; height: 1.2rem; }
    table.checklist td.evidence, table.checklist th.evidence { width: 40%; }
    table.checklist textarea { width: 100%; font: inherit; border: 1px solid var(--line); border-radius: .3rem; background: var(--bg); color: var(--fg); }
    .print-only { display: none; }
    @media (max-width: 40rem) {
      table.checklist td.evidence, table.checklist th.evidence { width: auto; }
      table.checklist tr { display: grid; grid-template-columns: 2.5rem 1fr; }
      table.checklist td.evidence { grid-column: 1 / -1; border: 0; }
      table.checklist thead { display: none; }
    }
    ul.changes { list-style: none; padding: 0; display: grid; gap: .75rem; }
    ul.changes > li { background: var(--card); border: 1px solid var(--line); border-radius: .5rem; padding: .5rem 1rem; }
    ul.changes > li > p { margin: .25rem 0; }
    ul.changes ul { padding-left: 1.1rem; }
    ul.changes li li { margin: .3rem 0; }
    del { color: var(--at-risk); } ins { color: var(--done); text-decoration: none; }
    del::before { content: "− "; } ins::before { content: "+ "; }
    .severity.error { color: var(--at-risk); font-weight: 700; } .severity.warning { color: var(--stale); font-weight: 600; }
    form.search label { display: block; font-weight: 600; margin-bottom: .25rem; }
    form.search input { width: 100%; max-width: 36rem; font-size: 1.1rem; padding: .5rem .75rem; border: 1px solid var(--line); border-radius: .4rem; background: var(--card); color: var(--fg); }
    footer { border-top: 1px solid var(--line); padding-top: 1rem; padding-bottom: 2rem; font-size: .85rem; }
    @media (max-width: 40rem) {
      h1 { font-size: 1.5rem; }
      article.kr header { flex-direction: column; }
      .wrap { padding: 0 .9rem; }
    }
    @media print {
      header.top nav, .skip, form.search { display: none; }
      body { background: #fff; color: #000; }
      .card, article.kr, .stages > li, .milestones > li { break-inside: avoid; border-color: #999; }
      a { color: #000; }
      details > *:not(summary) { display: block; }
      footer, .assess-tools, form.filters, #filter-summary, ul.actions { display: none; }
      .print-only { display: block; }
      .wrap { max-width: none; padding: 0; }
      section.checklist { break-inside: avoid-page; }
      table.checklist tr { break-inside: avoid; }
      table.checklist td.box input { appearance: none; border: 1.5px solid #000; width: 1rem; height: 1rem; }
      table.checklist td.box input:checked { background: #000; }
      table.checklist textarea { border: 0; border-bottom: 1px solid #999; resize: none; background: #fff; color: #000; min-height: 2.5rem; }
      div.levels { grid-auto-flow: row; }
    }

    """

    /// Filters the index as the reader types; results are built as DOM nodes, never as markup,
    /// so an entity's title cannot become script.
    static let searchScript = """
    "use strict";
    (function () {
      var input = document.getElementById("q");
      var list = document.getElementById("results");
      var status = document.getElementById("search-status");
      var index = window.PATHC_SEARCH || [];
      function render() {
        var words = input.value.toLowerCase().split(/\\s+/).filter(Boolean);
        while (list.firstChild) { list.removeChild(list.firstChild); }
        if (words.length === 0) { status.textContent = index.length + " entries to search."; return; }
        var hits = index.filter(function (entry) {
          var text = entry.text;
          return words.every(function (word) { return text.indexOf(word) !== -1; });
        });
        status.textContent = hits.length + (hits.length === 1 ? " result" : " results") + (hits.length > 100 ? ", showing 100" : "");
        hits.slice(0, 100).forEach(function (entry) {
          var item = document.createElement("li");
          var link = document.createElement("a");
          link.setAttribute("href", entry.page);
          link.textContent = entry.title;
          var kind = document.createElement("span");
          kind.className = "muted";
          kind.textContent = " " + entry.kind + " · " + entry.id;
          item.appendChild(link);
          item.appendChild(kind);
          list.appendChild(item);
        });
      }
      input.addEventListener("input", render);
      // search.html?q=words opens with those words searched, so a search can be linked to.
      var query = new URLSearchParams(window.location.search).get("q");
      if (query) { input.value = query; }
      render();
    })();

    """
}

extension SiteAssets {
    /// Filters the OKR dashboard by owner and status and orders it by risk, keeping the choice
    /// in the address's fragment; without it the page lists every OKR. Tested in a browser by
    /// Tests/site-scripts/run_tests.py against a built site's copy.
    static let okrScript = #"""
    /* okrs.js: filter the OKR list by owner and status, and order it by risk.
       The page is complete without this script; it only hides and reorders rows,
       and keeps the choice in the URL hash so a filtered view can be linked. */
    (function () {
      'use strict';

      var form = document.getElementById('okr-filters');
      var ownerSel = document.getElementById('filter-owner');
      var statusSel = document.getElementById('filter-status');
      var orderSel = document.getElementById('filter-order');
      var summary = document.getElementById('filter-summary');
      if (!form || !ownerSel || !statusSel || !orderSel) return; // not the OKR list page

      function all(selector) {
        return Array.prototype.slice.call(document.querySelectorAll(selector));
      }
      var rows = all('.okr-cycle tbody tr');
      var groups = all('.okr-group');
      var cycles = all('.okr-cycle');

      // A value from the hash counts only if the select really offers it.
      function hasOption(select, value) {
        for (var i = 0; i < select.options.length; i++) {
          if (select.options[i].value === value) return true;
        }
        return false;
      }

      // Missing or malformed numbers sort as 0 rather than breaking the comparison.
      function num(row, name) {
        var n = parseFloat(row.getAttribute(name));
        return isFinite(n) ? n : 0;
      }

      // Reorder each tbody on its own: rows never move between groups.
      function sortRows(byRisk) {
        var bodies = [];
        rows.forEach(function (row) {
          if (bodies.indexOf(row.parentNode) < 0) bodies.push(row.parentNode);
        });
        bodies.forEach(function (body) {
          var list = rows.filter(function (row) { return row.parentNode === body; });
          list.sort(function (a, b) {
            var d = byRisk ? num(b, 'data-risk') - num(a, 'data-risk') : 0;
            return d || num(a, 'data-order') - num(b, 'data-order');
          });
          list.forEach(function (row) { body.appendChild(row); });
        });
      }

      function visibleRowsIn(container) {
        return Array.prototype.filter.call(container.querySelectorAll('tbody tr'), function (row) {
          return !row.hidden;
        }).length;
      }

      function say(text) {
        // Only touch the live region when the message changes, so screen readers
        // are not told the same thing twice.
        if (summary && summary.textContent !== text) summary.textContent = text;
      }

      function render() {
        var owner = ownerSel.value;
        var status = statusSel.value;
        var filtering = Boolean(owner || status);
        var shown = 0;
        rows.forEach(function (row) {
          var statuses = (row.getAttribute('data-statuses') || '').split(' ');
          var match = (!owner || row.getAttribute('data-owner') === owner) &&
            (!status || statuses.indexOf(status) >= 0);
          row.hidden = !match;
          if (match) shown++;
        });
        // Hide headings that would stand over nothing; with no filter, show everything as written.
        groups.forEach(function (group) {
          var visible = visibleRowsIn(group);
          group.hidden = filtering && !visible;
          // The heading's count says how many of the group are shown.
          var count = group.querySelector('.group-count');
          if (count) {
            var all = count.getAttribute('data-total');
            count.textContent = filtering ? '(' + visible + ' of ' + all + ')' : '(' + all + ')';
          }
        });
        cycles.forEach(function (cycle) { cycle.hidden = filtering && !visibleRowsIn(cycle); });
        sortRows(orderSel.value === 'risk');

        var total = rows.length;
        var noun = total === 1 ? 'OKR' : 'OKRs';
        if (!filtering) {
          say('Showing all ' + total + ' ' + noun);
        } else if (!shown) {
          // Name the "no filter" choices by their own labels, so the hint matches the page.
          say('No OKRs match: choose ' + ownerSel.options[0].text + ' and ' +
            statusSel.options[0].text + ' to see them all');
        } else {
          say('Showing ' + shown + ' of ' + total + ' ' + noun);
        }
      }

      function readHash() {
        var state = { owner: '', status: '', order: '' };
        location.hash.replace(/^#/, '').split('&').forEach(function (part) {
          var eq = part.indexOf('=');
          if (eq < 0) return;
          var name = part.slice(0, eq);
          var value;
          try {
            value = decodeURIComponent(part.slice(eq + 1).split('+').join(' '));
          } catch (e) {
            return; // malformed escape: ignore this part, keep the rest
          }
          if (Object.prototype.hasOwnProperty.call(state, name)) state[name] = value;
        });
        return state;
      }

      function applyState(state) {
        ownerSel.value = hasOption(ownerSel, state.owner) ? state.owner : '';
        statusSel.value = hasOption(statusSel, state.status) ? state.status : '';
        orderSel.value = hasOption(orderSel, state.order) ? state.order : '';
      }

      function writeHash() {
        var parts = [];
        if (ownerSel.value) parts.push('owner=' + encodeURIComponent(ownerSel.value));
        if (statusSel.value) parts.push('status=' + encodeURIComponent(statusSel.value));
        if (orderSel.value) parts.push('order=' + encodeURIComponent(orderSel.value));
        var hash = parts.length ? '#' + parts.join('&') : '';
        if (hash === location.hash) return;
        // replaceState keeps the back button free of one entry per click; it can
        // throw on file:// or in sandboxed frames, so fall back to the hash itself.
        try {
          if (window.history && typeof history.replaceState === 'function') {
            history.replaceState(history.state, '', hash || location.href.split('#')[0]);
            return;
          }
        } catch (e) { /* fall through */ }
        try {
          location.hash = hash;
        } catch (e) { /* the view still works, it just cannot be linked */ }
      }

      form.addEventListener('change', function () {
        render();
        writeHash();
      });
      // There is nothing to submit; keep Enter from trying (form-action is 'none' anyway).
      form.addEventListener('submit', function (event) { event.preventDefault(); });
      // Someone edits the hash by hand, or the fallback above changed it.
      window.addEventListener('hashchange', function () {
        applyState(readHash());
        render();
      });

      form.hidden = false;
      applyState(readHash());
      render();
    }());
    """#

    /// The self-assessment of a role's checklist: answers kept in the browser's local storage
    /// only, downloaded and loaded back as a file by the reader. Tested with the script above.
    static let assessScript = #"""
    /* assess.js: lets the printable role checklist double as a self-assessment.
       Answers stay in this browser (localStorage) or in a file the person downloads;
       nothing is ever sent anywhere. Without this script the checklist still prints. */
    (function () {
      'use strict';

      var FORMAT = 'pathc-self-assessment';
      var MAX_TEXT = 5000; // same cap when typing and when loading, so a download loads back unchanged
      var NO_STORE = 'This browser will not keep your answers here. ' +
        'Download them before you close the page, and load the file next time.';
      var tools = document.getElementById('assess-tools');
      if (!tools) return; // not a checklist page
      var key = tools.getAttribute('data-key') || 'pathc-assessment';
      var role = tools.getAttribute('data-role') || 'role';
      var statusEl = document.getElementById('assess-status');

      // One entry per checklist row. Object.create(null): item ids can never clash with prototype names.
      var entries = [];
      var byId = Object.create(null);
      Array.prototype.forEach.call(document.querySelectorAll('table.checklist tr[data-item]'), function (tr) {
        var e = { id: tr.getAttribute('data-item'), box: tr.querySelector('input[type=checkbox]'), text: tr.querySelector('textarea') };
        if (e.text) e.text.maxLength = MAX_TEXT;
        entries.push(e);
        byId[e.id] = e;
      });

      function say(text) {
        if (statusEl && statusEl.textContent !== text) statusEl.textContent = text; // no repeated announcements
      }
      function answers(n) { return n + (n === 1 ? ' answer' : ' answers'); }

      // Storage may be absent or throw on any call (private mode, file://, full disk).
      var storage = null;
      try {
        storage = window.localStorage;
        storage.setItem(key + ':probe', '1');
        storage.removeItem(key + ':probe');
      } catch (e) { storage = null; }

      // The answers on the page: only rows with a tick or some evidence.
      function collect() {
        var items = Object.create(null);
        entries.forEach(function (e) {
          var done = Boolean(e.box && e.box.checked);
          var evidence = e.text ? e.text.value : '';
          if (done || evidence.trim()) items[e.id] = { done: done, evidence: evidence };
        });
        return items;
      }
      function build(items, now) {
        return { format: FORMAT, version: 1, role: role, saved: (now || new Date()).toISOString(), items: items };
      }

      // Checks text from storage or a file: {items, loaded, ignored, role}, or {error}
      // where error ends the sentence "The file was not loaded: ...".
      function parse(text) {
        var data;
        try { data = JSON.parse(text); } catch (e) { return { error: 'it is not a JSON file.' }; }
        if (!data || typeof data !== 'object' || data.format !== FORMAT) return { error: 'it is not a self-assessment file made by this page.' };
        if (data.version !== 1) return { error: 'it was made by a different version of this page.' };
        if (!data.items || typeof data.items !== 'object' || Array.isArray(data.items)) return { error: 'it does not contain a list of answers.' };
        var got = { items: Object.create(null), loaded: 0, ignored: 0, role: typeof data.role === 'string' ? data.role : '' };
        Object.keys(data.items).forEach(function (id) {
          var v = data.items[id];
          if (!byId[id] || !v || typeof v !== 'object') { got.ignored++; return; } // not on this checklist
          var evidence = typeof v.evidence === 'string' ? v.evidence.slice(0, MAX_TEXT) : '';
          if (v.done !== true && !evidence.trim()) return;
          got.items[id] = { done: v.done === true, evidence: evidence };
          got.loaded++;
        });
        return got;
      }

      // Puts answers into the inputs; rows not in items are left alone unless clearing.
      function fill(items, clearOthers) {
        entries.forEach(function (e) {
          var v = items[e.id];
          if (!v && !clearOthers) return;
          if (e.box) e.box.checked = Boolean(v && v.done);
          if (e.text) e.text.value = v ? v.evidence : '';
        });
      }

      function save() {
        if (!storage) return say(NO_STORE);
        var items = collect();
        try {
          if (Object.keys(items).length) storage.setItem(key, JSON.stringify(build(items)));
          else storage.removeItem(key);
          say('Saved in this browser only. Nothing is sent anywhere.');
        } catch (e) {
          say('Could not save in this browser (its storage may be full). Download your answers before you close the page.');
        }
      }

      function fileName() {
        var d = new Date();
        var two = function (n) { return (n < 10 ? '0' : '') + n; };
        return role.replace(/[^A-Za-z0-9_-]+/g, '-') + '-self-assessment-' +
          d.getFullYear() + '-' + two(d.getMonth() + 1) + '-' + two(d.getDate()) + '.json';
      }

      function download() {
        var items = collect();
        var url = URL.createObjectURL(new Blob([JSON.stringify(build(items), null, 2)], { type: 'application/json' }));
        var a = document.createElement('a');
        a.href = url;
        a.download = fileName();
        a.hidden = true;
        document.body.appendChild(a);
        a.click();
        document.body.removeChild(a);
        setTimeout(function () { URL.revokeObjectURL(url); }, 1000); // revoking at once can cancel the download
        say('Downloaded ' + answers(Object.keys(items).length) + ' as ' + a.download + '. Load that file here later to carry on.');
      }

      function load(file) {
        if (file.size > 1000000) return say('The file was not loaded: it is too large to be a self-assessment.');
        var reader = new FileReader();
        reader.onload = function () {
          var got = parse(String(reader.result));
          if (got.error) return say('The file was not loaded: ' + got.error);
          fill(got.items, false); // merge: answers not in the file stay as they are
          save();
          var text = got.loaded ? 'Loaded ' + answers(got.loaded) + ' from ' + file.name + '.'
            : 'The file ' + file.name + ' has no answers for this checklist, so nothing changed.';
          if (got.ignored) text += ' Skipped ' + answers(got.ignored) + ' for items not on this checklist.';
          if (got.role && got.role !== role) text += ' The file was made for the role ' + got.role + '.';
          say(storage ? text : text + ' ' + NO_STORE);
        };
        reader.onerror = function () { say('The file could not be read, so nothing changed.'); };
        reader.readAsText(file);
      }

      // Save on every tick and keystroke in the checklist (not on other inputs such as the file picker).
      function onEdit(event) {
        if (event.target.closest && event.target.closest('table.checklist tr[data-item]')) save();
      }
      document.addEventListener('input', onEdit);
      document.addEventListener('change', onEdit);

      // Blob, FileReader and createObjectURL exist in every browser that runs ES2017, so no fallbacks.
      function on(id, type, handler) {
        var el = document.getElementById(id);
        if (el) el.addEventListener(type, handler);
      }
      on('assess-print', 'click', function () { window.print(); });
      on('assess-export', 'click', download);
      on('assess-clear', 'click', function () {
        if (!window.confirm('Clear all your answers on this page? This cannot be undone unless you downloaded them.')) return;
        fill({}, true);
        try { if (storage) storage.removeItem(key); } catch (e) { /* nothing kept, nothing to clear */ }
        say('Your answers were cleared.');
      });
      on('assess-import', 'change', function (event) {
        var input = event.target;
        var file = input.files && input.files[0];
        input.value = ''; // so choosing the same file again still fires change
        if (file) load(file);
      });

      // Show the tools and restore what this browser kept from last time.
      tools.hidden = false;
      var stored = null;
      try { stored = storage && storage.getItem(key); } catch (e) { stored = null; }
      var got = stored ? parse(stored) : null;
      if (!storage) say(NO_STORE);
      else if (!got) say('Your answers are saved in this browser only, as you type. Nothing is sent anywhere.');
      else if (got.error) say('Answers saved earlier in this browser could not be read, so the page starts empty.');
      else { fill(got.items, false); say('Restored ' + answers(got.loaded) + ' saved in this browser. Nothing is sent anywhere.'); }

      // For the test harness only; it exposes nothing that is not already on the page.
      window.pathcAssess = { build: build, parse: parse, collect: collect, fileName: fileName };
    }());
    """#
}

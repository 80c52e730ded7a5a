/// The site's only stylesheet and only script, written by every build. No external fonts,
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
    .status.done, .dot.done { color: var(--done); } .status.on-track, .dot.on-track { color: var(--on-track); }
    .status.at-risk, .dot.at-risk { color: var(--at-risk); } .status.stale, .dot.stale { color: var(--stale); }
    .status.no-data, .dot.no-data { color: var(--no-data); }
    .dot { font-size: .9rem; margin-right: .1rem; }
    svg .fill.done { fill: var(--done); } svg .fill.on-track { fill: var(--on-track); } svg .fill.at-risk { fill: var(--at-risk); }
    svg .fill.stale { fill: var(--stale); } svg .fill.no-data { fill: var(--no-data); }
    svg .track { fill: var(--line); }
    svg.bar { width: 100%; height: .6rem; display: block; margin: .5rem 0 .25rem; }
    svg.stack { width: 100%; height: 1rem; display: block; border-radius: .25rem; }
    /* Never narrower than its labels can be read at: on a phone the chart scrolls sideways. */
    svg.chart { width: 100%; min-width: 34rem; max-width: 40rem; height: auto; display: block; margin: .75rem 0; }
    article.kr { overflow-x: auto; }
    svg.journey { width: 100%; min-width: 36rem; height: auto; display: block; }
    .figure { overflow-x: auto; background: var(--card); border: 1px solid var(--line); border-radius: .5rem; padding: .5rem; }
    svg .axis { stroke: var(--muted); stroke-width: 1; }
    svg .target { stroke: var(--done); stroke-width: 1.5; stroke-dasharray: 6 4; }
    svg .projection { stroke: var(--muted); stroke-width: 1.5; stroke-dasharray: 3 4; }
    svg .series { fill: none; stroke: var(--on-track); stroke-width: 2.5; }
    svg .series.at-risk { stroke: var(--at-risk); } svg .series.done { stroke: var(--done); } svg .series.stale { stroke: var(--stale); }
    svg .point { fill: var(--card); stroke: var(--fg); stroke-width: 1.5; }
    svg text { fill: var(--fg); font-size: 12px; }
    svg .tick { fill: var(--muted); font-size: 11px; }
    svg .stage-number { font-weight: 700; font-size: 14px; }
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

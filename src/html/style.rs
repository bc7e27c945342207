//! The page's one stylesheet: system fonts only (nothing to fetch), a
//! palette that stays apart for colour-blind readers (Okabe & Ito 2008),
//! and print rules with a page per programme.

/// The CSS, inlined in the page's `<style>`.
pub(super) const CSS: &str = r#"
:root {
  --ink: #1d2430; --muted: #5a6472; --rule: #d5dbe3; --paper: #ffffff; --wash: #f4f6f9;
  --accent: #0b4f8a; --blue: #0072b2; --sky: #56b4e9; --green: #009e73; --orange: #e69f00;
  --vermillion: #d55e00; --purple: #cc79a7; --grey: #8a94a3;
}
* { box-sizing: border-box; }
html { background: var(--wash); }
body {
  margin: 0 auto; max-width: 1080px; padding: 0 24px 48px; color: var(--ink); background: var(--paper);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Liberation Sans", sans-serif;
}
h1, h2, h3 { line-height: 1.2; font-weight: 650; }
h1 { font-size: 30px; margin: 6px 0 8px; }
h2 { font-size: 22px; margin: 0 0 6px; color: var(--accent); }
h3 { font-size: 16px; margin: 26px 0 6px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
.cover { padding: 36px 0 20px; border-bottom: 4px solid var(--accent); }
.kicker { margin: 0; text-transform: uppercase; letter-spacing: .12em; font-size: 12px; color: var(--muted); }
.facts { margin: 0 0 14px; color: var(--muted); }
nav p { margin: 0 0 6px; font-size: 14px; font-weight: 600; }
nav ol { columns: 2; column-gap: 32px; margin: 0; padding-left: 20px; font-size: 14px; }
nav a { color: var(--accent); text-decoration: none; }
nav a:hover { text-decoration: underline; }
section { padding: 28px 0 8px; border-bottom: 1px solid var(--rule); }
.lede { color: var(--muted); max-width: 72ch; margin: 0 0 12px; }
figure { margin: 10px 0 14px; }
svg.chart { display: block; width: 100%; height: auto; max-width: 100%; }
svg.chart text { font-family: inherit; fill: var(--ink); }
.programme header { display: flex; justify-content: space-between; gap: 24px; align-items: flex-start; }
.programme header h2 { margin-bottom: 4px; }
.meta { color: var(--muted); margin: 0; font-size: 14px; }
.badge { flex: none; text-align: center; border: 2px solid var(--accent); border-radius: 10px; padding: 6px 14px; min-width: 110px; }
.badge .big { display: block; font-size: 28px; font-weight: 700; color: var(--accent); line-height: 1.1; }
.badge .small { display: block; font-size: 12px; color: var(--muted); }
.stats { display: grid; grid-template-columns: repeat(auto-fit, minmax(128px, 1fr)); gap: 8px; margin: 16px 0 4px; padding: 0; list-style: none; }
.stats li { background: var(--wash); border-radius: 8px; padding: 8px 12px; }
.stats .k { display: block; font-size: 12px; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
.stats .v { font-size: 19px; font-weight: 650; white-space: nowrap; }
.two { display: grid; grid-template-columns: 1fr 1fr; gap: 24px; }
.two > div { min-width: 0; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; font-size: 14px; }
caption { text-align: left; font-weight: 600; color: var(--muted); padding: 4px 0; }
th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid var(--rule); vertical-align: top; }
thead th { font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); border-bottom: 2px solid var(--rule); }
tbody th { font-weight: 500; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.rank { font-weight: 700; color: var(--accent); }
.unknown { color: var(--muted); font-style: italic; }
.sev { display: inline-block; padding: 0 8px; border-radius: 10px; font-size: 12px; border: 1px solid currentColor; }
.sev-error { color: #a0340a; } .sev-warning { color: #7a5200; } .sev-advice { color: #3d4856; }
.note { font-size: 13px; color: var(--muted); }
ul.unranked { margin-top: 0; }
footer { padding-top: 18px; font-size: 13px; color: var(--muted); }
/* Chart parts */
.grid { stroke: var(--rule); stroke-width: 1; }
.axis { stroke: var(--muted); stroke-width: 1; }
.band { fill: var(--wash); }
.tick, .legend, .note-text { font-size: 12px; fill: var(--muted) !important; }
.axis-title { font-size: 12px; font-weight: 600; fill: var(--muted) !important; text-transform: uppercase; letter-spacing: .04em; }
.label { font-size: 13px; }
.label-strong { font-size: 13px; font-weight: 650; }
.rank-number { font-size: 15px; font-weight: 700; fill: var(--accent) !important; }
.value { font-size: 12px; font-variant-numeric: tabular-nums; }
.unknown-text { font-size: 12px; font-style: italic; fill: var(--muted) !important; }
.interval { fill: #b9d3ea; stroke: var(--blue); stroke-width: 1; rx: 6; }
.median { stroke: var(--ink); stroke-width: 2.5; }
.nominal { fill: var(--accent); stroke: #fff; stroke-width: 2; }
.bar { fill: var(--blue); }
.bar-light { fill: #b9d3ea; }
.bar.status-on { fill: var(--blue); } .bar.status-risk { fill: #7fb3d9; } .bar.status-off { fill: var(--vermillion); }
.bar.sev-error { fill: #c0502a; } .bar.sev-warning { fill: #e0a526; } .bar.sev-advice { fill: #9aa6b5; }
.expected { stroke: var(--ink); stroke-width: 2; stroke-dasharray: 5 3; }
.committed { fill: #fff; stroke: var(--ink); stroke-width: 1.2; }
.disbursed { fill: var(--blue); }
.spent { fill: url(#hatch-spent); stroke: var(--vermillion); stroke-width: 1; }
.cell-low { fill: #eef6f1; } .cell-moderate { fill: #fdf4d8; } .cell-high { fill: #fbe2c4; } .cell-extreme { fill: #f6cbbb; }
.cell-line { fill: none; stroke: #fff; stroke-width: 2; }
.cell-score { font-size: 11px; fill: var(--muted) !important; }
.risk-marker { fill: var(--ink); stroke: #fff; stroke-width: 1.5; }
.risk-marker.closed { fill: #fff; stroke: var(--ink); stroke-dasharray: 3 2; }
.marker-label { font-size: 11px; font-weight: 700; fill: #fff !important; }
.marker-label.dark { fill: var(--ink) !important; }
.quadrant { fill: none; stroke: var(--muted); stroke-width: 1.5; stroke-dasharray: 6 4; }
.quadrant-name { font-size: 12px; font-weight: 600; fill: var(--muted) !important; text-transform: uppercase; letter-spacing: .05em; }
.stance-champion { fill: var(--green); stroke: #fff; stroke-width: 1.2; }
.stance-supportive { fill: var(--sky); stroke: var(--ink); stroke-width: 1; }
.stance-neutral { fill: var(--grey); stroke: #fff; stroke-width: 1.2; }
.stance-resistant { fill: var(--orange); stroke: var(--ink); stroke-width: 1; }
.stance-blocking { fill: var(--vermillion); stroke: #fff; stroke-width: 1.2; }
.stance-unknown { fill: #fff; stroke: var(--ink); stroke-width: 1.2; stroke-dasharray: 2 2; }
.residual-inherent { fill: none; stroke: var(--ink); stroke-width: 1; stroke-dasharray: 3 2; }
.residual { fill: var(--vermillion); }
@media (max-width: 760px) { .two { grid-template-columns: 1fr; } nav ol { columns: 1; } }
@media print {
  @page { size: A4; margin: 14mm 12mm; }
  html, body { background: #fff; }
  body { max-width: none; padding: 0; font-size: 11pt; }
  nav { display: none; }
  .two { grid-template-columns: 1fr 1fr; gap: 16px; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  details::details-content { content-visibility: visible; display: block; }
  table { font-size: 9pt; }
  th, td { padding: 3px 6px; }
  section.programme { break-before: page; page-break-before: always; border: none; }
  #findings { break-before: page; page-break-before: always; }
  figure, table, .stats, .two > div { break-inside: avoid; page-break-inside: avoid; }
  tr { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  .cover { border-bottom-width: 2px; }
}
"#;

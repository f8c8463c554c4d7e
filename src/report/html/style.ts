/** The report's only styling: inline, so the page needs nothing from anywhere else. */

// Colours carry meaning twice: every status also has its word and symbol, so the page reads in greyscale.
export const CSS = `
:root{--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--bg:#fff;--panel:#f6f8fa;
--pass:#1a7f37;--pass-bg:#dafbe1;--fail:#cf222e;--fail-bg:#ffebe9;--skip:#59636e;--skip-bg:#eff2f5;--warn:#9a6700;--warn-bg:#fff8c5;
--mono:ui-monospace,SFMono-Regular,"SF Mono",Menlo,Consolas,"Liberation Mono","DejaVu Sans Mono",monospace}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;color:var(--fg);background:var(--bg);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Liberation Sans","DejaVu Sans",Arial,sans-serif}
code,pre{font-family:var(--mono);font-size:13px}
pre{margin:0;white-space:pre-wrap;overflow-wrap:anywhere}
header.top{padding:20px 28px 14px;border-bottom:1px solid var(--line);background:var(--panel)}
.title-row{display:flex;flex-wrap:wrap;align-items:center;gap:8px 20px}
h1{font-size:20px;margin:0;font-weight:600}
.verdict{margin:0;padding:3px 12px;border-radius:6px;font-weight:700;letter-spacing:.02em;border:2px solid}
.verdict-detail{font-weight:500}
.verdict-passed{color:var(--pass);background:var(--pass-bg)}
.verdict-failed{color:var(--fail);background:var(--fail-bg)}
.verdict-warned{color:var(--warn);background:var(--warn-bg)}
.totals{display:flex;flex-wrap:wrap;gap:10px;list-style:none;margin:14px 0;padding:0}
.total{min-width:120px;padding:8px 14px;border-radius:8px;border:2px solid;background:var(--bg)}
.total-n{font-size:26px;font-weight:700;line-height:1.1;display:block}
.total-word{font-weight:600;text-transform:uppercase;font-size:12px;letter-spacing:.06em}
.total-note{display:block;font-size:12px;color:var(--muted)}
.total-passed{color:var(--pass);background:var(--pass-bg)}
.total-failed{color:var(--fail);background:var(--fail-bg);border-width:3px}
.total-skipped{color:var(--skip);background:var(--skip-bg);border-style:dashed}
.total-warned{color:var(--warn);background:var(--warn-bg);border-style:dotted;border-width:3px}
.total-zero{opacity:.55;background:var(--bg)}
.total-failed.total-zero{border-width:2px}
.meta{display:flex;flex-wrap:wrap;gap:4px 26px;margin:0}
.meta div{display:flex;gap:6px;align-items:baseline}
.meta dt{color:var(--muted);font-size:13px}
.meta dd{margin:0;overflow-wrap:anywhere}
.reproduce{margin:10px 0 0;font-size:13px;color:var(--muted)}
.reproduce code{color:var(--fg);background:var(--bg);padding:1px 5px;border:1px solid var(--line);border-radius:4px}
main{padding:6px 28px 24px;max-width:1400px}
h2{font-size:17px;margin:22px 0 8px}
.op-name{font-family:var(--mono);font-size:17px}
.op-counts{font-size:13px;font-weight:500;color:var(--muted);margin-left:8px}
.count-failed{color:var(--fail);font-weight:700}.count-warned{color:var(--warn);font-weight:700}
.errors{border:2px solid var(--fail);background:var(--fail-bg);border-radius:8px;padding:4px 16px 12px;margin-top:18px}
.errors h2{color:var(--fail);margin-top:10px}
.attention{border:1px solid var(--line);border-left:5px solid var(--fail);border-radius:8px;padding:2px 16px 10px;margin-top:18px}
.attention h2{font-size:15px;margin:10px 0 6px}
.attention ul{margin:0;padding:0;list-style:none}.attention li{margin:4px 0}
.attention a{color:inherit}
.attn-title{color:var(--muted)}
.attn-reason{overflow-wrap:anywhere}
.attn-cut{color:var(--muted);font-style:italic}
.attn-folded>summary{cursor:pointer}
.attn-folded ul{margin:4px 0 0 18px}
.root-cause{border:2px solid var(--fail);background:var(--fail-bg);border-radius:8px;padding:4px 16px 10px;margin-top:18px}
.root-cause h2{color:var(--fail);margin-top:10px}
.root-cause p{margin:6px 0;overflow-wrap:anywhere}
.root-fix{font-size:16px}
.root-count{color:var(--muted);font-size:13px}
.checks{border:1px solid var(--line);border-radius:8px;overflow:hidden}
.row{display:grid;grid-template-columns:190px minmax(200px,330px) 1fr 80px;gap:12px;align-items:baseline;padding:7px 14px}
.row-head{background:var(--panel);font-size:12px;text-transform:uppercase;letter-spacing:.06em;color:var(--muted);border-bottom:1px solid var(--line)}
.dur{text-align:right;color:var(--muted);font-variant-numeric:tabular-nums;font-size:13px}
details.check{border-bottom:1px solid var(--line)}
details.check:last-child{border-bottom:0}
details.check>summary{cursor:pointer;list-style:none}
details.check>summary::-webkit-details-marker{display:none}
details.check>summary:hover{background:var(--panel)}
.check-id{font-weight:600;overflow-wrap:anywhere}
.check-failed{border-left:5px solid var(--fail)}
.check-warned{border-left:5px solid var(--warn)}
.check-passed{border-left:5px solid transparent}
.check-skipped{border-left:5px solid transparent;color:var(--muted)}
.check-failed>summary,.check-warned>summary{background:#fff5f4}
.check-warned>summary{background:#fffcea}
.check-failed.baseline-known>summary{background:var(--panel)}
.skip-reason{display:block;font-size:13px;font-style:italic}
.badge{display:inline-block;padding:1px 8px;border-radius:12px;font-size:12px;font-weight:700;letter-spacing:.04em;border:1px solid;white-space:nowrap}
.badge-passed{color:var(--pass);background:var(--pass-bg)}
.badge-failed{color:#fff;background:var(--fail);border-color:var(--fail)}
.badge-skipped{color:var(--skip);background:var(--skip-bg);border-style:dashed}
.badge-warned{color:var(--warn);background:var(--warn-bg);border-width:2px}
.tag{display:inline-block;margin-left:4px;padding:0 6px;border-radius:4px;font-size:11px;font-weight:700;border:1px dashed var(--muted);color:var(--muted);white-space:nowrap}
.tag-fixed{border-style:solid;color:var(--pass);border-color:var(--pass)}
.tag-blocked{border-style:solid;color:var(--fail);border-color:var(--fail)}
.detail{padding:4px 16px 14px 32px}
.facts{display:grid;grid-template-columns:max-content 1fr;gap:6px 14px;margin:6px 0 10px}
.facts dt{font-weight:600;color:var(--muted);text-transform:uppercase;font-size:12px;letter-spacing:.06em;padding-top:2px}
.facts dd{margin:0}
.got pre{background:var(--fail-bg);border-left:3px solid var(--fail);padding:6px 10px;border-radius:4px}
.check-warned .got pre{background:var(--warn-bg);border-left-color:var(--warn)}
h4{font-size:13px;margin:12px 0 6px;color:var(--muted);text-transform:uppercase;letter-spacing:.05em}
table{border-collapse:collapse}
.pointer-diff table{width:100%;font-size:14px}
.pointer-diff th{text-align:left;font-size:12px;color:var(--muted);font-weight:600;padding:4px 8px;border-bottom:1px solid var(--line)}
.pointer-diff td{padding:5px 8px;border-bottom:1px solid var(--line);vertical-align:top}
.pointer{font-weight:700}.arrow{color:var(--muted)}
.value{background:var(--panel);padding:1px 4px;border-radius:3px;overflow-wrap:anywhere}
.absent{color:var(--muted);font-style:italic}
.decisions dl{display:grid;grid-template-columns:max-content 1fr;gap:4px 14px;margin:0;font-size:14px}
.decisions dd{margin:0}
.baseline-note{margin:8px 0;padding:6px 10px;border:1px dashed var(--muted);border-radius:6px;background:var(--panel);font-size:14px}
.baseline-note-fixed{border-style:solid;border-color:var(--pass);background:var(--pass-bg)}
.evidence{margin-top:12px;display:grid;gap:8px}
details.exchange{border:1px solid var(--line);border-radius:6px;background:var(--bg)}
details.exchange>summary{cursor:pointer;padding:6px 10px;background:var(--panel);border-radius:6px;overflow-wrap:anywhere}
details.exchange[open]>summary{border-bottom:1px solid var(--line);border-radius:6px 6px 0 0}
.ex-label{font-weight:700;text-transform:uppercase;font-size:12px;letter-spacing:.06em;margin-right:4px}
.ex-type{color:var(--muted);font-size:13px}
table.headers{margin:8px 10px;font-size:13px}
table.headers th{text-align:left;font-weight:600;padding:1px 14px 1px 0;vertical-align:top;font-family:var(--mono);white-space:nowrap}
table.headers td{padding:1px 0;overflow-wrap:anywhere}
.body{margin:4px 10px 10px}
.body-kind{font-size:12px;color:var(--muted);margin-bottom:2px}
.body pre{background:var(--panel);border:1px solid var(--line);border-radius:4px;padding:8px 10px;max-height:480px;overflow:auto}
.note{color:var(--muted);font-size:13px;margin:6px 10px}
.digest{overflow-wrap:anywhere}
.empty{font-size:16px;color:var(--fail);font-weight:600}
/* Coverage section: the matrix of operations against statuses seen and query parameters sent. */
.sr-only{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0}
.coverage{margin-top:28px}
.capabilities{margin-top:28px}.capability-list{margin:0;padding-left:20px}.capability{margin:4px 0;overflow-wrap:anywhere}
.capability-absent strong{color:var(--muted)}.capability-what{color:var(--muted);font-size:13px}
.coverage-line{margin:0 0 8px;font-weight:600;font-variant-numeric:tabular-nums}
.coverage-scroll{overflow-x:auto;border:1px solid var(--line);border-radius:8px}
.coverage-scroll:focus-visible{outline:2px solid var(--fg);outline-offset:2px}
.coverage-matrix{width:100%;font-size:14px}
.coverage-matrix caption{caption-side:top;text-align:left;padding:7px 14px;color:var(--muted);font-size:13px;background:var(--panel);border-bottom:1px solid var(--line)}
.coverage-matrix thead th{background:var(--panel);font-size:12px;text-transform:uppercase;letter-spacing:.06em;color:var(--muted);font-weight:600;text-align:left;padding:5px 10px;border-bottom:1px solid var(--line);white-space:nowrap}
.coverage-matrix thead th.cov-param-h{text-transform:none;letter-spacing:0;text-align:center}
.coverage-matrix thead th.cov-params-h{text-align:center;border-left:1px solid var(--line)}
.coverage-matrix th[scope=row]{text-align:left;font-weight:400;border-left:5px solid transparent;min-width:260px;max-width:460px}
.coverage-matrix td,.coverage-matrix th[scope=row]{padding:6px 10px;border-bottom:1px solid var(--line);vertical-align:baseline}
.coverage-matrix tbody tr:last-child>*{border-bottom:0}
.coverage-matrix tbody tr:hover{background:var(--panel)}
.cov-method{display:inline-block;min-width:52px;font-family:var(--mono);font-size:12px;font-weight:700}
.cov-path span,.cov-name{white-space:nowrap}
.cov-statuses{white-space:nowrap}
.cov-status{display:inline-block;padding:0 7px;border-radius:10px;font-family:var(--mono);font-size:12px;font-weight:700;border:1px solid}
.cov-status-2xx{color:var(--pass);background:var(--pass-bg)}
.cov-status-4xx{color:var(--warn);background:var(--warn-bg);border-style:dotted;border-width:2px}
.cov-status-5xx{color:#fff;background:var(--fail);border-color:var(--fail)}
.cov-status-other{color:var(--skip);background:var(--skip-bg);border-style:dashed}
.tag-only-errors{border-style:solid;color:var(--warn);border-color:var(--warn)}
.cov-sent,.cov-unsent,.cov-na{text-align:center;font-weight:700}
.cov-sent{color:var(--pass)}
.cov-unsent{color:var(--muted)}
.cov-na{background:var(--panel)}
.cov-unexercised{color:var(--muted)}
.cov-unexercised>th[scope=row]{border-left:5px solid var(--fail)}
.cov-only-errors>th[scope=row]{border-left:5px solid var(--warn)}
.coverage h3{font-size:15px;margin:16px 0 6px}
.coverage-gaps{margin:0;padding-left:20px}.coverage-gaps li{margin:3px 0}
.cov-reason{font-style:italic}
.coverage-complete{color:var(--pass);font-weight:600}
footer{padding:10px 28px 28px;color:var(--muted);font-size:12px}
@media (max-width:760px){.row{grid-template-columns:1fr;gap:2px}.dur{text-align:left}.row-head{display:none}header.top,main{padding-left:12px;padding-right:12px}}
`;

/**
 * The head every report page shares: no script, nothing loaded from anywhere (the CSP says so), no
 * referrer, the inline CSS. `title` is escaped by the caller's template.
 */
export const PAGE_HEAD_BEFORE_TITLE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">
<meta name="referrer" content="no-referrer">
`;

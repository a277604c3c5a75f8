/**
 * The site's only stylesheet (screen and print), kept in a module so that it ships with the compiled code.
 * Colours meet WCAG AA on their backgrounds (text ≥ 4.5:1); severity is always also written out in words.
 */
export const STYLESHEET = `
:root{--fg:#1b1f24;--muted:#4a5561;--bg:#fff;--soft:#f4f6f8;--line:#d0d7de;--link:#0a58ca;--focus:#0a58ca;
--high:#8a1c1c;--high-bg:#fdecec;--medium:#7a4100;--medium-bg:#fff3dc;--low:#1f4f86;--low-bg:#e8f1fb;--ok:#1e6b34;--ok-bg:#e7f5ea}
*{box-sizing:border-box}
html{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--fg);background:var(--bg);line-height:1.55;-webkit-text-size-adjust:100%}
body{margin:0}
a{color:var(--link);text-underline-offset:2px}
a:hover{text-decoration-thickness:2px}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px;border-radius:2px}
.skip{position:absolute;left:.5rem;top:-3rem;background:#fff;color:var(--link);padding:.5rem .75rem;border:2px solid var(--focus);z-index:10}
.skip:focus{top:.5rem}
.visually-hidden{position:absolute!important;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
header.site{border-bottom:1px solid var(--line);background:var(--soft)}
header.site .bar{max-width:72rem;margin:0 auto;padding:.6rem 1rem;display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:center}
.brand{font-weight:700;font-size:1.1rem;color:var(--fg);text-decoration:none}
nav.main ul{list-style:none;display:flex;flex-wrap:wrap;gap:.25rem 1rem;margin:0;padding:0}
nav.main a{color:var(--fg)}
nav.main a[aria-current=page]{font-weight:700}
search.quick{margin-left:auto}
search.quick form{display:flex;gap:.4rem}
main{max-width:72rem;margin:0 auto;padding:1rem 1rem 3rem}
main:focus{outline:none}
footer.site{border-top:1px solid var(--line);color:var(--muted);font-size:.9rem}
footer.site div{max-width:72rem;margin:0 auto;padding:1rem}
h1{font-size:1.75rem;line-height:1.25;margin:.5rem 0 .75rem}
h2{font-size:1.3rem;margin:2rem 0 .6rem;border-bottom:1px solid var(--line);padding-bottom:.2rem}
h3{font-size:1.08rem;margin:1.25rem 0 .4rem}
.lede{color:var(--muted);margin-top:0}
.crumbs ol{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.3rem;font-size:.9rem;color:var(--muted)}
.crumbs li+li::before{content:"›";margin-right:.3rem}
.stats{display:grid;grid-template-columns:repeat(auto-fit,minmax(9rem,1fr));gap:.75rem;margin:1rem 0;padding:0;list-style:none}
.stats li{background:var(--soft);border:1px solid var(--line);border-radius:6px;padding:.6rem .8rem}
.stats b{display:block;font-size:1.5rem}
.grid2{display:grid;grid-template-columns:repeat(auto-fit,minmax(20rem,1fr));gap:1.5rem}
.grid2>*{min-width:0}
.card{overflow-wrap:anywhere}
.cards{grid-template-columns:minmax(0,1fr)}
.card .tag{white-space:normal;max-width:100%}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;font-size:.95rem}
th,td{text-align:left;vertical-align:top;padding:.4rem .5rem;border-bottom:1px solid var(--line)}
thead th{background:var(--soft)}
.num{text-align:right;font-variant-numeric:tabular-nums}
.badge,.tag,.grade{display:inline-block;border-radius:4px;padding:0 .4rem;font-size:.85rem;font-weight:600;border:1px solid transparent;white-space:nowrap}
.sev-high{color:var(--high);background:var(--high-bg);border-color:#e4a5a5}
.sev-medium{color:var(--medium);background:var(--medium-bg);border-color:#e6c48a}
.sev-low{color:var(--low);background:var(--low-bg);border-color:#a9c6e8}
.sev-none{color:var(--muted);background:var(--soft);border-color:var(--line)}
.tag{font-weight:500;background:var(--soft);border-color:var(--line);color:var(--fg)}
.pol-protective{color:var(--ok);background:var(--ok-bg)}
.pol-concerning{color:var(--high);background:var(--high-bg)}
.kind-substantive{color:var(--high)}
.grade{font-size:1rem;min-width:2rem;text-align:center;border-color:var(--line)}
.grade-a{color:var(--ok);background:var(--ok-bg)}.grade-b{color:#2e5e14;background:#eef6e4}
.grade-c{color:var(--medium);background:var(--medium-bg)}.grade-d,.grade-e{color:var(--high);background:var(--high-bg)}
.grade-score{font-weight:400;font-size:.85rem}
.cards{list-style:none;padding:0;margin:0;display:grid;gap:.75rem}
.card{border:1px solid var(--line);border-radius:6px;padding:.7rem .9rem;background:#fff}
.card h3,.card h4{margin:.1rem 0 .3rem;font-size:1rem}
.meta{color:var(--muted);font-size:.9rem}
.meta>*+*{margin-left:.6rem}
.hint{color:var(--muted);font-size:.9rem}
blockquote{margin:.75rem 0;padding:.6rem 1rem;border-left:4px solid var(--line);background:var(--soft)}
blockquote.quote-high{border-left-color:var(--high)}
blockquote.quote-medium{border-left-color:#b86e00}
blockquote.quote-low{border-left-color:var(--low)}
mark{background:#fff0a8;color:inherit;padding:0 .1rem}
.doc-text{max-width:none}
.lead{background:var(--soft);border:1px solid var(--line);border-radius:6px;padding:0 1rem .4rem;margin:1rem 0}
.lead h2{margin-top:.8rem}
.lead h3{margin:.8rem 0 .2rem}
.lead-findings{margin:.2rem 0;padding-left:1.4rem}
.lead-findings li{margin:.35rem 0}
.lead-line{margin:.1rem 0}
.doc-text .gap{color:var(--muted);margin:.4rem 0}
.doc-text .gap.plain{color:var(--fg)}
.doc-text .prov{margin:.35rem 0;padding:.3rem .6rem;border-left:4px solid transparent;display:grid;grid-template-columns:minmax(0,1fr) auto;gap:0 .75rem;align-items:baseline}
.doc-text .md>:first-child{margin-top:0}.doc-text .md>:last-child{margin-bottom:0}
.doc-text .prov.sev-high{border-left-color:var(--high);background:var(--high-bg);color:var(--fg)}
.doc-text .prov.sev-medium{border-left-color:#b86e00;background:var(--medium-bg);color:var(--fg)}
.doc-text .prov.sev-low{border-left-color:var(--low);background:var(--low-bg);color:var(--fg)}
.doc-text .prov .plink{font-size:.8rem;margin-left:.4rem;white-space:nowrap}
.doc-text .prov:target{outline:3px solid var(--focus)}
.legend{display:flex;gap:.5rem;flex-wrap:wrap;align-items:center}
ul.legend{list-style:none;padding:0;margin:.4rem 0}
form.filters{display:flex;flex-wrap:wrap;gap:.75rem;align-items:flex-end;background:var(--soft);border:1px solid var(--line);border-radius:6px;padding:.7rem;margin:.5rem 0 1rem}
form.filters label,form.stack label{max-width:100%;display:flex;flex-direction:column;font-size:.9rem;font-weight:600;gap:.2rem}
fieldset{border:1px solid var(--line);border-radius:6px}
input,select,button{max-width:100%;font:inherit;padding:.35rem .5rem;border:1px solid #6e7781;border-radius:4px;background:#fff;color:var(--fg)}
button{background:var(--link);color:#fff;border-color:var(--link);cursor:pointer}
.pager{display:flex;gap:1rem;margin:1rem 0}
.diff ins{background:#d8f5dd;color:#0b4019;text-decoration:underline}
.diff del{background:#fbe0e0;color:#6b1010;text-decoration:line-through}
.diff ins::before{content:"[+";font-size:0}.diff ins::after{content:"+]";font-size:0}
.diff del::before{content:"[-";font-size:0}.diff del::after{content:"-]";font-size:0}
.diff .side{white-space:pre-wrap}
pre,code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.85rem}
pre{background:var(--soft);border:1px solid var(--line);padding:.6rem;overflow:auto;white-space:pre-wrap;word-break:break-word}
.hash{word-break:break-all}
dl.facts{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:.25rem 1rem;margin:.5rem 0}
dl.facts dd{overflow-wrap:anywhere}
dl.facts dt{font-weight:600}
dl.facts dd{margin:0}
details{margin:.5rem 0}
summary{cursor:pointer;font-weight:600;padding:.3rem 0}
.chart{max-width:100%;height:auto}
.compare td{min-width:12rem}
.table-scroll{overflow-x:auto;position:relative}
.note{background:var(--soft);border-left:4px solid var(--line);padding:.5rem .8rem;color:var(--muted)}
.error-box{border:2px solid var(--high);background:var(--high-bg);padding:.7rem 1rem;border-radius:6px}
.report-head{display:flex;justify-content:space-between;gap:1rem;align-items:baseline}
@media (max-width:40rem){search.quick{margin-left:0;width:100%}h1{font-size:1.45rem}
dl.facts{grid-template-columns:minmax(0,1fr)}dl.facts dd{margin-bottom:.4rem}
table{display:block;overflow-x:auto;max-width:100%;position:relative}.doc-text .prov{display:block}td,th{overflow-wrap:anywhere}.compare td{min-width:10rem}}
@media print{
header.site,footer.site,.skip,form,.pager,.noprint,.crumbs{display:none!important}
.new-page{break-before:page}
.lead{break-inside:avoid}
main{max-width:none;padding:0}
html{font-size:10.5pt;color:#000}
a{color:#000;text-decoration:none}
a.cite-url::after{content:" " attr(href);font-size:.8em;color:#333;overflow-wrap:anywhere}
h2{break-after:avoid}
.card,blockquote,tr{break-inside:avoid}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
.badge,.tag,.grade{border:1px solid #555}
}
`;

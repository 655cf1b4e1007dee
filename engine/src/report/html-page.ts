// The frame of report.html: the stylesheet (screen, a phone at 390 px, A4 print) and the small plain
// script that searches, filters and sorts the member tables and opens a member's card from a link.
// No network, no library: the page is one file people forward in WeCom.

export const STYLE = `*{box-sizing:border-box}
body{font-family:"Noto Sans CJK SC","Noto Sans CJK TC","WenQuanYi Micro Hei","PingFang SC","PingFang TC","Microsoft YaHei","Microsoft JhengHei",sans-serif;margin:1.5rem auto;max-width:72rem;padding:0 1rem;color:#222;line-height:1.5}
h1{font-size:1.6rem}h2{margin-top:2rem;border-bottom:1px solid #ddd}h3{margin:1.2rem 0 .4rem}
nav.toc{display:flex;flex-wrap:wrap;gap:.4rem 1rem;margin:.5rem 0 1rem}nav.toc a{color:#2f6fb0}
.scroll{overflow-x:auto;max-width:100%}
table{border-collapse:collapse;font-size:.9rem;margin:.5rem 0}th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}
th{background:#f2f2f2;position:sticky;top:0;z-index:1}th[data-sort]{cursor:pointer;user-select:none}th[data-dir=asc]::after{content:" ▲"}th[data-dir=desc]::after{content:" ▼"}
td.name,td.rating,td.num,td.when{white-space:nowrap}td.num{text-align:right}td.what{min-width:16rem}td.group{min-width:8rem}
.rating-worst{background:#fbe3e2;color:#8a1c1a}
.charts{display:flex;flex-wrap:wrap;gap:1rem}.chart{max-width:100%;height:auto}.chart text{font-size:12px;fill:#333}.chart .chart-title{font-weight:bold}
.group-history{margin:.3rem 0 .6rem}.chart .note{fill:#555}.chart .mark{fill:#9a6700;font-weight:bold}.policy-changes{margin:.2rem 0;color:#9a6700}.failing{margin:.3rem 0}
td.change{text-align:center;white-space:nowrap}.change-up{color:#1d5e2a;font-weight:bold}.change-down{color:#8a1c1a;font-weight:bold}td.history{white-space:nowrap;font-size:.85rem}
.sev-error{color:#b00020}.sev-warning{color:#9a6700}.sev-info{color:#555}
.kpi{display:flex;gap:1rem;flex-wrap:wrap}.kpi div{background:#f6f8fa;border:1px solid #e1e4e8;padding:.5rem .9rem;border-radius:6px}.kpi b{display:block;font-size:1.4rem}
.problems{background:#fdecea;border:2px solid #b00020;color:#5f0010;padding:.6rem 1rem;border-radius:6px;margin:1rem 0}
.controls{display:flex;flex-wrap:wrap;gap:.5rem;margin:.5rem 0}.controls input,.controls select{font:inherit;padding:.3rem .4rem;max-width:100%}
details.card{border:1px solid #ddd;border-radius:6px;margin:.4rem 0;padding:.3rem .7rem}details.card[open]{background:#fcfcfd}details.card summary{cursor:pointer;font-weight:bold}
.card p{margin:.15rem 0}.card .section{font-weight:bold;margin-top:.5rem}.card .band,.card .finding,.card .note{padding-left:1.2rem}
.card .reached{color:#1d5e2a;font-weight:bold}.card .missed{color:#8a1c1a}.card .later{color:#888}
@media (max-width:600px){body{margin:.5rem auto;padding:0 .5rem}h1{font-size:1.3rem}table{font-size:.8rem}td.what{min-width:12rem}td.group{min-width:6rem}}
@media print{@page{size:A4;margin:14mm}body{max-width:none;margin:0;padding:0;font-size:10pt}nav.toc,.controls{display:none}
.scroll{overflow:visible}table{width:100%;table-layout:auto;page-break-inside:auto}tr{page-break-inside:avoid}th{position:static}
td,th{word-break:break-word}td.name,td.rating,td.num,td.when{white-space:normal}td.what,td.group{min-width:0}.chart{max-width:100%}
details.card{page-break-inside:avoid;border:none;border-top:1px solid #999;border-radius:0}details.card summary::marker{content:""}h2{page-break-after:avoid}}`;

export const SCRIPT = `(function(){
var q=document.getElementById('member-search'),g=document.getElementById('member-group'),r=document.getElementById('member-rating'),f=document.getElementById('member-followup');
var rows=JSON.parse(document.getElementById('member-data').textContent),order={},LIMIT=200;
function apply(){var s=q.value.trim().toLowerCase(),total=0,secs=document.querySelectorAll('section.members');
for(var j=0;j<secs.length;j++){var sec=secs[j],id=sec.dataset.group,list=rows[id]||[],shown=[];
sec.hidden=!!g.value&&id!==g.value;
for(var i=0;i<list.length;i++){var x=list[i];if((!s||x[1].indexOf(s)>=0)&&(!r.value||x[2]===r.value)&&(!f.value||x[3]===f.value))shown.push(x);}
var o=order[id];if(o)shown.sort(function(a,b){var va=a[4][o.col],vb=b[4][o.col],c=typeof va==='number'?va-vb:String(va).localeCompare(String(vb),document.documentElement.lang);return o.dir==='asc'?c:-c;});
if(!sec.hidden)total+=shown.length;
sec.querySelector('tbody').innerHTML=shown.slice(0,LIMIT).map(function(x){return x[0];}).join('');
var more=sec.querySelector('[data-more]');if(more)more.hidden=shown.length<=LIMIT;}
document.getElementById('member-count').textContent=String(total);}
[q,g,r,f].forEach(function(e){e.addEventListener('input',apply);});
var heads=document.querySelectorAll('section.members th[data-sort]');
for(var k=0;k<heads.length;k++){heads[k].addEventListener('click',function(){var th=this,id=th.closest('section').dataset.group,col=Number(th.dataset.sort),o=order[id],dir=o&&o.col===col&&o.dir==='asc'?'desc':'asc';
var all=th.parentNode.querySelectorAll('th');for(var a=0;a<all.length;a++)delete all[a].dataset.dir;th.dataset.dir=dir;order[id]={col:col,dir:dir};apply();});}
var data=null,list=document.getElementById('card-list');
function lines(){if(!data)data=JSON.parse(document.getElementById('card-data').textContent);return data;}
function card(id){var el=document.getElementById(id);if(el)return el;var l=lines()[id];if(!l)return null;
el=document.createElement('details');el.className='card';el.id=id;var s=document.createElement('summary');s.textContent=l[0][1];el.appendChild(s);
for(var i=1;i<l.length;i++){var p=document.createElement('p');p.className=l[i][0];p.textContent=l[i][1];el.appendChild(p);}list.appendChild(el);return el;}
function openTarget(){var id=decodeURIComponent(location.hash.slice(1));if(!id)return;var el=card(id);if(el){el.open=true;el.scrollIntoView();}}
window.addEventListener('hashchange',openTarget);openTarget();
window.addEventListener('beforeprint',function(){LIMIT=Infinity;apply();var all=lines();for(var id in all)card(id).open=true;});
})();`;

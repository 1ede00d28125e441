/**
 * The dashboard: one self-contained page (no external assets) that polls the agent's JSON API.
 * Verdict per tier, root causes with their fix, the node × node matrix as a heatmap, probe latency
 * history, and the timeline of node configuration changes. Stays useful when the agent's last results
 * are stale or a fetch fails: it shows the last data it had, marked.
 */
export function renderDashboard(opts: { node: string }): string {
  const node = escapeHtml(opts.node);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>flannel-doctor · ${node}</title>
<style>
:root{--ok:#1f9d55;--warn:#d69e2e;--bad:#e3342f;--na:#b8c2cc;--fg:#1a202c;--mut:#606f7b;--bg:#f7fafc;--card:#fff}
*{box-sizing:border-box}body{margin:0;font:14px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;background:var(--bg);color:var(--fg)}
header{display:flex;gap:1rem;align-items:center;padding:.8rem 1.2rem;background:#22292f;color:#fff}
header h1{font-size:1.1rem;margin:0}header .meta{margin-left:auto;font-size:.85rem;opacity:.85}
main{display:grid;grid-template-columns:repeat(auto-fit,minmax(420px,1fr));gap:1rem;padding:1rem 1.2rem}
section{background:var(--card);border-radius:8px;padding:1rem;box-shadow:0 1px 3px rgba(0,0,0,.08)}
section h2{font-size:1rem;margin:0 0 .6rem}
.tiers{display:flex;gap:.6rem}.tier{flex:1;border-radius:6px;padding:.6rem;color:#fff;text-align:center;font-weight:600}
.ok{background:var(--ok)}.warning{background:var(--warn)}.error{background:var(--bad)}.na{background:var(--na)}
.banner{padding:.6rem 1.2rem;background:#fff3cd;color:#7a5b00;display:none}.banner.show{display:block}
.cause{border-left:4px solid var(--bad);padding:.4rem .7rem;margin:.5rem 0;background:#fff5f5}
.cause.warning{border-color:var(--warn);background:#fffbea}.cause.info{border-color:var(--na);background:#f1f5f8}
.cause code{font-weight:600}.cause ol{margin:.3rem 0 .2rem 1.2rem;padding:0}.mut{color:var(--mut)}
table.matrix{border-collapse:collapse}table.matrix td,table.matrix th{width:2.6rem;height:2.2rem;text-align:center;font-size:.8rem}
table.matrix td{border:2px solid #fff;border-radius:4px;color:#fff;font-weight:600}
svg{width:100%;height:160px;background:#fbfdff;border:1px solid #e2e8f0;border-radius:4px}
ul.timeline{list-style:none;padding:0;margin:0}ul.timeline li{padding:.35rem 0;border-bottom:1px solid #edf2f7}
pre{background:#f1f5f8;padding:.4rem;border-radius:4px;overflow:auto;font-size:.8rem;margin:.3rem 0}
</style></head><body>
<header><h1>flannel-doctor</h1><span id="node">${node}</span><span class="meta" id="meta">loading…</span></header>
<div class="banner" id="banner"></div>
<main>
<section><h2>Verdict by tier</h2><div class="tiers" id="tiers"></div><p id="summary" class="mut"></p></section>
<section><h2>Root causes</h2><div id="causes"><p class="mut">waiting for the first check…</p></div></section>
<section><h2>Node × node reachability</h2><div id="matrix"><p class="mut">no mesh results yet</p></div><p class="mut">rows: from, columns: to; red = a path failed (hover for details)</p></section>
<section><h2>Probe latency</h2><svg id="latency" role="img" aria-label="probe latency history"></svg><p class="mut" id="legend"></p></section>
<section><h2>Configuration changes</h2><ul class="timeline" id="changes"><li class="mut">no change seen yet</li></ul></section>
</main>
<script>
(function(){
'use strict';
var state={};
function esc(s){return String(s==null?'':s).replace(/[&<>"']/g,function(c){return {'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;',"'":'&#39;'}[c];});}
function get(p){return fetch(p,{credentials:'same-origin',cache:'no-store'}).then(function(r){if(!r.ok)throw new Error(p+': HTTP '+r.status);return r.json();});}
function el(id){return document.getElementById(id);}
function banner(msg){var b=el('banner');b.textContent=msg||'';b.className=msg?'banner show':'banner';}
function tiers(report){
  var names=['application','network','infrastructure'];
  return names.map(function(t){
    if(!report)return '<div class="tier na">'+t+'<br>unknown</div>';
    var fs=report.findings.filter(function(f){return f.tier===t;});
    var sev=fs.some(function(f){return f.severity==='error';})?'error':fs.some(function(f){return f.severity==='warning';})?'warning':'ok';
    return '<div class="tier '+sev+'" data-tier="'+t+'">'+t+'<br>'+(sev==='ok'?'ok':fs.length+' issue'+(fs.length>1?'s':''))+'</div>';
  }).join('');
}
function causes(report){
  if(!report)return '<p class="mut">no results</p>';
  if(!report.findings.length)return '<p>No problem found.</p>';
  return report.findings.map(function(f){
    return '<div class="cause '+esc(f.severity)+'" data-cause="'+esc(f.cause)+'"><code>'+esc(f.cause)+'</code> <span class="mut">['+esc(f.severity)+', '+esc(f.tier)+']</span><div>'+esc(f.message)+'</div>'+
      (f.nodes.length?'<div class="mut">nodes: '+esc(f.nodes.join(', '))+'</div>':'')+
      (f.fix.length?'<ol>'+f.fix.map(function(s){return '<li>'+esc(s)+'</li>';}).join('')+'</ol>':'')+'</div>';
  }).join('');
}
function matrix(mesh){
  if(!mesh||!mesh.length)return '<p class="mut">no mesh results yet</p>';
  var nodes=[];mesh.forEach(function(m){if(nodes.indexOf(m.from)<0)nodes.push(m.from);if(nodes.indexOf(m.to)<0)nodes.push(m.to);});
  nodes.sort();
  var h='<table class="matrix"><tr><th></th>'+nodes.map(function(n){return '<th>'+esc(n)+'</th>';}).join('')+'</tr>';
  nodes.forEach(function(a){
    h+='<tr><th>'+esc(a)+'</th>';
    nodes.forEach(function(b){
      if(a===b){h+='<td class="na">·</td>';return;}
      var ps=mesh.filter(function(m){return m.from===a&&m.to===b;});
      if(!ps.length){h+='<td class="na" title="not probed">?</td>';return;}
      var bad=ps.filter(function(m){return !m.ok;});
      var title=ps.map(function(m){return m.path+': '+(m.ok?'ok'+(m.ms!=null?' '+m.ms.toFixed(1)+' ms':''):'FAILED '+(m.error||''));}).join('\\n');
      h+='<td class="'+(bad.length?'error':'ok')+'" data-pair="'+esc(a)+'-'+esc(b)+'" data-ok="'+(bad.length?'false':'true')+'" title="'+esc(title)+'">'+(bad.length?'✕':'✓')+'</td>';
    });
    h+='</tr>';
  });
  return h+'</table>';
}
function latency(history){
  var svg=el('latency');var W=600,H=160;svg.setAttribute('viewBox','0 0 '+W+' '+H);
  if(!history||history.length<1){svg.innerHTML='';el('legend').textContent='no history yet';return;}
  var series={};
  history.forEach(function(e,i){
    Object.keys(e.registryMs||{}).forEach(function(k){(series['registry '+k]=series['registry '+k]||[]).push([i,e.registryMs[k]]);});
    Object.keys(e.dnsMs||{}).forEach(function(k){(series['dns '+k]=series['dns '+k]||[]).push([i,e.dnsMs[k]]);});
    (series['check']=series['check']||[]).push([i,e.durationMs]);
  });
  var keys=Object.keys(series).slice(0,8);var max=1;
  keys.forEach(function(k){series[k].forEach(function(p){if(p[1]>max)max=p[1];});});
  var n=Math.max(2,history.length);var colors=['#3490dc','#e3342f','#38c172','#f6993f','#9561e2','#f66d9b','#4dc0b5','#6574cd'];
  svg.innerHTML=keys.map(function(k,j){
    var pts=series[k].map(function(p){return (p[0]*(W-20)/(n-1)+10).toFixed(1)+','+(H-10-p[1]*(H-20)/max).toFixed(1);}).join(' ');
    var dots=series[k].map(function(p){return '<circle r="3" fill="'+colors[j%8]+'" cx="'+(p[0]*(W-20)/(n-1)+10).toFixed(1)+'" cy="'+(H-10-p[1]*(H-20)/max).toFixed(1)+'"/>';}).join('');
    return '<polyline fill="none" stroke-width="2" stroke="'+colors[j%8]+'" points="'+pts+'"/>'+dots;
  }).join('');
  el('legend').innerHTML=keys.map(function(k,j){return '<span style="color:'+colors[j%8]+'">■</span> '+esc(k);}).join(' · ')+' (max '+max.toFixed(0)+' ms)';
}
function changes(list){
  if(!list||!list.length)return '<li class="mut">no change seen yet</li>';
  return list.slice().reverse().map(function(c){return '<li><b>'+esc(c.at)+'</b> '+esc(c.file)+' <span class="mut">'+esc(c.from)+' → '+esc(c.to)+'</span><pre>'+esc(c.diff.join('\\n'))+'</pre></li>';}).join('');
}
function refresh(){
  Promise.all([get('api/v1/findings'),get('api/v1/mesh'),get('api/v1/history')]).then(function(r){
    state={status:r[0].status,report:r[0].report,mesh:r[1].mesh,history:r[2].history,changes:r[2].changes};
    render();banner(state.status.stale?'Results are stale: the last check finished at '+(state.status.lastCheckAt||'never')+'. Showing the last known state.':'');
  }).catch(function(e){banner('Agent unreachable ('+e.message+'): showing the last known state.');render();});
}
function render(){
  var s=state.status;
  el('meta').textContent=s?('last check '+(s.lastCheckAt||'never')+' · every '+s.intervalSeconds+' s · v'+s.version):'no data';
  el('tiers').innerHTML=tiers(state.report);
  el('summary').textContent=state.report?state.report.summary:'';
  el('causes').innerHTML=causes(state.report);
  el('matrix').innerHTML=matrix(state.mesh);
  latency(state.history);
  el('changes').innerHTML=changes(state.changes);
}
refresh();setInterval(refresh,5000);
})();
</script></body></html>`;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

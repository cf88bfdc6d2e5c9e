// Every visible chart's text boxes, one per line of text, and the problems among them:
// a line cut off at its chart's edge, two lines of different texts that overlap, or a line over a chart's marks
// (the seats of a hall: its well's words spilling onto them).
() => {
  const problems = [];
  document.querySelectorAll('.js-plotly-plot').forEach(gd => {
    if (!gd.offsetParent) return;
    const owner = gd.closest('[id^=graph-]');
    const chart = owner ? owner.id.replace('graph-', '') : '?';
    const edge = gd.getBoundingClientRect();
    const lines = [];
    gd.querySelectorAll('svg.main-svg text').forEach((text, key) => {
      if (!text.textContent.trim() || text.closest('.hoverlayer')) return;
      for (let el = text; el && el !== gd; el = el.parentElement) {
        const style = getComputedStyle(el);
        if (style.visibility === 'hidden' || style.display === 'none' || parseFloat(style.opacity) === 0) return;
      }
      const parts = text.querySelectorAll('tspan.line');
      for (const part of parts.length ? [...parts] : [text]) {
        const r = part.getBoundingClientRect();
        if (r.width >= 1 && r.height >= 1 && part.textContent.trim())
          lines.push({key, text: part.textContent.slice(0, 60), left: r.left, top: r.top, right: r.right, bottom: r.bottom});
      }
    });
    for (const l of lines)
      if (l.left < edge.left - 2 || l.top < edge.top - 2 || l.right > edge.right + 2 || l.bottom > edge.bottom + 2)
        problems.push(`${chart}: “${l.text}” is cut off at the chart's edge`);
    for (let i = 0; i < lines.length; i++)
      for (let j = i + 1; j < lines.length; j++) {
        const a = lines[i], b = lines[j];
        if (a.key === b.key) continue;
        const across = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const down = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (across > 2 && down > 2) problems.push(`${chart}: “${a.text}” overlaps “${b.text}”`);
      }
    const marks = [...gd.querySelectorAll('.scatterlayer .point')].map(p => p.getBoundingClientRect());
    for (const l of lines) {
      const under = marks.filter(m => Math.min(l.right, m.right) - Math.max(l.left, m.left) > 2
        && Math.min(l.bottom, m.bottom) - Math.max(l.top, m.top) > 2).length;
      if (under) problems.push(`${chart}: “${l.text}” lies over ${under} of its marks`);
    }
  });
  return problems;
}

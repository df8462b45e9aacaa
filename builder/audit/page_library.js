// Colour maths and visibility helpers (window.__a11y), installed in every page catalogue audit and the
// browser tests open. The reflow check names what sticks out with describe() and visuallyHidden().
window.__a11y = (() => {
  const parse = (value) => {
    if (!value || value === 'transparent') return [0, 0, 0, 0];
    let m = value.match(/^rgba?\(([^)]+)\)$/);
    if (m) {
      const p = m[1].split(/[\s,\/]+/).filter(Boolean).map(Number);
      return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
    }
    m = value.match(/^color\(srgb ([^)]+)\)$/);
    if (m) {
      const p = m[1].split(/[\s\/]+/).filter(Boolean).map(Number);
      return [p[0] * 255, p[1] * 255, p[2] * 255, p.length > 3 ? p[3] : 1];
    }
    return null;
  };
  const over = (top, bottom) => {  // top composited over an opaque bottom
    const a = top[3];
    return [0, 1, 2].map(i => top[i] * a + bottom[i] * (1 - a)).concat([1]);
  };
  const channel = (c) => { c /= 255; return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4); };
  const luminance = (c) => 0.2126 * channel(c[0]) + 0.7152 * channel(c[1]) + 0.0722 * channel(c[2]);
  const contrast = (a, b) => {
    const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
  };
  // The colour behind an element: its own and its ancestors' backgrounds, composited over white.
  const background = (el) => {
    const layers = [];
    for (let e = el; e && e.nodeType === 1; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c && c[3] > 0) layers.push(c);
      if (c && c[3] >= 1) break;
    }
    return layers.reverse().reduce((below, layer) => over(layer, below), [255, 255, 255, 1]);
  };
  const hex = (c) => '#' + c.slice(0, 3).map(v => Math.round(v).toString(16).padStart(2, '0')).join('');
  const opacity = (el) => {
    let o = 1;
    for (let e = el; e && e.nodeType === 1; e = e.parentElement) o *= parseFloat(getComputedStyle(e).opacity);
    return o;
  };
  const visuallyHidden = (el) => {
    for (let e = el; e && e.nodeType === 1; e = e.parentElement) {
      const r = e.getBoundingClientRect(), s = getComputedStyle(e);
      if ((r.width <= 1 || r.height <= 1) && (s.overflow === 'hidden' || s.clipPath !== 'none' || s.clip !== 'auto')) return true;
    }
    return false;
  };
  const shown = (el) => el.checkVisibility({opacityProperty: true, visibilityProperty: true}) && !visuallyHidden(el);
  const describe = (el) => {
    let d = el.tagName.toLowerCase();
    if (el.id) d += '#' + el.id;
    if (el.classList.length) d += '.' + [...el.classList].join('.');
    const text = (el.innerText || el.value || el.getAttribute('aria-label') || '').trim().replace(/\s+/g, ' ');
    return text ? `${d} "${text.slice(0, 50)}"` : d;
  };
  // Elements that hold text themselves (a text node child), in document order.
  const textElements = (root) => {
    const found = [];
    const walker = document.createTreeWalker(root || document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (n.textContent.trim() && el && !['SCRIPT', 'STYLE', 'NOSCRIPT', 'TITLE'].includes(el.tagName)
          && found[found.length - 1] !== el && shown(el)) found.push(el);
    }
    return found;
  };
  const tabbable = () => [...document.querySelectorAll(
      'a[href], button, input:not([type="hidden"]), select, textarea, summary, [tabindex], [contenteditable="true"]')]
    .filter(el => el.tabIndex >= 0 && !el.disabled && el.checkVisibility({visibilityProperty: true}));
  const focusStyle = (el) => {
    const s = getComputedStyle(el);
    return {outlineStyle: s.outlineStyle, outlineWidth: s.outlineWidth, outlineColor: s.outlineColor,
            boxShadow: s.boxShadow, backgroundColor: s.backgroundColor, color: s.color,
            textDecorationLine: s.textDecorationLine, borderColor: s.borderColor};
  };
  return {parse, over, contrast, background, hex, opacity, visuallyHidden, shown, describe, textElements,
          tabbable, focusStyle, luminance};
})();

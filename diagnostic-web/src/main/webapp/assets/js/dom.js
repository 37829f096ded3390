// Small helpers to build the page without innerHTML: every text is inserted as text.

/** h('p', {class: 'x'}, 'text', child) — attributes: class, for (htmlFor), on* (listeners), booleans, others as attributes. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      el.addEventListener(name.slice(2), value);
    } else if (value === true) {
      el.setAttribute(name, '');
    } else {
      el.setAttribute(name, String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces the main content, sets the page title, and moves the focus to the new heading. */
export function show(title, ...children) {
  const main = document.getElementById('contenu');
  main.replaceChildren();
  append(main, children);
  document.title = `${title} — Repère`;
  const heading = main.querySelector('h1');
  if (heading) {
    heading.setAttribute('tabindex', '-1');
  }
  return main;
}

/** Puts the focus on an element (made focusable if needed) and brings it into view. */
export function focus(el) {
  if (!el) return;
  if (!el.hasAttribute('tabindex') && !/^(A|BUTTON|INPUT|SELECT|TEXTAREA)$/.test(el.tagName)) {
    el.setAttribute('tabindex', '-1');
  }
  el.focus();
  el.scrollIntoView({block: 'start'});
}

/** A date in French, e.g. « 3 mars 2026 à 14 h 05 ». */
export function dateTime(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  const day = d.toLocaleDateString('fr-FR', {day: 'numeric', month: 'long', year: 'numeric'});
  return `${day} à ${d.getHours()} h ${String(d.getMinutes()).padStart(2, '0')}`;
}

export function time(date = new Date()) {
  return `${date.getHours()} h ${String(date.getMinutes()).padStart(2, '0')}`;
}

/** An error summary (role alert) listing problems, each linking to its field when it has one. */
export function errorBox(title, items = []) {
  return h('div', {class: 'alerte alerte--erreur', role: 'alert', tabindex: '-1'},
    h('h2', {class: 'alerte__titre'}, title),
    items.length ? h('ul', {}, items.map(i => h('li', {}, i.href ? h('a', {href: i.href}, i.text) : i.text))) : null);
}

"""The page's style sheet and script.

The script does what needs no server: a click on an answer's [n] shows that answer's card n, a click
on an earlier answer brings its sources back (every answer's sources are in the panel, one shown),
a click on a suggested next question asks it.
What needs the server (open an article, remove one, drop a filter chip) it asks for by writing a
small JSON request into one hidden textbox, whose change event runs the handler."""

CSS = """
.qa-sources { max-height: 680px; overflow-y: auto; }
.qa-turn { display: none; }
.qa-turn.qa-active { display: block; }
.qa-for { font-size: 0.85em; opacity: 0.7; margin: -6px 0 8px; }
.qa-card { border: 1px solid var(--border-color-primary); border-radius: 8px; padding: 10px 12px; margin-bottom: 10px; }
.qa-card.qa-flash { border-color: var(--color-accent); box-shadow: 0 0 0 2px var(--color-accent); }
.qa-card-title { font-weight: 600; }
.qa-n { color: var(--color-accent); font-weight: 700; }
.qa-meta, .qa-why { font-size: 0.85em; opacity: 0.75; margin: 2px 0 6px; }
.qa-passage { white-space: pre-wrap; font-size: 0.92em; line-height: 1.45; }
.qa-passage mark, .qa-quote mark, .qa-article mark { background: #fde68a; color: inherit; padding: 0 2px; border-radius: 2px; }
.qa-hint { opacity: 0.7; }
.qa-open, .qa-remove, .qa-confirm, .qa-cancel, .qa-chip button {
  border: 1px solid var(--border-color-primary); border-radius: 6px; padding: 0 6px; font-size: 0.85em; cursor: pointer; background: none;
}
.qa-confirm { background: #dc2626; color: white; border-color: #dc2626; }
.qa-hidden { display: none !important; }
#chat a[href^="#qa-cite-"] { text-decoration: none; font-weight: 600; }
#chat a[href="#qa-ask"] { font-size: 0.92em; }
.qa-chips { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; font-size: 0.9em; min-height: 1.2em; }
.qa-chip { border: 1px solid var(--color-accent); border-radius: 999px; padding: 1px 4px 1px 10px; }
.qa-chip button { border: none; }
.qa-article { white-space: pre-wrap; line-height: 1.55; max-width: 60em; }
.qa-table { width: 100%; border-collapse: collapse; font-size: 0.92em; }
.qa-table td, .qa-table th { border-bottom: 1px solid var(--border-color-primary); padding: 4px 6px; text-align: left; vertical-align: top; }
.qa-snippet { font-size: 0.85em; opacity: 0.8; }
.qa-timeline .qa-entry { border-left: 3px solid var(--border-color-primary); padding: 4px 0 8px 12px; margin-left: 4px; }
.qa-timeline .qa-entry.qa-change { border-left-color: #dc2626; }
.qa-side { display: grid; grid-template-columns: 1fr 1fr; gap: 10px; }
.qa-side > div { border: 1px solid var(--border-color-primary); border-radius: 6px; padding: 6px 8px; font-size: 0.92em; }
.qa-badge { font-size: 0.8em; font-weight: 700; color: #dc2626; }
/* A phone: chat, then its sources, then the history; one page scroll, no box scrolling inside it. */
@media (max-width: 700px) {
  .qa-sources { max-height: none; overflow: visible; }
  #chat, #chat .bubble-wrap { height: auto !important; max-height: none !important; overflow: visible !important; }
  #history-col { order: 3; }
  #sources-col { order: 2; }
  #chat-col { order: 1; }
  .qa-side { grid-template-columns: 1fr; }
}
"""

JS = r"""
() => {
  const panel = () => document.querySelector('#sources .qa-sources');
  const show = (turn, n) => {
    const p = panel();
    if (!p) return;
    p.querySelectorAll('.qa-turn').forEach(el => el.classList.toggle('qa-active', el.dataset.turn === String(turn)));
    p.querySelectorAll('.qa-flash').forEach(el => el.classList.remove('qa-flash'));
    const active = p.querySelector('.qa-turn.qa-active');
    const card = active && n ? [...active.querySelectorAll('.qa-card')].find(c => (c.dataset.n || '').split(' ').includes(String(n))) : null;
    if (card) {
      card.classList.add('qa-flash');
      const first = card === active.querySelector('.qa-card');
      p.scrollTop = first ? 0 : card.offsetTop - p.offsetTop;  // the first card: with the heading that says whose sources these are
      if (window.innerWidth <= 700) card.scrollIntoView({block: 'start'});
    } else {
      p.scrollTop = 0;
    }
  };
  const ask = (payload) => {
    const box = document.querySelector('#page-request textarea, #page-request input');
    if (!box) return;
    box.value = JSON.stringify({...payload, at: Date.now()});
    box.dispatchEvent(new Event('input', {bubbles: true}));
  };
  // The Article tab, then the cited passage once the new article is in.
  const showArticle = () => {
    const tab = [...document.querySelectorAll('button[role=tab]')].find(b => b.innerText.trim() === 'Article');
    if (tab) tab.click();
    const old = document.querySelector('#viewer .qa-viewer');
    let tries = 0;
    const look = () => {
      const v = document.querySelector('#viewer .qa-viewer');
      if (v && v !== old) { const m = v.querySelector('mark'); if (m) m.scrollIntoView({block: 'center'}); return; }
      if (++tries < 100) setTimeout(look, 100);
    };
    look();
  };
  window.qaShowSources = show;
  document.addEventListener('click', (ev) => {
    const t = ev.target;
    const cite = t.closest && t.closest('a[href^="#qa-cite-"]');
    if (cite) {
      ev.preventDefault(); ev.stopPropagation();
      const m = cite.getAttribute('href').match(/#qa-cite-(\d+)-(\d+)/);
      if (m) show(m[1], m[2]);
      return;
    }
    const next = t.closest && t.closest('a[href="#qa-ask"]');
    if (next) {
      ev.preventDefault(); ev.stopPropagation();
      const box = document.querySelector('#question textarea');
      box.value = next.innerText.trim();
      box.dispatchEvent(new Event('input', {bubbles: true}));
      setTimeout(() => document.querySelector('#ask').click(), 50);
      return;
    }
    const open = t.closest && t.closest('button.qa-open');
    if (open) {
      ask({kind: 'open', doc: open.dataset.doc, turn: open.dataset.turn, n: open.dataset.n, q: open.dataset.q || ''});
      showArticle();
      return;
    }
    const chip = t.closest && t.closest('.qa-chip button');
    if (chip) { ask({kind: 'chip', drop: chip.dataset.drop}); return; }
    const rm = t.closest && t.closest('button.qa-remove');
    if (rm) {
      const cell = rm.parentElement;
      cell.querySelectorAll('.qa-confirm, .qa-cancel, .qa-ask').forEach(e => e.remove());
      const q = document.createElement('span'); q.className = 'qa-ask'; q.textContent = ' Remove this article? ';
      const yes = document.createElement('button'); yes.className = 'qa-confirm'; yes.textContent = 'Yes, remove'; yes.dataset.doc = rm.dataset.doc;
      const no = document.createElement('button'); no.className = 'qa-cancel'; no.textContent = 'Cancel';
      cell.append(q, yes, no);
      return;
    }
    const yes = t.closest && t.closest('button.qa-confirm');
    if (yes) { ask({kind: 'remove', doc: yes.dataset.doc}); yes.disabled = true; return; }
    const no = t.closest && t.closest('button.qa-cancel');
    if (no) { no.parentElement.querySelectorAll('.qa-confirm, .qa-cancel, .qa-ask').forEach(e => e.remove()); return; }
    const bot = t.closest && t.closest('#chat [data-testid=bot]');
    if (bot && !(t.closest('button'))) {
      const bots = [...document.querySelectorAll('#chat [data-testid=bot]')];
      show(bots.indexOf(bot), null);
    }
  }, true);
}
"""

# After a new answer: its sources, from the top.
SOURCES_TOP = "() => { const p = document.querySelector('#sources .qa-sources'); if (p) p.scrollTop = 0; }"

SHOW_TIMELINE = """() => {
  const tab = [...document.querySelectorAll('button[role=tab]')].find(b => b.innerText.trim() === 'Timeline');
  if (tab) tab.click();
}"""

// xxgk serve: what the 检查 and 填报 pages share — calling the API, marking
// findings in the rendered report, the list of findings and the detail of one.
'use strict';

const XX = {};

XX.SECTIONS = [
  ['overview', '一、总体情况'],
  ['proactive', '二、主动公开政府信息情况'],
  ['applications', '三、收到和处理政府信息公开申请情况'],
  ['reviews', '四、政府信息公开行政复议、行政诉讼情况'],
  ['problems', '五、存在的主要问题及改进情况'],
  ['other', '六、其他需要报告的事项'],
];
XX.SEVERITY = { error: '错误', warning: '警告', info: '提示' };

XX.esc = (s) => String(s ?? '').replace(/[&<>"']/g,
  (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));

// Calls the API; resolves to the parsed JSON (or the Response for files), or
// throws an Error carrying the server's Chinese message.
XX.api = async (path, options = {}, raw = false) => {
  let response;
  try {
    response = await fetch(path, options);
  } catch (e) {
    throw new Error('无法连接 xxgk 服务：它是否仍在运行？');
  }
  if (!response.ok) {
    let message = `请求失败（${response.status}）`;
    try { message = (await response.json()).error || message; } catch (e) { /* not JSON */ }
    throw new Error(message);
  }
  return raw ? response : response.json();
};

// Checks a file: its bytes (ArrayBuffer, Blob or string) and its name.
XX.check = (body, name) =>
  XX.api(`/api/check?name=${encodeURIComponent(name)}`, { method: 'POST', body });

XX.status = (el, text, bad = false) => {
  el.textContent = text;
  el.classList.toggle('bad', bad);
};

// The section a JSON Pointer is in (its key), or '' for the report as a whole.
XX.sectionOf = (pointer) => {
  const m = /^\/sections\/([a-z]+)/.exec(pointer || '');
  return m ? m[1] : '';
};

// The element that shows a place: the exact pointer, else the nearest enclosing
// place that is shown. A section the report lacks gets a placeholder where it
// belongs, so that the finding "section missing" has somewhere to be.
XX.target = (root, pointer) => {
  const article = root.querySelector('article') || root;
  let p = pointer || '';
  while (true) {
    const el = article.querySelector(`[data-pointer="${CSS.escape(p)}"]`);
    if (el) return el;
    const section = /^\/sections\/([a-z]+)$/.exec(p);
    if (section) return XX.placeholder(article, section[1]);
    if (!p) return article.querySelector('h1') || article;
    p = p.slice(0, p.lastIndexOf('/'));
  }
};

XX.placeholder = (article, key) => {
  const order = XX.SECTIONS.map((s) => s[0]);
  const el = document.createElement('section');
  el.className = 'placeholder';
  el.dataset.pointer = `/sections/${key}`;
  const name = (XX.SECTIONS.find((s) => s[0] === key) || [key, key])[1];
  el.textContent = `此处缺少“${name}”部分`;
  const later = order.slice(order.indexOf(key) + 1)
    .map((k) => article.querySelector(`section[data-pointer="/sections/${k}"]`))
    .find(Boolean);
  if (later) article.insertBefore(el, later);
  else article.insertBefore(el, article.querySelector('.xxgk-closing'));
  return el;
};

// Underlines characters start..end (counted in characters, as the rules count
// them) of a paragraph that is one run of text.
XX.underline = (el, span, severity) => {
  if (!span || el.children.length || !el.firstChild) return false;
  const chars = Array.from(el.textContent);
  if (span.end > chars.length || span.start >= span.end) return false;
  const mark = document.createElement('span');
  mark.className = `mark-span ${severity}`;
  mark.textContent = chars.slice(span.start, span.end).join('');
  el.textContent = '';
  el.append(chars.slice(0, span.start).join(''), mark, chars.slice(span.end).join(''));
  el.classList.add('mark-span-host');
  return true;
};

const RANK = { error: 0, warning: 1, info: 2 };

// Marks every finding of the checked report in `root`; returns, for each
// finding, the element it is marked on. Clicking a marked element calls `pick`
// with the findings there.
XX.mark = (root, diagnostics, pick) => {
  root.querySelectorAll('.mark').forEach((el) => {
    el.classList.remove('mark', 'mark-error', 'mark-warning', 'mark-info');
    delete el.dataset.findings;
  });
  root.querySelectorAll('.placeholder').forEach((el) => el.remove());
  const targets = diagnostics.map((d, i) => {
    if (d.location.document !== 'current') return null;
    const el = XX.target(root, d.location.pointer);
    const shown = el.dataset.findings ? el.dataset.findings.split(',') : [];
    shown.push(String(i));
    el.dataset.findings = shown.join(',');
    const worst = shown.map((j) => diagnostics[+j].severity).sort((a, b) => RANK[a] - RANK[b])[0];
    el.classList.remove('mark-error', 'mark-warning', 'mark-info');
    el.classList.add('mark', `mark-${worst}`);
    if (el.tagName === 'P') XX.underline(el, d.location.span, d.severity);
    return el;
  });
  root.onclick = (event) => {
    const el = event.target.closest('[data-findings]');
    if (el && root.contains(el) && !event.target.matches('input, textarea')) {
      pick(el.dataset.findings.split(',').map(Number));
    }
  };
  return targets;
};

// The list of findings by section; clicking one scrolls to its mark.
XX.list = (container, diagnostics, targets, pick) => {
  container.textContent = '';
  if (!diagnostics.length) {
    container.innerHTML = '<p class="note">没有发现问题。</p>';
    return;
  }
  const groups = [['', '全文']].concat(XX.SECTIONS);
  for (const [key, name] of groups) {
    const items = diagnostics.map((d, i) => [d, i]).filter(([d]) => XX.sectionOf(d.location.pointer) === key);
    if (!items.length) continue;
    const h = document.createElement('h3');
    h.textContent = name;
    const ul = document.createElement('ul');
    for (const [d, i] of items) {
      const li = document.createElement('li');
      li.className = `finding ${d.severity}`;
      li.dataset.index = i;
      li.innerHTML = `<span class="sev ${d.severity}">${XX.SEVERITY[d.severity] || d.severity}</span>` +
        `<span class="code">${XX.esc(d.code)}</span>${XX.esc(d.message)}`;
      li.onclick = () => {
        const el = targets[i];
        if (el) {
          el.scrollIntoView({ behavior: 'smooth', block: 'center' });
          el.classList.remove('flash');
          void el.offsetWidth;
          el.classList.add('flash');
        }
        pick([i]);
      };
      ul.append(li);
    }
    container.append(h, ul);
  }
};

// The detail of findings: message, help, the places involved, and the rule's
// explanation on request.
XX.detail = (panel, diagnostics, indices) => {
  panel.hidden = false;
  panel.textContent = '';
  panel.parentElement.scrollTop = 0;
  document.querySelectorAll('.finding.active').forEach((el) => el.classList.remove('active'));
  for (const i of indices) {
    const d = diagnostics[i];
    document.querySelectorAll(`.finding[data-index="${i}"]`).forEach((el) => el.classList.add('active'));
    const div = document.createElement('div');
    div.className = 'finding-detail';
    const related = (d.related || []).map((r) => `<li>${XX.esc(r.label)}</li>`).join('');
    div.innerHTML =
      `<p><span class="sev ${d.severity}">${XX.SEVERITY[d.severity] || d.severity}</span>` +
      `<span class="code">${XX.esc(d.code)} ${XX.esc(d.name)}</span></p>` +
      `<p>${XX.esc(d.message)}</p>` +
      (d.help ? `<p><strong>怎样改正：</strong>${XX.esc(d.help)}</p>` : '') +
      (related ? `<p>相关位置：</p><ul class="related">${related}</ul>` : '') +
      '<button type="button" class="quiet explain">规则说明</button>';
    div.querySelector('.explain').onclick = async (event) => {
      const button = event.target;
      try {
        const rule = await XX.api(`/api/explain/${encodeURIComponent(d.code)}`);
        const pre = document.createElement('pre');
        pre.textContent = rule.explanation;
        button.replaceWith(pre);
      } catch (e) {
        button.textContent = e.message;
      }
    };
    panel.append(div);
  }
};

// The import notes: how the file was read.
XX.notes = (container, notes) => {
  container.textContent = '';
  if (!notes.length) {
    container.innerHTML = '<p class="note">按原文完整读取，没有需要说明的情况。</p>';
    return;
  }
  const ul = document.createElement('ul');
  for (const n of notes) {
    const li = document.createElement('li');
    li.className = 'note';
    li.textContent = `${n.significant ? '◆' : '·'} ${n.message}`;
    ul.append(li);
  }
  container.append(ul);
};

// The 填报 page: the official form of the year's format, an input in every cell
// and a text area for each text section; the report is checked as one types and
// kept as a draft in this browser (localStorage).
'use strict';

(() => {
  const $ = (id) => document.getElementById(id);
  const DRAFT = 'xxgk-fill-draft';
  const TEXT_SECTIONS = ['overview', 'problems', 'other'];
  const status = $('status');
  const form = $('form');
  let state = null; // { model, html }
  let timer = 0;
  let sequence = 0;
  let last = null;

  const tokens = (pointer) => pointer.split('/').slice(1).map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
  const get = (model, pointer) => tokens(pointer).reduce((o, t) => (o == null ? undefined : o[t]), model);
  const set = (model, pointer, value) => {
    const ts = tokens(pointer);
    let o = model;
    for (const t of ts.slice(0, -1)) {
      if (o[t] == null || typeof o[t] !== 'object') o[t] = {};
      o = o[t];
    }
    o[ts[ts.length - 1]] = value;
  };
  // What a cell holds as the model writes it: whole numbers as numbers, the rest
  // (blank, decimals, amounts with a unit, placeholders such as “/”) as text.
  const cellValue = (text) => {
    const t = text.trim();
    return /^-?\d{1,15}$/.test(t) ? Number(t) : t;
  };
  const cellText = (v) => (v == null ? '' : String(v));
  const bodyText = (blocks) => (blocks || []).map((b) => b.paragraph ?? b.heading ?? '').join('\n');

  const save = () => {
    try {
      localStorage.setItem(DRAFT, JSON.stringify(state));
    } catch (e) {
      XX.status(status, '草稿无法保存在浏览器中（存储已满或被禁用）', true);
    }
  };

  const changed = () => {
    save();
    clearTimeout(timer);
    timer = setTimeout(check, 400);
  };

  const build = () => {
    form.innerHTML = state.html;
    form.querySelectorAll('td[data-cell]').forEach((td) => {
      const input = document.createElement('input');
      input.type = 'text';
      input.inputMode = 'decimal';
      input.autocomplete = 'off';
      input.value = cellText(get(state.model, td.dataset.pointer));
      input.setAttribute('aria-label', td.dataset.cell);
      input.oninput = () => {
        set(state.model, td.dataset.pointer, cellValue(input.value));
        changed();
      };
      td.textContent = '';
      td.append(input);
    });
    for (const key of TEXT_SECTIONS) {
      const section = form.querySelector(`section[data-pointer="/sections/${key}"]`);
      if (!section || !state.model.sections[key]) continue;
      section.querySelectorAll(`[data-pointer^="/sections/${key}/body"]`).forEach((el) => el.remove());
      const area = document.createElement('textarea');
      area.className = 'body';
      area.placeholder = '在此填写本部分正文，每段一行';
      area.setAttribute('aria-label', `${key} 正文`);
      area.dataset.section = key;
      area.value = bodyText(state.model.sections[key].body);
      area.oninput = () => {
        state.model.sections[key].body = area.value.split('\n').map((l) => l.trim()).filter(Boolean)
          .map((paragraph) => ({ paragraph }));
        changed();
      };
      const heading = section.querySelector('h2');
      if (heading) heading.after(area); else section.prepend(area);
    }
    const meta = state.model.meta;
    $('year').value = meta.year;
    $('kind').value = meta.kind;
    $('agency').value = meta.agency;
    $('published').value = meta.published || '';
    $('tools').hidden = false;
    $('result').hidden = false;
  };

  const check = async () => {
    const mine = ++sequence;
    XX.status(status, '检查中…');
    let answer;
    try {
      answer = await XX.check(JSON.stringify(state.model), '填报.json');
    } catch (e) {
      if (mine === sequence) XX.status(status, `无法检查：${e.message}`, true);
      return;
    }
    if (mine !== sequence) return; // a later check is on its way
    last = answer;
    const diagnostics = answer.envelope.diagnostics;
    const pick = (indices) => XX.detail($('detail'), diagnostics, indices);
    const targets = XX.mark(form, diagnostics, pick);
    XX.list($('findings'), diagnostics, targets, pick);
    form.querySelectorAll('.expected').forEach((el) => el.remove());
    for (const [pointer, value] of Object.entries(answer.expected)) {
      const td = form.querySelector(`td[data-pointer="${CSS.escape(pointer)}"]`);
      if (!td) continue;
      const badge = document.createElement('span');
      badge.className = 'expected';
      badge.textContent = `应为 ${value}`;
      td.append(badge);
    }
    const s = answer.envelope.summary;
    XX.status(status, `草稿已保存。检查结果：错误 ${s.errors}，警告 ${s.warnings}，提示 ${s.infos}。`);
  };

  const start = (model, html) => {
    state = { model, html };
    $('detail').hidden = true;
    build();
    save();
    check();
  };

  $('start').onsubmit = async (event) => {
    event.preventDefault();
    if (state && !confirm('新建空白报表将替换当前草稿，是否继续？')) return;
    const q = new URLSearchParams({ year: $('year').value, kind: $('kind').value, agency: $('agency').value });
    try {
      const blank = await XX.api(`/api/blank?${q}`);
      start(blank.report, blank.html);
    } catch (e) {
      XX.status(status, e.message, true);
    }
  };

  $('load').onchange = async (event) => {
    const file = event.target.files[0];
    event.target.value = '';
    if (!file) return;
    XX.status(status, `正在读取 ${file.name}…`);
    try {
      const answer = await XX.check(file, file.name);
      start(answer.report, answer.html);
    } catch (e) {
      XX.status(status, `无法读取 ${file.name}：${e.message}`, true);
    }
  };

  $('published').onchange = () => {
    if (!state) return;
    if ($('published').value) state.model.meta.published = $('published').value;
    else delete state.model.meta.published;
    changed();
  };

  const EXT = { docx: 'docx', html: 'html', txt: 'txt', toml: 'toml' };
  document.querySelectorAll('#tools button[data-to]').forEach((button) => {
    button.onclick = async () => {
      const to = button.dataset.to;
      try {
        const response = await XX.api(`/api/render?to=${to}&name=${encodeURIComponent('填报.json')}`,
          { method: 'POST', body: JSON.stringify(state.model) }, true);
        const url = URL.createObjectURL(await response.blob());
        const a = document.createElement('a');
        a.href = url;
        a.download = `${state.model.meta.agency}${state.model.meta.year}年政府信息公开工作年度报告.${EXT[to]}`;
        document.body.append(a);
        a.click();
        a.remove();
        setTimeout(() => URL.revokeObjectURL(url), 10000);
      } catch (e) {
        XX.status(status, `无法生成文件：${e.message}`, true);
      }
    };
  });

  $('discard').onclick = () => {
    if (!confirm('清除草稿后无法恢复，是否继续？')) return;
    localStorage.removeItem(DRAFT);
    state = null;
    last = null;
    $('result').hidden = true;
    $('tools').hidden = true;
    XX.status(status, '草稿已清除。');
  };

  $('year').value = new Date().getFullYear() - 1;
  try {
    const draft = JSON.parse(localStorage.getItem(DRAFT) || 'null');
    if (draft && draft.model && draft.html) {
      state = draft;
      build();
      check();
    }
  } catch (e) {
    localStorage.removeItem(DRAFT);
  }
  window.xxgkLastCheck = () => last;
})();

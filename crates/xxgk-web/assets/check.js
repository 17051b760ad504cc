// The 检查 page: files chosen, dropped or pasted are checked one by one; the
// report shown has its findings marked in place.
'use strict';

(() => {
  const $ = (id) => document.getElementById(id);
  const status = $('status');
  let results = [];

  const show = (k) => {
    const r = results[k];
    document.querySelectorAll('#summary tr.pick').forEach((tr) => tr.classList.toggle('shown', +tr.dataset.k === k));
    if (!r || !r.answer) return;
    const { envelope, html } = r.answer;
    $('result').hidden = false;
    const s = envelope.summary;
    $('report-head').textContent =
      `${r.name}：${envelope.report.agency} ${envelope.report.year} 年度报告（${envelope.report.format} 年格式）` +
      ` —— 错误 ${s.errors}，警告 ${s.warnings}，提示 ${s.infos}`;
    const report = $('report');
    report.innerHTML = html;
    const diagnostics = envelope.diagnostics;
    const pick = (indices) => XX.detail($('detail'), diagnostics, indices);
    $('detail').hidden = true;
    const targets = XX.mark(report, diagnostics, pick);
    XX.list($('findings'), diagnostics, targets, pick);
    XX.notes($('notes'), envelope.import_notes);
  };

  const summary = () => {
    const table = $('summary');
    $('batch').hidden = results.length < 2;
    table.innerHTML = '<thead><tr><th>文件</th><th>发布机关</th><th>年度</th><th>格式</th>' +
      '<th>错误</th><th>警告</th><th>提示</th><th>状态</th></tr></thead>';
    const body = document.createElement('tbody');
    results.forEach((r, k) => {
      const tr = document.createElement('tr');
      if (r.answer) {
        const e = r.answer.envelope;
        const state = e.summary.errors ? '有错误' : e.summary.warnings ? '有警告' : '通过';
        tr.className = 'pick';
        tr.dataset.k = k;
        tr.innerHTML = `<td>${XX.esc(r.name)}</td><td>${XX.esc(e.report.agency)}</td><td>${e.report.year}</td>` +
          `<td>${e.report.format}</td><td>${e.summary.errors}</td><td>${e.summary.warnings}</td>` +
          `<td>${e.summary.infos}</td><td>${state}</td>`;
        tr.onclick = () => show(k);
      } else {
        tr.innerHTML = `<td>${XX.esc(r.name)}</td><td colspan="6"></td><td>未能读取：${XX.esc(r.error)}</td>`;
      }
      body.append(tr);
    });
    table.append(body);
  };

  const run = async (inputs) => {
    if (!inputs.length) return;
    results = [];
    $('result').hidden = true;
    for (const [i, input] of inputs.entries()) {
      XX.status(status, `正在检查 ${input.name}（${i + 1}/${inputs.length}）…`);
      try {
        results.push({ name: input.name, answer: await XX.check(input.body, input.name) });
      } catch (e) {
        results.push({ name: input.name, error: e.message });
      }
    }
    summary();
    const read = results.filter((r) => r.answer).length;
    const failed = results.filter((r) => r.error);
    if (results.length === 1 && failed.length) {
      XX.status(status, `无法检查 ${failed[0].name}：${failed[0].error}`, true);
    } else {
      XX.status(status, `已检查 ${read} 个文件` + (failed.length ? `，${failed.length} 个未能读取` : '') +
        (results.length > 1 ? '。点击表中一行查看该报告。' : '。'), failed.length > 0);
    }
    const first = results.findIndex((r) => r.answer);
    if (first >= 0) show(first);
  };

  const files = (list) => run(Array.from(list).map((f) => ({ name: f.name, body: f })));
  $('files').onchange = (event) => files(event.target.files);
  const drop = $('drop');
  drop.ondragover = (event) => { event.preventDefault(); drop.classList.add('over'); };
  drop.ondragleave = () => drop.classList.remove('over');
  drop.ondrop = (event) => {
    event.preventDefault();
    drop.classList.remove('over');
    files(event.dataTransfer.files);
  };
  $('check-paste').onclick = () => {
    const text = $('paste').value;
    if (!text.trim()) {
      XX.status(status, '请先粘贴报告全文', true);
      return;
    }
    run([{ name: '粘贴的文字.txt', body: text }]);
  };
})();

// LabCharts web console: submit, result (live over SSE), history, admin. Plain ES module, no build
// step, no dependency. Authorization is the server's: the page only sends what the user gives it
// (the gateway adds identity headers in production; the admin token is kept for the tab only).
const $ = (selector, root = document) => root.querySelector(selector);
const main = $('#main');

const TEXT = {
  zh: {
    'nav.submit': '提交', 'nav.history': '我的作业', 'nav.admin': '管理', loading: '加载中…', lang: 'English',
    experiment: '实验', title: '标题（可选）', unit: '单位', instrumentError: '仪器误差 Δ', readings: '每点读数次数',
    table: '数据表', tableHint: '可直接从 Excel/WPS 复制后粘贴到任一单元格（制表符分隔）；首行为表头时自动跳过。回车或 ↓ 移到下一行，↑ 回到上一行。',
    addRows: '添加 5 行', upload: '导入 CSV 或 Excel 文件', constants: '常量', options: '选项', model: '模型', formats: '图表格式',
    report: '生成实验报告（PDF）', submit: '提交计算', submitting: '提交中…', row: '第 {n} 行',
    status: { queued: '排队中', running: '计算中', succeeded: '已完成', failed: '失败' },
    results: '结果', fit: '拟合参数', parameter: '参数', value: '值', stdError: '标准误差', chart: '图表',
    download: '下载 {f}', budget: '不确定度分量', resubmit: '修改后重新提交', history: '我的作业', created: '提交时间',
    prev: '上一页', next: '下一页', open: '查看', none: '还没有作业。', pageOf: '第 {p} 页，共 {t} 条',
    adminTitle: '批量重新渲染', token: '管理员令牌', signIn: '登录', dryRun: '试算数量', start: '开始重新渲染',
    dryRunResult: '将重新渲染 {n} 个作业。', batches: '批次', cancel: '取消', from: '创建时间起', to: '创建时间止',
    allExperiments: '全部实验', jobStatus: '作业状态', progress: '进度', rate: '速度 {r} 个/秒，剩余约 {s} 秒',
    adminOff: '本服务未开启管理功能。', needToken: '请输入管理员令牌。', forbidden: '令牌无效或无管理权限。',
    unauthenticated: '未识别身份：请通过微信小程序或网关访问。', stat: '拟合优度', quantity: '物理量', jobTitle: '标题', term: '分量', sensitivity: '灵敏系数 c', contribution: '贡献 |c·u|',
    batch: { scanning: '扫描中', running: '进行中', succeeded: '已完成', failed: '失败', cancelled: '已取消' },
    counts: '已发布 {p}/{t} · 成功 {s} · 失败 {f} · 跳过 {k}', health: '服务状态', ready: '就绪', notReady: '未就绪', queue: '队列', messages: '等待消息', consumers: '消费者', checks: { storage: '存储', queue: '消息队列' },
  },
  en: {
    'nav.submit': 'Submit', 'nav.history': 'My jobs', 'nav.admin': 'Admin', loading: 'Loading…', lang: '中文',
    experiment: 'Experiment', title: 'Title (optional)', unit: 'Unit', instrumentError: 'Instrument error Δ', readings: 'Readings per point',
    table: 'Data', tableHint: 'Paste from Excel/WPS into any cell (tab-separated); a header row is skipped. Enter or ↓ moves down a row, ↑ up.',
    addRows: 'Add 5 rows', upload: 'Import a CSV or Excel file', constants: 'Constants', options: 'Options', model: 'Model', formats: 'Chart formats',
    report: 'Lab report (PDF)', submit: 'Submit', submitting: 'Submitting…', row: 'row {n}',
    status: { queued: 'queued', running: 'running', succeeded: 'succeeded', failed: 'failed' },
    results: 'Results', fit: 'Fit parameters', parameter: 'Parameter', value: 'Value', stdError: 'Standard error', chart: 'Chart',
    download: 'Download {f}', budget: 'Uncertainty budget', resubmit: 'Edit and submit again', history: 'My jobs', created: 'Submitted',
    prev: 'Previous', next: 'Next', open: 'Open', none: 'No jobs yet.', pageOf: 'Page {p}, {t} jobs',
    adminTitle: 'Batch re-render', token: 'Admin token', signIn: 'Sign in', dryRun: 'Count (dry run)', start: 'Start re-render',
    dryRunResult: '{n} jobs would be re-rendered.', batches: 'Batches', cancel: 'Cancel', from: 'Created from', to: 'Created before',
    allExperiments: 'All experiments', jobStatus: 'Job status', progress: 'Progress', rate: '{r} jobs/s, about {s} s left',
    adminOff: 'Admin access is not enabled on this service.', needToken: 'Enter the admin token.', forbidden: 'Wrong token or not an admin.',
    unauthenticated: 'Not signed in: open LabCharts through the mini-program or the gateway.', stat: 'Goodness of fit', quantity: 'Quantity', jobTitle: 'Title', term: 'Term', sensitivity: 'Sensitivity c', contribution: 'Contribution |c·u|',
    batch: { scanning: 'scanning', running: 'running', succeeded: 'succeeded', failed: 'failed', cancelled: 'cancelled' },
    counts: 'published {p}/{t} · succeeded {s} · failed {f} · skipped {k}', health: 'Health', ready: 'ready', notReady: 'not ready', queue: 'Queue', messages: 'Waiting', consumers: 'Consumers', checks: { storage: 'storage', queue: 'queue' },
  },
};
let lang = localStorage.getItem('labcharts.lang') === 'en' ? 'en' : 'zh';
const t = (key, vars = {}) => {
  const value = TEXT[lang][key] ?? key.split('.').reduce((o, k) => (o ? o[k] : undefined), TEXT[lang]) ?? key;
  return String(value).replace(/\{(\w+)\}/g, (_, k) => vars[k] ?? '');
};
const name = (item) => (lang === 'en' ? item.nameEn : item.nameZh) || item.key || item.id;

/** Builds an element: h('td', {class: 'x'}, 'text', child). */
function h(tag, attrs = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === false || value == null) continue;
    if (key.startsWith('on')) element.addEventListener(key.slice(2), value);
    else if (key === 'value') element.value = value;
    else element.setAttribute(key, value === true ? '' : value);
  }
  element.append(...children.flat(Infinity).filter((c) => c != null && c !== false));
  return element;
}

let adminToken = sessionStorage.getItem('labcharts.adminToken') || '';
async function api(path, { method = 'GET', body, bytes, admin = false } = {}) {
  const headers = { 'Accept-Language': lang === 'en' ? 'en' : 'zh-CN' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (bytes !== undefined) headers['Content-Type'] = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  if (admin && adminToken) headers.Authorization = `Bearer ${adminToken}`;
  const response = await fetch(path, { method, headers, body: bytes ?? (body === undefined ? undefined : JSON.stringify(body)) });
  const text = await response.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch { json = null; }
  return { status: response.status, ok: response.ok, json };
}

let catalogue = null;
async function experiments() {
  if (!catalogue) catalogue = (await api('/api/experiments')).json || [];
  return catalogue;
}

function problemBox(problem) {
  const message = problem?.title || String(problem?.status || '');
  return h('div', { class: 'problem', role: 'alert' }, message, problem?.code ? h('span', { class: 'hint' }, ` (${problem.code})`) : null);
}

// ---------------------------------------------------------------- submit
let draft = null; // a request to edit (from "edit and submit again")

/** The table editor's state: columns (key, readings per point) and rows of cell texts. */
function submitView() {
  return experiments().then((list) => {
    const initial = draft;
    draft = null;
    let experiment = list.find((e) => e.id === (initial?.experiment || 'pendulum')) || list[0];
    const form = h('form', { novalidate: true, 'aria-labelledby': 'submit-h' });
    main.replaceChildren(h('h1', { id: 'submit-h' }, t('nav.submit')), form);
    const render = () => buildForm(form, experiment, list, initial && initial.experiment === experiment.id ? initial : null, (id) => {
      experiment = list.find((e) => e.id === id);
      render();
    });
    render();
  });
}

function buildForm(form, experiment, list, initial, onExperiment) {
  const columns = experiment.columns.map((c) => {
    const given = initial?.data?.[c.key];
    const widest = given ? Math.max(1, ...given.values.map((v) => (Array.isArray(v) ? v.length : 1))) : 1;
    return { def: c, readings: c.allowsRepeatedReadings ? widest : 1, given };
  });
  const givenRows = Math.max(0, ...columns.map((c) => c.given?.values.length || 0));
  let rows = Array.from({ length: Math.max(8, givenRows) }, (_, r) => columns.map((c) => {
    const v = c.given?.values[r];
    const cells = v === undefined ? [] : Array.isArray(v) ? v : [v];
    return Array.from({ length: c.readings }, (_, i) => (cells[i] === undefined ? '' : String(cells[i])));
  }));

  const select = h('select', { id: 'experiment', onchange: (e) => onExperiment(e.target.value) },
    list.map((e) => h('option', { value: e.id, selected: e.id === experiment.id }, name(e))));
  const title = h('input', { type: 'text', id: 'title', maxlength: 120, value: initial?.title || '' });
  const head = h('div', { class: 'row' },
    h('div', {}, h('label', { for: 'experiment' }, t('experiment')), select),
    h('div', {}, h('label', { for: 'title' }, t('title')), title));
  if (experiment.model) head.append(h('div', { class: 'hint' }, experiment.model));

  // Per column: unit, instrument error, readings per point.
  const columnSet = h('fieldset', {}, h('legend', {}, t('table')));
  columns.forEach((c) => {
    const key = c.def.key;
    const unitId = `unit-${key}`;
    const unit = c.def.units.length
      ? h('select', { id: unitId }, c.def.units.map((u) => h('option', { value: u, selected: u === (c.given?.unit || c.def.units[0]) }, u)))
      : h('input', { type: 'text', id: unitId, size: 6, value: c.given?.unit || '' });
    c.unit = unit;
    c.delta = h('input', { type: 'text', id: `delta-${key}`, inputmode: 'decimal', size: 8, value: c.given?.instrumentError ?? '' });
    const parts = [
      h('div', {}, h('label', { for: unitId }, `${key} ${name(c.def)} · ${t('unit')}`), unit),
      c.def.isIndex ? null : h('div', {}, h('label', { for: `delta-${key}` }, `${key} · ${t('instrumentError')}`), c.delta),
    ];
    if (c.def.allowsRepeatedReadings) {
      parts.push(h('div', {}, h('label', { for: `n-${key}` }, `${key} · ${t('readings')}`),
        h('input', { type: 'number', id: `n-${key}`, min: 1, max: 10, value: c.readings, oninput: (e) => {
          if (!(Number(e.target.value) >= 1)) return; // still typing
          c.readings = Math.min(10, Math.round(Number(e.target.value)));
          rows = rows.map((row) => row.map((cells, i) => (i === columns.indexOf(c) ? resize(cells, c.readings) : cells)));
          drawGrid();
        } })));
    }
    columnSet.append(h('div', { class: 'row' }, parts));
  });
  const gridWrap = h('div', { class: 'grid-wrap' });
  const fileInput = h('input', { type: 'file', id: 'csv', accept: '.csv,.tsv,.txt,.xlsx,text/csv', onchange: async (e) => {
    const file = e.target.files[0];
    if (!file) return;
    problems.replaceChildren();
    const bytes = await file.arrayBuffer();
    const head = new Uint8Array(bytes, 0, Math.min(2, bytes.byteLength));
    if (head[0] === 0x50 && head[1] === 0x4b) {
      // An Excel workbook (a zip): the API reads its first sheet with MiniExcel.
      const answer = await api('/api/tables/xlsx', { method: 'POST', bytes });
      if (answer.ok) fillFrom(0, 0, answer.json.rows); else problems.append(problemBox(answer.json || { status: answer.status }));
    } else {
      fillFrom(0, 0, parseTable(decodeText(bytes)));
    }
  } });
  columnSet.append(h('p', { class: 'hint', id: 'grid-hint' }, t('tableHint')), gridWrap,
    h('div', { class: 'row' },
      h('button', { type: 'button', class: 'secondary', onclick: () => { rows.push(...Array.from({ length: 5 }, emptyRow)); drawGrid(); } }, t('addRows')),
      h('div', {}, h('label', { for: 'csv' }, t('upload')), fileInput)));

  function emptyRow() { return columns.map((c) => Array(c.readings).fill('')); }
  function resize(cells, n) { return Array.from({ length: n }, (_, i) => cells[i] ?? ''); }
  // Flat column index → (column, reading).
  function flat() { return columns.flatMap((c, ci) => Array.from({ length: c.readings }, (_, ri) => [ci, ri])); }

  function drawGrid() {
    // The cell that has focus keeps it across a redraw (a redraw replaces every cell).
    const focused = document.activeElement?.closest?.('table.grid') ? { ...document.activeElement.dataset } : null;
    const slots = flat();
    const header = h('tr', {}, h('th', { class: 'rowno', scope: 'col' }, '#'),
      slots.map(([ci, ri]) => {
        const c = columns[ci];
        return h('th', { scope: 'col' }, c.readings > 1 ? `${c.def.key}${ri + 1}` : c.def.key);
      }));
    const body = rows.map((row, r) => h('tr', {}, h('th', { class: 'rowno', scope: 'row' }, String(r + 1)),
      slots.map(([ci, ri], flatIndex) => h('td', {}, h('input', {
        type: 'text', inputmode: 'decimal', value: row[ci][ri],
        'data-row': r, 'data-col': ci, 'data-reading': ri,
        'aria-label': `${columns[ci].def.key}${columns[ci].readings > 1 ? ri + 1 : ''} ${t('row', { n: r + 1 })}`,
        oninput: (e) => { row[ci][ri] = e.target.value; e.target.removeAttribute('aria-invalid'); },
        onkeydown: (e) => {
          // As in a spreadsheet: Enter and ↓ go down a row (a new row past the last), ↑ goes up;
          // Enter never submits the form from a cell.
          const down = (e.key === 'Enter' && !e.shiftKey) || e.key === 'ArrowDown';
          const up = (e.key === 'Enter' && e.shiftKey) || e.key === 'ArrowUp';
          if (!down && !up) return;
          e.preventDefault();
          const next = r + (down ? 1 : -1);
          if (next < 0) return;
          if (next >= rows.length) { rows.push(emptyRow()); drawGrid(); }
          gridWrap.querySelector(`input[data-row="${next}"][data-col="${ci}"][data-reading="${ri}"]`)?.focus();
        },
        onpaste: (e) => {
          const text = e.clipboardData.getData('text/plain');
          if (!/[\t\n,]/.test(text.trim())) return; // one value: the browser pastes it
          e.preventDefault();
          fillFrom(r, flatIndex, parseTable(text));
        },
      })))));
    gridWrap.replaceChildren(h('table', { class: 'grid', 'aria-describedby': 'grid-hint' }, h('thead', {}, header), h('tbody', {}, body)));
    if (focused) gridWrap.querySelector(`input[data-row="${focused.row}"][data-col="${focused.col}"][data-reading="${focused.reading}"]`)?.focus();
  }

  /** Fills the grid from a 2-D array of texts starting at (row, flat column); widens repeated readings to fit. */
  function fillFrom(r0, c0, table) {
    if (table.length && table[0].some((cell) => cell !== '' && !isNumeric(cell))) table = table.slice(1); // a header row
    const width = Math.max(0, ...table.map((row) => row.length));
    const missing = c0 + width - flat().length;
    const repeated = [...columns].reverse().find((c) => c.def.allowsRepeatedReadings);
    if (missing > 0 && repeated) {
      repeated.readings = Math.min(10, repeated.readings + missing);
      rows = rows.map((row) => row.map((cells, i) => (columns[i] === repeated ? resize(cells, repeated.readings) : cells)));
      const n = $(`#n-${repeated.def.key}`, form);
      if (n) n.value = repeated.readings;
    }
    while (rows.length < r0 + table.length) rows.push(emptyRow());
    const slots = flat();
    table.forEach((values, i) => values.forEach((value, j) => {
      const slot = slots[c0 + j];
      if (slot) rows[r0 + i][slot[0]][slot[1]] = value.trim();
    }));
    drawGrid();
  }

  // Constants and options.
  const extras = h('div');
  const constantInputs = experiment.constants.map((k) => {
    const given = initial?.constants?.[k.key];
    const value = h('input', { type: 'text', id: `const-${k.key}`, inputmode: 'decimal', placeholder: k.default ?? '', value: given?.value ?? '' });
    const unit = h('select', { id: `const-unit-${k.key}`, 'aria-label': `${k.key} ${t('unit')}` },
      (k.units.length ? k.units : [k.unit]).map((u) => h('option', { value: u, selected: u === (given?.unit || k.unit) }, u)));
    extras.append(h('div', {}, h('label', { for: `const-${k.key}` }, `${k.key} ${name(k)}`), h('div', {}, value, ' ', unit)));
    return { def: k, value, unit };
  });
  const optionInputs = experiment.options.map((o) => {
    const input = h('select', { id: `opt-${o.key}` }, o.values.map((v) => h('option', { value: v, selected: v === (initial?.options?.[o.key] ?? o.default) }, v)));
    extras.append(h('div', {}, h('label', { for: `opt-${o.key}` }, name(o)), input));
    return { def: o, input };
  });
  let methodInput = null;
  if (experiment.methods.length > 1) {
    methodInput = h('select', { id: 'opt-method' }, experiment.methods.map((m) => h('option', { value: m, selected: m === initial?.options?.method }, m)));
    extras.append(h('div', {}, h('label', { for: 'opt-method' }, 'method'), methodInput));
  }
  let modelInput = null;
  if (experiment.models.length) {
    const current = typeof initial?.model === 'string' ? initial.model : 'linear';
    modelInput = h('select', { id: 'model' }, experiment.models.filter((m) => m !== 'polynomial' && m !== 'expression')
      .map((m) => h('option', { value: m, selected: m === current }, m)));
    extras.append(h('div', {}, h('label', { for: 'model' }, t('model')), modelInput));
  }
  const formatBoxes = ['png', 'svg', 'pdf'].map((f) => h('label', { style: 'display:inline-block;margin-right:1rem' },
    h('input', { type: 'checkbox', value: f, checked: !initial || (initial.render?.formats || ['png']).includes(f) }), ` ${f.toUpperCase()}`));
  const report = h('input', { type: 'checkbox', id: 'report', checked: Boolean(initial?.render?.report) });
  const extraSet = h('fieldset', {}, h('legend', {}, `${t('constants')} · ${t('options')}`), h('div', { class: 'row' }, extras.childNodes.length ? [...extras.childNodes] : '—'));
  const outputSet = h('fieldset', {}, h('legend', {}, t('formats')), formatBoxes, h('label', { style: 'display:inline-block' }, report, ` ${t('report')}`));
  const problems = h('div', { id: 'problems' });
  const submit = h('button', { type: 'submit', id: 'submit' }, t('submit'));

  form.replaceChildren(head, columnSet, extraSet, outputSet, problems, submit);
  drawGrid();

  form.onsubmit = async (event) => {
    event.preventDefault();
    problems.replaceChildren();
    form.querySelectorAll('[aria-invalid]').forEach((el) => el.removeAttribute('aria-invalid'));
    // Rows with any text are points; the row each point came from, to mark a cell the API blames.
    const used = rows.map((row, r) => [row, r]).filter(([row]) => row.some((cells) => cells.some((v) => v.trim() !== '')));
    const data = {};
    columns.forEach((c, ci) => {
      const values = used.map(([row]) => {
        const cells = row[ci].map((v) => v.trim());
        const filled = cells.filter((v) => v !== '');
        return c.readings > 1 && filled.length > 1 ? filled : (filled[0] ?? '');
      });
      if (!c.def.required && values.every((v) => v === '')) return;
      const column = { values };
      const unit = c.unit.value.trim();
      if (unit) column.unit = unit;
      if (c.delta.value.trim()) column.instrumentError = c.delta.value.trim();
      data[c.def.key] = column;
    });
    const body = { experiment: experiment.id, data, render: { formats: formatBoxes.map((l) => l.firstChild).filter((b) => b.checked).map((b) => b.value) } };
    if (title.value.trim()) body.title = title.value.trim();
    if (report.checked) body.render.report = true;
    const constants = {};
    constantInputs.forEach(({ def, value, unit }) => { if (value.value.trim()) constants[def.key] = { value: value.value.trim(), unit: unit.value }; });
    if (Object.keys(constants).length) body.constants = constants;
    const options = {};
    optionInputs.forEach(({ def, input }) => { if (input.value !== def.default) options[def.key] = input.value; });
    if (methodInput && methodInput.value !== 'least_squares') options.method = methodInput.value;
    if (Object.keys(options).length) body.options = options;
    if (modelInput) body.model = modelInput.value;

    submit.disabled = true;
    submit.textContent = t('submitting');
    try {
      const answer = await api('/api/jobs', { method: 'POST', body });
      if (answer.status === 202 || answer.status === 200) {
        location.hash = `#/job/${answer.json.id}`;
        return;
      }
      problems.append(problemBox(answer.json || { status: answer.status }));
      markCell(answer.json, used.map(([, r]) => r));
    } finally {
      submit.disabled = false;
      submit.textContent = t('submit');
    }
  };

  function markCell(problem, rowOfPoint) {
    const field = problem?.field || '';
    let target = null;
    const column = /^data\.([^.]+)/.exec(field);
    if (column) {
      const ci = columns.findIndex((c) => c.def.key === column[1]);
      if (ci >= 0 && Number.isInteger(problem.point) && rowOfPoint[problem.point] !== undefined) {
        target = form.querySelector(`input[data-row="${rowOfPoint[problem.point]}"][data-col="${ci}"][data-reading="${problem.reading ?? 0}"]`);
      } else if (ci >= 0) {
        target = columns[ci].unit;
      }
    }
    const constant = /^constants\.([^.]+)/.exec(field);
    if (constant) target = $(`#const-${CSS.escape(constant[1])}`, form);
    if (target) {
      target.setAttribute('aria-invalid', 'true');
      target.setAttribute('aria-errormessage', 'problems');
      target.focus();
    }
  }
}

function isNumeric(text) { return /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text.trim()); }

/** Tab-separated (Excel/WPS paste) or CSV text → rows of cell texts. Quoted CSV fields are read as such. */
function parseTable(text) {
  const lines = text.replace(/\r\n?/g, '\n').replace(/\n+$/, '').split('\n');
  const separator = text.includes('\t') ? '\t' : text.includes(';') && !text.includes(',') ? ';' : ',';
  return lines.map((line) => {
    if (separator === '\t') return line.split('\t');
    const cells = [];
    let cell = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i];
      if (quoted) {
        if (ch === '"' && line[i + 1] === '"') { cell += '"'; i++; } else if (ch === '"') quoted = false; else cell += ch;
      } else if (ch === '"') quoted = true;
      else if (ch === separator) { cells.push(cell); cell = ''; } else cell += ch;
    }
    cells.push(cell);
    return cells;
  });
}

/** A file's text: UTF-8, or GB18030 when it is not valid UTF-8 (Excel on Chinese Windows saves CSV so). */
function decodeText(bytes) {
  try { return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, ''); } catch { return new TextDecoder('gb18030').decode(bytes); }
}

// ---------------------------------------------------------------- result
let source = null;
async function jobView(id) {
  await experiments();
  const answer = await api(`/api/jobs/${encodeURIComponent(id)}`);
  if (!answer.ok) { main.replaceChildren(problemBox(answer.json || { status: answer.status })); return; }
  showJob(answer.json);
  if (answer.json.status === 'queued' || answer.json.status === 'running') {
    source = new EventSource(`/api/jobs/${encodeURIComponent(id)}/events`);
    source.addEventListener('job', async (event) => {
      const job = JSON.parse(event.data);
      if (job.status === 'succeeded' || job.status === 'failed') {
        source.close();
        const fresh = await api(`/api/jobs/${encodeURIComponent(id)}`); // in the chosen language
        showJob(fresh.ok ? fresh.json : job);
      } else {
        const badge = $('#job-status');
        if (badge) { badge.className = `status ${job.status}`; badge.textContent = t(`status.${job.status}`); }
      }
    });
  }
}

function showJob(job) {
  const experiment = catalogue?.find((e) => e.id === job.experiment);
  const parts = [h('h1', {}, job.title || (experiment ? name(experiment) : job.experiment), ' ', h('span', { id: 'job-status', class: `status ${job.status}`, 'data-status': job.status }, t(`status.${job.status}`)))];
  parts.push(h('p', { class: 'hint' }, `${job.id} · ${new Date(job.createdAt).toLocaleString(lang === 'en' ? 'en' : 'zh-CN')}`));
  if (job.error) parts.push(problemBox({ title: job.error.message, code: job.error.code }));
  const result = job.result;
  if (result) {
    parts.push(h('h2', {}, t('results')));
    (result.quantities || []).forEach((q) => parts.push(h('p', { class: 'result-line' }, q.formatted),
      q.budget?.expanded ? h('p', {}, q.budget.expanded.formatted) : null));
    const fit = result.fit;
    if (fit) {
      parts.push(h('h2', {}, `${t('fit')} · ${fit.model}`));
      parts.push(h('table', { class: 'data' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('parameter')), h('th', { scope: 'col' }, t('value')), h('th', { scope: 'col' }, t('stdError')), h('th', { scope: 'col' }, t('unit')))),
        h('tbody', {}, fit.parameters.map((p) => h('tr', {}, h('td', {}, p.name), h('td', {}, fmt(p.value)), h('td', {}, fmt(p.standardError)), h('td', {}, p.unit || ''))))));
      parts.push(h('p', {}, `${t('stat')}: R² = ${fmt(fit.rSquared, 7)}`, fit.chiSquared != null ? `，χ² = ${fmt(fit.chiSquared)}` : '',
        fit.reducedChiSquared != null ? `，χ²/ν = ${fmt(fit.reducedChiSquared)}` : '', `，ν = ${fit.degreesOfFreedom}`));
    }
    (result.quantities || []).filter((q) => q.budget).forEach((q) => {
      parts.push(h('h2', {}, `${t('budget')} · ${q.symbol}`), h('p', { class: 'hint' }, q.budget.formula));
      parts.push(h('table', { class: 'data' },
        h('thead', {}, h('tr', {}, [t('term'), t('value'), 'u', t('sensitivity'), t('contribution')].map((x) => h('th', { scope: 'col' }, x)))),
        h('tbody', {}, q.budget.terms.map((term) => h('tr', {}, h('td', {}, term.symbol), h('td', {}, fmt(term.value)), h('td', {}, fmt(term.uncertainty)),
          h('td', {}, fmt(term.sensitivity)), h('td', {}, fmt(term.contribution)))))));
    });
  }
  const artifacts = job.artifacts || [];
  const png = artifacts.find((a) => a.format === 'png' && a.name === 'chart');
  if (artifacts.length) {
    parts.push(h('h2', {}, t('chart')));
    if (png) parts.push(h('p', { class: 'chart' }, h('a', { href: png.url, target: '_blank', rel: 'noopener' }, h('img', { src: png.url, alt: `${t('chart')}：${job.title || job.experiment}`, width: png.width, height: png.height }))));
    parts.push(h('p', {}, artifacts.map((a) => [h('a', { href: a.url, download: '', class: 'download' }, t('download', { f: `${a.name}.${a.format}` })), ' '])));
  }
  if (job.status === 'succeeded' || job.status === 'failed') {
    parts.push(h('p', {}, h('button', { type: 'button', class: 'secondary', onclick: async () => {
      const request = await api(`/api/jobs/${encodeURIComponent(job.id)}/request`);
      if (request.ok) { draft = request.json; location.hash = '#/submit'; }
    } }, t('resubmit'))));
  }
  main.replaceChildren(...parts.filter(Boolean));
}

function fmt(value, digits = 5) {
  if (value == null || !Number.isFinite(value)) return '—';
  const abs = Math.abs(value);
  return abs !== 0 && (abs < 1e-3 || abs >= 1e6) ? value.toExponential(digits - 1) : String(Number(value.toPrecision(digits)));
}

// ---------------------------------------------------------------- history
async function historyView(page) {
  const answer = await api(`/api/jobs?page=${page}&pageSize=10`);
  if (!answer.ok) { main.replaceChildren(h('h1', {}, t('history')), problemBox(answer.json || { status: answer.status })); return; }
  const { items, total } = answer.json;
  const list = await experiments();
  const expName = (id) => { const e = list.find((x) => x.id === id); return e ? name(e) : id; };
  const pages = Math.max(1, Math.ceil(total / 10));
  main.replaceChildren(h('h1', {}, t('history')),
    items.length === 0 ? h('p', {}, t('none')) : h('table', { class: 'data', id: 'history' },
      h('thead', {}, h('tr', {}, [t('created'), t('experiment'), t('jobTitle'), t('jobStatus'), ''].map((x) => h('th', { scope: 'col' }, x)))),
      h('tbody', {}, items.map((job) => h('tr', {},
        h('td', {}, new Date(job.createdAt).toLocaleString(lang === 'en' ? 'en' : 'zh-CN')), h('td', {}, expName(job.experiment)), h('td', {}, job.title || ''),
        h('td', {}, h('span', { class: `status ${job.status}` }, t(`status.${job.status}`))),
        h('td', {}, h('a', { href: `#/job/${job.id}` }, t('open'))))))),
    h('p', { class: 'row' },
      h('button', { type: 'button', class: 'secondary', disabled: page <= 1, onclick: () => { location.hash = `#/history/${page - 1}`; } }, t('prev')),
      h('span', {}, t('pageOf', { p: page, t: total })),
      h('button', { type: 'button', class: 'secondary', disabled: page >= pages, onclick: () => { location.hash = `#/history/${page + 1}`; } }, t('next'))));
}

// ---------------------------------------------------------------- admin
let poller = null;
async function adminView() {
  const probe = await api('/api/admin/batches?pageSize=20', { admin: true });
  const parts = [h('h1', {}, t('adminTitle'))];
  if (probe.status === 404) { main.replaceChildren(...parts, h('p', {}, t('adminOff'))); return; }
  if (probe.status === 401 || probe.status === 403) {
    const token = h('input', { type: 'password', id: 'admin-token', autocomplete: 'off' });
    const form = h('form', { onsubmit: (e) => { e.preventDefault(); adminToken = token.value.trim(); sessionStorage.setItem('labcharts.adminToken', adminToken); adminView(); } },
      h('div', { class: 'row' }, h('div', {}, h('label', { for: 'admin-token' }, t('token')), token), h('button', { type: 'submit' }, t('signIn'))));
    main.replaceChildren(...parts, adminToken ? h('p', { class: 'error', role: 'alert' }, t('forbidden')) : h('p', {}, t('needToken')), form);
    return;
  }
  const list = await experiments();
  const experimentsSelect = h('select', { id: 'rr-experiments', multiple: true, size: 4 }, list.map((e) => h('option', { value: e.id }, name(e))));
  const status = h('select', { id: 'rr-status' }, ['succeeded', 'failed'].map((s) => h('option', { value: s }, t(`status.${s}`))));
  const from = h('input', { type: 'date', id: 'rr-from' });
  const to = h('input', { type: 'date', id: 'rr-to' });
  const outcome = h('div', { id: 'rr-outcome', role: 'status' });
  const filter = (dryRun) => {
    const body = { status: status.value, dryRun };
    const chosen = [...experimentsSelect.selectedOptions].map((o) => o.value);
    if (chosen.length) body.experiments = chosen;
    if (from.value) body.createdFrom = `${from.value}T00:00:00+08:00`;
    if (to.value) body.createdTo = `${to.value}T00:00:00+08:00`;
    return body;
  };
  const run = async (dryRun) => {
    const answer = await api('/api/admin/rerender', { method: 'POST', body: filter(dryRun), admin: true });
    if (!answer.ok) { outcome.replaceChildren(problemBox(answer.json || { status: answer.status })); return; }
    outcome.replaceChildren(h('p', {}, dryRun ? t('dryRunResult', { n: answer.json.total }) : `${answer.json.batchId}`));
    if (!dryRun) refresh();
  };
  const batches = h('div', { id: 'batches' });
  const health = h('div', { id: 'health' });
  main.replaceChildren(...parts,
    h('form', { onsubmit: (e) => e.preventDefault() },
      h('div', { class: 'row' },
        h('div', {}, h('label', { for: 'rr-experiments' }, `${t('experiment')}（${t('allExperiments')}）`), experimentsSelect),
        h('div', {}, h('label', { for: 'rr-status' }, t('jobStatus')), status),
        h('div', {}, h('label', { for: 'rr-from' }, t('from')), from),
        h('div', {}, h('label', { for: 'rr-to' }, t('to')), to)),
      h('div', { class: 'row' },
        h('button', { type: 'button', class: 'secondary', id: 'dry-run', onclick: () => run(true) }, t('dryRun')),
        h('button', { type: 'button', id: 'start', onclick: () => run(false) }, t('start')))),
    outcome, h('h2', {}, t('batches')), batches, h('h2', {}, t('health')), health);

  async function refreshHealth() {
    const answer = await api('/api/admin/health', { admin: true });
    if (!answer.ok) return;
    const report = answer.json;
    health.replaceChildren(
      h('p', {}, h('span', { class: `status ${report.status === 'Healthy' ? 'succeeded' : 'failed'}`, 'data-health': report.status }, report.status === 'Healthy' ? t('ready') : t('notReady')),
        ' ', report.checks.map((c) => `${TEXT[lang].checks[c.name] || c.name}: ${c.status === 'Healthy' ? t('ready') : t('notReady')} (${Math.round(c.milliseconds)} ms)`).join('，')),
      report.queues ? h('table', { class: 'data', id: 'queues' },
        h('thead', {}, h('tr', {}, [t('queue'), t('messages'), t('consumers')].map((x) => h('th', { scope: 'col' }, x)))),
        h('tbody', {}, report.queues.map((q) => h('tr', { 'data-lane': q.lane }, h('td', {}, q.name), h('td', {}, String(q.messages)), h('td', {}, q.consumers == null ? '—' : String(q.consumers))))))
        : problemBox({ title: t('notReady'), code: report.queueError }));
  }

  async function refresh() {
    refreshHealth();
    const answer = await api('/api/admin/batches?pageSize=20', { admin: true });
    if (!answer.ok) return;
    batches.replaceChildren(h('div', { class: 'grid-wrap' }, h('table', { class: 'data' }, h('tbody', {}, answer.json.items.map((b) => {
      const done = b.succeeded + b.failed + b.skipped;
      const percent = b.total ? Math.floor((100 * done) / b.total) : (b.state === 'succeeded' ? 100 : 0);
      const final = ['succeeded', 'failed', 'cancelled'].includes(b.state);
      return h('tr', { 'data-batch': b.id, 'data-state': b.state },
        h('td', {}, new Date(b.createdAt).toLocaleString(lang === 'en' ? 'en' : 'zh-CN')),
        h('td', {}, h('span', { class: `status ${b.state}` }, t(`batch.${b.state}`))),
        h('td', {}, h('progress', { max: 100, value: percent, 'aria-label': `${t('progress')} ${b.id}` }), ` ${percent} %`),
        h('td', { class: 'counts' }, t('counts', { p: b.published, t: b.total ?? '?', s: b.succeeded, f: b.failed, k: b.skipped }),
          b.throughputPerSecond ? h('div', { class: 'hint' }, t('rate', { r: b.throughputPerSecond.toFixed(1), s: Math.round(b.estimatedSecondsLeft ?? 0) })) : null),
        h('td', {}, final ? '' : h('button', { type: 'button', class: 'secondary', onclick: async () => { await api(`/api/admin/batches/${b.id}/cancel`, { method: 'POST', admin: true }); refresh(); } }, t('cancel'))));
    })))));
  }
  await refresh();
  poller = setInterval(refresh, 1000);
}

// ---------------------------------------------------------------- routing
async function route() {
  if (source) { source.close(); source = null; }
  if (poller) { clearInterval(poller); poller = null; }
  const [, view = 'submit', arg] = location.hash.split('/');
  document.querySelectorAll('#nav a').forEach((a) => a.toggleAttribute('aria-current', a.getAttribute('href') === `#/${view}`));
  document.querySelectorAll('#nav a[aria-current]').forEach((a) => a.setAttribute('aria-current', 'page'));
  try {
    if (view === 'job' && arg) await jobView(arg);
    else if (view === 'history') await historyView(Math.max(1, Number(arg) || 1));
    else if (view === 'admin') await adminView();
    else await submitView();
  } catch (error) {
    main.replaceChildren(problemBox({ title: String(error.message || error) }));
  }
}

function applyLanguage() {
  document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
  document.querySelectorAll('[data-t]').forEach((el) => { el.textContent = t(el.dataset.t); });
  $('#lang').textContent = t('lang');
  $('#lang').setAttribute('lang', lang === 'en' ? 'zh-CN' : 'en');
}
$('#lang').addEventListener('click', () => {
  lang = lang === 'en' ? 'zh' : 'en';
  localStorage.setItem('labcharts.lang', lang);
  applyLanguage();
  route();
});
window.addEventListener('hashchange', route);
applyLanguage();
route();

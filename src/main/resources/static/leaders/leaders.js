// The leaders' ranking page. It holds no data of its own: after the login it reads
// /api/assessments/{month}?level=... with the user's credentials (common/api.js).
'use strict';

const SVG = 'http://www.w3.org/2000/svg';
const state = {authorization: null, assessment: null};
const $ = (id) => document.getElementById(id);

function lastMonth() {
  const now = new Date();
  const month = new Date(now.getFullYear(), now.getMonth() - 1, 1);
  return month.getFullYear() + '-' + String(month.getMonth() + 1).padStart(2, '0');
}

/** A GET with the page's login; see common/api.js. */
function call(path, accept) {
  return apiGet(path, state.authorization, accept, '该账号无权查看考核结果（需领导、值班长或流程管理员）。');
}

function query() {
  return '/api/assessments/' + encodeURIComponent($('month').value)
    + '?level=' + encodeURIComponent($('level').value);
}

async function load() {
  if (!state.authorization) {
    return;
  }
  $('status').textContent = '正在查询…';
  try {
    const response = await call(query(), 'application/json');
    state.assessment = await response.json();
    render(state.assessment);
    $('status').textContent = state.assessment.provisional
      ? '本月尚未结束，结果为截至目前的临时数据。' : '';
  } catch (error) {
    $('status').textContent = error.message;
  }
}

/** Counts as they are; percentages and scores with two decimals; "—" for not applicable. */
function text(value, decimals) {
  if (value === null || value === undefined) {
    return '—';
  }
  return decimals ? Number(value).toFixed(2) : String(value);
}

function cell(row, value, className, decimals) {
  const td = document.createElement('td');
  td.textContent = text(value, decimals);
  if (className) {
    td.className = className;
  }
  if (value === null || value === undefined) {
    td.classList.add('na');
  }
  row.appendChild(td);
  return td;
}

/** The columns shown: the first count (what was due), every percentage, then score and grade. */
function columns(assessment) {
  const counts = assessment.indicators.filter((i) => i.kind === 'COUNT');
  const percents = assessment.indicators.filter((i) => i.kind === 'PERCENT');
  return counts.slice(0, 1).concat(percents);
}

function render(assessment) {
  $('title').textContent = assessment.period + ' ' + assessment.levelName + '考核排名';
  const combined = assessment.combinedWeights.length > 0;
  const shown = columns(assessment);
  const head = $('ranking').querySelector('thead');
  head.innerHTML = '';
  const headRow = document.createElement('tr');
  const headings = ['排名', '名称'].concat(shown.map((i) => i.kind === 'PERCENT' ? i.name + '(%)' : i.name),
    ['得分', '等级']);
  if (combined) {
    headings.push('专项考核', '实地检查', '综合得分', '综合排名');
  }
  headings.forEach((name) => {
    const th = document.createElement('th');
    th.textContent = name;
    headRow.appendChild(th);
  });
  head.appendChild(headRow);

  const body = $('ranking').querySelector('tbody');
  body.innerHTML = '';
  assessment.units.forEach((unit) => {
    const row = document.createElement('tr');
    row.dataset.code = unit.code;
    cell(row, unit.rank, 'rank');
    cell(row, unit.name, 'name');
    shown.forEach((i) => cell(row, unit.indicators[i.id], 'indicator', i.kind === 'PERCENT'));
    cell(row, unit.score, 'score', true);
    cell(row, unit.grade, 'grade');
    if (combined) {
      const c = unit.combined || {};
      cell(row, c.specialScore, 'special', true);
      cell(row, c.onSiteScore, 'on-site', true);
      cell(row, c.score, 'combined-score', true);
      cell(row, c.rank, 'combined-rank');
    }
    body.appendChild(row);
  });
  chart(assessment.units.filter((unit) => unit.score !== null));
}

/** A horizontal bar per scored unit, best first, coloured by grade. */
function chart(units) {
  const box = $('chart');
  box.innerHTML = '';
  const rowHeight = 26;
  const labelWidth = 220;
  const barWidth = 480;
  const svg = document.createElementNS(SVG, 'svg');
  const height = Math.max(units.length, 1) * rowHeight + 10;
  svg.setAttribute('width', labelWidth + barWidth + 70);
  svg.setAttribute('height', height);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', '综合得分条形图');
  if (units.length === 0) {
    const empty = document.createElementNS(SVG, 'text');
    empty.setAttribute('x', 0);
    empty.setAttribute('y', 18);
    empty.setAttribute('class', 'bar-label');
    empty.textContent = '本期没有可计分的单位。';
    svg.appendChild(empty);
  }
  units.forEach((unit, index) => {
    const y = index * rowHeight + 4;
    const label = document.createElementNS(SVG, 'text');
    label.setAttribute('x', labelWidth - 8);
    label.setAttribute('y', y + 15);
    label.setAttribute('text-anchor', 'end');
    label.setAttribute('class', 'bar-label');
    label.textContent = unit.rank + '. ' + unit.name;
    const bar = document.createElementNS(SVG, 'rect');
    bar.setAttribute('x', labelWidth);
    bar.setAttribute('y', y);
    bar.setAttribute('height', rowHeight - 8);
    bar.setAttribute('width', (barWidth * Number(unit.score) / 100).toFixed(1));
    bar.setAttribute('class', 'bar grade-' + unit.grade);
    bar.dataset.code = unit.code;
    bar.dataset.score = unit.score;
    const value = document.createElementNS(SVG, 'text');
    value.setAttribute('x', labelWidth + barWidth * Number(unit.score) / 100 + 6);
    value.setAttribute('y', y + 15);
    value.setAttribute('class', 'bar-value');
    value.textContent = text(unit.score, true) + '（' + unit.grade + '）';
    svg.append(label, bar, value);
  });
  box.appendChild(svg);
}

async function exportCsv() {
  try {
    const response = await call(query().replace('?', '.csv?'), 'text/csv');
    const url = URL.createObjectURL(await response.blob());
    const link = document.createElement('a');
    link.href = url;
    link.download = 'assessment-' + $('level').value + '-' + $('month').value + '.csv';
    document.body.appendChild(link);
    link.click();
    link.remove();
    URL.revokeObjectURL(url);
  } catch (error) {
    $('status').textContent = error.message;
  }
}

async function login(event) {
  event.preventDefault();
  $('login-error').textContent = '';
  state.authorization = basicAuthorization($('user').value, $('password').value);
  $('password').value = '';
  try {
    await call(query(), 'application/json');
  } catch (error) {
    state.authorization = null;
    $('login-error').textContent = error.message;
    return;
  }
  $('who').textContent = '当前用户：' + $('user').value;
  $('login').hidden = true;
  $('board').hidden = false;
  await load();
}

function logout() {
  state.authorization = null;
  state.assessment = null;
  $('ranking').querySelector('thead').innerHTML = '';
  $('ranking').querySelector('tbody').innerHTML = '';
  $('chart').innerHTML = '';
  $('who').textContent = '';
  $('board').hidden = true;
  $('login').hidden = false;
}

$('month').value = lastMonth();
$('login-form').addEventListener('submit', login);
$('query').addEventListener('submit', (event) => { event.preventDefault(); load(); });
$('level').addEventListener('change', load);
$('month').addEventListener('change', load);
$('csv').addEventListener('click', exportCsv);
$('logout').addEventListener('click', logout);

// A department's inbox. The page holds no data of its own: after the login it reads /api/inbox with the
// user's credentials (common/api.js) and links each task to Tasklist, where it is claimed and completed.
'use strict';

const PAGE_SIZE = 20;
const REFRESH_MS = 60000;
const TASKLIST = '/camunda/app/tasklist/default/#/?task=';
const state = {authorization: null, page: 0, categories: {}, groups: {}, timer: null};
const $ = (id) => document.getElementById(id);

/** The JSON of a GET with the page's login; see common/api.js. */
async function read(path) {
  return (await apiGet(path, state.authorization, 'application/json')).json();
}

/** "剩余 3 小时 20 分" before the due time, "超时 15 分" after it. */
function remaining(dueAt, now) {
  const minutes = Math.round((new Date(dueAt).getTime() - now) / 60000);
  const span = Math.abs(minutes);
  const days = Math.floor(span / 1440);
  const hours = Math.floor((span % 1440) / 60);
  const parts = (days ? days + ' 天 ' : '') + (days || hours ? hours + ' 小时 ' : '') + (span % 60) + ' 分';
  return (minutes < 0 ? '超时 ' : '剩余 ') + parts;
}

function cell(row, text, className) {
  const td = document.createElement('td');
  td.textContent = text;
  if (className) {
    td.className = className;
  }
  row.appendChild(td);
  return td;
}

function render(inbox) {
  // the server's time, so that a PC whose clock is off still shows what the server counts as overdue
  const now = new Date(inbox.asOf).getTime();
  const body = $('tasks').querySelector('tbody');
  body.innerHTML = '';
  inbox.items.forEach((item) => {
    const row = document.createElement('tr');
    row.dataset.task = item.taskId;
    const light = document.createElement('span');
    light.className = 'light ' + (item.light || '');
    light.title = {GREEN: '绿灯', YELLOW: '黄灯：已过预警点', RED: '红灯：已超时'}[item.light] || '不计时';
    cell(row, '').appendChild(light);
    cell(row, item.caseNumber, 'case');
    cell(row, item.stageName + (item.urgent ? '（紧急）' : ''), 'stage');
    cell(row, state.categories[item.categoryCode] || item.categoryCode, 'category');
    cell(row, item.address, 'address');
    if (item.dueAt) {
      const due = cell(row, remaining(item.dueAt, now), 'due');
      due.title = new Date(item.dueAt).toLocaleString('zh-CN');
      due.classList.toggle('late', new Date(item.dueAt).getTime() < now);
    } else {
      cell(row, '不计时', 'due');
    }
    cell(row, item.assignee || '未认领', 'assignee');
    const link = document.createElement('a');
    link.href = TASKLIST + encodeURIComponent(item.taskId);
    link.target = '_blank';
    link.rel = 'noopener';
    link.textContent = '办理';
    cell(row, '', 'open').appendChild(link);
    body.appendChild(row);
  });
  const pages = Math.max(1, Math.ceil(inbox.total / PAGE_SIZE));
  $('total').textContent = (inbox.groups.map((g) => state.groups[g] || g).join('、') || '无所属组')
    + '：共 ' + inbox.total + ' 件'
    + ($('overdue').checked ? '已超时' : '待办');
  $('page').textContent = '第 ' + (inbox.page + 1) + ' / ' + pages + ' 页';
  $('previous').disabled = inbox.page === 0;
  $('next').disabled = inbox.page + 1 >= pages;
}

async function load() {
  if (!state.authorization) {
    return;
  }
  try {
    const inbox = await read('/api/inbox?size=' + PAGE_SIZE + '&page=' + state.page
      + ($('overdue').checked ? '&overdue=true' : ''));
    if (inbox.items.length === 0 && state.page > 0) {
      state.page = Math.max(0, Math.ceil(inbox.total / PAGE_SIZE) - 1);
      return load();
    }
    $('status').textContent = '';
    render(inbox);
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
    (await read('/api/categories')).forEach((c) => { state.categories[c.code] = c.name; });
    (await read('/api/departments')).forEach((d) => { state.groups[d.group] = d.name; });
  } catch (error) {
    state.authorization = null;
    $('login-error').textContent = error.message;
    return;
  }
  $('who').textContent = '当前用户：' + $('user').value;
  $('login').hidden = true;
  $('board').hidden = false;
  state.page = 0;
  await load();
  state.timer = setInterval(load, REFRESH_MS);
}

function logout() {
  clearInterval(state.timer);
  state.authorization = null;
  $('tasks').querySelector('tbody').innerHTML = '';
  $('total').textContent = '';
  $('who').textContent = '';
  $('board').hidden = true;
  $('login').hidden = false;
}

$('login-form').addEventListener('submit', login);
$('controls').addEventListener('submit', (event) => { event.preventDefault(); load(); });
$('overdue').addEventListener('change', () => { state.page = 0; load(); });
$('previous').addEventListener('click', () => { state.page -= 1; load(); });
$('next').addEventListener('click', () => { state.page += 1; load(); });
$('logout').addEventListener('click', logout);

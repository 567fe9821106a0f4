// Loaded by Tasklist as a custom script (config.js customScripts) before Angular starts.
// 1. Every date Tasklist prints through its camDate filter is shown in Beijing time (Asia/Shanghai), whatever the
//    time zone of the browser: the invoices, the app's pages and the deadlines all speak Beijing time.
// 2. A link back to the app's own task list in the header.
const ZONE = 'Asia/Shanghai';
const WEEKDAY = new Intl.DateTimeFormat('zh-CN', { timeZone: ZONE, weekday: 'long' });
const FIELDS = new Intl.DateTimeFormat('en-CA', {
  timeZone: ZONE, year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23'
});
const pad = value => String(value).padStart(2, '0');

export function inShanghai(value, kind) {
  if (!value) {
    return '';
  }
  const date = value instanceof Date ? value : new Date(typeof value === 'string' ? value.replace(/([+-]\d\d)(\d\d)$/, '$1:$2') : value);
  if (isNaN(date.getTime())) {
    return String(value);
  }
  const p = {};
  FIELDS.formatToParts(date).forEach(part => { p[part.type] = part.value; });
  const ymd = `${p.year}-${pad(p.month)}-${pad(p.day)}`;
  const hm = `${pad(p.hour)}:${p.minute}`;
  switch (kind) {
    case 'monthName': return `${p.month}月`;
    case 'day': return p.day;
    case 'abbr': return `${p.month}月${p.day}日 ${hm}`;
    case 'short': return ymd;
    case 'long': return `${p.year}年${p.month}月${p.day}日 ${WEEKDAY.format(date)} ${hm}`;
    default: return `${ymd} ${hm}`;
  }
}

const angular = window.angular;
if (angular) {
  try {
    angular.module('cam.commons.filter.date').config(['$filterProvider', filters => {
      filters.register('camDate', () => inShanghai);
    }]);
  } catch (notLoadedYet) {
    console.error('Tasklist dates stay in the browser time zone', notLoadedYet);
  }
}

function addBackLink() {
  if (document.getElementById('fapiaoflow-back')) {
    return;
  }
  const header = document.querySelector('[cam-widget-header] .navbar-header, [cam-widget-header]');
  if (!header) {
    return;
  }
  const link = document.createElement('a');
  link.id = 'fapiaoflow-back';
  link.href = '/tasks';
  link.textContent = '← 返回发票中心';
  link.className = 'fapiaoflow-back';
  header.appendChild(link);
}

new MutationObserver(addBackLink).observe(document.documentElement, { childList: true, subtree: true });
addBackLink();

// FapiaoFlow's Tasklist: Chinese for everyone (the finance staff read Chinese invoices, whatever their browser says),
// times in Beijing time, and a way back to the app. Overrides the webjar's own config.js (our classpath comes first).
// Options as documented for Camunda 7 Tasklist: app, dateFormat (moment.js patterns), locales, customScripts.
export default {
  app: {
    name: '流程任务',
    vendor: '发票中心'
  },
  // what the dates look like; fapiaoflow.js formats them in Asia/Shanghai with these same patterns
  dateFormat: {
    monthName: 'M月',
    day: 'D',
    abbr: 'M月D日 HH:mm',
    normal: 'YYYY-MM-DD HH:mm',
    long: 'YYYY年M月D日 dddd HH:mm',
    short: 'YYYY-MM-DD'
  },
  // only zh: a browser asking for en or de still gets Chinese, as on the app's pages
  locales: {
    availableLocales: ['zh'],
    fallbackLocale: 'zh'
  },
  customScripts: ['scripts/fapiaoflow'],
  // the welcome hint points at Camunda's welcome page, which our users never need
  disableWelcomeMessage: true,
  shortcuts: {
    claimTask: { key: 'ctrl+alt+c', description: '领取当前选中的任务' },
    focusFilter: { key: 'ctrl+shift+f', description: '焦点移到第一个筛选器' },
    focusList: { key: 'ctrl+alt+l', description: '焦点移到任务列表的第一个任务' },
    focusForm: { key: 'ctrl+alt+f', description: '焦点移到任务表单的第一个字段' },
    startProcess: { key: 'ctrl+alt+p', description: '打开发起流程对话框' }
  }
};

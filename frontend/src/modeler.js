// The process owners' editors: BPMN (Camunda 7 properties panel), DMN and Camunda Forms, plus the side-by-side diff.
// Pages mark their parts with ids and data attributes; everything talks to /api/models (same origin, session + CSRF).
import BpmnModeler from 'bpmn-js/lib/Modeler';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import {
  BpmnPropertiesPanelModule,
  BpmnPropertiesProviderModule,
  CamundaPlatformPropertiesProviderModule
} from 'bpmn-js-properties-panel';
import CamundaBehaviors from 'camunda-bpmn-js-behaviors/lib/camunda-platform';
import camundaBpmnModdle from 'camunda-bpmn-moddle/resources/camunda.json';
import DmnModeler from 'dmn-js/lib/Modeler';
import camundaDmnModdle from 'camunda-dmn-moddle/resources/camunda.json';
import { FormEditor } from '@bpmn-io/form-js';
import { layoutProcess } from 'bpmn-auto-layout';

// Camunda 7.24's Tasklist renders forms with @bpmn-io/form-js 1.8.7 (camunda-bpm-platform webapps/frontend/package.json;
// schemaVersion=16 in camunda-webapp-webjar 7.24.0), whose schema is 16; the editor here is newer and would stamp its
// own, which the server refuses (DeployedForms.TASKLIST_SCHEMA_VERSION).
const TASKLIST_FORM_SCHEMA_VERSION = 16;

/** a model without a diagram (Flowable and Activiti files often have none) would open as an empty canvas */
function hasDiagram(xml) {
  return /<([A-Za-z0-9_-]+:)?BPMNShape[\s>]/.test(xml);
}

function csrfHeaders() {
  const token = document.querySelector('meta[name="_csrf"]');
  const header = document.querySelector('meta[name="_csrf_header"]');
  const headers = { 'Content-Type': 'application/json', Accept: 'application/json, application/problem+json' };
  if (token && header) {
    headers[header.content] = token.content;
  }
  return headers;
}

async function postJson(url, body) {
  const response = await fetch(url, { method: 'POST', headers: csrfHeaders(), body: JSON.stringify(body), credentials: 'same-origin' });
  let json = null;
  try { json = await response.json(); } catch (e) { /* no body */ }
  return { status: response.status, body: json };
}

function el(tag, attrs, text) {
  const node = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([k, v]) => node.setAttribute(k, v));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** One editor behind a common face: load(text), save() -> text. */
function createEditor(kind, canvas, properties) {
  if (kind === 'BPMN') {
    const modeler = new BpmnModeler({
      container: canvas,
      propertiesPanel: { parent: properties },
      additionalModules: [BpmnPropertiesPanelModule, BpmnPropertiesProviderModule, CamundaPlatformPropertiesProviderModule, CamundaBehaviors],
      moddleExtensions: { camunda: camundaBpmnModdle }
    });
    return {
      raw: modeler,
      load: async (text) => {
        if (hasDiagram(text)) {
          await modeler.importXML(text);
          return;
        }
        await modeler.importXML(await layoutProcess(text));
        canvas.dataset.autoLayout = 'true';
      },
      save: async () => (await modeler.saveXML({ format: true })).xml
    };
  }
  if (kind === 'DMN') {
    const modeler = new DmnModeler({
      container: canvas,
      common: { keyboard: { bindTo: window } },
      moddleExtensions: { camunda: camundaDmnModdle }
    });
    return {
      raw: modeler,
      load: async (text) => {
        await modeler.importXML(text);
        // owners edit rules: open the first decision table rather than the requirements diagram
        const table = modeler.getViews().find((view) => view.type === 'decisionTable');
        if (table) await modeler.open(table);
      },
      save: async () => (await modeler.saveXML({ format: true })).xml
    };
  }
  const editor = new FormEditor({ container: canvas });
  return {
    raw: editor,
    load: (text) => editor.importSchema(JSON.parse(text)),
    save: async () => JSON.stringify({ ...editor.saveSchema(), schemaVersion: TASKLIST_FORM_SCHEMA_VERSION }, null, 2)
  };
}

function showResult(result, outcome) {
  result.replaceChildren();
  const problems = outcome.problems || [];
  const differences = outcome.differences || [];
  if (problems.length) {
    result.append(el('h3', {}, result.dataset.problemsTitle || 'Problems'));
    const list = el('ul', { id: 'problems', class: 'alert error' });
    problems.forEach((p) => list.append(el('li', { 'data-element': p.elementId || '', 'data-kind': p.kind },
      (p.elementId ? p.elementId + ': ' : '') + p.message)));
    result.append(list);
  }
  if (differences.length) {
    result.append(el('h3', {}, result.dataset.differencesTitle || 'Differences against the decision cases'));
    const table = el('table', { id: 'differences', class: 'grid' });
    const head = el('tr');
    ['case', 'before', 'after'].forEach((h) => head.append(el('th', {}, h)));
    table.append(head);
    differences.forEach((d) => {
      const row = el('tr', { 'data-case': d.name });
      row.append(el('td', {}, d.name + ' ' + JSON.stringify(d.variables)));
      row.append(el('td', {}, JSON.stringify(d.before)));
      row.append(el('td', {}, JSON.stringify(d.after)));
      table.append(row);
    });
    result.append(table);
  }
  if (!problems.length && !differences.length) {
    result.append(el('p', { id: 'no-problems', class: 'alert success' }, result.dataset.okText || 'No problems found.'));
  }
}

async function startEditorPage(root) {
  const kind = root.dataset.kind;
  const editor = createEditor(kind, document.getElementById('canvas'), document.getElementById('properties'));
  window.fapiaoModeler = editor.raw;
  const initial = document.getElementById('initial-content');
  const text = initial && initial.value ? initial.value
    : await (await fetch(root.dataset.source, { credentials: 'same-origin' })).text();
  await editor.load(text);
  root.dataset.ready = 'true';

  const result = document.getElementById('result');
  const resourceName = () => document.getElementById('resource-name').value;

  document.getElementById('check').addEventListener('click', async () => {
    const outcome = await postJson('/api/models/checks', { resourceName: resourceName(), content: await editor.save() });
    showResult(result, outcome.body || {});
    result.dataset.state = 'checked';
  });
  document.getElementById('deploy').addEventListener('click', async () => {
    const response = await postJson('/api/models/deployments', {
      resourceName: resourceName(), content: await editor.save(), comment: document.getElementById('comment').value,
      action: (document.getElementById('action') || {}).value
    });
    if (response.status === 201) {
      result.replaceChildren(el('p', { id: 'deployed', class: 'alert success', 'data-version': response.body.version },
        (result.dataset.deployedText || 'Deployed as version') + ' ' + response.body.version));
      showDifferencesToo(result, response.body);
    } else {
      const body = response.body || {};
      showResult(result, { problems: body.problems || [{ kind: 'REFUSED', message: body.detail || body.title || String(response.status) }],
        differences: body.differences || [] });
    }
    result.dataset.state = 'deployed-' + response.status;
  });
}

function showDifferencesToo(result, body) {
  if (body.differences && body.differences.length) {
    const wrapper = el('div');
    showResult(wrapper, { differences: body.differences });
    result.append(wrapper);
  }
}

async function startDiffPage(root) {
  const [before, after] = await Promise.all([root.dataset.before, root.dataset.after]
    .map(async (url) => (await fetch(url, { credentials: 'same-origin' })).text()));
  const changes = JSON.parse(document.getElementById('changes').textContent);
  const show = async (container, xml, markers) => {
    const viewer = new NavigatedViewer({ container });
    await viewer.importXML(xml);
    viewer.get('canvas').zoom('fit-viewport');
    const registry = viewer.get('elementRegistry');
    Object.entries(markers).forEach(([marker, ids]) => ids.forEach((id) => {
      if (registry.get(id)) viewer.get('canvas').addMarker(id, marker);
    }));
  };
  await show(document.getElementById('diff-before'), before, { 'diff-removed': changes.removed, 'diff-changed': changes.changed });
  await show(document.getElementById('diff-after'), after, { 'diff-added': changes.added, 'diff-changed': changes.changed });
  root.dataset.ready = 'true';
}

document.addEventListener('DOMContentLoaded', () => {
  const editorRoot = document.getElementById('model-editor');
  if (editorRoot) startEditorPage(editorRoot).catch((e) => { editorRoot.dataset.error = String(e); console.error(e); });
  const diffRoot = document.getElementById('model-diff');
  if (diffRoot) startDiffPage(diffRoot).catch((e) => { diffRoot.dataset.error = String(e); console.error(e); });
});

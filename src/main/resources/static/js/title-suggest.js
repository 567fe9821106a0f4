// Title auto-completion (抬头联想): an ARIA 1.2 combobox on the title field. As the customer types a part of a name or
// tax ID, GET /api/buyer-titles/suggestions lists the matching saved titles (every field) and, in platform mode, the
// e-invoice platform's companies; up/down move, Enter picks, Escape closes. A saved title fills every field (and picks
// it in the saved-title list, if the page has one); a platform company fills what
// GET /api/buyer-titles/companies/{code} knows. Words come from the page (data-* attributes from the message bundles).
(function () {
  var input = document.querySelector('input[data-title-suggest]');
  if (!input) { return; }
  var list = document.getElementById(input.getAttribute('aria-controls'));
  var min = parseInt(input.dataset.minLength || '2', 10);
  var fields = ['buyerType', 'title', 'taxId', 'taxpayerKind', 'address', 'phone', 'bankName', 'bankAccount', 'email'];
  var items = [];
  var active = -1;
  var timer = null;
  var asked = '';

  function field(name) { return document.getElementById(name); }
  function close() {
    list.hidden = true;
    list.innerHTML = '';
    items = [];
    active = -1;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  }
  function mark(index) {
    active = index;
    Array.prototype.forEach.call(list.children, function (li, i) {
      li.setAttribute('aria-selected', i === index ? 'true' : 'false');
    });
    if (index >= 0 && list.children[index]) {
      input.setAttribute('aria-activedescendant', list.children[index].id);
      list.children[index].scrollIntoView({ block: 'nearest' });
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  }
  function show(suggestions) {
    list.innerHTML = '';
    items = suggestions;
    if (!suggestions.length) {
      var none = document.createElement('li');
      none.className = 'suggest-none';
      none.setAttribute('role', 'option');
      none.setAttribute('aria-disabled', 'true');
      none.id = 'title-suggestion-none';
      none.textContent = list.dataset.none;
      list.appendChild(none);
    }
    suggestions.forEach(function (s, i) {
      var li = document.createElement('li');
      li.id = 'title-suggestion-' + i;
      li.setAttribute('role', 'option');
      li.setAttribute('aria-selected', 'false');
      li.dataset.source = s.source;
      var name = document.createElement('span');
      name.className = 'suggest-name';
      name.textContent = s.title + (s.taxId ? ' (' + s.taxId + ')' : '');
      var source = document.createElement('span');
      source.className = 'suggest-source';
      source.textContent = s.source === 'SAVED' ? list.dataset.saved : list.dataset.platform;
      li.appendChild(name);
      li.appendChild(source);
      // mousedown, not click: the input would lose focus first and close the list
      li.addEventListener('mousedown', function (event) { event.preventDefault(); pick(i); });
      list.appendChild(li);
    });
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    active = -1;
  }
  function fill(s) {
    fields.forEach(function (name) {
      var target = field(name);
      if (!target) { return; }
      var value = s[name];
      if (name === 'email' && s.source !== 'SAVED') { return; }
      if (name === 'buyerType') { value = value || 'ENTERPRISE'; }
      target.value = value == null ? '' : value;
    });
    var saved = field('buyerProfileId');
    if (saved) { saved.value = s.source === 'SAVED' ? String(s.id) : ''; }
    // the page shows the fields the buyer type needs (orders.js listens for this)
    field('buyerType').dispatchEvent(new Event('change', { bubbles: true }));
  }
  function pick(index) {
    var s = items[index];
    close();
    if (!s) { return; }
    input.value = s.title;
    asked = s.title;
    if (s.source === 'SAVED') {
      fill(s);
      return;
    }
    fetch('/api/buyer-titles/companies/' + encodeURIComponent(s.platformCode),
      { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : { source: 'PLATFORM', title: s.title, buyerType: 'ENTERPRISE' }; })
      .then(fill)
      .catch(function () { fill({ source: 'PLATFORM', title: s.title, buyerType: 'ENTERPRISE' }); });
  }
  function ask() {
    var q = input.value.trim();
    if (Array.from(q).length < min) { close(); return; }
    if (q === asked && !list.hidden) { return; }
    asked = q;
    fetch('/api/buyer-titles/suggestions?q=' + encodeURIComponent(q),
      { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (answer) {
        // an answer to an older query, or the customer moved on
        if (!answer || answer.query !== input.value.trim() || document.activeElement !== input) { return; }
        show(answer.suggestions);
      })
      .catch(close);
  }
  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(ask, 250);
  });
  input.addEventListener('keydown', function (event) {
    if (event.key === 'ArrowDown') {
      if (list.hidden) { asked = ''; ask(); return; }
      event.preventDefault();
      mark(items.length ? (active + 1) % items.length : -1);
    } else if (event.key === 'ArrowUp') {
      if (list.hidden) { return; }
      event.preventDefault();
      mark(items.length ? (active <= 0 ? items.length - 1 : active - 1) : -1);
    } else if (event.key === 'Enter') {
      if (!list.hidden && active >= 0) {
        // picking a suggestion must not submit the form
        event.preventDefault();
        pick(active);
      }
    } else if (event.key === 'Escape') {
      if (!list.hidden) { event.preventDefault(); close(); }
    }
  });
  input.addEventListener('blur', function () { setTimeout(close, 150); });
})();

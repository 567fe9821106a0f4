// The orders page: a running total of the picked orders, picks kept across pages, the fields a choice needs.
(function () {
  var form = document.getElementById('apply-form');
  function picks() {
    return Array.prototype.filter.call(form.querySelectorAll('input[name=orderNos]'), function (box) { return box.checked; });
  }
  function showTotal() {
    var chosen = picks();
    var cents = chosen.reduce(function (sum, box) { return sum + Math.round(parseFloat(box.dataset.amount) * 100); }, 0);
    document.getElementById('selection-count').textContent = chosen.length;
    document.getElementById('selection-total').textContent = '¥' + (cents / 100).toFixed(2);
  }
  form.addEventListener('change', function (event) {
    if (event.target.name === 'orderNos') { showTotal(); }
  });
  showTotal();

  // paging and searching take the picks along: the server lists them under "picked on other pages"
  Array.prototype.forEach.call(document.querySelectorAll('a.keeps-selection'), function (link) {
    link.addEventListener('click', function () {
      var url = new URL(link.href);
      picks().forEach(function (box) { url.searchParams.append('orderNos', box.value); });
      link.href = url.toString();
    });
  });
  document.getElementById('order-search').addEventListener('submit', function (event) {
    picks().forEach(function (box) {
      var kept = document.createElement('input');
      kept.type = 'hidden'; kept.name = 'orderNos'; kept.value = box.value;
      event.target.appendChild(kept);
    });
  });

  // a saved title fills the fields, where the customer may still fix them
  var saved = document.getElementById('buyerProfileId');
  var fields = { buyerType: 'buyerType', title: 'title', taxId: 'taxId', taxpayerKind: 'taxpayerKind', address: 'address',
    phone: 'phone', bankName: 'bankName', bankAccount: 'bankAccount', email: 'email' };
  if (saved) {
    saved.addEventListener('change', function () {
      var option = saved.options[saved.selectedIndex];
      Object.keys(fields).forEach(function (key) {
        document.getElementById(fields[key]).value = option.value ? (option.dataset[key] || '') : (key === 'buyerType' ? 'PERSONAL' : '');
      });
      showFields();
    });
  }
  function value(id) { return document.getElementById(id).value; }
  function showFields() {
    var special = value('invoiceType') === 'SPECIAL';
    var company = value('buyerType') === 'ENTERPRISE' || special;
    form.querySelector('.company-fields').hidden = !company;
    Array.prototype.forEach.call(form.querySelectorAll('.special-only'), function (part) { part.hidden = !special; });
    var post = document.getElementById('delivery-POST').checked;
    form.querySelector('.postal-fields').hidden = !(special && post);
  }
  form.addEventListener('change', function (event) {
    if (['invoiceType', 'buyerType', 'delivery'].indexOf(event.target.name) >= 0) { showFields(); }
  });
  showFields();
})();

// 登记养老机构 (/elderly/homes/new): the licence number only for a home opened while licences existed (2013-07-01 to
// 2018-12-28, 民政部令第48号) and 法人登记 only for a 敬老院. A field that does not apply is hidden and disabled, so it is not
// posted; the server applies the same rules again (and refuses a licence number a later home was never asked for).
(function () {
    'use strict';
    var form = document.querySelector('form[data-home-form]');
    if (!form) return;
    var opened = form.querySelector('[data-opened-on]');
    var kind = form.querySelector('[data-home-kind]');
    var licence = form.querySelector('[data-licence]');
    var legal = form.querySelector('[data-legal-person]');
    function show(box, on) {
        box.hidden = !on;
        box.querySelectorAll('input').forEach(function (i) { i.disabled = !on; });
    }
    function update() {
        var d = opened.value;
        var typed = licence.querySelector('input').value.trim() !== '' && licence.querySelector('.field-error').textContent.trim() !== '';
        show(licence, (d >= '2013-07-01' && d <= '2018-12-28') || typed);
        show(legal, kind.value === 'special_care_facility');
    }
    opened.addEventListener('change', update);
    opened.addEventListener('input', update);
    kind.addEventListener('change', update);
    update();
})();

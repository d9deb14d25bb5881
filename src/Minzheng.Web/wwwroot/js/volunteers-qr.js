// The organiser's check-in screen (/volunteers/activities/{id}/qr): fetches the current rotating code every few seconds,
// well within its window, so the code on the screen is always one the server accepts.
(function () {
    'use strict';
    var box = document.getElementById('vact-qr');
    if (!box) return;
    var src = box.getAttribute('data-src');
    var seconds = parseInt(box.getAttribute('data-seconds'), 10) || 60;
    var every = Math.max(2, Math.floor(seconds / 4)) * 1000;
    function refresh() {
        fetch(src, { credentials: 'same-origin', cache: 'no-store' }).then(function (r) {
            if (!r.ok) throw new Error(r.status);
            return r.text();
        }).then(function (svg) {
            box.innerHTML = svg;
        }).catch(function () { /* keep the last code; the next refresh tries again */ });
    }
    setInterval(refresh, every);
})();

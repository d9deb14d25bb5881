// The caregiver's phone page (/elderly/home-care/visit): fills each form's hidden position from the browser's geolocation
// when the phone gives one; without it the server asks for the address instead (electronic visit verification: location).
(function () {
    'use strict';
    var forms = document.querySelectorAll('form[data-geolocate]');
    if (forms.length === 0) return;
    function status(text) {
        forms.forEach(function (f) {
            var s = f.querySelector('[data-geo-status]');
            if (s) s.textContent = text;
        });
    }
    if (!('geolocation' in navigator)) {
        status('未能定位：请填写服务地址');
        return;
    }
    status('正在定位…');
    navigator.geolocation.getCurrentPosition(function (p) {
        forms.forEach(function (f) {
            f.querySelector('input[name="Input.Latitude"]').value = p.coords.latitude.toFixed(6);
            f.querySelector('input[name="Input.Longitude"]').value = p.coords.longitude.toFixed(6);
        });
        status('已定位：' + p.coords.latitude.toFixed(4) + ', ' + p.coords.longitude.toFixed(4));
    }, function () {
        status('未能定位：请填写服务地址');
    }, { enableHighAccuracy: true, timeout: 10000, maximumAge: 60000 });
})();

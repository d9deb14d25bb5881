// /geography/map: boundary lines, markers and named places as GeoJSON layers on a Leaflet map.
// A tile layer only when the server has one configured (served through /geography/map/tiles); otherwise a plain vector view.
(function () {
    'use strict';
    var el = document.getElementById('map');
    if (!el || !window.L) return;
    var map = L.map(el, { attributionControl: true }).setView([22.65, 110.4], 9);
    if (el.dataset.tiles) {
        L.tileLayer(el.dataset.tiles, { maxZoom: 18, attribution: el.dataset.attribution || '' }).addTo(map);
    } else {
        el.classList.add('vector');
    }
    // markers above named places above lines, whichever layer arrives first: a line drawn over a marker took its clicks
    [['lines', 410], ['places', 420], ['markers', 430]].forEach(function (p) { map.createPane(p[0]).style.zIndex = p[1]; });
    var bounds = L.latLngBounds([]);
    var conditionColour = { good: '#2e7d32', damaged: '#ef6c00', missing: '#c62828', moved: '#6a1b9a' };

    function load(url) {
        return fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/geo+json' } })
            .then(function (r) { return r.ok ? r.json() : { type: 'FeatureCollection', features: [] }; });
    }

    function text(s) {
        var span = document.createElement('span');
        span.textContent = s;
        return span.innerHTML;
    }

    function extend(layer) {
        if (layer.getLayers().length > 0) bounds.extend(layer.getBounds());
    }

    var lines = load(el.dataset.lines).then(function (data) {
        var layer = L.geoJSON(data, {
            pane: 'lines',
            style: function () { return { color: '#b03060', weight: 3, dashArray: '8 4', className: 'boundary-line' }; },
            onEachFeature: function (f, l) {
                var p = f.properties || {};
                l.bindTooltip(text(p.name || ''));
            }
        }).addTo(map);
        extend(layer);
    });

    var markers = load(el.dataset.markers).then(function (data) {
        var list = document.getElementById('map-markers');
        list.innerHTML = '';
        var layer = L.geoJSON(data, {
            pointToLayer: function (f, latlng) {
                var p = f.properties || {};
                return L.circleMarker(latlng, {
                    pane: 'markers', radius: 7, weight: 2, color: '#333', fillOpacity: 0.9,
                    fillColor: conditionColour[p.condition] || '#1565c0', className: 'boundary-marker'
                });
            },
            onEachFeature: function (f, l) {
                var p = f.properties || {};
                l.bindTooltip(text((p.number || '') + ' · ' + (p.conditionName || '')));
                l.on('click', function () { window.location.href = p.url; });
                l.on('add', function () {
                    var path = l.getElement && l.getElement();
                    if (path) {
                        path.setAttribute('data-number', p.number || '');
                        // a drawn marker named for assistive technology (the list beside the map holds the same links)
                        path.setAttribute('role', 'img');
                        path.setAttribute('aria-label', '界桩 ' + (p.number || ''));
                    }
                });
                var li = document.createElement('li');
                var a = document.createElement('a');
                a.href = p.url;
                a.textContent = (p.number || '') + '（' + (p.line || '') + '，' + (p.conditionName || '') + '）';
                li.appendChild(a);
                list.appendChild(li);
            }
        }).addTo(map);
        if (data.features.length === 0) list.innerHTML = '<li class="muted">辖区内没有界桩。</li>';
        extend(layer);
    });

    var places = load(el.dataset.places).then(function (data) {
        var layer = L.geoJSON(data, {
            pane: 'places',
            pointToLayer: function (f, latlng) {
                return L.circleMarker(latlng, { pane: 'places', radius: 4, weight: 1, color: '#555', fillColor: '#fff', fillOpacity: 1, className: 'place-name' });
            },
            style: function () { return { color: '#1565c0', weight: 2, className: 'place-name' }; },
            onEachFeature: function (f, l) {
                var p = f.properties || {};
                l.bindTooltip(text((p.name || '') + (p.category ? ' · ' + p.category : '')));
                if (p.url) l.on('click', function () { window.location.href = p.url; });
            }
        }).addTo(map);
        extend(layer);
    });

    Promise.all([lines, markers, places]).then(function () {
        // no zoom animation: a marker clicked while the view still moved got no click (seen in CI); loaded only once the view is still
        if (bounds.isValid()) map.fitBounds(bounds, { padding: [20, 20], maxZoom: 13, animate: false });
        window.requestAnimationFrame(function () { el.setAttribute('data-loaded', 'true'); });
    });
})();

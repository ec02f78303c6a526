// Draws the dashboard's charts with the vendored Chart.js from the data the page carries in
// <script type="application/json" id="dash-data">. The tables beside each chart hold the
// same numbers, so the page is complete without this script.
(function () {
  'use strict';
  var colours = {
    received: '#3b6ea8', on_time: '#2e8b57', early: '#1f6f43', late: '#c0392b', rate: '#e08e0b',
    open: '#9fb8d6', open_late: '#e8a09a', points: '#b3261e', attainable: '#e6b0ab', max: '#d9dee3'
  };

  function dataset(s, chart) {
    var c = colours[s.key] || '#777';
    var d = { label: s.label, data: s.data, backgroundColor: c, borderColor: c, borderWidth: 1, maxBarThickness: 48 };
    if (s.line) {
      d.type = 'line';
      d.yAxisID = 'percent';
      d.borderWidth = 2;
      d.tension = 0.25;
      d.spanGaps = true;
      d.order = -1;
    } else if (chart.stacked) {
      d.stack = 'all';
    }
    return d;
  }

  function config(chart) {
    var index = chart.horizontal ? 'y' : 'x';
    var value = chart.horizontal ? 'x' : 'y';
    var scales = {};
    scales[index] = { stacked: !!chart.stacked, ticks: { autoSkip: !chart.horizontal } };
    scales[value] = { stacked: !!chart.stacked, beginAtZero: true, ticks: { precision: 0 } };
    if (chart.percent) {
      scales.percent = { position: 'right', min: 0, max: 100, grid: { drawOnChartArea: false },
        title: { display: true, text: chart.percent } };
    }
    return {
      type: 'bar',
      data: { labels: chart.labels || [], datasets: (chart.series || []).map(function (s) { return dataset(s, chart); }) },
      options: {
        indexAxis: index,
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        interaction: { mode: 'index', intersect: false },
        plugins: { legend: { position: 'bottom', labels: { boxWidth: 12 } } },
        scales: scales
      }
    };
  }

  function draw() {
    var holder = document.getElementById('dash-data');
    if (!holder || typeof window.Chart === 'undefined') return;
    var data;
    try { data = JSON.parse(holder.textContent); } catch (e) { return; }
    document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
      var chart = data[canvas.dataset.chart];
      if (!chart || !chart.labels || chart.labels.length === 0) {
        canvas.parentNode.hidden = true;
        return;
      }
      new window.Chart(canvas, config(chart));
      canvas.dataset.drawn = 'true';
    });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', draw);
  else draw();
}());

// Draws the annual complaints report's charts from the figures each canvas carries (the tables beside them hold the same)
document.querySelectorAll('canvas[data-chart]').forEach((canvas) => {
  const chart = JSON.parse(canvas.dataset.chart);
  new Chart(canvas, {
    type: 'bar',
    data: {
      labels: chart.labels,
      datasets: chart.series.map((series, i) => ({
        label: series.label,
        data: series.data,
        backgroundColor: ['#1d70b8', '#f47738', '#00703c', '#d4351c', '#4c2c92'][i % 5],
      })),
    },
    options: {
      animation: false,
      indexAxis: chart.horizontal ? 'y' : 'x',
      scales: { x: { stacked: chart.stacked, beginAtZero: true }, y: { stacked: chart.stacked, beginAtZero: true, max: chart.max } },
      plugins: { legend: { display: chart.series.length > 1 } },
    },
  });
  canvas.dataset.drawn = 'true';
});

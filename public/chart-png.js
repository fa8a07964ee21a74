// The PNG of a chart, drawn in the browser from the chart's own SVG file (same origin, so the canvas stays
// readable): no server-side renderer and no font the build machine must have — the reader's fonts draw the text.
// A button per chart (`data-chart-svg`, `data-chart-file`); the PNG is offered as a download link to a blob URL.
(() => {
  const SCALE = 2; // twice the SVG's size: sharp on high-density screens and in documents
  const draw = (svgUrl) =>
    new Promise((resolve, reject) => {
      const img = new Image();
      img.onload = () => {
        const canvas = document.createElement('canvas');
        canvas.width = Math.round(img.naturalWidth * SCALE);
        canvas.height = Math.round(img.naturalHeight * SCALE);
        const ctx = canvas.getContext('2d');
        ctx.fillStyle = '#ffffff';
        ctx.fillRect(0, 0, canvas.width, canvas.height);
        ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
        canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('no PNG'))), 'image/png');
      };
      img.onerror = () => reject(new Error(`cannot load ${svgUrl}`));
      img.src = svgUrl;
    });
  for (const button of document.querySelectorAll('button[data-chart-svg]')) {
    button.addEventListener('click', async () => {
      button.disabled = true;
      try {
        const blob = await draw(button.dataset.chartSvg);
        const a = document.createElement('a');
        a.href = URL.createObjectURL(blob);
        a.download = button.dataset.chartFile;
        document.body.append(a);
        a.click();
        a.remove();
        setTimeout(() => URL.revokeObjectURL(a.href), 10000);
      } finally {
        button.disabled = false;
      }
    });
  }
})();

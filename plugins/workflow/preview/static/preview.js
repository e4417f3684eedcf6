// Live preview only (invoke livereload), added by the preview server to the
// pages it sends: reload the page when a rebuild has finished.
(() => {
  const build = document.currentScript.dataset.build;
  const events = new EventSource(`/__preview__/events?build=${encodeURIComponent(build)}`);
  events.addEventListener("build", () => {
    events.close();
    window.location.reload();
  });
})();

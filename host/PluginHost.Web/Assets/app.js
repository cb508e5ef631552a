// PluginHost's one script: drag and drop onto the upload form, the size check before sending, and the progress
// of a running validation. Every page works without it, more plainly.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("upload-form");
  if (form) {
    const input = document.getElementById("file");
    const zone = document.getElementById("drop-zone");
    const chosen = document.getElementById("chosen");
    const sizeError = document.getElementById("size-error");
    const max = Number(form.dataset.maxBytes);
    const show = () => {
      const file = input.files && input.files[0];
      chosen.textContent = file ? file.name + " (" + Math.ceil(file.size / 1024).toLocaleString() + " KB)" : "";
      const tooLarge = !!file && file.size > max;
      sizeError.hidden = !tooLarge;
      sizeError.textContent = tooLarge ? sizeError.dataset.text : "";
      return !tooLarge;
    };
    input.addEventListener("change", show);
    ["dragenter", "dragover"].forEach(name => zone.addEventListener(name, event => { event.preventDefault(); zone.classList.add("over"); }));
    ["dragleave", "drop"].forEach(name => zone.addEventListener(name, () => zone.classList.remove("over")));
    zone.addEventListener("drop", event => {
      event.preventDefault();
      if (event.dataTransfer && event.dataTransfer.files.length > 0) {
        input.files = event.dataTransfer.files;
        show();
      }
    });
    form.addEventListener("submit", event => { if (!show()) event.preventDefault(); });
  }

  const progress = document.getElementById("progress");
  if (progress) {
    const text = document.getElementById("progress-text");
    const poll = async () => {
      try {
        const response = await fetch(progress.dataset.status, { credentials: "same-origin", cache: "no-store" });
        if (response.ok) {
          const status = await response.json();
          text.textContent = status.text;
          if (status.done) { window.location.reload(); return; }
        }
      } catch (e) {
        // the next poll tries again
      }
      window.setTimeout(poll, 500);
    };
    window.setTimeout(poll, 300);
  }
});

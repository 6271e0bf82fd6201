import { initAll } from '/webjars/govuk-frontend/dist/govuk/govuk-frontend.min.js';

initAll();

// A radio's follow-up question (aria-controls) shows only while that radio is chosen. GOV.UK Frontend's radios
// module would do it too, but it marks each radio aria-expanded, which ARIA does not allow on a radio: the pages
// would fail WCAG 4.1.2 as axe-core checks it. Its checkboxes keep theirs (allowed on a checkbox).
function revealChosenRadios() {
  document.querySelectorAll('input[type="radio"][aria-controls]').forEach((radio) => {
    document.getElementById(radio.getAttribute('aria-controls'))
      ?.classList.toggle('govuk-radios__conditional--hidden', !radio.checked);
  });
}
revealChosenRadios();
document.addEventListener('change', (event) => {
  if (event.target instanceof HTMLInputElement && event.target.type === 'radio') {
    revealChosenRadios();
  }
});
// Coming back to a page, the browser may restore choices without a change event
window.addEventListener('pageshow', revealChosenRadios);

// htmx requests carry the CSRF token that Spring Security expects
document.body.addEventListener('htmx:configRequest', (event) => {
  const token = document.querySelector('meta[name="_csrf"]');
  const header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});

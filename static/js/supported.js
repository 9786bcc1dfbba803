// Tell GOV.UK Frontend's CSS and JavaScript that this browser can run it. This is the
// snippet from GOV.UK Frontend's page template, moved into a file because the site's
// Content-Security-Policy forbids inline scripts. Load it as a classic (not module,
// not deferred) script at the very start of <body>, so the classes are in place
// before anything is drawn; browsers too old for ES modules get neither class and so
// see the no-JavaScript version of each component.
document.body.className +=
  " js-enabled" + ("noModule" in HTMLScriptElement.prototype ? " govuk-frontend-supported" : "");

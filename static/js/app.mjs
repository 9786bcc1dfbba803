// Start every GOV.UK Frontend component on the page (menu toggle, notification banners,
// error summaries and the rest). Module scripts are deferred, so the page is parsed.
import { initAll } from "/static/govuk/govuk-frontend.min.js";
import "./people-filter.mjs";

initAll();

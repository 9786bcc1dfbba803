// Copy the design system's JavaScript and assets out of node_modules into build/static,
// where Django's STATICFILES_DIRS finds them. Fonts are left behind: we set our own font
// (Arial), so GOV.UK Frontend's GDS Transport files are never referenced.
import { cp, mkdir, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const source = join(root, "node_modules", "govuk-frontend", "dist", "govuk");
const target = join(root, "build", "static", "govuk");

await rm(target, { recursive: true, force: true });
await mkdir(target, { recursive: true });
// The map goes too: the script's last line names it, and browsers' developer tools
// ask for it, so leaving it out would only fill the logs with 404s.
for (const name of ["govuk-frontend.min.js", "govuk-frontend.min.js.map"]) {
  await cp(join(source, name), join(target, name));
}
await cp(join(source, "assets"), join(target, "assets"), {
  recursive: true,
  filter: (path) => basename(path) !== "fonts",
});
console.log(`Copied GOV.UK Frontend JavaScript and assets to ${target}`);

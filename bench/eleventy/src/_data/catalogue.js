// The generated site's content, read as the builder reads it: site.yaml, provider.yaml files,
// services (front matter + Markdown) and information pages.
const fs = require("fs");
const path = require("path");
const yaml = require("js-yaml");

function frontMatter(text) {
  const match = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(text);
  return match ? { data: yaml.load(match[1]) || {}, body: match[2] } : { data: {}, body: text };
}

module.exports = function () {
  const root = process.env.SITE_ROOT;
  if (!root) throw new Error("set SITE_ROOT to a site made by bench/generate.py");
  const site = yaml.load(fs.readFileSync(path.join(root, "site.yaml"), "utf8"));
  const providers = [], services = [], pages = [];
  const providerDir = path.join(root, "content", "providers");
  for (const key of fs.readdirSync(providerDir).sort()) {
    const folder = path.join(providerDir, key);
    const provider = yaml.load(fs.readFileSync(path.join(folder, "provider.yaml"), "utf8"));
    provider.key = key;
    provider.services = [];
    for (const file of fs.readdirSync(folder).sort()) {
      if (!file.endsWith(".md") || file.endsWith(".easy.md")) continue;
      const { data, body } = frontMatter(fs.readFileSync(path.join(folder, file), "utf8"));
      const slug = file.slice(0, -3);
      const service = { ...data, body, slug, providerKey: key, providerName: provider.name,
                        url: `services/${key}/${slug}/` };
      services.push(service);
      provider.services.push(service);
    }
    providers.push(provider);
  }
  const pageDir = path.join(root, "content", "pages");
  for (const file of fs.readdirSync(pageDir).sort()) {
    if (!file.endsWith(".md") || file.endsWith(".easy.md")) continue;
    const { data, body } = frontMatter(fs.readFileSync(path.join(pageDir, file), "utf8"));
    pages.push({ ...data, body, slug: file.slice(0, -3) });
  }
  services.sort((a, b) => a.name.localeCompare(b.name));
  providers.sort((a, b) => a.name.localeCompare(b.name));
  const browse = [];
  const taxonomies = { ...site.taxonomies, areas: Object.fromEntries((site.areas || []).map((a) => [a.key, { label: a.name, easy: a.name }])) };
  for (const [taxonomy, terms] of Object.entries(taxonomies)) {
    for (const [key, term] of Object.entries(terms)) {
      browse.push({ taxonomy, key, term, services: services.filter((s) => (s[taxonomy] || []).includes(key)) });
    }
  }
  const both = (items) => items.flatMap((item) => [{ item, easy: false }, { item, easy: true }]);
  return { site, providers, services, pages, browse,
           servicePages: both(services), providerPages: both(providers), browsePages: both(browse),
           infoPages: both(pages), versions: [false, true] };
};

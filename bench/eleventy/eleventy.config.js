// Eleventy rendering the same pages as `catalogue build --no-search`, for bench/compare.py:
// every service, provider, browse and information page, each in a standard and an Easy Read
// version, plus home, A to Z and providers. Content is read from SITE_ROOT (a folder made by
// bench/generate.py); output goes to ELEVENTY_OUT. Templates are Nunjucks (Eleventy's usual
// choice, close to Jinja2) and Markdown goes through markdown-it, Eleventy's own.
const markdownIt = require("markdown-it");

module.exports = function (config) {
  const md = markdownIt({ html: false, linkify: false });
  config.addFilter("markdown", (text) => md.render(text || ""));
  config.addFilter("money", (n) => "£" + Number(n).toFixed(2).replace(/\.00$/, ""));
  return {
    dir: { input: "src", output: process.env.ELEVENTY_OUT || "_site", includes: "_includes", data: "_data" },
    templateFormats: ["njk"],
    htmlTemplateEngine: "njk",
  };
};

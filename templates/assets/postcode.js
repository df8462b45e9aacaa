// "Distance from a postcode": finds the postcode in the site's own lookup (postcodes/index.json,
// then postcodes/<OUTWARD>.json), loaded only when someone uses the box. The service worker keeps
// the files, so it works offline after one use. Nothing is sent to any other website.

// Interface words in the page's language: the page carries those that differ from the English here
// (data-messages on <body>, from builder/pages/phrases.py SCRIPT_WORDS).
const WORDS = JSON.parse(document.body.dataset.messages || "{}");
const t = (english, values = {}) => (WORDS[english] || english).replace(/\{(\w+)\}/g, (all, key) => (key in values ? values[key] : all));
const FULL_POSTCODE = /^([A-Z]{1,2}[0-9][A-Z0-9]?) ?([0-9][A-Z]{2})$/;
const files = new Map();

export function normalise(text) {
  const compact = text.toUpperCase().replace(/\s+/g, "");
  const match = compact.length >= 5 && FULL_POSTCODE.exec(`${compact.slice(0, -3)} ${compact.slice(-3)}`);
  return match ? `${match[1]} ${match[2]}` : null;
}

function load(url) {
  if (!files.has(url)) {
    files.set(url, fetch(url).then((response) => (response.ok ? response.json() : Promise.reject(new Error(response.status)))));
    files.get(url).catch(() => files.delete(url)); // try again next time
  }
  return files.get(url);
}

// [latitude, longitude] of the postcode, or of the middle of its outward code ("RV1") when the
// lookup only has the council's own postcodes; null when neither is known.
export async function find(base, postcode) {
  const index = await load(base + "index.json");
  const [outward, inward] = postcode.split(" ");
  if (index.full.includes(outward)) {
    const point = (await load(`${base}${outward}.json`))[inward];
    if (point) return { point, approximate: false };
  }
  return index.outward[outward] ? { point: index.outward[outward], approximate: true } : null;
}

// `sortBy(point, postcode)` re-runs the search nearest first.
export function setup(box, sortBy, initial) {
  const input = box.querySelector("#postcode-input");
  const error = box.querySelector("#postcode-error");
  const note = box.querySelector("#postcode-note");
  const easy = box.classList.contains("postcode--easy");
  box.hidden = false;
  input.value = initial || "";

  const showError = (text) => {
    error.textContent = text;
    error.hidden = false;
    input.setAttribute("aria-invalid", "true");
    input.setAttribute("aria-describedby", "postcode-error postcode-hint");
    note.textContent = "";
    input.focus();
  };
  const clearError = () => {
    error.hidden = true;
    error.textContent = "";
    input.removeAttribute("aria-invalid");
    input.setAttribute("aria-describedby", "postcode-hint");
  };
  const apply = async () => {
    const postcode = normalise(input.value);
    if (!postcode) return showError(t("Enter a full postcode, like {example}", { example: box.dataset.example }));
    let found;
    try {
      found = await find(box.dataset.lookup, postcode);
    } catch {
      return showError(t("The list of postcodes could not be loaded. Check your internet connection and try again."));
    }
    if (!found) return showError(easy ? t("We cannot find {postcode}. Check the postcode.", { postcode }) : t("We could not find {postcode}. Check the postcode and try again.", { postcode }));
    clearError();
    input.value = postcode;
    const outward = postcode.split(" ")[0];
    note.textContent = found.approximate ? t("{postcode} is outside our area, so distances are from the middle of {outward}.", { postcode, outward }) : "";
    sortBy(found.point, postcode);
  };
  box.querySelector("#postcode-apply").addEventListener("click", apply);
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter") {
      event.preventDefault(); // the search form would submit instead
      apply();
    }
  });
}

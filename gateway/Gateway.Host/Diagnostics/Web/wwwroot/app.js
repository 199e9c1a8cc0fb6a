// The booth's diagnostics page: plain JavaScript against the gateway's JSON endpoint and Server-Sent Events.
// Every text comes from the gateway's resource files (/api/texts); personal data never reaches this page.
"use strict";

const page = {
  texts: {},
  language: "en",
  key: sessionStorage.getItem("technicianKey") || "",
  info: null,
  cards: new Map(),
  previews: new Map(),
};

const text = (name) => page.texts[name] ?? name;
const enumName = (value, prefix) => String(value ?? "").replace(prefix, "");
const seconds = (duration) => parseFloat(String(duration ?? "0s").replace("s", "")) || 0;

function headers() {
  return page.key ? { "X-Technician-Key": page.key } : {};
}

function formatSeconds(total) {
  const s = Math.round(total);
  const h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), r = s % 60;
  return h > 0 ? `${h} h ${m} min` : m > 0 ? `${m} min ${r} s` : `${r} s`;
}

function applyTexts(root = document) {
  for (const element of root.querySelectorAll("[data-text]")) {
    element.textContent = text(element.dataset.text);
  }
}

async function setLanguage(language) {
  const response = await fetch(`/api/texts?lang=${encodeURIComponent(language)}`);
  page.texts = await response.json();
  page.language = language;
  localStorage.setItem("language", language);
  document.documentElement.lang = language;
  document.getElementById("language").value = language;
  applyTexts();
  showMode();
  for (const card of page.cards.values()) {
    renderCard(card, card.device, card.statistics);
  }
}

async function loadInfo() {
  page.info = await (await fetch("/api/info", { headers: headers() })).json();
  showMode();
  for (const card of page.cards.values()) {
    enableChecks(card);
  }
}

function showMode() {
  if (!page.info) {
    return;
  }

  const mode = document.getElementById("mode");
  mode.textContent = !page.info.technicianKeyConfigured ? text("NoKeyConfigured")
    : page.info.technician ? text("Technician")
    : page.key ? `${text("WrongKey")} ${text("ReadOnly")}` : text("ReadOnly");
  mode.dataset.technician = String(page.info.technician);
  document.getElementById("unlock").hidden = !page.info.technicianKeyConfigured;
}

function enableChecks(card) {
  for (const button of card.element.querySelectorAll(".checks button")) {
    button.disabled = button.dataset.level !== "internal" && !page.info?.technician;
  }
}

function createCard(device) {
  const element = document.getElementById("device-card").content.firstElementChild.cloneNode(true);
  element.dataset.device = device.id;
  applyTexts(element);
  const card = { element, device, statistics: null };
  for (const button of element.querySelectorAll(".checks button")) {
    button.addEventListener("click", () => runCheck(card, button.dataset.level));
  }

  document.getElementById("devices").appendChild(element);
  page.cards.set(device.id, card);
  enableChecks(card);
  return card;
}

function renderCard(card, device, statistics) {
  card.device = device;
  card.statistics = statistics ?? card.statistics;
  const e = card.element;
  const state = enumName(device.state, "DEVICE_STATE_");
  const deviceClass = enumName(device.deviceClass, "DEVICE_CLASS_");
  e.dataset.state = state;
  e.querySelector(".id").textContent = device.id;
  e.querySelector(".state").textContent = text(`State_${state}`);
  e.querySelector(".class").textContent = `${text(`Class_${deviceClass}`)} · ${device.driver}`;
  e.querySelector(".reason").textContent = device.reason || "";
  const stats = card.statistics;
  if (stats) {
    e.querySelector(".last-error").textContent = stats.lastError ? `${stats.lastError} (${stats.lastErrorCode})` : text("None");
    e.querySelector(".captures").textContent = stats.captures;
    e.querySelector(".unverified").textContent = stats.unverifiedCaptures;
    e.querySelector(".reconnects").textContent = stats.reconnects;
    const failures = Object.entries(stats.failuresByReason ?? {});
    e.querySelector(".failures").textContent = failures.length ? failures.map(([code, n]) => `${code} × ${n}`).join(", ") : text("None");
    e.querySelector(".time-in-state").textContent = Object.entries(stats.timeInState ?? {})
      .map(([s, d]) => `${text(`State_${s}`)} ${formatSeconds(seconds(d))}`).join(", ");
    const identity = stats.identity ?? {};
    e.querySelector(".identity").textContent = [identity.vendor, identity.model, identity.serialNumber, identity.firmware && `fw ${identity.firmware}`]
      .filter(Boolean).join(" · ") || "—";
  }
}

async function refreshDevices() {
  const response = await fetch("/api/devices");
  const data = await response.json();
  const statistics = new Map((data.statistics.devices ?? []).map((s) => [s.deviceId, s]));
  document.getElementById("since").textContent = new Date(data.statistics.since).toLocaleString(page.language);
  for (const device of data.devices.devices ?? []) {
    const card = page.cards.get(device.id) ?? createCard(device);
    renderCard(card, device, statistics.get(device.id));
  }

  for (const id of data.previews ?? []) {
    startPreview(id);
  }
}

async function runCheck(card, level) {
  const result = card.element.querySelector(".health-result");
  const prompt = card.element.querySelector(".prompt");
  const buttons = card.element.querySelectorAll(".checks button");
  buttons.forEach((b) => (b.disabled = true));
  result.hidden = false;
  result.dataset.outcome = "RUNNING";
  result.textContent = text("Running");
  prompt.hidden = level !== "interactive";
  prompt.textContent = text(`Prompt_${enumName(card.device.deviceClass, "DEVICE_CLASS_")}`);
  try {
    const response = await fetch(`/api/devices/${encodeURIComponent(card.device.id)}/health/${level}?lang=${page.language}`, { method: "POST", headers: headers() });
    const body = await response.json();
    if (!response.ok) {
      result.dataset.outcome = "FAILED";
      result.textContent = body.detail ?? response.statusText;
      return;
    }

    const outcome = enumName(body.outcome, "HEALTH_OUTCOME_");
    result.dataset.outcome = outcome;
    result.dataset.level = level;
    result.replaceChildren();
    const title = document.createElement("strong");
    title.textContent = `${text(`Check_${level}`)}${text("Colon")}${text(`Outcome_${outcome}`)} (${seconds(body.duration).toFixed(2)} s)`;
    const message = document.createElement("p");
    message.textContent = body.message;
    const details = document.createElement("small");
    details.textContent = Object.entries(body.details ?? {}).map(([k, v]) => `${k}=${v}`).join(" · ");
    result.append(title, message, details);
  } catch (error) {
    result.dataset.outcome = "FAILED";
    result.textContent = String(error);
  } finally {
    prompt.hidden = true;
    enableChecks(card);
  }
}

function startPreview(id) {
  const card = page.cards.get(id);
  if (!card || page.previews.has(id)) {
    return;
  }

  const figure = card.element.querySelector(".preview");
  const image = figure.querySelector("img");
  const count = figure.querySelector(".frame-count");
  figure.hidden = false;
  const source = new EventSource(`/api/devices/${encodeURIComponent(id)}/preview`);
  source.addEventListener("frame", (event) => {
    const frame = JSON.parse(event.data);
    image.src = `data:image/jpeg;base64,${frame.jpeg}`;
    image.width = frame.width;
    const frames = Number(image.dataset.frames) + 1;
    image.dataset.frames = String(frames);
    count.textContent = String(frames);
  });
  page.previews.set(id, source);
}

function addEvent(line, kind) {
  const list = document.getElementById("events");
  const item = document.createElement("li");
  item.dataset.kind = kind;
  item.textContent = `${new Date().toLocaleTimeString(page.language)}  ${line}`;
  list.prepend(item);
  while (list.children.length > 100) {
    list.lastChild.remove();
  }
}

function watchEvents() {
  const source = new EventSource("/api/events");
  const banner = document.getElementById("connection");
  source.addEventListener("ready", () => (banner.hidden = true));
  source.onerror = () => (banner.hidden = false);
  source.addEventListener("device", (event) => {
    const e = JSON.parse(event.data);
    if (e.stateChanged) {
      const device = e.stateChanged.device;
      const card = page.cards.get(device.id);
      if (card) {
        renderCard(card, device);
      }

      addEvent(`${device.id}: ${text(`State_${enumName(device.state, "DEVICE_STATE_")}`)} ${device.reason ?? ""}`, "state");
    } else if (e.incident) {
      addEvent(`${text("Incident")} ${e.deviceId}: ${e.incident.message || e.incident.code}`, "incident");
    }
  });
  source.addEventListener("capture", (event) => {
    const c = JSON.parse(event.data);
    addEvent(`${text("Capture")} #${c.sequence} ${c.deviceId} ${c.kind}: ${c.verified ? text("Verified") : text("NotVerified")}`, "capture");
  });
}

document.getElementById("language").addEventListener("change", (event) => setLanguage(event.target.value));
document.getElementById("unlock").addEventListener("submit", async (event) => {
  event.preventDefault();
  page.key = document.getElementById("key").value;
  sessionStorage.setItem("technicianKey", page.key);
  await loadInfo();
});

(async () => {
  await loadInfo();
  await setLanguage(localStorage.getItem("language") || page.info.language);
  await refreshDevices();
  watchEvents();
  setInterval(() => refreshDevices().catch(() => {}), 2000);
})();

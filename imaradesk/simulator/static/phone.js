// The simulator's phone page: chat as a simulated customer. Every URL is relative to <base href>,
// so the page works at / (simulator alone) and at /simulator/ (mounted in the main app).
(() => {
  "use strict";

  const $ = (id) => document.getElementById(id);
  const els = {
    messages: $("messages"), input: $("message-input"), composer: $("composer"),
    customer: $("customer-select"), number: $("number-select"), bizName: $("biz-name"),
    bizStatus: $("biz-status"), bizAvatar: $("biz-avatar"), connection: $("connection"),
    typing: $("typing"), suggestions: $("suggestions"), replyPreview: $("reply-preview"),
    replyAuthor: $("reply-author"), replyText: $("reply-text"), attachButton: $("attach-button"),
    attachMenu: $("attach-menu"), menuButton: $("menu-button"), menu: $("options-menu"),
    marketing: $("marketing-toggle"), sheet: $("list-sheet"), backdrop: $("sheet-backdrop"),
    listTitle: $("list-title"), listRows: $("list-rows"), listForm: $("list-form"),
    dialog: $("add-customer"), dialogForm: $("add-customer-form"), dialogError: $("add-customer-error"),
    toast: $("toast"),
  };

  const SUGGESTIONS = {
    swahili: ["Habari! Oda yangu iko wapi?", "Nataka kuongea na mtu", "Asante sana 🙏"],
    french: ["Bonjour, où est ma commande ?", "Je voudrais un remboursement", "Merci beaucoup !"],
    portuguese: ["Olá, onde está a minha encomenda?", "Quero devolver um produto", "Obrigada!"],
    hausa: ["Sannu, ina odar tawa take?", "Ina so in yi magana da wakili", "Na gode!"],
    english: ["Hi, where is my order?", "I want to talk to an agent", "Thanks!"],
  };
  const QUICK_REACTIONS = ["👍", "❤️", "😂", "🙏", "😮"];

  const state = {
    config: null, customers: [], waId: null, numberId: null, messages: [],
    replyTo: null, openTools: null, typingTimer: null, readQueue: new Set(), readTimer: null, requested: new Set(),
  };

  // ---- HTTP -----------------------------------------------------------------------------------
  async function api(path, options = {}) {
    const response = await fetch(path, options);
    const body = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(body.message || (body.error && body.error.message) || response.statusText);
    return body;
  }
  const post = (path, body) =>
    api(path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });

  function toast(text) {
    els.toast.textContent = text;
    els.toast.hidden = false;
    clearTimeout(toast.timer);
    toast.timer = setTimeout(() => { els.toast.hidden = true; }, 3500);
  }

  // ---- DOM helpers ----------------------------------------------------------------------------
  function el(tag, attrs = {}, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs)) {
      if (value === undefined || value === null || value === false) continue;
      if (key === "class") node.className = value;
      else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? "" : value);
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }
  const svg = (path, cls) => {
    const node = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    node.setAttribute("viewBox", "0 0 24 24");
    node.setAttribute("aria-hidden", "true");
    if (cls) node.setAttribute("class", cls);
    node.innerHTML = path;
    return node;
  };
  const ICONS = {
    clock: '<path d="M12 4a8 8 0 1 0 0 16 8 8 0 0 0 0-16zm0 1.6a6.4 6.4 0 1 1 0 12.8 6.4 6.4 0 0 1 0-12.8zM11.2 8v4.5l3.6 2.2.8-1.3-2.8-1.7V8z"/>',
    tick: '<path d="m9.2 16.2-4-4 1.2-1.2 2.8 2.8 7.4-7.4 1.2 1.2z"/>',
    ticks: '<path d="m6.6 16.2-4-4 1.1-1.2 2.9 2.9 7.4-7.5 1.2 1.2zm4.4 0-1.5-1.5 1.2-1.2.3.3 7.4-7.5 1.2 1.2z"/>',
  };

  const time = (seconds) =>
    new Date(seconds * 1000).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
  function dayLabel(seconds) {
    const day = new Date(seconds * 1000);
    const today = new Date();
    const yesterday = new Date(Date.now() - 86400000);
    if (day.toDateString() === today.toDateString()) return "Today";
    if (day.toDateString() === yesterday.toDateString()) return "Yesterday";
    return day.toLocaleDateString([], { day: "numeric", month: "long", year: "numeric" });
  }

  // ---- Model helpers --------------------------------------------------------------------------
  const currentCustomer = () => state.customers.find((c) => c.wa_id === state.waId);
  const currentNumber = () =>
    state.config.numbers.find((n) => n.phone_number_id === state.numberId) || state.config.numbers[0];
  const byId = (id) => state.messages.find((m) => m.id === id);
  const fromCustomer = (m) => m.direction === "inbound";
  const statusesOf = (m) => (m.statuses || []).map((s) => s.status);
  // A business message reaches the phone when WhatsApp reports it delivered (or read at once).
  function isOnPhone(m) {
    if (fromCustomer(m)) return true;
    const seen = statusesOf(m);
    if (m.type === "reaction") return seen.includes("sent");
    return seen.includes("delivered") || seen.includes("read");
  }

  function summary(m) {
    if (!m) return "Message";
    if (fromCustomer(m)) {
      const msg = m.message;
      switch (m.type) {
        case "text": return msg.text.body;
        case "interactive": return (msg.interactive.button_reply || msg.interactive.list_reply).title;
        case "button": return msg.button.text;
        case "location": return "📍 " + (msg.location.name || "Location");
        case "contacts": return "👤 " + msg.contacts[0].name.formatted_name;
        default: return mediaLabel(m.type, msg[m.type]);
      }
    }
    const c = m.content || {};
    switch (m.type) {
      case "text": return c.body;
      case "interactive": return c.body && c.body.text;
      case "template": return (m.rendered && m.rendered.body) || c.name;
      case "location": return "📍 " + (c.name || "Location");
      case "contacts": return "👤 " + c[0].name.formatted_name;
      default: return mediaLabel(m.type, c);
    }
  }
  function mediaLabel(type, content) {
    const labels = { image: "📷 Photo", video: "🎬 Video", audio: "🎤 Voice message", document: "📄 Document", sticker: "Sticker" };
    const caption = content && (content.caption || content.filename);
    return (labels[type] || "Message") + (caption ? " · " + caption : "");
  }

  // ---- Rendering ------------------------------------------------------------------------------
  function render() {
    const atBottom = els.messages.scrollHeight - els.messages.scrollTop - els.messages.clientHeight < 80;
    const reactions = new Map();
    for (const m of state.messages) {
      const reaction = fromCustomer(m) ? m.type === "reaction" && m.message.reaction
        : m.type === "reaction" && isOnPhone(m) && m.content;
      if (reaction) reactions.set(reaction.message_id + (fromCustomer(m) ? ":me" : ":biz"), reaction.emoji || "");
    }
    const customer = currentCustomer();
    const nodes = [el("div", { class: "notice" },
      "🔒 This is the ImaraDesk WhatsApp simulator. Messages you send here reach the business as signed webhooks.")];
    if (customer && !customer.reachable) {
      nodes.push(el("div", { class: "notice" }, `${customer.name} is not on WhatsApp: the business's messages fail with error 131026.`));
    }
    let lastDay = null;
    let lastSide = null;
    for (const m of state.messages) {
      if (m.type === "reaction" || !isOnPhone(m)) continue;
      const day = dayLabel(m.timestamp);
      if (day !== lastDay) { nodes.push(el("div", { class: "day" }, day)); lastDay = day; lastSide = null; }
      const side = fromCustomer(m) ? "out" : "in";
      const badge = reactions.get(m.id + (fromCustomer(m) ? ":biz" : ":me"));
      nodes.push(renderRow(m, side, side !== lastSide, badge));
      lastSide = side;
    }
    els.messages.replaceChildren(...nodes);
    if (atBottom) els.messages.scrollTop = els.messages.scrollHeight;
    renderSuggestions();
    queueReads();
  }

  function renderRow(m, side, isFirst, badge) {
    const bubble = fromCustomer(m) ? customerBubble(m) : businessBubble(m);
    const row = el("div", { class: `row ${side}${isFirst ? " first" : ""}`, "data-id": m.id }, bubble);
    if (badge) row.append(el("span", { class: "reaction", "aria-label": `Reaction ${badge}` }, badge));
    if (!fromCustomer(m)) {
      const extra = businessActions(m);
      if (extra) row.append(extra);
      if (state.openTools === m.id) row.append(tools(m));
    }
    return row;
  }

  function quoteFor(context) {
    if (!context) return null;
    if (context.forwarded) return el("div", { class: "forwarded" }, "↪ Forwarded");
    const id = context.id || context.message_id;
    if (!id) return null;
    const quoted = byId(id);
    const author = quoted && fromCustomer(quoted) ? "You" : (currentNumber().verified_name || "Business");
    return el("div", { class: "quote" }, el("strong", {}, author), el("span", {}, summary(quoted)));
  }

  function meta(m) {
    const parts = [time(m.timestamp)];
    if (fromCustomer(m)) {
      // On the phone, the customer's ticks: sent to WhatsApp, delivered to the business's webhook,
      // blue when the business marked it read.
      if (m.delivery === "failed") parts.push(el("span", { class: "failed", title: "Not delivered to the business" }, "!"));
      else if (m.read_by_business) parts.push(svg(ICONS.ticks, "read"));
      else if (m.delivery === "delivered") parts.push(svg(ICONS.ticks));
      else parts.push(svg(ICONS.clock));
      const label = m.delivery === "failed" ? "not delivered" : m.read_by_business ? "read" : m.delivery;
      return el("span", { class: "meta", "aria-label": `${time(m.timestamp)}, ${label}` }, ...parts);
    }
    return el("span", { class: "meta" }, ...parts);
  }

  function mediaNode(type, content) {
    if (!content) return null;
    const src = content.id ? `_sim/media/${encodeURIComponent(content.id)}` : null;
    if (type === "image" || type === "sticker") {
      if (src) return el("div", { class: type === "sticker" ? "sticker" : "media" }, el("img", { src, alt: content.caption || (type === "sticker" ? "Sticker" : "Photo") }));
      return el("div", { class: "file" }, el("span", { class: "icon", "aria-hidden": "true" }, "🖼️"), el("div", {}, "Image", el("small", {}, linkName(content.link))));
    }
    if (type === "video") {
      if (src) return el("div", { class: "media" }, el("video", { src, controls: true, preload: "metadata", "aria-label": "Video" }));
      return el("div", { class: "file" }, el("span", { class: "icon", "aria-hidden": "true" }, "🎬"), el("div", {}, "Video", el("small", {}, linkName(content.link))));
    }
    if (type === "audio") {
      if (src) return el("div", { class: "media" }, el("audio", { src, controls: true, preload: "none", "aria-label": content.voice ? "Voice message" : "Audio" }));
      return el("div", { class: "file" }, el("span", { class: "icon", "aria-hidden": "true" }, "🎵"), el("div", {}, "Audio", el("small", {}, linkName(content.link))));
    }
    const name = content.filename || linkName(content.link) || "Document";
    const body = el("div", { class: "file" }, el("span", { class: "icon", "aria-hidden": "true" }, "📄"), el("div", {}, name, el("small", {}, content.mime_type || "Document")));
    return src ? el("a", { href: src, target: "_blank", rel: "noopener", style: "color:inherit;text-decoration:none" }, body) : body;
  }
  const linkName = (link) => (link ? link.split("/").pop().split("?")[0] || link : "");

  function locationNode(loc) {
    return el("div", {}, el("div", { class: "map", role: "img", "aria-label": "Map" }, "📍"),
      el("div", { class: "caption" }, el("strong", {}, loc.name || "Location"),
        loc.address ? "\n" + loc.address : "", `\n${loc.latitude}, ${loc.longitude}`));
  }
  function contactsNode(cards) {
    return el("div", {}, ...cards.map((card) => el("div", { class: "file" }, el("span", { class: "icon", "aria-hidden": "true" }, "👤"),
      el("div", {}, card.name.formatted_name, el("small", {}, ((card.phones || [])[0] || {}).phone || "")))));
  }

  function customerBubble(m) {
    const msg = m.message;
    const parts = [quoteFor(msg.context)];
    let isSticker = false;
    switch (m.type) {
      case "text": parts.push(el("span", { class: "text" }, msg.text.body)); break;
      case "interactive": {
        const reply = msg.interactive.button_reply || msg.interactive.list_reply;
        parts.push(el("span", { class: "text" }, reply.title));
        if (reply.description) parts.push(el("div", { class: "foot" }, reply.description));
        break;
      }
      case "button": parts.push(el("span", { class: "text" }, msg.button.text)); break;
      case "location": parts.push(locationNode(msg.location)); break;
      case "contacts": parts.push(contactsNode(msg.contacts)); break;
      case "unsupported": parts.push(el("span", { class: "muted" }, "Unsupported message type")); break;
      default: {
        const content = msg[m.type];
        isSticker = m.type === "sticker";
        parts.push(mediaNode(m.type, content));
        if (content && content.caption) parts.push(el("div", { class: "caption" }, content.caption));
      }
    }
    parts.push(meta(m));
    return el("div", { class: `bubble clearfix${isSticker ? " sticker" : ""}` }, ...parts);
  }

  function businessBubble(m) {
    const c = m.content || {};
    const name = currentNumber().verified_name;
    const parts = [quoteFor(m.context)];
    let isSticker = false;
    if (m.type === "text") {
      parts.push(el("span", { class: "text" }, c.body));
    } else if (m.type === "interactive") {
      if (c.header) parts.push(c.header.type === "text" ? el("div", { class: "head" }, c.header.text) : mediaNode(c.header.type, c.header[c.header.type]));
      parts.push(el("span", { class: "text" }, c.body.text));
      if (c.footer) parts.push(el("div", { class: "foot" }, c.footer.text));
    } else if (m.type === "template") {
      const r = m.rendered || {};
      if (r.header) parts.push(el("div", { class: "head" }, r.header));
      parts.push(el("span", { class: "text" }, r.body || c.name));
      if (r.footer) parts.push(el("div", { class: "foot" }, r.footer));
    } else if (m.type === "location") {
      parts.push(locationNode(c));
    } else if (m.type === "contacts") {
      parts.push(contactsNode(c));
    } else {
      isSticker = m.type === "sticker";
      parts.push(mediaNode(m.type, c));
      if (c.caption) parts.push(el("div", { class: "caption" }, c.caption));
    }
    parts.push(meta(m));
    if (m.type === "interactive" && c.type === "list") {
      parts.push(el("button", { type: "button", class: "reply-button inline", onclick: (e) => { e.stopPropagation(); openList(m); } },
        "☰ ", c.action.button));
    }
    const toggle = () => { state.openTools = state.openTools === m.id ? null : m.id; render(); };
    return el("div", {
      class: `bubble clearfix${isSticker ? " sticker" : ""}`, tabindex: "0", role: "button",
      "aria-label": `Message from ${name}: ${summary(m)}. Press to reply or react.`,
      onclick: toggle, onkeydown: (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); toggle(); } },
    }, ...parts);
  }

  function businessActions(m) {
    const c = m.content || {};
    if (m.type === "interactive" && c.type === "button") {
      return el("div", { class: "actions-list" }, ...c.action.buttons.map((b) =>
        el("button", { type: "button", class: "reply-button", onclick: () => sendInteractive(m, b.reply.id) }, "↩ ", b.reply.title)));
    }
    if (m.type === "template" && m.rendered && m.rendered.buttons.length) {
      return el("div", { class: "actions-list" }, ...m.rendered.buttons.map((b, index) => b.type === "quick_reply"
        ? el("button", { type: "button", class: "reply-button", onclick: () => sendTemplateReply(m, index) }, "↩ ", b.text)
        : el("button", { type: "button", class: "reply-button link", disabled: true, title: b.url ? `${b.url} (links do not open in the simulator)` : "Links do not open in the simulator" },
          "↗ ", b.text, b.url ? el("small", { class: "link-url" }, b.url) : null)));
    }
    return null;
  }

  function tools(m) {
    return el("div", { class: "bubble-tools", role: "toolbar", "aria-label": "Reply or react" },
      el("button", { type: "button", class: "label", onclick: () => startReply(m) }, "↩ Reply"),
      ...QUICK_REACTIONS.map((emoji) => el("button", { type: "button", "aria-label": `React ${emoji}`, onclick: () => react(m, emoji) }, emoji)));
  }

  function renderSuggestions() {
    const customer = currentCustomer();
    const hasWritten = state.messages.some(fromCustomer);
    if (!customer || hasWritten) { els.suggestions.replaceChildren(); return; }
    const list = SUGGESTIONS[(customer.language || "").toLowerCase()] || SUGGESTIONS.english;
    els.suggestions.replaceChildren(...list.map((text) =>
      el("button", { type: "button", onclick: () => sendText(text) }, text)));
  }

  // ---- Read receipts: what the page shows counts as read ---------------------------------------
  function queueReads() {
    if (document.visibilityState !== "visible") return;
    for (const m of state.messages) {
      if (fromCustomer(m) || !isOnPhone(m) || m.type === "reaction") continue;
      const seen = statusesOf(m);
      if (seen.includes("read") || seen.includes("failed") || state.requested.has(m.id)) continue;
      state.readQueue.add(m.id);
    }
    if (!state.readQueue.size || state.readTimer) return;
    state.readTimer = setTimeout(flushReads, 400);
  }
  async function flushReads() {
    state.readTimer = null;
    const ids = [...state.readQueue];
    state.readQueue.clear();
    ids.forEach((id) => state.requested.add(id));
    try {
      await post(`_sim/customers/${state.waId}/read`, { phone_number_id: state.numberId, message_ids: ids });
    } catch (error) {
      ids.forEach((id) => state.requested.delete(id));
    }
  }

  // ---- Sending as the customer ----------------------------------------------------------------
  async function sendInbound(body) {
    const payload = { phone_number_id: state.numberId, ...body };
    if (state.replyTo && !payload.reply_to && ["text", "image", "audio", "video", "document", "sticker", "location", "contacts"].includes(payload.type)) {
      payload.reply_to = state.replyTo;
    }
    try {
      const result = await post(`_sim/customers/${state.waId}/messages`, payload);
      upsert(result.message);
      clearReply();
      els.messages.scrollTop = els.messages.scrollHeight;
    } catch (error) {
      toast(error.message);
    }
  }
  const sendText = (text) => sendInbound({ type: "text", text });
  const sendInteractive = (m, replyId) => sendInbound({ type: "interactive", to_message_id: m.id, reply_id: replyId });
  const sendTemplateReply = (m, index) => sendInbound({ type: "button", to_message_id: m.id, button_index: index });
  function react(m, emoji) {
    state.openTools = null;
    sendInbound({ type: "reaction", to_message_id: m.id, emoji });
  }
  function startReply(m) {
    state.openTools = null;
    state.replyTo = m.id;
    els.replyAuthor.textContent = fromCustomer(m) ? "You" : currentNumber().verified_name;
    els.replyText.textContent = summary(m);
    els.replyPreview.hidden = false;
    render();
    els.input.focus();
  }
  function clearReply() {
    state.replyTo = null;
    els.replyPreview.hidden = true;
  }

  const ATTACHMENTS = {
    image: { caption: "Here is a photo" },
    audio: { voice: true },
    video: { caption: "Short video" },
    document: { caption: "My receipt", filename: "receipt.pdf" },
    sticker: {},
    location: { name: "Kenyatta Ave shop", address: "Kenyatta Ave, Nairobi" },
    contacts: { name: "Juma Otieno", phone: "+254 722 000 333" },
    unsupported: { unsupported_type: "poll" },
  };

  // ---- Lists (bottom sheet) -------------------------------------------------------------------
  function openList(m) {
    const action = m.content.action;
    els.listTitle.textContent = action.button;
    const groups = action.sections.map((section, si) => [
      section.title ? el("h3", {}, section.title) : null,
      ...section.rows.map((row, ri) => el("label", {},
        el("span", {}, row.title, row.description ? el("small", {}, row.description) : null),
        el("input", { type: "radio", name: "row", value: row.id, required: true, checked: si === 0 && ri === 0 }))),
    ]);
    els.listRows.replaceChildren(...groups.flat().filter(Boolean));
    els.listForm.dataset.messageId = m.id;
    els.sheet.hidden = false;
    els.backdrop.hidden = false;
    const first = els.listRows.querySelector("input");
    if (first) first.focus();
  }
  function closeList() {
    els.sheet.hidden = true;
    els.backdrop.hidden = true;
  }

  // ---- Loading and live updates ---------------------------------------------------------------
  function upsert(message) {
    if (message.wa_id !== state.waId || message.phone_number_id !== state.numberId) return;
    const index = state.messages.findIndex((m) => m.id === message.id);
    if (index >= 0) state.messages[index] = message;
    else state.messages.push(message);
    if (!fromCustomer(message) && isOnPhone(message)) hideTyping();
    render();
  }

  async function loadChat() {
    if (!state.waId) return;
    const chat = await api(`_sim/customers/${state.waId}/chat?phone_number_id=${encodeURIComponent(state.numberId)}`);
    state.messages = chat.messages;
    state.requested.clear();
    render();
    els.messages.scrollTop = els.messages.scrollHeight;
  }

  function renderCustomers() {
    const options = state.customers.map((c) =>
      el("option", { value: c.wa_id, selected: c.wa_id === state.waId }, `${c.label} · +${c.wa_id}`));
    els.customer.replaceChildren(...options);
    const customer = currentCustomer();
    const stopped = customer && customer.marketing_stopped_numbers.includes(state.numberId);
    els.marketing.textContent = stopped ? "Resume marketing messages" : "Stop marketing messages";
  }

  async function loadCustomers() {
    state.customers = (await api("_sim/customers")).data;
    const wanted = decodeURIComponent(location.hash.slice(1)) || localStorage.getItem("imaradesk-sim-customer");
    if (!state.customers.some((c) => c.wa_id === state.waId)) {
      state.waId = (state.customers.find((c) => c.wa_id === wanted) || state.customers[0] || {}).wa_id || null;
    }
    renderCustomers();
  }

  function renderHeader() {
    const number = currentNumber();
    els.bizName.replaceChildren(number.verified_name, el("span", { class: "verified", "aria-label": "Verified business" }, "✓"));
    els.bizAvatar.textContent = number.verified_name.charAt(0).toUpperCase();
    els.bizStatus.textContent = state.typingTimer ? "typing…" : `${number.display_phone_number} · business account`;
    els.bizStatus.classList.toggle("is-typing", Boolean(state.typingTimer));
    els.number.hidden = state.config.numbers.length < 2;
    els.number.replaceChildren(...state.config.numbers.map((n) =>
      el("option", { value: n.phone_number_id, selected: n.phone_number_id === state.numberId }, `${n.verified_name} ${n.display_phone_number}`)));
  }

  function showTyping(seconds) {
    els.typing.hidden = false;
    clearTimeout(state.typingTimer);
    state.typingTimer = setTimeout(hideTyping, Math.min(seconds, 25) * 1000);
    renderHeader();
  }
  function hideTyping() {
    els.typing.hidden = true;
    clearTimeout(state.typingTimer);
    state.typingTimer = null;
    if (state.config) renderHeader();
  }

  function connect() {
    const source = new EventSource("_sim/events");
    source.onopen = () => { els.connection.classList.add("live"); els.connection.title = "Live"; loadChat().catch(() => {}); };
    source.onerror = () => { els.connection.classList.remove("live"); els.connection.title = "Reconnecting…"; };
    source.onmessage = (event) => {
      const data = JSON.parse(event.data);
      if (data.type === "message") upsert(data.message);
      else if (data.type === "customer") {
        const index = state.customers.findIndex((c) => c.wa_id === data.customer.wa_id);
        if (index >= 0) state.customers[index] = data.customer; else state.customers.push(data.customer);
        renderCustomers();
        render();
      } else if (data.type === "typing" && data.wa_id === state.waId && data.phone_number_id === state.numberId) {
        showTyping(data.seconds || 25);
      } else if (data.type === "reset") {
        loadCustomers().then(loadChat).catch((e) => toast(e.message));
      }
    };
  }

  function selectCustomer(waId) {
    state.waId = waId;
    state.openTools = null;
    localStorage.setItem("imaradesk-sim-customer", waId);
    history.replaceState(null, "", "#" + waId);
    clearReply();
    hideTyping();
    renderCustomers();
    loadChat().catch((e) => toast(e.message));
  }

  function closeMenus() {
    els.menu.hidden = true;
    els.menuButton.setAttribute("aria-expanded", "false");
    els.attachMenu.hidden = true;
    els.attachButton.setAttribute("aria-expanded", "false");
  }
  function toggleMenu(menu, button) {
    const willOpen = menu.hidden;
    closeMenus();
    menu.hidden = !willOpen;
    button.setAttribute("aria-expanded", String(willOpen));
    if (willOpen) { const first = menu.querySelector("button"); if (first) first.focus(); }
  }

  function wire() {
    els.composer.addEventListener("submit", (event) => {
      event.preventDefault();
      const text = els.input.value.trim();
      if (!text) { els.input.focus(); return; }
      els.input.value = "";
      sendText(text);
    });
    els.customer.addEventListener("change", () => selectCustomer(els.customer.value));
    els.number.addEventListener("change", () => {
      state.numberId = els.number.value;
      renderHeader();
      renderCustomers();
      loadChat().catch((e) => toast(e.message));
    });
    els.attachButton.addEventListener("click", (e) => { e.stopPropagation(); toggleMenu(els.attachMenu, els.attachButton); });
    els.menuButton.addEventListener("click", (e) => { e.stopPropagation(); toggleMenu(els.menu, els.menuButton); });
    els.attachMenu.addEventListener("click", (event) => {
      const button = event.target.closest("button[data-send]");
      if (!button) return;
      closeMenus();
      const type = button.dataset.send;
      sendInbound({ type, ...ATTACHMENTS[type] });
    });
    document.addEventListener("click", (event) => {
      if (!event.target.closest(".menu, .attach-menu")) closeMenus();
    });
    document.addEventListener("keydown", (event) => {
      if (event.key !== "Escape") return;
      closeMenus();
      closeList();
      clearReply();
      if (state.openTools) { state.openTools = null; render(); }
    });
    $("reply-cancel").addEventListener("click", clearReply);
    $("list-close").addEventListener("click", closeList);
    els.backdrop.addEventListener("click", closeList);
    els.listForm.addEventListener("submit", (event) => {
      event.preventDefault();
      const chosen = els.listForm.querySelector("input[name=row]:checked");
      const message = byId(els.listForm.dataset.messageId);
      closeList();
      if (chosen && message) sendInteractive(message, chosen.value);
    });
    els.marketing.addEventListener("click", async () => {
      closeMenus();
      const customer = currentCustomer();
      if (!customer) return;
      const action = customer.marketing_stopped_numbers.includes(state.numberId) ? "resume" : "stop";
      try {
        await post(`_sim/customers/${customer.wa_id}/marketing`, { action, phone_number_id: state.numberId });
        toast(action === "stop" ? `${customer.name} stopped marketing messages` : `${customer.name} resumed marketing messages`);
      } catch (error) { toast(error.message); }
    });
    $("reload-chat").addEventListener("click", () => { closeMenus(); loadChat().catch((e) => toast(e.message)); });
    $("add-customer-open").addEventListener("click", () => { closeMenus(); els.dialogError.textContent = ""; els.dialog.showModal(); });
    $("add-customer-cancel").addEventListener("click", () => els.dialog.close());
    els.dialogForm.addEventListener("submit", async (event) => {
      event.preventDefault();
      const form = new FormData(els.dialogForm);
      try {
        const customer = await post("_sim/customers", {
          name: form.get("name"), wa_id: form.get("wa_id"), language: form.get("language") || "",
          reachable: form.get("reachable") === "on",
        });
        els.dialog.close();
        els.dialogForm.reset();
        if (!state.customers.some((c) => c.wa_id === customer.wa_id)) state.customers.push(customer);
        selectCustomer(customer.wa_id);
      } catch (error) { els.dialogError.textContent = error.message; }
    });
    document.addEventListener("visibilitychange", queueReads);
  }

  async function start() {
    wire();
    state.config = await api("_sim/config");
    state.numberId = state.config.numbers[0].phone_number_id;
    renderHeader();
    await loadCustomers();
    await loadChat();
    connect();
  }

  start().catch((error) => toast(`The simulator is not reachable: ${error.message}`));
})();

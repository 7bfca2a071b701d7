// The web page: sign-up and log-in, content generation with live progress (STOMP), the notifications panel (SSE),
// the library with who else is editing an item (STOMP topic), and competitor trackers with a live chart.

import { api, apiResponse, ApiError, logIn, onSessionChange, signedIn, signOut, signUp } from './api.js';
import { connectUserQueues, watchTopic } from './live.js';
import { openNotificationStream } from './stream.js';
import { drawRankingChart } from './chart.js';

const $ = id => document.getElementById(id);
const TERMINAL = new Set(['COMPLETED', 'FAILED']);
const POLL_MS = 700;
const LIVE_GRACE_MS = 8000;

const state = {
  entered: false,
  me: null,
  live: null,
  stream: null,
  generation: { id: null, finished: false, polling: false, poller: null, watchdog: null },
  earlyProgress: new Map(),
  item: null,
  itemTopic: null,
  editors: new Map(),
  tracker: null,
  trackerTopic: null,
};

// ---------------------------------------------------------------- messages

function show(text, kind = 'error') {
  const message = $('message');
  message.textContent = text;
  message.dataset.kind = kind;
  message.hidden = !text;
}

function explain(error) {
  return error instanceof ApiError ? error.describe() : `Something went wrong: ${error.message}`;
}

async function busy(button, action) {
  button.disabled = true;
  try {
    show('');
    await action();
  } catch (error) {
    show(explain(error));
  } finally {
    button.disabled = false;
  }
}

function list(text) {
  return text.split(',').map(value => value.trim()).filter(Boolean);
}

function when(instant) {
  return instant ? new Date(instant).toLocaleString() : '';
}

function itemsOf(answer) {
  return Array.isArray(answer) ? answer : answer?.items || [];
}

// ---------------------------------------------------------------- sign-up, log-in, session

$('log-in-form').addEventListener('submit', event => {
  event.preventDefault();
  busy($('log-in-submit'), () => logIn($('log-in-email').value.trim(), $('log-in-password').value));
});

$('sign-up-form').addEventListener('submit', event => {
  event.preventDefault();
  busy($('sign-up-submit'), () => signUp($('sign-up-name').value.trim(), $('sign-up-email').value.trim(),
    $('sign-up-password').value));
});

$('log-out').addEventListener('click', () => signOut());

onSessionChange(session => {
  if (session && !state.entered) {
    enter();
  } else if (!session && state.entered) {
    leave();
  }
});

async function enter() {
  state.entered = true;
  try {
    state.me = await api('GET', '/api/v1/users/me');
  } catch (error) {
    show(explain(error));
    signOut();
    return;
  }
  $('account-name').textContent = state.me.displayName || state.me.email;
  $('signed-out').hidden = true;
  $('signed-in').hidden = false;
  $('account').hidden = false;
  state.live = connectUserQueues({
    generations: onGenerationMessage,
    alerts: onAlert,
  }, liveState => {
    $('live-state').dataset.state = liveState;
    $('live-state').textContent = liveState;
  });
  state.stream = openNotificationStream({
    onNotification: item => addNotification(item, 'stream'),
    onReload: loadInbox,
    onState: streamState => {
      $('stream-state').dataset.state = streamState;
      $('stream-state').textContent = streamState;
    },
  });
  loadLibrary();
  loadTrackers();
}

function leave() {
  state.entered = false;
  state.me = null;
  state.live?.close();
  state.stream?.close();
  closeItem();
  closeTracker();
  stopFollowing();
  $('notifications').replaceChildren();
  $('library-items').replaceChildren();
  $('signed-out').hidden = false;
  $('signed-in').hidden = true;
  $('account').hidden = true;
}

// ---------------------------------------------------------------- generation with live progress

$('content-type').addEventListener('change', () => {
  const type = $('content-type').value;
  for (const fieldset of document.querySelectorAll('#generate-form fieldset[data-for]')) {
    fieldset.hidden = !fieldset.dataset.for.split(' ').includes(type);
  }
});

function brief(type) {
  switch (type) {
    case 'social':
      return { topic: $('topic').value.trim(),
        platforms: [...document.querySelectorAll('input[name="platforms"]:checked')].map(box => box.value) };
    case 'listing':
      return { productName: $('product-name').value.trim(), features: list($('features').value),
        audience: $('audience').value.trim() };
    default:
      return { topic: $('topic').value.trim(), keywords: list($('keywords').value), length: $('length').value };
  }
}

$('generate-form').addEventListener('submit', event => {
  event.preventDefault();
  const type = $('content-type').value;
  busy($('generate-submit'), async () => {
    stopFollowing();
    resetProgress();
    $('generation-status').textContent = 'Sending…';
    $('generation-result').hidden = true;
    const accepted = await api('POST', `/api/v1/studio/content/${type}`, brief(type));
    follow(accepted.id);
  });
});

function resetProgress() {
  const bar = $('generation-progress');
  bar.value = 0;
  bar.dataset.progressLog = '';
  bar.dataset.progressSource = '';
  bar.dataset.status = '';
}

/** Follows a generation: by live messages when connected, else (or when they stay silent for a while) by polling. */
function follow(id) {
  state.generation = { id, finished: false, polling: false, poller: null, watchdog: null };
  $('generation-progress').dataset.generationId = id;
  $('generation-status').textContent = 'Accepted, waiting for the writer…';
  for (const message of state.earlyProgress.get(id) || []) {
    applyProgress(message, 'stomp');
  }
  state.earlyProgress.clear();
  if (state.generation.finished) {
    return;
  }
  if (state.live?.connected()) {
    state.generation.watchdog = setTimeout(() => poll(id), LIVE_GRACE_MS);
  } else {
    poll(id);
  }
}

function stopFollowing() {
  clearTimeout(state.generation.poller);
  clearTimeout(state.generation.watchdog);
}

async function poll(id) {
  if (state.generation.id !== id || state.generation.finished) {
    return;
  }
  state.generation.polling = true;
  try {
    const generation = await api('GET', `/api/v1/studio/generations/${encodeURIComponent(id)}`);
    applyProgress({ generationId: id, progress: generation.progress, status: generation.status }, 'poll');
  } catch (error) {
    show(explain(error));
  }
  if (state.generation.id === id && !state.generation.finished) {
    state.generation.poller = setTimeout(() => poll(id), POLL_MS);
  }
}

function onGenerationMessage(message) {
  if (!message.generationId) {
    return;
  }
  if (message.generationId !== state.generation.id) {
    // It may arrive before the answer to the POST: kept until the page knows the id.
    const early = state.earlyProgress.get(message.generationId) || [];
    early.push(message);
    state.earlyProgress.set(message.generationId, early.slice(-50));
    return;
  }
  applyProgress(message, 'stomp');
  if (!state.generation.finished && !state.generation.polling) {
    clearTimeout(state.generation.watchdog);
    state.generation.watchdog = setTimeout(() => poll(message.generationId), LIVE_GRACE_MS);
  }
}

function applyProgress({ progress, status }, source) {
  if (state.generation.finished) {
    return;
  }
  const bar = $('generation-progress');
  const value = Math.max(0, Math.min(100, Number(progress) || 0));
  const log = bar.dataset.progressLog ? bar.dataset.progressLog.split(',').map(Number) : [];
  // The bar never goes back: a poll may have read a value a late live message repeats.
  if (log.length === 0 || value > log[log.length - 1]) {
    log.push(value);
    bar.dataset.progressLog = log.join(',');
  }
  if (source === 'stomp' || !bar.dataset.progressSource) {
    bar.dataset.progressSource = source;
  }
  bar.dataset.status = status || '';
  bar.value = Math.max(bar.value, value);
  $('generation-status').textContent = status === 'FAILED' ? 'Failed.'
    : status === 'COMPLETED' ? 'Done: 100 %.' : `Writing… ${value} %`;
  if (TERMINAL.has(status)) {
    state.generation.finished = true;
    stopFollowing();
    showResult(state.generation.id);
    loadLibrary();
  }
}

async function showResult(id) {
  const generation = await api('GET', `/api/v1/studio/generations/${encodeURIComponent(id)}`);
  const result = $('generation-result');
  result.replaceChildren();
  if (generation.status === 'FAILED') {
    result.textContent = generation.failureReason || 'The generation failed.';
  } else if (generation.content) {
    const heading = document.createElement('h3');
    heading.textContent = generation.content.title || 'Generated';
    const body = document.createElement('pre');
    body.textContent = generation.content.body || generation.content.description
      || (generation.content.posts || []).map(post => `${post.platform}: ${post.text}`).join('\n\n')
      || (generation.content.bullets || []).join('\n');
    result.append(heading, body);
  }
  result.hidden = false;
}

// ---------------------------------------------------------------- notifications (SSE)

async function loadInbox() {
  try {
    const inbox = itemsOf(await api('GET', '/api/v1/notifications'));
    for (const item of [...inbox].reverse()) {
      addNotification(item, 'inbox');
    }
  } catch (error) {
    show(explain(error));
  }
}

function addNotification(item, source) {
  if (!item?.id) {
    return;
  }
  const panel = $('notifications');
  if (panel.querySelector(`li[data-id="${CSS.escape(item.id)}"]`)) {
    return;
  }
  const entry = document.createElement('li');
  entry.dataset.id = item.id;
  entry.dataset.type = item.type || '';
  entry.dataset.source = source;
  entry.dataset.read = String(Boolean(item.read));
  const title = document.createElement('strong');
  title.textContent = item.title || item.type;
  const body = document.createElement('span');
  body.textContent = item.body ? ` ${item.body}` : '';
  const meta = document.createElement('span');
  meta.className = 'meta';
  meta.textContent = `${item.type || ''} · ${when(item.createdAt)}`;
  entry.append(title, body, meta);
  panel.prepend(entry);
  if (source === 'stream' && item.type === 'library.content.saved') {
    loadLibrary();
  }
}

function onAlert(alert) {
  show(alert.message || 'A market alert was raised.', 'info');
}

// ---------------------------------------------------------------- library, editing, presence

$('library-reload').addEventListener('click', () => loadLibrary());

async function loadLibrary() {
  try {
    const items = itemsOf(await api('GET', '/api/v1/library/items?limit=20'));
    const entries = items.map(item => {
      const entry = document.createElement('li');
      entry.dataset.id = item.id;
      const title = document.createElement('strong');
      title.textContent = item.title || '(untitled)';
      const meta = document.createElement('span');
      meta.className = 'meta';
      meta.textContent = `${item.type} · ${when(item.createdAt)}`;
      const open = document.createElement('button');
      open.type = 'button';
      open.textContent = 'Edit';
      open.setAttribute('aria-label', `Edit ${item.title || 'item'}`);
      open.addEventListener('click', () => openItem(item.id));
      entry.append(title, meta, open);
      return entry;
    });
    $('library-items').replaceChildren(...entries);
  } catch (error) {
    show(explain(error));
  }
}

async function openItem(id) {
  closeItem();
  const answer = await apiResponse('GET', `/api/v1/library/items/${encodeURIComponent(id)}`);
  if (answer.status !== 200) {
    show('That item is gone.');
    loadLibrary();
    return;
  }
  state.item = answer.body;
  $('item-title').value = state.item.title || '';
  $('item-body').value = state.item.body || '';
  $('item-editor').hidden = false;
  $('item-editor').dataset.itemId = id;
  renderPresence();
  state.itemTopic = watchTopic(`/topic/library/items/${id}`, onItemMessage, topicState => {
    $('item-editor').dataset.live = topicState;
    if (topicState === 'refused' || topicState === 'unavailable') {
      $('presence').textContent = 'Live editing information is not available for this item.';
    }
  });
}

function closeItem() {
  state.itemTopic?.close();
  state.itemTopic = null;
  state.item = null;
  state.editors.clear();
  $('item-editor').hidden = true;
}

function onItemMessage(message) {
  if (message.type === 'presence' && message.userId && message.userId !== state.me?.id) {
    if (message.present) {
      state.editors.set(message.userId, message.displayName || message.userId);
    } else {
      state.editors.delete(message.userId);
    }
    renderPresence();
  } else if (message.type === 'edit' && message.editorId !== state.me?.id && state.item
      && message.version > state.item.version) {
    show(`Someone saved a newer version (${message.version}) of this item: reopen it before saving.`, 'info');
  }
}

function renderPresence() {
  const presence = $('presence');
  const names = [...state.editors.values()];
  presence.dataset.others = String(names.length);
  presence.textContent = names.length === 0 ? 'Nobody else is editing.'
    : `Also editing: ${names.join(', ')}`;
}

$('item-close').addEventListener('click', () => closeItem());

$('item-editor').addEventListener('submit', event => {
  event.preventDefault();
  const item = state.item;
  if (!item) {
    return;
  }
  busy($('item-save'), async () => {
    state.item = await api('PUT', `/api/v1/library/items/${encodeURIComponent(item.id)}`,
      { title: $('item-title').value, body: $('item-body').value }, { 'If-Match': `"${item.version}"` });
    show('Saved.', 'info');
    loadLibrary();
  });
});

// ---------------------------------------------------------------- competitor trackers and their chart

const TRACKERS = '/api/v1/research/trackers';

async function loadTrackers() {
  let answer;
  try {
    answer = await apiResponse('GET', TRACKERS);
  } catch {
    answer = { status: 0 };
  }
  const available = answer.status === 200;
  $('research-unavailable').hidden = available;
  $('research-content').hidden = !available;
  if (!available) {
    return;
  }
  const entries = itemsOf(answer.body).map(tracker => {
    const entry = document.createElement('li');
    entry.dataset.id = tracker.id;
    const keyword = document.createElement('strong');
    keyword.textContent = tracker.keyword;
    const meta = document.createElement('span');
    meta.className = 'meta';
    meta.textContent = (tracker.competitors || []).join(', ') || 'no competitors';
    const open = document.createElement('button');
    open.type = 'button';
    open.textContent = 'Chart';
    open.setAttribute('aria-label', `Chart of ${tracker.keyword}`);
    open.addEventListener('click', () => openTracker(tracker));
    entry.append(keyword, meta, open);
    return entry;
  });
  $('trackers').replaceChildren(...entries);
}

$('tracker-form').addEventListener('submit', event => {
  event.preventDefault();
  busy(event.submitter || $('tracker-form').querySelector('button'), async () => {
    const tracker = await api('POST', TRACKERS,
      { keyword: $('tracker-keyword').value.trim(), competitors: list($('tracker-competitors').value) });
    await loadTrackers();
    if (tracker?.id) {
      openTracker(tracker);
    }
  });
});

async function openTracker(tracker) {
  closeTracker();
  state.tracker = tracker;
  $('tracker-chart').hidden = false;
  await drawTracker();
  state.trackerTopic = watchTopic(`/topic/research/trackers/${tracker.id}`, () => drawTracker());
}

function closeTracker() {
  state.trackerTopic?.close();
  state.trackerTopic = null;
  state.tracker = null;
  $('tracker-chart').hidden = true;
}

async function drawTracker() {
  const tracker = state.tracker;
  if (!tracker) {
    return;
  }
  const answer = await apiResponse('GET', `${TRACKERS}/${encodeURIComponent(tracker.id)}/rankings?limit=50`);
  const snapshots = itemsOf(answer.body);
  const sample = [tracker, answer.body, ...snapshots].some(part => part?.source === 'sample');
  const caption = $('tracker-chart-caption');
  caption.textContent = `Ranking for “${tracker.keyword}” over time `;
  if (sample) {
    const label = document.createElement('span');
    label.className = 'sample-label';
    label.textContent = 'sample data, not real rankings';
    caption.append(label);
  }
  drawRankingChart($('tracker-chart-plot'), snapshots, `Ranking positions for ${tracker.keyword}`);
}

$('tracker-refresh').addEventListener('click', event => {
  const tracker = state.tracker;
  if (tracker) {
    busy(event.currentTarget, async () => {
      await api('POST', `${TRACKERS}/${encodeURIComponent(tracker.id)}/refresh`);
      await drawTracker();
    });
  }
});

// ---------------------------------------------------------------- start

if (signedIn()) {
  enter();
}
document.body.dataset.ready = 'true';

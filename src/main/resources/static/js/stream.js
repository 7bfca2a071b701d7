// The notification stream: server-sent events through EventSource, opened with a single-use ticket (an EventSource
// cannot send the Authorization header). A ticket is spent once used, so on an error the stream is closed and opened
// again with a new ticket; the inbox is reloaded then, since a new EventSource does not carry the last event id.

import { api } from './api.js';

const STREAM = '/api/v1/notifications/stream';
const REOPEN_DELAY_MS = 2000;

// Events are named by the notification's type; EventSource delivers named events only to listeners of that name.
export const NOTIFICATION_TYPES = ['library.content.saved', 'ai.generation.failed', 'ai.usage.limit.reached',
  'research.market.alert', 'research.ranking.changed', 'background.job.completed', 'brand.audit.completed'];

/**
 * Opens the stream. onNotification(item) for each notification, onReload() when the inbox must be read again
 * (first opening, reset, reopening), onState('open' | 'closed').
 */
export function openNotificationStream({ onNotification, onReload, onState }) {
  let source = null;
  let timer = null;
  let stopped = false;

  const deliver = event => {
    try {
      onNotification(JSON.parse(event.data));
    } catch {
      // not a notification: ignore
    }
  };

  async function open() {
    if (stopped) {
      return;
    }
    try {
      const { ticket } = await api('POST', `${STREAM}/tickets`);
      if (stopped) {
        return;
      }
      source = new EventSource(`${STREAM}?ticket=${encodeURIComponent(ticket)}`);
      source.addEventListener('open', () => {
        onState('open');
        onReload();
      });
      for (const type of NOTIFICATION_TYPES) {
        source.addEventListener(type, deliver);
      }
      source.addEventListener('message', deliver);
      source.addEventListener('reset', () => onReload());
      source.addEventListener('error', () => {
        source.close();
        onState('closed');
        schedule();
      });
    } catch {
      onState('closed');
      schedule();
    }
  }

  function schedule() {
    if (!stopped) {
      clearTimeout(timer);
      timer = setTimeout(open, REOPEN_DELAY_MS);
    }
  }

  open();
  return {
    close() {
      stopped = true;
      clearTimeout(timer);
      source?.close();
      onState('closed');
    },
  };
}

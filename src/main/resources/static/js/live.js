// Live messages over STOMP on /ws (STOMP 1.2 over a WebSocket to the same origin), through @stomp/stompjs's UMD
// bundle (window.StompJs). The access token goes in the CONNECT frame; each (re)connection fetches a fresh one.
//
// A subscription asks for a receipt: the server answers it once messages to that destination will reach the page.
//
// The user's own queues share one connection. Each topic (a tracker, a library item) gets a connection of its own:
// a refused subscription ends a STOMP connection with an ERROR frame, and must not take the user's queues with it.

import { accessToken } from './api.js';

const RECONNECT_DELAY_MS = 2000;

function brokerUrl() {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/ws`;
}

function stompAvailable() {
  return typeof window.StompJs !== 'undefined';
}

function client({ onConnect, onState, reconnect }) {
  const stomp = new window.StompJs.Client({
    brokerURL: brokerUrl(),
    reconnectDelay: reconnect ? RECONNECT_DELAY_MS : 0,
    heartbeatIncoming: 10_000,
    heartbeatOutgoing: 10_000,
    beforeConnect: async () => {
      stomp.connectHeaders = { Authorization: `Bearer ${await accessToken()}` };
    },
  });
  stomp.onConnect = () => {
    onState('online');
    onConnect(stomp);
  };
  stomp.onStompError = frame => onState('refused', frame.headers.message);
  stomp.onWebSocketClose = () => onState('offline');
  stomp.onWebSocketError = () => onState('offline');
  stomp.activate();
  return stomp;
}

function json(message) {
  try {
    return JSON.parse(message.body);
  } catch {
    return null;
  }
}

/**
 * The user's queues: handlers by queue name ('generations', 'notifications', 'alerts'). Answers an object with
 * connected() and close().
 */
export function connectUserQueues(handlers, onState) {
  if (!stompAvailable()) {
    onState('unavailable');
    return { connected: () => false, close: () => {} };
  }
  let online = false;
  const stomp = client({
    reconnect: true,
    onState: state => {
      // 'online' only once every subscription is confirmed (below): from then on no message is missed.
      if (state !== 'online') {
        online = false;
        onState(state);
      }
    },
    onConnect: connection => {
      const pending = new Set();
      const confirmed = receipt => {
        pending.delete(receipt);
        if (pending.size === 0 && !online) {
          online = true;
          onState('online');
        }
      };
      for (const [queue, handler] of Object.entries(handlers)) {
        const receipt = `${queue}-${Date.now()}`;
        pending.add(receipt);
        connection.watchForReceipt(receipt, () => confirmed(receipt));
        connection.subscribe(`/user/queue/${queue}`, message => {
          const payload = json(message);
          if (payload) {
            handler(payload);
          }
        }, { receipt });
      }
    },
  });
  return { connected: () => online, close: () => stomp.deactivate() };
}

/**
 * One topic on a connection of its own, e.g. '/topic/library/items/42'. onState('subscribed') once the server
 * confirmed the subscription; a refused one is reported through onState('refused', reason) and not retried.
 * Answers an object with close().
 */
export function watchTopic(destination, onMessage, onState = () => {}) {
  if (!stompAvailable()) {
    onState('unavailable');
    return { close: () => {} };
  }
  let refused = false;
  const stomp = client({
    reconnect: true,
    onState: (state, reason) => {
      if (state === 'refused') {
        refused = true;
        stomp.reconnectDelay = 0;
        stomp.deactivate();
      }
      if (!refused || state === 'refused') {
        onState(state, reason);
      }
    },
    onConnect: connection => {
      const receipt = `topic-${Date.now()}`;
      connection.watchForReceipt(receipt, () => onState('subscribed'));
      connection.subscribe(destination, message => {
        const payload = json(message);
        if (payload) {
          onMessage(payload);
        }
      }, { receipt });
    },
  });
  return { close: () => stomp.deactivate() };
}

/** Trace context carried across threads. */
package app.platform.tracing;

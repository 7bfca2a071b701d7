/**
 * Amazon EventBridge out: {@code @Externalized} events leave the application through PutEvents, batched, size
 * checked at publication and retried with backoff, so that a module extracted to AWS Lambda keeps receiving them.
 */
package app.platform.eventbridge;

/**
 * The event publication registry on DynamoDB: publications of a transaction are committed with its aggregate
 * (through the aggregate's outbox), then tracked through Spring Modulith's lifecycle until every listener has
 * completed.
 */
package app.platform.events;

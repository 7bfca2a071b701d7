/**
 * What operators need of a running instance: where to find it once it is ready, and a liveness that turns
 * {@code DOWN} when the instance stops taking requests, so its platform replaces it.
 */
package app.platform.operations;

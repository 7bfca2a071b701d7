/**
 * The steps of a saga kept on its owner's aggregate: each step's status, deadline and reason, and the saga's status
 * derived from them by the saga's rules (decisive steps, compensations, steps retried forward).
 */
package app.platform.saga;

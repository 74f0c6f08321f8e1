/**
 * DynamoDB access: the single table's keys (Keys), one store per record with its static schema,
 * transactions, running aggregates, cursors and list queries.
 *
 * <p>May depend on: aggregates, domain, json, problem.
 */
package org.whatmatters.data;

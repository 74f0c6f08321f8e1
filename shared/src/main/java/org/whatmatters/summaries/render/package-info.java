/**
 * Summaries and dashboards as CSV and self-contained HTML with SVG charts.
 *
 * <p>May depend on: domain, summaries, text.
 */
package org.whatmatters.summaries.render;

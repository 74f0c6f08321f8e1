/**
 * The rota: a person's recurring schedule turned into planned visits, day by day in the provider's zone.
 *
 * <p>May depend on: domain, validation.
 */
package org.whatmatters.rota;

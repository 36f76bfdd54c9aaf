/**
 * Concurrency helpers shared by the stages: a parallel loop whose failures never escape while work is in flight.
 */
package org.mcpcatalogue.concurrent;

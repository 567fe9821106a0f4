/**
 * Operations: what a node tells about its engine's backlog (for metrics, health and load shedding) and the limits
 * under load. Other features use {@link dev.fapiaoflow.operations.EngineBacklog} and
 * {@link dev.fapiaoflow.operations.LoadProperties}.
 */
package dev.fapiaoflow.operations;

package dev.fapiaoflow.modeling;

/**
 * Something in a model that blocks its deployment, with the id of the element it belongs to (null for the whole file).
 *
 * @param kind {@code PARSE}, {@code NOT_EXECUTABLE}, {@code UNKNOWN_BEAN}, {@code UNKNOWN_CLASS}, {@code UNKNOWN_DECISION},
 *             {@code UNKNOWN_PROCESS}, {@code UNKNOWN_FORM}, {@code NO_CANDIDATE_GROUP}, {@code UNKNOWN_USER},
 *             {@code UNKNOWN_GROUP}, {@code DECISION_CASE_FAILED} (Check only); refused by the model sandbox:
 *             {@code EXPRESSION_REFUSED}, {@code CLASS_REFUSED}, {@code SCRIPT_REFUSED}, {@code LANGUAGE_REFUSED},
 *             {@code RESOURCE_REFUSED}
 */
public record ModelProblem(String elementId, String kind, String message) {
}

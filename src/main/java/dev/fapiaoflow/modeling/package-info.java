/**
 * Modeling: process owners open the deployed BPMN, DMN and form models in the browser (bpmn.io editors), check a
 * change against what exists (beans, decisions, processes, forms, groups, the decision cases), deploy it as a new
 * version with a comment, compare versions, roll back and migrate running instances; Flowable models are translated on
 * import; the model files of {@code bpmn/}, {@code dmn/}, {@code forms/} are deployed at start-up only when they changed.
 * Other features may listen to {@link dev.fapiaoflow.modeling.ModelDeployed}; {@code internal} holds the rest.
 */
package dev.fapiaoflow.modeling;

/**
 * What a person may write into a running process: completing a user task (the app's task pages, Camunda Tasklist,
 * {@code /engine-rest}) sets only the fields its form declares, with their types; process variables outside a task
 * form are changed by process owners and administrators only. Enforced inside the engine, by a command interceptor
 * ({@link dev.fapiaoflow.taskform.TaskFormPlugin}), so every door is covered at once.
 */
package dev.fapiaoflow.taskform;

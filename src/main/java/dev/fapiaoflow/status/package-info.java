/**
 * System status (系统状态): the public status page, maintenance windows an administrator posts, the banner every page
 * shows during one, and the verification API's 503 while it lasts. Others use {@link dev.fapiaoflow.status.MaintenanceWindows}.
 */
package dev.fapiaoflow.status;

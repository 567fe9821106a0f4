/**
 * Issue 16: uploads parse nothing dangerous. One place for the XML parser settings every parser in the application
 * uses ({@link dev.fapiaoflow.shared.upload.SafeXml}), and one reader of zip containers (OFD, XLSX) whose limits are
 * checked while it reads ({@link dev.fapiaoflow.shared.upload.BoundedZip}); a refusal is an
 * {@link dev.fapiaoflow.shared.upload.UploadRejected}, answered 422 or 413 in the caller's language.
 */
package dev.fapiaoflow.shared.upload;

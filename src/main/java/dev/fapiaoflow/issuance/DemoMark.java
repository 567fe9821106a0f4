package dev.fapiaoflow.issuance;

/**
 * The words every local-mode (demonstration) invoice carries on each page of its PDF and OFD and in its mail: such an
 * invoice is numbered and rendered by FapiaoFlow, never issued by the tax authority, so none may pass for a lawful
 * invoice. Platform-mode invoices carry the platform's own documents, unchanged and unmarked.
 */
public final class DemoMark {

    public static final String TEXT = "演示样票 — 非税务机关开具，不作报销凭证";

    private DemoMark() {
    }
}

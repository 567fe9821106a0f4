package dev.fapiaoflow.platform;

import java.util.List;
import java.util.Optional;

/**
 * The e-invoice platform's company lookup (企业名称联想), where the configured platform offers one: a bean only in
 * platform mode; in local mode there is none, and only the customer's saved titles are suggested. Nuonuo's is two
 * methods (see {@code internal.NuonuoCompanyMessages}): names by a part of the name or tax ID, then one company's
 * invoicing details by the code the first answered. Every call is a signed platform call that costs money and counts
 * against the platform's rate; failures are thrown as by {@link PlatformClient}.
 */
public interface CompanyLookup {

    /** companies whose name (or tax ID) matches the keyword, best first; each with the code {@link #byCode} takes */
    List<CompanyMatch> byKeyword(String keyword);

    /** one company's invoicing details; empty when the platform does not know the code */
    Optional<CompanyInfo> byCode(String code);

    record CompanyMatch(String code, String name) {
    }

    /**
     * What the platform knows of a company; absent fields are null. A bank account the platform shows masked (e.g.
     * {@code 1202005909900******}) is left out: it cannot be printed on an invoice. {@code generalTaxpayer}: true for
     * 一般纳税人, false for 小规模 or 个体工商户, null when not said.
     */
    record CompanyInfo(String code, String name, String taxId, String address, String phone, String bankName,
            String bankAccount, Boolean generalTaxpayer) {

        /** Keeps names, tax IDs and accounts out of logs. */
        @Override
        public String toString() {
            return "CompanyInfo[code=" + code + ", other fields masked]";
        }
    }
}

package dev.fapiaoflow.platform.internal;

/**
 * Request and answer fixtures of the platform's company lookup (see {@link NuonuoCompanyMessages} for the sources):
 * requests are our content for a keyword and a code; answers carry the field names of the public SDKs' models with
 * the example values of the same documentation (浙江爱信诺航天信息有限公司, its tax ID, code ZJHTXX, address, phone,
 * bank, and the bank account as the platform shows it, masked: 1202005909900******).
 */
final class NuonuoCompanyFixtures {

    private NuonuoCompanyFixtures() {
    }

    /* nuonuo.speedBilling.prefixQuery: the keyword is the private parameter q */
    static final String PREFIX_QUERY_REQUEST = """
            {"q": "爱信诺"}
            """;

    /* its answer: S0000 and a list of code, name, name_length */
    static final String PREFIX_QUERY_ANSWER = """
            {"code": "S0000", "describe": "查询成功",
             "result": [{"code": "ZJHTXX", "name": "浙江爱信诺航天信息有限公司", "name_length": 13}]}
            """;

    /* nuonuo.speedBilling.queryNameAndTaxByCode: the 6-character invoicing code */
    static final String BY_CODE_REQUEST = """
            {"code": "ZJHTXX"}
            """;

    /*
     * its answer: kpCode, code, kpName, systype (the Go client's model) and the 开票信息 fields as the PHP SDK names them
     * (kpAddr, kpTel, accountBlank, bankAccount, taxFlag), with that documentation's example values
     */
    static final String BY_CODE_ANSWER = """
            {"code": "S0000", "describe": "获取开票信息成功",
             "result": {"kpCode": "91330000692368905R", "code": "ZJHTXX", "kpName": "浙江爱信诺航天信息有限公司",
                        "systype": "1", "kpAddr": "杭州市万塘路30号12幢2楼", "kpTel": "0571-85022017",
                        "accountBlank": "杭州工行古荡支行", "bankAccount": "1202005909900******", "taxFlag": "0"}}
            """;

    /* an unknown code: S0101 开票信息不存在 */
    static final String BY_CODE_UNKNOWN_ANSWER = """
            {"code": "S0101", "describe": "开票信息不存在"}
            """;
}

package dev.fapiaoflow.buyer;

/** Test fixtures: buyers whose tax IDs pass the check-character rule. */
final class Buyers {

    static final String COMPANY_TAX_ID = "91110108351303601C";

    private Buyers() {
    }

    static BuyerDetails person(String name) {
        return new BuyerDetails(BuyerType.PERSONAL, name, null, null, null, null, null, null, null);
    }

    static BuyerDetails company() {
        return company("北京某某科技有限公司");
    }

    static BuyerDetails company(String title) {
        return new BuyerDetails(BuyerType.ENTERPRISE, title, COMPANY_TAX_ID, "北京市海淀区中关村南大街5号",
                "010-12345678", "招商银行北京分行", "110912345610801", "ap@example.com", TaxpayerKind.GENERAL);
    }
}

package dev.fapiaoflow.platform.internal;

/**
 * Request and answer fixtures of Nuonuo's 诺税通 SaaS open API, one pair per method. Requests are what we send for a
 * given order, written out field by field from the method's documented private request parameters; answers are the
 * documentation's own response examples (where the example leaves out a documented field we read, the field is added
 * with the example value of the documentation's parameter table, and the comment says so).
 */
final class NuonuoFixtures {

    private NuonuoFixtures() {
    }

    /*
     * nuonuo.OpeMplatform.requestBillingNew (诺税通saas请求开具发票接口, V2.0), private request parameters "order" and
     * "invoiceDetail": https://open.nuonuo.com (API文档, method nuonuo.OpeMplatform.requestBillingNew)
     * (field table mirrored in https://github.com/ZUOXIANGE/NuoNuoSdk/blob/5577f1cf7458a1a840fc24e47adaec5d730c2a18/docs/请求开具发票接口(2.0)接口对接文档.pdf;
     * 数电 invoiceLine codes pc/bs: https://open.nuonuo.com (API文档, method nuonuo.OpeMplatform.saveInvoiceRedConfirm)).
     * A 数电普票 (pc) to a person for one 6% training course, 1999.00 tax included, price without tax, not pushed.
     */
    static final String ISSUE_ORDINARY_REQUEST = """
            {"order": {
              "buyerName": "爱丽丝", "buyerTaxNum": "", "buyerTel": "", "buyerAddress": "", "buyerAccount": "",
              "salerTaxNum": "91110108MA01ABCD2H", "salerTel": "010-88886666", "salerAddress": "北京市海淀区中关村大街1号",
              "salerAccount": "中国工商银行北京中关村支行 0200001234567890123",
              "orderNo": "FF1024P1", "invoiceDate": "2026-11-02 10:15:00", "clerk": "张会计", "remark": "",
              "pushMode": "-1", "invoiceType": "1", "invoiceLine": "pc",
              "invoiceDetail": [
                {"goodsName": "*非学历教育服务*Python 入门课", "goodsCode": "3070201020000000000", "withTaxFlag": "0",
                 "price": "1885.85", "num": "1", "unit": "", "tax": "113.15", "taxRate": "0.06",
                 "taxExcludedAmount": "1885.85", "taxIncludedAmount": "1999.00", "invoiceLineProperty": "0"}
              ]}}
            """;

    /*
     * Same source as ISSUE_ORDINARY_REQUEST: a 数电专票 (bs) to a general-taxpayer company with its address, phone and
     * bank, a 6% course line and a 9% book line.
     */
    static final String ISSUE_SPECIAL_REQUEST = """
            {"order": {
              "buyerName": "北京某某科技有限公司", "buyerTaxNum": "91110108351303601C", "buyerTel": "010-12345678",
              "buyerAddress": "北京市海淀区知春路1号", "buyerAccount": "中国银行北京分行 1234567890",
              "salerTaxNum": "91110108MA01ABCD2H", "salerTel": "010-88886666", "salerAddress": "北京市海淀区中关村大街1号",
              "salerAccount": "中国工商银行北京中关村支行 0200001234567890123",
              "orderNo": "FF2048P1", "invoiceDate": "2026-11-03 09:00:00", "clerk": "张会计", "remark": "合同 HT-7",
              "pushMode": "-1", "invoiceType": "1", "invoiceLine": "bs",
              "invoiceDetail": [
                {"goodsName": "*非学历教育服务*企业内训", "goodsCode": "3070201020000000000", "withTaxFlag": "0",
                 "price": "471.7", "num": "2", "unit": "课时", "tax": "56.60", "taxRate": "0.06",
                 "taxExcludedAmount": "943.40", "taxIncludedAmount": "1000.00", "invoiceLineProperty": "0"},
                {"goodsName": "*图书*Python 教程", "goodsCode": "1060201010000000000", "withTaxFlag": "0",
                 "price": "100", "num": "1", "unit": "本", "tax": "9.00", "taxRate": "0.09",
                 "taxExcludedAmount": "100.00", "taxIncludedAmount": "109.00", "invoiceLineProperty": "0"}
              ]}}
            """;

    /* requestBillingNew 响应示例, verbatim from the same documentation page. */
    static final String ISSUE_ANSWER = """
            {"code": "E0000", "describe": "开票提交成功", "result": {"invoiceSerialNum": "20160108165823395151"}}
            """;

    /* requestBillingNew 返回码说明: E9106 订单编号或流水号不能重复 (same page). */
    static final String ISSUE_DUPLICATE_ANSWER = """
            {"code": "E9106", "describe": "订单编号或流水号不能重复"}
            """;

    /*
     * nuonuo.OpeMplatform.queryInvoiceResult (诺税通saas发票详情查询接口, V2.0):
     * https://open.nuonuo.com (API文档, method nuonuo.OpeMplatform.queryInvoiceResult) (mirrored in
     * https://github.com/ZUOXIANGE/NuoNuoSdk/blob/5577f1cf7458a1a840fc24e47adaec5d730c2a18/docs/开票结果查询接口接口对接文档.pdf). Request: orderNos and
     * isOfferInvoiceDetail as documented.
     */
    static final String QUERY_REQUEST = """
            {"orderNos": ["FF1024P1"], "isOfferInvoiceDetail": "0"}
            """;

    /*
     * The 响应示例 of the same page, orderNo set to ours and invoiceItems left out; allElectronicInvoiceNumber,
     * orderAmount and ofdUrl are not in the example and carry the parameter table's example values.
     */
    static final String QUERY_ANSWER = """
            {"code": "E0000", "describe": "获取成功", "result": [
              {"serialNo": "19010211130401000006", "orderNo": "FF1024P1", "status": "2", "statusMsg": "开票完成（最终状态）",
               "failCause": "", "pdfUrl": "https://invtest.jss.com.cn/group1/M00/0D/A4/wKjScVwsK6CAFzLgAABsVO-OKaE630.pdf",
               "pictureUrl": "nnfpkf.jss.com.cn/ArQ6dFE3-9o5x4B", "invoiceTime": 1546398919000, "invoiceCode": "",
               "invoiceNo": "22310000000000000001", "allElectronicInvoiceNumber": "22310000000000000001",
               "exTaxAmount": "0.38", "taxAmount": "0.02", "orderAmount": "0.40", "payerName": "个人2",
               "payerTaxNo": "110101TRDX8RQU1", "invoiceKind": "电子发票(普通发票)", "checkCode": "",
               "ofdUrl": "https://invtest.jss.com.cn/group1/M00/0D/A4/wKjScVwsK6CAFzLgAABsVO-OKaE630.ofd"}
            ]}
            """;

    /* Same page, status 22 开票失败 with its failCause: a final failure, not to be queried again. */
    static final String QUERY_FAILED_ANSWER = """
            {"code": "E0000", "describe": "获取成功", "result": [
              {"serialNo": "19010211130401000007", "orderNo": "FF1025P1", "status": "22", "statusMsg": "开票失败",
               "failCause": "税率不合法"}
            ]}
            """;

    /*
     * nuonuo.OpeMplatform.saveInvoiceRedConfirm (诺税通saas红字确认单申请接口, V2.0):
     * https://open.nuonuo.com (API文档, method nuonuo.OpeMplatform.saveInvoiceRedConfirm). The seller (applySource
     * 0) reverses all of the 数电普票 of ISSUE_ORDINARY_REQUEST (no detail), reason 2 开票有误; orderNo makes the platform
     * issue the red invoice under our serial once no confirmation is needed.
     */
    static final String RED_CONFIRM_APPLY_REQUEST = """
            {"billId": "FFRC7N1", "blueInvoiceLine": "pc", "applySource": "0",
             "blueElecInvoiceNumber": "26118000000000000042", "sellerTaxNo": "91110108MA01ABCD2H",
             "sellerName": "北京启明在线教育科技有限公司", "buyerTaxNo": "", "buyerName": "爱丽丝", "redReason": "2",
             "orderNo": "FFR7N1", "autoInvoice": "1"}
            """;

    /* Same page: a partial reversal names the blue line (blueDetailIndex) and the negative amounts, reason 1 销货退回. */
    static final String RED_CONFIRM_APPLY_PARTIAL_REQUEST = """
            {"billId": "FFRC8N1", "blueInvoiceLine": "bs", "applySource": "0",
             "blueElecInvoiceNumber": "26118000000000000043", "sellerTaxNo": "91110108MA01ABCD2H",
             "sellerName": "北京启明在线教育科技有限公司", "buyerTaxNo": "91110108351303601C", "buyerName": "北京某某科技有限公司",
             "redReason": "1", "orderNo": "FFR8N1", "autoInvoice": "1",
             "detail": [{"blueDetailIndex": "2", "goodsName": "*图书*Python 教程", "taxExcludedAmount": "-100.00",
                         "taxAmount": "-9.00", "taxRate": "0.09", "goodsCode": "1060201010000000000"}]}
            """;

    /*
     * Same page: the red-letter confirmation of a 数电 paper special invoice names the blue invoice's own kind,
     * blueInvoiceLine "es:全电纸质发票(增值税专用发票)" (ec for an ordinary one), never the electronic "bs".
     */
    static final String RED_CONFIRM_APPLY_PAPER_REQUEST = """
            {"billId": "FFRC9N1", "blueInvoiceLine": "es", "applySource": "0",
             "blueElecInvoiceNumber": "26118000000000000044", "sellerTaxNo": "91110108MA01ABCD2H",
             "sellerName": "北京启明在线教育科技有限公司", "buyerTaxNo": "91110108351303601C", "buyerName": "北京某某科技有限公司",
             "redReason": "2", "orderNo": "FFR9N1", "autoInvoice": "1"}
            """;

    /*
     * nuonuo.OpeMplatform.fastInvoiceRed (诺税通saas发票快捷冲红接口, V2.0): "用于数电纸票快捷冲红" (the platform issues the
     * red of a pc/bs invoice by itself once the confirmation allows it); fields as the Go SDK of the same API models
     * them: orderNo, orderTime, taxNum (销方企业税号, 需要校验与开放平台头部报文中的税号一致), elecInvoiceNumber (蓝票为数电票时),
     * billNo (红字确认单编号, 全电红票必传), invoiceLine (全电发票票种) — here the paper blue invoice's es.
     */
    static final String FAST_RED_PAPER_REQUEST = """
            {"orderNo": "FFR9N1", "orderTime": "2026-11-02 10:15:00", "taxNum": "91110108MA01ABCD2H",
             "elecInvoiceNumber": "26118000000000000044", "billNo": "1403011906000994", "invoiceLine": "es"}
            """;

    /* Same page, 响应参数: result.invoiceSerialNum, the platform's serial of the red invoice. */
    static final String FAST_RED_ANSWER = """
            {"code": "E0000", "describe": "开票提交成功", "result": {"invoiceSerialNum": "23010311130401000009"}}
            """;

    /* Same page, 响应参数: result is the 红字确认单申请号 (example value of the table). */
    static final String RED_CONFIRM_APPLY_ANSWER = """
            {"code": "E0000", "describe": "成功", "result": "13123123123123123"}
            """;

    /*
     * nuonuo.OpeMplatform.queryInvoiceRedConfirm (诺税通saas红字确认单查询接口, V2.0):
     * https://open.nuonuo.com (API文档, method nuonuo.OpeMplatform.queryInvoiceRedConfirm); identity 0 销方.
     */
    static final String RED_CONFIRM_QUERY_REQUEST = """
            {"identity": "0", "billId": "FFRC7N1"}
            """;

    /* Same page, 响应参数 with the table's example values (billStatus 01 无需确认, the red invoice's orderNo). */
    static final String RED_CONFIRM_QUERY_ANSWER = """
            {"code": "E0000", "describe": "查询成功", "result": {"total": "1", "list": [
              {"billNo": "1403011906000993", "billUuid": "1d7f08b6ddb64cb19b095b0360f074d", "billId": "FFRC7N1",
               "billStatus": "01", "billMessage": "", "invoiceSerialNum": "23010311130401000008", "orderNo": "FFR7N1",
               "requestStatus": "", "openStatus": "1", "applySource": "0", "blueInvoiceLine": "pc",
               "blueInvoiceNumber": "26118000000000000042", "billTime": "2020-03-26 18:44:00",
               "sellerTaxNo": "91110108MA01ABCD2H", "buyerName": "爱丽丝", "taxExcludedAmount": "-1885.85",
               "taxAmount": "-113.15", "redReason": "2"}
            ]}}
            """;

    /*
     * nuonuo.OpeMplatform.confirmInfoCancel (诺税通saas红字确认单撤销接口, V2.0):
     * https://open.nuonuo.com (API文档, method nuonuo.OpeMplatform.confirmInfoCancel); identity 0 销方, by billId.
     */
    static final String RED_CONFIRM_CANCEL_REQUEST = """
            {"identity": "0", "billId": "FFRC7N1"}
            """;

    /* Same page, 响应参数: code, describe 请求成功, an empty result object. */
    static final String RED_CONFIRM_CANCEL_ANSWER = """
            {"code": "E0000", "describe": "请求成功", "result": {}}
            """;

    /*
     * The result callback (开票结果回调) as Nuonuo documents it: https://open.nuonuo.com (API文档, 开票结果回调 / 回调说明):
     * an HTTP POST, Content-Type application/x-www-form-urlencoded, of operater=callback, orderno (our orderNo) and
     * content, a JSON string of the invoice's c_* fields (c_orderno, c_fpqqlsh, c_status 1 开票完成 / 2 开票失败 /
     * 3 开票成功签章失败, c_msg, c_fpdm and c_fphm (for a 数电 e-invoice c_fpdm is empty), c_kprq in epoch ms, c_bhsje,
     * c_hjse, c_url (PDF), c_ofd_url, c_jpg_url). The documentation gives the parameter table, not a sample body; this one
     * is written from the table with values of ours (field names and meanings as also modelled by open-source Nuonuo
     * clients, e.g. the ContentF callback model of wishare finance and InvoiceresultDto of hqtc bms on GitHub). No
     * signature: the platform signs its answers to our calls, not its callbacks.
     */
    static final String CALLBACK_FORM = "operater=callback&orderno=FF1024P1&content="
            + java.net.URLEncoder.encode("""
                    {"c_orderno": "FF1024P1", "c_fpqqlsh": "20160108165823395151", "c_status": "1", "c_msg": "开票完成",
                     "c_fpdm": "", "c_fphm": "26117000000000012345", "c_kprq": "1762049700000", "c_bhsje": "1885.85",
                     "c_hjse": "113.15", "c_url": "https://inv.nuonuo.com/p/26117000000000012345.pdf",
                     "c_ofd_url": "https://inv.nuonuo.com/p/26117000000000012345.ofd", "c_jpg_url": ""}
                    """, java.nio.charset.StandardCharsets.UTF_8);
}

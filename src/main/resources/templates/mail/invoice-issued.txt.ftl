<#if demoMark?has_content>【${demoMark}】
本邮件所附文件为演示系统生成的样票，不是税务机关开具的发票。

</#if>尊敬的 ${buyerTitle}：

您申请的电子发票已开具，PDF 文件见附件。

<#list invoices as invoice>
发票号码 ${invoice.number()}  价税合计 ¥${invoice.totalAmount()?string("0.00")}  税额 ¥${invoice.taxAmount()?string("0.00")}
</#list>

您也可以登录发票中心查看和下载发票：${portalUrl}/invoices

此邮件由系统自动发送，请勿直接回复。

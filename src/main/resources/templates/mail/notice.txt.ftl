${subject}

${message}
<#if requestId?has_content>

申请编号 ${requestId}，详情请登录发票中心查看：${portalUrl}/invoices
</#if>

此邮件由系统自动发送，请勿直接回复。

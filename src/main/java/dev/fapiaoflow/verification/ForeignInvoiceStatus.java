package dev.fapiaoflow.verification;

/** An invoice's status at the tax authority: 正常, 作废, 红冲 (whole or part), 失控, 异常. */
public enum ForeignInvoiceStatus { NORMAL, VOIDED, RED_FLUSHED, PARTIALLY_RED_FLUSHED, OUT_OF_CONTROL, ABNORMAL }

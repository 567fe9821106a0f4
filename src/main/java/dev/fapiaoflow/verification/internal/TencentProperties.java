package dev.fapiaoflow.verification.internal;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The Tencent Cloud account that checks foreign invoices ({@code fapiaoflow.verification.provider=tencent}): the API
 * key pair (SecretId, SecretKey; from the environment, never in a file), the region (optional for this action), the
 * endpoint ({@code https://ocr.tencentcloudapi.com}; blank means the in-context simulator of the tests) and the timeout.
 */
@Validated
@ConfigurationProperties("fapiaoflow.verification.tencent")
public record TencentProperties(String secretId, String secretKey, String region,
        @DefaultValue("https://ocr.tencentcloudapi.com") String endpoint,
        @NotNull @DefaultValue("PT10S") Duration timeout) {
}

/**
 * Real S3 services for tests, without Docker: {@link io.stockage.testkit.s3.S3MockFixture} (Adobe
 * S3Mock: versioning, conditional writes) and {@link io.stockage.testkit.s3.S3ProxyFixture}
 * (S3Proxy: signature checks, no versioning), each a child Java process whose jar is fetched into
 * the local Maven repository on first use; or, when {@code STOCKAGE_TEST_S3_ENDPOINT} is set, the
 * {@link io.stockage.testkit.s3.ExternalS3} service it names. {@link io.stockage.testkit.s3.S3Servers}
 * picks one. The fixtures can be stopped and started ({@link
 * io.stockage.testkit.conformance.ServerControl}) to test outages.
 */
package io.stockage.testkit.s3;

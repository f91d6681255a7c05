/**
 * Throughput benchmarks run by the {@code bench} profile of this module: Stockage's upload and
 * download pipeline on the local file system against {@code Files.copy} on the same disk (see
 * {@link io.stockage.examples.bench.PipelineBench}), the S3 provider against the AWS SDK
 * called directly on the same S3Mock bucket (see {@link io.stockage.examples.bench.S3Bench}), and
 * the SMB provider against smbj called directly on the same Samba share (see
 * {@link io.stockage.examples.bench.SmbBench}).
 */
package io.stockage.examples.bench;

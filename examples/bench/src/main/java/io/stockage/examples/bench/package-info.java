/**
 * A throughput benchmark of Stockage's upload and download pipeline on the local file system,
 * against {@code Files.copy} on the same disk. Run by the {@code bench} profile of this module;
 * see {@link io.stockage.examples.bench.PipelineBench}.
 */
package io.stockage.examples.bench;

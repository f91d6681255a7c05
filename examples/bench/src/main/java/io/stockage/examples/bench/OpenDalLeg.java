package io.stockage.examples.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.opendal.Operator;
import org.apache.opendal.ServiceConfig;

/**
 * Apache OpenDAL's Java binding: {@code Operator.write(path, byte[])} and {@code read(path)}, its
 * fast calls, which hold the whole file in the heap (its {@code OperatorOutputStream} and
 * {@code OperatorInputStream} move one byte per call into the native side).
 */
final class OpenDalLeg implements PeerLeg {
  private final String name;
  private final Operator operator;

  private OpenDalLeg(String name, Operator operator) {
    this.name = name;
    this.operator = operator;
  }

  /** The {@code fs} service rooted at the directory. */
  static OpenDalLeg fs(Path root) {
    return new OpenDalLeg("OpenDAL fs", Operator.of(ServiceConfig.Fs.builder().root(root.toString()).build()));
  }

  /** The {@code s3} service on a bucket of an S3-compatible endpoint, path-style. */
  static OpenDalLeg s3(String endpoint, String region, String bucket, String root, String accessKey,
      String secretKey) {
    return new OpenDalLeg("OpenDAL s3", Operator.of(ServiceConfig.S3.builder().endpoint(endpoint).region(region)
        .bucket(bucket).root(root).accessKeyId(accessKey).secretAccessKey(secretKey)
        .disableConfigLoad(true).disableEc2Metadata(true).build()));
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public long store(Path source, String key) throws IOException {
    return PeerLeg.timed(() -> operator.write(key, Files.readAllBytes(source)));
  }

  @Override
  public long fetch(String key, Path target) throws IOException {
    return PeerLeg.timed(() -> Files.write(target, operator.read(key)));
  }

  @Override
  public void remove(String key) {
    operator.delete(key);
  }

  @Override
  public void close() {
    operator.close();
  }
}

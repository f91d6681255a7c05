package io.stockage.provider.s3;

import io.stockage.testkit.s3.S3Server;
import io.stockage.testkit.s3.S3Servers;

/** {@link S3WriteBehaviour} on S3Mock (or the external service the environment names). */
class S3MockWriteIT extends S3WriteBehaviour {
  @Override
  protected S3Server server() {
    return S3Servers.s3Mock();
  }
}

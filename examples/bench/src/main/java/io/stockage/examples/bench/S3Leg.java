package io.stockage.examples.bench;

/** What one S3 benchmark run times: each client's PUTs, then each client's GETs. */
enum S3Leg {
  /** {@code S3StorageProvider.write} from a {@code FileInputStream}. */
  PROVIDER_PUT("provider PUT", true),
  /** The SDK's {@code putObject}, or a multipart upload, from a {@code FileInputStream}. */
  RAW_PUT("raw PUT", false),
  /** {@code S3StorageProvider.read}, drained into a discarding stream. */
  PROVIDER_GET("provider GET", true),
  /** The SDK's {@code getObject}, drained into a discarding stream. */
  RAW_GET("raw GET", false);

  private final String label;
  private final boolean provider;

  S3Leg(String label, boolean provider) {
    this.label = label;
    this.provider = provider;
  }

  /** The name in the report. */
  String label() {
    return label;
  }

  /** Whether this leg goes through the provider. */
  boolean provider() {
    return provider;
  }

  /** Whether this leg writes. */
  boolean put() {
    return this == PROVIDER_PUT || this == RAW_PUT;
  }

  /** The leg of the same direction through the other client. */
  S3Leg counterpart() {
    return switch (this) {
      case PROVIDER_PUT -> RAW_PUT;
      case RAW_PUT -> PROVIDER_PUT;
      case PROVIDER_GET -> RAW_GET;
      case RAW_GET -> PROVIDER_GET;
    };
  }
}
